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

from juryapp.domain.formatting import format_date, format_number, format_score
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
