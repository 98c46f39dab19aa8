"""The hash chain's status for the dashboard, from gateway.audit.verify.

Verifying reads every record (seconds per million), so a result is cached per store
for a minute, and on a large store it runs only when asked.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

AUTO_VERIFY_MAX = 100_000   # records: above this, verification waits for the button


@dataclass(frozen=True)
class ChainStatus:
    state: str                      # intact | tampered | unknown
    summary: str
    chain_seq: int | None = None    # the first bad record, when tampered
    request_id: str | None = None


def check(engine: Engine, key: bytes | None) -> ChainStatus:
    from gateway.audit.verify import CannotCheck, Tampered, verify
    if key is None:
        return ChainStatus("unknown", "no key to check the signed checkpoints: set MEDGATE_AUDIT_HMAC_KEY or "
                                      "MEDGATE_MASTER_KEY (or MEDGATE_HOME with its master.key) for the dashboard")
    try:
        report = verify(engine, key)
    except Tampered as exc:
        return ChainStatus("tampered", str(exc), exc.chain_seq, exc.request_id)
    except CannotCheck as exc:
        return ChainStatus("unknown", f"could not check: {exc}")
    return ChainStatus("intact", report.summary())
