"""Policies end to end: a real gateway, the real detector, the fake provider over HTTP.

The gateway runs the shipped default.yaml plus a test file whose rules are keyed on
the calling app, so each test exercises one action through the whole pipeline.
"""
from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import httpx
import openai
import pytest

from tests.servers import GatewayServer, upstream_config

SHIPPED = Path(__file__).parents[2] / "policies" / "default.yaml"
NOTE = ("Pt Marisol Okonkwo-Reyes (MRN 00719934) seen today. BP 152/94 on lisinopril 10 mg daily. "
        "Please draft a short after-visit summary.")
RULES = """\
version: 1
rules:
  - id: e2e-block
    when: principal.app == "suspended-app"
    action: block
    reason_code: app_suspended
    message: This application's access is suspended; contact the AI governance office.
  - id: e2e-route
    when: principal.app == "router-app" && phi.total > 0
    action: route
    route: {to: onprem-llama}
  - id: e2e-mask
    when: principal.app == "mask-app"
    action: redact
    redact: {kinds: [MRN, PERSON], mode: mask}
  - id: e2e-hash
    when: principal.app == "hash-app"
    action: redact
    redact: {kinds: all, mode: hash}
  - id: e2e-disclaimer
    when: principal.app == "disclaimer-app"
    action: allow
    output: {disclaimer: "AI-generated draft: verify before use.", review: true}
  - id: e2e-output-redact
    when: principal.app == "scrub-app"
    action: allow
    output: {scan_phi: redact, disclaimer: "Reviewed by policy."}
  - id: e2e-output-block
    when: principal.app == "strict-app"
    action: allow
    output: {scan_phi: block}
  - id: e2e-respond-anywhere
    when: principal.app == "kiosk-app"
    content: {keywords: [self-harm]}
    action: respond
    reason_code: kiosk_safe_response
    message: Please speak to a member of staff at the front desk.
  - id: e2e-broken
    when: principal.app == "broken-app" && params.tool_names[0] == "lookup"
    action: allow
  - id: e2e-unsafe
    when: principal.app == "unsafe-app"
    action: allow
    output:
      block_unsafe:
        patterns: ['stop taking (?:all )?(?:of )?your medications?']
        reason_code: unsafe_advice
        message: This reply was withheld because it contained unsafe medication advice.
"""


@pytest.fixture(scope="module")
def gw(upstream, tmp_path_factory):
    home = tmp_path_factory.mktemp("policy-e2e")
    policies = home / "policies"
    policies.mkdir()
    shutil.copy(SHIPPED, policies / "default.yaml")
    (policies / "zz-e2e.yaml").write_text(RULES)
    config = upstream_config(upstream.base_url, policies={"path": "policies", "reload": False})
    config["model_list"].append({"model_name": "onprem-llama", "baa": True,
                                 "litellm_params": {"model": "openai/llama-3-70b", "api_base": upstream.base_url,
                                                    "api_key": "sk-onprem"}})
    with GatewayServer(home, config) as gw:
        yield gw


def _client(gw, app: str, team: str | None = None) -> openai.OpenAI:
    _, key = gw.app.state.keys.create(app, "app", team=team)
    return openai.OpenAI(base_url=gw.base_url, api_key=key, max_retries=0, timeout=30)


def _chat(client, content: str, **kw):
    return client.chat.completions.create(model=kw.pop("model", "clinical-gpt"),
                                          messages=[{"role": "user", "content": content}], **kw)


def _stream_text(client, content: str) -> tuple[str, list]:
    chunks = list(client.chat.completions.create(model="clinical-gpt", stream=True,
                                                 messages=[{"role": "user", "content": content}]))
    return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices), chunks


def _sent(upstream) -> str:
    return json.dumps(upstream.requests[-1].body)


def test_block_is_403_with_the_rule_reason_code(gw, fresh_upstream):
    with pytest.raises(openai.PermissionDeniedError) as exc:
        _chat(_client(gw, "suspended-app"), "Summarize the discharge plan.")
    assert exc.value.body["code"] == "app_suspended" and exc.value.body["type"] == "policy_violation"
    assert "suspended" in exc.value.body["message"]
    assert fresh_upstream.requests == []
    record = gw.wait_for_audit(1)[0]
    assert (record["decision"], record["reason_code"], record["outcome"]) == ("block", "app_suspended", "blocked")
    assert "e2e-block" in record["fired_rules"]


def test_route_sends_phi_to_the_baa_model(gw, fresh_upstream):
    client = _client(gw, "router-app")
    _chat(client, "Summarize the visit.")                          # no PHI: the requested model
    assert fresh_upstream.requests[-1].body["model"] == "gpt-4o-mini"
    reply = _chat(client, NOTE)
    assert fresh_upstream.requests[-1].body["model"] == "llama-3-70b"
    assert reply.choices[0].message.content == "echo: " + NOTE
    record = gw.audit_records()[0]
    assert record["reason_code"] == "routed" and "e2e-route" in record["fired_rules"]
    assert record["model_requested"] == "clinical-gpt" and "llama" in record["model_used"]


def test_default_pseudonymizes_for_the_non_baa_provider_but_not_for_the_baa_one(gw, fresh_upstream):
    client = _client(gw, "notes-app", team="hospitalists")
    _chat(client, NOTE)
    assert "Okonkwo" not in _sent(fresh_upstream) and "<PERSON_1>" in _sent(fresh_upstream)
    assert gw.audit_records()[0]["reason_code"] == "phi_redacted"
    _chat(client, NOTE, model="onprem-llama")
    assert "Okonkwo-Reyes" in _sent(fresh_upstream) and "00719934" in _sent(fresh_upstream)
    record = gw.audit_records()[0]
    assert record["reason_code"] == "phi_allowed_baa" and "baa-allow-with-audit" in record["fired_rules"]


def test_redact_modes_mask_and_hash(gw, fresh_upstream):
    reply = _chat(_client(gw, "mask-app"), NOTE)
    sent = _sent(fresh_upstream)
    assert "<MRN>" in sent and "<PERSON>" in sent and "00719934" not in sent and "Okonkwo" not in sent
    assert "<MRN>" in reply.choices[0].message.content       # masked: gone for good
    _chat(_client(gw, "hash-app"), NOTE)
    sent = _sent(fresh_upstream)
    assert "<PERSON_h" in sent and "<MRN_h" in sent and "Okonkwo" not in sent


def test_disclaimer_in_plain_and_streamed_replies_and_review_flag(gw, fresh_upstream):
    client = _client(gw, "disclaimer-app")
    before = gw.audit_count()
    plain = _chat(client, "Draft discharge instructions for CHF.").choices[0].message.content
    assert plain == "echo: Draft discharge instructions for CHF.\n\nAI-generated draft: verify before use."
    streamed, _ = _stream_text(client, "Draft discharge instructions for CHF.")
    assert streamed == plain
    records = gw.wait_for_audit(before + 2)[:2]             # the stream's record lands as it ends
    assert all("obligation:review" in r["fired_rules"] and "e2e-disclaimer" in r["fired_rules"] for r in records)


def test_output_phi_introduced_by_the_model_masked_or_withheld(gw, fresh_upstream):
    invented = "Per the chart, Dr. Hannah Whitcombe will call (617) 555-0199 tomorrow."
    fresh_upstream.reply_next(content=invented)
    text = _chat(_client(gw, "scrub-app"), "Who calls?").choices[0].message.content
    assert "Whitcombe" not in text and "555-0199" not in text and "<PHONE>" in text and "tomorrow" in text
    assert text.endswith("tomorrow.\n\nReviewed by policy.")
    record = gw.audit_records()[0]
    assert record["output_phi_counts"].get("PHONE") and "output:phi_masked" in record["fired_rules"]
    fresh_upstream.reply_next(content=invented)
    streamed, _ = _stream_text(_client(gw, "scrub-app"), "Who calls?")      # held back, masked, released
    assert streamed == text

    strict = _client(gw, "strict-app")
    fresh_upstream.reply_next(content=invented)
    reply = _chat(strict, "Who calls?")
    assert reply.choices[0].finish_reason == "content_filter" and "withheld" in reply.choices[0].message.content
    assert gw.audit_records()[0]["reason_code"] == "output_phi_withheld"
    fresh_upstream.reply_next(content=invented)
    streamed, chunks = _stream_text(strict, "Who calls?")                 # held back, then withheld
    assert "Whitcombe" not in streamed and "withheld" in streamed
    assert any(c.choices and c.choices[0].finish_reason == "content_filter" for c in chunks)
    fresh_upstream.reply_next(content="BP goal under 130/80; recheck in two weeks.")
    assert _chat(strict, "Goal?").choices[0].message.content == "BP goal under 130/80; recheck in two weeks."


def test_client_identifiers_are_not_output_phi(gw, fresh_upstream):
    """The client's own identifiers come back restored, not masked or withheld."""
    reply = _chat(_client(gw, "strict-app"), NOTE)
    assert reply.choices[0].message.content == "echo: " + NOTE


def test_unsafe_output_withheld_in_plain_and_streamed_replies(gw, fresh_upstream):
    client = _client(gw, "unsafe-app")
    fresh_upstream.reply_next(content="You can stop taking all of your medications once you feel better.")
    reply = _chat(client, "Can I stop my pills?")
    assert reply.choices[0].message.content == "This reply was withheld because it contained unsafe medication advice."
    assert reply.choices[0].finish_reason == "content_filter"
    record = gw.audit_records()[0]
    assert record["reason_code"] == "unsafe_advice" and "output:withheld" in record["fired_rules"]
    fresh_upstream.reply_next(content="Stop taking your medication now.")
    streamed, _ = _stream_text(client, "Can I stop my pills?")
    assert "withheld" in streamed and "Stop taking" not in streamed
    streamed, _ = _stream_text(client, "Is lisinopril safe with ibuprofen?")
    assert streamed == "echo: Is lisinopril safe with ibuprofen?"


def test_crisis_gets_the_safe_response_without_forwarding(gw, fresh_upstream, caplog):
    caplog.set_level(logging.DEBUG, logger="medgate")
    client = _client(gw, "patient-portal", team="patients")
    message = "I can't do this anymore, I want to end my life. My MRN is 00719934."
    before = gw.audit_count()
    reply = _chat(client, message)
    assert "988" in reply.choices[0].message.content and reply.model == "medgate-policy"
    streamed, _ = _stream_text(client, message)
    assert "988" in streamed
    assert fresh_upstream.requests == []                                  # never forwarded
    records = gw.wait_for_audit(before + 2)[:2]
    for record in records:
        assert record["reason_code"] == "crisis_safe_response" and record["decision"] == "respond"
        assert "obligation:review" in record["fired_rules"] and record["provider"] is None
    places = [caplog.text, json.dumps(records, default=str)] + [s.to_json() for s in gw.spans.get_finished_spans()]
    assert not any("end my life" in p or "00719934" in p for p in places)


def test_clinician_only_dosing_rule(gw, fresh_upstream):
    question = "How much acetaminophen should I take for knee pain? What dose is safe?"
    with pytest.raises(openai.PermissionDeniedError) as exc:
        _chat(_client(gw, "patient-portal", team="patients"), question)
    assert exc.value.body["code"] == "clinician_only" and fresh_upstream.requests == []
    reply = _chat(_client(gw, "pharmacy-app", team="pharmacy"), question)
    assert reply.choices[0].message.content == "echo: " + question


def test_respond_for_embeddings_is_a_403_with_the_reason_code(gw, fresh_upstream):
    _, key = gw.app.state.keys.create("kiosk-app", "app")
    resp = httpx.post(gw.base_url + "/embeddings", timeout=30, headers={"Authorization": f"Bearer {key}"},
                      json={"model": "clinical-gpt", "input": "intake note mentions self-harm last spring"})
    assert resp.status_code == 403 and resp.json()["error"]["code"] == "kiosk_safe_response"
    assert fresh_upstream.requests == []


def test_condition_failing_at_run_time_fails_closed_and_names_the_rule(gw, fresh_upstream, caplog):
    caplog.set_level(logging.INFO, logger="medgate")
    with pytest.raises(openai.InternalServerError) as exc:
        _chat(_client(gw, "broken-app"), NOTE)                  # no tools: tool_names[0] fails
    assert exc.value.body["code"] == "policy_evaluation_error" and fresh_upstream.requests == []
    assert "rule 'e2e-broken'" in caplog.text
    assert "Okonkwo" not in caplog.text and "00719934" not in caplog.text


def test_tool_call_arguments_masked_in_plain_and_held_streams(gw, fresh_upstream):
    client = _client(gw, "scrub-app")
    tools = [{"type": "function", "function": {"name": "page_oncall", "parameters": {
        "type": "object", "properties": {"callback": {"type": "string"}, "reason": {"type": "string"}}}}}]
    call = {"name": "page_oncall", "arguments": {"callback": "(617) 555-0199", "reason": "BP 182/110 after dose"}}
    fresh_upstream.reply_next(tool_calls=[call])
    plain = client.chat.completions.create(model="clinical-gpt", tools=tools, messages=[
        {"role": "user", "content": "Page on-call about the pressure in bed 7."}]).choices[0].message.tool_calls[0]
    args = json.loads(plain.function.arguments)
    assert args == {"callback": "<PHONE>", "reason": "BP 182/110 after dose"}
    fresh_upstream.reply_next(tool_calls=[call])
    chunks = list(client.chat.completions.create(model="clinical-gpt", tools=tools, stream=True, messages=[
        {"role": "user", "content": "Page on-call about the pressure in bed 7."}]))
    streamed = "".join(tc.function.arguments or "" for c in chunks if c.choices
                       for tc in (c.choices[0].delta.tool_calls or []))
    assert json.loads(streamed) == args
