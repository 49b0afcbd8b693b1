"""Reading CSV the way Excel and LibreOffice save it, in Indonesian or English settings."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter

from juryapp.domain.messages import FileProblemError, Text
from juryapp.interchange.sheets.common import (
    CSV_QUOTED_START,
    EXCEL_MAX_ROWS,
    SNIFF_CHARS,
    Assembler,
    Column,
    Row,
    locate_columns,
    normalise_heading,
    refuse_unheaded,
)
from juryapp.interchange.sheets.texts import (
    CSV_BROKEN,
    CSV_REASONS,
    CSV_UNREADABLE_ROW,
    CUT_SHORT,
    EMPTY_FILE,
    ENCODING,
    TOO_MANY_ROWS,
)


def _decode(data: bytes, file: str) -> str:
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileProblemError(ENCODING, file=file) from exc


def _csv_cell(raw: str) -> str:
    if raw[:1] == "'" and raw[1:2] in CSV_QUOTED_START:
        raw = raw[1:]
    return raw.strip()


def _csv_delimiter(text: str, lookup: Mapping[str, Column]) -> str:
    """The delimiter that splits the header into the most known headings, then most cells."""
    sample = text[:SNIFF_CHARS]
    best = ";"
    best_score = (-1, -1)
    for delimiter in (";", ",", "\t"):
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        header: list[str] = []
        with contextlib.suppress(csv.Error):
            for record in reader:
                header = [_csv_cell(raw) for raw in record]
                if any(header):
                    break
        score = (sum(normalise_heading(cell) in lookup for cell in header if cell), len(header))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _delimited(text: str, lookup: Mapping[str, Column], file: str) -> tuple[str, str]:
    """The text to read (without a ``sep=`` line) and its delimiter."""
    first_line = text[: text.find("\n") + 1 or len(text)]
    # A UTF-16 file without BOM decodes "successfully" as UTF-8 with a NUL after each letter.
    if "\x00" in first_line:
        raise FileProblemError(ENCODING, file=file)
    if first_line.rstrip("\r\n").casefold().startswith("sep=") and (
        len(first_line.rstrip("\r\n")) == 5
    ):
        # Excel obeys this line and does not show it, so numbering starts after it.
        return text[len(first_line) :], first_line[4]
    return text, _csv_delimiter(text, lookup)


def read_csv(
    data: bytes,
    columns: Sequence[Column],
    lookup: Mapping[str, Column],
    file: str,
    max_rows: int,
    *,
    strict: bool,
    complete_rows: bool,
) -> list[Row]:
    """The rows of a CSV file; see ``tabular.read_table`` for ``strict`` and ``complete_rows``."""
    text, delimiter = _delimited(_decode(data, file), lookup, file)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    guarded = _may_start_with_apostrophe(text, delimiter)
    number = 0
    try:
        for record in reader:
            number += 1
            header = {index: value for index, raw in enumerate(record) if (value := _csv_cell(raw))}
            if header:
                break
        else:
            raise FileProblemError(EMPTY_FILE, file=file)
        plan = locate_columns(number, header, columns, lookup, file, strict=strict)
        assembler = Assembler(plan, file, max_rows, errors_as_text=True)
        width = max(assembler.indices, default=-1) + 1
        pick = _picker(assembler.indices)
        # strict: no data under a column without a heading, between headings or after them
        headed = max(header) + 1 if strict else 1 << 30
        gaps = tuple(index for index in range(headed) if index not in header) if strict else ()
        # Row numbers are bounded too, so a file of empty lines cannot keep the loop busy.
        last_number = max(max_rows, EXCEL_MAX_ROWS) + 1
        strip = str.strip
        for record in reader:
            number += 1
            if number > last_number:
                raise FileProblemError(TOO_MANY_ROWS.format(limit=max_rows), file=file)
            if len(record) < width:
                record.extend([""] * (width - len(record)))
            wanted = pick(record)
            values = tuple(map(_csv_cell, wanted) if guarded else map(strip, wanted))
            if not all(values) and not any(map(_csv_cell, record)):
                continue
            if len(record) > headed or gaps:
                _check_unheaded(record, headed, gaps, number, file)
            assembler.add(number, values)
    except csv.Error as exc:
        message = CSV_BROKEN.format(reason=_csv_reason(exc))
        raise FileProblemError(message, file=file, row=number + 1) from exc
    if complete_rows and assembler.rows and text[-1:] not in ("\n", "\r"):
        last = assembler.rows[-1].number
        if last == number:  # the row without a line end is one that was read
            raise FileProblemError(CUT_SHORT, file=file, row=last)
    return assembler.rows


def _check_unheaded(
    record: list[str], headed: int, gaps: tuple[int, ...], number: int, file: str
) -> None:
    for index in (*gaps, *range(headed, len(record))):
        if index < len(record) and _csv_cell(record[index]):
            refuse_unheaded(index, number, file)


def _csv_reason(exc: csv.Error) -> Text:
    """The csv module's complaint (always English) in the chosen language."""
    said = str(exc).casefold()
    return next(
        (reason for known, reason in CSV_REASONS.items() if known in said), CSV_UNREADABLE_ROW
    )


def _may_start_with_apostrophe(text: str, delimiter: str) -> bool:
    """Whether a field may start with the apostrophe ``write_table`` puts before formula-like
    text; usually none does, and then no cell needs looking at one by one."""
    field_starts = f'\r\n"{delimiter}'
    position = text.find("'")
    while position >= 0:
        if position == 0 or text[position - 1] in field_starts:
            return True
        position = text.find("'", position + 1)
    return False


def _picker(indices: tuple[int, ...]) -> Callable[[list[str]], tuple[str, ...]]:
    if len(indices) > 1:
        return itemgetter(*indices)
    if indices:
        only = indices[0]
        return lambda record: (record[only],)
    return lambda _record: ()
