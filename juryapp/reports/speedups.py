"""ReportLab speed-ups: paragraphs, table styles, row heights and drawings reused within a file."""

from __future__ import annotations

import copy
import functools
import operator
from collections.abc import Callable, Hashable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CellStyle, Paragraph, Table, TableStyle


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


# --- an image embedded in many files, encoded once --------------------------------------------

# The image XObject of each image drawn so far, by name: its compressed pixels and soft mask
_IMAGES: dict[str, PDFImageXObject] = {}


def draw_image_once(canv: Canvas, name: str, image: ImageReader, size: tuple[float, float]) -> None:
    """``canv.drawImage(image, 0, 0, *size)``, with the image encoded once per process.

    ReportLab compresses an image's pixels again for every file it is drawn in, and takes a
    digest of them first: for the letterhead's logo, in every file of a print run, that was
    a fifth of the time of a one-page document. The stream written is the same.
    """
    doc = canv._doc
    registered = doc.getXObjectName(name)
    if doc.idToObject.get(registered) is None:
        template = _IMAGES.get(name)
        if template is None:
            template = _IMAGES[name] = PDFImageXObject(name, image, mask="auto")
        xobject = copy.copy(template)
        mask = xobject.__dict__.pop("_smask", None)
        canv._setXObjects(xobject)
        doc.Reference(xobject, registered)
        doc.addForm(name, xobject)
        if mask is not None:
            canv._setXObjects(mask)
            xobject.smask = doc.Reference(copy.copy(mask), doc.getXObjectName(mask.name))
    canv._currentPageHasImages = 1
    canv.saveState()
    canv.scale(*size)
    canv._code.append(f"/{registered} Do")
    canv.restoreState()
    canv._formsinuse.append(name)  # the page's (or form's) resources list what it draws
