"""The dashboard's SQL aggregations against the same numbers computed in Python, on
SQLite and PostgreSQL, through a read-only engine."""
from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dashboard.data import AuditData, AuditFilter, bucket_for, histogram_percentiles
from dashboard.readonly import StoreMissing, open_readonly
from tests.dashboard import seed
from tests.dashboard.conftest import fill

N = 240


@pytest.fixture()
def filled(audit_url):
    records = fill(audit_url, N)
    engine = open_readonly(audit_url)
    yield AuditData(engine), records
    engine.dispose()


def test_totals_match_the_records(filled):
    data, records = filled
    got = data.totals(AuditFilter())
    want = seed.expected_totals(records)
    assert got.requests == N
    assert (got.blocked, got.errors, got.phi_requests) == (want["blocked"], want["errors"], want["phi_requests"])
    assert (got.prompt_tokens, got.completion_tokens) == (want["prompt_tokens"], want["completion_tokens"])
    assert got.cost_usd == pytest.approx(want["cost_usd"])
    assert 0 < got.blocked < N and got.phi_requests > 0


def test_filters_restrict_like_python_would(filled):
    data, records = filled
    app = "patient-portal-bot"
    since = seed.T0 + timedelta(hours=2)
    f = AuditFilter(since=since, apps=(app,), outcomes=("success",))
    want = [r for r in records if r.app == app and r.outcome == "success" and r.ts >= since]
    assert data.count(f) == len(want) > 0
    assert data.count(AuditFilter(rule="clinician-only-dosing")) == \
        sum("clinician-only-dosing" in r.fired_rules for r in records)
    assert data.count(AuditFilter(phi_kind="SSN")) == sum("SSN" in r.phi_counts for r in records) > 0
    assert data.count(AuditFilter(models=("llama-3.1-70b",))) == \
        sum(seed.model_of(r) == "llama-3.1-70b" for r in records) > 0
    assert data.count(AuditFilter(statuses=(403,), decisions=("block",))) == \
        sum(r.status == 403 and r.decision == "block" for r in records) > 0
    rid = records[17].request_id
    rows = data.records(AuditFilter(request_id=rid[:10]))
    assert [r["request_id"] for r in rows] == [rid]
    assert data.count(AuditFilter(request_id="%")) == 0   # LIKE wildcards are literal


def test_phi_by_kind_and_over_time(filled):
    data, records = filled
    want = seed.expected_phi(records)
    assert {r["kind"]: r["count"] for r in data.phi_by_kind(AuditFilter())} == dict(want)
    series = data.phi_over_time(AuditFilter(), "hour")
    assert sum(r["count"] for r in series) == sum(want.values())
    first_hour = [r for r in records if r.ts < seed.T0 + timedelta(hours=1)]
    got = {r["kind"]: r["count"] for r in series if r["bucket"] == seed.T0}
    assert got == dict(seed.expected_phi(first_hour))


def test_requests_over_time_buckets(filled):
    data, records = filled
    rows = data.requests_over_time(AuditFilter(), "hour")
    per_hour = Counter(r.ts.replace(minute=0, second=0, microsecond=0) for r in records)
    assert {r["bucket"]: r["requests"] for r in rows} == dict(per_hour)
    days = data.requests_over_time(AuditFilter(), "day")
    assert sum(r["requests"] for r in days) == N and len(days) == len({r.ts.date() for r in records})
    assert sum(r["blocked"] for r in rows) == seed.expected_totals(records)["blocked"]


def test_rule_counts_sorted_by_frequency(filled):
    data, records = filled
    got = data.rule_counts(AuditFilter())
    assert {r["rule"]: r["fired"] for r in got} == dict(seed.expected_rules(records))
    assert [r["fired"] for r in got] == sorted((r["fired"] for r in got), reverse=True)
    assert len(data.rule_counts(AuditFilter(), limit=2)) == 2


def test_latency_percentiles_within_a_millisecond(filled):
    data, records = filled
    import numpy as np
    lat = np.array([r.latency_ms for r in records])
    got = data.latency(AuditFilter())
    assert got.count == N
    for name, q in (("p50", 50), ("p95", 95), ("p99", 99)):
        assert getattr(got, name) == pytest.approx(np.percentile(lat, q), abs=1.0)


def test_usage_by_app_and_model(filled):
    data, records = filled
    rows = {(r["app"], r["model"]): r for r in data.usage(AuditFilter())}
    for (app, model), n in Counter((r.app, seed.model_of(r)) for r in records).items():
        row = rows[(app, model)]
        subset = [r for r in records if r.app == app and seed.model_of(r) == model]
        assert row["requests"] == n
        assert row["prompt_tokens"] == sum(r.prompt_tokens for r in subset)
        assert row["cost_usd"] == pytest.approx(sum(r.cost_usd or 0 for r in subset))


def test_filter_options_and_records_page(filled):
    data, records = filled
    opts = data.options()
    assert opts.apps == sorted({r.app for r in records})
    assert opts.rules == sorted(seed.expected_rules(records))
    assert opts.phi_kinds == sorted(seed.expected_phi(records))
    assert 403 in opts.statuses and "blocked" in opts.outcomes
    page = data.records(AuditFilter(), limit=10, order_by="latency_ms")
    assert [r["latency_ms"] for r in page] == sorted((r.latency_ms for r in records), reverse=True)[:10]
    detail = data.record(page[0]["chain_seq"])
    assert detail["record_hash"] and detail["request_id"] == page[0]["request_id"]
    assert data.record(10 ** 9) is None
    assert data.head()[0] == N
    lo, hi = data.time_bounds()
    assert (lo, hi) == (records[0].ts, records[-1].ts)
    with pytest.raises(ValueError, match="cannot sort by"):
        data.records(AuditFilter(), order_by="record_hash; drop table audit_log")


def test_the_engine_refuses_writes(filled):
    data, _ = filled
    with pytest.raises(DBAPIError):
        with data.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log"))
    assert data.count(AuditFilter()) == N


def test_empty_store_and_missing_file(audit_url, tmp_path):
    engine = open_readonly(audit_url)
    data = AuditData(engine)
    assert data.totals(AuditFilter()).requests == 0
    assert data.latency(AuditFilter()).p50 is None
    assert data.time_bounds() is None and data.rule_counts(AuditFilter()) == []
    engine.dispose()
    with pytest.raises(StoreMissing, match="no audit database"):
        open_readonly(f"sqlite:///{tmp_path / 'nothing-here.db'}")
    assert not (tmp_path / "nothing-here.db").exists()


def test_histogram_percentiles_and_buckets():
    assert histogram_percentiles([(10, 1), (20, 1)]).p50 == pytest.approx(15.5)
    assert histogram_percentiles([]).p50 is None
    assert bucket_for(seed.T0, seed.T0 + timedelta(days=1)) == "hour"
    assert bucket_for(seed.T0, seed.T0 + timedelta(days=30)) == "day"
