"""The composition root: one function that opens the database and wires the services.

``bootstrap`` takes every collaborator that has a production default (the clock, the password
hasher, the GUI's runner of background work, the key's Argon2id cost) and returns the services
wired to them; the desktop app, the command line, the benchmarks and the tests all build their
services with it, the tests passing fakes instead of rewiring by hand.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from juryapp.domain.clock import Clock, system_clock

if TYPE_CHECKING:
    from pathlib import Path

    from argon2 import PasswordHasher

    from juryapp.gui.ops import Ops
    from juryapp.persistence.database import Database
    from juryapp.persistence.instance_lock import InstanceLock
    from juryapp.reckoner import Reckoner
    from juryapp.reports.key_vault import KdfCost
    from juryapp.services.accounts import AccountService
    from juryapp.services.backups import BackupService
    from juryapp.services.changes import ChangeFeed
    from juryapp.services.confirmation import ConfirmationService
    from juryapp.services.hub import HubService
    from juryapp.services.imports import ImportService
    from juryapp.services.integrity import IntegrityService
    from juryapp.services.judge_keys import JudgeKeyService, Signers
    from juryapp.services.keys import KeyService
    from juryapp.services.laptop import LaptopService
    from juryapp.services.locking import LockService
    from juryapp.services.publishing import PublishingService
    from juryapp.services.readiness import ReadinessService
    from juryapp.services.results import ResultsService
    from juryapp.services.scoring import ScoringService
    from juryapp.services.setup import SetupService
    from juryapp.services.verification import VerificationService

T = TypeVar("T")

# The database and every service are built on first use, not here: SQLAlchemy, openpyxl,
# ReportLab and pyHanko are most of the start-up time, and the desktop app shows its window
# before it needs any of them. Opening errors therefore surface at the first call that needs
# the database (``ensure_open()`` forces it where an error must be reported at once). The
# GUI's runner is made on first use too: the command line never asks for one.


class Services:
    """The services over one database; each is built once, on first use, from any thread."""

    def __init__(
        self,
        target: str | os.PathLike[str] | None = None,
        *,
        clock: Clock = system_clock,
        hasher: PasswordHasher | None = None,
        runner: Ops | None = None,
        kdf_cost: KdfCost | None = None,
        read_only: bool = False,
        reads_apart: bool = False,
    ) -> None:
        self.target = target
        self._read_only = read_only
        self.reads_apart = reads_apart  # the secretariat's long reads in a second process
        self.clock = clock
        self._hasher = hasher  # None: Argon2id at its production cost (tests pass cheaper ones)
        self._kdf_cost = kdf_cost
        self._lock = threading.RLock()
        self._built: dict[str, Any] = {} if runner is None else {"runner": runner}
        self._writer_lock: InstanceLock | None = None

    def _get(self, name: str, build: Callable[[], T]) -> T:
        try:
            return self._built[name]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if name not in self._built:
                self._built[name] = build()
            return self._built[name]  # type: ignore[no-any-return]

    @property
    def is_open(self) -> bool:
        """Whether the database has been opened (and migrated) already."""
        return "database" in self._built

    def ensure_open(self) -> Services:
        """Open the database now, so that a failure is reported here."""
        _ = self.database
        return self

    @property
    def database(self) -> Database:
        def build() -> Database:
            from juryapp.persistence.database import Database  # noqa: PLC0415
            from juryapp.services.integrity import ensure_baseline  # noqa: PLC0415

            database = Database.open(self.target, read_only=self._read_only)
            if database.read_only is None:
                ensure_baseline(database)  # a trail from an older version gets its replay start
            return database

        return self._get("database", build)

    @property
    def runner(self) -> Ops:
        """Where the desktop app runs service calls off its GUI thread (needs a QApplication)."""

        def build() -> Ops:
            from juryapp.gui.ops import Ops  # noqa: PLC0415

            return Ops()

        return self._get("runner", build)

    @property
    def reckoner(self) -> Reckoner:
        """The long reads the secretariat's screens show (rankings, the progress matrix)."""

        def build() -> Reckoner:
            from juryapp.reckoner import Reckoner  # noqa: PLC0415

            return Reckoner(self, apart=self.reads_apart)

        return self._get("reckoner", build)

    @property
    def changes(self) -> ChangeFeed:
        def build() -> ChangeFeed:
            from juryapp.services.changes import ChangeFeed  # noqa: PLC0415

            return ChangeFeed(self.database)

        return self._get("changes", build)

    @property
    def setup(self) -> SetupService:
        def build() -> SetupService:
            from juryapp.services.setup import SetupService  # noqa: PLC0415

            return SetupService(self.database)

        return self._get("setup", build)

    @property
    def accounts(self) -> AccountService:
        def build() -> AccountService:
            from juryapp.services.accounts import AccountService  # noqa: PLC0415

            return AccountService(self.database, self._hasher, self.clock)

        return self._get("accounts", build)

    @property
    def scoring(self) -> ScoringService:
        def build() -> ScoringService:
            from juryapp.services.laptop import LogWriter  # noqa: PLC0415
            from juryapp.services.scoring import ScoringService  # noqa: PLC0415

            # On a judge's own laptop every change is also signed into the judge's log.
            return ScoringService(self.database, LogWriter(self.signers))

        return self._get("scoring", build)

    @property
    def results(self) -> ResultsService:
        def build() -> ResultsService:
            from juryapp.services.results import ResultsService  # noqa: PLC0415

            return ResultsService(self.database)

        return self._get("results", build)

    @property
    def confirmation(self) -> ConfirmationService:
        def build() -> ConfirmationService:
            from juryapp.services.confirmation import ConfirmationService  # noqa: PLC0415

            return ConfirmationService(self.database, self.scoring)

        return self._get("confirmation", build)

    @property
    def readiness(self) -> ReadinessService:
        def build() -> ReadinessService:
            from juryapp.services.readiness import ReadinessService  # noqa: PLC0415

            return ReadinessService(self.results)

        return self._get("readiness", build)

    @property
    def imports(self) -> ImportService:
        def build() -> ImportService:
            from juryapp.services.imports import ImportService  # noqa: PLC0415

            return ImportService(self.database, self.setup)

        return self._get("imports", build)

    @property
    def publishing(self) -> PublishingService:
        def build() -> PublishingService:
            from juryapp.services.publishing import PublishingService  # noqa: PLC0415

            return PublishingService(self.database, self.results, self.setup, self.keys)

        return self._get("publishing", build)

    @property
    def verification(self) -> VerificationService:
        def build() -> VerificationService:
            from juryapp.services.verification import VerificationService  # noqa: PLC0415

            return VerificationService(self.database, self.keys)

        return self._get("verification", build)

    @property
    def keys(self) -> KeyService:
        def build() -> KeyService:
            from juryapp.services.keys import KeyService  # noqa: PLC0415

            return KeyService(self.database, self._kdf_cost)

        return self._get("keys", build)

    @property
    def locking(self) -> LockService:
        def build() -> LockService:
            from juryapp.services.locking import LockService  # noqa: PLC0415

            return LockService(self.database, self.keys)

        return self._get("locking", build)

    @property
    def integrity(self) -> IntegrityService:
        def build() -> IntegrityService:
            from juryapp.services.integrity import IntegrityService  # noqa: PLC0415

            return IntegrityService(self.database)

        return self._get("integrity", build)

    @property
    def backups(self) -> BackupService:
        def build() -> BackupService:
            from juryapp.services.backups import BackupService  # noqa: PLC0415

            return BackupService(self.database)

        return self._get("backups", build)

    @property
    def signers(self) -> Signers:
        """The judges' keys opened at sign-in in this process."""

        def build() -> Signers:
            from juryapp.services.judge_keys import Signers  # noqa: PLC0415

            return Signers()

        return self._get("signers", build)

    @property
    def judge_keys(self) -> JudgeKeyService:
        def build() -> JudgeKeyService:
            from juryapp.services.judge_keys import JudgeKeyService  # noqa: PLC0415

            return JudgeKeyService(self.database, self.signers, self._kdf_cost)

        return self._get("judge_keys", build)

    @property
    def laptop(self) -> LaptopService:
        def build() -> LaptopService:
            from juryapp.services.laptop import LaptopService  # noqa: PLC0415

            return LaptopService(self.database)

        return self._get("laptop", build)

    @property
    def hub(self) -> HubService:
        def build() -> HubService:
            from juryapp.services.hub import HubService  # noqa: PLC0415

            return HubService(self.database)

        return self._get("hub", build)

    def hold_writer_lock(self, program: str) -> None:
        """Take the database's writer lock until ``close`` (a SQLite file; a server database
        has none); raises ``DatabaseInUseError`` naming who holds it when another app writes
        it. Call it off the GUI thread: the lock file may sit on a slow stick."""
        if self._writer_lock is not None:
            return
        from juryapp.persistence.engine import resolve_url, sqlite_file  # noqa: PLC0415
        from juryapp.persistence.instance_lock import InstanceLock  # noqa: PLC0415

        path = sqlite_file(resolve_url(self.target))
        if path is not None:
            self._writer_lock = InstanceLock(path, program).acquire()

    def close(self) -> None:
        """Let work still running finish, close the database and let its writer lock go."""
        runner = self._built.get("runner")
        if runner is not None:
            runner.close()
        reckoner = self._built.get("reckoner")
        if reckoner is not None:
            reckoner.close()
        database = self._built.get("database")
        if database is not None:
            database.close()
        if self._writer_lock is not None:
            self._writer_lock.release()
            self._writer_lock = None


def bootstrap(
    target: str | os.PathLike[str] | None = None,
    *,
    clock: Clock | None = None,
    hasher: PasswordHasher | None = None,
    runner: Ops | None = None,
    kdf_cost: KdfCost | None = None,
    read_only: bool = False,
    reads_apart: bool = False,
) -> Services:
    """The services over the database at a path or URL, opened when first needed.

    ``clock`` decides what time-dependent rules see (lockouts, who presents now; the audit
    trail always stamps the real time); ``hasher`` checks passphrases and PINs (Argon2id at
    its production cost by default); ``runner`` runs the desktop app's service calls off its
    GUI thread; ``kdf_cost`` is the Argon2id cost of the key's passphrase. ``read_only``
    opens a SQLite file for reading only; ``reads_apart`` does the secretariat's long reads in
    a second process (``juryapp/reckoner.py``), as the desktop app does.
    """
    return Services(
        target,
        clock=clock or system_clock,
        hasher=hasher,
        runner=runner,
        kdf_cost=kdf_cost,
        read_only=read_only,
        reads_apart=reads_apart,
    )


def default_database_path() -> Path:
    """The database the app and the command line use when none is named."""
    from juryapp.persistence.engine import default_database_path as default  # noqa: PLC0415

    return default()


def shown_target(target: str | os.PathLike[str]) -> str:
    """A database as people may see it: a server's URL without its password."""
    text = os.fspath(target)
    if "://" not in text:
        return text
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    return make_url(text).render_as_string(hide_password=True)
