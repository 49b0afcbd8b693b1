"""The convention's signing key: created sealed by a passphrase, opened only to lock or sign."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_reader, require_secretariat
from juryapp.domain.kinds import Role
from juryapp.domain.messages import AuthenticationError, StateError, Text, ValidationError
from juryapp.persistence.database import Database
from juryapp.persistence.tables import ConventionRow, SigningKeyRow
from juryapp.reports.key_vault import KdfCost, SealedKeyError, WrongPassphraseError
from juryapp.services import audit
from juryapp.services.snapshot import convention_row

if TYPE_CHECKING:
    from juryapp.reports.convention_key import ConventionKey

# The signing module (cryptography's X.509, pyHanko) loads when a key is made or opened.

MIN_PASSPHRASE = 10


@dataclass(frozen=True)
class KeyInfo:
    """A signing key as anyone may see it: its fingerprint and certificate, never the secret."""

    fingerprint: str  # "7K3M-Q9XA-…", what the minutes print and people compare
    key_id: str
    certificate_pem: bytes
    created_at: datetime
    active: bool
    retired_reason: str


@dataclass(frozen=True)
class NewKey:
    """A key made outside any transaction (making and sealing it takes a moment)."""

    key_id: str
    fingerprint: str
    certificate_pem: bytes
    sealed_private_key: bytes


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise ValidationError(
            Text(
                "frasa sandi kunci tanda tangan paling sedikit {n} karakter",
                "the signing key's passphrase needs at least {n} characters",
            ).format(n=MIN_PASSPHRASE)
        )


def _context(key_id: str, certificate_pem: bytes) -> bytes:
    return key_id.encode() + b"\0" + certificate_pem


class KeyService:
    def __init__(self, database: Database, cost: KdfCost | None = None) -> None:
        self._db = database
        self._cost = cost or KdfCost()

    # -- reading --------------------------------------------------------------------------
    def active(self, actor: Actor) -> KeyInfo | None:
        """The key that signs now, if there is one."""
        require_reader_or_member(actor)
        with self._db.reading() as session:
            row = active_row(session)
            return None if row is None else _info(row)

    def all(self, actor: Actor) -> list[KeyInfo]:
        """Every key the convention has had, oldest first (retired ones still verify)."""
        require_reader_or_member(actor)
        with self._db.reading() as session:
            return [_info(r) for r in session.scalars(select(SigningKeyRow).order_by("id"))]

    # -- making and opening ---------------------------------------------------------------
    def make(
        self, convention_name: str, organiser: str, passphrase: str
    ) -> tuple[NewKey, ConventionKey]:
        """A fresh key and certificate: sealed by ``passphrase`` to store, and open to use."""
        from juryapp.reports.convention_key import create_convention_key  # noqa: PLC0415
        from juryapp.reports.fingerprint import fingerprint_of_certificate  # noqa: PLC0415
        from juryapp.reports.key_vault import seal  # noqa: PLC0415

        check_passphrase(passphrase)
        key = create_convention_key(convention_name, organiser or convention_name)
        return NewKey(
            key_id=key.key_id,
            fingerprint=fingerprint_of_certificate(key.certificate_pem),
            certificate_pem=key.certificate_pem,
            sealed_private_key=seal(
                key.private_key_pem,
                passphrase,
                context=_context(key.key_id, key.certificate_pem),
                cost=self._cost,
            ),
        ), key

    def create(self, actor: Actor, passphrase: str) -> KeyInfo:
        """The convention's first key (``juryapp init``, the demo, the new-convention wizard)."""
        require_secretariat(actor)
        with self._db.reading() as session:
            convention = convention_row(session)
            name, organiser = convention.name, convention.organiser
        new, _ = self.make(name, organiser, passphrase)
        with self._db.writing() as session:
            if active_row(session) is not None:
                raise StateError(
                    Text(
                        "konvensi ini sudah memiliki kunci tanda tangan",
                        "this convention already has a signing key",
                    )
                )
            row = add_key(session, actor, new, "key.create")
            return _info(row)

    def unlock(self, actor: Actor, passphrase: str) -> ConventionKey:
        """The active key, opened with its passphrase; a wrong one is refused and recorded."""
        require_secretariat(actor)
        with self._db.reading() as session:
            row = active_row(session)
            if row is None or row.sealed_private_key is None:
                raise StateError(
                    Text(
                        "belum ada kunci tanda tangan; kunci dibuat saat hasil dikunci",
                        "there is no signing key yet; it is made when the results are locked",
                    )
                )
            key_id, certificate, sealed = row.key_id, row.certificate_pem, row.sealed_private_key
        return self._open(actor, key_id, certificate, sealed, passphrase)

    def _open(
        self, actor: Actor, key_id: str, certificate: bytes, sealed: bytes, passphrase: str
    ) -> ConventionKey:
        from juryapp.reports.convention_key import load_convention_key  # noqa: PLC0415
        from juryapp.reports.key_vault import open_sealed  # noqa: PLC0415

        try:
            private = open_sealed(sealed, passphrase, context=_context(key_id, certificate))
        except WrongPassphraseError:
            with self._db.writing() as session:
                audit.record(session, actor, "key.passphrase_refused", key_id)
            raise AuthenticationError(
                Text(
                    "frasa sandi kunci tanda tangan salah",
                    "wrong passphrase for the signing key",
                )
            ) from None
        except SealedKeyError as exc:
            raise StateError(
                Text(
                    "kunci tanda tangan yang tersimpan rusak ({e}); buat kunci baru",
                    "the stored signing key is damaged ({e}); make a new key",
                ).format(e=exc)
            ) from exc
        return load_convention_key(private, certificate)

    def change_passphrase(self, actor: Actor, old: str, new: str) -> None:
        """Seal the same key under a new passphrase (the old one must open it)."""
        from juryapp.reports.key_vault import seal  # noqa: PLC0415

        check_passphrase(new)
        key = self.unlock(actor, old)
        sealed = seal(
            key.private_key_pem,
            new,
            context=_context(key.key_id, key.certificate_pem),
            cost=self._cost,
        )
        with self._db.writing() as session:
            row = active_row(session)
            if row is None or row.key_id != key.key_id:
                raise StateError(Text("kunci berubah; coba lagi", "the key changed; try again"))
            row.sealed_private_key = sealed
            audit.record_setup(session, actor, "key.passphrase_changed", row.fingerprint)

    def replace(self, actor: Actor, passphrase: str, reason: str) -> KeyInfo:
        """A new key when the passphrase is lost: recorded, and the results version goes up.

        Documents signed by the old key still verify against its fingerprint, but they certify
        an older version; locked results must be locked again with the new key.
        """
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("alasan wajib diisi", "a reason is required"))
        with self._db.reading() as session:
            convention = convention_row(session)
            name, organiser = convention.name, convention.organiser
        new, _ = self.make(name, organiser, passphrase)
        with self._db.writing() as session:
            convention = convention_row(session)
            if convention.results_locked:
                raise StateError(
                    Text(
                        "buka kunci hasil dulu (dengan alasan); kunci tanda tangan baru "
                        "dipakai saat hasil dikunci lagi",
                        "unlock the results first (with a reason); the new key is used when "
                        "they are locked again",
                    )
                )
            now = audit.now()
            session.execute(
                update(SigningKeyRow)
                .where(SigningKeyRow.retired_at.is_(None))
                .values(retired_at=now, retired_reason=reason.strip(), sealed_private_key=None)
            )
            session.execute(
                update(ConventionRow).values(results_version=ConventionRow.results_version + 1)
            )
            row = add_key(session, actor, new, "key.replace", reason=reason.strip())
            return _info(row)


def add_key(
    session: Session, actor: Actor, new: NewKey, action: str, **details: object
) -> SigningKeyRow:
    """Store a made key as the active one, with its event, in the caller's transaction."""
    row = SigningKeyRow(
        key_id=new.key_id,
        fingerprint=new.fingerprint,
        certificate_pem=new.certificate_pem,
        sealed_private_key=new.sealed_private_key,
        created_at=audit.now(),
        retired_reason="",
    )
    session.add(row)
    audit.record_setup(
        session, actor, action, new.fingerprint, fingerprint=new.fingerprint, **details
    )
    return row


def require_reader_or_member(actor: Actor) -> None:
    """Public key information: any judge, the secretariat, or whoever reads the file."""
    if actor.role is not Role.JUDGE:
        require_reader(actor)


def active_row(session: Session) -> SigningKeyRow | None:
    return session.scalar(
        select(SigningKeyRow)
        .where(SigningKeyRow.retired_at.is_(None))
        .order_by(SigningKeyRow.id.desc())
        .limit(1)
    )


def _info(row: SigningKeyRow) -> KeyInfo:
    return KeyInfo(
        fingerprint=row.fingerprint,
        key_id=row.key_id,
        certificate_pem=row.certificate_pem,
        created_at=row.created_at,
        active=row.retired_at is None,
        retired_reason=row.retired_reason,
    )
