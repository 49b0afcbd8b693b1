"""Backups of the convention's database: made on their own and on request, checked before use."""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, create_engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_reader, require_secretariat
from juryapp.domain.messages import (
    FileProblemError,
    JuryError,
    StateError,
    Text,
    shown,
    storage_error,
)
from juryapp.persistence import migrate
from juryapp.persistence.backup import (
    copy_database,
    discard_leftovers,
    open_for_reading,
    replace_contents,
)
from juryapp.persistence.database import Database
from juryapp.persistence.placement import Storage, storage_of
from juryapp.persistence.tables import AuditHeadRow, ConventionRow
from juryapp.services import audit
from juryapp.services.integrity import check_trail
from juryapp.services.seal import seal_findings
from juryapp.services.snapshot import load_decisions, load_sheets, load_spec

log = logging.getLogger(__name__)

KEEP_LATEST = 20  # automatic backups kept whatever their day; the newest of each day stays too
PERIODIC_MINUTES = 5  # how often the desktop app looks for changes to back up
SUFFIX = ".sqlite3"
LOCK, IMPORT, PERIODIC, MANUAL, BEFORE_RESTORE = (
    "lock",
    "import",
    "auto",
    "manual",
    "before-restore",
)
_NAME = re.compile(
    r"(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})_(?P<time>\d{2}-\d{2}-\d{2})(?:-(?P<n>\d+))?"
    r"-(?P<reason>[a-z-]+)-e(?P<seq>\d+)" + re.escape(SUFFIX)
)


@dataclass(frozen=True)
class BackupFile:
    """One backup in the folder beside the database."""

    path: Path
    made_at: datetime
    reason: str
    audit_events: int


@dataclass(frozen=True)
class BackupCheck:
    """What a backup holds and whether it can be trusted; ``problems`` empty means it can."""

    path: Path
    problems: tuple[Text, ...]
    revision: str | None = None
    convention: str = ""
    audit_events: int = 0
    audit_head: str = ""
    locked: bool = False
    results_version: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Restored:
    check: BackupCheck
    kept: Path  # the database as it was before the restore


def verify_backup(path: Path) -> BackupCheck:
    """Check a backup file before anything uses it.

    SQLite's ``integrity_check`` and foreign keys, a schema revision this app knows with
    exactly the tables, indexes and triggers its migrations make (a planted trigger would run
    inside the app after a restore), one convention whose every stored value reads as the app
    reads it, an unbroken audit chain (``audit.verify``), and — for a backup of this version —
    everything ``juryapp audit verify`` checks: the tables replayed from the trail and the
    seal of locked results.
    """
    try:
        with closing(open_for_reading(path)) as connection:
            # a damaged file's report may quote bytes that are not UTF-8
            connection.text_factory = lambda data: data.decode("utf-8", "replace")
            integrity = connection.execute("PRAGMA integrity_check").fetchall()
            orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
    # failing to read it is the answer: not a usable backup (SQLite's complaint about a
    # damaged schema can itself hold bytes that are not UTF-8, and then cannot be raised)
    except (OSError, sqlite3.Error, UnicodeDecodeError):
        log.info("backup %s cannot be read", path, exc_info=True)
        return BackupCheck(path, (_NOT_A_BACKUP,))
    if integrity != [("ok",)]:
        return BackupCheck(path, (_DAMAGED.format(e=shown(integrity[0][0])),))
    engine = create_engine("sqlite://", creator=lambda: open_for_reading(path))
    try:
        with engine.connect() as connection:
            return _check_schema_and_contents(path, connection, bool(orphans))
    except DBAPIError:
        log.info("backup %s cannot be read", path, exc_info=True)
        return BackupCheck(path, (_NOT_A_BACKUP,))
    except (ValueError, ArithmeticError, LookupError):
        # Values no juryapp database holds (text that is not UTF-8, a number or a time that
        # does not parse): damage or tampering that integrity_check cannot see.
        log.info("backup %s holds values that cannot be read", path, exc_info=True)
        return BackupCheck(path, (_UNREADABLE_VALUES,))
    finally:
        engine.dispose()


def _check_schema_and_contents(path: Path, connection: Connection, orphans: bool) -> BackupCheck:
    schema = migrate.read_schema(connection)
    names = {name for _, name, _, _ in schema}
    revision = (
        connection.execute(migrate.READ_VERSION).scalar()
        if migrate.VERSION_TABLE in names
        else None
    )
    if revision not in migrate.known_revisions():
        return BackupCheck(path, (_UNKNOWN_REVISION.format(r=shown(revision or "-")),))
    if schema != migrate.schema_at(str(revision)):
        return BackupCheck(path, (_ALTERED_SCHEMA,), str(revision))
    with Session(connection) as session:
        return _check_contents(path, session, str(revision), orphans)


def _check_contents(path: Path, session: Session, revision: str, orphans: bool) -> BackupCheck:
    problems: list[Text] = []
    if orphans:
        problems.append(_ORPHANS)
    conventions = session.scalars(select(ConventionRow)).all()
    if len(conventions) != 1:
        problems.append(_NO_CONVENTION)
    else:
        # every stored value read as the app reads it: one that does not parse raises here
        load_spec(session)
        load_sheets(session)
        load_decisions(session)
    chain = audit.verify(session)
    if not chain.intact:
        problems.append(_BROKEN_CHAIN.format(n=chain.first_broken))
    elif conventions and not chain.events:  # making a convention is itself an event
        problems.append(_BROKEN_CHAIN.format(n=1))
    elif revision == migrate.HEAD and conventions:
        # what `juryapp audit verify` checks: the tables against the trail, and the seal
        connection = session.connection()
        trail, _events, _head = check_trail(connection)
        problems += [finding.text for finding in (*trail, *seal_findings(connection))]
    convention = conventions[0] if len(conventions) == 1 else None
    return BackupCheck(
        path,
        tuple(problems),
        revision,
        convention.name if convention else "",
        chain.events,
        chain.head,
        bool(convention and convention.results_locked),
        convention.results_version if convention else 0,
    )


class BackupService:
    """Backups of one database: automatic ones in a rotating folder beside it, and on request."""

    def __init__(
        self,
        database: Database,
        *,
        clock: Callable[[], datetime] = datetime.now,
        keep_latest: int = KEEP_LATEST,
    ) -> None:
        self._db = database
        self._clock = clock
        self._keep = keep_latest

    # -- where ------------------------------------------------------------------------------
    def _live(self) -> Path:
        """The live SQLite file; a server database is backed up with the server's tools."""
        path = self._db.path
        if path is None:
            raise StateError(
                Text(
                    "basis data ini ada di server PostgreSQL ({w}); cadangkan dengan pg_dump "
                    "(mis. pg_dump -Fc -f konvensi.dump NAMA_BASIS_DATA) dan pulihkan dengan "
                    "pg_restore",
                    "this database is on a PostgreSQL server ({w}); back it up with pg_dump "
                    "(e.g. pg_dump -Fc -f convention.dump DATABASE_NAME) and restore it with "
                    "pg_restore",
                ).format(w=shown(self._db.location, 200))
            )
        return path

    def folder(self) -> Path:
        """The folder of automatic backups, beside the database: ``<name>-backups``."""
        live = self._live()
        return live.with_name(f"{live.stem}-backups")

    def storage_warning(self) -> Text | None:
        """A warning when the live database sits where it can vanish mid-save."""
        path = self._db.path
        if path is None:
            return None
        kind = storage_of(path)
        if kind is Storage.LOCAL:
            return None
        medium = (
            Text("media lepasan (flashdisk atau disk luar)", "removable media (a USB stick or "
                 "an external disk)")
            if kind is Storage.REMOVABLE
            else Text("berbagi jaringan", "a network share")
        )  # fmt: skip
        return Text(
            "basis data {w} ada di {m}: bila terputus saat menyimpan, nilai dapat hilang atau "
            "rusak; salin ke disk laptop ini, buka salinannya, dan simpan cadangan saja di sana",
            "the database {w} is on {m}: if it is cut off while saving, scores can be lost or "
            "damaged; copy it to this laptop's own disk, open the copy, and keep only backups "
            "there",
        ).format(w=shown(path, 200), m=medium)

    def backups(self) -> list[BackupFile]:
        """The automatic backups and kept databases beside this one, oldest first."""
        folder = self.folder()
        found = []
        for path in folder.glob(f"*{SUFFIX}") if folder.is_dir() else ():
            match = _NAME.fullmatch(path.name)
            if match is None:
                continue
            made = datetime.strptime(f"{match['day']} {match['time']}", "%Y-%m-%d %H-%M-%S")
            found.append(BackupFile(path, made, match["reason"], int(match["seq"])))
        return sorted(found, key=lambda b: (b.made_at, b.path.name))

    # -- making -----------------------------------------------------------------------------
    def back_up_to(self, actor: Actor, target: Path) -> BackupCheck:
        """A checked copy where it is asked for (a USB stick, another disk).

        Whoever may read the whole database may copy it: a backup changes nothing, and the
        file holder could copy the file anyway (only the copy is checked and made safely).
        """
        require_reader(actor)
        live = self._live()
        if target.resolve() == live.resolve():
            raise StateError(
                Text(
                    "cadangan tidak dapat ditulis di atas basis data itu sendiri",
                    "a backup cannot be written over the database itself",
                )
            )
        copy_database(live, target)
        return verify_backup(target)

    def back_up_now(self, reason: str) -> Path:
        """An automatic backup into the folder beside the database, then the folder rotated."""
        live = self._live()
        folder = self.folder()
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise storage_error(exc, folder) from exc
        discard_leftovers(folder)
        target = self._new_name(folder, live, reason)
        copy_database(live, target)
        self.rotate()
        return target

    def back_up_if_changed(self) -> Path | None:
        """A periodic backup, made only when something was saved since the newest one."""
        events = self._audit_events()
        newest = [b for b in self.backups() if b.reason != BEFORE_RESTORE]
        if newest and newest[-1].audit_events == events:
            return None
        return self.back_up_now(PERIODIC)

    def _audit_events(self) -> int:
        with self._db.reading() as session:
            return session.scalar(select(AuditHeadRow.seq).where(AuditHeadRow.id == 1)) or 0

    def _new_name(self, folder: Path, live: Path, reason: str) -> Path:
        stamp = self._clock().strftime("%Y-%m-%d_%H-%M-%S")
        events = self._audit_events()
        for n in range(1, 1000):
            extra = f"-{n}" if n > 1 else ""
            path = folder / f"{live.stem}-{stamp}{extra}-{reason}-e{events}{SUFFIX}"
            if not path.exists():
                return path
        raise StateError(Text("terlalu banyak cadangan sekaligus", "too many backups at once"))

    def rotate(self) -> list[Path]:
        """Delete automatic backups beyond the newest ``keep_latest`` and the newest of each
        day; backups made at a lock and databases kept by a restore always stay."""
        automatic = [b for b in self.backups() if b.reason in (IMPORT, PERIODIC)]
        keep = {b.path for b in automatic[-self._keep :]} if self._keep else set()
        newest_of_day: dict[object, Path] = {}
        for backup in automatic:
            newest_of_day[backup.made_at.date()] = backup.path
        keep |= set(newest_of_day.values())
        removed = []
        for backup in automatic:
            if backup.path not in keep:
                try:
                    backup.path.unlink()
                    removed.append(backup.path)
                except OSError:
                    log.warning("old backup %s could not be removed", backup.path, exc_info=True)
        return removed

    # -- restoring --------------------------------------------------------------------------
    def restore(self, actor: Actor, source: Path) -> Restored:
        """Replace the database's contents with a checked backup, keeping the replaced one.

        Refused before anything changes when the backup fails ``verify_backup``. The current
        database is first copied into the backup folder (``…-before-restore-…``), then the
        backup is written into the live file in one transaction, and the restore is added to
        the restored audit trail. Nothing else may have the database open (the caller holds
        the instance lock and closes its own sessions).
        """
        require_secretariat(actor)
        live = self._live()
        self._db.refuse_if_read_only()
        if source.resolve() == live.resolve():
            raise StateError(
                Text("itu basis data yang sedang dibuka", "that is the database already open")
            )
        check = verify_backup(source)
        if not check.ok:
            raise FileProblemError(check.problems[0], file=source.name)
        digest = _sha256(source)
        kept = self.back_up_now(BEFORE_RESTORE)
        self._db.engine.dispose()  # no pooled connection may hold the old pages
        replace_contents(live, source)
        self._db.engine.dispose()
        migrate.upgrade(self._db.engine)
        with self._db.writing() as session:
            audit.record(
                session,
                actor,
                "database.restore",
                source.name,
                sha256=digest,
                backup_head=check.audit_head,
                kept=kept.name,
            )
        return Restored(check, kept)


def back_up_automatically(database: Database, reason: str) -> Path | None:
    """An automatic backup that never stops the action it follows (a lock, an import): a
    failure is logged, and the next backup tries again. None when none was made."""
    if database.path is None or database.read_only is not None:
        return None
    try:
        return BackupService(database).back_up_now(reason)
    except (JuryError, OSError):
        log.warning("automatic backup after %s failed", reason, exc_info=True)
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_NOT_A_BACKUP = Text(
    "bukan cadangan basis data juryapp, atau tidak dapat dibaca",
    "not a juryapp database backup, or it cannot be read",
)
_DAMAGED = Text(
    "cadangan rusak (integrity_check: {e})", "the backup is damaged (integrity_check: {e})"
)
_UNKNOWN_REVISION = Text(
    "cadangan berskema '{r}' yang tidak dikenal aplikasi ini (dari versi juryapp lain?)",
    "the backup has schema '{r}', which this app does not know (from another juryapp version?)",
)
_ALTERED_SCHEMA = Text(
    "tabel, indeks atau pemicu cadangan tidak sama dengan buatan juryapp; cadangan ditolak",
    "the backup's tables, indexes or triggers differ from what juryapp makes; it is refused",
)
_UNREADABLE_VALUES = Text(
    "cadangan berisi nilai yang tidak dapat dibaca (teks bukan UTF-8, angka atau waktu rusak)",
    "the backup holds values that cannot be read (text that is not UTF-8, a broken number or time)",
)
_ORPHANS = Text(
    "cadangan berisi baris yang merujuk data yang tidak ada",
    "the backup holds rows that refer to missing data",
)
_NO_CONVENTION = Text(
    "cadangan tidak berisi satu konvensi", "the backup does not hold one convention"
)
_BROKEN_CHAIN = Text(
    "jejak audit cadangan terputus di peristiwa {n}; isinya telah diubah",
    "the backup's audit trail breaks at event {n}; its contents were changed",
)
