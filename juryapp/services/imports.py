"""Importing teams, judges and paper scores from spreadsheets: all rows or none."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import time
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.formatting import parse_decimal
from juryapp.domain.kinds import JudgeRole
from juryapp.domain.messages import FileProblemError, Text, shown
from juryapp.domain.model import Judge, Team
from juryapp.domain.validation import check_spec
from juryapp.interchange.columns import JUDGE_COLUMNS, SCORE_COLUMNS, TEAM_COLUMNS
from juryapp.interchange.tabular import Row, read_table
from juryapp.persistence.database import Database
from juryapp.services import audit
from juryapp.services.score_import import ScorePlan
from juryapp.services.setup import SetupService, UpsertTable, with_upserted
from juryapp.services.snapshot import convention_row

Item = TypeVar("Item", Team, Judge)

ROLE_WORDS = {
    "chair": "chair",
    "ketua": "chair",
    "member": "member",
    "anggota": "member",
    "": "member",
}


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    added: int
    changed: int
    unchanged: int = 0
    abstained: int = 0  # abstentions recorded (scores only)


class ImportService:
    def __init__(self, database: Database, setup: SetupService) -> None:
        self._db = database
        self._setup = setup

    def import_teams(self, actor: Actor, path: Path) -> ImportSummary:
        require_secretariat(actor)
        rows = read_table(path, TEAM_COLUMNS)
        return self._import_records(actor, path, rows, "teams", [_team(path.name, r) for r in rows])

    def import_judges(self, actor: Actor, path: Path) -> ImportSummary:
        require_secretariat(actor)
        rows = read_table(path, JUDGE_COLUMNS)
        judges = [_judge(path.name, r) for r in rows]
        return self._import_records(actor, path, rows, "judges", judges)

    def _import_records(
        self,
        actor: Actor,
        path: Path,
        rows: list[Row],
        table: UpsertTable,
        items: Sequence[Team | Judge],
    ) -> ImportSummary:
        """Check the merged set-up first, so a problem names the spreadsheet row it came from.

        A column the file does not have keeps what is stored; rows equal to what is stored
        change nothing, and a file of nothing but such rows writes nothing at all.
        """
        _no_repeats(path.name, rows, [x.code for x in items], "code")
        spec = self._setup.spec()
        stored = {x.code: x for x in getattr(spec, table)}
        items = [
            _kept(item, stored.get(item.code), row) for item, row in zip(items, rows, strict=True)
        ]
        candidate = with_upserted(spec, table, items)
        merged: Sequence[Team | Judge] = getattr(candidate, table)
        _refuse_problems(path.name, rows, items, merged, table, check_spec(candidate))
        different = [x for x in items if stored.get(x.code) != x]
        if not different:
            return ImportSummary(len(rows), 0, 0, len(items))
        added, changed = self._setup.upsert(actor, table, different)
        _back_up(self._db)
        return ImportSummary(len(rows), added, changed, len(items) - len(different))

    def import_scores(self, actor: Actor, path: Path) -> ImportSummary:
        """Paper sheets typed into a spreadsheet; complete sheets are handed in for confirmation.

        A row gives a criterion's score, or a reason in the abstain column for a judge who does
        not score the team (recorded as ``ScoringService.abstain`` records it). Replaying the
        same file changes nothing, and an empty note never clears a stored one. A sheet already
        handed in is never changed by an import (that is a correction, with a reason); a row
        that would do so is refused. A CSV file whose last row has no line end is refused as
        possibly cut short.
        """
        require_secretariat(actor)
        rows = read_table(path, SCORE_COLUMNS, complete_rows=True)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with self._db.writing() as session:
            if convention_row(session).results_locked:
                raise FileProblemError(
                    Text("hasil sudah dikunci; nilai tidak dapat diimpor",
                         "the results are locked; scores cannot be imported"),
                    file=path.name,
                )  # fmt: skip
            plan = ScorePlan(session, path.name)
            for row in rows:
                plan.add(row)
            changes = plan.apply(actor)
            if changes.any:
                audit.record_sheets(
                    session,
                    actor,
                    "scores.import",
                    path.name,
                    changes.sheet_ids,
                    sha256=digest,
                    rows=len(rows),
                    added=changes.added,
                    changed=changes.changed,
                    abstained=changes.abstained,
                )
        if changes.any:
            _back_up(self._db)
        return ImportSummary(
            len(rows), changes.added, changes.changed, changes.unchanged, changes.abstained
        )


def _back_up(database: Database) -> None:
    """A backup after every import that changed something (see services.backups)."""
    from juryapp.services.backups import back_up_automatically  # noqa: PLC0415

    back_up_automatically(database, "import")


def _kept(item: Item, stored: Item | None, row: Row) -> Item:
    """``item`` with the stored value of every field whose column the file does not have
    (a team's or judge's fields are named as their spreadsheet columns)."""
    if stored is None:
        return item
    absent = {
        f.name: getattr(stored, f.name)
        for f in fields(item)
        if f.name != "code" and f.name not in row.given
    }
    return replace(item, **absent) if absent else item


def _cell(row: Row, key: str) -> str:
    return row.values.get(key, "").strip()


def _integer(file: str, row: Row, key: str) -> int | None:
    text = _cell(row, key)
    if not text:
        return None
    try:
        value = parse_decimal(text)
    except ValueError:
        value = Decimal("NaN")
    if not value.is_finite() or value != value.to_integral_value():
        raise FileProblemError(
            Text("'{v}' bukan bilangan bulat", "'{v}' is not a whole number").format(
                v=shown(text)
            ),
            file=file, row=row.number, column=row.heading(key),
        )  # fmt: skip
    return int(value)


def _time(file: str, row: Row, key: str) -> time | None:
    text = _cell(row, key)
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})(?:[.:]\d{2})?", text)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise FileProblemError(
            Text("jam '{v}' tidak sah; tulis seperti 09.30",
                 "time '{v}' is not valid; write e.g. 09:30").format(v=shown(text)),
            file=file, row=row.number, column=row.heading(key),
        )  # fmt: skip
    return time(int(match[1]), int(match[2]))


def _team(file: str, row: Row) -> Team:
    members = [m.strip() for m in re.split(r"[;\n|]", _cell(row, "members")) if m.strip()]
    return Team(
        code=_cell(row, "code"),
        institution=_cell(row, "institution"),
        category=_cell(row, "category"),
        title=_cell(row, "title"),
        pillar=_cell(row, "pillar"),
        programme=_cell(row, "programme"),
        members=tuple(members),
        day=_integer(file, row, "day"),
        order=_integer(file, row, "order"),
        time=_time(file, row, "time"),
    )


def _judge(file: str, row: Row) -> Judge:
    role = _cell(row, "role").casefold()
    if role not in ROLE_WORDS:
        raise FileProblemError(
            Text("peran '{v}' tidak dikenal; tulis ketua atau anggota",
                 "unknown role '{v}'; write chair or member").format(v=shown(role)),
            file=file, row=row.number, column=row.heading("role"),
        )  # fmt: skip
    return Judge(
        code=_cell(row, "code"),
        name=_cell(row, "name"),
        affiliation=_cell(row, "affiliation"),
        position=_cell(row, "position"),
        nip=_cell(row, "nip"),
        role=JudgeRole(ROLE_WORDS[role]),
    )


def _no_repeats(file: str, rows: list[Row], codes: list[str], column: str) -> None:
    seen: dict[str, int] = {}
    for row, code in zip(rows, codes, strict=True):
        if code in seen:
            raise FileProblemError(
                Text("kode '{c}' sudah dipakai di baris {r}", "code '{c}' already used on row {r}")
                .format(c=shown(code), r=seen[code]),
                file=file, row=row.number, column=row.heading(column),
            )  # fmt: skip
        seen[code] = row.number


def _refuse_problems(
    file: str,
    rows: list[Row],
    imported: Sequence[Team | Judge],
    merged: Sequence[Team | Judge],
    table: str,
    problems: list[tuple[str, Text]],
) -> None:
    """Report the first set-up problem at the spreadsheet row and column it comes from."""
    if not problems:
        return
    row_of = {item.code: row for item, row in zip(imported, rows, strict=True)}
    for where, text in problems:
        match = re.fullmatch(rf"{table}\[(\d+)\]\.?(\w*)", where)
        if match is not None:
            row = row_of.get(merged[int(match[1]) - 1].code)
            raise FileProblemError(
                text,
                file=file,
                row=row.number if row is not None else None,
                column=(row.heading(match[2]) if row is not None else match[2]) or None,
            )
    where, text = problems[0]
    raise FileProblemError(text, file=file, column=where)
