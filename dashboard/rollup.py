"""Hourly summaries of the audit log, kept up to date incrementally, so that the
Overview and the Policies page cost the same at a million records as at ten thousand.

The audit log only grows, in gap-free `chain_seq` order: a summary built up to
sequence S is brought up to date by aggregating (in SQL, grouped in the database) the
records after S and adding them in. A prune (the first record's seq moves) or a
replaced database (the head goes back) triggers a rebuild. The summaries live in the
dashboard process's memory (one per audit store, via st.cache_resource); the audit
store itself is only read.

What is kept, per UTC hour:
  main     app, key, model, decision, outcome, status -> requests, blocked, errors,
           requests with PHI, tokens, cost, latency sum
  phi      PHI kind -> identifiers, requests
  rules    rule or marker -> times fired
  latency  whole milliseconds -> requests (percentiles to within 1 ms, as AuditData)

Answers are for whole hours: a time range is widened to the start of its first hour.

The summaries can be saved beside the dashboard's other state (Parquet, no code in
them) so that a restarted dashboard does not read the whole log again: a saved copy is
used only if the store still has the same record, by hash, at the saved position and
the same first record; otherwise it is rebuilt.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Integer, case, cast, func, select, true

from dashboard.data import MODEL, AuditData, FilterOptions, Percentiles, Totals, histogram_percentiles, t
from gateway.audit.store import audit_log

DIMS = ["app", "key_id", "model", "decision", "outcome", "status"]
SUMS = ["requests", "blocked", "errors", "phi_requests", "prompt_tokens", "completion_tokens", "cost_usd",
        "latency_sum"]


@dataclass
class Frames:
    main: pd.DataFrame
    phi: pd.DataFrame
    rules: pd.DataFrame
    latency: pd.DataFrame


def hour_floor(ts: datetime | None) -> datetime | None:
    return None if ts is None else ts.astimezone(timezone.utc).replace(minute=0, second=0, microsecond=0)


class Rollup:
    def __init__(self, data: AuditData) -> None:
        self.data = data
        self.seq = 0                  # summarized through this chain_seq
        self.first: int | None = None  # the first record's seq when last refreshed (moves on a prune)
        self.frames: Frames | None = None
        self.unsaved = 0               # records summarized since the last save or load
        self._lock = threading.Lock()

    # -- keeping up to date -------------------------------------------------------------------
    def refresh(self) -> int:
        """Adds the records appended since the last refresh (all of them after a rebuild);
        returns how many were aggregated."""
        with self._lock:
            head = self.data.head()
            last = head[0] if head else 0
            with self.data.engine.connect() as conn:
                first = conn.execute(select(func.min(t.chain_seq))).scalar()
            if self.frames is None or last < self.seq or (self.first is not None and first != self.first):
                self.frames, self.seq = None, 0
            if self.frames is not None and last == self.seq:
                return 0
            new = self._aggregate(self.seq, last)
            self.frames = new if self.frames is None else Frames(
                *(_merge(old, add, keys) for old, add, keys in zip(
                    (self.frames.main, self.frames.phi, self.frames.rules, self.frames.latency),
                    (new.main, new.phi, new.rules, new.latency),
                    (["hour", *DIMS], ["hour", "kind"], ["hour", "rule"], ["hour", "ms"]))))
            self.seq, self.first = last, first
            added = int(new.main["requests"].sum())
            self.unsaved += added
            return added

    def _aggregate(self, after: int, through: int) -> Frames:
        d = self.data
        span = [t.chain_seq > after, t.chain_seq <= through]
        hour = d._bucket("hour").label("hour")
        phi_found = case((d._phi_found(), 1), else_=0)
        main = (select(hour, t.app, t.key_id, MODEL.label("model"), t.decision, t.outcome, t.status,
                       func.count().label("requests"),
                       func.sum(case((t.outcome == "blocked", 1), else_=0)).label("blocked"),
                       func.sum(case((t.outcome.in_(("error", "stream_error")), 1), else_=0)).label("errors"),
                       func.sum(phi_found).label("phi_requests"),
                       func.coalesce(func.sum(t.prompt_tokens), 0).label("prompt_tokens"),
                       func.coalesce(func.sum(t.completion_tokens), 0).label("completion_tokens"),
                       func.coalesce(func.sum(t.cost_usd), 0.0).label("cost_usd"),
                       func.coalesce(func.sum(t.latency_ms), 0.0).label("latency_sum"))
                .where(*span).group_by(hour, t.app, t.key_id, MODEL, t.decision, t.outcome, t.status))
        entries = d._object_entries(t.phi_counts)
        phi = (select(hour, entries.c.key.label("kind"), func.sum(cast(entries.c.value, Integer)).label("count"),
                      func.count().label("requests"))
               .select_from(audit_log).join(entries, true()).where(*span).group_by(hour, entries.c.key))
        values = d._array_values(t.fired_rules)
        rules = (select(hour, values.c.value.label("rule"), func.count().label("fired"))
                 .select_from(audit_log).join(values, true()).where(*span).group_by(hour, values.c.value))
        ms = d.whole_ms().label("ms")
        latency = (select(hour, ms, func.count().label("n")).where(*span, t.latency_ms.is_not(None))
                   .group_by(hour, ms))
        with d.engine.connect() as conn:
            frames = [pd.DataFrame(conn.execute(q).mappings().all(), columns=cols) for q, cols in (
                (main, ["hour", *DIMS, *SUMS]), (phi, ["hour", "kind", "count", "requests"]),
                (rules, ["hour", "rule", "fired"]), (latency, ["hour", "ms", "n"]))]
        for f in frames:
            f["hour"] = pd.to_datetime(f["hour"].map(_hour), utc=True)
        return Frames(*frames)

    # -- saving ---------------------------------------------------------------------------------
    NAMES = ("main", "phi", "rules", "latency")

    def save(self, directory: Path) -> None:
        """Writes the summaries (counts only, no record content) and where they stop."""
        if self.frames is None:
            return
        with self._lock:
            directory.mkdir(parents=True, exist_ok=True)
            for name in self.NAMES:
                getattr(self.frames, name).to_parquet(directory / f"{name}.parquet", index=False)
            meta = {"seq": self.seq, "first": self.first, "record_hash": self._hash_at(self.seq)}
            (directory / "meta.json").write_text(json.dumps(meta))
            self.unsaved = 0

    def load(self, directory: Path) -> bool:
        """Takes saved summaries if they describe this store's chain; True if taken."""
        try:
            meta = json.loads((directory / "meta.json").read_text())
            frames = Frames(*(pd.read_parquet(directory / f"{n}.parquet") for n in self.NAMES))
        except (OSError, ValueError):
            return False
        with self.data.engine.connect() as conn:
            first = conn.execute(select(func.min(t.chain_seq))).scalar()
        if first != meta["first"] or self._hash_at(meta["seq"]) != meta["record_hash"]:
            return False
        with self._lock:
            self.frames, self.seq, self.first, self.unsaved = frames, meta["seq"], meta["first"], 0
        return True

    def _hash_at(self, seq: int) -> str | None:
        with self.data.engine.connect() as conn:
            return conn.execute(select(t.record_hash).where(t.chain_seq == seq)).scalar()

    # -- answers (the same shapes as AuditData's) -------------------------------------------------
    def _hours(self, frame: pd.DataFrame, since: datetime | None, until: datetime | None) -> pd.DataFrame:
        mask = pd.Series(True, index=frame.index)
        if since is not None:
            mask &= frame["hour"] >= pd.Timestamp(hour_floor(since))
        if until is not None:
            mask &= frame["hour"] < pd.Timestamp(until.astimezone(timezone.utc))
        return frame[mask]

    def totals(self, since=None, until=None) -> Totals:
        m = self._hours(self.frames.main, since, until)
        s = m[SUMS].sum()
        return Totals(requests=int(s["requests"]), blocked=int(s["blocked"]), errors=int(s["errors"]),
                      phi_requests=int(s["phi_requests"]), prompt_tokens=int(s["prompt_tokens"]),
                      completion_tokens=int(s["completion_tokens"]), cost_usd=float(s["cost_usd"]))

    def requests_over_time(self, unit: str, since=None, until=None) -> list[dict[str, Any]]:
        m = self._hours(self.frames.main, since, until)
        g = m.groupby(_unit(m["hour"], unit))[["requests", "blocked", "errors"]].sum().reset_index()
        return _records(g.rename(columns={"hour": "bucket"}))

    def phi_over_time(self, unit: str, since=None, until=None) -> list[dict[str, Any]]:
        p = self._hours(self.frames.phi, since, until)
        g = p.groupby([_unit(p["hour"], unit), "kind"])["count"].sum().reset_index()
        return _records(g.rename(columns={"hour": "bucket"}).sort_values(["bucket", "kind"]))

    def phi_by_kind(self, since=None, until=None) -> list[dict[str, Any]]:
        p = self._hours(self.frames.phi, since, until)
        g = p.groupby("kind")[["count", "requests"]].sum().reset_index()
        return _records(g.sort_values(["count", "kind"], ascending=[False, True]))

    def rule_counts(self, since=None, until=None, limit: int | None = None) -> list[dict[str, Any]]:
        r = self._hours(self.frames.rules, since, until)
        g = r.groupby("rule")["fired"].sum().reset_index().sort_values(["fired", "rule"], ascending=[False, True])
        return _records(g.head(limit) if limit else g)

    def latency(self, since=None, until=None) -> Percentiles:
        h = self._hours(self.frames.latency, since, until).groupby("ms")["n"].sum().sort_index()
        return histogram_percentiles(list(zip(h.index.astype(int), h.astype(int))))

    def usage(self, since=None, until=None) -> list[dict[str, Any]]:
        m = self._hours(self.frames.main, since, until)
        g = m.groupby(["app", "model"], dropna=False)[
            ["requests", "prompt_tokens", "completion_tokens", "cost_usd", "latency_sum"]].sum().reset_index()
        g["mean_latency_ms"] = g["latency_sum"] / g["requests"]
        g = g.drop(columns="latency_sum").sort_values(["cost_usd", "app", "model"], ascending=[False, True, True])
        return _records(g)


    def options(self, since=None, until=None) -> FilterOptions:
        """The values each explorer filter can take in the range (as AuditData.options)."""
        m = self._hours(self.frames.main, since, until)

        def distinct(frame: pd.DataFrame, column: str) -> list:
            return sorted(v.item() if hasattr(v, "item") else v for v in frame[column].dropna().unique())

        return FilterOptions(apps=distinct(m, "app"), key_ids=distinct(m, "key_id"), models=distinct(m, "model"),
                             decisions=distinct(m, "decision"), outcomes=distinct(m, "outcome"),
                             statuses=[int(v) for v in distinct(m, "status")],
                             rules=distinct(self._hours(self.frames.rules, since, until), "rule"),
                             phi_kinds=distinct(self._hours(self.frames.phi, since, until), "kind"))


def _merge(old: pd.DataFrame, add: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    if add.empty:
        return old
    if old.empty:   # its empty columns have no numeric type: summing them in would drop the sums
        return add
    both = pd.concat([old, add], ignore_index=True)
    return both.groupby(keys, dropna=False, sort=False).sum(numeric_only=True).reset_index()


def _hour(value: Any) -> datetime:
    if isinstance(value, str):   # SQLite: "2026-03-14 09"
        return datetime.fromisoformat(value + ":00").replace(tzinfo=timezone.utc)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


def _unit(hours: pd.Series, unit: str) -> pd.Series:
    return hours if unit == "hour" else hours.dt.floor("D")


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = frame.to_dict("records")
    for row in out:
        for k, v in row.items():
            if isinstance(v, pd.Timestamp):
                row[k] = v.to_pydatetime()
            elif hasattr(v, "item"):
                row[k] = v.item()
    return out
