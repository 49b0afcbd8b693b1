"""Rekapitulasi Nilai Juri: every score one judge gave, which the judge signs once."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from juryapp.reports import fonts
from juryapp.reports.blocks import (
    align_right,
    bold,
    field_table,
    fill_in,
    grid_table,
    judge_detail,
    place_and_date,
    plain_number,
    score_text,
    signature_block,
)
from juryapp.reports.keeping import KeepRowsWith
from juryapp.reports.labels import label
from juryapp.reports.layout import Orientation, Part, build_pdf, frame_width
from juryapp.reports.model import DocumentStamp, JudgeRecapData
from juryapp.reports.speedups import para
from juryapp.reports.styles import SHADE, styles

_SIGNATURE_WIDTH = 90 * mm


def render_judge_recap(data: JudgeRecapData, stamp: DocumentStamp) -> bytes:
    """One judge's recap as a one-document PDF."""
    return build_pdf([judge_recap_part(data, stamp)], stamp)


# up to this many criteria the recap fits a portrait page; more turn it to landscape
_PORTRAIT_CRITERIA = 10


def judge_recap_part(data: JudgeRecapData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    orientation: Orientation = (
        "portrait" if len(data.criteria) <= _PORTRAIT_CRITERIA else "landscape"
    )
    width = frame_width(stamp, orientation)
    title = label("judge_recap_title", lang)
    judge = data.judge
    role = label("chair_of_jury" if judge.is_chair else "member_of_jury", lang)
    position = ", ".join(part for part in (judge.position, judge.affiliation) if part)
    particulars: list[tuple[str, Any]] = [
        (label("judge_name", lang), judge.name),
        (label("position", lang), fill_in(position)),
        (label("role", lang), role),
    ]
    flow: list[Flowable] = [
        para(title, st.title),
        para(data.header.convention_name, st.subtitle),
        Spacer(1, 4 * mm),
        field_table(particulars, width, label_width=36 * mm),
        Spacer(1, 3 * mm),
    ]
    closing: list[Flowable] = [Spacer(1, 1.5 * mm)]
    if data.formula:
        closing.append(para(label("formula_line", lang, formula=data.formula), st.small))
    closing += [
        Spacer(1, 2 * mm),
        para(label("judge_recap_statement", lang), st.text),
        Spacer(1, 4 * mm),
        align_right(_signature(data, lang), width, _SIGNATURE_WIDTH),
    ]
    # the judge signs on the page that holds the last scores, never on one of its own
    flow.append(KeepRowsWith(_table(data, lang, width), after=closing, tail_rows=2))
    return Part(
        header=data.header,
        flowables=tuple(flow),
        running_title=f"{title} — {judge.name}",
        orientation=orientation,
        qr_text=data.qr_text,
    )


def _table(data: JudgeRecapData, lang: str, width: float) -> Flowable:
    """One table for every category: a shaded line names each, then its teams."""
    st = styles()
    criteria = len(data.criteria)
    score_w = 9.5 * mm
    number_w, total_w = 8 * mm, 17 * mm
    text_w = width - number_w - criteria * score_w - total_w
    head: list[Any] = [para(label("no", lang), st.head), para(label("participant", lang), st.head)]
    head += [
        para(f"{escape(code)}<br/>({plain_number(weight, lang)})", st.head, markup=True)
        for code, weight in data.criteria
    ]
    head.append(para(label("total", lang), st.head))
    rows: list[list[Any]] = [head]
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
        ("FONTNAME", (-1, 1), (-1, -1), fonts.SANS_BOLD),
    ]
    last = 1 + criteria
    for group in data.groups:
        named = bold(label("category_named", lang, name=group.category_name))
        rows.append([para(named, st.cell, markup=True), *[""] * (last)])
        line_no = len(rows) - 1
        extra += [
            ("SPAN", (0, line_no), (-1, line_no)),
            ("BACKGROUND", (0, line_no), (-1, line_no), SHADE),
        ]
        for number, line in enumerate(group.lines, start=1):
            who = f'<font size="7.5" color="#555555">{escape(line.team_code)}</font> '
            who += escape(line.institution)
            row: list[Any] = [str(number), para(who, st.cell, markup=True)]
            if line.total is None:
                # the reason stands where the scores would be
                row += [para(f"<i>{escape(line.remark)}</i>", st.cell_center, markup=True)]
                row += [""] * criteria
                extra.append(("SPAN", (2, len(rows)), (-1, len(rows))))
            else:
                row += ["" if s is None else plain_number(s, lang) for s in line.scores]
                row.append(score_text(line.total, lang))
            rows.append(row)
    widths = [number_w, text_w, *([score_w] * criteria), total_w]
    return grid_table(rows, widths, long=True, extra=extra)


def _signature(data: JudgeRecapData, lang: str) -> Flowable:
    return signature_block(
        title=label("judge_signs", lang),
        name=data.judge.name,
        detail=judge_detail(data.judge, lang),
        width=_SIGNATURE_WIDTH,
        place_date=place_and_date(data.header, data.signed_on, lang),
        signature_png=data.judge.signature_png,
    )
