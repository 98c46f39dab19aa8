"""The runner over real HTTP: retries, refusals, run errors, the response cache."""
import json

import pytest

from evalsuites.cache import ResponseCache, request_key
from evalsuites.runner import ModelSpec, Request, Runner
from tests.evalsuites.scripted_model import ScriptedModel


def echo(body):
    return "echo: " + body["messages"][-1]["content"]


@pytest.fixture()
def model():
    with ScriptedModel(echo) as m:
        yield m


def requests(n=3):
    return [Request(f"r{i}", [{"role": "user", "content": f"question {i}"}]) for i in range(n)]


def test_replies_in_order_then_cached_with_no_second_call(model, tmp_path):
    cache = ResponseCache(tmp_path)
    runner = Runner(ModelSpec("scripted", model.base_url, "sk-test-key"), cache, concurrency=2, progress=False)
    first = runner.run(requests())
    assert [r.content for r in first] == ["echo: question 0", "echo: question 1", "echo: question 2"]
    assert [r.status for r in first] == ["ok"] * 3 and not any(r.cached for r in first)
    assert len(model.requests) == 3
    assert model.requests[0]["model"] == "scripted" and model.requests[0]["temperature"] == 0
    again = runner.run(requests())
    assert [r.content for r in again] == [r.content for r in first]
    assert all(r.cached for r in again) and len(model.requests) == 3
    # the key never contains the API key: files on disk do not either
    assert not any("sk-test-key" in p.read_text() for p in tmp_path.rglob("*.json"))


def test_cache_key_depends_on_model_base_prompt_and_params_only():
    msgs = [{"role": "user", "content": "x"}]
    base = request_key("m", "http://a", msgs, {"temperature": 0})
    assert base == request_key("m", "http://a", [dict(m) for m in msgs], {"temperature": 0})
    assert len({base, request_key("m2", "http://a", msgs, {"temperature": 0}),
                request_key("m", "http://b", msgs, {"temperature": 0}),
                request_key("m", "http://a", [{"role": "user", "content": "y"}], {"temperature": 0}),
                request_key("m", "http://a", msgs, {"temperature": 0.7})}) == 5


def test_transient_errors_are_retried_with_backoff(model, tmp_path):
    model.fail_next(503, times=2)
    runner = Runner(ModelSpec("scripted", model.base_url, "k"), None, concurrency=1, retries=3, backoff=0.01,
                    progress=False)
    [reply] = runner.run(requests(1))
    assert reply.status == "ok" and reply.attempts == 3 and reply.content == "echo: question 0"


def test_exhausted_retries_are_an_error_and_a_refusal_is_a_result(model):
    runner = Runner(ModelSpec("scripted", model.base_url, "k"), None, concurrency=1, retries=1, backoff=0.01,
                    progress=False)
    model.fail_next(500, times=2)
    [failed] = runner.run(requests(1))
    assert failed.status == "error" and failed.error.endswith("500") and failed.content is None
    model.fail_next(400)
    [refused] = runner.run(requests(1))
    assert refused.status == "refused" and refused.attempts == 1


def test_structured_output_request_reaches_the_model(model):
    fmt = {"type": "json_schema", "json_schema": {"name": "d", "strict": True, "schema": {
        "type": "object", "properties": {"answer": {"type": "string", "enum": ["a", "b"]}}, "required": ["answer"],
        "additionalProperties": False}}}
    runner = Runner(ModelSpec("scripted", model.base_url, "k"), None, progress=False)
    [reply] = runner.run([Request("x", [{"role": "user", "content": "pick"}], fmt)])
    assert reply.status == "ok" and reply.structured
    assert model.requests[-1]["response_format"]["json_schema"]["schema"]["properties"]["answer"]["enum"] == ["a", "b"]
    assert json.dumps(model.requests[-1]).count("sk-") == 0
