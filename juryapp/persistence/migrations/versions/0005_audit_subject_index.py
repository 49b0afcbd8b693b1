"""An index on the trail's subjects: a sheet's own events, read at each confirmation.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 22:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_event_subject", "audit_event", ["subject"])


def downgrade() -> None:
    op.drop_index("ix_audit_event_subject", table_name="audit_event")
