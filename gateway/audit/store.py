"""Audit store: one row per request in the keys' database (SQLite or PostgreSQL)."""
from __future__ import annotations

import asyncio

from sqlalchemy import (JSON, BigInteger, Boolean, Column, DateTime, Engine, Float, Integer, String,
                        Table, func, insert, select)

from gateway.audit.records import AuditRecord
from gateway.db import metadata

audit_log = Table(
    "audit_log", metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("request_id", String(64), nullable=False, unique=True),
    Column("ts", DateTime(timezone=True), nullable=False, index=True),
    Column("operation", String(32), nullable=False),
    Column("key_id", String(32), index=True),
    Column("app", String(200), index=True),
    Column("role", String(16)),
    Column("team", String(200)),
    Column("end_user_hash", String(64)),
    Column("model_requested", String(200)),
    Column("model_used", String(200)),
    Column("provider", String(64)),
    Column("stream", Boolean, nullable=False),
    Column("status", Integer, nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("error_code", String(64)),
    Column("decision", String(16)),
    Column("reason_code", String(64)),
    Column("fired_rules", JSON),
    Column("phi_counts", JSON),
    Column("output_phi_counts", JSON),
    Column("prompt_tokens", Integer),
    Column("completion_tokens", Integer),
    Column("latency_ms", Float),
    Column("request_hash", String(64)),
    Column("response_hash", String(64)),
)


class AuditStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    async def write(self, record: AuditRecord) -> None:
        await asyncio.to_thread(self._write, record)

    def _write(self, record: AuditRecord) -> None:
        with self._engine.begin() as conn:
            conn.execute(insert(audit_log).values(**record.as_row()))

    def count(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(audit_log)).scalar_one()

    def records(self, limit: int = 1000) -> list[dict]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(limit)).mappings()
            return [dict(r) for r in rows]
