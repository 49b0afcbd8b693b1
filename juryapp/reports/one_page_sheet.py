"""A filled score sheet laid out as one flowable when it fits its page, the common case."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import black
from reportlab.platypus import Flowable

from juryapp.reports import fonts
from juryapp.reports.speedups import drawn_once
from juryapp.reports.styles import (
    FIELD_PADDING,
    GRID_FONT_SIZE,
    GRID_PADDING,
    GRID_RULE,
    HEAD_FILL,
    RULE,
    SIGNATURE_PADDING,
    Padding,
)

# The score sheet's own measures, which its table layout (score_sheet.py) sets too
NOTES_PADDING = Padding(left=5, right=5, top=3, bottom=4)
TOTAL_PADDING = 5.0  # above and below the total row
TOTAL_RULE = 1.2
VALUE_FONT_SIZE = 9.0
# ReportLab's leading for a table cell holding a plain string, whatever its font size
_STRING_LEADING = 12.0


@dataclass(frozen=True)
class SheetPieces:
    """What a filled score sheet shows, already in flowables, top to bottom."""

    heading: Sequence[Flowable]  # title and subtitle
    fields: Sequence[tuple[Flowable, Flowable, Flowable]]  # label, colon, value
    field_widths: tuple[float, float, float]
    criteria: Sequence[Sequence[Any]]  # header row, a row per criterion, the total row
    criteria_widths: Sequence[float]
    body_padding: float  # above and below each criterion's cells
    legend: Sequence[Flowable]  # under the criteria: how values are worked out
    notes: tuple[Flowable, Flowable]  # heading and text
    signature: Sequence[Flowable]  # place and date, title, room to sign, name, detail
    signature_width: float
    gaps: tuple[float, float, float, float]  # heading|fields|criteria|notes|signature


_Op = tuple[Any, ...]


class OnePageSheet(Flowable):  # type: ignore[misc]
    """The sheet's particulars, criteria, notes and signature drawn straight onto the page.

    Laying the sheet out as ReportLab tables cost about three milliseconds a page, most of it in
    the tables' general machinery, and a print run holds a sheet per judge and team. A sheet
    that does not fit on its page is handed back as ``fallback()``, the same sheet as tables,
    which split over pages, repeat their header and keep notes with the signature.
    """

    def __init__(self, pieces: SheetPieces, fallback: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self._pieces = pieces
        self._fallback = fallback
        self._ops: list[_Op] = []
        self._laid_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._laid_width != availWidth:
            self._ops, self.height = _lay_out(self._pieces, availWidth)
            self._laid_width = availWidth
        self.width = availWidth
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return self._fallback()

    def draw(self) -> None:
        canv = self.canv
        top = self.height
        inked = False  # a paragraph may leave another fill colour behind it
        for op in self._ops:
            kind = op[0]
            if kind == "flow":
                _kind, flowable, x, y = op
                flowable.drawOn(canv, x, top - y)
                inked = False
            elif kind == "text":
                if not inked:
                    canv.setFillColor(black)
                    inked = True
                _text(canv, op, top)
            else:
                _kind, key, drawing = op
                drawn_once(canv, (*key, top), functools.partial(drawing, canv, top))
                inked = False


def _text(canv: Any, op: _Op, top: float) -> None:
    _kind, font, size, x, y, text, align = op
    canv.setFont(font, size)
    if align == "center":
        canv.drawCentredString(x, top - y, text)
    else:
        canv.drawRightString(x, top - y, text)


def _lay_out(pieces: SheetPieces, width: float) -> tuple[list[_Op], float]:
    """What to draw, and the height of it all.

    ``y`` is measured down from the top: a flowable's bottom edge, a string's baseline.
    """
    ops: list[_Op] = []
    y = 0.0
    for flowable in pieces.heading:
        _w, h = flowable.wrap(width, 1e6)
        y += flowable.getSpaceBefore()
        ops.append(("flow", flowable, 0.0, y + h))
        y += h + flowable.getSpaceAfter()
    y += pieces.gaps[0]
    y = _fields(ops, pieces, y)
    y += pieces.gaps[1]
    y = _criteria(ops, pieces, width, y)
    for flowable in pieces.legend:
        _w, h = flowable.wrap(width, 1e6)
        y += flowable.getSpaceBefore()
        ops.append(("flow", flowable, 0.0, y + h))
        y += h + flowable.getSpaceAfter()
    y += pieces.gaps[2]
    y = _notes(ops, pieces, width, y)
    y += pieces.gaps[3]
    y = _signature(ops, pieces, width, y)
    return ops, y


def _fields(ops: list[_Op], pieces: SheetPieces, y: float) -> float:
    for row in pieces.fields:
        x = 0.0
        heights = []
        for flowable, column in zip(row, pieces.field_widths, strict=True):
            _w, h = flowable.wrap(column - FIELD_PADDING.left - FIELD_PADDING.right, 1e6)
            ops.append(("flow", flowable, x + FIELD_PADDING.left, y + FIELD_PADDING.top + h))
            heights.append(h)
            x += column
        y += max(heights) + FIELD_PADDING.top + FIELD_PADDING.bottom
    return y


def _criteria(ops: list[_Op], pieces: SheetPieces, width: float, y: float) -> float:
    rows = pieces.criteria
    widths = list(pieces.criteria_widths)
    lefts = [sum(widths[:i]) for i in range(len(widths))]
    last = len(rows) - 1
    first_op = len(ops)  # the header's shading and the rules go under the cells
    bounds = [y]
    for index, row in enumerate(rows):
        if index == 0:
            pads = (GRID_PADDING.top, GRID_PADDING.bottom)
        elif index == last:
            pads = (TOTAL_PADDING, TOTAL_PADDING)
        else:
            pads = (pieces.body_padding, pieces.body_padding)
        cells = list(row)
        spans = {0: widths[0] + widths[1]} if index == last else {}
        heights = []
        for column, cell in enumerate(cells):
            if index == last and column == 1:
                continue  # covered by the total's label
            inner = spans.get(column, widths[column]) - GRID_PADDING.left - GRID_PADDING.right
            if isinstance(cell, Flowable):
                heights.append(cell.wrap(inner, 1e6)[1])
            else:
                heights.append(_STRING_LEADING * (str(cell).count("\n") + 1))
        height = max(heights) + pads[0] + pads[1]
        for column, cell in enumerate(cells):
            if index == last and column == 1:
                continue
            cell_width = spans.get(column, widths[column])
            _place_cell(ops, cell, index, last, column, lefts[column], cell_width, y, height, pads)
        y += height
        bounds.append(y)
    key = ("criteria-rules", tuple(widths), tuple(bounds), last)
    ops.insert(first_op, ("once", key, _grid_drawing(lefts, widths, bounds, last)))
    return y


def _place_cell(
    ops: list[_Op],
    cell: Any,
    row: int,
    last: int,
    column: int,
    left: float,
    width: float,
    y: float,
    height: float,
    pads: tuple[float, float],
) -> None:
    """One cell, centred up and down as ReportLab centres a MIDDLE-aligned table cell."""
    top_pad, bottom_pad = pads
    if isinstance(cell, Flowable):
        h = cell.height
        # ReportLab: the cell's bottom at rowpos + (height + bottom - top - h) / 2
        bottom = y + (height - bottom_pad + top_pad + h) / 2
        ops.append(("flow", cell, left + GRID_PADDING.left, bottom))
        return
    text = str(cell)
    if not text:
        return
    size = VALUE_FONT_SIZE if column == 4 and row > 0 else GRID_FONT_SIZE
    font = fonts.SANS_BOLD if row in (0, last) else fonts.SANS
    # ReportLab: baseline at rowpos + (bottom + height - top + leading) / 2 - size
    baseline = y + height - ((bottom_pad + height - top_pad + _STRING_LEADING) / 2 - size)
    if row == last and column == 0:
        right = left + width - GRID_PADDING.right
        ops.append(("text", font, size, right, baseline, text, "right"))
    else:
        ops.append(("text", font, size, left + width / 2, baseline, text, "center"))


def _grid_drawing(
    lefts: list[float], widths: list[float], bounds: list[float], last: int
) -> Callable[[Any, float], None]:
    right = lefts[-1] + widths[-1]

    def draw(canv: Any, top: float) -> None:
        def at(y: float) -> float:
            return top - y

        canv.saveState()
        canv.setFillColor(HEAD_FILL)
        canv.rect(0, at(bounds[1]), right, bounds[1] - bounds[0], stroke=0, fill=1)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(GRID_RULE)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        for y in bounds:
            canv.line(0, at(y), right, at(y))
        for column, x in enumerate([*lefts, right]):
            # the total's label spans the first two columns
            bottom = bounds[last] if column == 1 else bounds[-1]
            canv.line(x, at(bounds[0]), x, at(bottom))
        canv.setLineWidth(TOTAL_RULE)
        canv.line(0, at(bounds[last]), right, at(bounds[last]))
        canv.restoreState()

    return draw


def _notes(ops: list[_Op], pieces: SheetPieces, width: float, y: float) -> float:
    top = y
    for flowable in pieces.notes:
        _w, h = flowable.wrap(width - NOTES_PADDING.left - NOTES_PADDING.right, 1e6)
        ops.append(("flow", flowable, NOTES_PADDING.left, y + NOTES_PADDING.top + h))
        y += h + NOTES_PADDING.top + NOTES_PADDING.bottom
    ops.append(("once", ("notes-box", width, top, y), _box_drawing(width, top, y)))
    return y


def _box_drawing(width: float, top: float, bottom: float) -> Callable[[Any, float], None]:
    def draw(canv: Any, page_top: float) -> None:
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(GRID_RULE)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.rect(0, page_top - bottom, width, bottom - top, stroke=1, fill=0)
        canv.restoreState()

    return draw


def _signature(ops: list[_Op], pieces: SheetPieces, width: float, y: float) -> float:
    left = width - pieces.signature_width
    inner = pieces.signature_width - SIGNATURE_PADDING.left - SIGNATURE_PADDING.right
    for flowable in pieces.signature:
        w, h = flowable.wrap(inner, 1e6)
        # a line of text fills the block; the room to sign, or the signature, is centred in it
        x = left + (pieces.signature_width - w) / 2 if w < inner else left + SIGNATURE_PADDING.left
        ops.append(("flow", flowable, x, y + SIGNATURE_PADDING.top + h))
        y += h + SIGNATURE_PADDING.top + SIGNATURE_PADDING.bottom
    return y
