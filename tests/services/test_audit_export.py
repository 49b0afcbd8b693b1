"""The audit trail read page by page and written out: a table, or an annex in either language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select, update

from juryapp.domain.access import Actor
from juryapp.domain.messages import Text, ValidationError
from juryapp.interchange.tabular import Column, read_table
from juryapp.persistence.tables import AuditRow, TeamRow
from tests.services.conftest import Stack, open_stack

HEADINGS = ("seq", "at", "actor", "action", "subject", "details", "hash")
COLUMNS = [Column(key, (key,), required=key != "subject") for key in HEADINGS]
READER = Actor.reader()


def _flat(text: str) -> str:
    """PDF text without spaces or line ends: a long line may be wrapped anywhere."""
    return "".join(text.split())


def _pdf_text(path: Path) -> str:
    return _flat("".join(page.extract_text() for page in PdfReader(path).pages))


def test_the_trail_is_read_oldest_first_from_any_event_a_page_at_a_time(stack: Stack) -> None:
    with stack.database.reading() as session:
        rows = [
            (r.seq, r.at, r.actor, r.action, r.subject, r.details, r.hash)
            for r in session.scalars(select(AuditRow).order_by(AuditRow.seq))
        ]
    events = stack.integrity.events(READER)
    assert [(e.seq, e.at, e.actor, e.action, e.subject, e.details, e.hash) for e in events] == [
        (seq, at.isoformat(sep=" ", timespec="seconds"), actor, action, subject, details, hash_)
        for seq, at, actor, action, subject, details, hash_ in rows
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", e.at) for e in events)
    assert [e.seq for e in events] == list(range(1, len(rows) + 1))
    assert [e.seq for e in stack.integrity.events(READER, since=2, limit=3)] == [3, 4, 5]
    assert [e.seq for e in stack.integrity.events(READER, since=len(rows) - 1)] == [len(rows)]


@pytest.mark.parametrize("name", ["jejak.csv", "JEJAK.XLSX"])
def test_the_trail_as_a_table_holds_every_event_as_the_screen_shows_it(
    stack: Stack, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    events = stack.integrity.events(READER)
    assert stack.integrity.export(READER, path) == len(events)
    rows = read_table(path, COLUMNS)
    assert [[row.values[key] for key in HEADINGS] for row in rows] == [
        [str(e.seq), e.at, e.actor, e.action, e.subject, e.details, e.hash] for e in events
    ]
    assert _heading_row(path) == list(HEADINGS)  # as written, in lower case


def _heading_row(path: Path) -> list[str]:
    if path.suffix.lower() == ".csv":
        return path.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    workbook = load_workbook(path, read_only=True)
    try:
        return [str(cell.value) for cell in next(workbook.active.iter_rows(max_row=1))]
    finally:
        workbook.close()


@pytest.mark.parametrize(
    ("lang", "head", "found"),
    [
        ("id", "Kepala jejak audit", "Temuan pemeriksaan"),
        ("en", "Audit trail head", "What the check found"),
    ],
)
@pytest.mark.tampers
def test_the_annex_names_the_convention_the_head_and_what_the_check_found(
    stack: Stack, tmp_path: Path, lang: str, head: str, found: str
) -> None:
    with stack.database.writing() as session:  # a title changed behind the services' back
        session.execute(update(TeamRow).where(TeamRow.code == "PKM-01").values(title="Diubah"))
    report = stack.integrity.check(READER)
    assert report.findings
    path = tmp_path / "jejak.pdf"
    events = stack.integrity.events(READER)
    assert stack.integrity.export(READER, path, lang=lang) == len(events)
    text = _pdf_text(path)
    assert _flat(stack.setup.spec().info.name) in text
    assert _flat(f"{head}: {report.head}") in text
    assert _flat(f"({report.head_hash})") in text
    assert _flat(found) in text
    for finding in report.findings:
        assert _flat(finding.text.in_language(lang)) in text
    for event in events:
        assert _flat(f"{event.hash[:16]}…") in text


def test_the_annex_is_in_indonesian_unless_asked(stack: Stack, tmp_path: Path) -> None:
    path = tmp_path / "jejak.pdf"
    stack.integrity.export(READER, path)
    text = _pdf_text(path)
    assert _flat("Kepala jejak audit") in text and _flat("Audit trail head") not in text


def test_a_file_of_another_kind_is_refused_naming_it(stack: Stack, tmp_path: Path) -> None:
    path = tmp_path / "jejak.txt"
    with pytest.raises(ValidationError) as refused:
        stack.integrity.export(READER, path)
    assert refused.value.text == Text(
        "jejak.txt: pilih nama berkas berakhiran .csv, .xlsx atau .pdf",
        "jejak.txt: choose a file name ending in .csv, .xlsx or .pdf",
    )
    assert not path.exists()


def test_a_database_with_no_event_yet_has_no_head_to_print(tmp_path: Path) -> None:
    empty = open_stack(tmp_path / "kosong.sqlite3")
    try:
        report = empty.integrity.check(READER)
        assert (report.events, report.head, report.head_hash) == (0, "", "")
    finally:
        empty.close()
