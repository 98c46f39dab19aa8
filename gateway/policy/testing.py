"""Policy test cases as data, like `opa test`: `medgate policy test [PATH]`.

`X.test.yaml` holds cases for the policy `X.yaml` beside it (or for `policy:`, a
file or directory relative to the test file). Each case is a request (principal,
model, PHI findings, user text, params, time) and the decision expected of it;
only the fields named under `expect` are checked.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gateway.auth import Principal
from gateway.policy import Decision, PolicyInput
from gateway.policy.engine import REVIEW_MARK, PolicyEvaluationError
from gateway.policy.loader import TEST_SUFFIX, PolicyError, load_policy_set, read_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CasePrincipal(_Strict):
    key_id: str = "test-key"
    app: str = "test-app"
    team: str | None = None
    role: Literal["app", "auditor", "admin"] = "app"


class CaseModel(_Strict):
    name: str = "test-model"
    provider: str = "openai"
    baa: bool = False


class CaseRequest(_Strict):
    principal: CasePrincipal = Field(default_factory=CasePrincipal)
    model: CaseModel = Field(default_factory=CaseModel)
    operation: Literal["chat", "embeddings"] = "chat"
    phi: dict[str, int] = Field(default_factory=dict)
    phi_scores: dict[str, float] = Field(default_factory=dict)
    content: str = ""
    params: dict[str, Any] = Field(default_factory=dict)
    time: datetime = datetime(2026, 1, 6, 15, 0, tzinfo=timezone.utc)   # a Tuesday, 10:00 in New York


class Expect(_Strict):
    action: Literal["allow", "block", "respond"] | None = None
    reason_code: str | None = None
    fired: list[str] | None = None            # exactly these rules, in order
    fired_includes: list[str] | None = None
    not_fired: list[str] | None = None
    redact: dict[str, str] | None = None      # these kinds with these modes (others not checked)
    not_redacted: list[str] | None = None
    route_to: str | None = None
    review: bool | None = None
    store_content: bool | None = None
    disclaimer: bool | None = None
    scan_phi: Literal["off", "flag", "redact", "block"] | None = None
    limits: list[str] | None = None           # ids of the limit rules that apply
    message_contains: str | None = None


class Case(_Strict):
    name: str
    request: CaseRequest = Field(default_factory=CaseRequest)
    expect: Expect


class CaseFile(_Strict):
    policy: str | None = None                 # default: the sibling X.yaml of X.test.yaml
    models: list[str] | None = None           # model names route targets must be among
    cases: list[Case] = Field(min_length=1)


@dataclass
class Result:
    file: Path
    case: str
    failures: list[str]

    @property
    def passed(self) -> bool:
        return not self.failures


def check(decision: Decision, expect: Expect) -> list[str]:
    """What differs between the decision and the expectation, one line each."""
    fired = [r for r in decision.fired_rules if ":" not in r]   # rule ids, not markers
    problems = []

    def differ(name: str, want: Any, got: Any) -> None:
        if want is not None and want != got:
            problems.append(f"{name}: expected {want!r}, got {got!r}")

    differ("action", expect.action, decision.action)
    differ("reason_code", expect.reason_code, decision.reason_code)
    differ("fired", expect.fired, fired)
    for rule in expect.fired_includes or []:
        if rule not in fired:
            problems.append(f"fired: expected to include {rule!r}, got {fired!r}")
    for rule in expect.not_fired or []:
        if rule in fired:
            problems.append(f"fired: expected not to include {rule!r}, got {fired!r}")
    for kind, mode in (expect.redact or {}).items():
        differ(f"redact.{kind}", mode, decision.redact.get(kind))
    for kind in expect.not_redacted or []:
        if kind in decision.redact:
            problems.append(f"redact.{kind}: expected not redacted, got {decision.redact[kind]!r}")
    differ("route_to", expect.route_to, decision.route_to)
    differ("review", expect.review, REVIEW_MARK in decision.fired_rules)
    differ("store_content", expect.store_content, decision.output.store_content)
    differ("disclaimer", expect.disclaimer, decision.output.disclaimer is not None)
    differ("scan_phi", expect.scan_phi, decision.output.scan_phi)
    differ("limits", expect.limits, [limit.rule_id for limit in decision.limits])
    if expect.message_contains is not None and expect.message_contains not in (decision.message or ""):
        problems.append(f"message: expected to contain {expect.message_contains!r}, got {decision.message!r}")
    return problems


def _input(request: CaseRequest) -> PolicyInput:
    p = request.principal
    return PolicyInput(principal=Principal(key_id=p.key_id, app=p.app, role=p.role, team=p.team),
                       operation=request.operation, model=request.model.name, provider=request.model.provider,
                       baa=request.model.baa, phi=request.phi, phi_scores=request.phi_scores,
                       content=request.content, params=request.params, now=request.time)


def find_test_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.rglob(f"*{TEST_SUFFIX}"))
    if path.name.endswith(TEST_SUFFIX):
        return [path]
    sibling = path.with_name(path.name.removesuffix(path.suffix) + TEST_SUFFIX)
    return [sibling] if sibling.exists() else []


def run_file(path: Path) -> list[Result]:
    """Every case of one test file; a file that cannot be used is one failed result."""
    try:
        data, _, _ = read_yaml(path)
        spec = CaseFile.model_validate(data)
    except PolicyError as exc:
        return [Result(path, "(test file)", [str(exc)])]
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        return [Result(path, "(test file)", [f"{path}: {where}: {error['msg']}"])]
    target = (path.parent / spec.policy) if spec.policy else \
        path.with_name(path.name.removesuffix(TEST_SUFFIX) + ".yaml")
    try:
        policy = load_policy_set(target, models=spec.models)
    except PolicyError as exc:
        return [Result(path, "(policy)", [str(exc)])]
    results = []
    for case in spec.cases:
        try:
            problems = check(policy.decide(_input(case.request)), case.expect)
        except PolicyEvaluationError as exc:
            problems = [str(exc)]
        results.append(Result(path, case.name, problems))
    return results
