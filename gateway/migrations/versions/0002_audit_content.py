"""Optional redacted content on audit records (medgate.audit.store_content, or a rule's
`output: {store_content: true}`): the request as the provider saw it, and the reply
before placeholder restoration. Nullable: existing records keep NULL and verify as before.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("request_content", sa.Text, nullable=True))
    op.add_column("audit_log", sa.Column("response_content", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("response_content")
        batch.drop_column("request_content")
