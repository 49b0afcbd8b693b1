"""Reading CSV the way Excel and LibreOffice save it, in Indonesian or English settings."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter

from juryapp.domain.messages import FileProblemError
from juryapp.interchange.sheets.common import (
    CSV_QUOTED_START,
    EXCEL_MAX_ROWS,
    SNIFF_CHARS,
    Assembler,
    Column,
    Row,
    locate_columns,
    normalise_heading,
)
from juryapp.interchange.sheets.texts import CSV_BROKEN, EMPTY_FILE, ENCODING, TOO_MANY_ROWS


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


def read_csv(
    data: bytes,
    columns: Sequence[Column],
    lookup: Mapping[str, Column],
    file: str,
    max_rows: int,
) -> list[Row]:
    text = _decode(data, file)
    first_line = text[: text.find("\n") + 1 or len(text)]
    # A UTF-16 file without BOM decodes "successfully" as UTF-8 with a NUL after each letter.
    if "\x00" in first_line:
        raise FileProblemError(ENCODING, file=file)
    if first_line.rstrip("\r\n").casefold().startswith("sep=") and (
        len(first_line.rstrip("\r\n")) == 5
    ):
        # Excel obeys this line and does not show it, so numbering starts after it.
        delimiter = first_line[4]
        text = text[len(first_line) :]
    else:
        delimiter = _csv_delimiter(text, lookup)
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
        plan = locate_columns(number, header, columns, lookup, file)
        assembler = Assembler(plan, file, max_rows, errors_as_text=True)
        width = max(assembler.indices, default=-1) + 1
        pick = _picker(assembler.indices)
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
            assembler.add(number, values)
    except csv.Error as exc:
        message = CSV_BROKEN.format(reason=str(exc))
        raise FileProblemError(message, file=file, row=number + 1) from exc
    return assembler.rows


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
