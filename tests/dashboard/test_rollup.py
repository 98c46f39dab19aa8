"""The hourly summaries give the same answers as the direct SQL aggregations, also
after records are appended (incremental refresh) and after old records are deleted
(rebuild), on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from dashboard.data import AuditData, AuditFilter
from dashboard.readonly import open_readonly
from dashboard.rollup import Rollup
from gateway.db import make_engine
from tests.dashboard import seed
from tests.dashboard.conftest import fill


def same_answers(rollup: Rollup, data: AuditData, since=None, until=None) -> None:
    f = AuditFilter(since=since, until=until)
    got, want = rollup.totals(since, until), data.totals(f)
    assert (got.requests, got.blocked, got.errors, got.phi_requests, got.prompt_tokens, got.completion_tokens) == \
        (want.requests, want.blocked, want.errors, want.phi_requests, want.prompt_tokens, want.completion_tokens)
    assert got.cost_usd == pytest.approx(want.cost_usd)
    for unit in ("hour", "day"):
        assert rollup.requests_over_time(unit, since, until) == data.requests_over_time(f, unit)
        assert rollup.phi_over_time(unit, since, until) == data.phi_over_time(f, unit)
    assert rollup.phi_by_kind(since, until) == data.phi_by_kind(f)
    assert rollup.rule_counts(since, until) == data.rule_counts(f)
    assert rollup.rule_counts(since, until, limit=3) == data.rule_counts(f, 3)
    got, want = rollup.latency(since, until), data.latency(f)   # PostgreSQL's are exact: within 1 ms
    assert got.count == want.count and got.p50 == pytest.approx(want.p50, abs=1.0)
    assert got.p99 == pytest.approx(want.p99, abs=1.0)
    assert rollup.options(since, until) == data.options(f)
    got_usage = {(u["app"], u["model"]): u for u in rollup.usage(since, until)}
    for u in data.usage(f):
        g = got_usage.pop((u["app"], u["model"]))
        assert (g["requests"], g["prompt_tokens"]) == (u["requests"], u["prompt_tokens"])
        assert g["cost_usd"] == pytest.approx(u["cost_usd"]) and g["mean_latency_ms"] == pytest.approx(u["mean_latency_ms"])
    assert not got_usage


def test_rollup_matches_direct_sql_and_follows_appends_and_deletes(audit_url):
    fill(audit_url, 150)
    engine = open_readonly(audit_url)
    data = AuditData(engine)
    rollup = Rollup(data)
    assert rollup.refresh() == 150 and rollup.refresh() == 0
    same_answers(rollup, data)
    same_answers(rollup, data, since=seed.T0 + timedelta(hours=1), until=seed.T0 + timedelta(hours=3))
    # Appended records (a later day) are added in, not recounted.
    writer = make_engine(audit_url)
    from gateway.audit.store import AuditStore
    seed.write(AuditStore(writer, hmac_key=seed.HMAC_KEY, checkpoint_every=100, checkpoint_seconds=1e9),
               seed.make_records(40, seed=11, start=seed.T0 + timedelta(days=1, minutes=30)))
    assert rollup.refresh() == 40
    same_answers(rollup, data)
    # Old records deleted (as a prune does): rebuilt from what is left.
    with writer.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE chain_seq <= 30"))
    writer.dispose()
    assert rollup.refresh() == 160
    assert rollup.totals().requests == 160
    same_answers(rollup, data)
    engine.dispose()


def test_records_after_an_empty_start(audit_url):
    data = AuditData(open_readonly(audit_url))
    rollup = Rollup(data)
    assert rollup.refresh() == 0 and rollup.totals().requests == 0 and rollup.latency().p50 is None
    fill(audit_url, 30)
    assert rollup.refresh() == 30
    same_answers(rollup, data)
    data.engine.dispose()


def test_a_range_starts_at_a_whole_hour(audit_url):
    fill(audit_url, 60)   # one record every 97 s from 06:00
    data = AuditData(open_readonly(audit_url))
    rollup = Rollup(data)
    rollup.refresh()
    since = seed.T0 + timedelta(minutes=40)
    assert rollup.totals(since).requests == data.totals(AuditFilter(since=seed.T0)).requests == 60
    data.engine.dispose()


def test_saved_summaries_are_reused_only_for_the_same_chain(audit_url, tmp_path):
    fill(audit_url, 80)
    data = AuditData(open_readonly(audit_url))
    built = Rollup(data)
    built.refresh()
    built.save(tmp_path / "summary")
    fill_more = seed.make_records(20, seed=5, start=seed.T0 + timedelta(days=2))
    writer = make_engine(audit_url)
    from gateway.audit.store import AuditStore
    seed.write(AuditStore(writer, hmac_key=seed.HMAC_KEY, checkpoint_every=100, checkpoint_seconds=1e9), fill_more)
    restarted = Rollup(data)
    assert restarted.load(tmp_path / "summary") and restarted.seq == 80
    assert restarted.refresh() == 20          # only the records appended since the save are read
    same_answers(restarted, data)
    with writer.begin() as conn:              # the saved position no longer holds the same record
        conn.execute(text("UPDATE audit_log SET record_hash = :h WHERE chain_seq = 80"), {"h": "f" * 64})
    writer.dispose()
    assert not Rollup(data).load(tmp_path / "summary")
    assert not Rollup(data).load(tmp_path / "nothing-saved-here")
    data.engine.dispose()
