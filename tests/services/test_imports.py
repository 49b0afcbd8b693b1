"""Imports that change only what differs, keep what the file does not say, and take abstentions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.messages import FileProblemError
from juryapp.interchange.tabular import write_table
from juryapp.services.backups import BackupService
from juryapp.services.imports import ImportService
from tests.dump import logical_dump
from tests.services.conftest import CRITERIA, Stack


@pytest.fixture
def imports(stack: Stack) -> ImportService:
    return ImportService(stack.database, stack.setup)


def scores_file(
    tmp_path: Path, rows: list[list[str]], name: str = "nilai.csv", note: bool = True
) -> Path:
    path = tmp_path / name
    headers = ["juri", "tim", "kriteria", "skor", "catatan", "tidak menilai"]
    width = 6 if note else 4
    write_table(path, headers[:width], [row[:width] for row in rows])
    return path


def sheet_rows(judge: str, team: str, score: str = "4", note: str = "") -> list[list[str]]:
    return [[judge, team, code, score, note, ""] for code in CRITERIA]


def refused(call: object, stack: Stack) -> FileProblemError:
    before = logical_dump(stack)
    with pytest.raises(FileProblemError) as caught:
        call()  # type: ignore[operator]
    assert logical_dump(stack) == before
    return caught.value


def test_an_equal_teams_file_writes_nothing(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    spec = stack.setup.spec()
    path = tmp_path / "tim.xlsx"
    write_table(
        path,
        ["code", "institution", "category", "title", "pillar", "programme", "members", "day",
         "order", "time"],
        [
            [t.code, t.institution, t.category, t.title, t.pillar, t.programme,
             "; ".join(t.members), t.day, t.order, t.time.strftime("%H.%M") if t.time else None]
            for t in spec.teams
        ],
    )  # fmt: skip
    before = logical_dump(stack)
    summary = imports.import_teams(sek1, path)
    assert (summary.added, summary.changed, summary.unchanged) == (0, 0, len(spec.teams))
    assert logical_dump(stack) == before  # not even an audit event


def test_a_column_the_file_lacks_keeps_what_is_stored(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    team = stack.setup.spec().teams[0]
    assert team.members and team.day is not None
    path = tmp_path / "tim.csv"
    write_table(path, ["Kode", "Institusi", "Kategori", "Judul"],
                [[team.code, team.institution, team.category, "Judul baru"]])  # fmt: skip
    summary = imports.import_teams(sek1, path)
    assert (summary.added, summary.changed) == (0, 1)
    [after] = [t for t in stack.setup.spec().teams if t.code == team.code]
    assert after == replace(team, title="Judul baru")


def test_the_apps_own_headings_are_understood(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "tim.csv"
    write_table(
        path,
        ["Kode", "Institusi", "Kategori", "Judul inovasi", "Anggota (pisahkan dengan ;)", "Hari",
         "No.", "Waktu"],
        [["PKM-09", "Puskesmas Kedoya", "PKM", "Inovasi", "Ani; Budi", "1", "9", "15.30"]],
    )  # fmt: skip
    imports.import_teams(sek1, path)
    [team] = [t for t in stack.setup.spec().teams if t.code == "PKM-09"]
    assert (team.members, team.day, team.order) == (("Ani", "Budi"), 1, 9)


def test_an_unknown_heading_is_refused_with_the_accepted_ones(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "tim.csv"
    write_table(path, ["Kode", "Institusi", "Kategori", "Judul", "Nomor HP"],
                [["PKM-09", "Puskesmas", "PKM", "Inovasi", "0812"]])  # fmt: skip
    error = refused(lambda: imports.import_teams(sek1, path), stack)
    assert (error.row, error.column) == (1, "Nomor HP")
    assert "code, institution, category, title" in error.text.en
    assert "kode, institusi, kategori, judul" in error.text.id


def test_scores_import_then_replay_changes_nothing(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    path = scores_file(tmp_path, sheet_rows("J1", "PKM-01", note="jelas"))
    first = imports.import_scores(sek1, path)
    assert (first.added, first.changed) == (8, 0)
    [event] = stack.events("scores.import")
    assert event.details["added"] == 8
    before = logical_dump(stack)
    again = imports.import_scores(sek1, path)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 8)
    assert logical_dump(stack) == before


def test_an_empty_note_keeps_the_stored_one_and_a_new_note_is_taken(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    rows = sheet_rows("J1", "PKM-01", note="catatan pertama")[:7]  # the sheet stays a draft
    imports.import_scores(sek1, scores_file(tmp_path, rows))
    plain = imports.import_scores(sek1, scores_file(tmp_path, rows, "polos.csv", note=False))
    assert (plain.changed, plain.unchanged) == (0, 7)
    rows[0][4] = "catatan kedua"
    changed = imports.import_scores(sek1, scores_file(tmp_path, rows, "baru.csv"))
    assert (changed.changed, changed.unchanged) == (1, 6)
    view = stack.scoring.sheet(sek1, "J1", "PKM-01")
    assert [line.note for line in view.lines[:2]] == ["catatan kedua", "catatan pertama"]


def test_a_new_note_for_a_handed_in_sheet_is_refused(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    rows = sheet_rows("J1", "PKM-01")
    imports.import_scores(sek1, scores_file(tmp_path, rows))  # complete: handed in
    rows[2][4] = "terlambat"
    error = refused(
        lambda: imports.import_scores(sek1, scores_file(tmp_path, rows, "b.csv")), stack
    )
    assert error.row == 4 and "correction" in error.text.en


def test_an_abstention_is_recorded_as_the_secretariat_records_one(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    path = scores_file(tmp_path, [["J2", "PKM-06", "", "", "", "Juri sakit"]])
    summary = imports.import_scores(sek1, path)
    assert summary.abstained == 1
    assert stack.scoring.sheet(sek1, "J2", "PKM-06").abstained
    [event] = stack.events("sheet.abstain")
    assert event.subject == "J2/PKM-06" and event.details == {"reason": "Juri sakit"}
    before = logical_dump(stack)
    assert imports.import_scores(sek1, path).abstained == 0
    assert logical_dump(stack) == before
    # ...and the convention file written from the set-up carries it
    assert [(a.judge, a.team, a.reason) for a in stack.setup.spec().abstentions] == [
        ("J2", "PKM-06", "Juri sakit")
    ]


@pytest.mark.parametrize(
    ("rows", "row", "column"),
    [
        ([["J2", "PKM-06", "K1", "4", "", "sakit"]], 2, "tidak menilai"),
        (
            [["J2", "PKM-06", "K1", "4", "", ""], ["J2", "PKM-06", "", "", "", "sakit"]],
            3,
            "tidak menilai",
        ),
        ([["J2", "PKM-06", "", "", "", "sakit"], ["J2", "PKM-06", "K1", "4", "", ""]], 3, "skor"),
        (
            [["J2", "PKM-06", "", "", "", "sakit"], ["J2", "PKM-06", "", "", "", "cuti"]],
            3,
            "tidak menilai",
        ),
        ([["J2", "PKM-06", "K1", "", "", ""]], 2, "skor"),
        ([["J2", "PKM-06", "", "4", "", ""]], 2, "kriteria"),
        ([["J5", "RSS-02", "", "", "", "sakit"]], 2, "juri"),  # a conflict, not an abstention
        ([["J2", "PKM-06", "K1", "empat", "", ""]], 2, "skor"),
        ([["J2", "PKM-06", "K1", "4", "baris\x00", ""]], 2, "catatan"),
    ],
)
def test_rows_that_contradict_each_other_are_refused_whole(
    stack: Stack,
    imports: ImportService,
    sek1: Actor,
    tmp_path: Path,
    rows: list[list[str]],
    row: int,
    column: str,
) -> None:
    path = scores_file(tmp_path, rows)
    error = refused(lambda: imports.import_scores(sek1, path), stack)
    assert (error.row, error.column) == (row, column)  # the column as the file names it


@pytest.mark.parametrize(
    ("headings", "cells", "column"),
    [
        (["Kode", "Institusi", "Kategori", "Judul"], ["PKM-09", "Pusk", "XYZ", "J"], "Kategori"),
        (["code", "institution", "category", "title"], ["PKM-09", "Pusk", "XYZ", "J"], "category"),
        (["kode", "institusi", "kategori", "judul", "urutan"], ["PKM-09", "Pusk", "PKM", "J", "x"],
         "urutan"),
        (["kode", "institusi", "kategori", "judul"], ["PKM-01", "Pusk", "PKM", "J"], "kode"),
    ],
)  # fmt: skip
def test_a_team_refused_names_its_column_as_the_file_does(
    stack: Stack,
    imports: ImportService,
    sek1: Actor,
    tmp_path: Path,
    headings: list[str],
    cells: list[str],
    column: str,
) -> None:
    """An unknown category (a set-up problem), a bad whole number, a code used twice."""
    path = tmp_path / "tim.csv"
    rows = [cells, ["PKM-01", "Lain", "PKM", "Lain", *cells[4:]]] if column == "kode" else [cells]
    write_table(path, headings, rows)
    error = refused(lambda: imports.import_teams(sek1, path), stack)
    assert (error.row, error.column) == (3 if column == "kode" else 2, column)


@pytest.mark.sqlite_only  # a PostgreSQL hub is backed up with pg_dump
def test_a_changing_import_leaves_a_backup_and_a_replay_does_not(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    backups = BackupService(stack.database)
    path = scores_file(tmp_path, sheet_rows("J1", "PKM-01"))
    imports.import_scores(sek1, path)
    [made] = backups.backups()
    assert made.reason == "import"
    imports.import_scores(sek1, path)
    assert backups.backups() == [made]
