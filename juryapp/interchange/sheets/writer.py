"""Writing the secretariat's tables as CSV or XLSX, whole or not at all."""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.cell.cell import Cell as OpenpyxlCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from juryapp.domain.messages import FileProblemError, os_reason
from juryapp.interchange.files import sync_folder
from juryapp.interchange.sheets.common import (
    CSV_QUOTED_START,
    EXCEL_MAX_CELL_CHARS,
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    FIFTEEN_DIGITS,
    FORMULA_START,
    cell_name,
    plain_decimal,
)
from juryapp.interchange.sheets.texts import (
    CELL_TOO_LONG,
    SAVE_FAILED,
    TOO_MANY_ROWS_FOR_EXCEL,
    UNSUPPORTED,
)
from juryapp.interchange.sheets.xlsx_parts import NEEDS_ESCAPE

CellValue = str | int | float | Decimal | None


def write_table(path: Path, headers: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> None:
    """Write a table to ``.xlsx`` or ``.csv``, replacing ``path`` only once it is complete.

    XLSX: one sheet named "Data" with a bold, frozen header row; numbers are numbers and text
    is always stored as text, never as a formula, with Excel's text prefix on text that starts
    like a formula. Excel keeps 15 significant digits, so identifiers such as an 18-digit NIP
    must be given as text. Characters XML cannot hold are kept in Excel's ``_xHHHH_`` form, so
    ``read_table`` gives back exactly what was written (apart from surrounding whitespace).

    CSV: UTF-8 with BOM, ``;`` between cells and a decimal comma, which is what Excel set to
    Indonesian opens in columns; text that starts like a formula (``= + - @``, tab, CR, LF) or
    with an apostrophe gets a leading apostrophe, which ``read_table`` removes again.

    The file is first written to a temporary name in the same folder, synced to disk and then
    renamed, so a pulled USB stick or a full disk never leaves a half-written file under the
    real name. Problems a person can fix raise ``FileProblemError``.
    """
    file = path.name
    if not headers:
        raise ValueError("a table needs at least one column")
    suffix = path.suffix.lower()
    writers: dict[
        str, Callable[[BinaryIO, Sequence[str], Iterable[Sequence[CellValue]], str], None]
    ]
    writers = {".csv": _write_csv, ".xlsx": _write_xlsx}
    writer = writers.get(suffix)
    if writer is None:
        raise FileProblemError(UNSUPPORTED.format(suffix=suffix or path.name), file=file)
    _write_atomically(path, lambda stream: writer(stream, headers, rows, file), file)


def _write_atomically(path: Path, write: Callable[[BinaryIO], None], file: str) -> None:
    temporary = path.with_name(f".{path.name[:80]}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        # os.open with 0o666 lets the umask decide, as for any other saved file.
        descriptor = os.open(temporary, flags, 0o666)
    except OSError as exc:
        raise _save_failed(exc, file) from exc
    try:
        with os.fdopen(descriptor, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)
    except OSError as exc:
        _discard(temporary)
        raise _save_failed(exc, file) from exc
    except BaseException:
        _discard(temporary)
        raise
    sync_folder(path.parent)


def _save_failed(exc: OSError, file: str) -> FileProblemError:
    return FileProblemError(SAVE_FAILED.format(reason=os_reason(exc)), file=file)


def _discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()


def _check_width(row: Sequence[CellValue], headers: Sequence[str]) -> None:
    if len(row) > len(headers):
        raise ValueError(f"a row has {len(row)} cells for {len(headers)} columns")


def _finite(value: float | Decimal) -> None:
    if not (value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)):
        raise ValueError(f"{value!r} cannot be stored in a spreadsheet")


def _csv_value(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value[:1] in CSV_QUOTED_START else value
    if isinstance(value, bool):
        raise TypeError("write text or a number, not a boolean")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        _finite(value)
        return plain_decimal(FIFTEEN_DIGITS.plus(Decimal(value))).replace(".", ",")
    if isinstance(value, Decimal):
        _finite(value)
        return format(value, "f").replace(".", ",")
    raise TypeError(f"cannot write {type(value).__name__} to a spreadsheet")


def _write_csv(
    stream: BinaryIO, headers: Sequence[str], rows: Iterable[Sequence[CellValue]], _file: str
) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_value(heading) for heading in headers])
    for row in rows:
        _check_width(row, headers)
        writer.writerow([_csv_value(value) for value in row])
    text.flush()
    text.detach()


def _escape_character(match: re.Match[str]) -> str:
    character = match.group()
    return "_x005F_" if character == "_" else f"_x{ord(character):04X}_"


def _xlsx_text(
    sheet: object, text: str, number: int, index: int, headers: Sequence[str], file: str
) -> object:
    stored = NEEDS_ESCAPE.sub(_escape_character, text)
    length = len(text)
    if length > EXCEL_MAX_CELL_CHARS // 2:
        # Excel counts UTF-16 units, so a character outside the BMP counts twice.
        length = len(text.encode("utf-16-le", "surrogatepass")) // 2
    # openpyxl silently cuts longer stored text, escapes included, so that is refused too.
    length = max(length, len(stored))
    if length > EXCEL_MAX_CELL_CHARS:
        message = CELL_TOO_LONG.format(
            cell=cell_name(index, number), length=length, limit=EXCEL_MAX_CELL_CHARS
        )
        raise FileProblemError(message, file=file, row=number, column=headers[index])
    risky = text[:1] in FORMULA_START
    if not risky and not stored.startswith("=") and stored not in ERROR_CODES:
        return stored
    cell = WriteOnlyCell(sheet, stored)
    # Set after the value, which openpyxl would otherwise have typed as formula or error.
    cell.data_type = "s"
    if risky:
        cell.quotePrefix = True
    return cell


def _write_xlsx(
    stream: BinaryIO, headers: Sequence[str], rows: Iterable[Sequence[CellValue]], file: str
) -> None:
    if len(headers) > EXCEL_MAX_COLUMNS:
        raise ValueError(f"Excel holds at most {EXCEL_MAX_COLUMNS} columns")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    bold = Font(bold=True)
    header_cells = []
    for index, heading in enumerate(headers):
        cell = _xlsx_text(sheet, heading, 1, index, headers, file)
        if not isinstance(cell, OpenpyxlCell):
            cell = WriteOnlyCell(sheet, cell)
        cell.font = bold
        header_cells.append(cell)
    # Every row is checked before openpyxl starts its sheet: a write-only sheet abandoned
    # half way leaves generators that complain when they are collected.
    prepared: list[list[object]] = []
    for number, row in enumerate(rows, start=2):
        if number > EXCEL_MAX_ROWS:
            message = TOO_MANY_ROWS_FOR_EXCEL.format(limit=EXCEL_MAX_ROWS)
            raise FileProblemError(message, file=file, row=number)
        _check_width(row, headers)
        prepared.append(
            [
                _xlsx_value(sheet, value, number, index, headers, file)
                for index, value in enumerate(row)
            ]
        )
    sheet.freeze_panes = "A2"
    for index, heading in enumerate(headers):
        width = min(60, max(10, len(heading) + 4))
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.append(header_cells)
    for values in prepared:
        sheet.append(values)
    book.save(stream)


def _xlsx_value(
    sheet: object, value: CellValue, number: int, index: int, headers: Sequence[str], file: str
) -> object:
    if isinstance(value, str):
        return _xlsx_text(sheet, value, number, index, headers, file)
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("write text or a number, not a boolean")
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        _finite(value)
        return value
    raise TypeError(f"cannot write {type(value).__name__} to a spreadsheet")
