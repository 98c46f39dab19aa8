"""Audit stores for tests: a fresh SQLite file, or a fresh schema in the real
PostgreSQL (unique per test, dropped afterwards) so parallel runs never collide."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from gateway.audit.records import AuditRecord
from gateway.audit.store import AuditStore
from gateway.db import init_schema, make_engine
from tests.pg import PG_ADMIN, pg_url, throwaway_schema  # noqa: F401  (re-exported for the tests)

HMAC_KEY = b"test-audit-hmac-key"


@pytest.fixture()
def pg_schema():
    with throwaway_schema("mg_audit") as schema:
        yield schema


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'audit.db'}"
    return pg_url(request.getfixturevalue("pg_schema"))


@pytest.fixture()
def engine(db_url):
    engine = make_engine(db_url)
    init_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture()
def store(engine):
    return AuditStore(engine, hmac_key=HMAC_KEY, checkpoint_every=10, checkpoint_seconds=3600)


T0 = datetime(2026, 3, 14, 9, 26, 53, 589793, tzinfo=timezone.utc)
_OUTCOMES = [(200, "success", None), (403, "blocked", "phi_to_non_baa_model"), (502, "error", "upstream_error"),
             (200, "client_disconnect", "client_disconnect"), (401, "error", "invalid_api_key")]


def make_record(i: int, ts: datetime | None = None) -> AuditRecord:
    """A realistic record for request number i: kinds and counts, never content."""
    status, outcome, code = _OUTCOMES[i % len(_OUTCOMES)]
    return AuditRecord(
        request_id=f"{i:04d}" + uuid.uuid4().hex[:28], ts=ts or T0 + timedelta(seconds=7 * i),
        operation="embeddings" if i % 7 == 3 else "chat",
        key_id="a1b2c3d4e5f60718", app="ed-triage-assistant", role="app", team="emergency",
        end_user_hash="9f" * 32 if i % 2 else None, model_requested="clinical-gpt",
        model_used="gpt-4o-mini-2024-07-18", provider="openai", stream=i % 3 == 0, status=status,
        outcome=outcome, error_code=code, decision="redact" if i % 2 else "allow",
        reason_code="phi_pseudonymized" if i % 2 else "allowed",
        fired_rules=["pseudonymize-identifiers-non-baa"] if i % 2 else [],
        phi_counts={"PERSON": 2, "DATE": 1, "MRN": 1} if i % 2 else {},
        output_phi_counts={"PHONE": 1} if i % 11 == 5 else {},
        prompt_tokens=120 + i, completion_tokens=48 + i % 9, cost_usd=round(0.0000213 * (i + 1), 10),
        latency_ms=183.417 + i / 3, request_hash=uuid.uuid4().hex * 2,
        response_hash=uuid.uuid4().hex * 2 if status == 200 else None)


def fill(store: AuditStore, n: int, batch: int = 7) -> list[AuditRecord]:
    records = [make_record(i) for i in range(n)]
    for start in range(0, n, batch):
        store.append(records[start:start + batch])
    return records
