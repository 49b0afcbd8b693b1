"""Indonesian and English numbers, dates, words and titles for screens and printed documents."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

from juryapp.domain.messages import LANGUAGES

__all__ = [
    "Number",
    "count_in_words",
    "date_in_words",
    "dates_text",
    "day_name",
    "format_date",
    "format_datetime",
    "format_nip",
    "format_number",
    "format_score",
    "format_time",
    "month_name",
    "number_in_words",
    "parse_decimal",
    "rank_title",
    "roman",
]

Number: TypeAlias = Decimal | Fraction | int | float

_SEPARATORS = {"id": (".", ","), "en": (",", ".")}  # (thousands, decimal)

_DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

_WORDS_LIMIT = 10**15


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}")


# --- numbers -------------------------------------------------------------------------------


def _exact(value: Number) -> Fraction:
    if isinstance(value, bool):
        # bool is an int to Python, but a flag reaching a score column is a bug, not 1,00
        raise TypeError("a bool is not a number to format")
    if (isinstance(value, float) and not math.isfinite(value)) or (
        isinstance(value, Decimal) and not value.is_finite()
    ):
        raise ValueError(f"cannot format {value!r}: not a finite number")
    # Fraction holds a float or a Decimal exactly, so 0.1 + 0.2 rounds as the binary value
    # it really is and no str()/repr() artefact leaks into a printed score
    return Fraction(value)


def _round_half_up(value: Fraction, places: int) -> int:
    """``value`` times 10**places, rounded half away from zero (as Excel's ROUND does)."""
    factor: int = 10**places  # places is never negative here, so this is an int
    scaled = abs(value) * factor
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    return -whole if value < 0 else whole


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def format_number(value: Number, places: int = 2, lang: str = "id") -> str:
    """``value`` rounded half-up to ``places`` decimals with the separators of ``lang``.

    Indonesian: ``1.700`` and ``87,50``; English: ``1,700`` and ``87.50``.
    """
    _check_lang(lang)
    if places < 0:
        raise ValueError(f"places must be 0 or more, not {places}")
    scaled = _round_half_up(_exact(value), places)
    thousands, decimal = _SEPARATORS[lang]
    digits = str(abs(scaled)).rjust(places + 1, "0")
    whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :]
    text = _group(whole, thousands)
    if places:
        text += decimal + fraction
    # a value that rounds to zero prints without a sign: "-0,00" would read as a real deficit
    return f"-{text}" if scaled < 0 else text


def format_score(value: Number, lang: str = "id") -> str:
    """A score or final result as the convention publishes it: always two decimals."""
    return format_number(value, 2, lang)


# Typed input: at most one sign, then digits and separators only. ASCII digits only, because
# Decimal() would also take Arabic-Indic or full-width digits a person did not mean to type.
_NUMBER_SHAPE = re.compile(r"([+\-\u2212]?)([0-9.,]+)", re.ASCII)
_GROUPED = {sep: re.compile(rf"[0-9]{{1,3}}(?:\{sep}[0-9]{{3}})+", re.ASCII) for sep in ".,"}
_PLAIN_INT = re.compile(r"[0-9]*", re.ASCII)
_FRACTION = re.compile(r"[0-9]+", re.ASCII)
_EXAMPLES = "e.g. 4,5 / 4.5 / 87,50 / 1.234,5 / 1,234.5"


def parse_decimal(text: str) -> Decimal:
    """The number a person typed or a spreadsheet wrote, in Indonesian or English style.

    Both separators present: the last one is the decimal mark and the other groups thousands
    (``1.234,5`` and ``1,234.5``). One separator repeated is grouping (``1.234.567``).

    One separator appearing once is always the decimal mark, however many digits follow, so
    ``1.234`` and ``1,234`` both mean 1.234. Judges type scores and weights, which are small
    and often fractional, and "4.5" and "4,5" must both mean 4.5; reading three trailing digits
    as thousands instead would make "4,500" a thousand times "4,50" because of a trailing
    zero. A whole number from 1,000 to 999,999 is written without separators or with a decimal
    part ("1234", "1.234,0"); for the same reason ``format_number(1234, 0)`` gives "1.234",
    which is meant for reading, not for typing back.
    """
    stripped = text.strip()
    if not stripped:
        raise ValueError(f"no number given (empty text); {_EXAMPLES}")
    match = _NUMBER_SHAPE.fullmatch(stripped)
    if match is None:
        raise ValueError(f"{text!r} is not a number; {_EXAMPLES}")
    sign, body = match.groups()
    whole, fraction = _split_separators(body, text)
    number = Decimal(f"{whole or '0'}.{fraction}" if fraction else whole)
    # "-0" comes back as plain 0, so a stored score never carries a sign the screen would show
    return -number if sign in ("-", "\u2212") and number else number


def _split_separators(body: str, text: str) -> tuple[str, str]:
    """The digits before and after the decimal mark, with thousands separators removed."""
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rindex(".") > body.rindex(",") else ","
        thousands = "," if decimal == "." else "."
        whole, _, fraction = body.rpartition(decimal)
        if (
            decimal in whole
            or not _GROUPED[thousands].fullmatch(whole)
            or not _FRACTION.fullmatch(fraction)
        ):
            raise ValueError(f"{text!r}: the separators are not in a readable place; {_EXAMPLES}")
        return whole.replace(thousands, ""), fraction
    separator = "." if dots else ","
    count = dots or commas
    if count == 0:
        return body, ""
    if count == 1:
        whole, _, fraction = body.partition(separator)
        if not _PLAIN_INT.fullmatch(whole) or not _FRACTION.fullmatch(fraction):
            raise ValueError(f"{text!r}: digits must follow the decimal mark; {_EXAMPLES}")
        return whole, fraction
    if not _GROUPED[separator].fullmatch(body):
        raise ValueError(f"{text!r}: the separators are not in a readable place; {_EXAMPLES}")
    return body.replace(separator, ""), ""


# --- dates and times -----------------------------------------------------------------------


def day_name(d: date, lang: str = "id") -> str:
    """The weekday of ``d``: Senin … Minggu, Monday … Sunday."""
    _check_lang(lang)
    return _DAYS[lang][d.weekday()]


def month_name(month: int, lang: str = "id") -> str:
    """The name of month 1–12: Januari … Desember, January … December."""
    _check_lang(lang)
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, not {month}")
    return _MONTHS[lang][month - 1]


def format_date(d: date, lang: str = "id", weekday: bool = True) -> str:
    """``Rabu, 18 September 2024``; without the weekday ``18 September 2024``."""
    text = f"{d.day} {month_name(d.month, lang)} {d.year}"
    return f"{day_name(d, lang)}, {text}" if weekday else text


def dates_text(days: list[date] | tuple[date, ...], lang: str = "id") -> str:
    """Several dates as a sentence reads them: ``18 dan 19 September 2024``.

    Days of one month share the month and year; otherwise each date is written whole.
    """
    _check_lang(lang)
    if not days:
        return ""
    ordered = sorted(set(days))
    same_month = len({(d.year, d.month) for d in ordered}) == 1
    texts = (
        [str(d.day) for d in ordered]
        if same_month
        else [format_date(d, lang, weekday=False) for d in ordered]
    )
    joiner = " dan " if lang == "id" else " and "
    text = texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + joiner + texts[-1]
    if same_month:
        text += f" {month_name(ordered[0].month, lang)} {ordered[0].year}"
    return text


def format_time(t: time, lang: str = "id") -> str:
    """``pukul 09.00`` or ``09:00``: hours and minutes of the wall-clock time as given."""
    _check_lang(lang)
    if lang == "id":
        return f"pukul {t.hour:02d}.{t.minute:02d}"
    return f"{t.hour:02d}:{t.minute:02d}"


def format_datetime(dt: datetime, lang: str = "id") -> str:
    """``Rabu, 18 September 2024 pukul 14.05`` or ``Wednesday, … at 14:05``.

    The time is printed as stored, with no time-zone conversion: the event and its printouts
    happen in one room, and "Dicetak pada" must match the clock on the wall.
    """
    when = format_time(dt.time(), lang)
    joiner = " " if lang == "id" else " at "
    return f"{format_date(dt.date(), lang)}{joiner}{when}"


# --- numbers and dates in words ------------------------------------------------------------

_ID_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_ID_SCALES = ("", "ribu", "juta", "miliar", "triliun")

_EN_SMALL = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_SCALES = ("", "thousand", "million", "billion", "trillion")
_EN_ORDINAL_ENDINGS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _groups_of_thousand(n: int) -> list[int]:
    """``n`` split into groups of three digits, least significant first."""
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    return groups


def _id_below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_ID_UNITS[hundreds], "ratus"]
    tens, units = divmod(rest, 10)
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_ID_UNITS[units], "belas"]
    else:
        if tens:
            words += [_ID_UNITS[tens], "puluh"]
        if units:
            words.append(_ID_UNITS[units])
    return words


def _id_words(n: int) -> str:
    if n == 0:
        return "nol"
    words: list[str] = []
    for scale, group in reversed(list(enumerate(_groups_of_thousand(n)))):
        if not group:
            continue
        # "se-" replaces "satu" before ratus and ribu only: 1000 is "seribu" but 10^6 is
        # "satu juta", and 101000 is "seratus satu ribu" because there the group is 101
        if scale == 1 and group == 1:
            words.append("seribu")
        else:
            words += _id_below_thousand(group)
            if scale:
                words.append(_ID_SCALES[scale])
    return " ".join(words)


def _en_below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        words += [_EN_SMALL[hundreds], "hundred"]
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(f"{_EN_TENS[tens]}-{_EN_SMALL[units]}" if units else _EN_TENS[tens])
    elif rest:
        words.append(_EN_SMALL[rest])
    return words


def _en_words(n: int) -> str:
    if n == 0:
        return "zero"
    words: list[str] = []
    for scale, group in reversed(list(enumerate(_groups_of_thousand(n)))):
        if group:
            words += _en_below_thousand(group)
            if scale:
                words.append(_EN_SCALES[scale])
    return " ".join(words)


def _en_ordinal(n: int) -> str:
    """``first``, ``twelfth``, ``twenty-first``, ``thirtieth``…"""
    cardinal = _en_words(n)
    cut = max(cardinal.rfind(" "), cardinal.rfind("-")) + 1
    head, last = cardinal[:cut], cardinal[cut:]
    if last in _EN_ORDINAL_ENDINGS:
        return head + _EN_ORDINAL_ENDINGS[last]
    if last.endswith("y"):
        return f"{head}{last[:-1]}ieth"
    return f"{head}{last}th"


def number_in_words(n: int, lang: str = "id") -> str:
    """``n`` (0 ≤ n < 10**15) written out: Indonesian *terbilang* or English without "and"."""
    _check_lang(lang)
    if not 0 <= n < _WORDS_LIMIT:
        raise ValueError(f"can only write 0 to {_WORDS_LIMIT - 1:,} in words, not {n:,}")
    return _id_words(n) if lang == "id" else _en_words(n)


def count_in_words(n: int, lang: str = "id") -> str:
    """A count as formal letters write it, figures then words: ``15 (lima belas)``."""
    return f"{n} ({number_in_words(n, lang)})"


def date_in_words(d: date, lang: str = "id") -> str:
    """The date as the opening of a Berita Acara writes it.

    ``Rabu tanggal delapan belas bulan September tahun dua ribu dua puluh empat``;
    ``Wednesday, the eighteenth day of September in the year two thousand twenty-four``.
    """
    day, month = day_name(d, lang), month_name(d.month, lang)
    if lang == "id":
        return f"{day} tanggal {_id_words(d.day)} bulan {month} tahun {_id_words(d.year)}"
    return f"{day}, the {_en_ordinal(d.day)} day of {month} in the year {_en_words(d.year)}"


# --- identity numbers ----------------------------------------------------------------------

_NIP_DIGITS = 18


def format_nip(nip: str) -> str:
    """An 18-digit NIP grouped as printed under a civil servant's name: 19740512 200312 2 002.

    Birth date, appointment month, sex and serial number; anything else is left as typed.
    """
    digits = "".join(nip.split())
    if len(digits) != _NIP_DIGITS or not digits.isascii() or not digits.isdigit():
        return nip.strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


# --- roman numerals and places -------------------------------------------------------------

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_EN_PLACES = ("First place", "Second place", "Third place")


def roman(n: int) -> str:
    """``n`` (1–3999) in Roman numerals, as in document numbers and "Juara II"."""
    if not 1 <= n <= 3999:
        raise ValueError(f"Roman numerals cover 1 to 3999, not {n}")
    parts = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        parts.append(letters * count)
    return "".join(parts)


def rank_title(rank: int, lang: str = "id") -> str:
    """``Juara I``–``Juara III`` for the podium, then ``Peringkat 4``; English alike."""
    _check_lang(lang)
    if rank < 1:
        raise ValueError(f"a rank starts at 1, not {rank}")
    if rank <= 3:
        return f"Juara {roman(rank)}" if lang == "id" else _EN_PLACES[rank - 1]
    return f"Peringkat {rank}" if lang == "id" else f"Rank {rank}"
