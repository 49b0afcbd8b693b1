"""What the CSV and XLSX readers share: the wanted columns, the rows, limits and checks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from types import MappingProxyType
from typing import NamedTuple, NoReturn

from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter

from juryapp.domain.messages import FileProblemError, Text, shown
from juryapp.interchange.sheets.texts import (
    DUPLICATE_COLUMN,
    EMPTY_CELL,
    EMPTY_FILE,
    EXCEL_ERROR,
    FORMULA,
    MISSING_COLUMN,
    TOO_MANY_ROWS,
    UNHEADED_DATA,
    UNKNOWN_COLUMN,
)

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
EXCEL_MAX_CELL_CHARS = 32_767
MAX_UNPACKED_BYTES = 200_000_000
MAX_PACKING_RATIO = 100
MAX_ZIP_ENTRIES = 10_000
# Deflate reaches ratios above 100 on small repetitive parts (styles, themes); a part this
# small cannot exhaust memory whatever its ratio, so only larger parts are held to the ratio.
RATIO_APPLIES_FROM = 1_000_000
# Workbook, relationship and style parts are held whole in memory, unlike the streamed sheet.
MAX_SMALL_PART = 32_000_000
CHUNK = 1 << 20
SNIFF_CHARS = 65_536


@dataclass(frozen=True)
class Column:
    """A column the caller wants, found by any of its headings in Indonesian or English.

    Headings match without regard to case, spaces or underscores, so "Kode Tim", "KODE_TIM"
    and "kodetim" are the same heading. The first heading is the one templates write; the
    second, when there is one, is its Indonesian twin (a refusal lists both).
    """

    key: str
    aliases: tuple[str, ...]
    required: bool = True


class Row(NamedTuple):
    """One data row: ``number`` is the row number Excel shows, ``values`` maps column keys to
    stripped text ("" for an empty optional cell or an optional column the file lacks), and
    ``given`` holds the keys of the columns the file has.

    A named tuple, not a dataclass: one is made for each of hundreds of thousands of rows.
    """

    number: int
    values: Mapping[str, str]
    given: frozenset[str] = frozenset()
    headings: Mapping[str, str] = MappingProxyType({})  # key -> heading as the file writes it

    def heading(self, key: str) -> str:
        """The column ``key`` as the file names it ("kategori"), for a message about a cell."""
        return self.headings.get(key, key)


# --- shared rules ----------------------------------------------------------------------------

# Text starting with one of these can be taken for a formula by Excel or LibreOffice (the
# full-width forms by East Asian Excel); leading whitespace matters because Excel skips it.
FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
CSV_QUOTED_START = FORMULA_START | {"'"}
EXCEL_ERRORS = frozenset(
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
# Excel shows 15 significant digits; more would bring back artefacts like 0.30000000000000004.
FIFTEEN_DIGITS = Context(prec=15, rounding=ROUND_HALF_UP, Emax=400, Emin=-400)


def normalise_heading(heading: str) -> str:
    return "".join(heading.casefold().replace("_", " ").split()).replace("\ufeff", "")


def alias_lookup(columns: Sequence[Column]) -> dict[str, Column]:
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
            normal = normalise_heading(alias)
            if not normal:
                raise ValueError(f"column {column.key!r} has an empty heading")
            if lookup.setdefault(normal, column) is not column:
                raise ValueError(f"heading {alias!r} belongs to two columns")
    return lookup


def cell_name(index: int, number: int) -> str:
    return f"{get_column_letter(index + 1)}{number}"


def plain_decimal(value: Decimal) -> str:
    if not value:
        return "0"
    return format(value.normalize(FIFTEEN_DIGITS), "f")


def size_text(count: int) -> str:
    if count >= 1_000_000:
        return f"{count // 1_000_000} MB"
    return f"{-(-count // 1000)} KB"


Plan = list[tuple[str, int, bool, str]]


NO_ERRORS: Mapping[int, str] = {}
# In the map of problem cells an Excel error keeps its code ("#DIV/0!") and a formula is
# stored as "=" and its text, so one map carries both (they start differently).
FORMULA_MARK = "="


class Assembler:
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
        "given",
        "headings",
        "indices",
        "keys",
        "max_rows",
        "plan",
        "rows",
    )

    def __init__(self, plan: Plan, file: str, max_rows: int, *, errors_as_text: bool) -> None:
        self.plan = [entry for entry in plan if entry[1] >= 0]
        self.keys = tuple(key for key, _, _, _ in self.plan)
        self.indices = tuple(index for _, index, _, _ in self.plan)
        self.blanks = ("",) * len(self.indices)
        self.absent = {key: "" for key, index, _, _ in plan if index < 0}
        self.given = frozenset(self.keys)
        self.headings = MappingProxyType({key: heading for key, _, _, heading in self.plan})
        self.file = file
        self.max_rows = max_rows
        self.errors_as_text = errors_as_text
        self.rows: list[Row] = []

    def add(
        self, number: int, values: tuple[str, ...], errors: Mapping[int, str] = NO_ERRORS
    ) -> None:
        if (
            not all(values)
            or errors
            or (self.errors_as_text and not EXCEL_ERRORS.isdisjoint(values))
        ):
            self._check(number, values, errors)
        if len(self.rows) >= self.max_rows:
            text = TOO_MANY_ROWS.format(limit=self.max_rows)
            raise FileProblemError(text, file=self.file, row=number)
        mapping = dict(zip(self.keys, values, strict=True))
        if self.absent:
            mapping.update(self.absent)
        self.rows.append(Row(number, mapping, self.given, self.headings))

    def _check(self, number: int, values: tuple[str, ...], errors: Mapping[int, str]) -> None:
        for (_, index, required, heading), value in zip(self.plan, values, strict=True):
            error = errors.get(index)
            if error is None and self.errors_as_text and value in EXCEL_ERRORS:
                error = value
            if error is not None and error.startswith(FORMULA_MARK):
                raise FileProblemError(
                    FORMULA.format(cell=cell_name(index, number), formula=shown(error, 30)),
                    file=self.file,
                    row=number,
                    column=heading,
                )
            if error is not None:
                raise FileProblemError(
                    EXCEL_ERROR.format(cell=cell_name(index, number), error=shown(error)),
                    file=self.file,
                    row=number,
                    column=heading,
                )
            if required and not value:
                raise FileProblemError(
                    EMPTY_CELL.format(cell=cell_name(index, number)),
                    file=self.file,
                    row=number,
                    column=heading,
                )


Record = tuple[int, dict[int, str], Mapping[int, str]]


def build_rows(
    records: Iterator[Record],
    columns: Sequence[Column],
    lookup: Mapping[str, Column],
    file: str,
    max_rows: int,
    *,
    strict: bool,
) -> list[Row]:
    """Rows from the non-empty records of a sheet: (row number, cell texts, problem cells).

    ``strict``: an unknown heading, or data in a column without one, refuses the file.
    """
    first = next(records, None)
    if first is None:
        raise FileProblemError(EMPTY_FILE, file=file)
    plan = locate_columns(first[0], first[1], columns, lookup, file, strict=strict)
    assembler = Assembler(plan, file, max_rows, errors_as_text=False)
    indices, blanks, add = assembler.indices, assembler.blanks, assembler.add
    headed = first[1].keys()
    for number, cells, errors in records:
        if strict and not cells.keys() <= headed:
            refuse_unheaded(min(cells.keys() - headed), number, file)
        add(number, tuple(map(cells.get, indices, blanks)), errors)
    return assembler.rows


def refuse_unheaded(index: int, number: int, file: str) -> NoReturn:
    raise FileProblemError(
        UNHEADED_DATA.format(cell=cell_name(index, number)), file=file, row=number
    )


def accepted_headings(columns: Sequence[Column]) -> Text:
    """Every column's template heading (its first), with the Indonesian one (its second)."""
    english = ", ".join(c.aliases[0] for c in columns)
    indonesian = ", ".join(c.aliases[1] if len(c.aliases) > 1 else c.aliases[0] for c in columns)
    return Text(indonesian, english)


def locate_columns(
    header_number: int,
    header: Mapping[int, str],
    columns: Sequence[Column],
    lookup: Mapping[str, Column],
    file: str,
    *,
    strict: bool,
) -> Plan:
    """(key, 0-based column or -1 when absent, required, heading) for each wanted column."""
    found: dict[str, tuple[int, str]] = {}
    for index in sorted(header):
        heading = header[index]
        column = lookup.get(normalise_heading(heading))
        if column is None:
            if strict:
                text = UNKNOWN_COLUMN.format(
                    heading=shown(heading), accepted=accepted_headings(columns)
                )
                raise FileProblemError(text, file=file, row=header_number, column=heading)
            continue
        if column.key in found:
            first_index = found[column.key][0]
            text = DUPLICATE_COLUMN.format(
                first=get_column_letter(first_index + 1), second=get_column_letter(index + 1)
            )
            raise FileProblemError(text, file=file, row=header_number, column=heading)
        found[column.key] = (index, heading)
    plan: Plan = []
    for column in columns:
        if column.key in found:
            index, heading = found[column.key]
            plan.append((column.key, index, column.required, heading))
        elif column.required:
            names = " / ".join(f"'{shown(alias)}'" for alias in column.aliases[:4])
            raise FileProblemError(
                MISSING_COLUMN.format(names=names),
                file=file,
                row=header_number,
                column=column.aliases[0],
            )
        else:
            plan.append((column.key, -1, False, column.aliases[0]))
    return plan
