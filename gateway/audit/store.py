"""The audit tables and the one transaction that appends to the hash chain.

Every append locks the chain head (PostgreSQL: `SELECT … FOR UPDATE` on its single
row; SQLite: `BEGIN IMMEDIATE`), so any number of processes can write one chain:
sequence numbers stay gap-free and each record links to the one committed before it.
"""
from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (JSON, BigInteger, Boolean, Column, Connection, DateTime, Engine, Float, Integer,
                        String, Table, Text, func, insert, select, update)

from gateway.audit import chain
from gateway.audit.records import RECORD_FIELDS, AuditRecord
from gateway.db import metadata

audit_log = Table(
    "audit_log", metadata,
    Column("chain_seq", BigInteger, primary_key=True, autoincrement=False),
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
    Column("cost_usd", Float),
    Column("latency_ms", Float),
    Column("request_hash", String(64)),
    Column("response_hash", String(64)),
    Column("prev_hash", String(64), nullable=False),
    Column("record_hash", String(64), nullable=False),
    # migration 0002: redacted content, only when medgate.audit.store_content or a rule asks
    Column("request_content", Text),
    Column("response_content", Text),
)

# One row (id 1): the newest link and the newest checkpoint. Its row lock is the chain's lock.
audit_chain_head = Table(
    "audit_chain_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("chain_seq", BigInteger, nullable=False),
    Column("record_hash", String(64), nullable=False),
    Column("checkpoint_seq", BigInteger, nullable=False),
    Column("checkpoint_ts", DateTime(timezone=True)),
)


def _signed_point(name: str) -> Table:
    """An HMAC-signed (chain_seq, record_hash, ts): recomputing the chain after an
    edit, or moving where it starts, needs the key."""
    return Table(
        name, metadata,
        Column("chain_seq", BigInteger, primary_key=True, autoincrement=False),
        Column("record_hash", String(64), nullable=False),
        Column("ts", DateTime(timezone=True), nullable=False),
        Column("signature", String(64), nullable=False),
    )


audit_checkpoint = _signed_point("audit_checkpoint")
audit_anchor = _signed_point("audit_anchor")   # where a pruned chain now starts

HEAD_ID = 1

# Built once: constructing and cache-keying statements per append is most of the
# Python time of a one-record transaction.
_LOCK_HEAD = select(audit_chain_head).where(audit_chain_head.c.id == HEAD_ID).with_for_update()
_UPDATE_HEAD = update(audit_chain_head).where(audit_chain_head.c.id == HEAD_ID)
_INSERT_RECORDS = insert(audit_log)
_INSERT_CHECKPOINT = insert(audit_checkpoint)


class AuditStore:
    """The pipeline's interface: `await write(record)` returns once the record is
    committed (or spooled), raising if it could not be. Writes from one event loop
    are group-committed by a `GroupCommitWriter`."""

    def __init__(self, engine: Engine, *, hmac_key: bytes, checkpoint_every: int = 1000,
                 checkpoint_seconds: float = 60.0, spool_dir: Path | None = None,
                 max_batch: int = 500, spool_retry_seconds: float = 1.0) -> None:
        self._engine = engine
        self._key = hmac_key
        self.checkpoint_every = checkpoint_every
        self.checkpoint_seconds = checkpoint_seconds
        self._writer_args = dict(spool_dir=spool_dir, max_batch=max_batch, tick_seconds=min(
            checkpoint_seconds, spool_retry_seconds if spool_dir else checkpoint_seconds))
        self._writer = None
        self._closed = False

    @property
    def engine(self) -> Engine:
        return self._engine

    # -- async: the request path -------------------------------------------------------
    async def start(self) -> None:
        self._closed = False
        self._writer_for_loop()

    async def aclose(self) -> None:
        """Drain and stop the writer. A record arriving later (a stream that outlives
        shutdown) is written alone."""
        self._closed = True
        if self._writer is not None:
            await self._writer.aclose()
            self._writer = None

    async def write(self, record: AuditRecord) -> None:
        if self._closed:
            await asyncio.to_thread(self.append, [record])
            return
        await self._writer_for_loop().submit(record)

    def _writer_for_loop(self):
        from gateway.audit.writer import GroupCommitWriter
        loop = asyncio.get_running_loop()
        if self._writer is None or self._writer.loop is not loop:
            self._writer = GroupCommitWriter(self, loop=loop, **self._writer_args)
        return self._writer

    # -- sync: one transaction each ----------------------------------------------------
    def append(self, records: Sequence[AuditRecord], *, skip_existing: bool = False,
               now: datetime | None = None) -> int:
        """Append in order, in one transaction; checkpoint if one is due. With
        `skip_existing`, records whose request_id is already stored are left out
        (a spool replay interrupted after its commit). Returns how many were added."""
        now = now or datetime.now(timezone.utc)
        if skip_existing and records:
            records = self._unstored(records)
        if not records:
            return 0
        with self._engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                return _pg_append(conn, self, records, now)
            conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                head = self._lock_head(conn)
                rows, values = self._link(head, records, now)
                conn.execute(_INSERT_RECORDS, rows)
                if "checkpoint_seq" in values:
                    conn.execute(_INSERT_CHECKPOINT, self._checkpoint_row(values))
                conn.execute(_UPDATE_HEAD, values)
        return len(rows)

    def _unstored(self, records: Sequence[AuditRecord]) -> list[AuditRecord]:
        # Outside the append's transaction is enough: the request_id is unique, so a
        # record stored meanwhile by another replayer makes the append fail, not duplicate.
        with self._engine.connect() as conn:
            stored = set(conn.execute(select(audit_log.c.request_id).where(
                audit_log.c.request_id.in_([r.request_id for r in records]))).scalars())
        return [r for r in records if r.request_id not in stored]

    def _link(self, head: Mapping, records: Sequence[AuditRecord], now: datetime) -> tuple[list[dict], dict]:
        """The rows to insert, chained onto `head`, and the new head values (with a
        checkpoint's if one is due)."""
        seq, prev = head["chain_seq"], head["record_hash"]
        rows = []
        for record in records:
            seq += 1
            row = chain.normalized(record.__dict__)
            row["prev_hash"] = prev
            row["record_hash"] = prev = chain.record_hash(row, seq, row["prev_hash"])
            row["chain_seq"] = seq
            rows.append(row)
        values = {"chain_seq": seq, "record_hash": prev}
        if self._checkpoint_due(head, seq, now):
            values |= {"checkpoint_seq": seq, "checkpoint_ts": now}
        return rows, values

    def _checkpoint_row(self, head_values: Mapping) -> dict:
        seq, record_hash, ts = head_values["checkpoint_seq"], head_values["record_hash"], head_values["checkpoint_ts"]
        return {"chain_seq": seq, "record_hash": record_hash, "ts": ts,
                "signature": chain.sign(self._key, "checkpoint", seq, record_hash, ts)}

    def checkpoint(self, *, force: bool = False, now: datetime | None = None) -> int | None:
        """Sign the newest record if a checkpoint is due (or `force`) and there is one
        since the last checkpoint; the writer's timer calls this. Returns its seq."""
        now = now or datetime.now(timezone.utc)
        with self._engine.connect() as conn:
            conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                head = self._lock_head(conn)
                seq = head["chain_seq"]
                if seq <= head["checkpoint_seq"] or not (force or self._checkpoint_due(head, seq, now)):
                    return None
                values = {"chain_seq": seq, "record_hash": head["record_hash"], "checkpoint_seq": seq,
                          "checkpoint_ts": now}
                conn.execute(_INSERT_CHECKPOINT, self._checkpoint_row(values))
                conn.execute(_UPDATE_HEAD, values)
                return seq

    def _lock_head(self, conn: Connection) -> dict:
        row = conn.execute(_LOCK_HEAD).mappings().first()
        if row is None:
            raise RuntimeError("audit_chain_head has no row: the schema was not migrated (medgate serve does it)")
        return dict(row)

    def _checkpoint_due(self, head: dict, seq: int, now: datetime) -> bool:
        if seq - head["checkpoint_seq"] >= self.checkpoint_every or head["checkpoint_ts"] is None:
            return True
        return (now - chain.as_utc(head["checkpoint_ts"])).total_seconds() >= self.checkpoint_seconds

    # -- reading ------------------------------------------------------------------------
    def count(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(audit_log)).scalar_one()

    def records(self, limit: int = 1000) -> list[dict]:
        """Newest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(audit_log).order_by(audit_log.c.chain_seq.desc()).limit(limit)).mappings()
            return [dict(r) for r in rows]


def stream_rows(conn: Connection, *, chunk: int = 5000, where: Iterable = ()) -> Iterable[dict]:
    """Records in chain order without holding them all: a server-side cursor on
    PostgreSQL, SQLite's lazy cursor otherwise."""
    query = select(audit_log).where(*where).order_by(audit_log.c.chain_seq)
    result = conn.execution_options(stream_results=True, yield_per=chunk).execute(query).mappings()
    for row in result:
        yield dict(row)


_JSON_COLUMNS = ("fired_rules", "phi_counts", "output_phi_counts")
_PG_COLUMNS = ("chain_seq", *RECORD_FIELDS, "prev_hash", "record_hash")
_PG_INSERT = (f"INSERT INTO audit_log ({', '.join(_PG_COLUMNS)}) VALUES ("
              + ", ".join("%s::json" if c in _JSON_COLUMNS else "%s" for c in _PG_COLUMNS) + ")")
_PG_LOCK_HEAD = ("SELECT chain_seq, record_hash, checkpoint_seq, checkpoint_ts FROM audit_chain_head "
                 "WHERE id = 1 FOR UPDATE")
_PG_UPDATE_HEAD = "UPDATE audit_chain_head SET chain_seq = %s, record_hash = %s WHERE id = 1"
_PG_UPDATE_HEAD_CP = ("UPDATE audit_chain_head SET chain_seq = %s, record_hash = %s, checkpoint_seq = %s, "
                      "checkpoint_ts = %s WHERE id = 1")
_PG_INSERT_CP = "INSERT INTO audit_checkpoint (chain_seq, record_hash, ts, signature) VALUES (%s, %s, %s, %s)"


def _pg_append(conn: Connection, store: AuditStore, records: Sequence[AuditRecord], now: datetime) -> int:
    """The same transaction as the SQLAlchemy path, sent in two pipelined round trips
    (lock the head; then insert, move the head, commit) through psycopg's pipeline
    mode: statement by statement, each round trip to the server costs more than the
    whole fsync'd commit. Errors are re-raised as SQLAlchemy's."""
    import orjson
    import psycopg
    from sqlalchemy import exc as sa_exc
    raw = conn.connection.driver_connection
    try:
        with raw.pipeline():
            cur = raw.execute(_PG_LOCK_HEAD)
        seq, record_hash, checkpoint_seq, checkpoint_ts = cur.fetchone()
        head = {"chain_seq": seq, "record_hash": record_hash, "checkpoint_seq": checkpoint_seq,
                "checkpoint_ts": checkpoint_ts}
        rows, values = store._link(head, records, now)
        params = [tuple(orjson.dumps(row[c]).decode() if c in _JSON_COLUMNS and row[c] is not None else row[c]
                        for c in _PG_COLUMNS) for row in rows]
        with raw.pipeline():
            with raw.cursor() as cur:
                cur.executemany(_PG_INSERT, params)
            if "checkpoint_seq" in values:
                cp = store._checkpoint_row(values)
                raw.execute(_PG_INSERT_CP, (cp["chain_seq"], cp["record_hash"], cp["ts"], cp["signature"]))
                raw.execute(_PG_UPDATE_HEAD_CP, (values["chain_seq"], values["record_hash"],
                                                 values["checkpoint_seq"], values["checkpoint_ts"]))
            else:
                raw.execute(_PG_UPDATE_HEAD, (values["chain_seq"], values["record_hash"]))
            raw.commit()
    except psycopg.Error as exc:
        try:
            raw.rollback()
        except psycopg.Error:
            conn.invalidate()   # the connection is gone: the pool must not hand it out again
        kind = sa_exc.IntegrityError if isinstance(exc, psycopg.IntegrityError) else sa_exc.OperationalError
        raise kind("audit append", None, exc) from None
    return len(rows)


def build_store(engine: Engine, options, *, hmac_key: bytes, home: Path) -> AuditStore:
    """The gateway's store from `medgate.audit` (settings.AuditOptions)."""
    return AuditStore(engine, hmac_key=hmac_key, checkpoint_every=options.checkpoint_every,
                      checkpoint_seconds=options.checkpoint_seconds, max_batch=options.max_batch,
                      spool_dir=home / "audit-spool" if options.on_failure == "spool" else None,
                      spool_retry_seconds=options.spool_retry_seconds)
