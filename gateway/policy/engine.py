"""The declarative policy engine: every rule whose conditions hold fires; one outcome.

Combination (docs/policies.md, "How rules combine"):
- every matching rule fires, in file order (files in name order); all are recorded;
- the outcome is the fired rule with the highest precedence:
  respond > block > route > redact > allow (a safe response is never withheld;
  nothing blocked is forwarded); among rules with the same action the first wins;
- redactions of all fired `redact` rules merge (kinds united; for a kind named twice,
  the stricter mode: mask > hash > pseudonymize) and also apply to a routed request;
- output obligations of all fired rules accumulate; every fired `limit` applies;
- no rule fired: allow, reason code `allowed`.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from celpy import celtypes

from gateway.auth import Principal
from gateway.phi.normalize import normalize
from gateway.policy import Decision, Limit, OutputObligations, PolicyInput, UnsafeOutput
from gateway.policy.conditions import Clock, ConditionError, Program, params_values, phi_values, to_cel
from gateway.policy.schema import ContentMatch, PolicyFile, Rule

PRECEDENCE = ("respond", "block", "route", "redact", "allow")
STRICTNESS = {"pseudonymize": 0, "hash": 1, "mask": 2}
SCAN_STRICTNESS = {"off": 0, "flag": 1, "redact": 2, "block": 3}
DEFAULT_CODES = {"allow": "allowed", "redact": "phi_redacted", "route": "routed"}
REVIEW_MARK = "obligation:review"   # in fired_rules: someone asked for human review


class PolicyEvaluationError(Exception):
    """A condition failed on a request. Names the rule, never the request's data."""

    def __init__(self, source: str, rule_id: str, problem: str) -> None:
        super().__init__(f"{source}: rule '{rule_id}': when: {problem}")
        self.rule_id = rule_id


def content_matcher(match: ContentMatch) -> re.Pattern:
    """Keywords as whole words or phrases (any whitespace between words), and patterns,
    in one case-insensitive expression."""
    words = [r"\s+".join(re.escape(w) for w in kw.lower().split()) for kw in match.keywords if kw.strip()]
    parts = ([r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)"] if words else []) + \
        [f"(?:{p})" for p in match.patterns]
    return re.compile("|".join(parts), re.IGNORECASE)


def normalized_content(text: str) -> str:
    """What content rules see: disguises undone (gateway.phi.normalize), lower case."""
    return normalize(text).text.lower() if text else ""


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    source: str                    # the file it came from
    condition: int | None          # index into its file's Program
    content: re.Pattern | None
    unsafe: UnsafeOutput | None = None


class CompiledFile:
    def __init__(self, source: str, policy: PolicyFile, rules: list[CompiledRule], program: Program) -> None:
        self.source, self.policy, self.rules, self.program = source, policy, rules, program
        self.clock = Clock(ZoneInfo(policy.settings.timezone))
        self.vars = to_cel(policy.vars)
        self.reads_content = program.reads_content or any(r.content is not None for r in rules)


@lru_cache(maxsize=4096)
def _principal_values(principal: Principal) -> celtypes.MapType:
    return to_cel({"key_id": principal.key_id, "app": principal.app, "team": principal.team or "",
                        "role": principal.role})


@lru_cache(maxsize=1024)
def _model_values(name: str, provider: str, baa: bool) -> celtypes.MapType:
    return to_cel({"name": name, "provider": provider, "baa": baa})


class PolicySet:
    """A loaded, validated set of policy files; what the pipeline calls `decide` on."""

    def __init__(self, files: list[CompiledFile], site_modes: dict[str, str] | None = None,
                 digest: str = "") -> None:
        self.files = files
        self.site_modes = site_modes or {}
        self.digest = digest or hashlib.sha256(b"").hexdigest()
        self.reads_content = any(f.reads_content for f in files)
        self.rules = [r for f in files for r in f.rules]

    @property
    def version(self) -> str:
        return self.digest[:12]

    # -- evaluation ----------------------------------------------------------------------------
    def values(self, request: PolicyInput, content: str, file: CompiledFile, now: datetime) -> dict[str, Any]:
        return {
            "principal": _principal_values(request.principal),
            "model": _model_values(request.model, request.provider, request.baa),
            "operation": celtypes.StringType(request.operation),
            "phi": phi_values(request.phi, request.phi_scores),
            "content": celtypes.StringType(content),
            "params": params_values(request.params),
            "time": file.clock.values(now),
            "vars": file.vars,
        }

    def fired(self, request: PolicyInput) -> list[CompiledRule]:
        now = request.now or datetime.now(timezone.utc)
        content = normalized_content(request.content) if self.reads_content else ""
        fired: list[CompiledRule] = []
        shared: dict[str, Any] | None = None
        for file in self.files:
            values = self.values(request, content, file, now) if shared is None else \
                {**shared, "time": file.clock.values(now), "vars": file.vars}
            shared = values
            try:
                results = file.program.run(values)
            except ConditionError as exc:
                rule = next(r for r in file.rules if r.condition == exc.index)
                raise PolicyEvaluationError(file.source, rule.rule.id, exc.problem) from None
            for compiled in file.rules:
                if compiled.condition is not None and not results[compiled.condition]:
                    continue
                if compiled.content is not None and not compiled.content.search(content):
                    continue
                fired.append(compiled)
        return fired

    def decide(self, request: PolicyInput) -> Decision:
        fired = self.fired(request)
        by_action: dict[str, list[Rule]] = {}
        for compiled in fired:
            by_action.setdefault(compiled.rule.action, []).append(compiled.rule)
        ids = tuple(c.rule.id for c in fired)
        reasons = tuple(c.rule.description or c.rule.action for c in fired)
        output = _merge_output([c for c in fired if c.rule.action != "block"])
        if output.review:
            ids += (REVIEW_MARK,)
        if "respond" in by_action or "block" in by_action:
            winner = (by_action.get("respond") or by_action["block"])[0]
            # The gateway's own reply needs no scan: a disclaimer, the review flag and
            # content storage still apply.
            kept = OutputObligations(disclaimer=output.disclaimer, review=output.review,
                                     store_content=output.store_content) \
                if winner.action == "respond" else OutputObligations()
            return Decision(action=winner.action, reason_code=winner.reason_code or winner.action,
                            message=winner.message, output=kept, fired_rules=ids, reasons=reasons)
        redact = self._redactions(by_action.get("redact", []))
        blocked = sorted(kind for kind, mode in redact.items() if mode == "block" and kind in request.phi)
        if blocked:   # the site config forbids forwarding these kinds at all
            return Decision(action="block", reason_code="phi_blocked", fired_rules=ids, reasons=reasons,
                            message=f"this gateway does not forward {', '.join(blocked)} identifiers")
        routes = by_action.get("route", [])
        decisive = next((by_action[a][0] for a in ("route", "redact", "allow") if a in by_action), None)
        reason = "allowed" if decisive is None else decisive.reason_code or DEFAULT_CODES[decisive.action]
        limits = tuple(Limit(rule_id=r.id, per=r.limit.per, requests_per_minute=r.limit.requests_per_minute,
                             tokens_per_day=r.limit.tokens_per_day, message=r.message, reason_code=r.reason_code or (
                                 "rate_limited" if r.limit.requests_per_minute else "token_budget_exceeded"))
                       for r in by_action.get("limit", []) if r.limit is not None)
        return Decision(action="allow", reason_code=reason, redact=redact,
                        route_to=routes[0].route.to if routes and routes[0].route else None,
                        output=output, limits=limits, fired_rules=ids, reasons=reasons)

    def _redactions(self, rules: list[Rule]) -> dict[str, str]:
        modes: dict[str, str] = {}
        for rule in rules:
            assert rule.redact is not None
            for kind in rule.redact.kind_list():
                mode = rule.redact.mode or self.site_modes.get(kind, "pseudonymize")
                current = modes.get(kind)
                if current is None or STRICTNESS.get(mode, 9) > STRICTNESS.get(current, 9):
                    modes[kind] = mode
        return modes


def unsafe_output(rule: Rule) -> UnsafeOutput | None:
    spec = rule.output.block_unsafe if rule.output else None
    if spec is None:
        return None
    pattern = re.compile("|".join(f"(?:{p})" for p in spec.patterns), re.IGNORECASE)
    return UnsafeOutput(rule.id, pattern, spec.message, spec.reason_code)


def _merge_output(fired: list[CompiledRule]) -> OutputObligations:
    scan, disclaimers, review, store, unsafe = "off", [], False, False, []
    for compiled in fired:
        out = compiled.rule.output
        if out is None:
            continue
        if out.scan_phi and SCAN_STRICTNESS[out.scan_phi] > SCAN_STRICTNESS[scan]:
            scan = out.scan_phi
        if out.disclaimer and out.disclaimer not in disclaimers:
            disclaimers.append(out.disclaimer)
        review = review or out.review
        store = store or out.store_content
        if compiled.unsafe is not None:
            unsafe.append(compiled.unsafe)
    return OutputObligations(scan_phi=scan, disclaimer="\n\n".join(disclaimers) or None,  # type: ignore[arg-type]
                             review=review, store_content=store, unsafe=tuple(unsafe))
