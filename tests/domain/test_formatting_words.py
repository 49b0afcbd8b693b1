"""The exact words of formatting errors, and dates of several days in English."""

from __future__ import annotations

from datetime import date

import pytest

from juryapp.domain.formatting import (
    count_in_words,
    dates_text,
    format_number,
    format_score,
    month_name,
    number_in_words,
    parse_decimal,
)


def test_an_unknown_language_is_refused_naming_the_known_ones() -> None:
    for call in (
        lambda: month_name(1, "fr"),
        lambda: dates_text([date(2024, 9, 18)], "de"),
        lambda: number_in_words(3, "jv"),
    ):
        with pytest.raises(ValueError, match=r"^unsupported language '\w+'; use one of id, en$"):
            call()


def test_a_flag_is_no_number_to_format() -> None:
    with pytest.raises(TypeError, match=r"^a bool is not a number to format$"):
        format_score(True)
    with pytest.raises(TypeError, match=r"^a bool is not a number to format$"):
        format_number(False, 0)


def test_numbers_too_large_for_words_name_the_limit() -> None:
    assert number_in_words(999_999_999_999_999, "en").startswith("nine hundred ninety-nine")
    with pytest.raises(
        ValueError,
        match=r"^can only write 0 to 999,999,999,999,999 in words, not 1,000,000,000,000,000$",
    ):
        number_in_words(10**15)
    with pytest.raises(ValueError, match=r"not -1$"):
        number_in_words(-1, "en")


def test_dates_of_several_days_in_english() -> None:
    assert dates_text([date(2024, 9, 19), date(2024, 9, 18)], "en") == "18 and 19 September 2024"
    # a month whose name differs between the languages
    assert dates_text([date(2024, 8, 20), date(2024, 8, 21)], "en") == "20 and 21 August 2024"
    assert dates_text([date(2024, 9, 18), date(2024, 9, 19), date(2024, 9, 20)], "en") == (
        "18, 19 and 20 September 2024"
    )
    assert dates_text([date(2024, 9, 30), date(2024, 10, 1)], "en") == (
        "30 September 2024 and 1 October 2024"
    )
    assert dates_text([date(2024, 9, 30), date(2024, 10, 1)]) == (
        "30 September 2024 dan 1 Oktober 2024"
    )
    assert dates_text([date(2024, 9, 18)], "en") == "18 September 2024"


def test_a_count_in_words_is_in_indonesian_unless_asked() -> None:
    assert count_in_words(15) == "15 (lima belas)"
    assert count_in_words(15, "en") == "15 (fifteen)"
    assert dates_text([date(2024, 9, 18), date(2024, 9, 19)]) == "18 dan 19 September 2024"


@pytest.mark.parametrize("text", ["1.2,3,4", "1,,5", "12,34.5.6"])
def test_an_unreadable_number_is_quoted_in_its_refusal(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_decimal(text)
    assert str(caught.value).startswith(f"{text!r}: ")
