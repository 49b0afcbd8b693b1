"""Judges' own signing keys: made at the first sign-in on a laptop, sealed under the PIN,
opened at each sign-in; enrolled at the secretariat's laptop after comparing fingerprints.

What protects a judge's private key on their laptop: it is stored only sealed (AES-256-GCM
under Argon2id of the judge's PIN, ``reports.key_vault``) and is opened in memory at sign-in,
for this process only, until the judge signs out.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_reader, require_secretariat
from juryapp.domain.kinds import Role
from juryapp.domain.messages import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    StateError,
    Text,
    ValidationError,
)
from juryapp.persistence.database import Database
from juryapp.persistence.tables import JudgeKeyRow, JudgeRow, LaptopRow
from juryapp.reports.fingerprint import fingerprint_of_public_key, normal_fingerprint
from juryapp.reports.key_vault import KdfCost, SealedKeyError, WrongPassphraseError, open_sealed
from juryapp.reports.key_vault import seal as seal_secret
from juryapp.services import audit


@dataclass(frozen=True)
class JudgeKeyInfo:
    judge_code: str
    fingerprint: str  # "7K3M-Q9XA-…", shown on both screens and printed on the daftar hadir
    public_key: bytes
    created_at: datetime
    enrolled_by: str
    active: bool


@dataclass(frozen=True)
class OpenKey:
    fingerprint: str
    key: Ed25519PrivateKey


class Signers:
    """The judges' keys opened at sign-in in this process, by judge code (never stored)."""

    def __init__(self) -> None:
        self._keys: dict[str, OpenKey] = {}
        self._lock = threading.Lock()

    def put(self, judge_code: str, key: OpenKey) -> None:
        with self._lock:
            self._keys[judge_code] = key

    def get(self, judge_code: str) -> OpenKey | None:
        with self._lock:
            return self._keys.get(judge_code)

    def drop(self, judge_code: str) -> None:
        with self._lock:
            self._keys.pop(judge_code, None)


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint_of(public_key: bytes) -> str:
    return fingerprint_of_public_key(Ed25519PublicKey.from_public_bytes(public_key))


def _context(judge_code: str, fingerprint: str) -> bytes:
    return b"juryapp-judge-key\0" + judge_code.encode() + b"\0" + fingerprint.encode()


def is_laptop(connection: Connection) -> bool:
    """Whether this database is a judge's own laptop, made from a convention package."""
    return connection.execute(select(LaptopRow.id).limit(1)).first() is not None


class JudgeKeyService:
    def __init__(self, database: Database, signers: Signers, cost: KdfCost | None = None) -> None:
        self._db = database
        self._signers = signers
        self._cost = cost or KdfCost()

    # -- on a judge's laptop ------------------------------------------------------------------
    def signing_here(self, actor: Actor) -> bool:
        """Whether this judge's key was opened at sign-in in this process: on the judge's own
        laptop, and only there. Memory only, so a screen may ask it on the GUI thread."""
        return actor.judge_code is not None and self._signers.get(actor.judge_code) is not None

    def after_sign_in(self, actor: Actor, pin: str) -> JudgeKeyInfo | None:
        """On a judge's laptop: the judge's key, made now at the first sign-in, opened with the
        PIN just checked. Elsewhere, or for the secretariat, nothing."""
        if actor.role is not Role.JUDGE or actor.judge_code is None:
            return None
        code = actor.judge_code
        with self._db.reading() as session:
            if not is_laptop(session.connection()):
                return None
            row = _own_key(session, code)
            stored = None if row is None else (row.fingerprint, row.sealed_private_key, row)
            info = None if row is None else _info(row, code)
        if stored is None:
            return self._make(actor, pin)
        fingerprint, sealed, _ = stored
        assert info is not None
        if sealed is None:  # pragma: no cover - a laptop's own keys are always sealed
            raise StateError(Text("kunci juri tanpa bagian rahasia", "a judge key without secret"))
        try:
            raw = open_sealed(sealed, pin, context=_context(code, fingerprint))
        except WrongPassphraseError:
            raise AuthenticationError(
                Text(
                    "kunci tanda tangan Anda disegel dengan PIN sebelumnya; masuk dengan PIN itu",
                    "your signing key was sealed with your earlier PIN; sign in with that PIN",
                )
            ) from None
        except SealedKeyError as exc:
            raise StateError(
                Text(
                    "kunci tanda tangan juri rusak ({e})", "the judge's key is damaged ({e})"
                ).format(e=exc)
            ) from exc
        self._signers.put(code, OpenKey(fingerprint, Ed25519PrivateKey.from_private_bytes(raw)))
        return info

    def _make(self, actor: Actor, pin: str) -> JudgeKeyInfo:
        assert actor.judge_code is not None
        code = actor.judge_code
        key = Ed25519PrivateKey.generate()
        public = public_bytes(key.public_key())
        fingerprint = fingerprint_of(public)
        raw = key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        sealed = seal_secret(raw, pin, context=_context(code, fingerprint), cost=self._cost)
        with self._db.writing() as session:
            if _own_key(session, code) is not None:
                raise StateError(
                    Text("kunci sudah dibuat; masuk lagi", "the key exists; sign in again")
                )
            row = JudgeKeyRow(
                judge_id=_judge_id(session, code),
                fingerprint=fingerprint,
                public_key=public,
                sealed_private_key=sealed,
                created_at=audit.now(),
                enrolled_by="",
                retired_reason="",
            )
            session.add(row)
            audit.record_setup(session, actor, "judge_key.create", code, fingerprint=fingerprint)
            info = _info(row, code)
        self._signers.put(code, OpenKey(fingerprint, key))
        return info

    def sign_out(self, actor: Actor) -> None:
        if actor.judge_code is not None:
            self._signers.drop(actor.judge_code)

    def own(self, actor: Actor) -> JudgeKeyInfo | None:
        """The signed-in judge's key on this laptop, to show its fingerprint."""
        if actor.judge_code is None:
            raise PermissionDeniedError(Text("hanya untuk juri", "for judges only"))
        with self._db.reading() as session:
            row = _own_key(session, actor.judge_code)
            return None if row is None else _info(row, actor.judge_code)

    # -- on the secretariat's laptop ----------------------------------------------------------
    def enrolled(self, actor: Actor) -> list[JudgeKeyInfo]:
        """Every judge key this database knows, oldest first."""
        require_reader(actor)
        with self._db.reading() as session:
            return _all(session)

    def enrol(self, actor: Actor, judge_code: str, public_key: bytes, typed: str) -> JudgeKeyInfo:
        """Accept a judge's public key after a person compared its fingerprint (``typed``)
        with the one the judge's own screen shows."""
        require_secretariat(actor)
        fingerprint = fingerprint_of(public_key)
        if normal_fingerprint(typed) != fingerprint:
            raise ValidationError(
                Text(
                    "sidik jari yang diketik ({t}) bukan sidik jari kunci ini ({f}); bandingkan "
                    "lagi dengan layar laptop juri",
                    "the fingerprint typed ({t}) is not this key's ({f}); compare it again with "
                    "the judge's screen",
                ).format(t=typed.strip(), f=fingerprint)
            )
        with self._db.writing() as session:
            judge_id = _judge_id(session, judge_code)
            existing = session.scalar(
                select(JudgeKeyRow).where(JudgeKeyRow.fingerprint == fingerprint)
            )
            if existing is not None:
                if existing.judge_id != judge_id:
                    raise_other_judge(fingerprint)
                return _info(existing, judge_code)
            if _own_key(session, judge_code) is not None:
                raise StateError(
                    Text(
                        "juri {j} sudah memiliki kunci terdaftar; pensiunkan dulu dengan alasan",
                        "judge {j} already has an enrolled key; retire it first, with a reason",
                    ).format(j=judge_code)
                )
            row = JudgeKeyRow(
                judge_id=judge_id,
                fingerprint=fingerprint,
                public_key=public_key,
                sealed_private_key=None,
                created_at=audit.now(),
                enrolled_by=actor.username,
                retired_reason="",
            )
            session.add(row)
            audit.record_setup(
                session, actor, "judge_key.enrol", judge_code, fingerprint=fingerprint
            )
            return _info(row, judge_code)

    def retire(self, actor: Actor, judge_code: str, reason: str) -> None:
        """Stop accepting a judge's key (a lost laptop); its events already merged stay."""
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("alasan wajib diisi", "a reason is required"))
        with self._db.writing() as session:
            row = _own_key(session, judge_code)
            if row is None:
                raise NotFoundError(
                    Text(
                        "juri {j} tidak memiliki kunci aktif", "judge {j} has no active key"
                    ).format(j=judge_code)
                )
            row.retired_at, row.retired_reason = audit.now(), reason.strip()
            audit.record_setup(
                session,
                actor,
                "judge_key.retire",
                judge_code,
                fingerprint=row.fingerprint,
                reason=reason.strip(),
            )

    def fingerprints(self, actor: Actor) -> dict[str, str]:
        """Judge code → fingerprint of their active key, for the daftar hadir."""
        require_reader(actor)
        with self._db.reading() as session:
            return judge_key_fingerprints(session)


def judge_key_fingerprints(session: Session) -> dict[str, str]:
    """Judge code → the fingerprint of the judge's active key (the documents print it)."""
    rows = session.execute(
        select(JudgeRow.code, JudgeKeyRow.fingerprint)
        .join(JudgeRow, JudgeRow.id == JudgeKeyRow.judge_id)
        .where(JudgeKeyRow.retired_at.is_(None))
        .order_by(JudgeKeyRow.id)
    )
    return dict(rows.all())


def raise_other_judge(fingerprint: str) -> None:
    raise PermissionDeniedError(
        Text(
            "kunci {f} terdaftar untuk juri lain",
            "key {f} is enrolled for another judge",
        ).format(f=fingerprint)
    )


def _judge_id(session: Session, code: str) -> int:
    judge_id = session.scalar(select(JudgeRow.id).where(JudgeRow.code == code))
    if judge_id is None:
        raise NotFoundError(Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(c=code))
    return judge_id


def _own_key(session: Session, judge_code: str) -> JudgeKeyRow | None:
    return session.scalar(
        select(JudgeKeyRow)
        .join(JudgeRow, JudgeRow.id == JudgeKeyRow.judge_id)
        .where(JudgeRow.code == judge_code, JudgeKeyRow.retired_at.is_(None))
        .order_by(JudgeKeyRow.id.desc())
        .limit(1)
    )


def _all(session: Session) -> list[JudgeKeyInfo]:
    rows = session.execute(
        select(JudgeKeyRow, JudgeRow.code)
        .join(JudgeRow, JudgeRow.id == JudgeKeyRow.judge_id)
        .order_by(JudgeKeyRow.id)
    )
    return [_info(row, code) for row, code in rows]


def _info(row: JudgeKeyRow, judge_code: str) -> JudgeKeyInfo:
    return JudgeKeyInfo(
        judge_code=judge_code,
        fingerprint=row.fingerprint,
        public_key=row.public_key,
        created_at=row.created_at,
        enrolled_by=row.enrolled_by,
        active=row.retired_at is None,
    )
