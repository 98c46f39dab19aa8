"""Loading policy files: a bad file is reported by file, line, rule and field, and never half-loads."""
from __future__ import annotations

from pathlib import Path

import pytest

from gateway.policy.loader import PolicyError, load_policy_set

MODELS = {"clinical-gpt", "onprem-llama"}
GOOD = """\
version: 1
rules:
  - id: ok-rule
    when: phi.total > 0
    action: redact
    redact: {kinds: all, mode: mask}
"""


def _load(tmp_path: Path, text: str, name: str = "site.yaml"):
    (tmp_path / name).write_text(text)
    return load_policy_set(tmp_path, models=MODELS)


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(PolicyError) as exc:
        _load(tmp_path, text)
    return str(exc.value)


def test_shipped_policies_load():
    policy = load_policy_set(Path(__file__).parents[2] / "policies", models={"clinical-gpt"})
    assert {r.rule.id for r in policy.rules} >= {"crisis-safe-response", "clinician-only-dosing",
                                                 "non-baa-pseudonymize"}
    assert len(policy.version) == 12


def test_good_file_loads(tmp_path):
    policy = _load(tmp_path, GOOD)
    assert [r.rule.id for r in policy.rules] == ["ok-rule"]


def test_cel_syntax_error_names_file_line_rule_field(tmp_path):
    message = _error(tmp_path, GOOD + """\
  - id: phi-to-non-baa
    when: "!model.baa &&& phi.total > 0"
    action: allow
""")
    assert message.startswith(f"{tmp_path / 'site.yaml'}:7: rule 'phi-to-non-baa': when: CEL syntax error at line 1 column")


@pytest.mark.parametrize("rule, expected", [
    ("  - {id: r2, action: block, reason_code: nope}\n", "rule 'r2': action 'block' needs 'message'"),
    ("  - {id: r2, action: forward}\n", "rule 'r2': action: Input should be"),
    ("  - {id: r2, action: allow, colour: red}\n", "rule 'r2': colour: unknown field"),
    ("  - {id: r2, action: redact, redact: {kinds: [PERSON, NAME]}}\n", "rule 'r2': redact.kinds: unknown PHI kind(s) NAME"),
    ("  - {id: r2, action: redact, redact: {kinds: all, mode: scramble}}\n", "rule 'r2': redact.mode: Input should be"),
    ("  - {id: r2, action: route, route: {to: gpt-5-public}}\n", "rule 'r2': route.to: model 'gpt-5-public' is not in the gateway config"),
    ("  - {id: r2, action: block, message: no, reason_code: Blocked-Now}\n", "rule 'r2': reason_code: must be snake_case"),
    ("  - {id: Bad Id, action: allow}\n", "rule 'Bad Id': id: must be"),
    ("  - {id: ok-rule, action: allow}\n", "rule 'ok-rule': id: duplicate"),
    ("  - {id: r2, action: allow, content: {patterns: ['(unclosed']}}\n", "rule 'r2': content.patterns: not a valid regular expression"),
    ("  - {id: r2, action: allow, content: {}}\n", "rule 'r2': content: needs at least one keyword or pattern"),
    ("  - {id: r2, action: limit, limit: {per: key}}\n", "rule 'r2': limit: set requests_per_minute and/or tokens_per_day"),
    ("  - {id: r2, action: block, message: m, reason_code: c, output: {review: true}}\n", "rule 'r2': a blocked request has no reply"),
    ("  - {id: r2, when: 'principal.department == \"er\"', action: allow}\n", "rule 'r2': when: refers to a field or key that does not exist"),
    ("  - {id: r2, when: 'principl.app == \"er\"', action: allow}\n", "rule 'r2': when: refers to an unknown variable"),
    ("  - {id: r2, when: 'principal.app', action: allow}\n", "rule 'r2': when: must be a boolean"),
])
def test_rule_mistakes(tmp_path, rule, expected):
    message = _error(tmp_path, GOOD + rule)
    assert message.startswith(f"{tmp_path / 'site.yaml'}:7: ") and expected in message, message


def test_file_level_mistakes(tmp_path):
    assert "not valid YAML" in _error(tmp_path, "rules:\n  - id: a\n   action: allow\n")
    assert ":3: not valid YAML" in _error(tmp_path, "rules:\n  - id: a\n   action: allow\n")
    assert "rules: List should have at least 1 item" in _error(tmp_path, "version: 1\nrules: []\n")
    assert "settings.timezone: unknown time zone 'Mars/Olympus'" in _error(
        tmp_path, "settings: {timezone: Mars/Olympus}\n" + GOOD.removeprefix("version: 1\n"))
    assert "version: Input should be 1" in _error(tmp_path, GOOD.replace("version: 1", "version: 2"))
    assert "expected a mapping" in _error(tmp_path, "- just a list\n")
    assert ":5: key 'when' appears twice" in _error(tmp_path, "rules:\n  - id: a\n    action: allow\n"
                                                          "    when: principal.app == 'x'\n    when: 'true'\n")


def test_one_bad_file_loads_nothing(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD.replace("ok-rule", "other").replace("phi.total", "phi.totl"))
    with pytest.raises(PolicyError) as exc:
        load_policy_set(tmp_path, models=MODELS)
    assert "b.yaml" in str(exc.value) and "rule 'other'" in str(exc.value)


def test_test_files_and_empty_directories(tmp_path):
    (tmp_path / "site.test.yaml").write_text("cases: []\n")
    with pytest.raises(PolicyError, match="no policy files"):
        load_policy_set(tmp_path)
    with pytest.raises(PolicyError, match="no such policy file"):
        load_policy_set(tmp_path / "missing.yaml")


def test_files_load_in_name_order_and_version_changes_with_content(tmp_path):
    (tmp_path / "20-b.yaml").write_text(GOOD.replace("ok-rule", "second"))
    (tmp_path / "10-a.yaml").write_text(GOOD.replace("ok-rule", "first"))
    first = load_policy_set(tmp_path, models=MODELS)
    assert [r.rule.id for r in first.rules] == ["first", "second"]
    (tmp_path / "10-a.yaml").write_text(GOOD.replace("ok-rule", "first").replace("mask", "hash"))
    assert load_policy_set(tmp_path, models=MODELS).version != first.version
