"""Retention: delete records older than `retention_days`, but only whole chain
segments up to a signed checkpoint, so what remains still verifies.

The newest checkpoint below the oldest record that must be kept becomes the chain's
new start: an HMAC-signed *anchor* (a different signature label from checkpoints)
records its seq and hash, and verify starts from it. Deleting records from the
start without a signed anchor still shows as tampering. A chain that does not
verify is never pruned: that would destroy the evidence.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine, delete, func, insert, select

from gateway.audit import chain
from gateway.audit.store import HEAD_ID, audit_anchor, audit_chain_head, audit_checkpoint, audit_log
from gateway.audit.verify import verify


@dataclass(frozen=True)
class PruneResult:
    deleted: int
    anchor_seq: int | None     # None: nothing could be pruned
    cutoff: datetime

    def summary(self) -> str:
        if self.anchor_seq is None:
            return (f"nothing to prune: no signed checkpoint lies before the first record newer than "
                    f"{chain.format_ts(self.cutoff)}")
        return f"pruned {self.deleted} records; the chain now starts after the signed anchor at {self.anchor_seq}"


def prune(engine: Engine, key: bytes, days: float, *, now: datetime | None = None) -> PruneResult:
    """Raises verify.Tampered (and deletes nothing) if the chain does not verify."""
    now = now or datetime.now(timezone.utc)
    cutoff = now - timedelta(days=days)
    verify(engine, key)
    with engine.connect() as conn:
        conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            head = conn.execute(select(audit_chain_head).where(audit_chain_head.c.id == HEAD_ID)
                                .with_for_update()).mappings().one()
            start = conn.execute(select(func.max(audit_anchor.c.chain_seq))).scalar() or 0
            # Replicas stamp ts at request start, so ts is not monotonic in chain_seq:
            # keep everything from the first record that is still within retention.
            keep_from = conn.execute(select(func.min(audit_log.c.chain_seq))
                                     .where(audit_log.c.ts >= cutoff)).scalar()
            if keep_from is None:
                keep_from = head["chain_seq"] + 1
            cp = conn.execute(select(audit_checkpoint).where(audit_checkpoint.c.chain_seq < keep_from,
                                                             audit_checkpoint.c.chain_seq > start)
                              .order_by(audit_checkpoint.c.chain_seq.desc()).limit(1)).mappings().first()
            if cp is None:
                return PruneResult(0, None, cutoff)
            seq, record_hash = cp["chain_seq"], cp["record_hash"]
            conn.execute(insert(audit_anchor).values(chain_seq=seq, record_hash=record_hash, ts=now,
                                                     signature=chain.sign(key, "anchor", seq, record_hash, now)))
            deleted = conn.execute(delete(audit_log).where(audit_log.c.chain_seq <= seq)).rowcount
            conn.execute(delete(audit_checkpoint).where(audit_checkpoint.c.chain_seq < seq))
            conn.execute(delete(audit_anchor).where(audit_anchor.c.chain_seq < seq))
    return PruneResult(deleted, seq, cutoff)
