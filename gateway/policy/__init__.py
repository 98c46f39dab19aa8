"""Policy seam: what the pipeline asks, and what it is told.

`PolicyInput` is everything a rule may look at; `Decision` is everything the
pipeline will do about it. The declarative engine (YAML rules, CEL conditions)
implements `PolicyEngine`; `BaselinePolicy` is the built-in fallback.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from gateway.auth import Principal


@dataclass(frozen=True)
class PolicyInput:
    principal: Principal
    operation: str                 # chat | embeddings
    model: str
    baa: bool                      # the requested model's provider is BAA-covered
    phi: dict[str, int]            # PHI kinds found -> counts
    params: dict[str, Any]         # request parameters other than the content


@dataclass(frozen=True)
class Decision:
    action: Literal["allow", "block"] = "allow"
    reason_code: str = "allowed"
    message: str | None = None                 # shown to the client when blocked
    redact: dict[str, str] = field(default_factory=dict)   # kind -> pseudonymize|mask
    route_to: str | None = None                # another model_name
    obligations: tuple[str, ...] = ()          # e.g. scan_output, disclaimer, review
    fired_rules: tuple[str, ...] = ()


class PolicyEngine(Protocol):
    def decide(self, request: PolicyInput) -> Decision: ...


class BaselinePolicy:
    """Pseudonymize every PHI kind found before any provider sees it."""

    def decide(self, request: PolicyInput) -> Decision:
        if not request.phi:
            return Decision(fired_rules=("baseline",))
        return Decision(reason_code="phi_pseudonymized",
                        redact={kind: "pseudonymize" for kind in request.phi},
                        fired_rules=("baseline",))
