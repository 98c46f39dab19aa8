"""Tests for the fake upstream itself, driven through the official openai SDK
and litellm, over real HTTP."""
from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fake_upstream import FakeUpstream, example_for_schema  # noqa: E402

USER = [{"role": "user", "content": "what is the dose"}]


@pytest.fixture(scope="module")
def server() -> Iterator[FakeUpstream]:
    with FakeUpstream("unit") as up:
        yield up


@pytest.fixture
def up(server: FakeUpstream) -> FakeUpstream:
    server.reset()
    return server


@pytest.fixture
def client(up: FakeUpstream) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=up.base_url, api_key="sk-test", max_retries=0, timeout=5.0) as c:
        yield c


# ---------------------------------------------------------------- lifecycle

def test_lifecycle_real_port_and_clean_shutdown() -> None:
    up = FakeUpstream("lifecycle")
    assert up.start() is up
    assert up.base_url == f"http://127.0.0.1:{up.port}/v1"
    r = httpx.get(up.base_url + "/models")
    assert r.status_code == 200
    t0 = time.monotonic()
    up.stop()
    assert time.monotonic() - t0 < 2.0
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", up.port), timeout=0.5).close()
    up.stop()  # idempotent


def test_two_instances_have_independent_state() -> None:
    with FakeUpstream("a") as a, FakeUpstream("b") as b:
        assert a.port != b.port
        a.fail_next(500)
        assert httpx.get(b.base_url + "/models").status_code == 200
        assert httpx.get(a.base_url + "/models").status_code == 500
        assert len(a.requests) == 1 and len(b.requests) == 1


# ---------------------------------------------------------------- chat

def test_plain_chat_and_recording(up: FakeUpstream, client: openai.OpenAI) -> None:
    r = client.chat.completions.create(model="gpt-x", messages=USER)
    assert r.object == "chat.completion"
    assert r.id.startswith("chatcmpl-")
    assert r.model == "gpt-x"
    assert r.choices[0].message.role == "assistant"
    assert r.choices[0].message.content == "echo: what is the dose"
    assert r.choices[0].finish_reason == "stop"
    assert r.usage is not None
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens > 0
    assert r.system_fingerprint
    [rec] = up.requests
    assert rec.path == "/v1/chat/completions"
    assert rec.method == "POST"
    assert rec.headers["authorization"] == "Bearer sk-test"
    assert rec.body["messages"] == USER and rec.body["model"] == "gpt-x"


def test_multipart_content_joined(client: openai.OpenAI) -> None:
    r = client.chat.completions.create(model="m", messages=[
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "first"},
        {"role": "assistant", "content": "ok"},
        {"role": "user", "content": [
            {"type": "text", "text": "look at"},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
            {"type": "text", "text": "this scan"},
        ]},
    ])
    assert r.choices[0].message.content == "echo: look at this scan"


def test_n_choices(client: openai.OpenAI) -> None:
    r = client.chat.completions.create(model="m", messages=USER, n=3)
    assert [c.index for c in r.choices] == [0, 1, 2]
    assert [c.message.content for c in r.choices] == [
        "echo: what is the dose", "echo: what is the dose [1]", "echo: what is the dose [2]"]


def test_stop(client: openai.OpenAI) -> None:
    msgs = [{"role": "user", "content": "alpha beta STOP gamma"}]
    r = client.chat.completions.create(model="m", messages=msgs, stop=["zzz", "STOP"])
    assert r.choices[0].message.content == "echo: alpha beta "
    assert r.choices[0].finish_reason == "stop"
    r = client.chat.completions.create(model="m", messages=msgs, stop="beta")
    assert r.choices[0].message.content == "echo: alpha "


def test_max_tokens_truncates(client: openai.OpenAI) -> None:
    msgs = [{"role": "user", "content": "one two three four"}]
    r = client.chat.completions.create(model="m", messages=msgs, max_tokens=3)
    assert r.choices[0].message.content == "echo: one two"
    assert r.choices[0].finish_reason == "length"
    r = client.chat.completions.create(model="m", messages=msgs, max_completion_tokens=2)
    assert r.choices[0].message.content == "echo: one"
    assert r.choices[0].finish_reason == "length"
    r = client.chat.completions.create(model="m", messages=msgs, max_tokens=50)
    assert r.choices[0].finish_reason == "stop"


def test_seed_echoed_in_fingerprint(up: FakeUpstream, client: openai.OpenAI) -> None:
    r = client.chat.completions.create(model="m", messages=USER, seed=42)
    assert r.system_fingerprint == "fp_seed_42"
    assert up.requests[-1].body["seed"] == 42


def test_bad_requests_are_openai_errors(up: FakeUpstream, client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(model="m", messages=[])
    r = httpx.post(up.base_url + "/chat/completions", content=b"{not json",
                   headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_json"
    r = httpx.post(up.base_url + "/nope", json={})
    assert r.status_code == 404 and "error" in r.json()
    assert [q.path for q in up.requests] == [
        "/v1/chat/completions", "/v1/chat/completions", "/v1/nope"]


def test_models_list(client: openai.OpenAI) -> None:
    models = list(client.models.list())
    assert [m.id for m in models] == ["fake-model"]
    assert models[0].owned_by == "unit"


# ---------------------------------------------------------------- streaming

def _collect(stream: Any) -> tuple[str, list[Any]]:
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    return text, chunks


def test_streaming(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(model="m", messages=USER, stream=True)
    text, chunks = _collect(stream)  # iteration ends cleanly on [DONE]
    assert text == "echo: what is the dose"
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert len({c.id for c in chunks}) == 1
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[0].choices[0].delta.content == ""
    content_chunks = [c for c in chunks[1:-1]]
    assert len(content_chunks) == 6  # 22 chars in ~4-char pieces
    assert all(len(c.choices[0].delta.content) <= 4 for c in content_chunks)
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].usage is None


def test_streaming_raw_wire_format(up: FakeUpstream) -> None:
    body = {"model": "m", "messages": USER, "stream": True}
    with httpx.stream("POST", up.base_url + "/chat/completions", json=body) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        raw = r.read().decode()
    events = raw.split("\n\n")
    assert events[-1] == "" and events[-2] == "data: [DONE]"
    assert all(e.startswith("data: ") for e in events[:-1])


def test_streaming_include_usage(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(
        model="m", messages=USER, stream=True, stream_options={"include_usage": True})
    text, chunks = _collect(stream)
    assert text == "echo: what is the dose"
    last = chunks[-1]
    assert last.choices == []
    assert last.usage is not None
    assert last.usage.completion_tokens == 5
    assert last.usage.total_tokens == last.usage.prompt_tokens + 5
    assert chunks[-2].choices[0].finish_reason == "stop"
    assert all(c.usage is None for c in chunks[:-1])


def test_streaming_max_tokens_finish_length(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(model="m", messages=USER, stream=True, max_tokens=2)
    text, chunks = _collect(stream)
    assert text == "echo: what"
    assert chunks[-1].choices[0].finish_reason == "length"


def test_cut_stream_raises_remote_protocol_error(up: FakeUpstream, client: openai.OpenAI) -> None:
    up.cut_stream_next(after_chunks=2)
    stream = client.chat.completions.create(model="m", messages=USER, stream=True)
    got: list[Any] = []
    # The openai SDK does not wrap mid-stream transport errors: the raw httpx
    # error surfaces from iteration, after the chunks that were delivered.
    with pytest.raises(httpx.RemoteProtocolError, match="incomplete chunked read"):
        for c in stream:
            got.append(c)
    assert len(got) == 3  # role chunk + 2 content chunks
    assert "".join(c.choices[0].delta.content or "" for c in got) == "echo: wh"
    assert all(c.choices[0].finish_reason is None for c in got)
    # Only the next stream is cut.
    text, _ = _collect(client.chat.completions.create(model="m", messages=USER, stream=True))
    assert text == "echo: what is the dose"


def test_cut_stream_waits_for_a_streaming_request(up: FakeUpstream, client: openai.OpenAI) -> None:
    up.cut_stream_next(0)
    r = client.chat.completions.create(model="m", messages=USER)  # not streaming: unaffected
    assert r.choices[0].message.content == "echo: what is the dose"
    with pytest.raises(httpx.RemoteProtocolError):
        _collect(client.chat.completions.create(model="m", messages=USER, stream=True))


# ---------------------------------------------------------------- tools

TOOLS = [
    {"type": "function", "function": {
        "name": "lookup_drug",
        "description": "Look up a drug",
        "parameters": {
            "type": "object",
            "properties": {
                "query": {"type": "string"},
                "limit": {"type": "integer"},
                "weight": {"type": "number"},
                "exact": {"type": "boolean"},
                "unit": {"type": "string", "enum": ["mg", "ml"]},
                "optional": {"type": "string"},
            },
            "required": ["query", "limit", "weight", "exact", "unit"],
        },
    }},
    {"type": "function", "function": {"name": "other", "parameters": {"type": "object", "properties": {}}}},
]


def test_tool_call_round_trip(client: openai.OpenAI) -> None:
    r = client.chat.completions.create(model="m", messages=USER, tools=TOOLS)
    choice = r.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content is None
    [call] = choice.message.tool_calls
    assert call.id.startswith("call_") and call.type == "function"
    assert call.function.name == "lookup_drug"
    assert json.loads(call.function.arguments) == {
        "query": "what is the dose", "limit": 1, "weight": 1, "exact": True, "unit": "mg"}

    followup = USER + [
        choice.message.model_dump(exclude_none=True),
        {"role": "tool", "tool_call_id": call.id, "content": "10 mg"},
    ]
    r2 = client.chat.completions.create(model="m", messages=followup, tools=TOOLS)
    assert r2.choices[0].finish_reason == "stop"
    assert r2.choices[0].message.content == "tool said: 10 mg"


def test_tool_choice_named_and_none(client: openai.OpenAI) -> None:
    r = client.chat.completions.create(model="m", messages=USER, tools=TOOLS,
                                       tool_choice={"type": "function", "function": {"name": "other"}})
    assert r.choices[0].message.tool_calls[0].function.name == "other"
    assert r.choices[0].message.tool_calls[0].function.arguments == "{}"
    r = client.chat.completions.create(model="m", messages=USER, tools=TOOLS, tool_choice="none")
    assert r.choices[0].message.content == "echo: what is the dose"


def test_streaming_tool_call(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(model="m", messages=USER, tools=TOOLS, stream=True)
    chunks = list(stream)
    calls: dict[int, dict[str, str]] = {}
    for c in chunks:
        for tc in c.choices[0].delta.tool_calls or []:
            slot = calls.setdefault(tc.index, {"id": "", "name": "", "arguments": ""})
            if tc.id:
                slot["id"] = tc.id
            if tc.function and tc.function.name:
                slot["name"] += tc.function.name
            if tc.function and tc.function.arguments:
                slot["arguments"] += tc.function.arguments
    assert list(calls) == [0]
    assert calls[0]["name"] == "lookup_drug" and calls[0]["id"].startswith("call_")
    assert json.loads(calls[0]["arguments"])["query"] == "what is the dose"
    first_tool = next(c for c in chunks if c.choices[0].delta.tool_calls)
    assert first_tool.choices[0].delta.tool_calls[0].function.arguments == ""
    assert chunks[-1].choices[0].finish_reason == "tool_calls"


def test_reply_next_scripts_exactly(up: FakeUpstream, client: openai.OpenAI) -> None:
    up.reply_next(content="Patient John Smith, MRN 12345", finish_reason="content_filter")
    up.reply_next(tool_calls=[{"name": "page_nurse", "arguments": {"ward": "4B"}}])
    r = client.chat.completions.create(model="m", messages=USER, max_tokens=1, stop=["John"])
    assert r.choices[0].message.content == "Patient John Smith, MRN 12345"
    assert r.choices[0].finish_reason == "content_filter"
    r = client.chat.completions.create(model="m", messages=USER)
    assert r.choices[0].finish_reason == "tool_calls"
    tc = r.choices[0].message.tool_calls[0]
    assert tc.function.name == "page_nurse" and json.loads(tc.function.arguments) == {"ward": "4B"}
    r = client.chat.completions.create(model="m", messages=USER)
    assert r.choices[0].message.content == "echo: what is the dose"


# ---------------------------------------------------------------- structured output

class Dose(BaseModel):
    drug: str
    amount_mg: float
    route: str
    warnings: list[str]


class Plan(BaseModel):
    patient_ok: bool
    doses: list[Dose]
    visits: int


def test_json_schema_via_sdk_parse(client: openai.OpenAI) -> None:
    r = client.chat.completions.parse(model="m", messages=USER, response_format=Plan)
    plan = r.choices[0].message.parsed
    assert isinstance(plan, Plan)
    assert plan.patient_ok is True and plan.visits == 0
    assert plan.doses == [Dose(drug="x", amount_mg=0, route="x", warnings=["x"])]


def test_json_schema_dict(client: openai.OpenAI) -> None:
    schema = {
        "type": "object",
        "properties": {
            "triage": {"type": "string", "enum": ["urgent", "routine"]},
            "score": {"type": "integer", "minimum": 3},
            "note": {"type": ["string", "null"]},
            "codes": {"type": "array", "items": {"$ref": "#/$defs/code"}},
        },
        "required": ["triage", "score", "note", "codes"],
        "additionalProperties": False,
        "$defs": {"code": {"type": "object", "properties": {"system": {"const": "ICD-10"}},
                           "required": ["system"]}},
    }
    r = client.chat.completions.create(
        model="m", messages=USER,
        response_format={"type": "json_schema", "json_schema": {"name": "t", "schema": schema, "strict": True}})
    assert json.loads(r.choices[0].message.content) == {
        "triage": "urgent", "score": 3, "note": "x", "codes": [{"system": "ICD-10"}]}
    assert example_for_schema(schema) == json.loads(r.choices[0].message.content)


def test_json_object(client: openai.OpenAI) -> None:
    r = client.chat.completions.create(model="m", messages=USER, response_format={"type": "json_object"})
    assert json.loads(r.choices[0].message.content) == {"echo": "what is the dose"}


# ---------------------------------------------------------------- embeddings

def test_embeddings_sdk_default_base64(up: FakeUpstream, client: openai.OpenAI) -> None:
    r = client.embeddings.create(model="emb", input=["aspirin", "ibuprofen"])
    assert up.requests[-1].body["encoding_format"] == "base64"  # the SDK's default
    assert [d.index for d in r.data] == [0, 1]
    assert all(len(d.embedding) == 8 for d in r.data)
    assert r.data[0].embedding != r.data[1].embedding
    assert r.model == "emb" and r.usage.prompt_tokens == r.usage.total_tokens == 2
    floats = client.embeddings.create(model="emb", input="aspirin", encoding_format="float")
    assert floats.data[0].embedding == r.data[0].embedding  # deterministic, exact float32 values
    norm = sum(v * v for v in floats.data[0].embedding) ** 0.5
    assert abs(norm - 1.0) < 1e-5


def test_embeddings_rejects_token_arrays(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError):
        client.embeddings.create(model="emb", input=[[1, 2, 3]])


# ---------------------------------------------------------------- failures and delays

def test_fail_next_maps_to_sdk_exceptions(up: FakeUpstream, client: openai.OpenAI) -> None:
    up.fail_next(500)
    with pytest.raises(openai.InternalServerError) as ei:
        client.chat.completions.create(model="m", messages=USER)
    assert ei.value.status_code == 500
    assert ei.value.body["type"] == "server_error"  # SDK unwraps {"error": {...}}
    assert client.chat.completions.create(model="m", messages=USER).choices[0].message.content

    up.fail_next(429, times=2)
    for _ in range(2):
        with pytest.raises(openai.RateLimitError) as ei2:
            client.chat.completions.create(model="m", messages=USER)
        assert ei2.value.body["code"] == "rate_limit_exceeded"
    client.chat.completions.create(model="m", messages=USER)

    up.fail_next(401)
    with pytest.raises(openai.AuthenticationError):
        client.embeddings.create(model="e", input="x")  # applies to any endpoint

    custom = {"error": {"message": "custom boom", "type": "weird", "code": "c42"}}
    up.fail_next(503, body=custom)
    with pytest.raises(openai.InternalServerError) as ei3:
        client.chat.completions.create(model="m", messages=USER)
    assert ei3.value.status_code == 503
    assert ei3.value.body == custom["error"]
    assert "custom boom" in str(ei3.value)


def test_fail_next_on_stream_request(up: FakeUpstream, client: openai.OpenAI) -> None:
    up.fail_next(502)
    with pytest.raises(openai.InternalServerError):
        client.chat.completions.create(model="m", messages=USER, stream=True)


def test_delay_next_triggers_client_timeout(up: FakeUpstream) -> None:
    up.delay_next(1.0)
    with openai.OpenAI(base_url=up.base_url, api_key="sk-test", max_retries=0, timeout=0.2) as fast:
        t0 = time.monotonic()
        with pytest.raises(openai.APITimeoutError):
            fast.chat.completions.create(model="m", messages=USER)
        assert time.monotonic() - t0 < 0.9
        # Next request is not delayed.
        assert fast.chat.completions.create(model="m", messages=USER).choices[0].message.content


def test_delay_next_observed(up: FakeUpstream, client: openai.OpenAI) -> None:
    up.delay_next(0.3, times=2)
    for _ in range(2):
        t0 = time.monotonic()
        client.chat.completions.create(model="m", messages=USER)
        assert time.monotonic() - t0 >= 0.3
    t0 = time.monotonic()
    client.chat.completions.create(model="m", messages=USER)
    assert time.monotonic() - t0 < 0.3


def test_reset_clears_everything(up: FakeUpstream, client: openai.OpenAI) -> None:
    client.models.list()
    up.fail_next(500, times=5)
    up.delay_next(5)
    up.cut_stream_next()
    up.reply_next("scripted")
    up.reset()
    assert up.requests == []
    text, _ = _collect(client.chat.completions.create(model="m", messages=USER, stream=True))
    assert text == "echo: what is the dose"
    assert len(up.requests) == 1


# ---------------------------------------------------------------- litellm

def _litellm() -> Any:
    os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
    os.environ.setdefault("LITELLM_LOG", "ERROR")
    import litellm

    litellm.telemetry = False
    litellm.suppress_debug_info = True
    return litellm


async def test_litellm_accepts_it(up: FakeUpstream) -> None:
    litellm = _litellm()
    r = await litellm.acompletion(model="openai/x", api_base=up.base_url, api_key="sk",
                                  messages=USER, seed=7)
    assert r.choices[0].message.content == "echo: what is the dose"
    assert r.usage.total_tokens > 0
    rec = up.requests[-1]
    assert rec.path == "/v1/chat/completions"
    assert rec.headers["authorization"] == "Bearer sk"
    assert rec.body["model"] == "x" and rec.body["seed"] == 7

    stream = await litellm.acompletion(model="openai/x", api_base=up.base_url, api_key="sk",
                                       messages=USER, stream=True,
                                       stream_options={"include_usage": True})
    parts: list[str] = []
    finish: list[str] = []
    async for chunk in stream:
        if chunk.choices:
            parts.append(chunk.choices[0].delta.content or "")
            if chunk.choices[0].finish_reason:
                finish.append(chunk.choices[0].finish_reason)
    assert "".join(parts) == "echo: what is the dose"
    assert finish == ["stop"]

    # litellm 1.106.2 imports its MCP gateway handler (needs the optional `mcp`
    # package, not installed here) for ANY request carrying `tools`, failing
    # with "No module named 'mcp'"; `_skip_mcp_handler=True` bypasses it.
    r = await litellm.acompletion(model="openai/x", api_base=up.base_url, api_key="sk",
                                  messages=USER, tools=TOOLS, _skip_mcp_handler=True)
    assert r.choices[0].finish_reason == "tool_calls"
    assert r.choices[0].message.tool_calls[0].function.name == "lookup_drug"
    assert json.loads(r.choices[0].message.tool_calls[0].function.arguments)["limit"] == 1

    e = await litellm.aembedding(model="openai/emb", api_base=up.base_url, api_key="sk",
                                 input=["aspirin"])
    assert len(e.data[0]["embedding"]) == 8

    up.fail_next(500)
    with pytest.raises(litellm.InternalServerError):
        await litellm.acompletion(model="openai/x", api_base=up.base_url, api_key="sk",
                                  messages=USER, num_retries=0, max_retries=0)


async def test_litellm_cut_stream(up: FakeUpstream) -> None:
    litellm = _litellm()
    up.cut_stream_next(after_chunks=2)
    stream = await litellm.acompletion(model="openai/x", api_base=up.base_url, api_key="sk",
                                       messages=USER, stream=True)
    parts: list[str] = []
    # litellm's async OpenAI path reads via aiohttp; the truncated chunked body
    # surfaces as MidStreamFallbackError (a ServiceUnavailableError subclass).
    with pytest.raises(litellm.exceptions.MidStreamFallbackError, match="Response payload is not completed"):
        async for chunk in stream:
            parts.append(chunk.choices[0].delta.content or "")
            assert chunk.choices[0].finish_reason is None
    assert "".join(parts) == "echo: wh"
