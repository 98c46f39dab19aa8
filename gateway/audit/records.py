"""What one audit record says. Kinds and counts, hashes and ids; content only when the
config (`medgate.audit.store_content: redacted`) or a fired rule (`output: {store_content:
true}`) asks, and then only redacted (gateway/audit/content.py): never raw PHI."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime


@dataclass
class AuditRecord:
    request_id: str
    ts: datetime
    operation: str                     # chat | embeddings | phi.analyze
    key_id: str | None = None
    app: str | None = None
    role: str | None = None
    team: str | None = None
    end_user_hash: str | None = None   # the OpenAI `user` field, keyed hash: it may be an email
    model_requested: str | None = None
    model_used: str | None = None
    provider: str | None = None
    stream: bool = False
    status: int = 0                    # HTTP status sent (200 for a stream even if cut later)
    outcome: str = "unknown"           # success | blocked | error | client_disconnect | stream_error
    error_code: str | None = None
    decision: str | None = None
    reason_code: str | None = None
    fired_rules: list[str] = field(default_factory=list)
    phi_counts: dict[str, int] = field(default_factory=dict)
    output_phi_counts: dict[str, int] = field(default_factory=dict)   # PHI the model introduced
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    cost_usd: float | None = None      # from litellm's local cost map; None when the model has no price
    latency_ms: float = 0.0
    request_hash: str | None = None
    response_hash: str | None = None
    # Optional, redacted content (None: not stored). Left out of the hash when None, so
    # records from before these fields existed verify unchanged (chain.OPTIONAL_FIELDS).
    request_content: str | None = None    # the request as the provider saw it, leftover PHI masked
    response_content: str | None = None   # the reply before placeholder restoration, PHI masked

    def as_row(self) -> dict:
        return asdict(self)


RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(AuditRecord))
