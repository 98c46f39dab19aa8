"""Synthetic but realistic audit traffic for the dashboard tests, written through the
real AuditStore (so the chain verifies), and the numbers a dashboard should show for
it, computed here in plain Python from the same records."""
from __future__ import annotations

import random
import statistics
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone

from gateway.audit.records import AuditRecord
from gateway.audit.store import AuditStore

T0 = datetime(2026, 11, 2, 6, 0, tzinfo=timezone.utc)
HMAC_KEY = b"dashboard-test-hmac-key"

# (app, key id, role, team, model requested, model used, provider)
APPS = [
    ("ed-triage-assistant", "a1b2c3d4e5f60718", "app", "emergency", "clinical-gpt", "gpt-4o-mini", "openai"),
    ("patient-portal-bot", "b7e1f00c9a3d4c21", "app", "portal", "portal-model", "claude-3-5-haiku", "anthropic"),
    ("prior-auth-writer", "c03fa9d1e2b84410", "app", "revenue-cycle", "clinical-gpt", "gpt-4o", "azure"),
    ("discharge-summarizer", "d9a8b7c6e5f40312", "app", "hospitalists", "onprem-llama", "llama-3.1-70b", "vllm"),
]
# What each kind of request looked like: (weight, outcome, status, error, decision, reason, rules, phi kinds)
SHAPES = [
    (10, "success", 200, None, "redact", "phi_redacted", ["non-baa-pseudonymize", "output-phi-scan"],
     {"PERSON": 2, "DATE": 1, "MRN": 1}),
    (6, "success", 200, None, "allow", "allowed", [], {}),
    (3, "success", 200, None, "allow", "allowed", ["baa-allow-with-audit"], {"PERSON": 1, "PHONE": 1}),
    (2, "blocked", 403, "clinician_only", "block", "clinician_only", ["clinician-only-dosing"], {}),
    (1, "blocked", 200, None, "respond", "crisis_safe_response", ["crisis-safe-response", "obligation:review"],
     {"PERSON": 1}),
    (1, "error", 502, "upstream_error", "redact", "phi_redacted", ["non-baa-pseudonymize"], {"SSN": 1, "DATE": 2}),
    (1, "client_disconnect", 200, "client_disconnect", "allow", "allowed", [], {}),
]


def make_records(n: int, seed: int = 7, start: datetime = T0, spacing_s: float = 97.0) -> list[AuditRecord]:
    rng = random.Random(seed)
    weights = [s[0] for s in SHAPES]
    records = []
    for i in range(n):
        app, key_id, role, team, requested, used, provider = APPS[rng.randrange(len(APPS))]
        _, outcome, status, error, decision, reason, rules, phi = rng.choices(SHAPES, weights)[0]
        blocked = outcome == "blocked"
        prompt = rng.randint(80, 1800)
        completion = 0 if blocked or outcome == "error" else rng.randint(20, 600)
        records.append(AuditRecord(
            request_id=uuid.UUID(int=rng.getrandbits(128), version=4).hex, ts=start + timedelta(seconds=spacing_s * i),
            operation="chat", key_id=key_id, app=app, role=role, team=team,
            end_user_hash=f"{rng.getrandbits(256):064x}" if app == "patient-portal-bot" else None,
            model_requested=requested, model_used=None if blocked else used, provider=provider,
            stream=rng.random() < 0.3, status=status, outcome=outcome, error_code=error, decision=decision,
            reason_code=reason, fired_rules=list(rules), phi_counts=dict(phi),
            output_phi_counts={"PHONE": 1} if rng.random() < 0.03 else {},
            prompt_tokens=prompt, completion_tokens=completion,
            cost_usd=None if provider == "vllm" else round((prompt * 0.15 + completion * 0.6) / 1e6, 10),
            latency_ms=round(rng.lognormvariate(6.0, 0.5), 3), request_hash=f"{rng.getrandbits(256):064x}",
            response_hash=None if blocked else f"{rng.getrandbits(256):064x}"))
    return records


def write(store: AuditStore, records: list[AuditRecord], batch: int = 50) -> None:
    for start in range(0, len(records), batch):
        store.append(records[start:start + batch])


# -- what the dashboard should show, computed without SQL --------------------------------

def model_of(r: AuditRecord) -> str:
    return r.model_used or r.model_requested


def expected_totals(records: list[AuditRecord]) -> dict:
    return {"requests": len(records), "blocked": sum(r.outcome == "blocked" for r in records),
            "errors": sum(r.outcome in ("error", "stream_error") for r in records),
            "phi_requests": sum(bool(r.phi_counts) for r in records),
            "prompt_tokens": sum(r.prompt_tokens or 0 for r in records),
            "completion_tokens": sum(r.completion_tokens or 0 for r in records),
            "cost_usd": sum(r.cost_usd or 0.0 for r in records)}


def expected_phi(records: list[AuditRecord]) -> Counter:
    out: Counter = Counter()
    for r in records:
        out.update(r.phi_counts)
    return out


def expected_rules(records: list[AuditRecord]) -> Counter:
    return Counter(rule for r in records for rule in r.fired_rules)


def expected_median(records: list[AuditRecord]) -> float:
    return statistics.median(r.latency_ms for r in records)
