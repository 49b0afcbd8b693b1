"""Bilingual texts and error lines, word for word: what a person reads when something fails."""

from __future__ import annotations

import errno

import pytest

from juryapp.domain.messages import (
    QUOTE_LIMIT,
    FileProblemError,
    JuryError,
    StorageError,
    Text,
    current_language,
    os_reason,
    set_language,
    shown,
    storage_error,
)


def test_the_language_is_chosen_and_an_unknown_one_refused() -> None:
    set_language("en")
    assert current_language() == "en" and str(Text("halo", "hello")) == "hello"
    set_language("id")
    assert current_language() == "id" and str(Text("halo", "hello")) == "halo"
    with pytest.raises(ValueError, match=r"unsupported language 'fr'; use one of id, en"):
        set_language("fr")
    assert current_language() == "id"


def test_format_fills_each_language_and_a_text_value_in_its_own_language() -> None:
    template = Text("{n} tim: {why}", "{n} teams: {why}")
    assert template.format(n=3, why="x") == Text("3 tim: x", "3 teams: x")
    assert template.format(n=3, why=Text("sakit", "ill")) == Text("3 tim: sakit", "3 teams: ill")
    mixed = Text("{a} {b}", "{a} {b}").format(a=Text("satu", "one"), b=2)
    assert mixed == Text("satu 2", "one 2")


def test_shown_keeps_a_value_at_the_limit_and_cuts_a_longer_one() -> None:
    assert shown("a" * QUOTE_LIMIT) == "a" * QUOTE_LIMIT
    assert shown("a" * (QUOTE_LIMIT + 1)) == "a" * (QUOTE_LIMIT - 1) + "…"
    assert shown("abcdef", 4) == "abc…"
    assert shown("a\tb\rc\nd\x00e\x1bf\x85") == "a b c d\ufffde\ufffdf\ufffd"
    assert shown("XX") == "XX"


def test_an_error_carries_its_text_and_says_it_in_the_chosen_language() -> None:
    error = JuryError(Text("baris\nkedua", "line\ntwo"))
    assert error.args == ("baris\nkedua",)
    assert str(error) == "baris kedua"
    set_language("en")
    assert str(error) == "line two"


@pytest.mark.parametrize(
    ("lines", "row", "column", "id_", "en"),
    [
        (False, 3, "skor", "nilai.csv, baris 3, kolom 'skor': x",
         "nilai.csv, row 3, column 'skor': y"),
        (True, 7, "teams[1].code", "k.toml, baris 7, kunci 'teams[1].code': x",
         "k.toml, line 7, key 'teams[1].code': y"),
        (False, None, None, "nilai.csv: x", "nilai.csv: y"),
    ],
)  # fmt: skip
def test_a_file_problem_names_the_file_row_and_column_in_each_language(
    lines: bool, row: int | None, column: str | None, id_: str, en: str
) -> None:
    file = "k.toml" if lines else "nilai.csv"
    error = FileProblemError(Text("x", "y"), file=file, row=row, column=column, lines=lines)
    assert str(error) == id_
    set_language("en")
    assert str(error) == en


def test_a_long_file_name_is_cut_at_twice_the_quote_limit() -> None:
    name = "n" * (2 * QUOTE_LIMIT + 10)
    error = FileProblemError(Text("x", "y"), file=name)
    assert error.location("id") == "n" * (2 * QUOTE_LIMIT - 1) + "…"


@pytest.mark.parametrize(
    ("number", "id_", "en"),
    [
        (errno.ENOSPC, "disk penuh", "the disk is full"),
        (errno.EACCES, "tidak ada izin", "permission denied"),
        (errno.ENOTCONN, "kesalahan sistem ENOTCONN", "system error ENOTCONN"),
        (None, "kesalahan sistem FileNotFoundError", "system error FileNotFoundError"),
    ],
)
def test_system_errors_in_both_languages(number: int | None, id_: str, en: str) -> None:
    exc = FileNotFoundError() if number is None else OSError(number, "os text")
    assert os_reason(exc) == Text(id_, en)


def test_an_error_number_zero_is_not_a_known_reason() -> None:
    assert os_reason(OSError(0, "x")) == Text("kesalahan sistem OSError", "system error OSError")


def test_storage_errors_say_what_could_not_be_done_and_what_to_do() -> None:
    full = storage_error(OSError(errno.ENOSPC, "x"), "/media/usb/konvensi.sqlite3")
    assert isinstance(full, StorageError)
    assert full.text == Text(
        "/media/usb/konvensi.sqlite3 tidak dapat ditulis: disk penuh; "
        "kosongkan ruang disk atau pilih folder di disk lain",
        "/media/usb/konvensi.sqlite3 cannot be written: the disk is full; "
        "free some disk space or choose a folder on another disk",
    )
    denied = storage_error(OSError(errno.EACCES, "x"), "a.csv", reading=True)
    assert denied.text == Text(
        "a.csv tidak dapat dibaca: tidak ada izin; "
        "periksa izin berkas itu atau tutup di program lain",
        "a.csv cannot be read: permission denied; "
        "check the file's permissions or close it in other programs",
    )
    written = storage_error(OSError(errno.EACCES, "x"), "a.csv")
    assert written.text.en == (
        "a.csv cannot be written: permission denied; "
        "choose another folder or close the file in other programs"
    )
    other = storage_error(OSError(errno.ENOTCONN, "x"), "b", reading=True)
    assert other.text == Text(
        "b tidak dapat dibaca: kesalahan sistem ENOTCONN; periksa folder itu lalu coba lagi",
        "b cannot be read: system error ENOTCONN; check that folder, then try again",
    )
    unknown = storage_error(OSError(0, "x"), "c")
    assert (
        unknown.text.en
        == "c cannot be written: system error OSError; check that folder, then try again"
    )
    long_path = "p" * (4 * QUOTE_LIMIT + 5)
    cut = storage_error(OSError(errno.EIO, "x"), long_path)
    assert cut.text.en.startswith("p" * (4 * QUOTE_LIMIT - 1) + "… cannot be written")
