"""The OpenAI-compatible API, through the official SDK, over real HTTP, on both the
fast path and litellm's Router (the `gateway` fixture runs every test on each)."""
from __future__ import annotations

import json

import httpx
import openai
import pytest

from tests.servers import MASTER_KEY

MODEL = "clinical-gpt"
NOTE = "Pt with T2DM on metformin 500 mg BID, eGFR 42. Continue or reduce dose?"


def test_plain_chat_reaches_upstream_with_upstream_credentials(client, gateway, upstream):
    reply = client.chat.completions.create(model=MODEL, messages=[
        {"role": "system", "content": "You are a clinical pharmacist."},
        {"role": "user", "content": NOTE}])
    assert reply.object == "chat.completion"
    assert reply.choices[0].message.content == "echo: " + NOTE
    assert reply.choices[0].finish_reason == "stop"
    assert reply.usage.total_tokens == reply.usage.prompt_tokens + reply.usage.completion_tokens > 0
    sent = upstream.requests[-1]
    assert sent.path == "/v1/chat/completions"
    assert sent.body["model"] == "gpt-4o-mini"          # the deployment's model, not the group name
    assert sent.headers["authorization"] == "Bearer sk-upstream-secret"
    assert MASTER_KEY not in json.dumps(sent.headers)


def test_params_n_stop_seed_pass_through(client, upstream):
    reply = client.chat.completions.create(model=MODEL, n=2, seed=7, stop=["BID"],
                                           messages=[{"role": "user", "content": NOTE}])
    assert [c.index for c in reply.choices] == [0, 1]
    assert reply.choices[0].message.content == "echo: Pt with T2DM on metformin 500 mg "
    assert reply.system_fingerprint == "fp_seed_7"
    body = upstream.requests[-1].body
    assert body["n"] == 2 and body["seed"] == 7 and body["stop"] == ["BID"]


def test_multipart_content(client):
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": [
        {"type": "text", "text": "Read this lab:"}, {"type": "text", "text": "K 5.9 mmol/L"}]}])
    assert reply.choices[0].message.content == "echo: Read this lab: K 5.9 mmol/L"


def test_streaming_matches_non_streaming_and_hides_usage_unless_asked(client, gateway, upstream):
    before = gateway.audit_count() + 1   # + the plain call below
    plain = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": NOTE}])
    chunks = list(client.chat.completions.create(model=MODEL, stream=True,
                                                 messages=[{"role": "user", "content": NOTE}]))
    assert len(chunks) > 3
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == plain.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert all(c.usage is None for c in chunks)       # the client did not ask for usage
    # ... but the gateway asked upstream for it, so the audit record has tokens.
    assert upstream.requests[-1].body["stream_options"] == {"include_usage": True}
    record = gateway.wait_for_audit(before + 1)[0]
    assert record["stream"] and record["outcome"] == "success"
    assert record["completion_tokens"] == plain.usage.completion_tokens


def test_streaming_with_usage(client):
    chunks = list(client.chat.completions.create(model=MODEL, stream=True,
                                                 stream_options={"include_usage": True},
                                                 messages=[{"role": "user", "content": NOTE}]))
    assert chunks[-1].choices == [] and chunks[-1].usage.total_tokens > 0


def test_tools_round_trip(client):
    tools = [{"type": "function", "function": {
        "name": "lookup_renal_dosing", "description": "Renal dose adjustment for a drug",
        "parameters": {"type": "object", "properties": {"drug": {"type": "string"},
                                                        "egfr": {"type": "number"}},
                       "required": ["drug", "egfr"]}}}]
    messages = [{"role": "user", "content": NOTE}]
    first = client.chat.completions.create(model=MODEL, messages=messages, tools=tools)
    assert first.choices[0].finish_reason == "tool_calls"
    call = first.choices[0].message.tool_calls[0]
    assert call.function.name == "lookup_renal_dosing"
    assert set(json.loads(call.function.arguments)) == {"drug", "egfr"}
    messages += [first.choices[0].message.model_dump(exclude_none=True),
                 {"role": "tool", "tool_call_id": call.id, "content": "reduce to 500 mg daily"}]
    second = client.chat.completions.create(model=MODEL, messages=messages, tools=tools)
    assert second.choices[0].message.content == "tool said: reduce to 500 mg daily"


def test_streamed_tool_calls(client):
    tools = [{"type": "function", "function": {"name": "page_oncall", "parameters": {
        "type": "object", "properties": {"reason": {"type": "string"}}, "required": ["reason"]}}}]
    chunks = list(client.chat.completions.create(model=MODEL, stream=True, tools=tools,
                                                 messages=[{"role": "user", "content": "K 6.8"}]))
    args = "".join(tc.function.arguments or "" for c in chunks if c.choices
                   for tc in (c.choices[0].delta.tool_calls or []))
    assert json.loads(args) == {"reason": "K 6.8"}
    assert chunks[-1].choices[0].finish_reason == "tool_calls"


def test_json_schema_response_format(client, upstream):
    schema = {"type": "object", "properties": {
        "urgency": {"type": "string", "enum": ["emergent", "urgent", "routine"]},
        "rationale": {"type": "string"}}, "required": ["urgency", "rationale"],
        "additionalProperties": False}
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": NOTE}],
                                           response_format={"type": "json_schema", "json_schema": {
                                               "name": "triage", "schema": schema, "strict": True}})
    data = json.loads(reply.choices[0].message.content)
    assert data["urgency"] in ("emergent", "urgent", "routine") and isinstance(data["rationale"], str)
    assert upstream.requests[-1].body["response_format"]["json_schema"]["schema"] == schema


def test_embeddings(client, upstream):
    res = client.embeddings.create(model=MODEL, input=["chest pain", "dyspnea on exertion"])
    assert [d.index for d in res.data] == [0, 1]
    assert len(res.data[0].embedding) == 8 and res.data[0].embedding != res.data[1].embedding
    assert upstream.requests[-1].path == "/v1/embeddings"


def test_models_list(client):
    assert [m.id for m in client.models.list().data] == [MODEL]


# -- errors ------------------------------------------------------------------------------

def _raw(gateway, body: bytes | dict, key: str | None = MASTER_KEY, path="/chat/completions") -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.post(gateway.base_url + path, content=content, headers=headers, timeout=20)


def _assert_error(resp: httpx.Response, status: int, code: str) -> dict:
    assert resp.status_code == status, resp.text
    err = resp.json()["error"]
    assert set(err) >= {"message", "type", "code"} and err["code"] == code
    return err


def test_malformed_json_is_400(gateway):
    _assert_error(_raw(gateway, b'{"model": "clinical-gpt", "messages": ['), 400, "invalid_json")


def test_schema_error_names_the_field(gateway, upstream):
    n = len(upstream.requests)
    err = _assert_error(_raw(gateway, {"model": MODEL, "messages": [{"role": "user", "content": 42}]}),
                        400, "invalid_request")
    assert "messages[0].content" in err["message"] and err["param"] == "messages[0].content"
    err = _assert_error(_raw(gateway, {"model": MODEL, "messages": [{"role": "tool", "content": "x"}]}),
                        400, "invalid_request")
    assert "tool_call_id" in err["message"]
    assert len(upstream.requests) == n   # nothing invalid is forwarded


def test_sdk_sees_bad_request(client):
    with pytest.raises(openai.BadRequestError) as exc:
        client.chat.completions.create(model=MODEL, messages=[], temperature=0.2)
    assert "messages" in exc.value.message


def test_missing_and_bad_keys_are_401(gateway):
    _assert_error(_raw(gateway, {"model": MODEL, "messages": [{"role": "user", "content": "x"}]}, key=None),
                  401, "invalid_api_key")
    _assert_error(_raw(gateway, {"model": MODEL, "messages": [{"role": "user", "content": "x"}]},
                       key="sk-mg-0000.nope"), 401, "invalid_api_key")
    bad = openai.OpenAI(base_url=gateway.base_url, api_key="sk-wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        bad.models.list()


def test_unknown_model_is_404(client):
    with pytest.raises(openai.NotFoundError) as exc:
        client.chat.completions.create(model="gpt-17", messages=[{"role": "user", "content": "x"}])
    assert exc.value.body["code"] == "model_not_found"


def test_forbidden_model_and_role_are_403(gateway, upstream):
    keys = gateway.app.state.keys
    _, limited = keys.create("billing-bot", "app", models=["some-other-model"])
    _, auditor = keys.create("compliance", "auditor")
    for key, code in ((limited, "model_not_allowed"), (auditor, "role_not_allowed")):
        c = openai.OpenAI(base_url=gateway.base_url, api_key=key, max_retries=0)
        with pytest.raises(openai.PermissionDeniedError) as exc:
            c.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "x"}])
        assert exc.value.body["code"] == code
    # A key limited to other models does not even see this one listed.
    assert openai.OpenAI(base_url=gateway.base_url, api_key=limited).models.list().data == []


def test_app_key_works_and_revocation_takes_effect(gateway, upstream):
    keys = gateway.app.state.keys
    key_id, key = keys.create("triage-bot", "app", team="ed")
    c = openai.OpenAI(base_url=gateway.base_url, api_key=key, max_retries=0)
    assert c.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "hi"}]).choices
    record = gateway.audit_records()[0]
    assert (record["key_id"], record["app"], record["team"], record["role"]) == (key_id, "triage-bot", "ed", "app")
    assert keys.revoke(key_id)   # same process: the cache entry is dropped at once
    with pytest.raises(openai.AuthenticationError):
        c.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "hi"}])


def test_body_over_limit_is_413(gateway, upstream):
    n = len(upstream.requests)
    big = {"model": MODEL, "messages": [{"role": "user", "content": "x" * 1_100_000}]}
    _assert_error(_raw(gateway, big), 413, "request_too_large")
    assert len(upstream.requests) == n


def test_upstream_error_is_502_without_secrets_or_content(client, gateway, upstream):
    upstream.fail_next(500, times=2, body={"error": {"message": f"boom on {NOTE} key sk-upstream-secret",
                                                     "type": "server_error", "code": "boom"}})
    with pytest.raises(openai.APIStatusError) as exc:
        client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": NOTE}])
    assert exc.value.status_code == 502
    text = json.dumps(exc.value.body)
    assert "sk-upstream-secret" not in text and "metformin" not in text and "Traceback" not in text
    assert len(upstream.requests) == 2      # num_retries: 1


def test_upstream_error_then_success_is_retried(client, upstream):
    upstream.fail_next(503, times=1)
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "retry me"}])
    assert reply.choices[0].message.content == "echo: retry me"
    assert len(upstream.requests) == 2


def test_upstream_bad_request_is_400_and_not_retried(client, upstream):
    upstream.fail_next(400, times=1, body={"error": {"message": f"context too long: {NOTE}",
                                                     "type": "invalid_request_error",
                                                     "code": "context_length_exceeded"}})
    with pytest.raises(openai.BadRequestError) as exc:
        client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": NOTE}])
    assert "metformin" not in json.dumps(exc.value.body)
    assert len(upstream.requests) == 1


def test_stream_cut_midway_ends_with_error_event(client, gateway, upstream):
    before = gateway.audit_count()
    upstream.cut_stream_next(after_chunks=2)
    received = []
    with pytest.raises(openai.APIError):
        for chunk in client.chat.completions.create(model=MODEL, stream=True,
                                                    messages=[{"role": "user", "content": NOTE}]):
            received.append(chunk)
    assert received                     # some chunks arrived before the cut
    record = gateway.wait_for_audit(before + 1)[0]
    assert record["outcome"] == "stream_error" and record["stream"]


def test_stream_error_before_first_chunk_is_a_proper_status(client, upstream):
    upstream.fail_next(500, times=2)
    with pytest.raises(openai.APIStatusError) as exc:
        list(client.chat.completions.create(model=MODEL, stream=True,
                                            messages=[{"role": "user", "content": NOTE}]))
    assert exc.value.status_code == 502
