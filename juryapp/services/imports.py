"""Importing teams, judges and paper scores from spreadsheets: all rows or none."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.formatting import parse_decimal
from juryapp.domain.messages import FileProblemError, JuryError, Text
from juryapp.domain.model import (
    Criterion,
    Judge,
    JudgeRole,
    SheetSource,
    SheetStatus,
    Team,
)
from juryapp.domain.validation import check_spec
from juryapp.interchange.columns import JUDGE_COLUMNS, SCORE_COLUMNS, TEAM_COLUMNS
from juryapp.interchange.tabular import Row, read_table
from juryapp.persistence.database import Database
from juryapp.persistence.tables import CriterionRow, JudgeRow, ScoreRow, SheetRow, TeamRow
from juryapp.services import audit
from juryapp.services.setup import SetupService
from juryapp.services.snapshot import convention_row, load_spec

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


class ImportService:
    def __init__(self, database: Database, setup: SetupService) -> None:
        self._db = database
        self._setup = setup

    def import_teams(self, actor: Actor, path: Path) -> ImportSummary:
        require_secretariat(actor)
        rows = read_table(path, TEAM_COLUMNS)
        teams = [_team(path.name, row) for row in rows]
        _no_repeats(path.name, rows, [t.code for t in teams], "code")
        current = self._setup.spec()
        merged = {t.code: t for t in current.teams} | {t.code: t for t in teams}
        candidate = replace(current, teams=tuple(merged.values()))
        _refuse_problems(path.name, rows, teams, candidate.teams, "teams", check_spec(candidate))
        added, changed = self._setup.upsert_teams(actor, teams)
        return ImportSummary(len(rows), added, changed)

    def import_judges(self, actor: Actor, path: Path) -> ImportSummary:
        require_secretariat(actor)
        rows = read_table(path, JUDGE_COLUMNS)
        judges = [_judge(path.name, row) for row in rows]
        _no_repeats(path.name, rows, [j.code for j in judges], "code")
        current = self._setup.spec()
        merged = {j.code: j for j in current.judges} | {j.code: j for j in judges}
        candidate = replace(current, judges=tuple(merged.values()))
        _refuse_problems(path.name, rows, judges, candidate.judges, "judges", check_spec(candidate))
        added, changed = self._setup.upsert_judges(actor, judges)
        return ImportSummary(len(rows), added, changed)

    def import_scores(self, actor: Actor, path: Path) -> ImportSummary:
        """Paper sheets typed into a spreadsheet; complete sheets are handed in for confirmation.

        Replaying the same file changes nothing. A sheet already handed in is never changed by
        an import (that is a correction, with a reason); a row that would do so is refused.
        """
        require_secretariat(actor)
        rows = read_table(path, SCORE_COLUMNS)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with self._db.writing() as session:
            if convention_row(session).results_locked:
                raise FileProblemError(
                    Text("hasil sudah dikunci; nilai tidak dapat diimpor",
                         "the results are locked; scores cannot be imported"),
                    file=path.name,
                )  # fmt: skip
            plan = _ScorePlan(session, path.name)
            for row in rows:
                plan.add(row)
            summary = plan.apply(actor)
            audit.record(
                session,
                actor,
                "scores.import",
                path.name,
                sha256=digest,
                rows=len(rows),
                added=summary.added,
                changed=summary.changed,
            )
            return summary


class _ScorePlan:
    """Every row checked against the stored convention before anything is written."""

    def __init__(self, session: Session, file: str) -> None:
        self.session, self.file = session, file
        spec = load_spec(session)
        self.judge_ids = dict(session.execute(select(JudgeRow.code, JudgeRow.id)).all())
        self.team_ids = dict(session.execute(select(TeamRow.code, TeamRow.id)).all())
        self.criterion_ids = dict(session.execute(select(CriterionRow.code, CriterionRow.id)).all())
        self.criteria: dict[str, Criterion] = {c.code: c for c in spec.criteria}
        teams = {t.code: t for t in spec.teams}
        self.conflicts = {
            (c.judge, t.code) for c in spec.conflicts for t in teams.values() if c.covers(t)
        }
        self.values: dict[tuple[str, str], dict[str, tuple[Decimal, str, int]]] = defaultdict(dict)

    def fail(self, row: Row, column: str, text: Text) -> FileProblemError:
        return FileProblemError(text, file=self.file, row=row.number, column=column)

    def add(self, row: Row) -> None:
        judge, team, code = row.values["judge"], row.values["team"], row.values["criterion"]
        for column, value, known, noun in (
            ("judge", judge, self.judge_ids, Text("juri", "judge")),
            ("team", team, self.team_ids, Text("tim", "team")),
            ("criterion", code, self.criterion_ids, Text("kriteria", "criterion")),
        ):
            if value not in known:
                raise self.fail(
                    row,
                    column,
                    Text("{n} '{v}' tidak dikenal", "unknown {n} '{v}'").format(n=noun, v=value),
                )
        if (judge, team) in self.conflicts:
            raise self.fail(
                row,
                "judge",
                Text("juri {j} memiliki konflik kepentingan dengan tim {t}",
                     "judge {j} has a conflict of interest with team {t}").format(j=judge, t=team),
            )  # fmt: skip
        try:
            score = parse_decimal(row.values["score"])
            self.criteria[code].check_score(score)
        except ValueError as exc:
            raise self.fail(row, "score", Text(str(exc), str(exc))) from None
        except JuryError as exc:
            raise self.fail(row, "score", exc.text) from None
        sheet = self.values[(judge, team)]
        if code in sheet:
            raise self.fail(
                row,
                "criterion",
                Text("skor {j}/{t}/{c} sudah ada di baris {r}",
                     "score {j}/{t}/{c} already given on row {r}").format(
                    j=judge, t=team, c=code, r=sheet[code][2]),
            )  # fmt: skip
        sheet[code] = (score, row.values.get("note", ""), row.number)

    def apply(self, actor: Actor) -> ImportSummary:
        session = self.session
        sheets = {(s.judge_id, s.team_id): s for s in session.scalars(select(SheetRow))}
        stored: dict[tuple[int, int], ScoreRow] = {
            (s.sheet_id, s.criterion_id): s for s in session.scalars(select(ScoreRow))
        }
        now = audit.now()
        added = changed = unchanged = 0
        new_scores: list[dict[str, object]] = []
        for (judge, team), scores in self.values.items():
            key = (self.judge_ids[judge], self.team_ids[team])
            sheet = sheets.get(key)
            if sheet is None:
                sheet = SheetRow(
                    judge_id=key[0], team_id=key[1], status=SheetStatus.DRAFT.value,
                    source=SheetSource.PAPER.value, entered_by=actor.user_id, note="",
                    abstain_reason="", updated_at=now,
                )  # fmt: skip
                session.add(sheet)
                session.flush()
            for code, (value, note, number) in scores.items():
                existing = stored.get((sheet.id, self.criterion_ids[code]))
                if existing is not None and existing.value == value:
                    unchanged += 1
                    continue
                if (
                    sheet.status != SheetStatus.DRAFT.value
                    or sheet.source != SheetSource.PAPER.value
                ):
                    raise FileProblemError(
                        Text("lembar {j}/{t} sudah diserahkan atau diisi juri; ubah lewat koreksi",
                             "sheet {j}/{t} is handed in or typed by the judge; use a correction")
                        .format(j=judge, t=team),
                        file=self.file, row=number, column="score",
                    )  # fmt: skip
                if existing is None:
                    new_scores.append({
                        "sheet_id": sheet.id, "criterion_id": self.criterion_ids[code],
                        "value": value, "note": note, "updated_at": now,
                        "updated_by": actor.user_id,
                    })  # fmt: skip
                    added += 1
                else:
                    existing.value, existing.note, existing.updated_at = value, note, now
                    changed += 1
            sheet.updated_at = now
        if new_scores:
            session.execute(insert(ScoreRow), new_scores)
        self._hand_in_complete()
        return ImportSummary(added + changed + unchanged, added, changed, unchanged)

    def _hand_in_complete(self) -> None:
        """A paper sheet with every criterion scored waits for the second person's check."""
        session = self.session
        counts = dict(
            session.execute(
                select(ScoreRow.sheet_id, func.count())
                .where(ScoreRow.value.is_not(None))
                .group_by(ScoreRow.sheet_id)
            ).all()
        )
        keys = {(self.judge_ids[j], self.team_ids[t]) for j, t in self.values}
        for sheet in session.scalars(select(SheetRow).where(SheetRow.status == "draft")):
            if (
                (sheet.judge_id, sheet.team_id) in keys
                and sheet.source == "paper"
                and counts.get(sheet.id, 0) == len(self.criteria)
            ):
                sheet.status = SheetStatus.SUBMITTED.value
                sheet.submitted_at = audit.now()


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
            Text("'{v}' bukan bilangan bulat", "'{v}' is not a whole number").format(v=text),
            file=file, row=row.number, column=key,
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
                 "time '{v}' is not valid; write e.g. 09:30").format(v=text),
            file=file, row=row.number, column=key,
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
                 "unknown role '{v}'; write chair or member").format(v=role),
            file=file, row=row.number, column="role",
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
                .format(c=code, r=seen[code]),
                file=file, row=row.number, column=column,
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
    row_of = {item.code: row.number for item, row in zip(imported, rows, strict=True)}
    for where, text in problems:
        match = re.fullmatch(rf"{table}\[(\d+)\]\.?(\w*)", where)
        if match is not None:
            code = merged[int(match[1]) - 1].code
            raise FileProblemError(text, file=file, row=row_of.get(code), column=match[2] or None)
    where, text = problems[0]
    raise FileProblemError(text, file=file, column=where)
