"""The database schema as SQLAlchemy typed mappings; migrations derive from it."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from juryapp.persistence.types import DecimalText

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ConventionRow(Base):
    """The single convention this database holds, with its scoring settings and lock state."""

    __tablename__ = "convention"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    theme: Mapped[str] = mapped_column(String(300), default="")
    organiser: Mapped[str] = mapped_column(String(300), default="")
    organiser_head_title: Mapped[str] = mapped_column(String(300), default="")
    organiser_head_name: Mapped[str] = mapped_column(String(200), default="")
    organiser_head_nip: Mapped[str] = mapped_column(String(40), default="")
    venue: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    next_level: Mapped[str] = mapped_column(String(200), default="")
    minutes_number: Mapped[str] = mapped_column(String(100), default="")
    max_team_members: Mapped[int] = mapped_column(Integer, default=7)
    parent_body: Mapped[str] = mapped_column(String(300), default="")
    parent_office: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    telephone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    organiser_head_rank: Mapped[str] = mapped_column(String(100), default="")
    next_level_en: Mapped[str] = mapped_column(String(200), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    method: Mapped[str] = mapped_column(String(20), default="mean")
    trim: Mapped[int] = mapped_column(Integer, default=1)
    total_formula: Mapped[str] = mapped_column(String(20), default="range")
    tie_break: Mapped[str] = mapped_column(String(200), default="")
    outlier_threshold: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(15))
    presentation_minutes: Mapped[int] = mapped_column(Integer, default=15)
    qa_minutes: Mapped[int] = mapped_column(Integer, default=15)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    results_released: Mapped[bool] = mapped_column(Boolean, default=False)
    results_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    results_version: Mapped[int] = mapped_column(Integer, default=1)
    lock_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # A random identifier, so that the same convention is recognised in files, backups and
    # on other laptops whatever its name.
    uid: Mapped[str] = mapped_column(String(32), default="")


class DayRow(Base):
    __tablename__ = "convention_day"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    date: Mapped[date] = mapped_column(Date)
    start: Mapped[time | None] = mapped_column(Time, nullable=True)


class CategoryRow(Base):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    quota: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class CriterionRow(Base):
    __tablename__ = "criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[Decimal] = mapped_column(DecimalText)
    scale_min: Mapped[Decimal] = mapped_column(DecimalText)
    scale_max: Mapped[Decimal] = mapped_column(DecimalText)
    scale_step: Mapped[Decimal] = mapped_column(DecimalText)
    position: Mapped[int] = mapped_column(Integer, default=0)
    levels: Mapped[list[LevelRow]] = relationship(
        back_populates="criterion", cascade="all, delete-orphan", order_by="LevelRow.score"
    )


class LevelRow(Base):
    __tablename__ = "criterion_level"
    __table_args__ = (UniqueConstraint("criterion_id", "score"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    score: Mapped[Decimal] = mapped_column(DecimalText)
    label: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    criterion: Mapped[CriterionRow] = relationship(back_populates="levels")


class TeamRow(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    institution: Mapped[str] = mapped_column(String(300))
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    title: Mapped[str] = mapped_column(String(500))
    pillar: Mapped[str] = mapped_column(String(40), default="")
    programme: Mapped[str] = mapped_column(String(40), default="")
    day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    order: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start: Mapped[time | None] = mapped_column(Time, nullable=True)
    category: Mapped[CategoryRow] = relationship()
    members: Mapped[list[MemberRow]] = relationship(
        cascade="all, delete-orphan", order_by="MemberRow.position"
    )


class MemberRow(Base):
    __tablename__ = "team_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))


class JudgeRow(Base):
    __tablename__ = "judge"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[str] = mapped_column(String(300), default="")
    nip: Mapped[str] = mapped_column(String(40), default="")
    role: Mapped[str] = mapped_column(String(20), default="member")
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class ConflictRow(Base):
    __tablename__ = "conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"))
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="CASCADE"), nullable=True
    )
    institution: Mapped[str | None] = mapped_column(String(300), nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    judge: Mapped[JudgeRow] = relationship()
    team: Mapped[TeamRow | None] = relationship()


class UserRow(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    judge_id: Mapped[int | None] = mapped_column(
        ForeignKey("judge.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # Lockouts since the last good sign-in: each one lasts twice as long as the one before.
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SheetRow(Base):
    """One judge's score sheet for one team."""

    __tablename__ = "sheet"
    __table_args__ = (UniqueConstraint("judge_id", "team_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"))
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    source: Mapped[str] = mapped_column(String(20), default="judge")
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
    confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
    corrected_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    abstained: Mapped[bool] = mapped_column(Boolean, default=False)
    abstain_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    scores: Mapped[list[ScoreRow]] = relationship(cascade="all, delete-orphan")


class ScoreRow(Base):
    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("sheet_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("sheet.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    value: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
    # Set when the sheet is confirmed, cleared by any change: whoever typed a value that no
    # one else has checked yet may not confirm the sheet (the two-person rule).
    checked: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditRow(Base):
    """One hash-chained entry of the audit trail; rewriting history breaks the chain."""

    __tablename__ = "audit_event"
    # A sheet's own events, found without reading the whole trail (the two-person rule).
    __table_args__ = (Index("ix_audit_event_subject", "subject"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """The latest chain hash, kept apart so that deleting the last events is detected."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    # 1: events before the trail recorded the state of the sheets they change; 2: since then
    # (the first events of format 2 start with a baseline of every sheet).
    format: Mapped[int] = mapped_column(Integer, default=2)


class TieDecisionRow(Base):
    __tablename__ = "tie_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id", ondelete="CASCADE"))
    teams: Mapped[str] = mapped_column(String(500))  # sorted team codes, comma separated
    ordering: Mapped[str] = mapped_column(String(500), default="")  # best first
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(80), default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    category: Mapped[CategoryRow] = relationship()


class SigningKeyRow(Base):
    """A convention signing key: its certificate, and its private key sealed by a passphrase.

    The private key is stored only encrypted (Argon2id + AES-256-GCM); a retired key keeps
    its certificate so that documents it signed can still be checked.
    """

    __tablename__ = "signing_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)
    fingerprint: Mapped[str] = mapped_column(String(32), default="")
    certificate_pem: Mapped[bytes] = mapped_column(LargeBinary)
    sealed_private_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    retired_reason: Mapped[str] = mapped_column(Text, default="")


class ResultsSealRow(Base):
    """What was locked: every fact a document shows, signed with the convention key."""

    __tablename__ = "results_seal"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    sealed_at: Mapped[datetime] = mapped_column(DateTime)
    sealed_by: Mapped[str] = mapped_column(String(80))
    key_fingerprint: Mapped[str] = mapped_column(String(32))
    audit_seq: Mapped[int] = mapped_column(Integer)
    audit_hash: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed canonical JSON
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class PrintedDocumentRow(Base):
    """A signed final document as written, so that a verification file can list its hash."""

    __tablename__ = "printed_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(DateTime)


class JudgeKeyRow(Base):
    """A judge's own Ed25519 key, which signs every event of their log.

    On the judge's laptop the private half is stored sealed under the judge's PIN; on the
    secretariat's laptop only the public half, enrolled by a person who compared fingerprints.
    """

    __tablename__ = "judge_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"))
    fingerprint: Mapped[str] = mapped_column(String(32), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # 32 raw bytes
    sealed_private_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    enrolled_by: Mapped[str] = mapped_column(String(80), default="")
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    retired_reason: Mapped[str] = mapped_column(Text, default="")


class LogEventRow(Base):
    """One event of a judge's signed log, kept as the very bytes that were signed.

    ``state`` on the secretariat's laptop: "applied" (its change is in the sheets), "pending"
    (waiting for an earlier event that has not arrived) or "set_aside" (on the branch of a
    fork that a decision did not take). On a judge's laptop every event is applied.
    """

    __tablename__ = "log_event"
    # By judge and number: both events of a fork share them, so the index is not unique (the
    # merge never stores an event it holds already); it stays small for 200,000 rows.
    __table_args__ = (Index("ix_log_event_judge_seq", "judge_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    key_fingerprint: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(12), default="applied")
    received_at: Mapped[datetime] = mapped_column(DateTime)


class LogForkRow(Base):
    """Two different signed events with the same number in one judge's log, and what a
    person decided: keep the branch already applied, or take the other one."""

    __tablename__ = "log_fork"
    __table_args__ = (UniqueConstraint("judge_id", "seq", "other_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    applied_hash: Mapped[str] = mapped_column(String(64))
    other_hash: Mapped[str] = mapped_column(String(64))
    found_at: Mapped[datetime] = mapped_column(DateTime)
    decision: Mapped[str] = mapped_column(String(20), default="")  # "", "kept", "taken"
    decided_by: Mapped[str] = mapped_column(String(80), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class LaptopRow(Base):
    """Present only on a judge's own laptop: the convention package it was made from."""

    __tablename__ = "laptop"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    hub_address: Mapped[str] = mapped_column(String(200), default="")
    hub_certificate: Mapped[str] = mapped_column(String(100), default="")  # SHA-256, hex


class ReceiptRow(Base):
    """A receipt signed by the convention key: the secretariat holds this judge's log up to
    event ``seq`` whose hash is ``hash``. Kept on the judge's laptop."""

    __tablename__ = "log_receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
