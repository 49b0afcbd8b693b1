"""Keys sealed by a passphrase, signed seals of locked results, printed-document hashes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 21:40:00

A private key stored in the clear by the first schema cannot be encrypted here (nobody has
chosen a passphrase yet): it is dropped and the key retired, its certificate kept so that the
documents it signed still verify. The next lock creates a sealed key.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

RETIRED = "disimpan tanpa enkripsi oleh versi sebelumnya / stored unencrypted by an earlier version"


def upgrade() -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    with op.batch_alter_table("convention") as batch:
        batch.add_column(sa.Column("uid", sa.String(length=32), nullable=False, server_default=""))
    op.execute(sa.text("UPDATE convention SET uid = :uid").bindparams(uid=secrets.token_hex(16)))
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("lockouts", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("score") as batch:
        batch.add_column(sa.Column("checked", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("audit_head") as batch:
        # Chains begun before this revision did not record sheet states (format 1).
        batch.add_column(sa.Column("format", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("signing_key") as batch:
        batch.add_column(
            sa.Column("fingerprint", sa.String(length=32), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("sealed_private_key", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("retired_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("retired_reason", sa.Text(), nullable=False, server_default=""))
        batch.drop_column("private_key_pem")
    _retire_clear_keys(now)
    op.create_table(
        "results_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sealed_at", sa.DateTime(), nullable=False),
        sa.Column("sealed_by", sa.String(length=80), nullable=False),
        sa.Column("key_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("audit_hash", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_results_seal")),
    )
    op.create_table(
        "printed_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printed_document")),
    )


def _retire_clear_keys(now: datetime) -> None:
    from juryapp.reports.fingerprint import fingerprint_of_certificate  # noqa: PLC0415

    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, certificate_pem FROM signing_key")).all()
    for key_id, certificate in rows:
        connection.execute(
            sa.text(
                "UPDATE signing_key SET fingerprint = :fp, retired_at = :at, "
                "retired_reason = :why WHERE id = :id"
            ),
            {
                "fp": fingerprint_of_certificate(certificate),
                "at": now,
                "why": RETIRED,
                "id": key_id,
            },
        )


def downgrade() -> None:
    op.drop_table("printed_document")
    op.drop_table("results_seal")
    with op.batch_alter_table("signing_key") as batch:
        batch.add_column(
            sa.Column("private_key_pem", sa.LargeBinary(), nullable=False, server_default="")
        )
        batch.drop_column("retired_reason")
        batch.drop_column("retired_at")
        batch.drop_column("sealed_private_key")
        batch.drop_column("fingerprint")
    with op.batch_alter_table("audit_head") as batch:
        batch.drop_column("format")
    with op.batch_alter_table("score") as batch:
        batch.drop_column("checked")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("lockouts")
    with op.batch_alter_table("convention") as batch:
        batch.drop_column("uid")
