"""Page geometry, letterhead, footer, watermark and the building blocks shared by documents."""

from __future__ import annotations

import functools
import math
import operator
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from io import BytesIO
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CellStyle,
    Flowable,
    Frame,
    Image,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from juryapp.domain.formatting import format_date, format_datetime, format_number, format_score
from juryapp.domain.messages import FileProblemError, Text
from juryapp.reports import fonts
from juryapp.reports.collection import collection_paused
from juryapp.reports.labels import label
from juryapp.reports.model import DocumentStamp, Header, JudgeInfo

Orientation = Literal["portrait", "landscape"]

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "F4": (215 * mm, 330 * mm)}

INK = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.25, 0.25, 0.25)
HEAD_FILL = colors.Color(0.88, 0.88, 0.88)
SHADE = colors.Color(0.95, 0.95, 0.95)
NAVY = colors.Color(0.11, 0.2, 0.35)
GOLD = colors.Color(0.72, 0.56, 0.2)


@dataclass(frozen=True)
class Margins:
    left: float
    right: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Padding:
    """A table cell's padding, in points: what a TableStyle sets and a direct drawing reads."""

    left: float
    right: float
    top: float
    bottom: float

    def commands(
        self, start: tuple[int, int] = (0, 0), stop: tuple[int, int] = (-1, -1)
    ) -> list[tuple[Any, ...]]:
        return [
            ("LEFTPADDING", start, stop, self.left),
            ("RIGHTPADDING", start, stop, self.right),
            ("TOPPADDING", start, stop, self.top),
            ("BOTTOMPADDING", start, stop, self.bottom),
        ]


GRID_PADDING = Padding(left=3, right=3, top=2.5, bottom=3)
GRID_RULE = 0.5
GRID_FONT_SIZE = 8.5
FIELD_PADDING = Padding(left=0, right=2, top=1, bottom=1)
SIGNATURE_PADDING = Padding(left=2, right=2, top=0, bottom=1)


# Indonesian official papers keep a wider left margin for binding (Tata Naskah Dinas)
PORTRAIT = Margins(left=25 * mm, right=18 * mm, top=10 * mm, bottom=8 * mm)
LANDSCAPE = Margins(left=15 * mm, right=15 * mm, top=10 * mm, bottom=8 * mm)
CERTIFICATE = Margins(left=28 * mm, right=28 * mm, top=22 * mm, bottom=14 * mm)
LETTERHEAD_HEIGHT = 28 * mm
RUNNING_HEIGHT = 10 * mm
FOOTER_HEIGHT = 17 * mm
QR_SIZE = 15 * mm
SIGNATURE_HEIGHT = 15 * mm


# --- text styles and cells -----------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    text: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    dense: ParagraphStyle
    dense_center: ParagraphStyle
    dense_head: ParagraphStyle
    sign: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The paragraph styles of every document (the fonts are registered on first use)."""
    fonts.register_fonts()
    base = ParagraphStyle(
        "base",
        fontName=fonts.SANS,
        bulletFontName=fonts.SANS,
        fontSize=9.5,
        leading=12.5,
        textColor=INK,
    )

    def derive(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    cell = derive("cell", fontSize=8.5, leading=10.5)
    dense = derive("dense", fontName=fonts.CONDENSED, fontSize=6.8, leading=8.2)
    return Styles(
        title=derive(
            "title", fontName=fonts.SANS_BOLD, fontSize=13.5, leading=17, alignment=TA_CENTER
        ),
        subtitle=derive("subtitle", fontSize=10, leading=13, alignment=TA_CENTER),
        body=derive(
            "body",
            fontName=fonts.SERIF,
            bulletFontName=fonts.SERIF,
            fontSize=10.5,
            leading=15.5,
            alignment=TA_JUSTIFY,
        ),
        text=base,
        small=derive("small", fontSize=7.8, leading=10, textColor=MUTED),
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head=ParagraphStyle(
            "head", parent=cell, fontName=fonts.SANS_BOLD, alignment=TA_CENTER, fontSize=8.2
        ),
        dense=dense,
        dense_center=ParagraphStyle("dense_center", parent=dense, alignment=TA_CENTER),
        dense_head=ParagraphStyle(
            "dense_head", parent=dense, fontName=fonts.CONDENSED_BOLD, alignment=TA_CENTER
        ),
        sign=derive("sign", fontSize=9.5, leading=12.5, alignment=TA_CENTER),
    )


def para(text: str, style: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    """A wrapping cell or paragraph; ``text`` is escaped unless it is our own ``markup``.

    Most texts of a print run repeat (labels, headings, criteria, judges' names on every
    sheet), so each paragraph is a fresh flowable built from the parsed text and line breaks
    of its first copy: parsing and breaking lines were most of the time of a score sheet.
    """
    source = text if markup else escape(text)
    key = (source, style)
    shared = _SHARED.get(key)
    if shared is None:
        if len(_SHARED) >= _SHARED_LIMIT:
            _SHARED.clear()  # a few thousand distinct texts: start over rather than grow
        shared = _SHARED[key] = _SharedText(Paragraph(source, style))
    return _SharedParagraph(source, style, shared)


@functools.lru_cache(maxsize=1024)
def fixed_para(text: str, style: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    """One paragraph object for a text that repeats on every page, drawn wherever it is needed.

    Only for flowables drawn straight onto a page (``OnePageSheet``): a paragraph placed in a
    table or a frame keeps per-place state, so those get their own copy from ``para``. Not for
    two print runs at once in one process, which juryapp never starts.
    """
    return para(text, style, markup=markup)


class _SharedText:
    """One text in one style: its parsed fragments and its lines at each width it was given."""

    __slots__ = ("frags", "lines", "plain")

    def __init__(self, first: Paragraph) -> None:
        self.frags = first.frags
        # no links, anchors or drawing callbacks: its drawing can be repeated as it was written
        self.plain = not any(
            getattr(frag, "link", None) or getattr(frag, "cbDefn", None) for frag in self.frags
        )
        # width -> (line-break result, wrap widths, height); read-only once made
        self.lines: dict[float, tuple[Any, list[float], float]] = {}


class _SharedParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph whose parsing and line breaking are shared with its other copies.

    Only the immutable results are shared; each copy keeps its own position and size, so
    copies may stand in different tables, documents and pages (and split like any other).
    """

    blPara: Any  # noqa: N815  (ReportLab's names)
    _wrapWidths: list[float]  # noqa: N815

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        shared: _SharedText | None = None,
        **pieces: Any,
    ) -> None:
        if shared is None:  # one half of a paragraph split over two pages: its own lines
            super().__init__(text, style, **pieces)
            shared = _SharedText(self)
        else:
            super().__init__(text, style, frags=shared.frags)
        self._jury_shared = shared

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        known = self._jury_shared.lines.get(availWidth)
        if known is None:
            width, height = super().wrap(availWidth, availHeight)
            if height < 0x7FFFFFFF:
                self._jury_shared.lines[availWidth] = (self.blPara, self._wrapWidths, height)
            return width, height
        lines, widths, height = known
        self.width = availWidth
        self.blPara = lines
        self._wrapWidths = widths
        self.height = height
        return availWidth, height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        known = self._jury_shared.lines.get(self.width)
        if known is None or known[0] is not self.blPara or not self._jury_shared.plain:
            super().drawOn(canvas, x, y, _sW)
            return
        key = ("para", self._jury_shared, self.style, self.width, x, y, _sW)
        drawn_once(canvas, key, lambda: super(_SharedParagraph, self).drawOn(canvas, x, y, _sW))


_SharedKey = tuple[str, ParagraphStyle]
_SHARED: dict[_SharedKey, _SharedText] = {}
_SHARED_LIMIT = 4096


# --- drawing each repeated thing once per file ------------------------------------------------

# The canvas attributes a drawing may read or leave changed (position and transformation
# apart: a flowable draws relative to its origin, and every drawing repeated here restores them)
_DRAWING_STATE = tuple(
    name
    for name in Canvas.STATE_ATTRIBUTES
    if name not in ("_x", "_y", "_currentMatrix", "_extgstate", "_lineDash")
)


_read_state = operator.itemgetter(*_DRAWING_STATE)


def _drawing_state(canv: Canvas) -> tuple[Any, ...]:
    attrs = canv.__dict__
    extgstate = attrs["_extgstate"]
    dash = attrs["_lineDash"]
    return (
        _read_state(attrs),
        repr(dash) if isinstance(dash, list) else dash,
        tuple(extgstate._d.items()),
        len(extgstate._c),
    )


def _page_books(canv: Canvas) -> tuple[Any, ...]:
    """What a page keeps beside its drawing operators: forms, links, colours, graphic states."""
    return (
        len(canv._formsinuse),
        len(canv._annotationrefs),
        len(canv._colorsUsed),
        len(getattr(canv, "_shadingUsed", ())),
        canv.__dict__["_currentMatrix"],
        len(canv.__dict__["_extgstate"]._c),
        tuple(canv.__dict__["_extgstate"]._d.items()),
    )


def drawn_once(canv: Canvas, key: Hashable, draw: Callable[[], None]) -> None:
    """Call ``draw``, or repeat the operators it wrote when last called with ``key`` in this file.

    A print run repeats the same cells, rules and labels on every sheet; laying out their
    text and formatting each coordinate was most of the time of a page. A drawing is only
    repeated when it wrote nothing but page operators (no images, links or transparency,
    which the page has to list) and it is repeated from the same canvas state, in the same
    file (text in embedded fonts is encoded per file).
    """
    attrs = canv.__dict__
    cache = attrs.get("_jury_drawn")
    if cache is None:
        cache = attrs["_jury_drawn"] = {}
    full = (key, _drawing_state(canv))
    try:
        known = cache.get(full)
    except TypeError:  # something in the key or the state that cannot be compared
        draw()
        return
    if known is not None:
        canv._code.extend(known[0])
        attrs.update(known[1])
        return
    books = _page_books(canv)
    code = canv._code
    start = len(code)
    draw()
    if canv._code is code and _page_books(canv) == books:
        after = {name: attrs[name] for name in (*_DRAWING_STATE, "_lineDash")}
        cache[full] = (tuple(code[start:]), after)


class ReusedTable(Table):  # type: ignore[misc]
    """A Table whose rules, backgrounds and plain cells are drawn once per file and repeated.

    The heights of its rows are kept too, by the cells' contents and the columns' widths.
    """

    # ReportLab's own attributes, as used here
    _argH: list[Any]  # noqa: N815
    _rowHeights: list[Any]  # noqa: N815
    _curcellstyle: Any
    _cellStyles: list[list[CellStyle]]  # noqa: N815
    _jury_fresh = False  # no style given yet: a style's outcome can be copied in

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._jury_fresh = (
            len(args) <= 3 and kwargs.get("style") is None and kwargs.get("cellStyles") is None
        )

    def setStyle(self, tblstyle: Any) -> None:  # noqa: N802  (ReportLab's name)
        """Apply a style; the same style on a table of the same shape is applied once.

        Setting each command on each cell was a good part of building a sheet's tables.
        """
        fresh, self._jury_fresh = self._jury_fresh, False
        if not fresh or not isinstance(tblstyle, TableStyle):
            super().setStyle(tblstyle)
            return
        try:
            key = (
                self._nrows,
                self._ncols,
                tuple(tblstyle.getCommands()),
                tuple(sorted(tblstyle._opts.items())),
                getattr(tblstyle, "spaceBefore", None),
                getattr(tblstyle, "spaceAfter", None),
            )
            known = _STYLED.get(key)
        except TypeError:  # a command holding a list
            super().setStyle(tblstyle)
            return
        if known is None:
            before = dict(self.__dict__)
            super().setStyle(tblstyle)
            cells = tuple(tuple(dict(cell.__dict__) for cell in row) for row in self._cellStyles)
            lists = {name: tuple(getattr(self, name)) for name in _STYLE_LISTS}
            others = {
                name: value
                for name, value in self.__dict__.items()
                if name not in _STYLE_LISTS
                and name != "_cellStyles"
                and (name not in before or before[name] is not value)
            }
            if len(_STYLED) >= _SHARED_LIMIT:
                _STYLED.clear()
            _STYLED[key] = (cells, lists, others)
            return
        cells, lists, others = known
        rows = []
        for row in cells:
            styled = []
            for attrs in row:
                cell = CellStyle.__new__(CellStyle)
                cell.__dict__.update(attrs)
                styled.append(cell)
            rows.append(styled)
        self._cellStyles = rows
        for name, values in lists.items():
            getattr(self, name)[:] = values
        self.__dict__.update(others)

    def _drawBkgrnd(self) -> None:  # noqa: N802  (ReportLab's name)
        key = ("background", self._geometry(), repr(self._bkgrndcmds))
        drawn_once(self.canv, key, super()._drawBkgrnd)

    def _drawLines(self) -> None:  # noqa: N802
        key = ("lines", self._geometry(), repr(self._linecmds))
        drawn_once(self.canv, key, super()._drawLines)

    def _geometry(self) -> Hashable:
        return (
            tuple(self._colpositions),
            tuple(self._rowpositions),
            repr(getattr(self, "_spanRects", None)),
            repr(getattr(self, "_spanRanges", None)),
            repr(getattr(self, "_cornerRadii", None)),
            repr(getattr(self, "_nosplitCmds", None)),
        )

    def _calc_height(
        self,
        avail_height: float,
        avail_width: float,
        H: Any = None,  # noqa: N803  (ReportLab passes W by name)
        W: Any = None,  # noqa: N803
    ) -> None:
        given = self._argH
        keys = self._row_keys(avail_width, W)
        if keys is None:
            super()._calc_height(avail_height, avail_width, H, W)
            return
        # rows already sized with the same cells at the same widths are given as fixed
        # heights; ReportLab sizes the others and stacks them all as before
        known = [
            height if key is None else _ROW_HEIGHTS.get(key)
            for height, key in zip(given, keys, strict=True)
        ]
        self._argH = known
        try:
            super()._calc_height(avail_height, avail_width, H, W)
        finally:
            self._argH = given
        if self._longTableOptimize and self._height > avail_height:
            # too tall for the room: ReportLab sizes only the rows that fit, so let it
            super()._calc_height(avail_height, avail_width, H, W)
            return
        if None not in known:
            self._rowHeights = known
            return
        if len(_ROW_HEIGHTS) >= _SHARED_LIMIT:
            _ROW_HEIGHTS.clear()
        for key, height, was in zip(keys, self._rowHeights, known, strict=True):
            if key is not None and was is None and height is not None:
                _ROW_HEIGHTS[key] = height

    def _row_keys(self, avail_width: float, widths: Any) -> list[Hashable | None] | None:
        """For each row to be sized, everything its height depends on; None when unknowable."""
        if self._minRowHeights or len(self._argH) != len(self._cellvalues):
            return None
        spans: Any = None
        if self._spanCmds:
            spans = self._spanRanges
            if any(span is not None and span[1] != span[3] for span in spans.values()):
                return None  # cells spanning rows share their height out between them
            col_spans, row_spans = set(self._colSpanCells), set(self._rowSpanCells)
        shared = (
            avail_width,
            None if widths is None else tuple(widths),
            tuple(self._argW),
        )
        keys: list[Hashable | None] = []
        for i, (values, looks, height) in enumerate(
            zip(self._cellvalues, self._cellStyles, self._argH, strict=True)
        ):
            if height is not None:
                keys.append(None)
                continue
            cells: list[Any] = []
            for j, (value, look) in enumerate(zip(values, looks, strict=True)):
                content = _cell_content(value)
                if content is None:
                    return None
                cells.append((content, _cell_look(look)))
                if spans is not None:
                    cells.append((spans.get((j, i)), (j, i) in col_spans, (j, i) in row_spans))
            keys.append((shared, tuple(cells)))
        return keys

    def _drawCell(  # noqa: N802
        self, cellval: Any, cellstyle: Any, pos: tuple[float, float], size: tuple[float, float]
    ) -> None:
        content = _cell_content(cellval)
        if content is None or cellstyle.href or cellstyle.destination:
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        # the font and colour a cell sets stay for the next cells, as ReportLab does it
        if self._curcellstyle is not cellstyle:
            current = self._curcellstyle
            if current is None or cellstyle.color != current.color:
                self.canv.setFillColor(cellstyle.color)
            if (
                current is None
                or cellstyle.leading != current.leading
                or cellstyle.fontname != current.fontname
                or cellstyle.fontsize != current.fontsize
            ):
                self.canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        key = ("cell", content, _cell_look(cellstyle), pos, size)
        drawn_once(self.canv, key, lambda: Table._drawCell(self, cellval, cellstyle, pos, size))


# what each style did to a fresh table of each shape: its cells' styles, its lists of
# commands and any other attribute it set
_STYLED: dict[Hashable, tuple[Any, dict[str, tuple[Any, ...]], dict[str, Any]]] = {}
_STYLE_LISTS = ("_bkgrndcmds", "_linecmds", "_spanCmds", "_nosplitCmds", "_srflcmds", "_sircmds")

# the height of each table row laid out so far, by its cells and the columns' widths
_ROW_HEIGHTS: dict[Hashable, float] = {}

_cell_look = operator.attrgetter(
    "fontname",
    "fontsize",
    "leading",
    "leftPadding",
    "rightPadding",
    "topPadding",
    "bottomPadding",
    "firstLineIndent",
    "color",
    "alignment",
    "valign",
    "direction",
    "shaping",
)


def _cell_content(value: Any) -> Hashable | None:
    """What a cell shows, when it is text or shared paragraphs; None for anything else."""
    if type(value) is str:  # not a subclass, which may carry a drawing callback
        return ("text", value)
    if type(value) is _SharedParagraph:
        return (value._jury_shared, value.style) if value._jury_shared.plain else None
    if not isinstance(value, (list, tuple)) or not value:
        return None
    for item in value:
        if type(item) is not _SharedParagraph or not item._jury_shared.plain:
            return None
    return tuple((item._jury_shared, item.style) for item in value)


def numbered(items: Sequence[str], style: ParagraphStyle) -> list[Paragraph]:
    """``1.``, ``2.``… with the text hanging clear of the numbers."""
    hanging = ParagraphStyle(f"{style.name}-numbered", parent=style, leftIndent=6 * mm)
    return [
        Paragraph(escape(item), hanging, bulletText=f"{number}.")
        for number, item in enumerate(items, start=1)
    ]


def bold(text: str) -> str:
    return f"<b>{escape(text)}</b>"


def italic(text: str) -> str:
    return f"<i>{escape(text)}</i>"


# --- numbers and people --------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def score_text(value: Fraction | Decimal | None, lang: str) -> str:
    """A score or value with two decimals (``87,50``), or a dash when there is none."""
    return label("none", lang) if value is None else format_score(value, lang)


@functools.lru_cache(maxsize=4096)
def plain_number(value: Fraction | Decimal, lang: str) -> str:
    """A weight or a scale score as written by hand: ``15``, ``4,5``, ``12,25``."""
    exact = Fraction(value)
    for places in (0, 1):
        if (exact * 10**places).denominator == 1:
            return format_number(exact, places, lang)
    return format_number(exact, 2, lang)


def rank_text(rank: int | None, shared: bool, lang: str) -> str:
    if rank is None:
        return label("none", lang)
    return label("shared", lang, rank=rank) if shared else str(rank)


def judge_detail(judge: JudgeInfo, lang: str) -> str:
    """The line under a signature: NIP for civil servants, else the judge's institution."""
    return label("nip", lang, nip=judge.nip) if judge.nip else judge.affiliation


def place_and_date(header: Header, day: date, lang: str) -> str:
    return label("place_date", lang, place=header.city, date=format_date(day, lang, weekday=False))


# --- signatures ----------------------------------------------------------------------------


def signature_block(
    *,
    title: str,
    name: str,
    detail: str,
    width: float,
    place_date: str | None = None,
    signature_png: bytes | None = None,
    markup_title: bool = False,
) -> Table:
    """Place and date, a title ending in a comma, room to sign, the name bold and underlined."""
    rows = signature_rows(
        title=title,
        name=name,
        detail=detail,
        width=width,
        place_date=place_date,
        signature_png=signature_png,
        markup_title=markup_title,
    )
    table = ReusedTable([[row] for row in rows], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *SIGNATURE_PADDING.commands(),
            ]
        )
    )
    return table


def signature_rows(
    *,
    title: str,
    name: str,
    detail: str,
    width: float,
    place_date: str | None = None,
    signature_png: bytes | None = None,
    markup_title: bool = False,
) -> list[Flowable]:
    """The lines of a signature block, top to bottom, each to be centred in ``width``."""
    style = styles().sign
    rows: list[Flowable] = []
    if place_date:
        rows.append(para(place_date, style))
    rows.append(para(title, style, markup=markup_title))
    rows.append(_signature_space(signature_png, width))
    shown = f"<u><b>{escape(name)}</b></u>" if name else "(" + "." * 44 + ")"
    rows.append(para(shown, style, markup=True))
    rows.append(para(detail, style) if detail else Spacer(1, style.leading))
    return rows


def _signature_space(png: bytes | None, width: float) -> Flowable:
    if png is None:
        return Spacer(width, SIGNATURE_HEIGHT)
    reader = ImageReader(BytesIO(png))
    image_w, image_h = reader.getSize()
    scale = min((width - 8 * mm) / image_w, SIGNATURE_HEIGHT / image_h)
    return Image(BytesIO(png), width=image_w * scale, height=image_h * scale, mask="auto")


def judge_signature(judge: JudgeInfo, width: float, lang: str, *, title: str = "") -> Table:
    signs = title or label("chair_signs" if judge.is_chair else "member_signs", lang)
    return signature_block(
        title=signs,
        name=judge.name,
        detail=judge_detail(judge, lang),
        width=width,
        signature_png=judge.signature_png,
    )


def signature_grid(blocks: Sequence[Flowable], columns: int, width: float) -> Table:
    """Signature blocks in rows of ``columns``; a short last row is centred under the others."""
    cell = width / columns
    rows = [
        [_row_of_blocks(list(blocks[start : start + columns]), cell, columns)]
        for start in range(0, len(blocks), columns)
    ]
    table = ReusedTable(rows, colWidths=[width])
    table.setStyle(_tight(("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm)))
    return table


def _row_of_blocks(blocks: list[Flowable], cell: float, columns: int) -> Table:
    side = (columns - len(blocks)) * cell / 2
    cells: list[Any] = ["", *blocks, ""] if side else blocks
    widths = [side, *([cell] * len(blocks)), side] if side else [cell] * len(blocks)
    table = ReusedTable([cells], colWidths=widths)
    table.setStyle(_tight(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def align_right(block: Flowable, width: float, block_width: float) -> Table:
    """``block`` against the right margin, where Indonesian letters put the signer."""
    table = ReusedTable([["", block]], colWidths=[width - block_width, block_width])
    table.setStyle(_tight(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def side_by_side(blocks: Sequence[Flowable], width: float) -> Table:
    """Blocks in equal columns across ``width``, tops aligned."""
    table = ReusedTable([list(blocks)], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(_tight(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def _tight(*extra: tuple[Any, ...]) -> TableStyle:
    """A layout-only table: no rules, no padding."""
    return TableStyle(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *extra,
        ]
    )


# --- tables --------------------------------------------------------------------------------


def grid_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    long: bool = False,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table whose header rows repeat on every page it spans."""
    kind = LongTable if long else ReusedTable
    table = kind(list(rows), colWidths=list(widths), repeatRows=header_rows)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID_RULE, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("FONTSIZE", (0, 0), (-1, -1), GRID_FONT_SIZE),
        *GRID_PADDING.commands(),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), fonts.SANS_BOLD),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ]
    table.setStyle(TableStyle([*commands, *extra]))
    return table


def field_table(rows: Sequence[tuple[str, Any]], width: float, label_width: float) -> Table:
    """``Label : value`` lines, as the top of an Indonesian form lists its particulars."""
    style = styles().text
    data = [
        [
            para(name, style),
            para(":", style),
            value if isinstance(value, Flowable) else para(str(value), style),
        ]
        for name, value in rows
    ]
    table = ReusedTable(data, colWidths=[label_width, 4 * mm, width - label_width - 4 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *FIELD_PADDING.commands(),
            ]
        )
    )
    return table


# --- pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One document inside a PDF: its flowables and how its pages are dressed."""

    header: Header
    flowables: tuple[Flowable, ...]
    running_title: str
    orientation: Orientation = "portrait"
    letterhead: bool = True  # the full letterhead on its first page
    numbered: bool = True  # "Halaman x dari y" in the footer
    certificate: bool = False  # decorative border instead of a letterhead


def page_size(stamp: DocumentStamp, orientation: Orientation) -> tuple[float, float]:
    size = PAGE_SIZES[stamp.paper]
    return landscape(size) if orientation == "landscape" else size


def margins_for(part: Part) -> Margins:
    if part.certificate:
        return CERTIFICATE
    return LANDSCAPE if part.orientation == "landscape" else PORTRAIT


def frame_width(stamp: DocumentStamp, orientation: Orientation, certificate: bool = False) -> float:
    width, _ = page_size(stamp, orientation)
    margins = (
        CERTIFICATE if certificate else (LANDSCAPE if orientation == "landscape" else PORTRAIT)
    )
    return width - margins.left - margins.right


def build_pdf(parts: Sequence[Part], stamp: DocumentStamp) -> bytes:
    """Lay out ``parts`` one after another, each starting on a new page, and return the PDF."""
    if not parts:
        raise ValueError("nothing to print: no documents were given")
    fonts.register_fonts()
    # binary streams, compressed as before: ASCII85 on top made files a quarter larger and,
    # without ReportLab's C accelerator, cost as much time as compressing them
    rl_config.useA85 = 0
    for header in {part.header for part in parts}:
        _check_logo(header)
    buffer = BytesIO()
    first = parts[0]
    doc = BaseDocTemplate(
        buffer,
        pagesize=page_size(stamp, first.orientation),
        pageCompression=1,
        title=first.running_title,
        author=first.header.organiser,
        subject=first.header.convention_name,
        creator="juryapp",
        lang="id-ID" if stamp.lang == "id" else "en",
    )
    templates: list[PageTemplate] = []
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        templates += _templates(index, part, stamp)
        if index:
            story.append(PageBreak(nextTemplate=f"part{index}-first"))
        story += part.flowables
    doc.addPageTemplates(templates)
    with collection_paused():
        doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, footer=_Footer(stamp)))
    return buffer.getvalue()


def _check_logo(header: Header) -> None:
    if header.logo_path is not None and not header.logo_path.is_file():
        raise FileProblemError(
            Text("berkas logo tidak ditemukan", "the logo file cannot be found"),
            file=str(header.logo_path),
        )


def _templates(index: int, part: Part, stamp: DocumentStamp) -> list[PageTemplate]:
    size = page_size(stamp, part.orientation)
    margins = margins_for(part)
    width, height = size
    bottom = margins.bottom + FOOTER_HEIGHT
    result = []
    for first in (True, False):
        if part.certificate:
            top = margins.top
        elif first and part.letterhead:
            top = margins.top + LETTERHEAD_HEIGHT
        else:
            top = margins.top + RUNNING_HEIGHT
        frame = Frame(
            margins.left,
            bottom,
            width - margins.left - margins.right,
            height - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        name = f"part{index}-{'first' if first else 'later'}"
        result.append(
            PageTemplate(
                id=name,
                frames=[frame],
                pagesize=size,
                onPage=functools.partial(
                    _dress_page, part=part, index=index, first=first, stamp=stamp
                ),
                autoNextPageTemplate=f"part{index}-later",
            )
        )
    return result


def _dress_page(
    canv: Canvas, doc: BaseDocTemplate, *, part: Part, index: int, first: bool, stamp: DocumentStamp
) -> None:
    """Everything drawn before the content: the watermark stays behind tables and text."""
    margins = margins_for(part)
    width, height = canv._pagesize
    # the footer is painted when the page count is known; these travel with the page's state
    canv.jury_part = index
    canv.jury_numbered = part.numbered
    canv.jury_footer_box = (margins.left, width - margins.right, margins.bottom)
    if part.certificate:
        _draw_border(canv, width, height)
    if stamp.draft:
        _draw_watermark(canv, width, height, label("draft", stamp.lang))
    if part.certificate:
        return
    if first and part.letterhead:
        drawn_once(
            canv,
            ("letterhead", part.header, margins, width, height),
            lambda: _draw_letterhead(canv, part.header, margins, width, height),
        )
    else:
        drawn_once(
            canv,
            ("running", part.header.convention_name, part.running_title, margins, width, height),
            lambda: _draw_running_header(canv, part, margins, width, height),
        )


def _fit(text: str, font: str, size: float, width: float, smallest: float = 6.5) -> float:
    """The largest font size up to ``size`` at which ``text`` fits on one line of ``width``."""
    natural = float(stringWidth(text, font, size))
    if natural <= width:
        return size
    return max(smallest, size * width / natural)


def _shortened(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """``text`` at a size that fits ``width`` on one line, cut at a word with "…" if it must be.

    The two halves of a running header share one line: neither may run into the other.
    """
    size = _fit(text, font, size, width)
    if stringWidth(text, font, size) <= width:
        return text, size
    words = text.split()
    while len(words) > 1 and stringWidth(" ".join(words) + " …", font, size) > width:
        words.pop()
    shortened = " ".join(words).rstrip(" ,.;:—-") + " …"
    while len(shortened) > 1 and stringWidth(shortened, font, size) > width:
        shortened = shortened[:-2] + "…"  # a single word too long for the line
    return shortened, size


def _draw_letterhead(
    canv: Canvas, header: Header, margins: Margins, width: float, height: float
) -> None:
    left, right = margins.left, width - margins.right
    top = height - margins.top
    logo = 22 * mm
    text_left, text_right = left, right
    if header.logo_path is not None:
        canv.drawImage(
            str(header.logo_path),
            left,
            top - logo - 1 * mm,
            width=logo,
            height=logo,
            preserveAspectRatio=True,
            anchor="c",
            mask="auto",
        )
        text_left, text_right = left + logo + 3 * mm, right - logo - 3 * mm
    lines: list[tuple[str, str, float]] = []
    if header.parent_body:
        lines.append((header.parent_body.upper(), fonts.SANS_BOLD, 11))
    lines.append((header.organiser.upper(), fonts.SANS_BOLD, 12.5))
    lines.append((header.convention_name, fonts.SANS, 9.5))
    lines.append((header.address or header.venue, fonts.SANS, 8))
    room = text_right - text_left
    centre = (text_left + text_right) / 2
    y = top - 4.2 * mm
    canv.saveState()
    canv.setFillColor(INK)
    for text, font, size in lines:
        if not text:
            continue
        fitted = _fit(text, font, size, room)
        canv.setFont(font, fitted)
        canv.drawCentredString(centre, y, text)
        y -= fitted * 1.32
    rule_y = height - margins.top - LETTERHEAD_HEIGHT + 4 * mm
    canv.setStrokeColor(INK)
    canv.setLineWidth(1.8)
    canv.line(left, rule_y + 1.6, right, rule_y + 1.6)
    canv.setLineWidth(0.6)
    canv.line(left, rule_y - 0.6, right, rule_y - 0.6)
    canv.restoreState()


def _draw_running_header(
    canv: Canvas, part: Part, margins: Margins, width: float, height: float
) -> None:
    left, right = margins.left, width - margins.right
    y = height - margins.top - 4 * mm
    canv.saveState()
    canv.setFillColor(MUTED)
    half = (right - left) / 2 - 4 * mm
    name, size = _shortened(part.header.convention_name, fonts.SANS, 7.5, half)
    canv.setFont(fonts.SANS, size)
    canv.drawString(left, y, name)
    title, size = _shortened(part.running_title, fonts.SANS_BOLD, 7.5, half)
    canv.setFont(fonts.SANS_BOLD, size)
    canv.drawRightString(right, y, title)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(left, y - 2 * mm, right, y - 2 * mm)
    canv.restoreState()


def _draw_watermark(canv: Canvas, width: float, height: float, text: str) -> None:
    diagonal = math.hypot(width, height)
    size = 0.55 * diagonal / stringWidth(text, fonts.SANS_BOLD, 1)
    canv.saveState()
    canv.setFillColor(colors.Color(0.8, 0.8, 0.8))
    canv.setFillAlpha(0.45)
    canv.translate(width / 2, height / 2)
    canv.rotate(math.degrees(math.atan2(height, width)))
    canv.setFont(fonts.SANS_BOLD, size)
    canv.drawCentredString(0, -size * 0.35, text)
    canv.restoreState()


def _draw_border(canv: Canvas, width: float, height: float) -> None:
    canv.saveState()
    outer, inner = 9 * mm, 12.5 * mm
    canv.setStrokeColor(NAVY)
    canv.setLineWidth(3.2)
    canv.rect(outer, outer, width - 2 * outer, height - 2 * outer)
    canv.setStrokeColor(GOLD)
    canv.setLineWidth(1.1)
    canv.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    canv.setLineWidth(0.4)
    gap = 1.5 * mm
    canv.rect(inner + gap, inner + gap, width - 2 * (inner + gap), height - 2 * (inner + gap))
    canv.setFillColor(GOLD)
    corner = inner + 1.5 * mm
    for x, y in ((corner, corner), (width - corner, corner), (corner, height - corner),
                 (width - corner, height - corner)):  # fmt: skip
        _diamond(canv, x, y, 4 * mm)
    canv.restoreState()


def _diamond(canv: Canvas, x: float, y: float, size: float) -> None:
    path = canv.beginPath()
    path.moveTo(x, y + size)
    path.lineTo(x + size, y)
    path.lineTo(x, y - size)
    path.lineTo(x - size, y)
    path.close()
    canv.drawPath(path, stroke=0, fill=1)


# --- the footer, drawn once the page count is known ----------------------------------------


def short_fingerprint(value: str) -> str:
    """The first 16 hex digits in groups of four: enough to compare two printouts by eye."""
    digits = "".join(ch for ch in value.rsplit(":", maxsplit=1)[-1] if ch.isalnum()).upper()[:16]
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


class _Footer:
    """Printed time, results version, fingerprint, page x of y and, on finals, a QR code."""

    def __init__(self, stamp: DocumentStamp) -> None:
        lang = stamp.lang
        self.lang = lang
        when = format_datetime(stamp.printed_at, lang)
        self.line1 = " · ".join(
            [
                label("printed_on", lang, when=when),
                label("version", lang, version=stamp.results_version),
            ]
        )
        second = [label("fingerprint", lang, value=short_fingerprint(stamp.results_fingerprint))]
        if stamp.key_id:
            second.append(label("key", lang, value=stamp.key_id))
        if stamp.certificate_fingerprint:
            cert = short_fingerprint(stamp.certificate_fingerprint)
            second.append(label("certificate", lang, value=cert))
        if stamp.draft:
            second.insert(0, label("draft_note", lang))
        self.line2 = " · ".join(second)
        self.qr = None if stamp.draft else stamp.qr_payload
        self._form_ready = False

    def draw(self, canv: Canvas, page: int, pages: int) -> None:
        left, right, bottom = canv.jury_footer_box
        canv.saveState()
        top = bottom + FOOTER_HEIGHT - 3 * mm
        # the rule and the lines of text are the same under every one-page sheet of a run
        drawn_once(canv, ("footer rule", left, right, top), lambda: _rule(canv, left, right, top))
        text_right = right
        if self.qr:
            self._draw_qr(canv, right - QR_SIZE, bottom)
            text_right = right - QR_SIZE - 3 * mm
        drawn_once(
            canv,
            ("footer", self, left, text_right, top, canv.jury_numbered, page, pages),
            lambda: self._draw_text(canv, left, text_right, top, page, pages),
        )
        canv.restoreState()

    def _draw_text(
        self, canv: Canvas, left: float, text_right: float, top: float, page: int, pages: int
    ) -> None:
        canv.setFillColor(MUTED)
        number = label("page", self.lang, page=page, pages=pages) if canv.jury_numbered else ""
        number_width = stringWidth(number, fonts.SANS_BOLD, 7.5) + 4 * mm if number else 0
        room = text_right - left - number_width
        y = top - 4 * mm
        for text in (self.line1, self.line2):
            size = _fit(text, fonts.SANS, 7, room, smallest=5)
            canv.setFont(fonts.SANS, size)
            canv.drawString(left, y, text)
            y -= 3.6 * mm
        if self.qr:
            canv.setFont(fonts.SANS, 6)
            canv.drawString(left, y, label("verify", self.lang))
        if number:
            canv.setFillColor(INK)
            canv.setFont(fonts.SANS_BOLD, 7.5)
            canv.drawRightString(text_right, top - 4 * mm, number)

    def _draw_qr(self, canv: Canvas, x: float, y: float) -> None:
        # one form XObject for the whole file: the code is the same on every page
        if not self._form_ready:
            assert self.qr is not None
            canv.beginForm("juryQR", 0, 0, QR_SIZE, QR_SIZE)
            operators = _QR_OPERATORS.get(self.qr)
            if operators is None:
                renderPDF.draw(_qr_drawing(self.qr), canv, 0, 0)
                if not canv._colorsUsed:  # plain RGB only: the stream stands on its own
                    _QR_OPERATORS[self.qr] = tuple(canv._code)
            else:
                # the form's drawing operators, as the first rendering of this code wrote them
                canv._code.extend(operators)
            canv.endForm()
            self._form_ready = True
        canv.saveState()
        canv.translate(x, y)
        canv.doForm("juryQR")
        canv.restoreState()


def _rule(canv: Canvas, left: float, right: float, y: float) -> None:
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    canv.line(left, y, right, y)


# The form stream of each QR code drawn so far (a print run has one payload): the widget's
# rectangles are turned into PDF operators once per process, not once per file.
_QR_OPERATORS: dict[str, tuple[str, ...]] = {}


@functools.lru_cache(maxsize=4)
def _qr_drawing(payload: str) -> Drawing:
    """The QR code of one payload as plain shapes, encoded once for every file of a print run.

    Encoding (and the widget's bounds, which encode it again) dominated the time of a small
    signed document; the modules drawn are the widget's own, so the code is unchanged.
    """
    widget = QrCodeWidget(payload, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE,
        QR_SIZE,
        transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0],
    )
    drawing.add(widget.draw())
    return drawing


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end so each can say "Halaman x dari y" of its document."""

    def __init__(self, *args: Any, footer: _Footer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._jury_painter = footer
        self._jury_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  (ReportLab's name)
        self._jury_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(state.get("jury_part", 0) for state in self._jury_pages)
        seen: Counter[int] = Counter()
        for state in self._jury_pages:
            self.__dict__.update(state)
            part = state.get("jury_part", 0)
            seen[part] += 1
            self._jury_painter.draw(self, seen[part], totals[part])
            super().showPage()
        super().save()
