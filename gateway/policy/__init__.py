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
    """The built-in policy: each PHI kind found gets its configured mode (default:
    pseudonymize) before any provider sees it; a kind configured `block` refuses the
    request; replies are scanned for PHI the model introduced."""

    def __init__(self, modes: dict[str, str] | None = None, scan_output: bool = True) -> None:
        self._modes = modes or {}
        self._obligations = ("scan_output",) if scan_output else ()

    def decide(self, request: PolicyInput) -> Decision:
        modes = {kind: self._modes.get(kind, "pseudonymize") for kind in request.phi}
        blocked = sorted(kind for kind, mode in modes.items() if mode == "block")
        if blocked:
            return Decision(action="block", reason_code="phi_blocked", fired_rules=("baseline",),
                            message=f"this gateway does not forward {', '.join(blocked)} identifiers")
        return Decision(reason_code="phi_redacted" if modes else "allowed", redact=modes,
                        obligations=self._obligations, fired_rules=("baseline",))
