"""Rekapitulasi Nilai Juri: every score one judge gave, which the judge signs once."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from juryapp.reports import fonts
from juryapp.reports.blocks import (
    align_right,
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
from juryapp.reports.score_strip import ScoreStrip
from juryapp.reports.speedups import para
from juryapp.reports.styles import GRID_FONT_SIZE, GRID_PADDING, SHADE, Padding, styles

_SIGNATURE_WIDTH = 90 * mm
# a row of plain strings: ReportLab's leading for each line of a string cell, and the padding
_LINE = 12.0
_PADDING = GRID_PADDING.top + GRID_PADDING.bottom


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
    """One table for every category: a shaded line names each, then its teams.

    The scores of a row are one cell, a ``ScoreStrip``: a recap of a thousand teams is a
    thousand rows, and as eleven cells each they took most of the time of a print run.
    """
    st = styles()
    criteria = len(data.criteria)
    number_w = 8 * mm
    strip = [9 * mm] * criteria + [15 * mm]  # the criteria's columns, then the total's
    strip_w = sum(strip)
    text_w = width - number_w - strip_w
    pad = (GRID_PADDING.top, GRID_PADDING.bottom)
    columns = [(code, f"({plain_number(weight, lang)})") for code, weight in data.criteria]
    total = tuple(label("total", lang).split(" ", 1))
    head_strip = ScoreStrip([*columns, total], strip, size=8.2, bold="all", padding=pad)
    rows: list[list[Any]] = [
        [para(label("no", lang), st.head), para(label("participant", lang), st.head), head_strip]
    ]
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("FONTNAME", (0, 0), (-1, 0), fonts.SANS_BOLD),
        # the strip is its own padding, so that its rules meet the grid
        *Padding(0, 0, 0, 0).commands((2, 0), (2, -1)),
    ]
    room = text_w - GRID_PADDING.left - GRID_PADDING.right - 1
    heights: list[float | None] = [None]  # the header's, measured
    for group in data.groups:
        # the category's name on a shaded line of its own
        named, depth = _fitted(
            label("category_named", lang, name=group.category_name),
            fonts.SANS_BOLD,
            room,
        )
        rows.append(["", named, _empty(strip, pad, depth)])
        heights.append(_LINE * depth + _PADDING)
        extra += [
            ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SHADE),
            ("FONTNAME", (1, len(rows) - 1), (1, len(rows) - 1), fonts.SANS_BOLD),
        ]
        for number, line in enumerate(group.lines, start=1):
            who, depth = _fitted(f"{line.team_code} {line.institution}", fonts.SANS, room)
            if line.total is None:
                # the reason stands where the scores would be
                cells = ScoreStrip(
                    [], strip, size=7.5, across=line.remark, padding=pad, depth=depth
                )
            else:
                values = [("" if s is None else plain_number(s, lang),) for s in line.scores]
                values.append((score_text(line.total, lang),))
                cells = ScoreStrip(values, strip, size=GRID_FONT_SIZE, padding=pad, depth=depth)
            rows.append([str(number), who, cells])
            heights.append(_LINE * depth + _PADDING)
    # every row's height is known: given, a page break does not measure the rows left again
    return grid_table(rows, [number_w, text_w, strip_w], long=True, extra=extra, heights=heights)


def _fitted(text: str, font: str, room: float) -> tuple[str, int]:
    """``text`` for a cell of ``room``, and how many lines it takes there.

    A name too long for one line takes a second (never cut, on a document its judge signs,
    nor set smaller than its neighbours).
    """
    if stringWidth(text, font, GRID_FONT_SIZE) <= room:
        return text, 1
    lines = _split(text, font, room)
    return "\n".join(lines), len(lines)


def _split(text: str, font: str, room: float) -> list[str]:
    """``text`` in lines of ``room`` at the grid's size, a word too long broken where it must."""
    lines: list[str] = []
    for whole in simpleSplit(text, font, GRID_FONT_SIZE, room):
        rest = whole
        while stringWidth(rest, font, GRID_FONT_SIZE) > room and len(rest) > 1:
            cut = len(rest) - 1
            while cut > 1 and stringWidth(rest[:cut], font, GRID_FONT_SIZE) > room:
                cut -= 1
            lines.append(rest[:cut])
            rest = rest[cut:]
        lines.append(rest)
    return lines


def _empty(widths: list[float], pad: tuple[float, float], depth: int) -> ScoreStrip:
    return ScoreStrip([], widths, size=GRID_FONT_SIZE, padding=pad, depth=depth)


def _signature(data: JudgeRecapData, lang: str) -> Flowable:
    return signature_block(
        title=label("judge_signs", lang),
        name=data.judge.name,
        detail=judge_detail(data.judge, lang),
        width=_SIGNATURE_WIDTH,
        place_date=place_and_date(data.header, data.signed_on, lang),
        signature_png=data.judge.signature_png,
    )
