"""Exactly one audit record per request, whatever its outcome."""
from __future__ import annotations

import json
import socket
import time

import httpx
import openai
import pytest

from tests.servers import MASTER_KEY

MODEL = "clinical-gpt"
MSG = [{"role": "user", "content": "Discharge summary: CHF exacerbation, diuresed 3 L."}]


@pytest.fixture()
def gw(gateway, fresh_upstream):
    return gateway


def _last(gw, before: int) -> dict:
    records = gw.wait_for_audit(before + 1)
    assert len(records) >= before + 1
    time.sleep(0.1)
    assert gw.audit_count() == before + 1, "more than one record for one request"
    return records[0]


@pytest.mark.parametrize("case, status, outcome, code", [
    ("ok", 200, "success", None),
    ("bad_json", 400, "error", "invalid_json"),
    ("no_key", 401, "error", "invalid_api_key"),
    ("unknown_model", 404, "error", "model_not_found"),
    ("upstream_down", 502, "error", "upstream_error"),
])
def test_one_record_per_outcome(gw, upstream, case, status, outcome, code):
    before = gw.audit_count()
    headers = {"Authorization": f"Bearer {MASTER_KEY}"} if case != "no_key" else {}
    body: bytes = json.dumps({"model": "nope" if case == "unknown_model" else MODEL, "messages": MSG}).encode()
    if case == "bad_json":
        body = b"{not json"
    if case == "upstream_down":
        upstream.fail_next(500, times=2)
    resp = httpx.post(gw.base_url + "/chat/completions", content=body, headers=headers, timeout=20)
    assert resp.status_code == status
    record = _last(gw, before)
    assert (record["status"], record["outcome"], record["error_code"]) == (status, outcome, code)
    assert record["request_hash"] and record["latency_ms"] > 0
    assert (record["response_hash"] is not None) == (status == 200)


def test_stream_record_written_after_the_stream(gw, upstream):
    before = gw.audit_count()
    client = openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY, max_retries=0)
    list(client.chat.completions.create(model=MODEL, messages=MSG, stream=True))
    record = _last(gw, before)
    assert record["stream"] and record["outcome"] == "success" and record["completion_tokens"] > 0


def test_client_disconnect_mid_stream_is_recorded(gw, upstream):
    before = gw.audit_count()
    upstream.slow_stream_next(0.2)
    with httpx.Client(timeout=20) as http:
        with http.stream("POST", gw.base_url + "/chat/completions",
                         json={"model": MODEL, "messages": MSG, "stream": True},
                         headers={"Authorization": f"Bearer {MASTER_KEY}"}) as resp:
            lines = resp.iter_lines()
            assert next(lines).startswith("data: ")
        # leaving the block closes the connection mid-stream
    record = _last(gw, before)
    assert record["stream"] and (record["outcome"], record["error_code"]) == ("client_disconnect",
                                                                               "client_disconnect")


def test_client_gone_before_the_reply_is_recorded(gw, upstream):
    before = gw.audit_count()
    upstream.delay_next(0.5)
    body = json.dumps({"model": MODEL, "messages": MSG}).encode()
    port = int(gw.base_url.split(":")[2].split("/")[0])
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     + f"Authorization: Bearer {MASTER_KEY}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
        time.sleep(0.1)
    record = _last(gw, before)
    # Either the gateway noticed the disconnect, or it finished the call for nobody: never silence.
    assert record["outcome"] in ("client_disconnect", "success")
