"""Span trees, GenAI attributes and metrics; nothing of the content on them."""
from __future__ import annotations

import json
import logging

import openai
import pytest
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from gateway.telemetry import Telemetry
from tests.servers import MASTER_KEY, GatewayServer, upstream_config

CANARY = "Zebediah Quillfeather, MRN 86753091, DOB 02/29/1948"
STAGES = ["medgate.authenticate", "medgate.validate", "medgate.phi.detect", "medgate.policy.decide",
          "medgate.apply", "medgate.upstream", "medgate.inspect"]


@pytest.fixture(scope="module")
def traced(upstream, tmp_path_factory):
    spans, metrics = InMemorySpanExporter(), InMemoryMetricReader()
    gw = GatewayServer(tmp_path_factory.mktemp("otel"), upstream_config(upstream.base_url))
    gw.app.state.pipeline.telemetry = Telemetry(spans, metrics, batch=False)
    with gw:
        yield gw, spans, metrics


@pytest.fixture()
def sdk(traced, fresh_upstream):
    traced[1].clear()
    return openai.OpenAI(base_url=traced[0].base_url, api_key=MASTER_KEY, max_retries=0)


def _root(spans):
    roots = [s for s in spans if s.parent is None]
    assert len(roots) == 1
    return roots[0]


def test_span_tree_and_genai_attributes(sdk, traced):
    reply = sdk.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": "HbA1c 9.1%"}])
    spans = traced[1].get_finished_spans()
    root = _root(spans)
    assert root.name == "chat clinical-gpt" and root.kind == SpanKind.SERVER
    a = root.attributes
    assert a["gen_ai.operation.name"] == "chat" and a["gen_ai.provider.name"] == "openai"
    assert a["gen_ai.request.model"] == "clinical-gpt" and a["gen_ai.response.model"] == "gpt-4o-mini"
    assert a["gen_ai.usage.input_tokens"] == reply.usage.prompt_tokens
    assert a["gen_ai.usage.output_tokens"] == reply.usage.completion_tokens
    assert list(a["gen_ai.response.finish_reasons"]) == ["stop"]
    assert "error.type" not in a
    children = sorted((s for s in spans if s.parent is not None), key=lambda s: s.start_time)
    assert [s.name for s in children] == STAGES
    assert all(s.parent.span_id == root.context.span_id and s.context.trace_id == root.context.trace_id
               for s in children)


def test_error_type_on_failed_request(sdk, traced):
    with pytest.raises(openai.NotFoundError):
        sdk.chat.completions.create(model="nope", messages=[{"role": "user", "content": "x"}])
    root = _root(traced[1].get_finished_spans())
    assert root.attributes["error.type"] == "model_not_found"
    assert root.status.status_code == StatusCode.ERROR


def test_stream_span_ends_with_the_stream(sdk, traced):
    list(sdk.chat.completions.create(model="clinical-gpt", stream=True,
                                     messages=[{"role": "user", "content": "lactate 4.2"}]))
    traced[0].wait_for_audit(traced[0].audit_count())
    root = _root(traced[1].get_finished_spans())
    assert root.attributes["gen_ai.usage.output_tokens"] > 0
    assert list(root.attributes["gen_ai.response.finish_reasons"]) == ["stop"]


def test_metrics(sdk, traced):
    sdk.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": "Na 128"}])
    data = traced[2].get_metrics_data()
    metrics = {m.name: m for rm in data.resource_metrics for sm in rm.scope_metrics for m in sm.metrics}
    usage = metrics["gen_ai.client.token.usage"]
    assert usage.unit == "{token}"
    types = {p.attributes["gen_ai.token.type"] for p in usage.data.data_points}
    assert types == {"input", "output"}
    duration = metrics["gen_ai.client.operation.duration"]
    assert duration.unit == "s" and sum(p.count for p in duration.data.data_points) >= 1


def test_canary_phi_never_on_spans_logs_audit_or_errors(sdk, traced, caplog, upstream):
    gw, spans, _ = traced
    # Every logger at INFO (the deployed level; `medgate serve` pins the payload-logging
    # client libraries to WARNING), and medgate's own at DEBUG.
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="medgate")
    messages = [{"role": "user", "content": f"Summarize the chart of {CANARY}."}]
    sdk.chat.completions.create(model="clinical-gpt", messages=messages)
    list(sdk.chat.completions.create(model="clinical-gpt", messages=messages, stream=True))
    upstream.fail_next(500, times=2, body={"error": {"message": f"failed on {CANARY}", "type": "x"}})
    with pytest.raises(openai.APIStatusError) as exc:
        sdk.chat.completions.create(model="clinical-gpt", messages=messages)
    with pytest.raises(openai.BadRequestError) as bad:
        sdk.chat.completions.create(model="clinical-gpt", messages=[{"role": f"{CANARY}", "content": "x"}])
    with pytest.raises(openai.NotFoundError) as unknown:    # free text in the model field
        sdk.chat.completions.create(model=f"summarize {CANARY}", messages=[{"role": "user", "content": "x"}])
    gw.wait_for_audit(gw.audit_count())
    dumped = [s.to_json() for s in spans.get_finished_spans()]
    needles = ["Quillfeather", "86753091", "02/29/1948"]
    for text in [*dumped, caplog.text, json.dumps(gw.audit_records(), default=str),
                 json.dumps(exc.value.body), json.dumps(bad.value.body), json.dumps(unknown.value.body)]:
        for needle in needles:
            assert needle not in text


def test_exporters_follow_standard_env(monkeypatch):
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.trace.export import ConsoleSpanExporter
    from opentelemetry.trace import NoOpTracer

    from gateway import telemetry as tm

    monkeypatch.delenv("OTEL_TRACES_EXPORTER", raising=False)
    assert isinstance(Telemetry.from_env().tracer, NoOpTracer)          # none by default
    assert isinstance(tm._span_exporter("console"), ConsoleSpanExporter)
    assert isinstance(tm._span_exporter("otlp"), OTLPSpanExporter)
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "zipkin-of-doom")
    with pytest.raises(ValueError, match="OTEL_TRACES_EXPORTER"):
        Telemetry.from_env()


def test_console_exporter_prints_spans_of_a_request(upstream, tmp_path):
    import subprocess
    import sys
    code = (
        "import openai, os\n"
        "from tests.servers import GatewayServer, upstream_config, MASTER_KEY\n"
        "from gateway.telemetry import Telemetry\n"
        f"gw = GatewayServer({str(tmp_path)!r}, upstream_config({upstream.base_url!r}))\n"
        "gw.app.state.pipeline.telemetry = Telemetry.from_env()\n"
        "with gw:\n"
        "    openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY).chat.completions.create(\n"
        "        model='clinical-gpt', messages=[{'role': 'user', 'content': 'troponin 0.9'}])\n"
        "gw.app.state.pipeline.telemetry.shutdown()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "OTEL_TRACES_EXPORTER": "console"})
    assert out.returncode == 0, out.stderr
    assert '"name": "chat clinical-gpt"' in out.stdout and '"name": "medgate.upstream"' in out.stdout
    assert "troponin" not in out.stdout


def test_content_capture_is_opt_in(upstream, tmp_path):
    spans = InMemorySpanExporter()
    gw = GatewayServer(tmp_path, upstream_config(upstream.base_url, capture_content=True))
    gw.app.state.pipeline.telemetry = Telemetry(spans, batch=False, capture_content=True)
    with gw:
        openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY).chat.completions.create(
            model="clinical-gpt", messages=[{"role": "user", "content": "creatinine 2.3"}])
    root = _root(spans.get_finished_spans())
    assert json.loads(root.attributes["gen_ai.input.messages"]) == [{"role": "user", "content": "creatinine 2.3"}]
