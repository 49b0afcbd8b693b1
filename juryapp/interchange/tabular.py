"""The secretariat's spreadsheets (teams, judges, scores) read from and written to CSV and XLSX."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import lzma
import math
import os
import posixpath
import re
import secrets
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal, DecimalException
from operator import itemgetter
from pathlib import Path
from typing import IO, BinaryIO, NoReturn
from xml.parsers import expat

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.cell.cell import Cell as OpenpyxlCell
from openpyxl.styles import Font
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

from juryapp.domain.messages import FileProblemError, Text

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

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
EXCEL_MAX_CELL_CHARS = 32_767
MAX_UNPACKED_BYTES = 200_000_000
MAX_PACKING_RATIO = 100
MAX_ZIP_ENTRIES = 10_000
# Deflate reaches ratios above 100 on small repetitive parts (styles, themes); a part this
# small cannot exhaust memory whatever its ratio, so only larger parts are held to the ratio.
_RATIO_APPLIES_FROM = 1_000_000
# Workbook, relationship and style parts are held whole in memory, unlike the streamed sheet.
_MAX_SMALL_PART = 32_000_000
_CHUNK = 1 << 20
_SNIFF_CHARS = 65_536


@dataclass(frozen=True)
class Column:
    """A column the caller wants, found by any of its headings in Indonesian or English.

    Headings match without regard to case, spaces or underscores, so "Kode Tim", "KODE_TIM"
    and "kodetim" are the same heading.
    """

    key: str
    aliases: tuple[str, ...]
    required: bool = True


@dataclass(frozen=True)
class Row:
    """One data row: ``number`` is the row number Excel shows, ``values`` maps column keys to
    stripped text ("" for an empty optional cell or an optional column the file lacks)."""

    number: int
    values: Mapping[str, str]


# --- messages -------------------------------------------------------------------------------

_UNSUPPORTED = Text(
    "Jenis berkas '{suffix}' tidak dapat dipakai; simpan sebagai .xlsx atau .csv.",
    "File type '{suffix}' cannot be used; save it as .xlsx or .csv.",
)
_OLD_EXCEL = Text(
    "Berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi; buka di Excel, "
    "hapus kata sandinya bila ada, lalu simpan sebagai .xlsx.",
    "This is an old-format Excel file (.xls) or a password-protected workbook; open it in "
    "Excel, remove any password and save it as .xlsx.",
)
_XLSX_NAMED_CSV = Text(
    "Berkas ini sebenarnya buku kerja Excel (.xlsx), bukan CSV; ganti akhiran namanya "
    "menjadi .xlsx.",
    "This file is really an Excel workbook (.xlsx), not CSV; rename it to end in .xlsx.",
)
_NOT_XLSX = Text(
    "Berkas ini bukan buku kerja Excel .xlsx; bila isinya CSV, ganti akhiran namanya menjadi .csv.",
    "This file is not an Excel .xlsx workbook; if it holds CSV, rename it to end in .csv.",
)
_EMPTY_FILE = Text(
    "Berkas kosong; tidak ada baris judul kolom.",
    "The file is empty; there is no header row.",
)
_NOT_FOUND = Text(
    "Berkas tidak ditemukan; periksa nama dan foldernya.",
    "The file was not found; check its name and folder.",
)
_NO_PERMISSION = Text(
    "Berkas tidak boleh dibuka; tutup berkas ini di program lain atau periksa izin aksesnya.",
    "The file may not be opened; close it in other programs or check its permissions.",
)
_UNREADABLE = Text(
    "Berkas tidak dapat dibaca ({reason}); bila berkas ada di flashdisk, salin dulu ke komputer.",
    "The file could not be read ({reason}); if it is on a USB stick, copy it to the computer "
    "first.",
)
_TOO_BIG = Text(
    "Berkas terlalu besar ({size}; batasnya {limit}).",
    "The file is too large ({size}; the limit is {limit}).",
)
_DAMAGED = Text(
    "Berkas .xlsx rusak atau tidak lengkap, mungkin terpotong saat disalin; buka di Excel, "
    "simpan ulang, lalu coba lagi.",
    "The .xlsx file is damaged or incomplete, perhaps cut short while copying; open it in "
    "Excel, save it again and retry.",
)
_BOMB_RATIO = Text(
    "Bagian '{part}' di dalam berkas .xlsx memekar tidak wajar saat dibuka ({size} dari "
    "{packed}); berkas ditolak demi keamanan.",
    "Part '{part}' inside the .xlsx file unpacks to an unreasonable size ({size} from "
    "{packed}); the file is refused for safety.",
)
_BOMB_TOTAL = Text(
    "Isi berkas .xlsx terlalu besar setelah dibuka ({size}; batasnya {limit}); berkas "
    "ditolak demi keamanan.",
    "The .xlsx file unpacks to too much data ({size}; the limit is {limit}); the file "
    "is refused for safety.",
)
_BOMB_ENTRIES = Text(
    "Berkas .xlsx berisi terlalu banyak bagian ({count}); berkas ditolak demi keamanan.",
    "The .xlsx file holds too many parts ({count}); the file is refused for safety.",
)
_DTD = Text(
    "Berkas .xlsx memuat deklarasi XML (DTD) yang tidak pernah ditulis Excel; berkas ditolak "
    "demi keamanan.",
    "The .xlsx file holds an XML declaration (DTD) that Excel never writes; the file is "
    "refused for safety.",
)
_NO_SHEET = Text(
    "Buku kerja ini tidak memiliki lembar kerja untuk dibaca.",
    "The workbook has no worksheet to read.",
)
_TOO_MANY_ROWS = Text(
    "Terlalu banyak baris data (lebih dari {limit}); bagi berkas menjadi beberapa bagian.",
    "Too many data rows (more than {limit}); split the file into parts.",
)
_ENCODING = Text(
    "Berkas CSV bukan teks UTF-8 maupun Windows-1252; di Excel, simpan ulang dengan jenis "
    "'CSV UTF-8 (Comma delimited)'.",
    "The CSV file is neither UTF-8 nor Windows-1252 text; in Excel, save it again as "
    "'CSV UTF-8 (Comma delimited)'.",
)
_CSV_BROKEN = Text(
    'Baris CSV ini rusak ({reason}); periksa tanda petik (") yang tidak berpasangan atau '
    "berkas yang terpotong.",
    'This CSV row is malformed ({reason}); look for an unpaired quote (") or a file cut short.',
)
_MISSING_COLUMN = Text(
    "Kolom wajib tidak ada di baris judul; tambahkan kolom berjudul {names}.",
    "A required column is missing from the header row; add a column headed {names}.",
)
_DUPLICATE_COLUMN = Text(
    "Judul kolom ini muncul dua kali (kolom {first} dan {second}); hapus atau ganti salah satunya.",
    "This column heading appears twice (columns {first} and {second}); remove or rename one.",
)
_EMPTY_CELL = Text(
    "Sel {cell} kosong, padahal kolom ini wajib diisi.",
    "Cell {cell} is empty, but this column must be filled in.",
)
_EXCEL_ERROR = Text(
    "Sel {cell} berisi galat Excel {error}; perbaiki rumusnya lalu simpan ulang.",
    "Cell {cell} holds the Excel error {error}; fix its formula and save again.",
)
_SAVE_FAILED = Text(
    "Berkas tidak dapat disimpan ({reason}); periksa foldernya dan sisa ruang disk, dan "
    "pastikan berkas tidak sedang dibuka di Excel.",
    "The file could not be saved ({reason}); check the folder and the free disk space, and "
    "make sure the file is not open in Excel.",
)
_CELL_TOO_LONG = Text(
    "Sel {cell} berisi {length} karakter, melebihi batas Excel {limit}; persingkat teksnya "
    "atau simpan sebagai CSV.",
    "Cell {cell} holds {length} characters, over Excel's limit of {limit}; shorten the text "
    "or save as CSV.",
)
_TOO_MANY_ROWS_FOR_EXCEL = Text(
    "Terlalu banyak baris untuk satu lembar Excel (batasnya {limit}); simpan sebagai CSV.",
    "Too many rows for one Excel sheet (the limit is {limit}); save as CSV.",
)

# --- shared rules ----------------------------------------------------------------------------

# Text starting with one of these can be taken for a formula by Excel or LibreOffice (the
# full-width forms by East Asian Excel); leading whitespace matters because Excel skips it.
_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_CSV_QUOTED_START = _FORMULA_START | {"'"}
_EXCEL_ERRORS = frozenset(
    (
        *ERROR_CODES,
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#UNKNOWN!",
        "#BUSY!",
        "#PYTHON!",
    )
)
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
# Excel shows 15 significant digits; more would bring back artefacts like 0.30000000000000004.
_FIFTEEN_DIGITS = Context(prec=15, rounding=ROUND_HALF_UP, Emax=400, Emin=-400)


def _normalise(heading: str) -> str:
    return "".join(heading.casefold().replace("_", " ").split()).replace("\ufeff", "")


def _alias_lookup(columns: Sequence[Column]) -> dict[str, Column]:
    if not columns:
        raise ValueError("read_table needs at least one column")
    lookup: dict[str, Column] = {}
    keys: set[str] = set()
    for column in columns:
        if column.key in keys:
            raise ValueError(f"column key {column.key!r} is given twice")
        keys.add(column.key)
        if not column.aliases:
            raise ValueError(f"column {column.key!r} has no headings")
        for alias in column.aliases:
            normal = _normalise(alias)
            if not normal:
                raise ValueError(f"column {column.key!r} has an empty heading")
            if lookup.setdefault(normal, column) is not column:
                raise ValueError(f"heading {alias!r} belongs to two columns")
    return lookup


def _cell_name(index: int, number: int) -> str:
    return f"{get_column_letter(index + 1)}{number}"


def _plain_decimal(value: Decimal) -> str:
    if not value:
        return "0"
    return format(value.normalize(_FIFTEEN_DIGITS), "f")


# --- reading ---------------------------------------------------------------------------------


def read_table(
    path: Path,
    columns: Sequence[Column],
    *,
    max_rows: int = 500_000,
    max_bytes: int = 50_000_000,
) -> list[Row]:
    """All data rows of a ``.csv`` or ``.xlsx`` table, or a ``FileProblemError`` saying what to fix.

    The header is the first row that is not empty; fully empty rows are skipped and columns
    nobody asked for are ignored. A required column missing from the header, a heading given
    twice, an empty required cell or an Excel error value (``#DIV/0!``…) in a wanted column
    refuses the whole file.

    CSV is read the way Excel saves it: UTF-8 with or without BOM, else Windows-1252 (UTF-16
    "Unicode text" too); the delimiter is whichever of ``;`` ``,`` or tab splits the header into
    known headings (a ``sep=`` first line wins). Cells stay as typed, so a score may come as
    "87,5" or "87.5" (``parse_decimal`` reads both). A leading apostrophe that ``write_table``
    put before formula-like text is removed again.

    XLSX is read from the first visible worksheet in tab order (chart sheets skipped). Numbers
    come back as Excel shows them at 15 significant digits ("4", "4.5", "0.3"), date cells as
    ISO text ("2024-09-18", "2024-09-18T09:30:00", "09:30:00"), formulas as their stored
    result, booleans as "TRUE"/"FALSE". Files over ``max_bytes``, packed parts that unpack past
    200 MB in total or more than 100 times their packed size, XML with a DTD, and damaged or
    cut-short files are refused before any row is used.
    """
    if max_rows < 0 or max_bytes < 0:
        raise ValueError("limits must not be negative")
    lookup = _alias_lookup(columns)
    file = path.name
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise FileProblemError(_OLD_EXCEL, file=file)
    if suffix not in (".csv", ".xlsx"):
        raise FileProblemError(_UNSUPPORTED.format(suffix=suffix or path.name), file=file)
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
                return _read_csv(data, columns, lookup, file, max_rows)
            return _read_xlsx(stream, columns, lookup, file, max_rows)
    except OSError as exc:
        raise FileProblemError(_open_problem(exc), file=file) from exc


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count // 1_000_000} MB"
    return f"{-(-count // 1000)} KB"


def _too_big(size: int, limit: int, file: str) -> FileProblemError:
    return FileProblemError(_TOO_BIG.format(size=_size(size), limit=_size(limit)), file=file)


def _open_problem(exc: OSError) -> Text:
    if isinstance(exc, FileNotFoundError):
        return _NOT_FOUND
    if isinstance(exc, PermissionError):
        return _NO_PERMISSION
    return _UNREADABLE.format(reason=exc.strerror or type(exc).__name__)


def _check_signature(head: bytes, suffix: str, file: str) -> None:
    if not head:
        raise FileProblemError(_EMPTY_FILE, file=file)
    if head.startswith(_OLE_SIGNATURE):
        raise FileProblemError(_OLD_EXCEL, file=file)
    if suffix == ".csv" and head.startswith(_ZIP_SIGNATURE):
        raise FileProblemError(_XLSX_NAMED_CSV, file=file)
    if suffix == ".xlsx" and not head.startswith(b"PK"):
        raise FileProblemError(_NOT_XLSX, file=file)


_Plan = list[tuple[str, int, bool, str]]


_NO_ERRORS: Mapping[int, str] = {}


class _Assembler:
    """Turns the wanted cells of each data row into a ``Row``, refusing bad cells.

    The common row (every wanted cell filled, no Excel error) takes only C-level steps; this
    runs once per row of files with hundreds of thousands of rows. A CSV cell holding an
    Excel error code is taken for an error; an XLSX cell is one only if typed as such.
    """

    __slots__ = (
        "absent",
        "blanks",
        "errors_as_text",
        "file",
        "indices",
        "keys",
        "max_rows",
        "plan",
        "rows",
    )

    def __init__(self, plan: _Plan, file: str, max_rows: int, *, errors_as_text: bool) -> None:
        self.plan = [entry for entry in plan if entry[1] >= 0]
        self.keys = tuple(key for key, _, _, _ in self.plan)
        self.indices = tuple(index for _, index, _, _ in self.plan)
        self.blanks = ("",) * len(self.indices)
        self.absent = {key: "" for key, index, _, _ in plan if index < 0}
        self.file = file
        self.max_rows = max_rows
        self.errors_as_text = errors_as_text
        self.rows: list[Row] = []

    def add(
        self, number: int, values: tuple[str, ...], errors: Mapping[int, str] = _NO_ERRORS
    ) -> None:
        if (
            not all(values)
            or errors
            or (self.errors_as_text and not _EXCEL_ERRORS.isdisjoint(values))
        ):
            self._check(number, values, errors)
        if len(self.rows) >= self.max_rows:
            text = _TOO_MANY_ROWS.format(limit=self.max_rows)
            raise FileProblemError(text, file=self.file, row=number)
        mapping = dict(zip(self.keys, values, strict=True))
        if self.absent:
            mapping.update(self.absent)
        self.rows.append(Row(number, mapping))

    def _check(self, number: int, values: tuple[str, ...], errors: Mapping[int, str]) -> None:
        for (_, index, required, heading), value in zip(self.plan, values, strict=True):
            error = errors.get(index)
            if error is None and self.errors_as_text and value in _EXCEL_ERRORS:
                error = value
            if error is not None:
                raise FileProblemError(
                    _EXCEL_ERROR.format(cell=_cell_name(index, number), error=error),
                    file=self.file,
                    row=number,
                    column=heading,
                )
            if required and not value:
                raise FileProblemError(
                    _EMPTY_CELL.format(cell=_cell_name(index, number)),
                    file=self.file,
                    row=number,
                    column=heading,
                )


_Record = tuple[int, dict[int, str], Mapping[int, str]]


def _build_rows(
    records: Iterator[_Record],
    columns: Sequence[Column],
    lookup: Mapping[str, Column],
    file: str,
    max_rows: int,
) -> list[Row]:
    """Rows from the non-empty records of a sheet: (row number, cell texts, error cells)."""
    first = next(records, None)
    if first is None:
        raise FileProblemError(_EMPTY_FILE, file=file)
    plan = _locate_columns(first[0], first[1], columns, lookup, file)
    assembler = _Assembler(plan, file, max_rows, errors_as_text=False)
    indices, blanks, add = assembler.indices, assembler.blanks, assembler.add
    for number, cells, errors in records:
        add(number, tuple(map(cells.get, indices, blanks)), errors)
    return assembler.rows


def _locate_columns(
    header_number: int,
    header: Mapping[int, str],
    columns: Sequence[Column],
    lookup: Mapping[str, Column],
    file: str,
) -> _Plan:
    """(key, 0-based column or -1 when absent, required, heading) for each wanted column."""
    found: dict[str, tuple[int, str]] = {}
    for index in sorted(header):
        heading = header[index]
        column = lookup.get(_normalise(heading))
        if column is None:
            continue
        if column.key in found:
            first_index = found[column.key][0]
            text = _DUPLICATE_COLUMN.format(
                first=get_column_letter(first_index + 1), second=get_column_letter(index + 1)
            )
            raise FileProblemError(text, file=file, row=header_number, column=heading)
        found[column.key] = (index, heading)
    plan: _Plan = []
    for column in columns:
        if column.key in found:
            index, heading = found[column.key]
            plan.append((column.key, index, column.required, heading))
        elif column.required:
            names = " / ".join(f"'{alias}'" for alias in column.aliases)
            raise FileProblemError(
                _MISSING_COLUMN.format(names=names),
                file=file,
                row=header_number,
                column=column.aliases[0],
            )
        else:
            plan.append((column.key, -1, False, column.aliases[0]))
    return plan


# --- CSV -------------------------------------------------------------------------------------


def _decode(data: bytes, file: str) -> str:
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileProblemError(_ENCODING, file=file) from exc


def _csv_cell(raw: str) -> str:
    if raw[:1] == "'" and raw[1:2] in _CSV_QUOTED_START:
        raw = raw[1:]
    return raw.strip()


def _csv_delimiter(text: str, lookup: Mapping[str, Column]) -> str:
    """The delimiter that splits the header into the most known headings, then most cells."""
    sample = text[:_SNIFF_CHARS]
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
        score = (sum(_normalise(cell) in lookup for cell in header if cell), len(header))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(
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
        raise FileProblemError(_ENCODING, file=file)
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
            raise FileProblemError(_EMPTY_FILE, file=file)
        plan = _locate_columns(number, header, columns, lookup, file)
        assembler = _Assembler(plan, file, max_rows, errors_as_text=True)
        width = max(assembler.indices, default=-1) + 1
        pick = _picker(assembler.indices)
        # Row numbers are bounded too, so a file of empty lines cannot keep the loop busy.
        last_number = max(max_rows, EXCEL_MAX_ROWS) + 1
        strip = str.strip
        for record in reader:
            number += 1
            if number > last_number:
                raise FileProblemError(_TOO_MANY_ROWS.format(limit=max_rows), file=file)
            if len(record) < width:
                record.extend([""] * (width - len(record)))
            wanted = pick(record)
            values = tuple(map(_csv_cell, wanted) if guarded else map(strip, wanted))
            if not all(values) and not any(map(_csv_cell, record)):
                continue
            assembler.add(number, values)
    except csv.Error as exc:
        message = _CSV_BROKEN.format(reason=str(exc))
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


# --- XLSX ------------------------------------------------------------------------------------

_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_RELATION_ID_ATTRIBUTES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships id",
    "http://purl.oclc.org/ooxml/officeDocument/relationships id",
)
_ROW, _CELL, _VALUE, _INLINE, _TEXT, _PHONETIC, _STRING_ITEM = range(7)
_SHEET_TAGS: dict[str, int] = {}
for _namespace in (*_MAIN_NAMESPACES, ""):
    for _local, _code in (
        ("row", _ROW),
        ("c", _CELL),
        ("v", _VALUE),
        ("is", _INLINE),
        ("t", _TEXT),
        ("rPh", _PHONETIC),
        ("si", _STRING_ITEM),
    ):
        _SHEET_TAGS[f"{_namespace} {_local}".lstrip()] = _code
_DATE, _DURATION = 1, 2
_SHOWN_AS_IS = re.compile(r"(?:-?[1-9]\d*|0)(?:\.\d*[1-9])?|-0\.\d*[1-9]")
_NUMBER_SHAPE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_ESCAPED_CHARACTER = re.compile(r"_x([0-9A-Fa-f]{4})_")
# The "_xHHHH_" form is how Excel stores characters XML cannot hold (and CR, which XML
# readers would turn into LF); a literal "_x0041_" is itself escaped as "_x005F_x0041_".
_NEEDS_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_BROKEN_XLSX = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    expat.ExpatError,
    NotImplementedError,
    RuntimeError,
)


def _unescape(text: str) -> str:
    return _ESCAPED_CHARACTER.sub(lambda match: chr(int(match[1], 16)), text)


def _damaged(file: str) -> NoReturn:
    raise FileProblemError(_DAMAGED, file=file)


def _read_xlsx(
    stream: BinaryIO,
    columns: Sequence[Column],
    lookup: Mapping[str, Column],
    file: str,
    max_rows: int,
) -> list[Row]:
    try:
        with zipfile.ZipFile(stream) as archive:
            _check_unpacked_sizes(archive, file)
            sheet, epoch, shared, styles = _workbook_parts(archive, file)
            strings = _shared_strings(archive, shared, file) if shared else []
            kinds = _style_kinds(archive, styles, file) if styles else {}
            with archive.open(_member(archive, sheet, file)) as sheet_stream:
                records = _SheetReader(strings, kinds, epoch, file).records(sheet_stream)
                try:
                    return _build_rows(records, columns, lookup, file, max_rows)
                except FileProblemError:
                    # Damage shows only when the part's checksum fails at its end, and until
                    # then it can pass for an empty cell; reading on lets damage win.
                    for _ in records:
                        pass
                    raise
    except _BROKEN_XLSX as exc:
        raise FileProblemError(_DAMAGED, file=file) from exc
    except OSError as exc:
        # A directory pointing before the start of the file makes zipfile seek there.
        if exc.errno == errno.EINVAL:
            raise FileProblemError(_DAMAGED, file=file) from exc
        raise


def _check_unpacked_sizes(archive: zipfile.ZipFile, file: str) -> None:
    """Refuse zip bombs from the directory alone, before anything is unpacked.

    The sizes in the directory can be trusted: zipfile never returns more bytes than an entry
    declares and fails its CRC check when the data would have been longer.
    """
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise FileProblemError(_BOMB_ENTRIES.format(count=len(entries)), file=file)
    total = 0
    for entry in entries:
        total += entry.file_size
        packed = max(entry.compress_size, 1)
        if entry.file_size > _RATIO_APPLIES_FROM and entry.file_size > MAX_PACKING_RATIO * packed:
            text = _BOMB_RATIO.format(
                part=entry.filename, size=_size(entry.file_size), packed=_size(packed)
            )
            raise FileProblemError(text, file=file)
    if total > MAX_UNPACKED_BYTES:
        text = _BOMB_TOTAL.format(size=_size(total), limit=_size(MAX_UNPACKED_BYTES))
        raise FileProblemError(text, file=file)


def _member(archive: zipfile.ZipFile, name: str, file: str) -> zipfile.ZipInfo:
    try:
        return archive.getinfo(name)
    except KeyError:
        _damaged(file)


def _hardened_parser(file: str) -> expat.XMLParserType:
    """An expat parser with defusedxml's rules: no DTD, hence no entities to expand or fetch.

    The parts are parsed with expat directly because the sheet has to stream quickly; the
    handlers below refuse what defusedxml refuses.
    """
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_args: object) -> NoReturn:
        raise FileProblemError(_DTD, file=file)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    return parser


def _part_elements(
    archive: zipfile.ZipFile, name: str, file: str
) -> list[tuple[bool, str, dict[str, str]]]:
    """(is start, local name, attributes) of each element of a small part, in document order."""
    member = _member(archive, name, file)
    if member.file_size > _MAX_SMALL_PART:
        _damaged(file)
    events: list[tuple[bool, str, dict[str, str]]] = []
    no_attributes: dict[str, str] = {}

    def start(tag: str, attributes: dict[str, str]) -> None:
        events.append((True, tag.rpartition(" ")[2], attributes))

    def end(tag: str) -> None:
        events.append((False, tag.rpartition(" ")[2], no_attributes))

    parser = _hardened_parser(file)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(archive.read(member), True)
    return events


def _relationships(archive: zipfile.ZipFile, source: str, file: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, part name) for the part ``source`` ("" for the package)."""
    folder, base = posixpath.split(source)
    related: dict[str, tuple[str, str]] = {}
    for is_start, tag, attributes in _part_elements(
        archive, posixpath.join(folder, "_rels", f"{base}.rels"), file
    ):
        if not is_start or tag != "Relationship" or attributes.get("TargetMode") == "External":
            continue
        target = attributes.get("Target", "")
        if target.startswith("/"):
            name = target.lstrip("/")
        else:
            name = posixpath.normpath(posixpath.join(folder, target))
        related[attributes.get("Id", "")] = (attributes.get("Type", ""), name)
    return related


def _workbook_parts(
    archive: zipfile.ZipFile, file: str
) -> tuple[str, datetime, str | None, str | None]:
    """The sheet to read, the date epoch, and the shared-strings and styles parts if any."""
    workbook = next(
        (
            name
            for kind, name in _relationships(archive, "", file).values()
            if kind.endswith("/officeDocument")
        ),
        None,
    )
    if workbook is None:
        _damaged(file)
    related = _relationships(archive, workbook, file)
    epoch = WINDOWS_EPOCH
    sheets: list[tuple[bool, str]] = []
    for is_start, tag, attributes in _part_elements(archive, workbook, file):
        if not is_start:
            continue
        if tag == "workbookPr" and attributes.get("date1904", "").lower() in ("1", "true"):
            epoch = MAC_EPOCH
        elif tag == "sheet":
            relation = next(
                (attributes[key] for key in _RELATION_ID_ATTRIBUTES if key in attributes), ""
            )
            kind, name = related.get(relation, ("", ""))
            if kind.endswith("/worksheet"):
                sheets.append((attributes.get("state", "visible") == "visible", name))
    if not sheets:
        raise FileProblemError(_NO_SHEET, file=file)
    sheet = next((name for visible, name in sheets if visible), sheets[0][1])
    shared = next((n for k, n in related.values() if k.endswith("/sharedStrings")), None)
    styles = next((n for k, n in related.values() if k.endswith("/styles")), None)
    return sheet, epoch, shared, styles


def _shared_strings(archive: zipfile.ZipFile, name: str, file: str) -> list[str]:
    """The workbook's shared strings in order; phonetic guides (``rPh``) are left out."""
    strings: list[str] = []
    pieces: list[str] = []
    collecting = phonetic = False

    def start(tag: str, _attributes: dict[str, str]) -> None:
        nonlocal collecting, phonetic
        code = _SHEET_TAGS.get(tag)
        if code == _TEXT:
            collecting = not phonetic
        elif code == _STRING_ITEM:
            pieces.clear()
        elif code == _PHONETIC:
            phonetic = True

    def end(tag: str) -> None:
        nonlocal collecting, phonetic
        code = _SHEET_TAGS.get(tag)
        if code == _TEXT:
            collecting = False
        elif code == _STRING_ITEM:
            text = "".join(pieces)
            strings.append(_unescape(text) if "_x" in text else text)
        elif code == _PHONETIC:
            phonetic = False

    def characters(data: str) -> None:
        if collecting:
            pieces.append(data)

    parser = _hardened_parser(file)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    with archive.open(_member(archive, name, file)) as stream:
        parser.ParseFile(stream)
    return strings


def _style_kinds(archive: zipfile.ZipFile, name: str, file: str) -> dict[str, int]:
    """Cell style index (as written in ``s="…"``) → date or duration, for styles showing one."""
    custom: dict[int, str] = {}
    cell_formats: list[int] = []
    in_formats = in_cell_styles = False
    try:
        for is_start, tag, attributes in _part_elements(archive, name, file):
            if tag == "numFmts":
                in_formats = is_start
            elif tag == "cellXfs":
                in_cell_styles = is_start
            elif is_start and tag == "numFmt" and in_formats:
                custom[int(attributes["numFmtId"])] = attributes.get("formatCode", "")
            elif is_start and tag == "xf" and in_cell_styles:
                cell_formats.append(int(attributes.get("numFmtId", "0")))
    except (KeyError, ValueError):
        _damaged(file)
    kinds: dict[str, int] = {}
    for index, format_id in enumerate(cell_formats):
        code = custom.get(format_id) or BUILTIN_FORMATS.get(format_id)
        if code is None:
            continue
        if is_timedelta_format(code):
            kinds[str(index)] = _DURATION
        elif is_date_format(code):
            kinds[str(index)] = _DATE
    return kinds


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
        _damaged(file)
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    if number > EXCEL_MAX_COLUMNS:
        _damaged(file)
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
        "in_cell",
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
        self.done: list[_Record] = []
        self.errors: dict[int, str] = {}
        self.pieces: list[str] = []
        self.cells: dict[int, str] = {}
        self.row_number = 0
        self.column = -1
        self.cell_type = "n"
        self.cell_style: str | None = None
        self.collecting = self.in_cell = self.in_inline = self.in_phonetic = False

    def records(self, stream: IO[bytes]) -> Iterator[_Record]:
        parser = _hardened_parser(self.file)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        done = self.done
        while True:
            chunk = stream.read(_CHUNK)
            parser.Parse(chunk, not chunk)
            if done:
                batch = done.copy()
                done.clear()
                yield from batch
            if not chunk:
                return

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        code = _SHEET_TAGS.get(tag)
        if code == _CELL:
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
        elif code == _VALUE:
            self.collecting = self.in_cell
        elif code == _TEXT:
            self.collecting = self.in_inline and not self.in_phonetic
        elif code == _INLINE:
            self.in_inline = self.in_cell
        elif code == _PHONETIC:
            self.in_phonetic = True
        elif code == _ROW:
            self._start_row(attributes.get("r"))

    def _start_row(self, reference: str | None) -> None:
        if reference is None:
            number = self.row_number + 1
        elif reference.isascii() and reference.isdigit() and len(reference) < 9:
            number = int(reference)
        else:
            _damaged(self.file)
        # Excel writes rows in order; going backwards would give two rows one number.
        if number <= self.row_number or number > EXCEL_MAX_ROWS:
            _damaged(self.file)
        self.row_number = number
        self.column = -1
        self.cells = {}
        if self.errors:
            self.errors = {}

    def _end(self, tag: str) -> None:
        code = _SHEET_TAGS.get(tag)
        if code in (_VALUE, _TEXT):
            self.collecting = False
        elif code == _CELL:
            self.in_cell = False
            if self.pieces:
                value = self._cell_text("".join(self.pieces))
                if value:
                    self.cells[self.column] = value
        elif code == _INLINE:
            self.in_inline = False
        elif code == _PHONETIC:
            self.in_phonetic = False
        elif code == _ROW and self.cells:
            self.done.append((self.row_number, self.cells, self.errors or _NO_ERRORS))

    def _characters(self, data: str) -> None:
        if self.collecting:
            self.pieces.append(data)

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
                _damaged(self.file)
            if index < 0:
                _damaged(self.file)
        elif kind in ("inlineStr", "str"):
            value = _unescape(text) if "_x" in text else text
        elif kind == "b":
            value = "TRUE" if text.strip() in ("1", "true") else "FALSE"
        elif kind == "e":
            value = text
            self.errors[self.column] = text.strip()
        elif kind == "d":
            value = _iso_text(text.strip())
        else:
            _damaged(self.file)
        return value.strip()


def _number_text(text: str, file: str) -> str:
    # Most numbers already look the way Excel shows them: 15 digits at most, no exponent.
    digits = len(text) - ("." in text) - ("-" in text)
    if digits <= 15 and _SHOWN_AS_IS.fullmatch(text) is not None:
        return text
    if _NUMBER_SHAPE.fullmatch(text) is None:
        _damaged(file)
    try:
        return _plain_decimal(_FIFTEEN_DIGITS.plus(Decimal(text)))
    except DecimalException:
        _damaged(file)


def _date_text(text: str, kind: int, epoch: datetime, file: str) -> str:
    try:
        serial = float(text)
        if kind == _DURATION:
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


# --- writing ---------------------------------------------------------------------------------

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
        raise FileProblemError(_UNSUPPORTED.format(suffix=suffix or path.name), file=file)
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
    _sync_folder(path.parent)


def _save_failed(exc: OSError, file: str) -> FileProblemError:
    reason = exc.strerror or type(exc).__name__
    return FileProblemError(_SAVE_FAILED.format(reason=reason), file=file)


def _discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows syncing a folder (not Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


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
        return "'" + value if value[:1] in _CSV_QUOTED_START else value
    if isinstance(value, bool):
        raise TypeError("write text or a number, not a boolean")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        _finite(value)
        return _plain_decimal(_FIFTEEN_DIGITS.plus(Decimal(value))).replace(".", ",")
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
    stored = _NEEDS_ESCAPE.sub(_escape_character, text)
    length = len(text)
    if length > EXCEL_MAX_CELL_CHARS // 2:
        # Excel counts UTF-16 units, so a character outside the BMP counts twice.
        length = len(text.encode("utf-16-le", "surrogatepass")) // 2
    # openpyxl silently cuts longer stored text, escapes included, so that is refused too.
    length = max(length, len(stored))
    if length > EXCEL_MAX_CELL_CHARS:
        message = _CELL_TOO_LONG.format(
            cell=_cell_name(index, number), length=length, limit=EXCEL_MAX_CELL_CHARS
        )
        raise FileProblemError(message, file=file, row=number, column=headers[index])
    risky = text[:1] in _FORMULA_START
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
            message = _TOO_MANY_ROWS_FOR_EXCEL.format(limit=EXCEL_MAX_ROWS)
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
