"""What the dashboard asks the audit store, answered by the database.

Every aggregate is one SQL statement that groups in the database (never all rows
into Python), written once with SQLAlchemy; only the JSON and time-bucket functions
differ by dialect: SQLite's `json_each` and `substr` on its ISO text timestamps,
PostgreSQL's `jsonb_each_text` / `jsonb_array_elements_text` and `date_trunc`.
Latency percentiles are exact on PostgreSQL (`percentile_cont`); SQLite has no
percentile function, so it returns a 1 ms histogram and the percentile is read off
it (to within 1 ms).

Nothing here returns request content: the audit store has none, and the record
detail is the audit row itself (kinds and counts, hashes and ids).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Integer, String, and_, case, cast, exists, func, literal, literal_column, select, true
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Engine
from sqlalchemy.sql import ColumnElement, Select

from gateway.audit.chain import as_utc
from gateway.audit.store import audit_chain_head, audit_log

t = audit_log.c
MODEL = func.coalesce(t.model_used, t.model_requested)
# The columns the explorer lists; the detail view shows the whole row.
LIST_COLUMNS = ("chain_seq", "ts", "request_id", "app", "key_id", "operation", "model_requested", "model_used",
                "status", "outcome", "decision", "reason_code", "fired_rules", "phi_counts", "prompt_tokens",
                "completion_tokens", "cost_usd", "latency_ms")
SORTABLE = {"ts", "chain_seq", "latency_ms", "cost_usd", "prompt_tokens", "completion_tokens", "status", "app"}


@dataclass(frozen=True)
class AuditFilter:
    """The explorer's filter; empty fields do not restrict. Times are UTC, `until` exclusive."""
    since: datetime | None = None
    until: datetime | None = None
    apps: tuple[str, ...] = ()
    key_ids: tuple[str, ...] = ()
    models: tuple[str, ...] = ()          # the model used (else the one requested)
    decisions: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    statuses: tuple[int, ...] = ()
    rule: str | None = None               # a fired rule id
    phi_kind: str | None = None           # a PHI kind found in the request
    request_id: str | None = None         # a request id or its prefix


@dataclass(frozen=True)
class Totals:
    requests: int
    blocked: int
    errors: int
    phi_requests: int                      # requests in which PHI was found
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float


@dataclass(frozen=True)
class Percentiles:
    count: int
    p50: float | None
    p95: float | None
    p99: float | None


@dataclass
class FilterOptions:
    apps: list[str] = field(default_factory=list)
    key_ids: list[str] = field(default_factory=list)
    models: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    phi_kinds: list[str] = field(default_factory=list)


def bucket_for(since: datetime | None, until: datetime | None) -> str:
    """Hours for up to three days, days beyond."""
    if since is None:
        return "day"
    return "hour" if ((until or datetime.now(timezone.utc)) - since) <= timedelta(days=3) else "day"


class AuditData:
    """Read-only queries over one audit store (open the engine with dashboard.readonly)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"

    # -- the pieces that differ by dialect ------------------------------------------------
    def _bucket(self, unit: str) -> ColumnElement:
        if self.postgres:
            return func.date_trunc(unit, func.timezone("UTC", t.ts))
        # SQLAlchemy stores SQLite datetimes as ISO text ("2026-03-14 09:26:53.589793"), in UTC here.
        return func.substr(t.ts, 1, 13 if unit == "hour" else 10)

    def _object_entries(self, column):
        """(key, value) rows of a JSON object column, joined laterally."""
        if self.postgres:
            j = cast(column, JSONB)
            safe = case((func.jsonb_typeof(j) == "object", j), else_=literal_column("'{}'::jsonb"))
            return func.jsonb_each_text(safe).table_valued("key", "value").lateral()
        return func.json_each(column).table_valued("key", "value")

    def _array_values(self, column):
        if self.postgres:
            j = cast(column, JSONB)
            safe = case((func.jsonb_typeof(j) == "array", j), else_=literal_column("'[]'::jsonb"))
            return func.jsonb_array_elements_text(safe).table_valued("value").lateral()
        return func.json_each(column).table_valued("value")

    def whole_ms(self) -> ColumnElement:
        """Latency floored to whole milliseconds (PostgreSQL's integer cast rounds; SQLite's truncates)."""
        return cast(func.floor(t.latency_ms) if self.postgres else t.latency_ms, Integer)

    def _has_key(self, column, key: str) -> ColumnElement:
        if self.postgres:
            return cast(column, JSONB).has_key(key)   # noqa: W601 (JSONB operator, not dict)
        entries = func.json_each(column).table_valued("key", "value")
        return exists(select(literal(1)).select_from(entries).where(entries.c.key == key))

    def _has_element(self, column, value: str) -> ColumnElement:
        if self.postgres:
            return cast(column, JSONB).contains(func.jsonb_build_array(value))
        values = func.json_each(column).table_valued("value")
        return exists(select(literal(1)).select_from(values).where(values.c.value == value))

    # -- filtering --------------------------------------------------------------------------
    def where(self, f: AuditFilter) -> list[ColumnElement]:
        w: list[ColumnElement] = []
        if f.since is not None:
            w.append(t.ts >= as_utc(f.since))
        if f.until is not None:
            w.append(t.ts < as_utc(f.until))
        for column, values in ((t.app, f.apps), (t.key_id, f.key_ids), (t.decision, f.decisions),
                               (t.outcome, f.outcomes), (t.status, f.statuses)):
            if values:
                w.append(column.in_(list(values)))
        if f.models:
            w.append(MODEL.in_(list(f.models)))
        if f.rule:
            w.append(self._has_element(t.fired_rules, f.rule))
        if f.phi_kind:
            w.append(self._has_key(t.phi_counts, f.phi_kind))
        if f.request_id:
            prefix = f.request_id.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            w.append(t.request_id.like(prefix + "%", escape="\\"))
        return w

    def _all(self, query: Select) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    # -- Overview ---------------------------------------------------------------------------
    def totals(self, f: AuditFilter) -> Totals:
        q = select(func.count().label("requests"),
                   func.sum(case((t.outcome == "blocked", 1), else_=0)).label("blocked"),
                   func.sum(case((t.outcome.in_(("error", "stream_error")), 1), else_=0)).label("errors"),
                   func.sum(case((self._phi_found(), 1), else_=0)).label("phi_requests"),
                   func.coalesce(func.sum(t.prompt_tokens), 0).label("prompt_tokens"),
                   func.coalesce(func.sum(t.completion_tokens), 0).label("completion_tokens"),
                   func.coalesce(func.sum(t.cost_usd), 0.0).label("cost_usd")).where(*self.where(f))
        row = self._all(q)[0]
        return Totals(**{k: (v or 0) for k, v in row.items()})

    def _phi_found(self) -> ColumnElement:
        if self.postgres:
            j = cast(t.phi_counts, JSONB)
            return and_(func.jsonb_typeof(j) == "object", j != literal_column("'{}'::jsonb"))
        return and_(t.phi_counts.is_not(None), cast(t.phi_counts, String).not_in(("{}", "null")))

    def requests_over_time(self, f: AuditFilter, unit: str) -> list[dict[str, Any]]:
        """Per time bucket: requests, blocked, errors."""
        bucket = self._bucket(unit).label("bucket")
        q = (select(bucket, func.count().label("requests"),
                    func.sum(case((t.outcome == "blocked", 1), else_=0)).label("blocked"),
                    func.sum(case((t.outcome.in_(("error", "stream_error")), 1), else_=0)).label("errors"))
             .where(*self.where(f)).group_by(bucket).order_by(bucket))
        return [{**r, "bucket": _bucket_time(r["bucket"])} for r in self._all(q)]

    def phi_over_time(self, f: AuditFilter, unit: str) -> list[dict[str, Any]]:
        """Per time bucket and PHI kind: identifiers found (and redacted or blocked by policy)."""
        entries = self._object_entries(t.phi_counts)
        bucket = self._bucket(unit).label("bucket")
        q = (select(bucket, entries.c.key.label("kind"), func.sum(cast(entries.c.value, Integer)).label("count"))
             .select_from(audit_log).join(entries, true()).where(*self.where(f))
             .group_by(bucket, entries.c.key).order_by(bucket, entries.c.key))
        return [{**r, "bucket": _bucket_time(r["bucket"])} for r in self._all(q)]

    def phi_by_kind(self, f: AuditFilter) -> list[dict[str, Any]]:
        entries = self._object_entries(t.phi_counts)
        total = func.sum(cast(entries.c.value, Integer)).label("count")
        q = (select(entries.c.key.label("kind"), total, func.count().label("requests"))
             .select_from(audit_log).join(entries, true()).where(*self.where(f))
             .group_by(entries.c.key).order_by(total.desc(), entries.c.key))
        return self._all(q)

    def rule_counts(self, f: AuditFilter, limit: int | None = None) -> list[dict[str, Any]]:
        """How often each rule fired (markers such as `obligation:review` included)."""
        values = self._array_values(t.fired_rules)
        fired = func.count().label("fired")
        q = (select(values.c.value.label("rule"), fired).select_from(audit_log).join(values, true())
             .where(*self.where(f)).group_by(values.c.value).order_by(fired.desc(), values.c.value))
        if limit:
            q = q.limit(limit)
        return self._all(q)

    def latency(self, f: AuditFilter) -> Percentiles:
        if self.postgres:
            q = select(func.count(t.latency_ms).label("count"),
                       *(func.percentile_cont(p).within_group(t.latency_ms).label(name)
                         for name, p in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99)))).where(*self.where(f))
            row = self._all(q)[0]
            return Percentiles(row["count"], *(None if row[k] is None else float(row[k]) for k in ("p50", "p95", "p99")))
        ms = self.whole_ms().label("ms")
        q = (select(ms, func.count().label("n")).where(*self.where(f), t.latency_ms.is_not(None))
             .group_by(ms).order_by(ms))
        histogram = [(r["ms"], r["n"]) for r in self._all(q)]
        return histogram_percentiles(histogram)

    def usage(self, f: AuditFilter) -> list[dict[str, Any]]:
        """Per app and model: requests, tokens, cost, mean latency."""
        model = MODEL.label("model")
        cost = func.coalesce(func.sum(t.cost_usd), 0.0).label("cost_usd")
        q = (select(t.app.label("app"), model, func.count().label("requests"),
                    func.coalesce(func.sum(t.prompt_tokens), 0).label("prompt_tokens"),
                    func.coalesce(func.sum(t.completion_tokens), 0).label("completion_tokens"),
                    cost, func.avg(t.latency_ms).label("mean_latency_ms"))
             .where(*self.where(f)).group_by(t.app, model).order_by(cost.desc(), t.app, model))
        return self._all(q)

    # -- Audit explorer ---------------------------------------------------------------------
    def count(self, f: AuditFilter) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(audit_log).where(*self.where(f))).scalar_one()

    def records(self, f: AuditFilter, *, limit: int = 100, offset: int = 0, order_by: str = "ts",
                descending: bool = True) -> list[dict[str, Any]]:
        if order_by not in SORTABLE:
            raise ValueError(f"cannot sort by {order_by!r}: one of {', '.join(sorted(SORTABLE))}")
        column = t[order_by]
        order = [column.desc() if descending else column.asc(), t.chain_seq.desc() if descending else t.chain_seq]
        q = (select(*(t[c] for c in LIST_COLUMNS)).where(*self.where(f)).order_by(*order)
             .limit(limit).offset(offset))
        return self._all(q)

    def record(self, chain_seq: int) -> dict[str, Any] | None:
        rows = self._all(select(audit_log).where(t.chain_seq == chain_seq))
        return rows[0] if rows else None

    def head(self) -> tuple[int, str] | None:
        """(chain_seq, record_hash) of the newest record: what a cached verification is keyed by."""
        rows = self._all(select(audit_chain_head.c.chain_seq, audit_chain_head.c.record_hash))
        return (rows[0]["chain_seq"], rows[0]["record_hash"]) if rows else None

    def options(self, f: AuditFilter | None = None) -> FilterOptions:
        """The values each filter can take (within the time range of `f`)."""
        w = self.where(AuditFilter(since=f.since, until=f.until)) if f else []

        def distinct(expr) -> list:
            return [v for v in self._scalars(select(expr).where(*w, expr.is_not(None)).distinct().order_by(expr))]

        rules = self._array_values(t.fired_rules)
        kinds = self._object_entries(t.phi_counts)
        return FilterOptions(
            apps=distinct(t.app), key_ids=distinct(t.key_id), models=distinct(MODEL), decisions=distinct(t.decision),
            outcomes=distinct(t.outcome), statuses=distinct(t.status),
            rules=self._scalars(select(rules.c.value).select_from(audit_log).join(rules, true()).where(*w)
                                .distinct().order_by(rules.c.value)),
            phi_kinds=self._scalars(select(kinds.c.key).select_from(audit_log).join(kinds, true()).where(*w)
                                    .distinct().order_by(kinds.c.key)))

    def _scalars(self, query: Select) -> list:
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def time_bounds(self) -> tuple[datetime, datetime] | None:
        rows = self._all(select(func.min(t.ts).label("lo"), func.max(t.ts).label("hi")))
        if not rows or rows[0]["lo"] is None:
            return None
        return _as_datetime(rows[0]["lo"]), _as_datetime(rows[0]["hi"])


def histogram_percentiles(histogram: Sequence[tuple[int, int]],
                          quantiles: Sequence[float] = (0.5, 0.95, 0.99)) -> Percentiles:
    """Percentiles from (whole milliseconds, count) pairs in ascending order, defined
    as PostgreSQL's percentile_cont (linear between order statistics); each order
    statistic is placed evenly inside its 1 ms bin, so the error is under 1 ms."""
    n = sum(c for _, c in histogram)
    if n == 0:
        return Percentiles(0, None, None, None)

    def order_statistic(i: int) -> float:
        seen = 0
        for ms, c in histogram:
            if i < seen + c:
                return float(ms) + (i - seen + 0.5) / c
            seen += c
        return float(histogram[-1][0]) + 1.0

    out = []
    for q in quantiles:
        h = q * (n - 1)
        lo = int(h)
        low = order_statistic(lo)
        out.append(low if lo + 1 >= n else low + (h - lo) * (order_statistic(lo + 1) - low))
    return Percentiles(n, *out)


def _as_datetime(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return as_utc(value)


def _bucket_time(value: Any) -> datetime:
    if isinstance(value, str):   # SQLite: "2026-03-14 09" or "2026-03-14"
        value = datetime.fromisoformat(value + (":00" if len(value) == 13 else ""))
    return as_utc(value)


__all__ = ["AuditData", "AuditFilter", "FilterOptions", "Percentiles", "Totals", "bucket_for",
           "histogram_percentiles", "LIST_COLUMNS"]
