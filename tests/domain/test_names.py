"""Codes, text fields and the values messages quote: what may be stored, and how it is shown."""

from __future__ import annotations

import errno
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juryapp.domain.kinds import JudgeRole
from juryapp.domain.messages import (
    QUOTE_LIMIT,
    FileProblemError,
    StorageError,
    Text,
    one_line,
    os_reason,
    set_language,
    shown,
    storage_error,
)
from juryapp.domain.model import Abstention, Conflict, ConventionSpec
from juryapp.domain.validation import CODE_MAX, check_spec, code_problem, text_problem
from tests.domain.builders import make_spec


def spec_with() -> ConventionSpec:
    """A valid set-up: three teams, three judges (the first chairs), the default rubric."""
    spec = make_spec()
    chair = replace(spec.judges[0], role=JudgeRole.CHAIR)
    return replace(spec, judges=(chair, *spec.judges[1:]))


@pytest.mark.parametrize("code", ["PKM-01", "K1", "RSUD", "j_2", "a.b", "9", "x" * CODE_MAX])
def test_safe_codes_are_accepted(code: str) -> None:
    assert code_problem(code) is None


@pytest.mark.parametrize(
    "code",
    [
        "",
        "  ",
        ".hidden",
        "..",
        "../x",
        "a/b",
        "a\\b",
        "C:x",
        "PKM 01",
        "PKM\x0001",
        "é1",
        "x" * (CODE_MAX + 1),
        "\u202ePKM",
    ],
)
def test_codes_outside_the_safe_set_are_refused_in_both_languages(code: str) -> None:
    problem = code_problem(code)
    assert problem is not None
    assert problem.id != problem.en
    assert "\x00" not in problem.en and "\n" not in problem.en


@given(st.text(max_size=60))
def test_an_accepted_code_is_a_plain_file_name_part(code: str) -> None:
    if code_problem(code) is None:
        assert "/" not in code and "\\" not in code and not code.startswith(".")
        assert code.isascii() and code.isprintable() and " " not in code


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x07", "\x7f", "\x85", "\x9b"])
def test_control_characters_are_refused_in_any_text(character: str) -> None:
    for lines in (False, True):
        problem = text_problem(f"Siti{character}Nur", lines=lines)
        assert problem is not None and "U+" in problem.en


def test_line_breaks_and_tabs_only_in_texts_of_several_lines() -> None:
    for text in ("a\nb", "a\r\nb", "a\tb"):
        assert text_problem(text) is not None
        assert text_problem(text, lines=True) is None
    assert text_problem("Puskesmas Kebon Jeruk — “Sehat”, 2024") is None


def test_every_text_of_a_set_up_is_checked_with_its_place() -> None:
    spec = spec_with()
    team = replace(spec.teams[0], title="Inovasi\x00", members=("Ani", "Budi\x1b"))
    judge = replace(spec.judges[0], name="dr.\nSiti")
    bad = replace(
        spec,
        teams=(team, *spec.teams[1:]),
        judges=(judge, *spec.judges[1:]),
        conflicts=(Conflict(spec.judges[1].code, institution="RS\x07", reason="baris\nkedua"),),
    )
    places = {where for where, _ in check_spec(bad)}
    assert {
        "teams[1].title",
        "teams[1].members",
        "judges[1].name",
        "conflicts[1].institution",
    } <= places
    assert "conflicts[1].reason" not in places  # a reason may span lines


def test_codes_of_every_table_are_checked() -> None:
    spec = spec_with()
    bad = replace(
        spec,
        teams=(replace(spec.teams[0], code="../x"), *spec.teams[1:]),
        categories=(replace(spec.categories[0], code=".c"), *spec.categories[1:]),
    )
    places = {where for where, _ in check_spec(bad)}
    assert {"teams[1].code", "categories[1].code"} <= places


def test_abstentions_name_known_people_once_with_a_reason() -> None:
    spec = spec_with()
    judge, team = spec.judges[0].code, spec.teams[0].code
    good = replace(spec, abstentions=(Abstention(judge, team, "sakit"),))
    assert check_spec(good) == []
    bad = replace(
        spec,
        abstentions=(
            Abstention("J9", team, "x"),
            Abstention(judge, "T9", "x"),
            Abstention(judge, team, ""),
            Abstention(judge, team, "lagi"),
        ),
    )
    places = [where for where, _ in check_spec(bad)]
    assert places == [
        "abstentions[1].judge",
        "abstentions[2].team",
        "abstentions[3].reason",
        "abstentions[4]",
    ]


@given(st.text(max_size=200))
def test_shown_values_are_one_short_line_without_control_characters(value: str) -> None:
    text = shown(value)
    assert len(text) <= QUOTE_LIMIT
    assert not any(c in text for c in "\r\n\x00\x1b\x7f")
    if len(value) <= QUOTE_LIMIT and value.isprintable():
        assert text == value


def test_a_long_value_is_cut_with_an_ellipsis() -> None:
    assert shown("x" * 40_000) == "x" * (QUOTE_LIMIT - 1) + "…"


def test_one_line_joins_lines() -> None:
    assert one_line("a\n  b\r\nc ") == "a b c"


def test_a_text_given_to_format_goes_in_each_language() -> None:
    noun = Text("juri", "judge")
    text = Text("{n} tidak dikenal", "unknown {n}").format(n=noun)
    assert (text.id, text.en) == ("juri tidak dikenal", "unknown judge")


def test_file_problems_are_one_line_with_short_quotes() -> None:
    error = FileProblemError(
        Text("isi\nsalah", "wrong\ncontents"), file="f.csv", row=3, column="x\n" * 100
    )
    set_language("en")
    text = str(error)
    assert "\n" not in text and text.startswith("f.csv, row 3, column 'x x")
    assert len(text) < 120
    lines = FileProblemError(Text("a", "b"), file="k.toml", row=4, column="teams", lines=True)
    assert str(lines) == "k.toml, line 4, key 'teams': b"
    set_language("id")
    assert str(lines) == "k.toml, baris 4, kunci 'teams': a"


@pytest.mark.parametrize(
    ("number", "english"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the medium is read-only"),
        (errno.EACCES, "permission denied"),
        (errno.EIO, "a device input/output error"),
        (errno.ENOTSUP, "system error"),
    ],
)
def test_system_errors_are_said_in_both_languages(number: int, english: str) -> None:
    reason = os_reason(OSError(number, "whatever the system says"))
    assert reason.en.startswith(english)
    assert reason.id != reason.en


def test_a_storage_error_names_the_file_and_what_to_do() -> None:
    error = storage_error(OSError(errno.ENOSPC, "No space left on device"), "/media/usb/rekap.pdf")
    assert isinstance(error, StorageError)
    assert error.text.en == (
        "/media/usb/rekap.pdf cannot be written: the disk is full; free some disk space or "
        "choose a folder on another disk"
    )
    assert "disk penuh" in error.text.id
