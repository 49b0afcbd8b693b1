"""The attacks of issue #16, replayed through the command line as a hostile file would."""

from __future__ import annotations

import csv
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from juryapp.cli.main import main
from tests.cli.test_cli import demo_db, demo_template, table_counts
from tests.credentials import signed_in

__all__ = ["demo_db", "demo_template"]


def run(db: Path, *args: str, lang: str = "en") -> int:
    """A command as the demo's secretariat user: the attacks come through a signed-in door."""
    with signed_in():
        return main(["--db", str(db), "--lang", lang, *args])


def one_line(err: str) -> str:
    """The single line a refusal prints; a second line or a traceback fails the test."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one line, got {len(lines)}: {err[:500]!r}"
    assert "Traceback" not in err
    return lines[0]


def _teams_csv(path: Path, code: str) -> Path:
    path.write_text(
        f"code,institution,category,title\n{code},Puskesmas Duri Kepa,PKM,Inovasi\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "code",
    [
        "../../../../tmp/x/evil",
        "..\\..\\evil",
        "/etc/evil",
        ".hidden",
        "PKM 09",
        "PKM\x0009",
        "PKM:09",
        "",
    ],
)
def test_a_team_code_outside_the_safe_set_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], code: str
) -> None:
    before = table_counts(demo_db)
    assert run(demo_db, "import-teams", str(_teams_csv(tmp_path / "teams.csv", code))) == 2
    line = one_line(capsys.readouterr().err)
    assert "teams.csv" in line and "row 2" in line and "'code'" in line
    assert table_counts(demo_db) == before


def test_a_judge_code_that_climbs_out_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "judges.csv"
    path.write_text("code,name\n../../evil,Dr. Evil\n", encoding="utf-8")
    before = table_counts(demo_db)
    assert run(demo_db, "import-judges", str(path)) == 2
    assert "'code'" in one_line(capsys.readouterr().err)
    assert table_counts(demo_db) == before


def test_codes_planted_in_the_database_never_write_outside_the_output_folder(
    demo_db: Path, tmp_path: Path
) -> None:
    """Defence in depth: a database edited by hand still prints only into ``--out``."""
    escape = tmp_path / "escape"
    escape.mkdir()
    with sqlite3.connect(demo_db) as connection:
        connection.execute("UPDATE team SET code = ? WHERE code = 'PKM-01'", ("../escape/evil",))
        connection.execute("UPDATE judge SET code = ? WHERE code = 'J1'", ("../escape/judge",))
        connection.execute("UPDATE category SET code = ? WHERE code = 'PKM'", ("../escape/cat",))
    out = tmp_path / "out"
    assert run(demo_db, "report", "--out", str(out), "--quiet") == 0
    assert list(escape.iterdir()) == []
    assert {p.parent for p in out.rglob("*")} == {out}


def test_a_scores_csv_cut_inside_its_last_row_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ["judge,team,criterion,score,note"] + [
        f"J1,RSS-04,K{i},{s}," for i, s in enumerate([4, 4, 3, 4, 5, 4, 3, 4], 1)
    ]
    rows[-1] = "J1,RSS-04,K8,10"  # …and the copy stopped after "1"
    path = tmp_path / "scores.csv"
    path.write_bytes(("\r\n".join(rows)[:-1]).encode())
    before = table_counts(demo_db)
    assert run(demo_db, "import-scores", str(path)) == 2
    line = one_line(capsys.readouterr().err)
    assert "scores.csv" in line and "row 9" in line and ".xlsx" in line
    assert table_counts(demo_db) == before


def test_a_teams_csv_without_a_final_line_end_is_read(demo_db: Path, tmp_path: Path) -> None:
    """Google Sheets writes no line end after the last row; a cut name shows on screen."""
    path = tmp_path / "teams.csv"
    path.write_bytes(b"code,institution,category,title\r\nPKM-09,Puskesmas Kedoya,PKM,Inovasi")
    assert run(demo_db, "import-teams", str(path)) == 0
    assert table_counts(demo_db)["team"] == 16


def _formula_workbook(path: Path) -> Path:
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    header = "".join(
        f'<c r="{col}1" t="inlineStr"><is><t>{text}</t></is></c>'
        for col, text in zip("ABCD", ("judge", "team", "criterion", "score"), strict=True)
    )
    rows = [f'<row r="1">{header}</row>']
    for number, criterion in enumerate(range(1, 9), start=2):
        cells = "".join(
            f'<c r="{col}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
            for col, text in zip("ABC", ("J1", "RSS-04", f"K{criterion}"), strict=True)
        )
        score = (
            f'<c r="D{number}"><f>2+3</f><v>1</v></c>'
            if criterion == 5
            else f'<c r="D{number}"><v>4</v></c>'
        )
        rows.append(f'<row r="{number}">{cells}{score}</row>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" '
            f'Type="{rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main_ns}" xmlns:r="{rels}"><sheets>'
            '<sheet name="Nilai" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" '
            f'Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{main_ns}"><sheetData>{"".join(rows)}</sheetData></worksheet>',
        )
    return path


def test_an_xlsx_formula_cell_is_refused_with_paste_values_advice(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _formula_workbook(tmp_path / "scores.xlsx")
    before = table_counts(demo_db)
    assert run(demo_db, "import-scores", str(path)) == 2
    line = one_line(capsys.readouterr().err)
    assert "scores.xlsx" in line and "row 6" in line and "D6" in line
    assert "paste" in line.casefold() and "values" in line.casefold()
    assert table_counts(demo_db) == before


@pytest.mark.parametrize(
    "document",
    [
        "a = " + "[" * 100_000 + "]" * 100_000,
        "a = " + "{b = " * 5_000 + "1" + "}" * 5_000,
        "[convention]\nname = 'x'\nmax_team_members = 1" + "0" * 5_000,
    ],
    ids=["nested arrays", "nested tables", "huge integer"],
)
def test_a_convention_file_bomb_is_one_line_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: str
) -> None:
    path = tmp_path / "bom.toml"
    path.write_text(document, encoding="utf-8")
    db = tmp_path / "db.sqlite3"
    assert run(db, "init", str(path)) == 2
    line = one_line(capsys.readouterr().err)
    assert "bom.toml" in line and re.search(r"line \d+", line)


def test_a_forty_kilobyte_cell_is_quoted_short_on_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scores.csv"
    huge = "x" * 40_000 + "\n" + "y" * 10
    path.write_text(
        f'judge,team,criterion,score\n"{huge}",RSS-04,K1,4\n', encoding="utf-8", newline=""
    )
    assert run(demo_db, "import-scores", str(path)) == 2
    line = one_line(capsys.readouterr().err)
    assert len(line) < 400
    assert all(len(quoted) <= 60 for quoted in re.findall(r"'([^']*)'", line))


@pytest.mark.parametrize("field", ["name", "institution", "title"])
def test_nul_and_control_characters_are_refused_in_names(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str
) -> None:
    values = {"code": "PKM-09", "institution": "Puskesmas", "title": "Inovasi"}
    values["name" if field == "name" else field] = "Siti\x00Nur\x1b[31m"
    path = tmp_path / "teams.csv"
    if field == "name":
        path = tmp_path / "judges.csv"
        path.write_text(f"code,name\nJ9,{values['name']}\n", encoding="utf-8")
        command = "import-judges"
    else:
        path.write_text(
            "code,institution,category,title\n"
            f"PKM-09,{values['institution']},PKM,{values['title']}\n",
            encoding="utf-8",
        )
        command = "import-teams"
    before = table_counts(demo_db)
    assert run(demo_db, command, str(path)) == 2
    line = one_line(capsys.readouterr().err)
    assert "row 2" in line and f"'{field}'" in line
    assert "\x00" not in line and "\x1b" not in line
    assert table_counts(demo_db) == before


def test_a_word_for_a_score_is_refused_in_indonesian_only(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nilai.csv"
    path.write_text("juri;tim;kriteria;skor\nJ1;RSS-04;K1;empat\n", encoding="utf-8")
    assert run(demo_db, "import-scores", str(path), lang="id") == 2
    line = one_line(capsys.readouterr().err)
    assert "baris 2" in line and "empat" in line
    words = set(re.findall(r"[a-z]+", re.sub(r"'[^']*'", "", line.casefold())))
    assert not words & {"is", "not", "a", "number", "the", "write", "for", "example"}


def _notes_of(db: Path) -> dict[tuple[int, int], tuple[str, str, str]]:
    with sqlite3.connect(db) as connection:
        return {
            (sheet, criterion): (value, note, updated)
            for sheet, criterion, value, note, updated in connection.execute(
                "SELECT sheet_id, criterion_id, value, note, updated_at FROM score"
            )
        }


def _sheet_times(db: Path) -> dict[int, tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return {
            sheet: (status, updated)
            for sheet, status, updated in connection.execute(
                "SELECT id, status, updated_at FROM sheet"
            )
        }


def test_reimporting_equal_scores_changes_nothing_and_keeps_every_note(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The demo's own score file, less the sheet it leaves for a newcomer: equal to what is
    # stored, notes included.
    source = Path(__file__).parents[2] / "resources" / "demo" / "scores.csv"
    with source.open(encoding="utf-8", newline="") as stream:
        rows = [r for r in csv.reader(stream) if r[:2] != ["J1", "RSS-04"]]
    noted, without_notes = tmp_path / "scores.csv", tmp_path / "plain.csv"
    for path, width in ((noted, 5), (without_notes, 4)):
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows(row[:width] for row in rows)
    scores, sheets, counts = _notes_of(demo_db), _sheet_times(demo_db), table_counts(demo_db)
    assert sum(1 for _, note, _ in scores.values() if note) > 0
    for path in (noted, without_notes):
        assert run(demo_db, "import-scores", str(path)) == 0
        assert "0 new, 0 changed" in capsys.readouterr().out
        assert _notes_of(demo_db) == scores
        assert _sheet_times(demo_db) == sheets
        assert table_counts(demo_db) == counts  # no audit event either
