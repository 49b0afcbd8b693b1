"""Building blocks of documents: emphasis, numbers, people, signature blocks and ruled tables."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from juryapp.domain.formatting import (
    format_date,
    format_nip,
    format_number,
    format_score,
    rank_title,
)
from juryapp.reports import fonts
from juryapp.reports.labels import label
from juryapp.reports.model import Header, JudgeInfo
from juryapp.reports.speedups import ReusedTable, para
from juryapp.reports.styles import (
    FIELD_PADDING,
    GRID_FONT_SIZE,
    GRID_PADDING,
    GRID_RULE,
    HEAD_FILL,
    RULE,
    SIGNATURE_HEIGHT,
    SIGNATURE_PADDING,
    fit_size,
    styles,
)


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


def rank_text(rank: int | None, shared: bool, lang: str, *, pending: bool = False) -> str:
    """``2``, ``2 (bersama)`` for a shared place, ``3 (seri)`` for one the jury must decide."""
    if rank is None:
        return label("none", lang)
    if shared:
        return label("pending" if pending else "shared", lang, rank=rank)
    return str(rank)


def place_title(rank: int, shared: bool, lang: str, *, pending: bool = False) -> str:
    """``Juara II``, ``Juara II (bersama)`` or, still to be decided, ``Juara III (seri)``."""
    title = rank_title(rank, lang)
    if shared:
        return label("pending_title" if pending else "shared_title", lang, title=title)
    return title


FILL_IN = "." * 36  # a dotted line where a detail is missing, to be written in by hand


def fill_in(text: str, dots: int = len(FILL_IN)) -> str:
    """``text``, or a dotted line to write it on when it is missing."""
    return text.strip() or "." * dots


def nip_line(nip: str, lang: str) -> str:
    """``NIP 19740512 200312 2 002``, or a line to write it on."""
    return label("nip", lang, nip=format_nip(nip) if nip.strip() else "." * 30)


def judge_detail(judge: JudgeInfo, lang: str) -> str:
    """The line under a signature: NIP for civil servants, else the judge's institution."""
    return nip_line(judge.nip, lang) if judge.nip else judge.affiliation


def name_and_detail(judge: JudgeInfo, lang: str, size: float) -> str:
    """Markup: the judge's name in bold, their NIP (or institution) under it in ``size``."""
    text = f"<b>{escape(judge.name)}</b>"
    detail = judge_detail(judge, lang)
    if detail:
        text += f'<br/><font size="{size}">{escape(detail)}</font>'
    return text


def place_and_date(header: Header, day: date, lang: str) -> str:
    """``Jakarta, 19 September 2024``, with a line for the place when none is set."""
    when = format_date(day, lang, weekday=False)
    return label("place_date", lang, place=fill_in(header.city, 20), date=when)


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
    rank: str = "",
    style: ParagraphStyle | None = None,
    space: float = SIGNATURE_HEIGHT,
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
        rank=rank,
        style=style,
        space=space,
    )
    table = ReusedTable([[row] for row in rows], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                # a table's own font, where its cells hold no text, is still set on the page
                ("FONTNAME", (0, 0), (-1, -1), (style or styles().sign).fontName),
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
    rank: str = "",
    style: ParagraphStyle | None = None,
    space: float = SIGNATURE_HEIGHT,
) -> list[Flowable]:
    """The lines of a signature block, top to bottom, each to be centred in ``width``."""
    style = style or styles().sign
    rows: list[Flowable] = []
    if place_date:
        rows.append(para(place_date, style))
    rows.append(para(title, style, markup=markup_title))
    rows.append(_signature_space(signature_png, width, space))
    shown = f"<u><b>{escape(name)}</b></u>" if name else "(" + "." * 44 + ")"
    rows.append(para(shown, _name_style(style, name, width), markup=True))
    if rank:
        rows.append(para(rank, style))
    rows.append(para(detail, style) if detail else Spacer(1, style.leading))
    return rows


@functools.lru_cache(maxsize=256)
def _name_style(style: ParagraphStyle, name: str, width: float) -> ParagraphStyle:
    """``style``, a little smaller if that keeps a long name with its degrees on one line.

    A name broken over two underlined lines reads as two people; below 8 points it wraps.
    """
    bold = fonts.SANS_BOLD if style.fontName.startswith(fonts.SANS) else fonts.SERIF_BOLD
    room = width - SIGNATURE_PADDING.left - SIGNATURE_PADDING.right - 2
    size = fit_size(name, bold, style.fontSize, room, smallest=8)
    if size >= style.fontSize:
        return style
    return ParagraphStyle(f"{style.name}-{size:.2f}", parent=style, fontSize=size)


def signatures_side_by_side(blocks: Sequence[dict[str, Any]], width: float) -> Table:
    """Signature blocks (``signature_rows`` fields) next to each other, line by line.

    Each line is a row of one table, so the names and NIPs stand level even where one
    signer's title takes two lines and the other's one.
    """
    columns = [
        signature_rows(**{**fields, "rank": fields.get("rank") or "\u00a0"}) for fields in blocks
    ]
    depth = max(len(rows) for rows in columns)
    cells = [[rows[i] if i < len(rows) else "" for rows in columns] for i in range(depth)]
    table = ReusedTable(cells, colWidths=[width / len(blocks)] * len(blocks))
    font = (blocks[0].get("style") or styles().sign).fontName
    table.setStyle(
        tight(
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), SIGNATURE_PADDING.bottom),
        )
    )
    return table


def _signature_space(png: bytes | None, width: float, height: float = SIGNATURE_HEIGHT) -> Flowable:
    if png is None:
        return Spacer(width, height)
    reader = ImageReader(BytesIO(png))
    image_w, image_h = reader.getSize()
    scale = min((width - 8 * mm) / image_w, height / image_h)
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


def acknowledgement(header: Header, lang: str, width: float) -> Table:
    """ "Mengetahui," and the head of the organiser: title, room to sign, name, rank and NIP.

    A missing name or NIP is printed as a line to write on, never as a gap.
    """
    title = fill_in(header.organiser_head_title)
    return signature_block(
        title=f"{escape(label('acknowledged', lang))}<br/>{escape(title)},",
        name=header.organiser_head_name,
        rank=header.organiser_head_rank,
        detail=nip_line(header.organiser_head_nip, lang),
        width=width,
        markup_title=True,
    )


SIGN_ROW_HEIGHT = 12 * mm


def signature_table(
    signers: Sequence[JudgeInfo], width: float, lang: str, *, columns: int = 1
) -> Table:
    """Every judge on a numbered line with their role and room to sign, chair first.

    The names get the width they need to stand on one line; with ``columns`` of two the
    list is split in halves side by side, which keeps a jury of five or more compact.
    """
    st = styles()
    ordered = sorted(signers, key=lambda judge: not judge.is_chair)
    per_column = -(-len(ordered) // columns)
    number_w, role_w, sign_w = 7 * mm, 21 * mm, 34 * mm
    half = width / columns
    name_w = half - number_w - role_w - sign_w
    head = [para(label(key, lang), st.head) for key in ("no", "name", "role", "signature")]
    rows: list[list[Any]] = [head * columns]
    for line in range(per_column):
        row: list[Any] = []
        for column in range(columns):
            index = column * per_column + line
            if index >= len(ordered):
                row += ["", "", "", ""]
                continue
            judge = ordered[index]
            who = name_and_detail(judge, lang, st.cell.fontSize - 1)
            role = label("chair" if judge.is_chair else "member", lang)
            row += [
                f"{index + 1}.",
                para(who, st.cell, markup=True),
                para(role, st.cell_center),
                sign_cell(index + 1, judge.signature_png, sign_w),
            ]
        rows.append(row)
    widths = [number_w, name_w, role_w, sign_w] * columns
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
    ]
    for column in range(1, columns):
        extra.append(("ALIGN", (4 * column, 1), (4 * column, -1), "CENTER"))
        extra.append(("LINEBEFORE", (4 * column, 0), (4 * column, -1), 1.2, RULE))
    heights = [0.0, *([SIGN_ROW_HEIGHT] * (len(rows) - 1))]
    return grid_table(rows, widths, extra=extra, min_heights=heights)


def sign_cell(number: int, png: bytes | None, width: float) -> Flowable | str:
    """``3. ……`` on the line where the judge signs, or their stored signature."""
    if png is not None:
        return _signature_space(png, width, SIGN_ROW_HEIGHT - 2 * mm)
    # odd lines sign on the left and even ones on the right, as on a paper attendance list,
    # so that neighbouring signatures never run into each other
    style = styles().cell if number % 2 else styles().cell_right
    return para(f"{number}. {'.' * 22}", style)


def align_right(block: Flowable, width: float, block_width: float) -> Table:
    """``block`` against the right margin, where Indonesian letters put the signer."""
    table = ReusedTable([["", block]], colWidths=[width - block_width, block_width])
    table.setStyle(tight(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def over_right(text: str, width: float, column: float) -> Table:
    """``text`` centred over the right-hand ``column`` of ``width``, as a signer's date stands."""
    table = ReusedTable([["", para(text, styles().sign)]], colWidths=[width - column, column])
    table.setStyle(tight())
    return table


def centred(block: Flowable, width: float, block_width: float) -> Table:
    side = (width - block_width) / 2
    table = ReusedTable([["", block, ""]], colWidths=[side, block_width, side])
    table.setStyle(tight(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def side_by_side(blocks: Sequence[Flowable], width: float) -> Table:
    """Blocks in equal columns across ``width``, tops aligned."""
    table = ReusedTable([list(blocks)], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(tight(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def tight(*extra: tuple[Any, ...]) -> TableStyle:
    """A layout-only table: no rules, no padding, and the documents' font for its empty cells.

    A table sets its cells' font on the page even where they hold no text; left to its
    default, every file would list Helvetica as a font it uses and does not embed.
    """
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
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
    heights: Sequence[float | None] | None = None,
    min_heights: Sequence[float] | None = None,
) -> Table:
    """A ruled table whose header rows repeat on every page it spans.

    ``heights`` fixes rows' heights; ``min_heights`` only keeps them from being lower (a row
    where a person signs), so that a long name still has the room it needs.
    """
    kind = LongTable if long else ReusedTable
    table = kind(
        list(rows),
        colWidths=list(widths),
        rowHeights=list(heights) if heights is not None else None,
        minRowHeights=list(min_heights) if min_heights is not None else None,
        repeatRows=header_rows,
    )
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
                ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *FIELD_PADDING.commands(),
            ]
        )
    )
    return table
