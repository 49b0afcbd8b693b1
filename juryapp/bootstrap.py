"""The composition root: one place that opens the database and wires the services."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from juryapp.persistence.database import Database
    from juryapp.reports.key_vault import KdfCost
    from juryapp.services.accounts import AccountService
    from juryapp.services.backups import BackupService
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
# the database (``ensure_open()`` forces it where an error must be reported at once).


class Services:
    """The services over one database; each is built once, on first use, from any thread."""

    def __init__(
        self,
        target: str | os.PathLike[str] | None = None,
        *,
        hasher: PasswordHasher | None = None,
        kdf_cost: KdfCost | None = None,
    ) -> None:
        self.target = target
        self._hasher = hasher  # None: Argon2id at its production cost (tests pass cheaper ones)
        self._kdf_cost = kdf_cost
        self._lock = threading.RLock()
        self._built: dict[str, Any] = {}

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

            database = Database.open(self.target)
            if database.read_only is None:
                ensure_baseline(database)  # a trail from an older version gets its replay start
            return database

        return self._get("database", build)

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

            return AccountService(self.database, self._hasher)

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

    def close(self) -> None:
        database = self._built.get("database")
        if database is not None:
            database.close()


def open_services(
    target: str | os.PathLike[str] | None = None,
    *,
    hasher: PasswordHasher | None = None,
    kdf_cost: KdfCost | None = None,
) -> Services:
    """The services over the database at a path or URL, opened when first needed."""
    return Services(target, hasher=hasher, kdf_cost=kdf_cost)
