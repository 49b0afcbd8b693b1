"""The composition root: one place that opens the database and wires the services."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from juryapp.persistence.database import Database
    from juryapp.services.accounts import AccountService
    from juryapp.services.backups import BackupService
    from juryapp.services.imports import ImportService
    from juryapp.services.publishing import PublishingService
    from juryapp.services.results import ResultsService
    from juryapp.services.scoring import ScoringService
    from juryapp.services.setup import SetupService

T = TypeVar("T")

# The database and every service are built on first use, not here: SQLAlchemy, openpyxl,
# ReportLab and pyHanko are most of the start-up time, and the desktop app shows its window
# before it needs any of them. Opening errors therefore surface at the first call that needs
# the database (``ensure_open()`` forces it where an error must be reported at once).


class Services:
    """The services over one database; each is built once, on first use, from any thread."""

    def __init__(self, target: str | os.PathLike[str] | None = None) -> None:
        self.target = target
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

            return Database.open(self.target)

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

            return AccountService(self.database)

        return self._get("accounts", build)

    @property
    def scoring(self) -> ScoringService:
        def build() -> ScoringService:
            from juryapp.services.scoring import ScoringService  # noqa: PLC0415

            return ScoringService(self.database)

        return self._get("scoring", build)

    @property
    def results(self) -> ResultsService:
        def build() -> ResultsService:
            from juryapp.services.results import ResultsService  # noqa: PLC0415

            return ResultsService(self.database)

        return self._get("results", build)

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

            return PublishingService(self.database, self.results, self.setup)

        return self._get("publishing", build)

    @property
    def backups(self) -> BackupService:
        def build() -> BackupService:
            from juryapp.services.backups import BackupService  # noqa: PLC0415

            return BackupService(self.database)

        return self._get("backups", build)

    def close(self) -> None:
        database = self._built.get("database")
        if database is not None:
            database.close()


def open_services(target: str | os.PathLike[str] | None = None) -> Services:
    """The services over the database at a path or URL, opened when first needed."""
    return Services(target)
