"""A corpus case: a file, the parser it is handed to, and what that parser must do with it."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

FILES = Path(__file__).with_name("files")
CASES = Path(__file__).with_name("cases.toml")

Expect = Literal["refused", "accepted"]


@dataclass(frozen=True)
class Case:
    """``make(folder, database)`` writes the file into ``folder`` and returns its path; a
    backup case builds its file from ``database``, the database it is handed to.

    A refusal must name the file, and ``row``/``column`` (the line and key of a text file)
    when they are given.
    """

    parser: str
    name: str
    make: Callable[[Path, Path], Path]
    expect: Expect
    row: int | None = None
    column: str | None = None

    @property
    def id(self) -> str:
        return f"{self.parser}/{self.name}"


def _copier(source: Path) -> Callable[[Path, Path], Path]:
    def make(folder: Path, _database: Path) -> Path:
        target = folder / source.name
        target.write_bytes(source.read_bytes())
        return target

    return make


def file_cases() -> list[Case]:
    """The files in ``files/<parser>/`` with what ``cases.toml`` expects of each."""
    expected = tomllib.loads(CASES.read_text(encoding="utf-8"))
    cases = []
    for parser, entries in expected.items():
        on_disk = {p.name for p in (FILES / parser).iterdir()}
        missing = set(entries) ^ on_disk
        if missing:
            raise AssertionError(f"cases.toml and files/{parser} disagree about {sorted(missing)}")
        for name, entry in sorted(entries.items()):
            cases.append(
                Case(
                    parser,
                    name,
                    _copier(FILES / parser / name),
                    entry["expect"],
                    entry.get("row"),
                    entry.get("column"),
                )
            )
    return cases
