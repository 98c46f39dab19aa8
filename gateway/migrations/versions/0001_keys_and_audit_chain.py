"""API keys and the hash-chained audit trail (log, chain head, checkpoints, prune anchors).

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    tables = set(inspector.get_table_names())
    # Databases made before migrations existed (metadata.create_all) keep their keys;
    # their unchained audit rows are kept aside, not silently mixed into the chain.
    if "api_keys" not in tables:
        op.create_table(
            "api_keys",
            sa.Column("key_id", sa.String(32), primary_key=True),
            sa.Column("salt", sa.String(64), nullable=False),
            sa.Column("secret_hash", sa.String(64), nullable=False),
            sa.Column("app", sa.String(200), nullable=False),
            sa.Column("team", sa.String(200)),
            sa.Column("role", sa.String(16), nullable=False),
            sa.Column("allowed_models", sa.JSON),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("revoked_at", sa.DateTime(timezone=True)),
        )
    if "audit_log" in tables:
        for index in inspector.get_indexes("audit_log"):
            op.drop_index(index["name"], table_name="audit_log")
        op.rename_table("audit_log", "audit_log_unchained")

    op.create_table(
        "audit_log",
        sa.Column("chain_seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("request_id", sa.String(64), nullable=False, unique=True),
        sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operation", sa.String(32), nullable=False),
        sa.Column("key_id", sa.String(32)),
        sa.Column("app", sa.String(200)),
        sa.Column("role", sa.String(16)),
        sa.Column("team", sa.String(200)),
        sa.Column("end_user_hash", sa.String(64)),
        sa.Column("model_requested", sa.String(200)),
        sa.Column("model_used", sa.String(200)),
        sa.Column("provider", sa.String(64)),
        sa.Column("stream", sa.Boolean, nullable=False),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("error_code", sa.String(64)),
        sa.Column("decision", sa.String(16)),
        sa.Column("reason_code", sa.String(64)),
        sa.Column("fired_rules", sa.JSON),
        sa.Column("phi_counts", sa.JSON),
        sa.Column("output_phi_counts", sa.JSON),
        sa.Column("prompt_tokens", sa.Integer),
        sa.Column("completion_tokens", sa.Integer),
        sa.Column("cost_usd", sa.Float),
        sa.Column("latency_ms", sa.Float),
        sa.Column("request_hash", sa.String(64)),
        sa.Column("response_hash", sa.String(64)),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("record_hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_ts", "audit_log", ["ts"])
    op.create_index("ix_audit_log_key_id", "audit_log", ["key_id"])
    op.create_index("ix_audit_log_app", "audit_log", ["app"])

    head = op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("chain_seq", sa.BigInteger, nullable=False),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("checkpoint_seq", sa.BigInteger, nullable=False),
        sa.Column("checkpoint_ts", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(head, [{"id": 1, "chain_seq": 0, "record_hash": GENESIS, "checkpoint_seq": 0,
                           "checkpoint_ts": None}])
    for name in ("audit_checkpoint", "audit_anchor"):
        op.create_table(
            name,
            sa.Column("chain_seq", sa.BigInteger, primary_key=True, autoincrement=False),
            sa.Column("record_hash", sa.String(64), nullable=False),
            sa.Column("ts", sa.DateTime(timezone=True), nullable=False),
            sa.Column("signature", sa.String(64), nullable=False),
        )


def downgrade() -> None:
    for name in ("audit_anchor", "audit_checkpoint", "audit_chain_head", "audit_log"):
        op.drop_table(name)
