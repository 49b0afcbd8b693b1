"""The secretariat's spreadsheets (teams, judges, scores) read from and written to CSV and XLSX."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from juryapp.domain.messages import FileProblemError, Text, os_reason
from juryapp.interchange.sheets.common import (
    EXCEL_MAX_CELL_CHARS,
    EXCEL_MAX_ROWS,
    MAX_PACKING_RATIO,
    MAX_UNPACKED_BYTES,
    Column,
    Row,
    alias_lookup,
    size_text,
)
from juryapp.interchange.sheets.csv_reader import read_csv
from juryapp.interchange.sheets.texts import (
    EMPTY_FILE,
    NO_PERMISSION,
    NOT_FOUND,
    NOT_XLSX,
    OLD_EXCEL,
    TOO_BIG,
    UNREADABLE,
    UNSUPPORTED,
    XLSX_NAMED_CSV,
)
from juryapp.interchange.sheets.writer import write_table
from juryapp.interchange.sheets.xlsx_sheet import read_xlsx

__all__ = [
    "EXCEL_MAX_CELL_CHARS",
    "EXCEL_MAX_ROWS",
    "MAX_PACKING_RATIO",
    "MAX_UNPACKED_BYTES",
    "Column",
    "Row",
    "read_table",
    "write_table",
]

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"


def read_table(
    path: Path,
    columns: Sequence[Column],
    *,
    max_rows: int = 500_000,
    max_bytes: int = 50_000_000,
    strict: bool = True,
    complete_rows: bool = False,
) -> list[Row]:
    """All data rows of a ``.csv`` or ``.xlsx`` table, or a ``FileProblemError`` saying what to fix.

    The header is the first row that is not empty; fully empty rows are skipped. A required
    column missing from the header, a heading given twice, an empty required cell, an Excel
    error value (``#DIV/0!``…) or a formula in a wanted column refuses the whole file, and so
    (``strict``, the default) does a heading nobody asked for or data in a column without a
    heading: nothing in the file is dropped in silence. ``strict=False`` ignores such columns.

    CSV is read the way Excel saves it: UTF-8 with or without BOM, else Windows-1252 (UTF-16
    "Unicode text" too); the delimiter is whichever of ``;`` ``,`` or tab splits the header into
    known headings (a ``sep=`` first line wins). Cells stay as typed, so a score may come as
    "87,5" or "87.5" (``parse_decimal`` reads both). A leading apostrophe that ``write_table``
    put before formula-like text is removed again. ``complete_rows``: a last row without a
    line end is refused as possibly cut short (Excel and LibreOffice always end it, and a
    score "10" cut to "1" still reads as a score).

    XLSX is read from the first visible worksheet in tab order (chart sheets skipped). Numbers
    come back as Excel shows them at 15 significant digits ("4", "4.5", "0.3"), date cells as
    ISO text ("2024-09-18", "2024-09-18T09:30:00", "09:30:00"), booleans as "TRUE"/"FALSE";
    a formula is refused with advice to paste values, since its stored result need not be
    what Excel shows. Files over ``max_bytes``, packed parts that unpack past
    200 MB in total or more than 100 times their packed size, XML with a DTD, and damaged or
    cut-short files are refused before any row is used.
    """
    if max_rows < 0 or max_bytes < 0:
        raise ValueError("limits must not be negative")
    lookup = alias_lookup(columns)
    file = path.name
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise FileProblemError(OLD_EXCEL, file=file)
    if suffix not in (".csv", ".xlsx"):
        raise FileProblemError(UNSUPPORTED.format(suffix=suffix or path.name), file=file)
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise _too_big(size, max_bytes, file)
            _check_signature(stream.read(8), suffix, file)
            stream.seek(0)
            if suffix == ".csv":
                data = stream.read(max_bytes + 1)
                if len(data) > max_bytes:
                    raise _too_big(len(data), max_bytes, file)
                return read_csv(
                    data,
                    columns,
                    lookup,
                    file,
                    max_rows,
                    strict=strict,
                    complete_rows=complete_rows,
                )
            return read_xlsx(stream, columns, lookup, file, max_rows, strict=strict)
    except OSError as exc:
        raise FileProblemError(_open_problem(exc), file=file) from exc


def _too_big(size: int, limit: int, file: str) -> FileProblemError:
    return FileProblemError(TOO_BIG.format(size=size_text(size), limit=size_text(limit)), file=file)


def _open_problem(exc: OSError) -> Text:
    if isinstance(exc, FileNotFoundError):
        return NOT_FOUND
    if isinstance(exc, PermissionError):
        return NO_PERMISSION
    return UNREADABLE.format(reason=os_reason(exc))


def _check_signature(head: bytes, suffix: str, file: str) -> None:
    if not head:
        raise FileProblemError(EMPTY_FILE, file=file)
    if head.startswith(_OLE_SIGNATURE):
        raise FileProblemError(OLD_EXCEL, file=file)
    if suffix == ".csv" and head.startswith(_ZIP_SIGNATURE):
        raise FileProblemError(XLSX_NAMED_CSV, file=file)
    if suffix == ".xlsx" and not head.startswith(b"PK"):
        raise FileProblemError(NOT_XLSX, file=file)
