"""OpenTelemetry: one span tree per request and the GenAI client metrics.

Providers belong to the app instance (not the OTel globals), so several gateways
in one process, as in tests, do not share state. Exporters follow the standard
variables OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER (none | console | otlp;
medgate defaults to none) and OTEL_EXPORTER_OTLP_*, read by the OTLP exporter.
Span attributes carry kinds, counts, ids and model names, never message content
unless `capture_content` is on, and then only the redacted text.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

from opentelemetry import trace
from opentelemetry.metrics import NoOpMeterProvider
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import MetricReader, PeriodicExportingMetricReader
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor, SpanExporter
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

from gateway import __version__

# GenAI semantic-convention names (opentelemetry.io/docs/specs/semconv/gen-ai).
OPERATION = "gen_ai.operation.name"
PROVIDER = "gen_ai.provider.name"
REQUEST_MODEL = "gen_ai.request.model"
RESPONSE_MODEL = "gen_ai.response.model"
RESPONSE_ID = "gen_ai.response.id"
INPUT_TOKENS = "gen_ai.usage.input_tokens"
OUTPUT_TOKENS = "gen_ai.usage.output_tokens"
FINISH_REASONS = "gen_ai.response.finish_reasons"
ERROR_TYPE = "error.type"

_TOKEN_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304]
_DURATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92]


def _span_exporter(name: str) -> SpanExporter | None:
    if name == "console":
        from opentelemetry.sdk.trace.export import ConsoleSpanExporter
        return ConsoleSpanExporter()
    if name == "otlp":
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        return OTLPSpanExporter()
    if name in ("", "none"):
        return None
    raise ValueError(f"OTEL_TRACES_EXPORTER={name!r} is not supported (none, console, otlp)")


def _metric_reader(name: str) -> MetricReader | None:
    if name == "console":
        from opentelemetry.sdk.metrics.export import ConsoleMetricExporter
        return PeriodicExportingMetricReader(ConsoleMetricExporter())
    if name == "otlp":
        from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter
        return PeriodicExportingMetricReader(OTLPMetricExporter())
    if name in ("", "none"):
        return None
    raise ValueError(f"OTEL_METRICS_EXPORTER={name!r} is not supported (none, console, otlp)")


# Client libraries that log request bodies at DEBUG.
PAYLOAD_LOGGERS = ("openai", "LiteLLM", "LiteLLM Router", "LiteLLM Proxy", "litellm", "httpx", "httpcore")


def quiet_payload_loggers() -> None:
    """Keep libraries that would log prompts at DEBUG at WARNING in every worker:
    raising the gateway's log level must not start logging PHI."""
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


class Telemetry:
    def __init__(self, span_exporter: SpanExporter | None = None, metric_reader: MetricReader | None = None,
                 capture_content: bool = False, batch: bool = True) -> None:
        resource = Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME", "medgate"),
                                    "service.version": __version__})
        self.capture_content = capture_content
        self._tracer_provider: TracerProvider | None = None
        if span_exporter is not None:
            self._tracer_provider = TracerProvider(resource=resource)
            processor = BatchSpanProcessor(span_exporter) if batch else SimpleSpanProcessor(span_exporter)
            self._tracer_provider.add_span_processor(processor)
            self.tracer = self._tracer_provider.get_tracer("medgate", __version__)
        else:   # no exporter: no-op spans cost next to nothing on the hot path
            self.tracer = trace.NoOpTracer()
        self._meter_provider = (MeterProvider(resource=resource, metric_readers=[metric_reader])
                                if metric_reader is not None else None)
        meter = (self._meter_provider or NoOpMeterProvider()).get_meter("medgate", __version__)
        self.token_usage = meter.create_histogram(
            "gen_ai.client.token.usage", unit="{token}", description="Number of input and output tokens used",
            explicit_bucket_boundaries_advisory=_TOKEN_BUCKETS)
        self.duration = meter.create_histogram(
            "gen_ai.client.operation.duration", unit="s", description="GenAI operation duration",
            explicit_bucket_boundaries_advisory=_DURATION_BUCKETS)

    @classmethod
    def from_env(cls, capture_content: bool = False) -> "Telemetry":
        return cls(_span_exporter(os.environ.get("OTEL_TRACES_EXPORTER", "none").strip().lower()),
                   _metric_reader(os.environ.get("OTEL_METRICS_EXPORTER", "none").strip().lower()),
                   capture_content=capture_content)

    def start_request(self, operation: str, model: str | None) -> Span:
        name = f"{operation} {model}" if model else operation
        return self.tracer.start_span(name, kind=SpanKind.SERVER, attributes={OPERATION: operation})

    @contextmanager
    def stage(self, root: Span, name: str) -> Iterator[Span]:
        """A child span of the request's root for one pipeline stage."""
        ctx = trace.set_span_in_context(root)
        with self.tracer.start_as_current_span(f"medgate.{name}", context=ctx,
                                               record_exception=False) as span:
            yield span

    def record(self, span: Span, attrs: dict, duration_s: float, error_type: str | None) -> None:
        """Finish the root span and record the GenAI metrics."""
        attrs = {k: v for k, v in attrs.items() if v is not None}
        span.set_attributes(attrs)
        metric_attrs = {k: attrs[k] for k in (OPERATION, PROVIDER, REQUEST_MODEL, RESPONSE_MODEL) if k in attrs}
        if error_type:
            span.set_attribute(ERROR_TYPE, error_type)
            span.set_status(Status(StatusCode.ERROR))   # no description: it could carry content
            metric_attrs[ERROR_TYPE] = error_type
        span.end()
        self.duration.record(duration_s, metric_attrs)
        for key, token_type in ((INPUT_TOKENS, "input"), (OUTPUT_TOKENS, "output")):
            if isinstance(attrs.get(key), int):
                self.token_usage.record(attrs[key], {**metric_attrs, "gen_ai.token.type": token_type})

    def shutdown(self) -> None:
        if self._tracer_provider is not None:
            self._tracer_provider.shutdown()
        if self._meter_provider is not None:
            self._meter_provider.shutdown()
