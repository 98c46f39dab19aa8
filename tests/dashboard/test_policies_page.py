"""The Policies page through the real app script: the active rules with their fire
counts from the audit store, and the policy test cases' results (also failing ones)."""
from __future__ import annotations

from pathlib import Path

import yaml

from gateway.policy.reload import SHIPPED
from tests.dashboard import seed
from tests.dashboard.apptest import app, create_key, frame_with, open_page, sign_in, texts
from tests.dashboard.conftest import fill

POLICY = """\
version: 1
description: Referral letters - BAA models only for identified patients
rules:
  - id: referral-phi-offsite
    description: identified referral letters never go to a non-BAA provider
    when: "!model.baa && phi.total > 0"
    action: block
    reason_code: phi_offsite_refused
    message: Identified referral letters may only use the on-prem model.
"""
TESTS = """\
models: [medgate-local]
cases:
  - name: an identified referral to a non-BAA model is refused
    request:
      model: {name: medgate-local, baa: false}
      phi: {PERSON: 1, DATE: 1}
      content: Referral for Mr. Abernathy-Quill, seen 03/14 for new-onset atrial fibrillation.
    expect: {action: block, reason_code: phi_offsite_refused}
  - name: a de-identified request is wrongly expected to be blocked
    request:
      model: {name: medgate-local, baa: false}
      content: Outline a CHA2DS2-VASc referral template.
    expect: {action: block}
"""


def config(tmp_path: Path, policy: str = POLICY) -> Path:
    pdir = tmp_path / "site-policies"
    pdir.mkdir()
    (pdir / "referrals.yaml").write_text(policy)
    (pdir / "referrals.test.yaml").write_text(TESTS)
    cfg = tmp_path / "medgate.yaml"
    cfg.write_text(yaml.safe_dump({"model_list": [{"model_name": "medgate-local",
                                                   "litellm_params": {"model": "medgate/simulator"}}],
                                   "medgate": {"policies": {"path": str(pdir)}}}))
    return cfg


def test_shipped_policies_with_fire_counts_and_passing_tests(env):
    records = fill(env, 150)
    at = open_page(sign_in(app(), create_key(env, "auditor")), "views/policies.py")
    assert not at.exception
    rules = frame_with(at, "rule", "fired", "action")
    shipped = yaml.safe_load((SHIPPED / "default.yaml").read_text())["rules"]
    assert list(rules["rule"]) == [r["id"] for r in shipped]
    fired = dict(zip(rules["rule"], rules["fired"]))
    want = seed.expected_rules(records)
    for rule in ("non-baa-pseudonymize", "clinician-only-dosing", "crisis-safe-response"):
        assert fired[rule] == want[rule] > 0
    markers = frame_with(at, "rule or marker")
    assert dict(zip(markers["rule or marker"], markers["fired"]))["obligation:review"] == want["obligation:review"]
    cases = sum(len(yaml.safe_load(p.read_text())["cases"]) for p in SHIPPED.rglob("*.test.yaml"))
    results = frame_with(at, "case", "result")
    assert len(results) == cases and set(results["result"]) == {"PASS"}
    assert f"{cases}/{cases} policy test cases pass" in at.success[0].value


def test_failing_case_and_no_audit_store(env, tmp_path, monkeypatch):
    monkeypatch.setenv("MEDGATE_CONFIG", str(config(tmp_path)))
    key = create_key(env, "auditor")
    at = open_page(sign_in(app(), key), "views/policies.py")
    assert not at.exception
    assert list(frame_with(at, "rule", "fired")["rule"]) == ["referral-phi-offsite"]
    assert "No rule fired in this time range" in texts(at)
    results = frame_with(at, "case", "result")
    assert list(results["result"]) == ["PASS", "FAIL"]
    assert "action: expected 'block', got 'allow'" in results["problems"][1]
    assert "1/2 policy test cases pass" in at.error[0].value


def test_a_broken_policy_is_reported_with_its_line(env, tmp_path, monkeypatch):
    broken = POLICY.replace('when: "!model.baa && phi.total > 0"', 'when: "!model.baa && phi.totl > 0 &&"')
    monkeypatch.setenv("MEDGATE_CONFIG", str(config(tmp_path, broken)))
    at = open_page(sign_in(app(), create_key(env, "auditor")), "views/policies.py")
    error = at.error[0].value
    assert "cannot be loaded" in error and "referrals.yaml:" in error and "referral-phi-offsite" in error
