"""Evaluation: which rules fire, and how they combine into one decision."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from gateway.auth import Principal
from gateway.policy import PolicyInput
from gateway.policy.engine import PolicyEvaluationError
from gateway.policy.loader import load_policy_set

PORTAL = Principal(key_id="k-portal", app="patient-portal", role="app", team="patients")
ONCOLOGY = Principal(key_id="k-onc", app="onc-notes", role="app", team="oncology")

POLICY = """\
version: 1
settings: {timezone: America/Chicago}
vars: {clinicians: [oncology]}
rules:
  - id: crisis
    content: {keywords: [kill myself, end my life], patterns: ['\\bsuicid\\w*']}
    action: respond
    reason_code: crisis_safe_response
    message: Call or text 988.
    output: {review: true}
  - id: no-ssn-outside
    when: '"SSN" in phi.kinds && !model.baa'
    action: block
    reason_code: ssn_external
    message: SSNs may not go to external models.
  - id: phi-to-onprem
    when: phi.total > 0 && !model.baa && principal.team in vars.clinicians
    action: route
    route: {to: onprem}
  - id: mask-dates
    when: '"DATE" in phi.kinds'
    action: redact
    redact: {kinds: [DATE], mode: mask}
  - id: pseudonymize-external
    when: "!model.baa && phi.total > 0"
    action: redact
    reason_code: phi_redacted
    redact: {kinds: all, mode: pseudonymize}
  - id: after-hours-disclaimer
    when: time.hour >= 20 || time.hour < 7
    action: allow
    reason_code: after_hours
    output: {disclaimer: "After hours: verify with the on-call team.", scan_phi: flag}
  - id: unsafe-replies
    when: operation == "chat"
    action: allow
    output:
      scan_phi: redact
      block_unsafe: {patterns: ['\\bstop taking all\\b'], reason_code: unsafe_advice}
  - id: big-requests
    when: params.max_tokens > 2000
    action: limit
    limit: {per: app, requests_per_minute: 5}
"""
NOON = datetime(2026, 4, 1, 17, 0, tzinfo=timezone.utc)        # 12:00 in Chicago
NIGHT = datetime(2026, 4, 1, 4, 0, tzinfo=timezone.utc)        # 23:00 in Chicago


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    path = tmp_path_factory.mktemp("policy") / "site.yaml"
    path.write_text(POLICY)
    return load_policy_set(path, models={"external", "onprem"}, site_modes={"MRN": "hash"})


def _ask(policy, content="", phi=None, principal=PORTAL, baa=False, now=NOON, **params):
    return policy.decide(PolicyInput(principal=principal, operation="chat", model="external", baa=baa,
                                     phi=phi or {}, params=params, content=content, now=now))


def test_nothing_special_allows_with_output_obligations(policy):
    d = _ask(policy, "What are the visiting hours?")
    assert (d.action, d.reason_code, d.route_to, d.redact) == ("allow", "allowed", None, {})
    assert d.fired_rules == ("unsafe-replies",)
    assert d.output.scan_phi == "redact" and d.output.unsafe[0].reason_code == "unsafe_advice"


def test_respond_outranks_block_and_records_review(policy):
    d = _ask(policy, "I want to end my life. SSN 123-45-6789", phi={"SSN": 1})
    assert d.action == "respond" and d.reason_code == "crisis_safe_response" and d.message == "Call or text 988."
    assert d.fired_rules[:2] == ("crisis", "no-ssn-outside") and d.fired_rules[-1] == "obligation:review"
    assert d.output.review and d.output.scan_phi == "off" and d.output.unsafe == ()   # our own text: no scan


def test_content_is_matched_after_undoing_disguises(policy):
    assert _ask(policy, "I feel SUICIDAL tonight").action == "respond"
    assert _ask(policy, "i want to kill\n   myself").action == "respond"        # any whitespace between words
    assert _ask(policy, "I want to kіll myself").action == "respond"           # Cyrillic і
    assert _ask(policy, "the skill myself method").action == "allow"           # whole words only


def test_block_has_message_and_code_and_no_obligations(policy):
    d = _ask(policy, "verify", phi={"SSN": 1})
    assert (d.action, d.reason_code, d.message) == ("block", "ssn_external", "SSNs may not go to external models.")
    assert d.output.scan_phi == "off" and d.output.disclaimer is None


def test_route_wins_over_redact_and_redactions_still_apply(policy):
    d = _ask(policy, "note", phi={"PERSON": 1, "DATE": 1}, principal=ONCOLOGY)
    assert d.route_to == "onprem" and d.reason_code == "routed"
    assert d.redact["DATE"] == "mask" and d.redact["PERSON"] == "pseudonymize"


def test_redactions_merge_strictest_mode_per_kind(policy):
    d = _ask(policy, "note", phi={"PERSON": 2, "DATE": 1})
    assert d.reason_code == "phi_redacted"
    assert d.redact["DATE"] == "mask" and d.redact["PERSON"] == "pseudonymize" and len(d.redact) == 17


def test_baa_model_gets_no_redaction(policy):
    d = _ask(policy, "note", phi={"PERSON": 2}, baa=True)
    assert d.redact == {} and d.action == "allow"


def test_time_conditions_use_the_policy_time_zone(policy):
    assert _ask(policy, "hi", now=NOON).output.disclaimer is None
    night = _ask(policy, "hi", now=NIGHT)
    assert night.output.disclaimer == "After hours: verify with the on-call team." and night.reason_code == "after_hours"
    assert night.output.scan_phi == "redact"              # strictest scan mode of the fired rules


def test_limits_fire_on_params(policy):
    assert _ask(policy, "hi", max_tokens=100).limits == ()
    (limit,) = _ask(policy, "hi", max_tokens=4000).limits
    assert (limit.rule_id, limit.per, limit.requests_per_minute, limit.reason_code) == \
        ("big-requests", "app", 5, "rate_limited")


def test_site_modes_fill_in_when_a_rule_names_no_mode(tmp_path):
    (tmp_path / "p.yaml").write_text("rules:\n  - {id: r, action: redact, redact: {kinds: [MRN, SSN]}}\n")
    policy = load_policy_set(tmp_path, site_modes={"MRN": "hash", "SSN": "block"})
    assert _ask(policy, "x", phi={"MRN": 1}).redact == {"MRN": "hash", "SSN": "block"}
    blocked = _ask(policy, "x", phi={"SSN": 1})
    assert blocked.action == "block" and blocked.reason_code == "phi_blocked" and "SSN" in blocked.message


def test_runtime_error_names_the_rule_not_the_request(tmp_path):
    (tmp_path / "p.yaml").write_text(
        "rules:\n  - {id: first-tool, when: 'params.tool_names[0] == \"x\"', action: allow}\n")
    policy = load_policy_set(tmp_path)          # the probe request has a tool: loads fine
    with pytest.raises(PolicyEvaluationError) as exc:
        _ask(policy, "Zbigniew Quarterfield")
    assert "rule 'first-tool'" in str(exc.value) and "Quarterfield" not in str(exc.value)


def test_default_policy_roles_and_teams():
    policy = load_policy_set(Path(__file__).parents[2] / "policies", models={"external"})
    assert _ask(policy, "How much ibuprofen should I take? What dose?").reason_code == "clinician_only"
    pharmacist = Principal(key_id="k-rx", app="rx", role="app", team="pharmacy")
    assert _ask(policy, "What dose of vancomycin for CrCl 30?", principal=pharmacist).action == "allow"
    admin = Principal(key_id="master", app="admin", role="admin")
    assert _ask(policy, "Continue or reduce dose?", principal=admin).action == "allow"
    assert _ask(policy, "Patient denies suicidal ideation.", principal=pharmacist).action == "allow"
    assert _ask(policy, "some days I think about suicide").action == "respond"


def test_config_scan_output_false_turns_off_counting_scans_only(tmp_path):
    from gateway.policy.reload import LivePolicy
    (tmp_path / "p.yaml").write_text("rules:\n  - {id: count, action: allow, output: {scan_phi: flag}}\n"
                                     "  - {id: strict, when: 'principal.app == \"strict\"', action: allow,"
                                     " output: {scan_phi: block}}\n")
    live = LivePolicy(tmp_path, load_policy_set, count_output_phi=False)
    assert _ask(live, "x").output.scan_phi == "off"
    strict = Principal(key_id="k", app="strict", role="app")
    assert _ask(live, "x", principal=strict).output.scan_phi == "block"
    assert _ask(LivePolicy(tmp_path, load_policy_set), "x").output.scan_phi == "flag"


def test_policy_input_never_prints_the_content():
    request = PolicyInput(principal=PORTAL, operation="chat", model="m", baa=False, phi={}, params={},
                          content="Zbigniew Quarterfield wants to end it")
    assert "Quarterfield" not in repr(request) and "Quarterfield" not in str(request)


def test_policies_disabled_means_the_baseline(tmp_path):
    from gateway.policy.reload import from_config
    from gateway.settings import GatewayConfig
    config = GatewayConfig.model_validate({"model_list": [{"model_name": "m", "litellm_params": {"model": "x/y"}}],
                                           "medgate": {"policies": {"enabled": False}}})
    assert from_config(config) is None
    enabled = GatewayConfig.model_validate({"model_list": [{"model_name": "m", "litellm_params": {"model": "x/y"}}]})
    assert {r.rule.id for r in from_config(enabled).current.rules} >= {"crisis-safe-response"}   # the shipped set
