"""Streaming the rows of an XLSX worksheet, refusing anything Excel would show differently."""

from __future__ import annotations

import errno
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, time, timedelta
from decimal import Decimal, DecimalException
from typing import IO, BinaryIO

from openpyxl.utils.datetime import from_excel

from juryapp.domain.messages import FileProblemError
from juryapp.interchange.sheets.common import (
    CHUNK,
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    FIFTEEN_DIGITS,
    FORMULA_MARK,
    NO_ERRORS,
    Column,
    Record,
    Row,
    build_rows,
    plain_decimal,
)
from juryapp.interchange.sheets.texts import DAMAGED
from juryapp.interchange.sheets.xlsx_parts import (
    BROKEN_XLSX,
    CELL,
    DURATION,
    FORMULA,
    INLINE,
    PHONETIC,
    ROW,
    SHEET_TAGS,
    TEXT,
    VALUE,
    check_unpacked_sizes,
    damaged,
    hardened_parser,
    part_info,
    shared_strings,
    style_kinds,
    unescape,
    workbook_parts,
)

_SHOWN_AS_IS = re.compile(r"(?:-?[1-9]\d*|0)(?:\.\d*[1-9])?|-0\.\d*[1-9]")
_NUMBER_SHAPE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def read_xlsx(
    stream: BinaryIO,
    columns: Sequence[Column],
    lookup: Mapping[str, Column],
    file: str,
    max_rows: int,
    *,
    strict: bool,
) -> list[Row]:
    """The rows of the first visible worksheet; see ``tabular.read_table``."""
    try:
        with zipfile.ZipFile(stream) as archive:
            check_unpacked_sizes(archive, file)
            sheet, epoch, shared, styles = workbook_parts(archive, file)
            strings = shared_strings(archive, shared, file) if shared else []
            kinds = style_kinds(archive, styles, file) if styles else {}
            with archive.open(part_info(archive, sheet, file)) as sheet_stream:
                records = _SheetReader(strings, kinds, epoch, file).records(sheet_stream)
                try:
                    return build_rows(records, columns, lookup, file, max_rows, strict=strict)
                except FileProblemError:
                    # Damage shows only when the part's checksum fails at its end, and until
                    # then it can pass for an empty cell; reading on lets damage win.
                    for _ in records:
                        pass
                    raise
    except BROKEN_XLSX as exc:
        raise FileProblemError(DAMAGED, file=file) from exc
    except OSError as exc:
        # A directory pointing before the start of the file makes zipfile seek there.
        if exc.errno == errno.EINVAL:
            raise FileProblemError(DAMAGED, file=file) from exc
        raise


_DIGITS = "0123456789"
_COLUMN_LETTERS = re.compile(r"[A-Z]{1,3}")
# Letters → 0-based column, filled as columns are met; at most Excel's 16,384 entries.
_COLUMN_INDEX: dict[str, int] = {}


def _column_index(reference: str, file: str) -> int:
    letters = reference.rstrip(_DIGITS)
    index = _COLUMN_INDEX.get(letters)
    if index is not None:
        return index
    if _COLUMN_LETTERS.fullmatch(letters) is None:
        damaged(file)
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    if number > EXCEL_MAX_COLUMNS:
        damaged(file)
    _COLUMN_INDEX[letters] = number - 1
    return number - 1


class _SheetReader:
    """Streams the non-empty rows of one worksheet part as (Excel row number, cells, errors).

    Cells map the 0-based column to stripped text, errors the columns of error-typed cells
    to their code. Expat calls the handlers for every element
    of what can be a million-cell sheet, so they keep their state in slots and do little.
    """

    __slots__ = (
        "cell_style",
        "cell_type",
        "cells",
        "collecting",
        "column",
        "done",
        "epoch",
        "errors",
        "file",
        "formula",
        "in_cell",
        "in_formula",
        "in_inline",
        "in_phonetic",
        "kinds",
        "pieces",
        "row_number",
        "strings",
    )

    def __init__(
        self, strings: Sequence[str], kinds: Mapping[str, int], epoch: datetime, file: str
    ) -> None:
        self.strings = strings
        self.kinds = kinds
        self.epoch = epoch
        self.file = file
        self.done: list[Record] = []
        self.errors: dict[int, str] = {}
        self.pieces: list[str] = []
        self.cells: dict[int, str] = {}
        self.row_number = 0
        self.column = -1
        self.cell_type = "n"
        self.cell_style: str | None = None
        self.collecting = self.in_cell = self.in_inline = self.in_phonetic = False
        # The text of the cell's formula while one is read; None for a cell without.
        self.formula: list[str] | None = None
        self.in_formula = False

    def records(self, stream: IO[bytes]) -> Iterator[Record]:
        parser = hardened_parser(self.file)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        done = self.done
        while True:
            chunk = stream.read(CHUNK)
            parser.Parse(chunk, not chunk)
            if done:
                batch = done.copy()
                done.clear()
                yield from batch
            if not chunk:
                return

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        code = SHEET_TAGS.get(tag)
        if code == CELL:
            reference = attributes.get("r")
            if reference is None:
                self.column += 1
            else:
                column = _COLUMN_INDEX.get(reference.rstrip(_DIGITS))
                self.column = _column_index(reference, self.file) if column is None else column
            self.cell_type = attributes.get("t", "n")
            self.cell_style = attributes.get("s")
            self.pieces.clear()
            self.in_cell = True
        elif code == VALUE:
            self.collecting = self.in_cell
        elif code == TEXT:
            self.collecting = self.in_inline and not self.in_phonetic
        elif code == INLINE:
            self.in_inline = self.in_cell
        elif code == PHONETIC:
            self.in_phonetic = True
        elif code == ROW:
            self._start_row(attributes.get("r"))
        elif code == FORMULA and self.in_cell:
            self.formula = []
            self.in_formula = True

    def _start_row(self, reference: str | None) -> None:
        if reference is None:
            number = self.row_number + 1
        elif reference.isascii() and reference.isdigit() and len(reference) < 9:
            number = int(reference)
        else:
            damaged(self.file)
        # Excel writes rows in order; going backwards would give two rows one number.
        if number <= self.row_number or number > EXCEL_MAX_ROWS:
            damaged(self.file)
        self.row_number = number
        self.column = -1
        self.cells = {}
        if self.errors:
            self.errors = {}

    def _end(self, tag: str) -> None:
        code = SHEET_TAGS.get(tag)
        if code in (VALUE, TEXT):
            self.collecting = False
        elif code == CELL:
            self.in_cell = False
            if self.formula is not None:
                # Excel shows what the formula computes now, which the stored value may not
                # be; a formula is refused where its column is used (see Assembler).
                self.errors[self.column] = FORMULA_MARK + "".join(self.formula)
                self.formula = None
            if self.pieces:
                value = self._cell_text("".join(self.pieces))
                if value:
                    self.cells[self.column] = value
        elif code == INLINE:
            self.in_inline = False
        elif code == PHONETIC:
            self.in_phonetic = False
        elif code == FORMULA:
            self.in_formula = False
        elif code == ROW and (self.cells or self.errors):
            self.done.append((self.row_number, self.cells, self.errors or NO_ERRORS))

    def _characters(self, data: str) -> None:
        if self.collecting:
            self.pieces.append(data)
        elif self.in_formula and self.formula is not None:
            self.formula.append(data)

    def _cell_text(self, text: str) -> str:
        kind = self.cell_type
        if kind == "n":
            style = self.cell_style
            shown = None if style is None else self.kinds.get(style)
            if shown is None:
                return _number_text(text, self.file)
            return _date_text(text, shown, self.epoch, self.file)
        if kind == "s":
            try:
                index = int(text)
                value = self.strings[index]
            except (ValueError, IndexError):
                damaged(self.file)
            if index < 0:
                damaged(self.file)
        elif kind in ("inlineStr", "str"):
            value = unescape(text) if "_x" in text else text
        elif kind == "b":
            value = "TRUE" if text.strip() in ("1", "true") else "FALSE"
        elif kind == "e":
            value = text
            self.errors.setdefault(self.column, text.strip())
        elif kind == "d":
            value = _iso_text(text.strip())
        else:
            damaged(self.file)
        return value.strip()


def _number_text(text: str, file: str) -> str:
    # Most numbers already look the way Excel shows them: 15 digits at most, no exponent.
    digits = len(text) - ("." in text) - ("-" in text)
    if digits <= 15 and _SHOWN_AS_IS.fullmatch(text) is not None:
        return text
    if _NUMBER_SHAPE.fullmatch(text) is None:
        damaged(file)
    try:
        return plain_decimal(FIFTEEN_DIGITS.plus(Decimal(text)))
    except DecimalException:
        damaged(file)


def _date_text(text: str, kind: int, epoch: datetime, file: str) -> str:
    try:
        serial = float(text)
        if kind == DURATION:
            return _duration_text(from_excel(serial, epoch, timedelta=True))
        return _moment_text(from_excel(serial, epoch))
    except (ValueError, OverflowError):
        # Excel shows "#####" for serials outside its calendar; the number is the best we have.
        return _number_text(text, file)


def _moment_text(moment: datetime | time) -> str:
    if isinstance(moment, datetime) and moment.time() == time(0) and moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.isoformat(timespec="milliseconds" if moment.microsecond else "seconds")


def _duration_text(span: timedelta) -> str:
    sign = "-" if span < timedelta(0) else ""
    seconds = round(abs(span).total_seconds())
    hours, rest = divmod(seconds, 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"


def _iso_text(text: str) -> str:
    try:
        return _moment_text(datetime.fromisoformat(text))
    except ValueError:
        return text
