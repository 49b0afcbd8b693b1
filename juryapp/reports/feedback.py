"""Lembar Umpan Balik: a team's criterion scores beside its category, and the jury's notes."""

from __future__ import annotations

from fractions import Fraction
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from juryapp.reports import fonts
from juryapp.reports.blocks import (
    bold,
    field_table,
    grid_table,
    italic,
    plain_number,
    rank_text,
    score_text,
)
from juryapp.reports.keeping import KeepRowsWith
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import DocumentStamp, Exact, FeedbackData, FeedbackLine
from juryapp.reports.speedups import para
from juryapp.reports.styles import INK, MUTED, styles

_BAR_FILL = colors.Color(0.66, 0.66, 0.66)
_BAR_TRACK = colors.Color(0.9, 0.9, 0.9)


def render_feedback(data: FeedbackData, stamp: DocumentStamp) -> bytes:
    """The feedback sheet of one team as a one-document PDF."""
    return build_pdf([feedback_part(data, stamp)], stamp)


def feedback_part(data: FeedbackData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "portrait")
    title = label("feedback_title", lang)
    flow: list[Flowable] = [para(title, st.title), para(data.header.convention_name, st.subtitle)]
    flow += [
        Spacer(1, 4 * mm),
        _particulars(data, lang, width),
        Spacer(1, 4 * mm),
        _criteria(data, lang, width),
        Spacer(1, 1.5 * mm),
        para(f"{label('chart_legend', lang)}. {label('scale_units', lang)}", st.small),
        Spacer(1, 5 * mm),
    ]
    flow += _notes(data, lang, width)
    return Part(
        header=data.header,
        flowables=tuple(flow),
        running_title=f"{title} — {data.team_code}",
        qr_text=data.qr_text,
    )


def _particulars(data: FeedbackData, lang: str, width: float) -> Flowable:
    rank = rank_text(data.rank, data.shared_rank, lang)
    if data.rank is not None and data.team_count:
        rank = label("rank_of", lang, rank=rank, count=data.team_count)
    rows: list[tuple[str, Any]] = [
        (label("team_code", lang), data.team_code),
        (label("institution", lang), data.institution),
        (label("title", lang), data.title),
        (label("category", lang), data.category_name),
        (
            label("final_score", lang),
            para(bold(score_text(data.final_score, lang)), styles().text, markup=True),
        ),
        (label("rank", lang), rank),
    ]
    return field_table(rows, width, label_width=32 * mm)


def _criteria(data: FeedbackData, lang: str, width: float) -> Flowable:
    st = styles()
    keys = ("no", "criterion", "weight", "team_mean", "category_mean", "category_best", "chart")
    rows: list[list[Any]] = [[para(label(key, lang), st.head) for key in keys]]
    chart_w = 30 * mm
    for number, line in enumerate(data.lines, start=1):
        rows.append(
            [
                str(number),
                para(f"{bold(line.code)} {escape(line.name)}", st.cell, markup=True),
                plain_number(line.weight, lang),
                score_text(line.team_mean, lang),
                score_text(line.category_mean, lang),
                score_text(line.category_best, lang),
                ScaleBar(line, chart_w - 6, 4.2 * mm),
            ]
        )
    fixed = [8 * mm, 0.0, 15 * mm, 20 * mm, 20 * mm, 20 * mm, chart_w]
    fixed[1] = width - sum(fixed)
    extra = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (-2, -1), "CENTER"),
        ("FONTNAME", (3, 1), (3, -1), fonts.SANS_BOLD),
        ("ALIGN", (-1, 1), (-1, -1), "CENTER"),
    ]
    return grid_table(rows, fixed, extra=extra)


def _notes(data: FeedbackData, lang: str, width: float) -> list[Flowable]:
    st = styles()
    heading = para(bold(label("judges_notes", lang)), st.text, markup=True)
    if not data.notes:
        return [
            KeepTogether([heading, Spacer(1, 1.5 * mm), para(label("no_notes", lang), st.text)])
        ]
    rows: list[list[Any]] = [[para(label(key, lang), st.head) for key in ("criterion", "notes")]]
    # in the order the service gave them: shuffled, so that no order points to a judge
    for note in data.notes:
        criterion = escape(note.criterion_code) if note.criterion_code else None
        shown = criterion or italic(label("general_note", lang))
        rows.append([para(shown, st.cell_center, markup=True), para(note.text, st.cell)])
    widths = [22 * mm, width - 22 * mm]
    extra = [("VALIGN", (0, 1), (-1, -1), "TOP")]
    table = grid_table(rows, widths, extra=extra)
    return [
        KeepRowsWith(table, before=[heading, Spacer(1, 1.5 * mm)], head_rows=2),
        Spacer(1, 1.5 * mm),
        para(label("feedback_privacy", lang), st.small),
    ]


class ScaleBar(Flowable):  # type: ignore[misc]
    """The team's mean as a bar on the criterion's scale, the category mean and best marked."""

    def __init__(self, line: FeedbackLine, width: float, height: float) -> None:
        super().__init__()
        self.line = line
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height + 2.2 * mm

    def _x(self, value: Exact) -> float:
        low, high = Fraction(self.line.scale_min), Fraction(self.line.scale_max)
        span = high - low or Fraction(1)
        share = min(max((Fraction(value) - low) / span, Fraction(0)), Fraction(1))
        return float(share) * self.width

    def draw(self) -> None:
        canv = self.canv
        bar_y, bar_h = 0.4 * mm, self.height - 1.2 * mm
        canv.setFillColor(_BAR_TRACK)
        canv.setStrokeColor(MUTED)
        canv.setLineWidth(0.3)
        canv.rect(0, bar_y, self.width, bar_h, stroke=1, fill=1)
        line = self.line
        if line.team_mean is not None:
            canv.setFillColor(_BAR_FILL)
            canv.rect(0, bar_y, self._x(line.team_mean), bar_h, stroke=0, fill=1)
        if line.category_mean is not None:
            x = self._x(line.category_mean)
            canv.setStrokeColor(INK)
            canv.setLineWidth(1.3)
            canv.line(x, bar_y - 0.6 * mm, x, bar_y + bar_h + 0.6 * mm)
        if line.category_best is not None:
            x = self._x(line.category_best)
            top = bar_y + bar_h + 0.5 * mm
            path = canv.beginPath()
            path.moveTo(x, top)
            path.lineTo(x - 1.4 * mm, top + 1.8 * mm)
            path.lineTo(x + 1.4 * mm, top + 1.8 * mm)
            path.close()
            canv.setFillColor(INK)
            canv.drawPath(path, stroke=0, fill=1)
