"""The policies the gateway would enforce with this environment's config, and their
test cases' results, read with the gateway's own loader and `medgate policy test`
machinery (gateway.policy.loader / gateway.policy.testing)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ActivePolicies:
    path: Path | None
    enabled: bool = True
    version: str | None = None
    error: str | None = None                                 # the loader's message (file, line, rule, field)
    files: list[dict] = field(default_factory=list)          # file, description, rules
    rules: list[dict] = field(default_factory=list)          # one row per rule, in policy order


def active() -> ActivePolicies:
    from gateway.policy.loader import PolicyError, load_policy_set
    from gateway.policy.reload import policy_path
    from gateway.settings import ConfigError, Settings, load_config
    try:
        config = load_config(Settings().config)
    except ConfigError as exc:
        return ActivePolicies(None, error=f"config error: {exc}")
    path = policy_path(config)
    if not config.medgate.policies.enabled:
        return ActivePolicies(path, enabled=False)
    try:
        policy = load_policy_set(path, models={m.model_name for m in config.model_list},
                                 site_modes=config.medgate.phi.mode_of())
    except PolicyError as exc:
        return ActivePolicies(path, error=str(exc))
    out = ActivePolicies(path, version=policy.version)
    for f in policy.files:
        out.files.append({"file": _short(f.source, path), "description": f.policy.description, "rules": len(f.rules)})
        for compiled in f.rules:
            r = compiled.rule
            out.rules.append({"rule": r.id, "file": _short(f.source, path), "action": r.action,
                              "reason_code": r.reason_code or "", "description": r.description,
                              "when": r.when or "(always)",
                              "content match": "yes" if r.content is not None else ""})
    return out


def test_results(path: Path) -> list[dict]:
    """Every case of every *.test.yaml for `path`, as `medgate policy test` runs them."""
    from gateway.policy.testing import find_test_files, run_file
    rows = []
    for file in find_test_files(path):
        for result in run_file(file):
            rows.append({"file": _short(str(file), path), "case": result.case,
                         "result": "PASS" if result.passed else "FAIL", "problems": "; ".join(result.failures)})
    return rows


def _short(source: str, root: Path) -> str:
    base = root if root.is_dir() else root.parent
    try:
        return str(Path(source).resolve().relative_to(base.resolve()))
    except ValueError:
        return str(source)
