"""The organiser's letterhead and signatory as data: parent body, address, contacts, logo.

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-07 09:12:40.118230
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Existing conventions get empty texts (printed as fill-in lines) and no logo.
_TEXTS = (
    ("parent_body", 300),
    ("parent_office", 300),
    ("address", 300),
    ("telephone", 100),
    ("email", 200),
    ("website", 200),
    ("organiser_head_rank", 100),
    ("next_level_en", 200),
)


def upgrade() -> None:
    with op.batch_alter_table("convention", schema=None) as batch_op:
        for name, length in _TEXTS:
            batch_op.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
        batch_op.add_column(sa.Column("logo", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("convention", schema=None) as batch_op:
        batch_op.drop_column("logo")
        for name, _length in reversed(_TEXTS):
            batch_op.drop_column(name)
