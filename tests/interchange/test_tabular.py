"""Tests of reading and writing the secretariat's CSV and XLSX tables, bombs and all."""

from __future__ import annotations

import csv
import io
import math
import os
import random
import re
import struct
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from datetime import time as clock
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from juryapp.domain.messages import FileProblemError, Text
from juryapp.interchange.sheets.common import EXCEL_ERRORS, MAX_ZIP_ENTRIES
from juryapp.interchange.tabular import Column, Row, read_table, write_table

TEAM = Column("team", ("tim", "kode tim", "team", "team code"))
NAME = Column("name", ("nama", "nama juri", "name", "judge name"))
SCORE = Column("score", ("skor", "nilai", "score"))
NOTE = Column("note", ("catatan", "note", "notes"), required=False)
COLUMNS = (TEAM, NAME, SCORE, NOTE)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def values(rows: Sequence[Row]) -> list[dict[str, str]]:
    return [dict(row.values) for row in rows]


def refusal(call: Callable[[], object]) -> FileProblemError:
    with pytest.raises(FileProblemError) as caught:
        call()
    error = caught.value
    # Every refusal speaks both languages and says something different in each.
    assert error.text.id
    assert error.text.en
    assert error.text.id != error.text.en
    return error


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- hand-made XLSX packages in the shapes Excel and other programs write ---------------------


def sheet_xml(rows: str, *, prefix: str = "", before: str = "") -> str:
    tag = f"{prefix}:" if prefix else ""
    namespace = f"xmlns:{prefix}" if prefix else "xmlns"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{before}'
        f'<{tag}worksheet {namespace}="{MAIN}"><{tag}sheetData>{rows}'
        f"</{tag}sheetData></{tag}worksheet>"
    )


def inline_row(number: int, *texts: str) -> str:
    cells = "".join(
        f'<c r="{chr(65 + index)}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
        for index, text in enumerate(texts)
        if text
    )
    return f'<row r="{number}">{cells}</row>'


def xlsx_package(
    path: Path,
    sheet: str,
    *,
    shared: str | None = None,
    styles: str | None = None,
    workbook_pr: str = "",
    sheets: str = '<sheet name="Tim" sheetId="1" r:id="rId1"/>',
    workbook: str | None = None,
    extra: dict[str, bytes] | None = None,
    replace: dict[str, str] | None = None,
) -> Path:
    relations = [
        f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>',
        f'<Relationship Id="rId9" Type="{RELS}/chartsheet" Target="chartsheets/sheet1.xml"/>',
    ]
    if shared is not None:
        relations.append(
            f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
        )
    if styles is not None:
        relations.append(f'<Relationship Id="rId3" Type="{RELS}/styles" Target="styles.xml"/>')
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" '
            f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": workbook
        or (
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}">{workbook_pr}<sheets>{sheets}</sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PACKAGE_RELS}">{"".join(relations)}</Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}">{shared}</sst>'
    if styles is not None:
        parts["xl/styles.xml"] = f'<styleSheet xmlns="{MAIN}">{styles}</styleSheet>'
    parts.update(replace or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def central_entry(data: bytes | bytearray, name: str) -> int:
    """Offset of a part's record in the zip's central directory."""
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        (length,) = struct.unpack_from("<H", data, position + 28)
        if data[position + 46 : position + 46 + length] == name.encode():
            return position
        position = data.find(b"PK\x01\x02", position + 4)
    raise AssertionError(f"{name} not in the central directory")


def simple_sheet(*rows: tuple[str, ...]) -> str:
    return sheet_xml("".join(inline_row(number, *row) for number, row in enumerate(rows, 1)))


HEADER = ("Kode Tim", "Nama Juri", "Skor")


# --- CSV as Excel saves it ------------------------------------------------------------------


def test_indonesian_excel_csv_with_semicolons_decimal_comma_and_windows_1252(
    tmp_path: Path,
) -> None:
    text = (
        "Kode Tim;Nama Juri;Skor;Catatan\r\n"
        "PKM-01;Siti Nur’aini Ä;87,5;\r\n"
        "RS-02;dr. Budi;4;baik\r\n"
    )
    path = write_bytes(tmp_path, "nilai.csv", text.encode("cp1252"))

    rows = read_table(path, COLUMNS)

    assert [row.number for row in rows] == [2, 3]
    assert values(rows) == [
        {"team": "PKM-01", "name": "Siti Nur’aini Ä", "score": "87,5", "note": ""},
        {"team": "RS-02", "name": "dr. Budi", "score": "4", "note": "baik"},
    ]


def test_english_csv_with_commas_decimal_point_and_a_quoted_line_break(tmp_path: Path) -> None:
    text = (
        "Team code,Judge name,Score,Notes\n"
        'T-01,"Budi, S.Kom.",4.5,"first line\nsecond line"\n'
        'T-02,"Ani ""Ann"" Rahma",3.25,\n'
    )
    path = write_bytes(tmp_path, "scores.csv", text.encode("utf-8"))

    rows = read_table(path, COLUMNS)

    # The quoted line break makes one Excel row out of two lines of text.
    assert [row.number for row in rows] == [2, 3]
    assert values(rows) == [
        {"team": "T-01", "name": "Budi, S.Kom.", "score": "4.5", "note": "first line\nsecond line"},
        {"team": "T-02", "name": 'Ani "Ann" Rahma', "score": "3.25", "note": ""},
    ]


def test_utf8_with_bom_and_tab_delimiter(tmp_path: Path) -> None:
    text = "Tim\tNama\tNilai\nPKM-01\tSiti Nur'aini Ä\t90\n"
    path = write_bytes(tmp_path, "bom.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))

    assert values(read_table(path, COLUMNS)) == [
        {"team": "PKM-01", "name": "Siti Nur'aini Ä", "score": "90", "note": ""}
    ]


def test_utf16_unicode_text_from_excel(tmp_path: Path) -> None:
    text = "Tim\tNama\tNilai\r\nRS-03\tRatna Sari, S.Kep.\t75,25\r\n"
    path = write_bytes(tmp_path, "unicode.csv", text.encode("utf-16"))

    assert values(read_table(path, COLUMNS)) == [
        {"team": "RS-03", "name": "Ratna Sari, S.Kep.", "score": "75,25", "note": ""}
    ]


def test_sep_line_chooses_the_delimiter_and_is_not_counted_as_a_row(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "sep.csv", b"sep=,\nTim,Nama,Nilai\nA,B;C,1\n")

    rows = read_table(path, COLUMNS)

    assert values(rows) == [{"team": "A", "name": "B;C", "score": "1", "note": ""}]
    assert rows[0].number == 2


@pytest.mark.parametrize(
    "heading", ["KODE_TIM", "  kode   tim ", "KodeTim", "Team Code", "team_code", "TIM"]
)
def test_headings_match_without_case_spaces_or_underscores(tmp_path: Path, heading: str) -> None:
    path = write_bytes(tmp_path, "h.csv", f"{heading};Nama;Skor\nT1;N1;1\n".encode())

    assert read_table(path, COLUMNS)[0].values["team"] == "T1"


def test_unknown_columns_ignored_on_request_empty_rows_skipped_and_header_may_start_lower(
    tmp_path: Path,
) -> None:
    text = (
        ";;;\n"
        "\n"
        "No;Kode Tim;Nama;Instansi;Skor\n"
        "1;T1;Ani;RSUD Cengkareng;4\n"
        ";;;;\n"
        "  ;  ;\t;;\n"
        "2;T2;Budi;Puskesmas Palmerah;5\n"
    )
    path = write_bytes(tmp_path, "gaps.csv", text.encode())

    rows = read_table(path, COLUMNS, strict=False)

    assert [row.number for row in rows] == [4, 7]
    assert values(rows) == [
        {"team": "T1", "name": "Ani", "score": "4", "note": ""},
        {"team": "T2", "name": "Budi", "score": "5", "note": ""},
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_unknown_heading_is_refused_naming_it_and_the_accepted_ones(
    tmp_path: Path, suffix: str
) -> None:
    # The first heading is the template's, the second its Indonesian twin.
    columns = [
        Column("team", ("team", "tim", "kode tim")),
        Column("score", ("score", "skor")),
        Column("note", ("note",), required=False),
    ]
    path = tmp_path / f"tim{suffix}"
    write_table(path, ["Kode Tim", "Skor", "Instansi"], [["T1", "4", "RSUD"]])

    error = refusal(lambda: read_table(path, columns))

    assert (error.row, error.column) == (1, "Instansi")
    assert "'Instansi'" in error.text.en and "'Instansi'" in error.text.id
    assert "tim, skor, note" in error.text.id
    assert "team, score, note" in error.text.en


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_data_in_a_column_without_heading_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"tim{suffix}"
    write_table(path, ["Kode Tim", "Nama", "", "Skor", ""], [["T1", "Ani", "", "4", "lupa"]])

    error = refusal(lambda: read_table(path, COLUMNS))

    assert error.row == 2
    assert "E2" in error.text.en and "no heading" in error.text.en
    # ...while an empty cell under no heading, or a trailing delimiter, is nothing at all
    write_table(path, ["Kode Tim", "Nama", "", "Skor", ""], [["T1", "Ani", "", "4", ""]])
    assert values(read_table(path, COLUMNS)) == [
        {"team": "T1", "name": "Ani", "score": "4", "note": ""}
    ]


def test_a_formula_cell_is_refused_with_paste_values_advice(tmp_path: Path) -> None:
    rows = inline_row(1, *HEADER) + (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>T1</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>Ani</t></is></c>'
        '<c r="C2"><f>2+3</f><v>1</v></c></row>'
    )
    path = xlsx_package(tmp_path / "rumus.xlsx", sheet_xml(rows))

    error = refusal(lambda: read_table(path, COLUMNS))

    assert (error.row, error.column) == (2, "Skor")
    assert "C2" in error.text.en and "=2+3" in error.text.en
    assert "paste it as values" in error.text.en and "Tempel" in error.text.id


def test_a_shared_formula_without_text_and_a_formula_with_an_error_are_refused(
    tmp_path: Path,
) -> None:
    for cell in ('<c r="C2"><f t="shared" si="0"/><v>4</v></c>', '<c r="C2" t="e"><f>1/0</f>'
                 "<v>#DIV/0!</v></c>"):  # fmt: skip
        filled = inline_row(2, "T1", "Ani").removesuffix("</row>")
        rows = inline_row(1, *HEADER) + f"{filled}{cell}</row>"
        path = xlsx_package(tmp_path / "rumus.xlsx", sheet_xml(rows))
        assert "formula" in refusal(lambda p=path: read_table(p, COLUMNS)).text.en


def test_a_formula_openpyxl_wrote_with_no_stored_result_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Kode Tim", "Nama", "Skor"])
    book.active.append(["PKM-01", "Ani", "=1+1"])
    path = tmp_path / "rumus.xlsx"
    book.save(path)

    error = refusal(lambda: read_table(path, COLUMNS))

    assert (error.row, error.column) == (2, "Skor") and "=1+1" in error.text.en


def test_a_formula_in_an_ignored_column_is_no_matter(tmp_path: Path) -> None:
    rows = inline_row(1, *HEADER, "Lain") + (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>T1</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>Ani</t></is></c>'
        '<c r="C2"><v>4</v></c><c r="D2"><f>NOW()</f><v>45000</v></c></row>'
    )
    path = xlsx_package(tmp_path / "rumus.xlsx", sheet_xml(rows))

    assert values(read_table(path, COLUMNS, strict=False)) == [
        {"team": "T1", "name": "Ani", "score": "4", "note": ""}
    ]


@pytest.mark.parametrize("end", ["", "\r\n", "\n", "\r"])
def test_a_last_row_without_line_end_is_refused_only_when_asked(tmp_path: Path, end: str) -> None:
    path = write_bytes(
        tmp_path, "nilai.csv", f"Tim;Nama;Skor\r\nT1;Ani;4\r\nT2;Budi;1{end}".encode()
    )

    assert len(read_table(path, COLUMNS)) == 2
    if end:
        assert len(read_table(path, COLUMNS, complete_rows=True)) == 2
        return
    error = refusal(lambda: read_table(path, COLUMNS, complete_rows=True))
    assert error.row == 3 and ".xlsx" in error.text.en and "cut short" in error.text.en


def test_a_header_alone_or_an_empty_last_line_needs_no_line_end(tmp_path: Path) -> None:
    for text in ("Tim;Nama;Skor", "Tim;Nama;Skor\r\nT1;Ani;4\r\n;;"):
        path = write_bytes(tmp_path, "nilai.csv", text.encode())
        assert len(read_table(path, COLUMNS, complete_rows=True)) == text.count("T1")


def test_short_rows_leave_optional_cells_empty(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "short.csv", b"Tim;Nama;Skor;Catatan\nT1;Ani;4\n")

    assert values(read_table(path, COLUMNS)) == [
        {"team": "T1", "name": "Ani", "score": "4", "note": ""}
    ]


def test_missing_required_column_is_named(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "nojudge.csv", b"Kode Tim;Skor\nT1;4\n")

    error = refusal(lambda: read_table(path, COLUMNS))

    assert (error.file, error.row, error.column) == ("nojudge.csv", 1, "nama")
    assert "'nama' / 'nama juri' / 'name' / 'judge name'" in error.text.en
    assert "Kolom wajib" in error.text.id
    assert error.location("id") == "nojudge.csv, baris 1, kolom 'nama'"
    assert error.location("en") == "nojudge.csv, row 1, column 'nama'"


def test_duplicate_heading_is_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "dup.csv", b"Tim;Nama;Skor;Kode Tim\nT1;A;1;T2\n")

    error = refusal(lambda: read_table(path, COLUMNS))

    assert (error.row, error.column) == (1, "Kode Tim")
    assert "columns A and D" in error.text.en
    assert "kolom A dan D" in error.text.id


def test_empty_required_cell_names_the_excel_row_and_column(tmp_path: Path) -> None:
    text = 'Tim;Nama;Skor\nT1;"Ani\nRahma";4\nT2;Budi;5\nT3;;3\n'
    path = write_bytes(tmp_path, "gap.csv", text.encode())

    error = refusal(lambda: read_table(path, COLUMNS))

    # Line 5 of the text, but row 4 in Excel: the quoted line break stays inside row 2.
    assert (error.row, error.column) == (4, "Nama")
    assert "B4" in error.text.id
    assert "B4" in error.text.en


def test_excel_error_values_are_refused_only_where_they_are_used(tmp_path: Path) -> None:
    ignored = write_bytes(tmp_path, "ok.csv", b"Tim;Nama;Skor;Rata\nT1;A;4;#DIV/0!\n")
    assert len(read_table(ignored, COLUMNS, strict=False)) == 1

    used = write_bytes(tmp_path, "bad.csv", b"Tim;Nama;Skor\nT1;A;#DIV/0!\n")
    error = refusal(lambda: read_table(used, COLUMNS))
    assert (error.row, error.column) == (2, "Skor")
    assert "#DIV/0!" in error.text.en


def test_csv_cut_short_inside_quotes_is_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "cut.csv", b'Tim;Nama;Skor\nT1;"Ani Rah')

    error = refusal(lambda: read_table(path, COLUMNS))

    assert error.row == 2


def test_text_in_neither_utf8_nor_windows_1252_is_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "enc.csv", b"Tim;Nama;Skor\nT1;\x81\xff;4\n")

    error = refusal(lambda: read_table(path, COLUMNS))

    assert "UTF-8" in error.text.en


def test_utf16_without_bom_is_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "u16.csv", "Tim;Nama;Skor\nT1;A;4\n".encode("utf-16-le"))

    assert "UTF-8" in refusal(lambda: read_table(path, COLUMNS)).text.en


def test_header_only_gives_no_rows(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "head.csv", b"Tim;Nama;Skor\r\n")

    assert read_table(path, COLUMNS) == []


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("table.ods", b"x", "'.ods'"),
        ("table", b"x", "'table'"),
        ("old.xls", b"x", ".xls"),
        ("protected.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".xls"),
        ("book.csv", b"PK\x03\x04rest", "rename it to end in .xlsx"),
        ("text.xlsx", b"Tim;Nama\n", "rename it to end in .csv"),
        ("empty.csv", b"", "empty"),
        ("empty.xlsx", b"", "empty"),
        ("blank.csv", b"\r\n;;\r\n", "empty"),
    ],
)
def test_files_of_the_wrong_kind_are_refused_with_a_reason(
    tmp_path: Path, name: str, data: bytes, needle: str
) -> None:
    path = write_bytes(tmp_path, name, data)

    error = refusal(lambda: read_table(path, COLUMNS))

    assert needle in error.text.en
    assert error.file == name


def test_missing_file_is_refused(tmp_path: Path) -> None:
    error = refusal(lambda: read_table(tmp_path / "gone.csv", COLUMNS))

    assert "not found" in error.text.en


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "big.csv", b"Tim;Nama;Skor\n" + b"T;N;1\n" * 1000)

    error = refusal(lambda: read_table(path, COLUMNS, max_bytes=1000))
    assert "too large (7 KB; the limit is 1 KB)" in error.text.en


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_too_many_rows_are_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"many{suffix}"
    write_table(path, HEADER, ([f"T{i}", "N", i] for i in range(11)))

    assert len(read_table(path, COLUMNS, max_rows=11)) == 11
    error = refusal(lambda: read_table(path, COLUMNS, max_rows=10))
    assert error.row == 12
    assert "10" in error.text.en


def test_column_definitions_that_contradict_themselves_are_programming_errors(
    tmp_path: Path,
) -> None:
    path = write_bytes(tmp_path, "x.csv", b"Tim\nA\n")
    for columns in (
        [],
        [TEAM, TEAM],
        [TEAM, Column("other", ("Kode_Tim",))],
        [Column("bare", ())],
        [Column("blank", (" _ ",))],
    ):
        with pytest.raises(ValueError):
            read_table(path, columns)


# --- XLSX -----------------------------------------------------------------------------------


def test_xlsx_round_trip_gives_back_text_and_numbers_as_excel_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "rekap.xlsx"
    rows: list[list[str | int | float | Decimal | None]] = [
        ["PKM-01", "Siti Nur’aini Ä", 87, "  spaced  "],
        ['=HYPERLINK("http://x")', "+62 812", 4.0, "-"],
        ["@SUM(A1)", "#N/A", 4.5, None],
        ["T4", "dua\nbaris", Decimal("87.50"), "tab\tinside"],
        ["T5", "CR\r\nLF", 0.1 + 0.2, "'quoted"],
        ["T6", "Ω≈ç √ 😀", -12.5, "_x0041_ stays"],
    ]

    write_table(path, ["Kode Tim", "Nama", "Skor", "Catatan"], rows)
    back = read_table(path, COLUMNS)

    assert [row.number for row in back] == [2, 3, 4, 5, 6, 7]
    assert values(back) == [
        {"team": "PKM-01", "name": "Siti Nur’aini Ä", "score": "87", "note": "spaced"},
        {"team": '=HYPERLINK("http://x")', "name": "+62 812", "score": "4", "note": "-"},
        {"team": "@SUM(A1)", "name": "#N/A", "score": "4.5", "note": ""},
        {"team": "T4", "name": "dua\nbaris", "score": "87.5", "note": "tab\tinside"},
        {"team": "T5", "name": "CR\r\nLF", "score": "0.3", "note": "'quoted"},
        {"team": "T6", "name": "Ω≈ç √ 😀", "score": "-12.5", "note": "_x0041_ stays"},
    ]


def test_xlsx_as_excel_writes_it_shared_strings_dates_and_hidden_sheets(tmp_path: Path) -> None:
    book = Workbook()
    hidden = book.active
    hidden.title = "Daftar"
    hidden.sheet_state = "hidden"
    hidden.append(["Tim", "Nama", "Skor"])
    hidden.append(["WRONG", "SHEET", 0])
    sheet = book.create_sheet("Nilai")
    sheet.append(["Kode Tim", "Nama", "Skor", "Catatan", "Tanggal", "Jam", "Lolos", "Waktu"])
    sheet.append(
        [
            "PKM-01",
            "Ani",
            4.0,
            None,
            date(2024, 9, 18),
            clock(9, 30),
            True,
            datetime(2024, 9, 19, 13, 5, 7),
        ]
    )
    sheet.append(["PKM-02", "Budi", 1 / 3, None, datetime(2024, 9, 19), None, False, None])
    sheet.append(["PKM-03", "Cici", 198501012010011001, None, None, None, None, None])
    path = tmp_path / "excel.xlsx"
    book.save(path)
    columns = [
        *COLUMNS,
        Column("day", ("tanggal",), required=False),
        Column("time", ("jam",), required=False),
        Column("passed", ("lolos",), required=False),
        Column("at", ("waktu",), required=False),
    ]

    rows = read_table(path, columns)

    assert values(rows) == [
        {
            "team": "PKM-01",
            "name": "Ani",
            "score": "4",
            "note": "",
            "day": "2024-09-18",
            "time": "09:30:00",
            "passed": "TRUE",
            "at": "2024-09-19T13:05:07",
        },
        {
            "team": "PKM-02",
            "name": "Budi",
            "score": "0.333333333333333",
            "note": "",
            "day": "2024-09-19",
            "time": "",
            "passed": "FALSE",
            "at": "",
        },
        {
            "team": "PKM-03",
            "name": "Cici",
            # Excel keeps 15 significant digits, so an 18-digit NIP stored as a number has
            # already lost its last digits: NIPs belong in text cells.
            "score": "198501012010011000",
            "note": "",
            "day": "",
            "time": "",
            "passed": "",
            "at": "",
        },
    ]


def test_xlsx_written_by_other_programs(tmp_path: Path) -> None:
    rows = (
        '<x:row r="1">'
        '<x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>'
        '<x:c r="C1" t="inlineStr"><x:is><x:t>Skor</x:t></x:is></x:c>'
        '<x:c r="D1" t="inlineStr"><x:is><x:t>Catatan</x:t></x:is></x:c>'
        '<x:c r="E1" t="inlineStr"><x:is><x:t>Tanggal</x:t></x:is></x:c>'
        "</x:row>"
        # Cells without references follow each other.
        '<x:row r="3"><x:c t="s"><x:v>2</x:v></x:c>'
        '<x:c t="str"><x:v>AB_x000D_</x:v></x:c>'
        "<x:c><x:v>0.33333333333333331</x:v></x:c>"
        '<x:c r="E3" s="1"><x:v>45553.5</x:v></x:c>'
        # An error where nobody looks is no reason to refuse the file.
        '<x:c r="F3" t="e"><x:v>#REF!</x:v></x:c></x:row>'
        '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>T</x:t></x:r><x:r><x:rPr><x:b/></x:rPr>'
        '<x:t xml:space="preserve">2 </x:t></x:r><x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c>'
        '<x:c t="b"><x:v>1</x:v></x:c><x:c t="n"><x:v>1.0E-3</x:v></x:c>'
        '<x:c r="E4" t="d"><x:v>2024-09-18T00:00:00</x:v></x:c></x:row>'
    )
    shared = (
        "<si><t>Kode Tim</t></si><si><r><t>Nama </t></r><r><t>Juri</t></r></si>"
        "<si><t>T1_x005F_x0041_</t><rPh><t>ignored</t></rPh></si>"
    )
    styles = (
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>'
    )
    sheet = sheet_xml(rows, prefix="x")
    path = xlsx_package(
        tmp_path / "other.xlsx",
        sheet,
        shared=shared,
        styles=styles,
        workbook_pr='<workbookPr date1904="1"/>',
    )
    columns = [*COLUMNS, Column("day", ("tanggal",), required=False)]

    rows_read = read_table(path, columns, strict=False)

    assert [row.number for row in rows_read] == [3, 4]
    assert values(rows_read) == [
        {
            "team": "T1_x0041_",
            "name": "AB",
            "score": "0.333333333333333",
            "note": "",
            # The 1904 calendar starts four years and a day later than the 1900 one.
            "day": "2028-09-19T12:00:00",
        },
        {"team": "T2", "name": "TRUE", "score": "0.001", "note": "", "day": "2024-09-18"},
    ]


def test_xlsx_error_cells_are_refused_where_used_but_text_like_errors_is_text(
    tmp_path: Path,
) -> None:
    rows = (
        inline_row(1, *HEADER)
        + inline_row(2, "T1", "#N/A", "1")
        + '<row r="3"><c r="A3" t="inlineStr"><is><t>T2</t></is></c>'
        '<c r="B3" t="inlineStr"><is><t>B</t></is></c><c r="C3" t="e"><v>#DIV/0!</v></c></row>'
    )
    path = xlsx_package(tmp_path / "errors.xlsx", sheet_xml(rows))

    error = refusal(lambda: read_table(path, COLUMNS))

    assert (error.row, error.column) == (3, "Skor")
    assert "C3" in error.text.en
    assert "#DIV/0!" in error.text.en


def test_first_visible_worksheet_is_read_and_chart_sheets_are_skipped(tmp_path: Path) -> None:
    sheets = (
        '<sheet name="Grafik" sheetId="9" r:id="rId9"/><sheet name="Tim" sheetId="1" r:id="rId1"/>'
    )
    path = xlsx_package(
        tmp_path / "chart.xlsx", simple_sheet(HEADER, ("T1", "A", "1")), sheets=sheets
    )

    assert values(read_table(path, COLUMNS)) == [
        {"team": "T1", "name": "A", "score": "1", "note": ""}
    ]


def test_workbook_without_worksheet_is_refused(tmp_path: Path) -> None:
    path = xlsx_package(
        tmp_path / "charts.xlsx",
        simple_sheet(HEADER),
        sheets='<sheet name="Grafik" sheetId="9" r:id="rId9"/>',
    )

    assert "no worksheet" in refusal(lambda: read_table(path, COLUMNS)).text.en


def test_empty_required_cell_in_xlsx_names_the_cell(tmp_path: Path) -> None:
    path = xlsx_package(
        tmp_path / "gap.xlsx",
        simple_sheet(HEADER, ("T1", "A", "1"), ("", "", ""), ("T3", "", "2")),
    )

    error = refusal(lambda: read_table(path, COLUMNS))

    assert (error.row, error.column) == (4, "Nama Juri")
    assert "B4" in error.text.en


@pytest.mark.parametrize(
    "rows",
    [
        '<row r="2"/><row r="1"/>',
        '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>',
        '<row r="99999999999"/>',
        '<row r="x1"/>',
        '<row r="1"><c r="XFE1" t="inlineStr"><is><t>x</t></is></c></row>',
        '<row r="1"><c r="1A" t="inlineStr"><is><t>x</t></is></c></row>',
        '<row r="1"><c r="A1" t="s"><v>7</v></c></row>',
        '<row r="1"><c r="A1" t="s"><v>-1</v></c></row>',
        '<row r="1"><c r="A1"><v>12abc</v></c></row>',
        '<row r="1"><c r="A1"><v>1E+999999</v></c></row>',
        '<row r="1"><c r="A1" t="q"><v>1</v></c></row>',
        '<row r="1"><c r="A1"><v>1</v></row>',
    ],
)
def test_impossible_sheet_contents_are_refused_as_damaged(tmp_path: Path, rows: str) -> None:
    path = xlsx_package(tmp_path / "odd.xlsx", sheet_xml(rows), shared="<si><t>a</t></si>")

    assert "damaged" in refusal(lambda: read_table(path, COLUMNS)).text.en


def test_cut_short_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "full.xlsx"
    write_table(path, HEADER, ([f"T{i}", "N", i] for i in range(2000)))
    data = path.read_bytes()
    for cut in (len(data) // 2, len(data) - 10, 30):
        half = write_bytes(tmp_path, "half.xlsx", data[:cut])
        error = refusal(lambda p=half: read_table(p, COLUMNS))
        assert "damaged" in error.text.en
        assert error.file == "half.xlsx"


def test_xlsx_with_flipped_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "full.xlsx"
    write_table(path, HEADER, ([f"T{i}", "N", i] for i in range(2000)))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    # Damage the packed sheet data itself; the directory stays intact.
    middle = sheet.header_offset + 100 + sheet.compress_size // 2
    data[middle : middle + 8] = bytes(255 - value for value in data[middle : middle + 8])
    flipped = write_bytes(tmp_path, "flipped.xlsx", bytes(data))

    assert "damaged" in refusal(lambda: read_table(flipped, COLUMNS)).text.en


def test_zip_bomb_with_a_huge_compressible_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    head, tail = sheet_xml("SPLIT").split("SPLIT")
    filler = b" " * (1 << 20)
    base = xlsx_package(tmp_path / "base.xlsx", simple_sheet(HEADER))
    with (
        zipfile.ZipFile(base) as parts,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
    ):
        for name in parts.namelist():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, parts.read(name))
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(head.encode())
            for _ in range(150):
                sheet.write(filler)
            sheet.write(tail.encode())
    assert path.stat().st_size < 1_000_000

    error = refusal(lambda: read_table(path, COLUMNS))

    assert "xl/worksheets/sheet1.xml" in error.text.en
    assert "refused for safety" in error.text.en


def test_zip_whose_parts_unpack_past_the_total_limit_is_refused(tmp_path: Path) -> None:
    path = xlsx_package(
        tmp_path / "total.xlsx",
        simple_sheet(HEADER),
        extra={"xl/media/noise.bin": random.Random(7).randbytes(3_000_000)},
    )
    data = bytearray(path.read_bytes())
    # Declare 250 MB for the noise in the central directory, as a crafted file would; its
    # packing ratio (about 83) alone stays within bounds.
    struct.pack_into("<I", data, central_entry(data, "xl/media/noise.bin") + 24, 250_000_000)
    patched = write_bytes(tmp_path, "patched.xlsx", bytes(data))

    error = refusal(lambda: read_table(patched, COLUMNS))

    assert "250 MB" in error.text.en
    assert "refused for safety" in error.text.en


def test_zip_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    parts = {f"junk/{index}": b"" for index in range(MAX_ZIP_ENTRIES)}
    path = xlsx_package(tmp_path / "many.xlsx", simple_sheet(HEADER), extra=parts)

    assert "too many parts" in refusal(lambda: read_table(path, COLUMNS)).text.en


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
)
EXTERNAL_ENTITY = '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("declaration", [BILLION_LAUGHS, EXTERNAL_ENTITY])
@pytest.mark.parametrize("part", ["sheet", "shared strings", "workbook"])
def test_xml_with_a_dtd_is_refused_in_every_part(
    tmp_path: Path, declaration: str, part: str
) -> None:
    entity = "&lol9;" if declaration == BILLION_LAUGHS else "&secret;"
    prolog = f'<?xml version="1.0"?>{declaration}'
    documents = {
        "sheet": (
            "xl/worksheets/sheet1.xml",
            sheet_xml(inline_row(1, *HEADER) + inline_row(2, entity, "A", "1"), before=declaration),
        ),
        "shared strings": (
            "xl/sharedStrings.xml",
            f'{prolog}<sst xmlns="{MAIN}"><si><t>{entity}</t></si></sst>',
        ),
        "workbook": (
            "xl/workbook.xml",
            f'{prolog}<workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
            f'<sheets><sheet name="{entity}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
    }
    name, document = documents[part]
    path = xlsx_package(
        tmp_path / "dtd.xlsx",
        simple_sheet(HEADER, ("T1", "A", "1")),
        shared="<si><t>x</t></si>",
        replace={name: document},
    )

    error = refusal(lambda: read_table(path, COLUMNS))

    assert "DTD" in error.text.en


# --- writing --------------------------------------------------------------------------------


def test_csv_export_opens_in_columns_in_indonesian_excel_and_cannot_run_formulas(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rekap.csv"
    rows: list[list[str | int | float | Decimal | None]] = [
        ["=1+1", "+62 812 3456", -4.5, Decimal("87.50")],
        ["-", "@SUM(A1:A9)", -3, 4.0],
        ["\t=cmd", "\r=cmd", 0.1 + 0.2, None],
        ["'already", "＝1+1", Decimal("-0.25"), 1e20],
        ["Siti Nur’aini Ä", "a;b", 12, "x\ny"],
    ]

    write_table(path, ["Kode Tim", "Nama", "Skor", "Catatan"], rows)
    data = path.read_bytes()

    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text.splitlines()[0] == "Kode Tim;Nama;Skor;Catatan"
    assert "\r\n" in text
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert records[1:] == [
        ["'=1+1", "'+62 812 3456", "-4,5", "87,50"],
        ["'-", "'@SUM(A1:A9)", "-3", "4"],
        ["'\t=cmd", "'\r=cmd", "0,3", ""],
        ["''already", "'＝1+1", "-0,25", "100000000000000000000"],
        ["Siti Nur’aini Ä", "a;b", "12", "x\ny"],
    ]
    for record in records:
        for cell in record:
            # Nothing a spreadsheet would run, and no number hidden behind an apostrophe.
            assert cell[:1] not in FORMULA_STARTS or re.fullmatch(r"-[\d,]+", cell)


def test_csv_export_reads_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "back.csv"
    rows = [["=1+1", "'already", "@x"], ["\t=cmd", "-", "''"]]

    write_table(path, ["Kode Tim", "Nama", "Skor"], rows)

    assert values(read_table(path, COLUMNS)) == [
        {"team": "=1+1", "name": "'already", "score": "@x", "note": ""},
        {"team": "=cmd", "name": "-", "score": "''", "note": ""},
    ]


def test_xlsx_export_stores_formula_like_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "rekap.xlsx"
    rows: list[list[str | int | float | Decimal | None]] = [
        ["=1+1", "+62", -4.5, "#N/A"],
        ["@SUM(A1)", "\t=cmd", 3, "=A1"],
    ]

    write_table(path, ["=Kode Tim", "Nama", "Skor", "Catatan"], rows)

    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    assert 't="e"' not in xml
    book = load_workbook(path)
    sheet = book.active
    assert sheet.freeze_panes == "A2"
    assert sheet["B1"].font.bold
    assert sheet["A1"].value == "=Kode Tim"
    for reference in ("A1", "A2", "B2", "A3", "B3", "D3"):
        cell = sheet[reference]
        assert cell.data_type == "s", reference
        assert cell.quotePrefix, reference
    assert sheet["D2"].data_type == "s"
    assert sheet["D2"].value == "#N/A"
    assert (sheet["C2"].value, sheet["C2"].data_type) == (-4.5, "n")
    assert (sheet["C3"].value, sheet["C3"].data_type) == (3, "n")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_control_characters_survive_both_formats(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"ctrl{suffix}"
    name = "Puskesmas\x0bKebon\x01Jeruk\x00\x1f\ufffe end\r"

    write_table(path, HEADER, [["T1", name, 1]])

    assert read_table(path, COLUMNS)[0].values["name"] == name.strip()
    if suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            assert "_x000B_" in archive.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_refuses_text_longer_than_excel_holds(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"

    error = refusal(lambda: write_table(path, HEADER, [["T1", "x" * 32_768, 1]]))

    assert (error.row, error.column) == (2, "Nama Juri")
    assert "B2" in error.text.en
    assert not path.exists()
    write_table(path, HEADER, [["T1", "x" * 32_767, 1]])
    assert len(read_table(path, COLUMNS)[0].values["name"]) == 32_767
    # Escaped control characters take seven stored characters each; none may be cut off.
    escaped = refusal(lambda: write_table(path, HEADER, [["T1", "x\x01" * 5000, 1]]))
    assert "B2" in escaped.text.en


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_failed_export_leaves_the_previous_file_and_no_temporary_file(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"rekap{suffix}"
    write_table(path, HEADER, [["T1", "A", 1]])
    before = path.read_bytes()

    def rows() -> Iterator[list[str | int]]:
        yield ["T2", "B", 2]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_table(path, HEADER, rows())

    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_pulled_usb_stick_during_sync_is_reported_and_leaves_the_old_file(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"rekap{suffix}"
    write_table(path, HEADER, [["T1", "A", 1]])
    before = path.read_bytes()

    def fail(_descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    error = refusal(lambda: write_table(path, HEADER, [["T2", "B", 2]]))
    monkeypatch.undo()

    assert "input/output error" in error.text.en and "baca/tulis" in error.text.id
    assert error.file == path.name
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_export_to_a_missing_folder_or_of_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    missing = refusal(lambda: write_table(tmp_path / "no" / "x.csv", HEADER, []))
    assert "could not be saved" in missing.text.en

    unknown = refusal(lambda: write_table(tmp_path / "x.pdf", HEADER, []))
    assert "'.pdf'" in unknown.text.en


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_refuses_values_no_spreadsheet_can_hold(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"bad{suffix}"
    for value in (float("nan"), float("inf"), Decimal("NaN")):
        with pytest.raises(ValueError):
            write_table(path, HEADER, [["T", "N", value]])
    with pytest.raises(TypeError):
        write_table(path, HEADER, [["T", "N", True]])
    with pytest.raises(ValueError):
        write_table(path, HEADER, [["T", "N", 1, "too many"]])
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="Windows has no umask")
def test_written_files_follow_the_umask_like_any_saved_file(tmp_path: Path) -> None:
    path = tmp_path / "perm.csv"
    write_table(path, HEADER, [])
    mask = os.umask(0o022)
    os.umask(mask)

    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


# --- properties -----------------------------------------------------------------------------

cell_text = st.text(max_size=40)
table_rows = st.lists(st.tuples(cell_text, cell_text), min_size=0, max_size=6)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=table_rows)
def test_round_trip_is_the_identity_for_any_text(
    tmp_path: Path, suffix: str, rows: list[tuple[str, str]]
) -> None:
    for first, second in rows:
        assume(first.strip() not in EXCEL_ERRORS)
        assume(second.strip() not in EXCEL_ERRORS)
    path = tmp_path / f"any{suffix}"
    columns = [
        Column("id", ("no",)),
        Column("a", ("teks a",), required=False),
        Column("b", ("teks b",), required=False),
    ]

    write_table(
        path, ["No", "Teks A", "Teks B"], [[index, a, b] for index, (a, b) in enumerate(rows)]
    )
    back = read_table(path, columns)

    assert values(back) == [
        {"id": str(index), "a": a.strip(), "b": b.strip()} for index, (a, b) in enumerate(rows)
    ]
    assert [row.number for row in back] == list(range(2, len(rows) + 2))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(numbers=st.lists(st.floats(min_value=-1e300, max_value=1e300), min_size=1, max_size=5))
def test_numbers_come_back_as_excel_shows_them(tmp_path: Path, numbers: list[float]) -> None:
    columns = [Column("id", ("no",)), Column("x", ("nilai",))]
    xlsx, text = tmp_path / "n.xlsx", tmp_path / "n.csv"
    write_table(xlsx, ["No", "Nilai"], [[i, x] for i, x in enumerate(numbers)])
    write_table(text, ["No", "Nilai"], [[i, x] for i, x in enumerate(numbers)])

    for path in (xlsx, text):
        shown = [row.values["x"] for row in read_table(path, columns)]
        for written, read in zip(numbers, shown, strict=True):
            number = float(read.replace(",", "."))
            assert math.isclose(number, written, rel_tol=1e-14, abs_tol=1e-300)
            # A number with a short decimal form, like every score, comes back exactly.
            if float(f"{written:.15g}") == written:
                assert number == written
            assert "e" not in read.lower()
            assert not re.search(r"[.,]\d*0$", read)
            assert read != "-0"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_any_bytes_as_csv_give_rows_or_a_file_problem(tmp_path: Path, data: bytes) -> None:
    path = write_bytes(tmp_path, "fuzz.csv", b"Tim;Nama;Skor\n" + data)
    try:
        rows = read_table(path, COLUMNS)
    except FileProblemError as error:
        assert isinstance(error.text, Text)
    else:
        assert all(row.values["team"] and row.values["name"] for row in rows)


@pytest.fixture(scope="module")
def small_xlsx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "small.xlsx"
    write_table(path, HEADER, [["T1", "Ani", 4.5], ["T2", "Budi", 3]])
    return path.read_bytes()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(
        st.tuples(st.integers(min_value=0, max_value=20_000), st.binary(min_size=1, max_size=8)),
        min_size=1,
        max_size=4,
    )
)
def test_damaged_xlsx_gives_rows_or_a_file_problem(
    tmp_path: Path, small_xlsx: bytes, cuts: list[tuple[int, bytes]]
) -> None:
    data = bytearray(small_xlsx)
    for offset, replacement in cuts:
        position = offset % len(data)
        data[position : position + len(replacement)] = replacement
    path = write_bytes(tmp_path, "fuzz.xlsx", bytes(data))
    whole = read_table(write_bytes(tmp_path, "whole.xlsx", small_xlsx), COLUMNS)
    try:
        rows = read_table(path, COLUMNS)
    except FileProblemError as error:
        assert error.file == "fuzz.xlsx"
    else:
        # damage that was let through touched nothing read (each part's CRC is checked)
        assert [(row.number, row.values) for row in rows] == [
            (row.number, row.values) for row in whole
        ]


# --- many rows (how fast: benchmarks/limits.py) ------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_two_hundred_thousand_rows_are_read_whole_and_in_order(tmp_path: Path, suffix: str) -> None:
    columns = [*COLUMNS, Column("category", ("kategori",))]
    headers = ["Kode Tim", "Nama", "Kategori", "Skor", "Catatan"]

    def rows() -> Iterator[list[str | float]]:
        for i in range(200_000):
            yield [f"T{i:06d}", f"Nama Peserta {i}", "Puskesmas", i % 5 + 0.5, f"catatan {i}"]

    path = tmp_path / f"big{suffix}"
    write_table(path, headers, rows())
    read = read_table(path, columns)
    assert len(read) == 200_000
    assert [row.number for row in read[:2]] == [2, 3]
    assert read[-1].number == 200_001
    assert read[-1].values["team"] == "T199999"
    assert read[123_456].values["team"] == "T123456"
    assert read[123_456].values["category"] == "Puskesmas"
