"""Policy seam: what the pipeline asks, and what it is told.

`PolicyInput` is everything a rule may look at; `Decision` is everything the
pipeline will do about it. The declarative engine (YAML rules, CEL conditions,
gateway/policy/engine.py) implements `PolicyEngine`; `BaselinePolicy` is the
built-in fallback used only when policies are disabled in the config.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from gateway.auth import Principal

ScanMode = Literal["off", "flag", "redact", "block"]


@dataclass(frozen=True)
class PolicyInput:
    principal: Principal
    operation: str                 # chat | embeddings
    model: str
    baa: bool                      # the requested model's provider is BAA-covered
    phi: dict[str, int]            # PHI kinds found -> counts
    params: dict[str, Any]         # request parameters other than the content
    provider: str = ""
    phi_scores: dict[str, float] = field(default_factory=dict)   # kind -> highest score
    content: str = field(default="", repr=False)   # user-authored text: in memory only, never printed
    now: datetime | None = None    # None: the engine's clock


@dataclass(frozen=True)
class UnsafeOutput:
    """A reply pattern a rule forbids: the matching choice is withheld."""
    rule_id: str
    pattern: re.Pattern
    message: str
    reason_code: str


@dataclass(frozen=True)
class OutputObligations:
    scan_phi: ScanMode = "off"     # PHI the model introduced: count it, mask it, or withhold the reply
    disclaimer: str | None = None  # appended to every choice's content
    review: bool = False           # flag the exchange for human review
    store_content: bool = False    # keep the redacted request and reply in the audit record
    unsafe: tuple[UnsafeOutput, ...] = ()


@dataclass(frozen=True)
class Limit:
    """A rate limit or token budget a fired rule imposes on this request's subject."""
    rule_id: str
    per: Literal["key", "app", "team"]
    requests_per_minute: int | None = None
    tokens_per_day: int | None = None
    reason_code: str = "rate_limited"
    message: str | None = None     # for the client instead of the standard text


@dataclass(frozen=True)
class Decision:
    action: Literal["allow", "block", "respond"] = "allow"   # respond: a policy's own reply, not forwarded
    reason_code: str = "allowed"
    message: str | None = None                 # shown to the client when blocked / the reply when responding
    redact: dict[str, str] = field(default_factory=dict)   # kind -> pseudonymize|mask|hash
    route_to: str | None = None                # another model_name
    output: OutputObligations = field(default_factory=OutputObligations)
    limits: tuple[Limit, ...] = ()
    fired_rules: tuple[str, ...] = ()          # rule ids, in policy order (+ obligation:review)
    reasons: tuple[str, ...] = ()              # one short "why" per fired rule, same order


class PolicyEngine(Protocol):
    def decide(self, request: PolicyInput) -> Decision: ...


class BaselinePolicy:
    """The built-in policy when policies are disabled: each PHI kind found gets its
    configured mode (default: pseudonymize) before any provider sees it; a kind
    configured `block` refuses the request; replies are scanned for PHI the model
    introduced."""

    def __init__(self, modes: dict[str, str] | None = None, scan_output: bool = True) -> None:
        self._modes = modes or {}
        self._output = OutputObligations(scan_phi="flag" if scan_output else "off")

    def decide(self, request: PolicyInput) -> Decision:
        modes = {kind: self._modes.get(kind, "pseudonymize") for kind in request.phi}
        blocked = sorted(kind for kind, mode in modes.items() if mode == "block")
        if blocked:
            return Decision(action="block", reason_code="phi_blocked", fired_rules=("baseline",),
                            message=f"this gateway does not forward {', '.join(blocked)} identifiers")
        return Decision(reason_code="phi_redacted" if modes else "allowed", redact=modes,
                        output=self._output, fired_rules=("baseline",))
