"""The composition root: one place that opens the database and wires the services."""

from __future__ import annotations

import os
from dataclasses import dataclass

from juryapp.persistence.database import Database
from juryapp.services.accounts import AccountService
from juryapp.services.imports import ImportService
from juryapp.services.publishing import PublishingService
from juryapp.services.results import ResultsService
from juryapp.services.scoring import ScoringService
from juryapp.services.setup import SetupService


@dataclass(frozen=True)
class Services:
    database: Database
    setup: SetupService
    accounts: AccountService
    scoring: ScoringService
    results: ResultsService
    imports: ImportService
    publishing: PublishingService

    def close(self) -> None:
        self.database.close()


def open_services(target: str | os.PathLike[str] | None = None) -> Services:
    database = Database.open(target)
    setup = SetupService(database)
    results = ResultsService(database)
    return Services(
        database=database,
        setup=setup,
        accounts=AccountService(database),
        scoring=ScoringService(database),
        results=results,
        imports=ImportService(database, setup),
        publishing=PublishingService(database, results, setup),
    )
