"""Lembar Penilaian Juri: one judge's score sheet for one team, and the blank paper form."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from juryapp.domain.formatting import format_date
from juryapp.reports import fonts
from juryapp.reports.blocks import (
    align_right,
    bold,
    field_table,
    fill_in,
    grid_table,
    italic,
    judge_detail,
    nip_line,
    plain_number,
    score_text,
    signature_block,
    signature_rows,
)
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import DocumentStamp, ScoreSheetData, ScoringGuideData
from juryapp.reports.one_page_sheet import (
    NOTES_PADDING,
    TOTAL_PADDING,
    TOTAL_RULE,
    VALUE_FONT_SIZE,
    OnePageSheet,
    SheetPieces,
)
from juryapp.reports.speedups import fixed_para, para
from juryapp.reports.styles import GRID_RULE, RULE, styles

_DOTS = "." * 60
MakePara = Callable[..., Flowable]  # para, or fixed_para for what repeats on every sheet
_GAP = 4 * mm
_SIGNATURE_GAP = 5 * mm
_LABEL_WIDTH = 32 * mm
_COLON_WIDTH = 4 * mm
_SIGNATURE_WIDTH = 90 * mm
_LONG_NOTES = 120 * mm


def render_score_sheet(data: ScoreSheetData, stamp: DocumentStamp) -> bytes:
    """The score sheet as a one-document PDF."""
    return build_pdf([score_sheet_part(data, stamp)], stamp)


def score_sheet_part(data: ScoreSheetData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    width = frame_width(stamp, "portrait")
    if data.blank:
        flow = _flowables(data, lang, width)
    else:
        # the usual one-page sheet drawn directly; as tables only when it needs more pages
        flow = [OnePageSheet(_pieces(data, lang, width), lambda: _flowables(data, lang, width))]
    running = " — ".join(
        part
        for part in (
            label("sheet_title", lang),
            data.team_code,
            data.judge.name if data.judge else "",
        )
        if part
    )
    return Part(
        header=data.header,
        flowables=tuple(flow),
        running_title=running,
        form=data.blank,
        qr_text=data.qr_text,
    )


def _heading(data: ScoreSheetData, lang: str, make: MakePara = para) -> list[Flowable]:
    st = styles()
    # the category is among the particulars below: the subtitle names the convention
    return [
        make(label("sheet_title", lang), st.title),
        make(data.header.convention_name, st.subtitle),
    ]


def _legend(data: ScoreSheetData, lang: str, make: MakePara = para) -> list[Flowable]:
    """How a value is worked out and, on the paper form, what each score means."""
    st = styles()
    lines = []
    if data.formula:
        lines.append(label("formula_line", lang, formula=data.formula))
    levels = _shared_levels(data)
    if data.blank and levels:
        lines.append(label("levels_line", lang, levels=levels))
    if data.blank:
        lines.append(label("blank_form", lang))
    if not lines:
        return []
    # on the paper form the judge works the values out from it: black, not a grey footnote
    style = st.cell if data.blank else st.small
    return [Spacer(1, 1.5 * mm), *(make(line, style) for line in lines)]


def _shared_levels(data: ScoreSheetData) -> str:
    """``1 = Sangat Kurang · … · 5 = Sangat Baik`` when every criterion names its levels alike."""
    named = {tuple((level.score, level.label) for level in line.levels) for line in data.criteria}
    if len(named) != 1:
        return ""
    (levels,) = named
    return " · ".join(f"{plain_number(score, 'id')} = {name}" for score, name in levels)


def render_guide(data: ScoringGuideData, stamp: DocumentStamp) -> bytes:
    """The scoring guide as a one-document PDF."""
    return build_pdf([guide_part(data, stamp)], stamp)


def guide_part(data: ScoringGuideData, stamp: DocumentStamp) -> Part:
    """The scoring guide for paper judging: each criterion's level descriptors."""
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "portrait")
    head = [para(label(key, lang), st.head) for key in ("criterion", "score", "meaning")]
    rows: list[list[Any]] = [head]
    spans: list[tuple[Any, ...]] = []
    for line in data.criteria:
        text = f"{bold(line.code)} {escape(line.name)} ({plain_number(line.weight, lang)})"
        if line.description:
            text += f'<br/><font size="7.5">{escape(line.description)}</font>'
        first = len(rows)
        if not line.levels:
            rows.append([para(text, st.cell, markup=True), "", ""])
            continue
        for index, level in enumerate(line.levels):
            meaning = bold(level.label)
            if level.description:
                meaning += f" — {escape(level.description)}"
            rows.append(
                [
                    para(text, st.cell, markup=True) if index == 0 else "",
                    plain_number(level.score, lang),
                    para(meaning, st.cell, markup=True),
                ]
            )
        spans.append(("SPAN", (0, first), (0, len(rows) - 1)))
    widths = [0.36 * width, 12 * mm, 0.64 * width - 12 * mm]
    extra = [*spans, ("VALIGN", (0, 1), (-1, -1), "TOP"), ("ALIGN", (1, 1), (1, -1), "CENTER")]
    title = label("guide_title", lang)
    flow: list[Flowable] = [
        para(title, st.title),
        para(data.header.convention_name, st.subtitle),
        Spacer(1, 3 * mm),
        para(label("guide_note", lang), st.text),
    ]
    if data.formula:
        flow.append(para(label("formula_line", lang, formula=data.formula), st.text))
    flow += [Spacer(1, 2.5 * mm), grid_table(rows, widths, extra=extra)]
    return Part(header=data.header, flowables=tuple(flow), running_title=title, form=True)


@functools.lru_cache(maxsize=64)
def _fixed_signature(**fields: Any) -> list[Flowable]:
    """A judge's signature block, the same on each of their sheets of a day."""
    return signature_rows(**fields)


def _flowables(data: ScoreSheetData, lang: str, width: float) -> list[Flowable]:
    """The sheet as tables, which split over pages when it is longer than one."""
    flow: list[Flowable] = [
        *_heading(data, lang),
        Spacer(1, _GAP),
        field_table(_particular_rows(data, lang), width, label_width=_LABEL_WIDTH),
        Spacer(1, _GAP),
        _criteria_table(data, lang, width),
        *_legend(data, lang),
    ]
    notes = _notes(data, lang, width)
    closing = [notes, Spacer(1, _SIGNATURE_GAP), _signature(data, lang, width)]
    flow.append(Spacer(1, _GAP))
    # The notes and the signature go on one page together, unless the notes alone would fill
    # most of a page: ReportLab would then start them on a fresh page and leave one empty.
    if notes.wrap(width, _LONG_NOTES)[1] < _LONG_NOTES:
        flow.append(KeepTogether(closing))
    else:
        flow += closing
    return flow


def _pieces(data: ScoreSheetData, lang: str, width: float) -> SheetPieces:
    """The same sheet as ``_flowables``, for ``OnePageSheet`` to draw.

    What repeats from sheet to sheet (labels, headings, criteria, the judge's name and
    signature) is one shared paragraph each: building a fresh one for every sheet was a
    quarter of a sheet's time.
    """
    text = styles().text
    rows, widths, padding = _criteria_rows(data, lang, width, fixed_para)
    heading, body = _notes_paragraphs(data, lang, fixed_para)
    repeated = {data.category_name, data.judge.name if data.judge else ""}
    return SheetPieces(
        heading=_heading(data, lang, fixed_para),
        fields=[
            (
                fixed_para(name, text),
                fixed_para(":", text),
                fixed_para(value, text) if value in repeated or index == 0 else para(value, text),
            )
            for index, (name, value) in enumerate(_particular_rows(data, lang))
        ],
        field_widths=(_LABEL_WIDTH, _COLON_WIDTH, width - _LABEL_WIDTH - _COLON_WIDTH),
        criteria=rows,
        criteria_widths=widths,
        body_padding=padding,
        legend=_legend(data, lang, fixed_para),
        notes=(heading, body),
        signature=_fixed_signature(**_signature_fields(data, lang)),
        signature_width=_SIGNATURE_WIDTH,
        gaps=(_GAP, _GAP, _GAP, _SIGNATURE_GAP),
    )


def _particular_rows(data: ScoreSheetData, lang: str) -> list[tuple[str, str]]:
    def value(text: str) -> str:
        return text or _DOTS

    day = format_date(data.day_date, lang) if data.day_date else ""
    return [
        (label("day_date", lang), value(day)),
        (label("order", lang), value(str(data.order) if data.order is not None else "")),
        (label("team_code", lang), value(data.team_code)),
        (label("institution", lang), value(data.institution)),
        (label("category", lang), value(data.category_name)),
        (label("title", lang), value(data.title)),
        (label("judge_name", lang), value(data.judge.name if data.judge else "")),
    ]


def _criteria_table(data: ScoreSheetData, lang: str, width: float) -> Table:
    rows, widths, padding = _criteria_rows(data, lang, width)
    last = len(rows) - 1
    extra = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 1), (-1, last - 1), padding),
        ("BOTTOMPADDING", (0, 1), (-1, last - 1), padding),
        ("SPAN", (0, last), (1, last)),
        ("ALIGN", (0, last), (1, last), "RIGHT"),
        ("FONTNAME", (0, last), (-1, last), fonts.SANS_BOLD),
        ("FONTSIZE", (-1, 1), (-1, -1), VALUE_FONT_SIZE),
        ("LINEABOVE", (0, last), (-1, last), TOTAL_RULE, RULE),
        ("TOPPADDING", (0, last), (-1, last), TOTAL_PADDING),
        ("BOTTOMPADDING", (0, last), (-1, last), TOTAL_PADDING),
    ]
    return grid_table(rows, widths, extra=extra)


def _criteria_rows(
    data: ScoreSheetData, lang: str, width: float, make: MakePara = para
) -> tuple[list[list[Any]], list[float], float]:
    """The criteria table's rows (header, criteria, total), its column widths and padding.

    ``make`` builds the header's and the criteria's paragraphs; a judge's remark on one
    criterion makes that cell the sheet's own.
    """
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
        make(label("no", lang), st.head),
        make(label("criterion", lang), st.head),
        make(label("weight", lang), st.head),
        make(score_head, st.head),
        make(label("value", lang), st.head),
    ]
    rows: list[list[Any]] = [head]
    for number, line in enumerate(data.criteria, start=1):
        text = f"{bold(line.code)} {escape(line.name)}"
        cell = make
        if line.note and not data.blank:
            text += f'<br/><font size="7.5" color="#555555">{italic(line.note)}</font>'
            cell = para
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
                cell(text, st.cell, markup=True),
                plain_number(line.weight, lang),
                score,
                value,
            ]
        )
    weights = sum((line.weight for line in data.criteria), Decimal(0))
    total = "" if data.blank or data.total is None else score_text(data.total, lang)
    rows.append([label("total", lang), "", plain_number(weights, lang), "", total])
    padding = 5.5 if data.blank else 3  # room to write a score by hand
    number_w, weight_w, score_w, value_w = 10 * mm, 16 * mm, 22 * mm, 22 * mm
    widths = [number_w, width - number_w - weight_w - score_w - value_w, weight_w, score_w, value_w]
    return rows, widths, padding


def _notes_paragraphs(
    data: ScoreSheetData, lang: str, make: MakePara = para
) -> tuple[Flowable, Flowable]:
    st = styles()
    heading = make(f"{bold(label('notes', lang))}:", st.text, markup=True)
    return heading, para(data.notes or label("none", lang), st.text)


def _notes(data: ScoreSheetData, lang: str, width: float) -> Table:
    heading, text = _notes_paragraphs(data, lang)
    if data.blank:
        body: list[Any] = [[""] for _ in range(3)]
        commands: list[tuple[Any, ...]] = [
            ("LINEBELOW", (0, 1), (0, -1), 0.3, RULE, None, (1, 2)),
        ]
        rows = [[heading], *body]
        heights = [None, *([8 * mm] * len(body))]
    else:
        rows = [[heading], [text]]
        heights = [None, None]
        commands = []
    # splitInRow: notes longer than a page go on over the next instead of failing the print
    table = Table(rows, colWidths=[width], rowHeights=heights, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
                ("BOX", (0, 0), (-1, -1), GRID_RULE, RULE),
                *NOTES_PADDING.commands(),
                *commands,
            ]
        )
    )
    return table


def _signature_fields(data: ScoreSheetData, lang: str) -> dict[str, Any]:
    if data.day_date is not None:
        when = format_date(data.day_date, lang, weekday=False)
    else:
        when = "." * 30
    judge = data.judge
    return {
        "title": label("judge_signs", lang),
        "name": judge.name if judge else "",
        "detail": judge_detail(judge, lang) if judge else nip_line("", lang),
        "width": _SIGNATURE_WIDTH,
        "place_date": label("place_date", lang, place=fill_in(data.header.city, 20), date=when),
        "signature_png": judge.signature_png if judge and not data.blank else None,
    }


def _signature(data: ScoreSheetData, lang: str, width: float) -> Table:
    block = signature_block(**_signature_fields(data, lang))
    return align_right(block, width, _SIGNATURE_WIDTH)
