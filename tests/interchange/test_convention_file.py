"""Convention files: every failure one line naming file, line and key; abstentions round-trip."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from juryapp.domain.messages import FileProblemError, set_language
from juryapp.domain.model import Abstention
from juryapp.interchange.convention_file import MAX_FILE_BYTES, read_convention_file
from juryapp.interchange.convention_writer import write_convention_file
from juryapp.interchange.toml_places import MAX_NESTING, line_of
from juryapp.resources import resource

DEMO = resource("demo", "convention.toml").read_text(encoding="utf-8")


def with_logo(folder: Path) -> Path:
    """The demo's logo beside a convention file written from the demo's text."""
    logo = folder / "logo.png"
    logo.write_bytes(resource("demo", "logo.png").read_bytes())
    return logo


def refused(tmp_path: Path, text: str, name: str = "konvensi.toml") -> FileProblemError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with_logo(tmp_path)
    with pytest.raises(FileProblemError) as caught:
        read_convention_file(path)
    error = caught.value
    assert error.file == name and (error.lines or error.row is None)
    for lang in ("id", "en"):
        set_language(lang)
        shown = str(error)
        assert "\n" not in shown and len(shown) < 400
    set_language("id")
    assert error.text.id != error.text.en
    return error


def line_with(text: str, fragment: str, after: int = 0) -> int:
    """The number of the first line holding ``fragment`` after line ``after``."""
    for number, line in enumerate(text.splitlines(), 1):
        if number > after and fragment in line:
            return number
    raise AssertionError(fragment)


@pytest.mark.parametrize(
    "value",
    [
        "[" * 100_000 + "]" * 100_000,
        "{a = " * 5_000 + "1" + "}" * 5_000,
        "[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]",
    ],
)
def test_nesting_bombs_name_the_line_and_key(tmp_path: Path, value: str) -> None:
    text = DEMO.replace('theme = "', f'bom = {value}\ntheme = "', 1)
    error = refused(tmp_path, text)
    assert error.row == line_with(text, "bom = ")
    assert error.column == "bom"
    assert str(MAX_NESTING) in error.text.en


def test_nesting_inside_strings_and_comments_is_no_bomb(tmp_path: Path) -> None:
    deep = "[" * 50
    text = DEMO.replace('theme = "', f'# {deep}\ntheme = "{deep} ', 1)
    assert read_convention_file(_write(tmp_path, text)).info.theme.startswith(deep)


def test_an_integer_too_long_for_python_names_its_line(tmp_path: Path) -> None:
    text = DEMO.replace("max_team_members = 7", "max_team_members = 1" + "0" * 5_000)
    error = refused(tmp_path, text)
    assert (error.row, error.column) == (line_with(text, "max_team_members"), "max_team_members")


def test_a_file_larger_than_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    text = DEMO + "# " + "x" * MAX_FILE_BYTES + "\n"
    error = refused(tmp_path, text)
    assert "MB" in error.text.en and error.row is None


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (('name = "Konvensi', "name = Konvensi"), "name"),
        (("quota = 3", "quota = "), "quota"),
        (("[[teams]]", "[[teams]"), "teams"),
    ],
)
def test_toml_syntax_errors_name_the_line_and_key_in_the_chosen_language(
    tmp_path: Path, change: tuple[str, str], key: str
) -> None:
    text = DEMO.replace(*change, 1)
    error = refused(tmp_path, text)
    assert error.row == line_with(text, change[1])
    assert error.column == key
    assert "TOML" in error.text.id and "baris" not in error.text.en


def test_a_wrong_value_names_the_line_of_its_key(tmp_path: Path) -> None:
    third = line_with(DEMO, "[[teams]]", line_with(DEMO, "[[teams]]", line_with(DEMO, "[[teams]]")))
    category = line_with(DEMO, "category = ", third)
    text = "\n".join(
        line.replace('"PKM"', '"PUSKESMAS"') if n == category else line
        for n, line in enumerate(DEMO.splitlines(), 1)
    )
    error = refused(tmp_path, text)
    assert error.column == "teams[3].category"
    assert error.row == category
    assert "'PUSKESMAS'" in error.text.en


def test_a_missing_key_names_the_line_of_its_table(tmp_path: Path) -> None:
    text = DEMO.replace('name = "Konvensi', 'nama = "Konvensi', 1)
    error = refused(tmp_path, text)
    assert error.column == "convention.name"
    assert error.row == line_with(text, "[convention]")


def test_a_huge_wrong_value_is_quoted_short(tmp_path: Path) -> None:
    text = DEMO.replace('method = "mean"', f'method = "{"x" * 40_000}"', 1)
    error = refused(tmp_path, text)
    assert all(len(q) <= 60 for q in re.findall(r"'([^']*)'", error.text.en))


def test_a_type_is_named_in_each_language(tmp_path: Path) -> None:
    error = refused(tmp_path, DEMO.replace("max_team_members = 7", 'max_team_members = "7"'))
    assert "whole number" in error.text.en and "bilangan bulat" in error.text.id


def test_a_code_outside_the_safe_set_names_its_line(tmp_path: Path) -> None:
    text = DEMO.replace('code = "PKM-01"', 'code = "../../PKM-01"', 1)
    error = refused(tmp_path, text)
    assert error.column == "teams[1].code"
    assert error.row == line_with(text, "../../PKM-01")


def test_abstentions_are_read_checked_and_written_back(tmp_path: Path) -> None:
    text = DEMO + '\n[[abstentions]]\njudge = "J4"\nteam = "PKM-02"\nreason = "Sakit"\n'
    spec = read_convention_file(_write(tmp_path, text))
    assert spec.abstentions == (Abstention("J4", "PKM-02", "Sakit"),)
    again = tmp_path / "again.toml"
    write_convention_file(spec, again)
    assert read_convention_file(again) == spec
    bad = text.replace('team = "PKM-02"\nreason', 'team = "PKM-99"\nreason')
    error = refused(tmp_path, bad)
    assert error.column == "abstentions[1].team" and error.row == line_with(bad, "PKM-99")


def test_places_are_found_in_nested_arrays_of_tables() -> None:
    text = (
        "[[criteria]]\ncode = 'K1'\n[[criteria.levels]]\nscore = 1\n[[criteria.levels]]\n"
        "label = 'x'\n[[criteria]]\ncode = 'K2'\n[[criteria.levels]]\nscore = 2\n"
    )
    assert line_of(text, "criteria[1].levels[2].label") == 6
    assert line_of(text, "criteria[2].levels[1].score") == 10
    assert line_of(text, "criteria[2].levels[1].label") == 9  # missing: its table's header
    assert line_of(text, "judges[1].name") is None


def test_a_spec_written_out_reads_back_equal(tmp_path: Path) -> None:
    spec = read_convention_file(resource("demo", "convention.toml"))
    spec = replace(spec, abstentions=(Abstention("J1", "RSS-04", "Berhalangan hadir"),))
    path = tmp_path / "Siti Nurhaliza ñ" / "konvensi.toml"
    write_convention_file(spec, path)
    assert read_convention_file(path) == spec


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "konvensi.toml"
    path.write_text(text, encoding="utf-8")
    with_logo(tmp_path)
    return path


def test_an_unknown_key_is_refused_rather_than_lost(tmp_path: Path) -> None:
    text = DEMO.replace("organiser = ", "organizer = ", 1)
    error = refused(tmp_path, text)
    assert error.column == "convention.organizer"
    assert error.row == line_with(text, "organizer = ")
    assert "organiser" in error.text.en  # among the known keys
    nested = DEMO.replace('label_en = "Very poor"', 'label_en = "Very poor", warna = "merah"', 1)
    assert refused(tmp_path, nested).column == "criteria[1].levels[1].warna"


# --- each refusal of the reader, with the key it names ---------------------------------------


@pytest.mark.parametrize(
    ("change", "column", "why"),
    [
        (('format = "juryapp-convention"', 'format = "excel"'), "format",
         "not a juryapp convention file"),
        (("format_version = 1", "format_version = 2"), "format_version",
         "version 2 is newer than this app knows (1)"),
        (("format_version = 1", "format_version = true"), "format_version",
         "must be a whole number, not True"),
        (("max_team_members = 7", "max_team_members = true"), "convention.max_team_members",
         "must be a whole number, not True"),
        (("weight = 10", 'weight = "sepuluh"'), "criteria[1].weight", "must be a number"),
        (("weight = 10", "weight = true"), "criteria[1].weight", "must be a number"),
        (("weight = 10", 'weight = "nan"'), "criteria[1].weight", "must be a number"),
        (("weight = 10", "weight = inf"), "criteria[1].weight", "must be a number"),
        (("weight = 10", "weight = [10]"), "criteria[1].weight", "must be a number"),
        (('method = "mean"', 'method = "terbaik"'), "scoring.method", "unknown value 'terbaik'"),
        (("max_team_members = 7", 'max_team_members = 7\nmembers = "Ani"'), None, None),
    ],
)  # fmt: skip
def test_a_wrong_value_is_refused_naming_its_key(
    tmp_path: Path, change: tuple[str, str], column: str | None, why: str | None
) -> None:
    text = DEMO.replace(*change, 1)
    assert text != DEMO
    error = refused(tmp_path, text)
    if column is None:  # a key the convention table does not have
        assert error.column == "convention.members"
        return
    assert (error.column, error.text.en) == (column, why)
    assert error.row == line_with(text, change[1].splitlines()[0])


def test_a_weight_may_be_written_with_a_decimal_comma(tmp_path: Path) -> None:
    spec = read_convention_file(_write(tmp_path, DEMO.replace("weight = 10", 'weight = "10,0"', 1)))
    assert str(spec.criteria[0].weight) == "10.0"
    assert spec == read_convention_file(_write(tmp_path, DEMO))


def test_members_must_be_a_list_of_names(tmp_path: Path) -> None:
    text = re.sub(r"members = \[", "members = [3, ", DEMO, count=1)
    assert text != DEMO
    error = refused(tmp_path, text)
    assert error.column is not None and error.column.endswith(".members")
    assert error.text.en == "must be a list of names"


def test_a_missing_file_a_folder_and_other_encodings_are_refused(tmp_path: Path) -> None:
    for path, why in (
        (tmp_path / "tidak-ada.toml", "file not found"),
        (tmp_path / "folder.toml", "the file cannot be read"),
        (tmp_path / "latin1.toml", "the file must be UTF-8 encoded"),
    ):
        if path.name == "folder.toml":
            path.mkdir()
        elif path.name == "latin1.toml":
            path.write_bytes(DEMO.replace("Konvensi", "Konvensi Señor").encode("latin-1"))
        with pytest.raises(FileProblemError) as caught:
            read_convention_file(path)
        assert caught.value.file == path.name
        assert caught.value.text.en.startswith(why), caught.value.text.en
        assert caught.value.text.id != caught.value.text.en


def test_the_demo_reads_as_the_set_up_it_describes() -> None:
    spec = read_convention_file(resource("demo", "convention.toml"))
    assert spec.info.name.startswith("Konvensi Mutu Bidang Kesehatan")
    assert spec.info.max_team_members == 7
    assert spec.scoring.method.value == "mean"
    assert sum(c.weight for c in spec.criteria) == 100
    assert [c.code for c in spec.criteria] == [f"K{i}" for i in range(1, 9)]
    assert {t.category for t in spec.teams} == {c.code for c in spec.categories}
    assert spec.info.logo is not None and spec.info.logo.startswith(b"\x89PNG")
