"""The wizard's spreadsheets: teams and judges merged by code into a set-up, or refused whole."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from juryapp.domain.messages import FileProblemError
from juryapp.domain.model import ConventionSpec, JudgeRole
from juryapp.domain.validation import check_spec
from juryapp.interchange.tabular import write_table
from juryapp.services.setup_files import judges_in_file, teams_in_file

TEAM_HEADINGS = ["kode", "institusi", "kategori", "judul", "anggota", "hari", "urutan"]
JUDGE_HEADINGS = ["kode", "nama", "instansi", "peran"]


def teams_file(tmp_path: Path, rows: list[list[object]]) -> Path:
    path = tmp_path / "tim-wizard.xlsx"
    write_table(path, TEAM_HEADINGS, rows)
    return path


def judges_file(tmp_path: Path, rows: list[list[object]]) -> Path:
    path = tmp_path / "juri-wizard.csv"
    write_table(path, JUDGE_HEADINGS, rows)
    return path


def test_teams_are_added_and_replaced_by_code(tmp_path: Path, demo_spec: ConventionSpec) -> None:
    path = teams_file(
        tmp_path,
        [
            ["PKM-01", "Puskesmas Baru", "PKM", "Judul baru", "Ani; Budi", 1, 1],
            ["PKM-99", "Puskesmas Tambahan", "PKM", "Inovasi tambahan", "Citra", 2, 9],
        ],
    )
    merged = teams_in_file(path, demo_spec)
    by_code = {t.code: t for t in merged.teams}
    assert len(merged.teams) == len(demo_spec.teams) + 1
    assert by_code["PKM-01"].institution == "Puskesmas Baru"
    assert by_code["PKM-01"].members == ("Ani", "Budi")
    assert (by_code["PKM-99"].day, by_code["PKM-99"].order) == (2, 9)
    untouched = [t for t in demo_spec.teams if t.code != "PKM-01"]
    assert all(by_code[t.code] == t for t in untouched)
    # the set-up given is left as it was: nothing is stored until the wizard finishes
    assert [t.code for t in demo_spec.teams].count("PKM-99") == 0
    assert merged.judges == demo_spec.judges and merged.criteria == demo_spec.criteria


def test_a_code_twice_in_the_file_is_refused_at_its_second_row(
    tmp_path: Path, demo_spec: ConventionSpec
) -> None:
    path = teams_file(
        tmp_path,
        [
            ["PKM-90", "Puskesmas A", "PKM", "Judul A", "Ani", 2, 10],
            ["PKM-91", "Puskesmas B", "PKM", "Judul B", "Budi", 2, 11],
            ["PKM-90", "Puskesmas C", "PKM", "Judul C", "Citra", 2, 12],
        ],
    )
    with pytest.raises(FileProblemError) as caught:
        teams_in_file(path, demo_spec)
    problem = caught.value
    assert (problem.file, problem.row, problem.column) == ("tim-wizard.xlsx", 4, "kode")
    assert problem.text.en == "code 'PKM-90' already used on row 2"


def test_a_team_problem_names_its_row_and_the_files_own_heading(
    tmp_path: Path, demo_spec: ConventionSpec
) -> None:
    path = teams_file(
        tmp_path,
        [
            ["PKM-90", "Puskesmas A", "PKM", "Judul A", "Ani", 2, 10],
            ["PKM-91", "Puskesmas B", "KLINIK", "Judul B", "Budi", 2, 11],
        ],
    )
    with pytest.raises(FileProblemError) as caught:
        teams_in_file(path, demo_spec)
    problem = caught.value
    assert (problem.row, problem.column) == (3, "kategori")
    assert problem.text.en == "unknown category 'KLINIK'"


def test_an_unfinished_rest_of_the_set_up_is_not_blamed_on_the_file(
    tmp_path: Path, demo_spec: ConventionSpec
) -> None:
    # no chair of the jury yet: a problem of the judges, not of a teams file
    unfinished = replace(
        demo_spec, judges=tuple(replace(j, role=JudgeRole.MEMBER) for j in demo_spec.judges)
    )
    path = teams_file(tmp_path, [["PKM-90", "Puskesmas A", "PKM", "Judul A", "Ani", 2, 10]])
    merged = teams_in_file(path, unfinished)
    assert merged.teams[-1].code == "PKM-90"


def test_judges_are_added_and_replaced_by_code(tmp_path: Path, demo_spec: ConventionSpec) -> None:
    path = judges_file(
        tmp_path,
        [
            ["J2", "dr. Baru, M.Kes", "Dinas Kesehatan", "anggota"],
            ["J9", "Ns. Tambahan, S.Kep", "RSUD Cengkareng", "anggota"],
        ],
    )
    merged = judges_in_file(path, demo_spec)
    by_code = {j.code: j for j in merged.judges}
    assert [j.code for j in merged.judges] == [*(j.code for j in demo_spec.judges), "J9"]
    assert by_code["J2"].name == "dr. Baru, M.Kes"
    assert by_code["J9"].role is JudgeRole.MEMBER
    assert merged.teams == demo_spec.teams


def test_an_unknown_role_is_refused_at_its_row_and_column(
    tmp_path: Path, demo_spec: ConventionSpec
) -> None:
    path = judges_file(tmp_path, [["J9", "Ns. Tambahan", "RSUD", "pengamat"]])
    with pytest.raises(FileProblemError) as caught:
        judges_in_file(path, demo_spec)
    assert (caught.value.file, caught.value.row, caught.value.column) == (
        "juri-wizard.csv",
        2,
        "peran",
    )


def test_a_problem_of_the_whole_table_is_left_to_the_wizards_own_check(
    tmp_path: Path, demo_spec: ConventionSpec
) -> None:
    # a second chair is not one row's fault: the wizard's page shows it, where either chair
    # can be changed, instead of refusing a file whose every row is right
    path = judges_file(tmp_path, [["J9", "dr. Ketua Kedua", "RSUD", "ketua"]])
    merged = judges_in_file(path, demo_spec)
    assert [j.code for j in merged.judges if j.role is JudgeRole.CHAIR] == ["J1", "J9"]
    assert [where for where, _ in check_spec(merged)] == ["judges"]
