"""A filled score sheet laid out as one flowable when it fits its page, the common case."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import black
from reportlab.platypus import Flowable

from juryapp.reports import fonts
from juryapp.reports.layout import HEAD_FILL, RULE, drawn_once

# The criteria table as grid_table and the score sheet's own commands lay it out (points)
_GRID_LINE = 0.5
_TOTAL_LINE = 1.2
_CELL_SIDE = 3.0
_HEAD_TOP, _HEAD_BOTTOM = 2.5, 3.0
_TOTAL_PAD = 5.0
_CELL_FONT_SIZE = 8.5
_VALUE_FONT_SIZE = 9.0
_STRING_LEADING = 12.0  # ReportLab's leading for plain-text table cells
# the particulars (field_table), the notes box and the signature block
_FIELD_PAD = 1.0
_FIELD_RIGHT = 2.0
_NOTES_SIDE, _NOTES_TOP, _NOTES_BOTTOM = 5.0, 3.0, 4.0
_SIGN_SIDE, _SIGN_BOTTOM = 2.0, 1.0


@dataclass(frozen=True)
class SheetPieces:
    """What a filled score sheet shows, already in flowables, top to bottom."""

    heading: Sequence[Flowable]  # title and subtitle
    fields: Sequence[tuple[Flowable, Flowable, Flowable]]  # label, colon, value
    field_widths: tuple[float, float, float]
    criteria: Sequence[Sequence[Any]]  # header row, a row per criterion, the total row
    criteria_widths: Sequence[float]
    body_padding: float  # above and below each criterion's cells
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
            _w, h = flowable.wrap(column - _FIELD_RIGHT, 1e6)
            ops.append(("flow", flowable, x, y + _FIELD_PAD + h))
            heights.append(h)
            x += column
        y += max(heights) + 2 * _FIELD_PAD
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
            pads = (_HEAD_TOP, _HEAD_BOTTOM)
        elif index == last:
            pads = (_TOTAL_PAD, _TOTAL_PAD)
        else:
            pads = (pieces.body_padding, pieces.body_padding)
        cells = list(row)
        spans = {0: widths[0] + widths[1]} if index == last else {}
        heights = []
        for column, cell in enumerate(cells):
            if index == last and column == 1:
                continue  # covered by the total's label
            inner = spans.get(column, widths[column]) - 2 * _CELL_SIDE
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
        ops.append(("flow", cell, left + _CELL_SIDE, y + (height - bottom_pad + top_pad + h) / 2))
        return
    text = str(cell)
    if not text:
        return
    size = _VALUE_FONT_SIZE if column == 4 and row > 0 else _CELL_FONT_SIZE
    font = fonts.SANS_BOLD if row in (0, last) else fonts.SANS
    # ReportLab: baseline at rowpos + (bottom + height - top + leading) / 2 - size
    baseline = y + height - ((bottom_pad + height - top_pad + _STRING_LEADING) / 2 - size)
    if row == last and column == 0:
        ops.append(("text", font, size, left + width - _CELL_SIDE, baseline, text, "right"))
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
        canv.setLineWidth(_GRID_LINE)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        for y in bounds:
            canv.line(0, at(y), right, at(y))
        for column, x in enumerate([*lefts, right]):
            # the total's label spans the first two columns
            bottom = bounds[last] if column == 1 else bounds[-1]
            canv.line(x, at(bounds[0]), x, at(bottom))
        canv.setLineWidth(_TOTAL_LINE)
        canv.line(0, at(bounds[last]), right, at(bounds[last]))
        canv.restoreState()

    return draw


def _notes(ops: list[_Op], pieces: SheetPieces, width: float, y: float) -> float:
    top = y
    for flowable in pieces.notes:
        _w, h = flowable.wrap(width - 2 * _NOTES_SIDE, 1e6)
        ops.append(("flow", flowable, _NOTES_SIDE, y + _NOTES_TOP + h))
        y += h + _NOTES_TOP + _NOTES_BOTTOM
    ops.append(("once", ("notes-box", width, top, y), _box_drawing(width, top, y)))
    return y


def _box_drawing(width: float, top: float, bottom: float) -> Callable[[Any, float], None]:
    def draw(canv: Any, page_top: float) -> None:
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(_GRID_LINE)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.rect(0, page_top - bottom, width, bottom - top, stroke=1, fill=0)
        canv.restoreState()

    return draw


def _signature(ops: list[_Op], pieces: SheetPieces, width: float, y: float) -> float:
    left = width - pieces.signature_width
    inner = pieces.signature_width - 2 * _SIGN_SIDE
    for flowable in pieces.signature:
        w, h = flowable.wrap(inner, 1e6)
        # a line of text fills the block; the room to sign, or the signature, is centred in it
        x = left + (pieces.signature_width - w) / 2 if w < inner else left + _SIGN_SIDE
        ops.append(("flow", flowable, x, y + h))
        y += h + _SIGN_BOTTOM
    return y
