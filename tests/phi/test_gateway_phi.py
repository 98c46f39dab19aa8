"""The PHI stage in the gateway, with the real detector, over real HTTP."""
from __future__ import annotations

import json
import logging

import httpx
import openai
import pytest

from tests.servers import MASTER_KEY, GatewayServer, upstream_config

NOTE = ("Pt John Kowalczyk (MRN 00458231, DOB 03/14/1948) seen by Dr. Priya Raman. "
        "Daughter Ana Kowalczyk can be reached at (617) 555-0123. Metformin 500 mg BID, eGFR 42.")
IDENTIFIERS = ["Kowalczyk", "00458231", "03/14/1948", "Priya Raman", "555-0123"]


def _gateway(upstream, tmp_path, **phi):
    return GatewayServer(tmp_path, upstream_config(upstream.base_url, phi={"detector": "presidio", **phi}))


@pytest.fixture(scope="module")
def gw(upstream, tmp_path_factory):
    with _gateway(upstream, tmp_path_factory.mktemp("phi")) as gw:
        yield gw


@pytest.fixture()
def client(gw, fresh_upstream):
    return openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY, max_retries=0)


def _sent(upstream) -> str:
    return json.dumps(upstream.requests[-1].body)


def test_provider_sees_placeholders_client_sees_originals(client, gw, upstream):
    reply = client.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": NOTE}])
    sent = _sent(upstream)
    for identifier in IDENTIFIERS:
        assert identifier not in sent
    assert "<PERSON_1>" in sent and "<MRN_1>" in sent and "<DATE_1>" in sent and "<PHONE_1>" in sent
    assert "Metformin 500 mg BID, eGFR 42" in sent                    # the clinical question survives
    assert reply.choices[0].message.content == "echo: " + NOTE        # restored for the client
    record = gw.audit_records()[0]
    assert record["phi_counts"]["PERSON"] >= 2 and record["phi_counts"]["MRN"] == 1
    assert record["decision"] == "allow" and record["reason_code"] == "phi_redacted"
    assert not any(identifier in json.dumps(record, default=str) for identifier in IDENTIFIERS)


def test_same_person_same_placeholder_across_messages(client, upstream):
    client.chat.completions.create(model="clinical-gpt", messages=[
        {"role": "system", "content": "You help the care team of John Kowalczyk."},
        {"role": "user", "content": "Draft a note to John Kowalczyk about his A1c of 7.9%."}])
    body = upstream.requests[-1].body
    assert body["messages"][0]["content"].count("<PERSON_1>") == 1
    assert body["messages"][1]["content"].count("<PERSON_1>") == 1


def test_streamed_reply_is_restored(client, upstream):
    chunks = list(client.chat.completions.create(model="clinical-gpt", stream=True,
                                                 messages=[{"role": "user", "content": NOTE}]))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "echo: " + NOTE
    assert "Kowalczyk" not in _sent(upstream)


def test_tool_call_arguments_are_redacted_and_restored(client, upstream):
    tools = [{"type": "function", "function": {"name": "find_patient", "parameters": {
        "type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}}}]
    first = client.chat.completions.create(model="clinical-gpt", tools=tools, messages=[
        {"role": "user", "content": "Find the chart of John Kowalczyk, DOB 03/14/1948"}])
    args = json.loads(first.choices[0].message.tool_calls[0].function.arguments)
    assert args == {"query": "Find the chart of John Kowalczyk, DOB 03/14/1948"}   # restored, valid JSON
    assert "Kowalczyk" not in _sent(upstream)
    call = first.choices[0].message.tool_calls[0]
    client.chat.completions.create(model="clinical-gpt", tools=tools, messages=[
        {"role": "user", "content": "Find the chart of John Kowalczyk, DOB 03/14/1948"},
        first.choices[0].message.model_dump(exclude_none=True),
        {"role": "tool", "tool_call_id": call.id, "content": "MRN 00458231, PCP Dr. Priya Raman"}])
    sent = upstream.requests[-1].body
    assert "Kowalczyk" not in sent["messages"][1]["tool_calls"][0]["function"]["arguments"]
    assert "00458231" not in sent["messages"][2]["content"] and "Raman" not in sent["messages"][2]["content"]


def test_structured_tool_results_are_redacted_by_their_keys(client, upstream):
    # a tool returns a FHIR Patient and an HL7 message: no label stands beside the values
    fhir = json.dumps({"resourceType": "Patient", "id": "c41d0e9b",
                       "name": [{"family": "Quaxley-Eze", "given": ["Adaku"]}], "birthDate": "1931-11-30",
                       "address": [{"line": ["55 Ridgewood Terrace"], "city": "Montclair", "postalCode": "07042"}]})
    hl7 = "PID|1||4471829^^^QGH^MR||QUAXLEY^CHIDI^EMEKA||19470212|M"
    client.chat.completions.create(model="clinical-gpt", messages=[
        {"role": "user", "content": "Summarize the record for the discharge letter."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function",
         "function": {"name": "get_patient", "arguments": json.dumps({"mrn": "00493817"})}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": fhir},
        {"role": "tool", "tool_call_id": "call_1", "content": hl7}])
    sent = _sent(upstream)
    for value in ["00493817", "c41d0e9b", "Quaxley-Eze", "Adaku", "1931-11-30", "55 Ridgewood Terrace", "Montclair",
                  "07042", "4471829", "QUAXLEY^CHIDI^EMEKA", "19470212"]:
        assert value not in sent
    tool_result = upstream.requests[-1].body["messages"][2]["content"]
    assert json.loads(tool_result)["resourceType"] == "Patient"        # still JSON, keys kept


def test_identifier_split_across_content_parts(client, upstream):
    client.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Her SSN is 123-45"}, {"type": "text", "text": "-6789, please verify."}]}])
    sent = _sent(upstream)
    assert "123-45" not in sent and "6789" not in sent


def test_an_ambient_transcript_leaves_without_what_was_said(client, gw, upstream):
    # identifiers said aloud reach the provider as placeholders, and the client gets them back
    transcript = ("DR: can you confirm your birthday\nPT: seven twelve seventy two\n"
                  "DR: and the pharmacy said your DEA was B-H-4-4-1-7-6-0-3? no, my callback is "
                  "five oh five, five five five, oh one seven one. medical record s c m zero zero "
                  "eight two one nine four.")
    reply = client.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": transcript}])
    sent = _sent(upstream)
    for said in ("seven twelve seventy two", "B-H-4-4-1-7-6-0-3", "five oh five, five five five, oh one seven one",
                 "s c m zero zero eight two one nine four"):
        assert said not in sent
    assert "<DATE_1>" in sent and "<PHONE_1>" in sent and "<MRN_1>" in sent
    assert reply.choices[0].message.content == "echo: " + transcript


def test_output_phi_introduced_by_the_model_is_counted(client, gw, upstream):
    upstream.reply_next(content="Per the chart, Dr. Hannah Whitcombe will call (617) 555-0199 tomorrow.")
    client.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": "Who calls?"}])
    record = gw.audit_records()[0]
    assert record["output_phi_counts"].get("PERSON") and record["output_phi_counts"].get("PHONE")
    assert "Whitcombe" not in json.dumps(record, default=str)


def test_analyze_endpoint_has_presidio_shape(gw):
    resp = httpx.post(gw.base_url + "/phi/analyze", headers={"Authorization": f"Bearer {MASTER_KEY}"},
                      json={"text": NOTE, "language": "en"}, timeout=30)
    assert resp.status_code == 200
    found = {(r["entity_type"], NOTE[r["start"]:r["end"]]) for r in resp.json()}
    assert ("MRN", "00458231") in found and ("PHONE", "(617) 555-0123") in found
    assert all(set(r) == {"entity_type", "start", "end", "score", "analysis_explanation", "recognition_metadata"}
               for r in resp.json())
    only = httpx.post(gw.base_url + "/phi/analyze", headers={"Authorization": f"Bearer {MASTER_KEY}"},
                      json={"text": NOTE, "entities": ["MRN"]}, timeout=30).json()
    assert [r["entity_type"] for r in only] == ["MRN"]


def test_modes_mask_hash_block(upstream, tmp_path, fresh_upstream):
    with _gateway(upstream, tmp_path, modes={"MRN": "mask", "PERSON": "hash", "SSN": "block"}) as gw:
        c = openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY, max_retries=0)
        reply = c.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": NOTE}])
        sent = _sent(upstream)
        assert "<MRN>" in sent and "00458231" not in sent
        assert "<PERSON_h" in sent and "Kowalczyk" not in sent
        assert "<MRN>" in reply.choices[0].message.content          # masked values are gone for good
        with pytest.raises(openai.PermissionDeniedError) as exc:
            c.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": "SSN 123-45-6789"}])
        assert exc.value.body["code"] == "phi_blocked" and "6789" not in json.dumps(exc.value.body)
        assert gw.audit_records()[0]["outcome"] == "blocked"


def test_detection_timeout_fails_closed(upstream, tmp_path, fresh_upstream):
    with _gateway(upstream, tmp_path, timeout_seconds=0.000001) as gw:
        c = openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY, max_retries=0)
        with pytest.raises(openai.APIStatusError) as exc:
            c.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": NOTE}])
        assert exc.value.status_code == 503 and exc.value.body["code"] == "phi_detection_unavailable"
        assert upstream.requests == []                      # nothing was forwarded


def test_canary_phi_nowhere_but_the_client(upstream, tmp_path, caplog, fresh_upstream):
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="medgate")
    with _gateway(upstream, tmp_path) as gw:
        c = openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY, max_retries=0)
        c.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": NOTE}])
        list(c.chat.completions.create(model="clinical-gpt", stream=True, messages=[{"role": "user", "content": NOTE}]))
        upstream.fail_next(500, times=2)
        with pytest.raises(openai.APIStatusError):
            c.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": NOTE}])
        gw.wait_for_audit(3)
        places = [json.dumps([r.body for r in upstream.requests]), caplog.text,
                  json.dumps(gw.audit_records(), default=str)] + [s.to_json() for s in gw.spans.get_finished_spans()]
        for place in places:
            for identifier in IDENTIFIERS:
                assert identifier not in place


def test_default_config_simulator_shows_what_left_the_gateway(tmp_path):
    """`make run`'s embedded default: the user sees that redaction happened."""
    with GatewayServer(tmp_path) as gw:   # no config: the embedded default
        c = openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY, max_retries=0)
        text = c.chat.completions.create(model="medgate-local", messages=[{"role": "user", "content": NOTE}]
                                         ).choices[0].message.content
        assert "simulator" in text and "‹PERSON_1›" in text and "‹MRN_1›" in text and "‹PHONE_1›" in text
        for identifier in IDENTIFIERS:
            assert identifier not in text
        assert "Metformin 500 mg BID" in text
        streamed = "".join(ch.choices[0].delta.content or "" for ch in c.chat.completions.create(
            model="medgate-local", stream=True, messages=[{"role": "user", "content": NOTE}]) if ch.choices)
        assert streamed == text


def test_detector_none_is_explicit_passthrough(upstream, tmp_path, caplog, fresh_upstream):
    """`phi: {detector: none}` starts, says so loudly, and forwards text as sent."""
    caplog.set_level(logging.WARNING, logger="medgate")
    with GatewayServer(tmp_path, upstream_config(upstream.base_url, phi={"detector": "none"})) as gw:
        assert gw.pipeline.detector.name == "none"
        assert "PHI detection is off" in caplog.text
        c = openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY, max_retries=0)
        c.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": NOTE}])
        assert "Kowalczyk" in _sent(upstream)
        assert gw.audit_records()[0]["phi_counts"] == {}
