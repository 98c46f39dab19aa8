"""Check the audit trail: every link, every signed checkpoint, the chain head.

Reads one consistent snapshot and streams the records in chain order (a server-side
cursor on PostgreSQL), so it works on millions of rows. Finds, and names the first
bad record for: a modified field, a deleted record, an inserted record, reordered
records, a truncated tail (a signed checkpoint or the chain head beyond the last
record), a forged or altered checkpoint, a chain rewritten from some record on, and
records deleted from the start without a signed prune anchor.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from gateway.audit import chain
from gateway.audit.store import HEAD_ID, audit_anchor, audit_chain_head, audit_checkpoint, stream_rows

TABLES = ("audit_log", "audit_chain_head", "audit_checkpoint", "audit_anchor")


class Tampered(Exception):
    def __init__(self, chain_seq: int, request_id: str | None, problem: str) -> None:
        self.chain_seq, self.request_id, self.problem = chain_seq, request_id, problem
        who = f"chain_seq {chain_seq}" + (f" (request_id {request_id})" if request_id else "")
        super().__init__(f"{who}: {problem}")


class CannotCheck(Exception):
    """The store could not be read, or has no audit trail: exit 2, not a verdict."""


@dataclass(frozen=True)
class Report:
    records: int
    first_seq: int | None
    last_seq: int
    checkpoints: int
    last_checkpoint: int | None
    anchor_seq: int        # 0: the chain starts at genesis; else pruned through this seq

    def summary(self) -> str:
        if not self.records:
            return f"intact: no records (anchor {self.anchor_seq})"
        start = f"pruned through {self.anchor_seq}, " if self.anchor_seq else ""
        cp = f"last signed checkpoint at {self.last_checkpoint}" if self.last_checkpoint else "no checkpoint yet"
        return (f"intact: {self.records} records, chain_seq {self.first_seq}..{self.last_seq} "
                f"({start}{self.checkpoints} checkpoints, {cp})")


def verify(engine: Engine, key: bytes, *, chunk: int = 5000) -> Report:
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":   # one snapshot: writers may be appending
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                missing = [t for t in TABLES if not inspect(conn).has_table(t)]
                if missing:
                    raise CannotCheck(f"no audit trail in this database (missing table {missing[0]})")
                return _verify(conn, key, chunk)
    except SQLAlchemyError as exc:
        raise CannotCheck(f"the audit store could not be read ({type(exc).__name__})") from None


def _verify(conn, key: bytes, chunk: int) -> Report:
    head = conn.execute(select(audit_chain_head).where(audit_chain_head.c.id == HEAD_ID)).mappings().first()
    if head is None:
        raise Tampered(0, None, "the chain head row is missing")
    anchor = conn.execute(select(audit_anchor).order_by(audit_anchor.c.chain_seq.desc()).limit(1)).mappings().first()
    if anchor is not None and not chain.signature_ok(key, "anchor", anchor):
        raise Tampered(anchor["chain_seq"], None, "the prune anchor's signature is invalid (forged or altered "
                       "anchor, or a different MEDGATE_AUDIT_HMAC_KEY)")
    anchor_seq = anchor["chain_seq"] if anchor else 0
    checkpoints = {}
    for cp in conn.execute(select(audit_checkpoint).where(audit_checkpoint.c.chain_seq >= anchor_seq)
                           .order_by(audit_checkpoint.c.chain_seq)).mappings():
        if not chain.signature_ok(key, "checkpoint", cp):
            raise Tampered(cp["chain_seq"], None, "the checkpoint's signature is invalid (forged or altered "
                           "checkpoint, or a different MEDGATE_AUDIT_HMAC_KEY)")
        checkpoints[cp["chain_seq"]] = cp
    at_anchor = checkpoints.get(anchor_seq)
    if anchor is not None and at_anchor is not None and at_anchor["record_hash"] != anchor["record_hash"]:
        raise Tampered(anchor_seq, None, "the prune anchor disagrees with the signed checkpoint at its seq")

    expected, prev = anchor_seq + 1, anchor["record_hash"] if anchor else chain.GENESIS
    first, count = None, 0
    for row in stream_rows(conn, chunk=chunk):
        seq, rid = row["chain_seq"], row["request_id"]
        if seq < expected:
            raise Tampered(seq, rid, f"the record lies before the chain's start (records begin after {anchor_seq})")
        if seq > expected:
            gap = f"{expected}" if seq == expected + 1 else f"{expected}..{seq - 1}"
            raise Tampered(seq, rid, f"record(s) {gap} before it are missing (deleted)")
        if row["prev_hash"] != prev:
            what = "the signed prune anchor" if seq == anchor_seq + 1 and anchor else "the record before it"
            raise Tampered(seq, rid, f"its prev_hash does not match {what} "
                           "(a record was inserted, removed or reordered here)")
        if chain.record_hash(row, seq, row["prev_hash"]) != row["record_hash"]:
            raise Tampered(seq, rid, "its contents do not match its record_hash (a field was modified)")
        cp = checkpoints.get(seq)
        if cp is not None and cp["record_hash"] != row["record_hash"]:
            raise Tampered(seq, rid, "its hash differs from the signed checkpoint at this seq "
                           "(the chain was recomputed after an edit)")
        first = seq if first is None else first
        prev, expected, count = row["record_hash"], expected + 1, count + 1
    last = expected - 1
    beyond = [s for s in checkpoints if s > last]
    if beyond:
        raise Tampered(last + 1, None, f"missing: a signed checkpoint covers chain_seq {max(beyond)} but the "
                       f"records end at {last} (the tail was truncated)")
    if head["chain_seq"] != last or head["record_hash"] != prev:
        raise Tampered(min(last, head["chain_seq"]) + 1, None,
                       f"the chain head says the last record is chain_seq {head['chain_seq']}, the records end "
                       f"at {last} (the tail was truncated or the head altered)")
    return Report(records=count, first_seq=first, last_seq=last, checkpoints=len(checkpoints),
                  last_checkpoint=max(checkpoints) if checkpoints else None, anchor_seq=anchor_seq)
