"""Lembar Penilaian Juri: one judge's score sheet for one team, and the blank paper form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from juryapp.domain.formatting import format_date
from juryapp.reports import fonts
from juryapp.reports.labels import label
from juryapp.reports.layout import (
    RULE,
    Part,
    align_right,
    bold,
    build_pdf,
    field_table,
    frame_width,
    grid_table,
    italic,
    judge_detail,
    para,
    plain_number,
    score_text,
    signature_block,
    styles,
)
from juryapp.reports.model import DocumentStamp, ScoreSheetData

_DOTS = "." * 60


def render_score_sheet(data: ScoreSheetData, stamp: DocumentStamp) -> bytes:
    """The score sheet as a one-document PDF."""
    return build_pdf([score_sheet_part(data, stamp)], stamp)


def score_sheet_part(data: ScoreSheetData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "portrait")
    flow: list[Flowable] = [para(label("sheet_title", lang), st.title)]
    if data.category_name:
        flow.append(para(label("category_named", lang, name=data.category_name), st.subtitle))
    flow += [
        Spacer(1, 4 * mm),
        _particulars(data, lang, width),
        Spacer(1, 4 * mm),
        _criteria_table(data, lang, width),
    ]
    if data.blank:
        flow += [Spacer(1, 1.5 * mm), para(label("blank_form", lang), st.small)]
    flow += [
        Spacer(1, 4 * mm),
        KeepTogether([_notes(data, lang, width), Spacer(1, 5 * mm), _signature(data, lang, width)]),
    ]
    running = " — ".join(
        part
        for part in (
            label("sheet_title", lang),
            data.team_code,
            data.judge.name if data.judge else "",
        )
        if part
    )
    return Part(header=data.header, flowables=tuple(flow), running_title=running)


def _particulars(data: ScoreSheetData, lang: str, width: float) -> Table:
    def value(text: str) -> str:
        return text or _DOTS

    day = format_date(data.day_date, lang) if data.day_date else ""
    rows: list[tuple[str, Any]] = [
        (label("day_date", lang), value(day)),
        (label("order", lang), value(str(data.order) if data.order is not None else "")),
        (label("team_code", lang), value(data.team_code)),
        (label("institution", lang), value(data.institution)),
        (label("category", lang), value(data.category_name)),
        (label("title", lang), value(data.title)),
        (label("judge_name", lang), value(data.judge.name if data.judge else "")),
    ]
    return field_table(rows, width, label_width=32 * mm)


def _criteria_table(data: ScoreSheetData, lang: str, width: float) -> Table:
    st = styles()
    scales = {(line.scale_min, line.scale_max) for line in data.criteria}
    if len(scales) == 1:
        low, high = next(iter(scales))
        score_head = label(
            "score_range", lang, low=plain_number(low, lang), high=plain_number(high, lang)
        )
    else:
        score_head = label("score", lang)
    head = [
        para(label("no", lang), st.head),
        para(label("criterion", lang), st.head),
        para(label("weight", lang), st.head),
        para(score_head, st.head),
        para(label("value", lang), st.head),
    ]
    rows: list[list[Any]] = [head]
    for number, line in enumerate(data.criteria, start=1):
        text = f"{bold(line.code)} {escape(line.name)}"
        if line.note and not data.blank:
            text += f'<br/><font size="7.5" color="#555555">{italic(line.note)}</font>'
        if data.blank and len(scales) > 1:
            # criteria on different scales: each empty box says what it takes
            hint = f"{plain_number(line.scale_min, lang)}–{plain_number(line.scale_max, lang)}"
            score: Any = para(
                f'<font color="#999999" size="7">{hint}</font>', st.cell_center, markup=True
            )
        elif data.blank or line.score is None:
            score = ""
        else:
            score = plain_number(line.score, lang)
        value = "" if data.blank or line.value is None else score_text(line.value, lang)
        rows.append(
            [
                str(number),
                para(text, st.cell, markup=True),
                plain_number(line.weight, lang),
                score,
                value,
            ]
        )
    weights = sum((line.weight for line in data.criteria), Decimal(0))
    total = "" if data.blank or data.total is None else score_text(data.total, lang)
    rows.append([label("total", lang), "", plain_number(weights, lang), "", total])
    last = len(rows) - 1
    padding = 7 if data.blank else 3
    extra = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 1), (-1, last - 1), padding),
        ("BOTTOMPADDING", (0, 1), (-1, last - 1), padding),
        ("SPAN", (0, last), (1, last)),
        ("ALIGN", (0, last), (1, last), "RIGHT"),
        ("FONTNAME", (0, last), (-1, last), fonts.SANS_BOLD),
        ("FONTSIZE", (-1, 1), (-1, -1), 9),
        ("LINEABOVE", (0, last), (-1, last), 1.2, RULE),
        ("TOPPADDING", (0, last), (-1, last), 5),
        ("BOTTOMPADDING", (0, last), (-1, last), 5),
    ]
    number_w, weight_w, score_w, value_w = 10 * mm, 16 * mm, 22 * mm, 22 * mm
    widths = [number_w, width - number_w - weight_w - score_w - value_w, weight_w, score_w, value_w]
    return grid_table(rows, widths, extra=extra)


def _notes(data: ScoreSheetData, lang: str, width: float) -> Table:
    st = styles()
    heading = para(f"{bold(label('notes', lang))}:", st.text, markup=True)
    if data.blank:
        body: list[Any] = [[""] for _ in range(4)]
        commands: list[tuple[Any, ...]] = [
            ("LINEBELOW", (0, 1), (0, -1), 0.3, RULE, None, (1, 2)),
        ]
        rows = [[heading], *body]
        heights = [None, *([8 * mm] * len(body))]
    else:
        text = data.notes or label("none", lang)
        rows = [[heading], [para(text, st.text)]]
        heights = [None, None]
        commands = []
    table = Table(rows, colWidths=[width], rowHeights=heights)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                *commands,
            ]
        )
    )
    return table


def _signature(data: ScoreSheetData, lang: str, width: float) -> Table:
    block_width = 75 * mm
    if data.day_date is not None:
        when = format_date(data.day_date, lang, weekday=False)
    else:
        when = "." * 30
    place_date = label("place_date", lang, place=data.header.city or "." * 20, date=when)
    judge = data.judge
    block = signature_block(
        title=label("judge_signs", lang),
        name=judge.name if judge else "",
        detail=judge_detail(judge, lang) if judge else label("nip", lang, nip="." * 36),
        width=block_width,
        place_date=place_date,
        signature_png=judge.signature_png if judge and not data.blank else None,
    )
    return align_right(block, width, block_width)
