"""Every parser a file can be handed to, applied to a database: add a new kind here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from juryapp.domain.access import Actor
from juryapp.interchange.convention_file import read_convention_file
from juryapp.services.backups import BackupService
from juryapp.services.imports import ImportService
from tests.services.conftest import Stack

Parser = Callable[[Stack, Actor, Path], object]


def _convention(stack: Stack, actor: Actor, path: Path) -> object:
    # "Open convention file…": the whole set-up replaced from the file
    stack.setup.update(actor, read_convention_file(path))
    return None


PARSERS: dict[str, Parser] = {
    "teams": lambda s, a, p: ImportService(s.database, s.setup).import_teams(a, p),
    "judges": lambda s, a, p: ImportService(s.database, s.setup).import_judges(a, p),
    "scores": lambda s, a, p: ImportService(s.database, s.setup).import_scores(a, p),
    "convention": _convention,
    "backup": lambda s, a, p: BackupService(s.database).restore(a, p),
}
