"""`medgate policy test|check` and refusing to serve a bad policy."""
from __future__ import annotations

from pathlib import Path

import yaml

from gateway.cli import main

POLICIES = Path(__file__).parents[2] / "policies"
POLICY = """\
rules:
  - id: no-ssn
    when: '"SSN" in phi.kinds'
    action: block
    reason_code: ssn_not_allowed
    message: SSNs may not be sent.
"""


def test_shipped_policies_pass_their_tests(capsys):
    assert main(["policy", "test", str(POLICIES)]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out and "policy test cases passed" in out
    passed, total = out.strip().splitlines()[-1].split()[0].split("/")
    assert passed == total and int(total) >= 12


def test_failing_case_exits_1_and_says_what_differed(tmp_path, capsys):
    (tmp_path / "site.yaml").write_text(POLICY)
    (tmp_path / "site.test.yaml").write_text(yaml.safe_dump({"cases": [
        {"name": "ssn blocked", "request": {"phi": {"SSN": 1}},
         "expect": {"action": "block", "reason_code": "ssn_not_allowed", "fired": ["no-ssn"]}},
        {"name": "wrong expectation", "request": {"phi": {"SSN": 1}},
         "expect": {"action": "allow", "reason_code": "allowed"}},
    ]}))
    assert main(["policy", "test", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"FAIL {tmp_path / 'site.test.yaml'}: wrong expectation" in out
    assert "action: expected 'allow', got 'block'" in out and "reason_code: expected 'allowed'" in out
    assert "1/2 policy test cases passed" in out
    assert main(["policy", "test", str(tmp_path / "site.yaml")]) == 1      # a policy file finds its tests


def test_bad_policy_or_test_file_fails_with_the_reason(tmp_path, capsys):
    (tmp_path / "site.yaml").write_text(POLICY.replace("phi.kinds", "phi.kind"))
    (tmp_path / "site.test.yaml").write_text(yaml.safe_dump({"cases": [{"name": "x", "expect": {"action": "allow"}}]}))
    assert main(["policy", "test", str(tmp_path)]) == 1
    assert "rule 'no-ssn': when: refers to a field or key that does not exist" in capsys.readouterr().out
    (tmp_path / "site.yaml").write_text(POLICY)
    (tmp_path / "site.test.yaml").write_text(yaml.safe_dump({"cases": [{"name": "x", "expect": {"acton": "allow"}}]}))
    assert main(["policy", "test", str(tmp_path)]) == 1
    assert "cases.0.expect.acton: Extra inputs are not permitted" in capsys.readouterr().out
    assert main(["policy", "test", str(tmp_path / "empty")]) == 1


def test_check(tmp_path, capsys):
    (tmp_path / "site.yaml").write_text(POLICY)
    assert main(["policy", "check", str(tmp_path)]) == 0
    assert "1 rules in 1 file(s)" in capsys.readouterr().out
    (tmp_path / "site.yaml").write_text(POLICY.replace("action: block", "action: blok"))
    assert main(["policy", "check", str(tmp_path)]) == 2
    assert "rule 'no-ssn': action: Input should be" in capsys.readouterr().err


def test_serve_refuses_a_bad_policy_with_exit_2(tmp_path, monkeypatch, capsys):
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "site.yaml").write_text(POLICY.replace("'\"SSN\" in phi.kinds'", "'phi.total >'"))
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({
        "model_list": [{"model_name": "m", "litellm_params": {"model": "medgate/simulator"}}],
        "medgate": {"policies": {"path": "policies"}}}))
    monkeypatch.setenv("MEDGATE_CONFIG", "")        # serve sets it; restored after the test
    monkeypatch.setenv("MEDGATE_HOME", str(tmp_path / "home"))
    assert main(["serve", "--config", str(tmp_path / "config.yaml"), "--port", "1"]) == 2   # before binding
    err = capsys.readouterr().err
    assert "config error:" in err and "site.yaml:2: rule 'no-ssn': when: CEL syntax error" in err
