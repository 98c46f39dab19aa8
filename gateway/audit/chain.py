"""The hash chain's arithmetic: canonical bytes of a record, its link hash, and the
HMAC signatures of checkpoints and prune anchors. Pure functions, no I/O.

    record_hash = SHA-256("medgate-audit-v1" | chain_seq | prev_hash | canonical(record))

`canonical` is sorted-key JSON of every AuditRecord field, timestamps in UTC as
`YYYY-MM-DDTHH:MM:SS.ffffffZ`, floats as floats: the same bytes whether the record
comes from the writer or back from SQLite or PostgreSQL. The OPTIONAL_FIELDS (stored
content, added later) are left out when None: a record without content hashes as it
did before they existed, and one with content covers it.
"""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime, timezone

import orjson

from gateway.audit.records import RECORD_FIELDS

GENESIS = "0" * 64
_FLOATS = ("latency_ms", "cost_usd")
OPTIONAL_FIELDS = ("request_content", "response_content")   # hashed only when not None
_CHECKPOINT_LABEL = b"medgate audit checkpoint key v1"


def as_utc(ts: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything medgate stores is UTC.
    return ts.replace(tzinfo=timezone.utc) if ts.tzinfo is None else ts.astimezone(timezone.utc)


def format_ts(ts: datetime) -> str:
    return as_utc(ts).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def normalized(row: Mapping) -> dict:
    """The record's fields as they will read back from the database."""
    out = {name: row.get(name) for name in RECORD_FIELDS}
    out["ts"] = as_utc(out["ts"])
    for name in _FLOATS:
        if out[name] is not None:
            out[name] = float(out[name])
    return out


def canonical(row: Mapping) -> bytes:
    body = normalized(row)
    body["ts"] = format_ts(body["ts"])
    for name in OPTIONAL_FIELDS:
        if body[name] is None:
            del body[name]
    return orjson.dumps(body, option=orjson.OPT_SORT_KEYS)


def record_hash(row: Mapping, chain_seq: int, prev_hash: str) -> str:
    h = hashlib.sha256(b"medgate-audit-v1\n")
    h.update(f"{chain_seq}\n{prev_hash}\n".encode())
    h.update(canonical(row))
    return h.hexdigest()


def sign(key: bytes, kind: str, chain_seq: int, record_hash_: str, ts: datetime) -> str:
    """kind: "checkpoint" or "anchor" (a prune's new start): one cannot pass for the other."""
    message = f"medgate-audit-{kind}-v1|{chain_seq}|{record_hash_}|{format_ts(ts)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def signature_ok(key: bytes, kind: str, row: Mapping) -> bool:
    expected = sign(key, kind, row["chain_seq"], row["record_hash"], row["ts"])
    return hmac.compare_digest(expected, row["signature"])


def checkpoint_key(explicit: str | None, master_key: str | None) -> bytes | None:
    """MEDGATE_AUDIT_HMAC_KEY if set, else the hex of HMAC-SHA256(master key, a fixed
    label). Hex, so that before rotating the master key the derived key can be put
    in MEDGATE_AUDIT_HMAC_KEY as it is, and old checkpoints keep verifying."""
    if explicit:
        return explicit.encode()
    if master_key:
        return hmac.new(master_key.encode(), _CHECKPOINT_LABEL, hashlib.sha256).hexdigest().encode()
    return None
