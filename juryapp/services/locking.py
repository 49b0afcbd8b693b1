"""Locking and unlocking results: one transaction that records the lock, the key and the seal."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.messages import StateError, Text
from juryapp.persistence.database import Database
from juryapp.persistence.tables import SigningKeyRow
from juryapp.services import audit, state
from juryapp.services.backups import LOCK, back_up_automatically
from juryapp.services.integrity import ACCOUNT_HISTORY, check_trail
from juryapp.services.keys import KeyService, NewKey, add_key, check_passphrase
from juryapp.services.readiness import open_items as open_items_of
from juryapp.services.results import LockState, read_snapshot, unconfirmed_sheets
from juryapp.services.seal import SealInfo, write_seal
from juryapp.services.snapshot import convention_row


class LockService:
    def __init__(self, database: Database, keys: KeyService) -> None:
        self._db = database
        self._keys = keys

    def lock(self, actor: Actor, reason: str, passphrase: str) -> LockState:
        """Freeze the results and seal them with the convention key, all or nothing.

        The key's passphrase opens it (a database from an earlier version gets its first
        sealed key here, under this passphrase). Unconfirmed sheets need a recorded reason.
        """
        require_secretariat(actor)
        check_passphrase(passphrase)
        new: NewKey | None = None
        if self._keys.active(actor) is None:
            with self._db.reading() as session:
                convention = convention_row(session)
                name, organiser = convention.name, convention.organiser
            new, key = self._keys.make(name, organiser, passphrase)
        else:
            key = self._keys.unlock(actor, passphrase)
        with self._db.writing() as session:
            row = convention_row(session)
            if row.results_locked:
                raise StateError(Text("hasil sudah dikunci", "the results are already locked"))
            _refuse_if_changed_without_record(session)
            snapshot = read_snapshot(session)
            readiness = open_items_of(snapshot.spec, snapshot.sheets, snapshot.decisions)
            if not readiness.can_lock:  # a missing or draft sheet, or an undecided cut-line tie
                raise StateError(readiness.refusal())
            open_items = unconfirmed_sheets(snapshot)
            if open_items and not reason.strip():
                raise StateError(
                    Text(
                        "{n} lembar belum dikonfirmasi (mis. {e}); konfirmasi dulu atau "
                        "kunci dengan alasan",
                        "{n} sheets are not confirmed (e.g. {e}); confirm them or lock with "
                        "a reason",
                    ).format(n=len(open_items), e=", ".join(open_items[:3]))
                )
            key_row = (
                add_key(session, actor, new, "key.create")
                if new is not None
                else session.scalar(
                    select(SigningKeyRow).where(
                        SigningKeyRow.key_id == key.key_id, SigningKeyRow.retired_at.is_(None)
                    )
                )
            )
            if key_row is None:
                raise StateError(Text("kunci berubah; coba lagi", "the key changed; try again"))
            row.results_locked, row.lock_note = True, reason.strip()
            session.flush()
            connection = session.connection()
            content = state.canonical(state.convention_facts(connection))
            content_hash = state.sha256_hex(content)
            audit.record_setup(
                session,
                actor,
                "results.lock",
                "",
                version=row.results_version,
                reason=reason,
                unconfirmed=open_items,
                fingerprint=content_hash,
                key=key_row.fingerprint,
            )
            head = audit.read_head(connection)
            if head is None:  # pragma: no cover - the event above made one
                raise StateError(Text("jejak audit kosong", "the audit trail is empty"))
            seal = SealInfo(
                version=row.results_version,
                sealed_at=audit.now(),
                sealed_by=actor.username,
                key_fingerprint=key_row.fingerprint,
                audit_seq=head[0],
                audit_hash=head[1],
                content_hash=content_hash,
            )
            write_seal(connection, seal, content, key)
            locked = LockState(True, row.results_version, row.lock_note, row.results_released)
        back_up_automatically(self._db, LOCK)  # what was locked is kept apart at once
        return locked

    def unlock(self, actor: Actor, reason: str) -> LockState:
        """Reopen locked results; the version goes up so older printouts are recognisable."""
        require_secretariat(actor)
        if not reason.strip():
            raise StateError(Text("membuka kunci memerlukan alasan", "unlocking needs a reason"))
        with self._db.writing() as session:
            row = convention_row(session)
            if not row.results_locked:
                raise StateError(Text("hasil belum dikunci", "the results are not locked"))
            row.results_locked = False
            row.results_version += 1
            row.lock_note = ""
            audit.record_setup(
                session, actor, "results.unlock", "", reason=reason, version=row.results_version
            )
            return LockState(False, row.results_version, "", row.results_released)


def _refuse_if_changed_without_record(session: Session) -> None:
    """Refuse to seal tables the trail does not account for: the lock's own event would
    record them as they are, and the seal would vouch for a change nobody recorded."""
    found = [
        finding
        for finding in check_trail(session.connection())[0]
        if finding.kind != ACCOUNT_HISTORY  # past: the accounts as they are now are checked
    ]
    if found:
        raise StateError(
            Text(
                "hasil tidak dapat dikunci: pemeriksaan jejak audit menemukan {n} masalah, "
                "mis. {f}; lihat 'juryapp audit verify'",
                "the results cannot be locked: the audit check finds {n} problem(s), e.g. {f}; "
                "see 'juryapp audit verify'",
            ).format(n=len(found), f=found[0].text)
        )
