"""A spreadsheet of paper scores refused: the row, the column and the reason, word for word."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import JuryError, Text
from juryapp.services import state
from juryapp.services.imports import ImportService
from tests.services.conftest import CRITERIA, Stack
from tests.services.test_imports import imports, refused, scores_file, sheet_rows
from tests.services.test_merge_details import submitted_at

__all__ = ["imports"]

BOTH = Text(
    "isi skor atau alasan tidak menilai, bukan keduanya",
    "give a score or a reason for not scoring, not both",
)
NO_SCORE = Text(
    "skor kosong; isi skor, atau alasan di kolom tidak menilai bila juri tidak menilai tim ini",
    "the score is empty; give a score, or a reason in the abstain column if the judge did not "
    "score this team",
)


def line(criterion: str, score: str, reason: str = "") -> list[str]:
    """A row of J2's sheet for PKM-06."""
    return ["J2", "PKM-06", criterion, score, "", reason]


def says_otherwise(row: int) -> Text:
    return Text(
        f"baris {row} berkata lain tentang J2/PKM-06: juri yang tidak menilai tidak memberi skor",
        f"row {row} says otherwise about J2/PKM-06: a judge who does not score gives no scores",
    )


@pytest.mark.parametrize(
    ("rows", "row", "column", "why"),
    [
        ([["J2", "PKM-06", "K1", "4", "", "sakit"]], 2, "tidak menilai", BOTH),
        (
            [line("K1", "4"), line("K2", "4"), line("", "", "sakit")],
            4,
            "tidak menilai",
            says_otherwise(2),
        ),
        (
            [["J2", "PKM-06", "", "", "", "sakit"], ["J2", "PKM-06", "K1", "4", "", ""]],
            3,
            "skor",
            says_otherwise(2),
        ),
        (
            [line("", "", "sakit"), line("", "", "sakit"), line("", "", "cuti")],
            4,
            "tidak menilai",
            Text(
                "alasan lain untuk J2/PKM-06 sudah ada di baris 2",
                "another reason for J2/PKM-06 is given on row 2",
            ),
        ),
        ([["J2", "PKM-06", "K1", "", "", ""]], 2, "skor", NO_SCORE),
        (
            [["J2", "PKM-06", "", "4", "", ""]],
            2,
            "kriteria",
            Text("kriteria wajib diisi pada baris skor", "a score row needs its criterion"),
        ),
        (
            [["J5", "RSS-02", "K1", "4", "", ""]],
            2,
            "juri",
            Text(
                "juri J5 memiliki konflik kepentingan dengan tim RSS-02",
                "judge J5 has a conflict of interest with team RSS-02",
            ),
        ),
        (
            [["J2", "PKM-06", "K1", "empat", "", ""]],
            2,
            "skor",
            Text(
                "'empat' bukan angka; tulis misalnya 4 atau 4,5",
                "'empat' is not a number; write e.g. 4 or 4.5",
            ),
        ),
        (
            [["J9", "PKM-06", "K1", "4", "", ""]],
            2,
            "juri",
            Text("juri 'J9' tidak dikenal", "unknown judge 'J9'"),
        ),
        (
            [["J2", "PKM-99", "K1", "4", "", ""]],
            2,
            "tim",
            Text("tim 'PKM-99' tidak dikenal", "unknown team 'PKM-99'"),
        ),
        (
            [["J2", "PKM-06", "K9", "4", "", ""]],
            2,
            "kriteria",
            Text("kriteria 'K9' tidak dikenal", "unknown criterion 'K9'"),
        ),
        (
            [line("K1", "4"), line("K2", "3"), line("K1", "4")],
            4,
            "kriteria",
            Text(
                "skor J2/PKM-06/K1 sudah ada di baris 2",
                "score J2/PKM-06/K1 already given on row 2",
            ),
        ),
        (
            [line("", "", "sakit\nkeras")],
            2,
            "tidak menilai",
            Text(
                "tidak boleh berisi baris baru atau tab; tulis dalam satu baris",
                "must not hold a line break or a tab; write it on one line",
            ),
        ),
        (
            [["J2", "PKM-06", "K1", "4", "baik\x07", ""]],
            2,
            "catatan",
            Text(
                "berisi karakter kendali U+0007 di posisi 5; ketik ulang teksnya",
                "holds the control character U+0007 at position 5; type the text again",
            ),
        ),
    ],
    ids=[
        "score-and-reason",
        "reason-after-scores",
        "score-after-reason",
        "two-reasons",
        "no-score",
        "no-criterion",
        "conflict",
        "not-a-number",
        "unknown-judge",
        "unknown-team",
        "unknown-criterion",
        "score-twice",
        "reason-over-two-lines",
        "control-character-in-a-note",
    ],
)
def test_a_refused_row_is_named_with_its_column_and_why(
    stack: Stack,
    imports: ImportService,
    sek1: Actor,
    tmp_path: Path,
    rows: list[list[str]],
    row: int,
    column: str,
    why: Text,
) -> None:
    path = scores_file(tmp_path, rows)
    error = refused(lambda: imports.import_scores(sek1, path), stack)
    assert (error.file, error.row, error.column, error.text) == (path.name, row, column, why)


def test_the_same_reason_twice_is_one_abstention(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    rows = [["J2", "PKM-06", "", "", "", "sakit"], ["J2", "PKM-06", "", "", "", "sakit"]]
    summary = imports.import_scores(sek1, scores_file(tmp_path, rows))
    assert [(a.judge, a.team, a.reason) for a in stack.setup.spec().abstentions] == [
        ("J2", "PKM-06", "sakit")
    ]
    assert (summary.rows, summary.abstained) == (2, 1)


def test_a_complete_paper_sheet_is_handed_in_and_a_partial_one_stays_a_draft(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    rows = [*sheet_rows("J2", "PKM-06"), *sheet_rows("J3", "PKM-06")[:3]]
    imports.import_scores(sek1, scores_file(tmp_path, rows))
    complete = stack.scoring.sheet(sek1, "J2", "PKM-06")
    partial = stack.scoring.sheet(sek1, "J3", "PKM-06")
    assert (complete.status, partial.status) == (SheetStatus.SUBMITTED, SheetStatus.DRAFT)
    assert submitted_at(stack, "J2", "PKM-06") is not None
    assert submitted_at(stack, "J3", "PKM-06") is None


def test_a_score_off_the_scale_is_refused_as_the_rubric_says(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    [criterion] = [c for c in stack.setup.spec().criteria if c.code == "K1"]
    with pytest.raises(JuryError) as off_scale:
        criterion.check_score(Decimal(99))
    path = scores_file(tmp_path, [line("K1", "99")])
    error = refused(lambda: imports.import_scores(sek1, path), stack)
    assert (error.row, error.column, error.text) == (2, "skor", off_scale.value.text)


def test_scores_changed_cleared_or_handed_in(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    for code in ("K1", "K2", "K3"):
        stack.scoring.set_score(sek1, "J2", "PKM-06", code, Decimal(3))
    stack.scoring.set_score(sek1, "J2", "PKM-06", "K3", None)  # typed, then cleared
    rows = [line("K1", "4"), line("K2", "5"), line("K3", "2")]
    summary = imports.import_scores(sek1, scores_file(tmp_path, rows))
    assert (summary.added, summary.changed, summary.unchanged) == (0, 3, 0)
    values = [line.value for line in stack.scoring.sheet(sek1, "J2", "PKM-06").lines[:3]]
    assert values == [4, 5, 2]
    for code in CRITERIA[3:]:
        stack.scoring.set_score(sek1, "J2", "PKM-06", code, Decimal(3))
    stack.scoring.submit(sek1, "J2", "PKM-06")
    path = scores_file(tmp_path, [line("K1", "4"), line("K2", "1")], name="lagi.csv")
    error = refused(lambda: imports.import_scores(sek1, path), stack)
    assert (error.file, error.row, error.column, error.text) == (
        "lagi.csv",
        3,
        "skor",
        Text(
            "lembar J2/PKM-06 sudah diserahkan atau diisi juri; ubah lewat koreksi",
            "sheet J2/PKM-06 is handed in or typed by the judge; use a correction",
        ),
    )


def test_abstentions_already_recorded_are_passed_over_and_the_new_ones_counted(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    stack.scoring.abstain(sek1, "J2", "PKM-06", "sakit")
    rows = [
        ["J2", "PKM-06", "", "", "", "sakit"],
        ["J3", "PKM-06", "", "", "", "cuti"],
        ["J4", "PKM-06", "", "", "", "dinas luar"],
    ]
    summary = imports.import_scores(sek1, scores_file(tmp_path, rows))
    assert summary.abstained == 2
    assert sorted((a.judge, a.team, a.reason) for a in stack.setup.spec().abstentions) == [
        ("J2", "PKM-06", "sakit"),
        ("J3", "PKM-06", "cuti"),
        ("J4", "PKM-06", "dinas luar"),
    ]


def test_a_sheet_an_import_adds_is_a_plain_paper_draft(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    imports.import_scores(sek1, scores_file(tmp_path, sheet_rows("J2", "PKM-06")[:2]))
    view = stack.scoring.sheet(sek1, "J2", "PKM-06")
    assert (view.status, view.source, view.note, view.abstained, view.entered_by) == (
        SheetStatus.DRAFT,
        SheetSource.PAPER,
        "",
        False,
        "sek1",
    )
    with stack.database.reading() as session:
        recorded = state.sheet_states(session.connection())["J2/PKM-06"]
    assert (recorded["abstained"], recorded["reason"], recorded["note"]) == (False, "", "")


def test_a_note_may_span_lines(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    rows = sheet_rows("J2", "PKM-06", note="baris satu\nbaris dua")
    imports.import_scores(sek1, scores_file(tmp_path, rows))
    lines = stack.scoring.sheet(sek1, "J2", "PKM-06").lines
    assert {line.note for line in lines} == {"baris satu\nbaris dua"}


def test_an_import_records_the_state_of_the_sheets_it_wrote_and_no_other(
    stack: Stack, imports: ImportService, sek1: Actor, tmp_path: Path
) -> None:
    stack.scoring.set_score(sek1, "J3", "PKM-01", "K1", Decimal(3))  # a sheet the file leaves
    rows = sheet_rows("J2", "PKM-06", score="3")
    imports.import_scores(sek1, scores_file(tmp_path, rows, name="kertas.csv"))
    [event] = stack.events("scores.import")
    assert (event.actor, event.subject) == ("sek1", "kertas.csv")
    assert list(event.state["sheets"]) == ["J2/PKM-06"]
    assert (event.details["rows"], event.details["added"], event.details["changed"]) == (
        len(CRITERIA),
        len(CRITERIA),
        0,
    )
