"""Daftar hadir: the judges present on one day of the convention, each signing by their name."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from juryapp.domain.formatting import format_date, format_time
from juryapp.reports.blocks import (
    SIGN_ROW_HEIGHT,
    acknowledgement,
    align_right,
    field_table,
    fill_in,
    grid_table,
    name_and_detail,
    over_right,
    place_and_date,
    sign_cell,
)
from juryapp.reports.keeping import KeepRowsWith
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import AttendanceData, DocumentStamp
from juryapp.reports.speedups import para
from juryapp.reports.styles import styles

_SIGNATURE_WIDTH = 95 * mm
_SIGN_COLUMN = 35 * mm


def _in_lines(fingerprint: str) -> str:
    """A key fingerprint two groups to a line ("S1MR-3M39-", "EC4N-B6VB-", "JARV"): read
    aloud a line at a time, and never wider than its column whatever its letters."""
    groups = fingerprint.split("-")
    lines = ["-".join(groups[i : i + 2]) for i in range(0, len(groups), 2)]
    return "-<br/>".join(lines)


def render_attendance(data: AttendanceData, stamp: DocumentStamp) -> bytes:
    """One day's attendance list as a one-document PDF."""
    return build_pdf([attendance_part(data, stamp)], stamp)


def attendance_part(data: AttendanceData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "portrait")
    title = label("attendance_title", lang)
    day = f"{label('day_number', lang, n=data.day_number)}, {format_date(data.date, lang)}"
    when = label("attendance_time", lang, time=format_time(data.start, lang)) if data.start else ""
    particulars: list[tuple[str, Any]] = [
        (label("day_date", lang), day),
        (label("time", lang), fill_in(when, 30)),
        (label("place", lang), fill_in(data.place)),
    ]
    flow: list[Flowable] = [
        para(title, st.title),
        para(data.header.convention_name, st.subtitle),
        Spacer(1, 5 * mm),
        field_table(particulars, width, label_width=30 * mm),
        Spacer(1, 4 * mm),
    ]
    # the head of the organiser acknowledges who was there, as on the Berita Acara
    after: list[Flowable] = [
        Spacer(1, 6 * mm),
        over_right(place_and_date(data.header, data.date, lang), width, _SIGNATURE_WIDTH),
        align_right(acknowledgement(data.header, lang, _SIGNATURE_WIDTH), width, _SIGNATURE_WIDTH),
    ]
    flow.append(KeepRowsWith(_table(data, lang, width), after=after, tail_rows=2))
    return Part(
        header=data.header,
        flowables=tuple(flow),
        running_title=f"{title} — {day}",
        form=True,
    )


def _table(data: AttendanceData, lang: str, width: float) -> Flowable:
    st = styles()
    # the laptops' key fingerprints get a column once judges score on laptops of their own
    keys = any(row.key_fingerprint for row in data.rows)
    heads = ["no", "name", "position", "role", *(["laptop_key"] if keys else []), "signature"]
    rows: list[list[Any]] = [[para(label(key, lang), st.head) for key in heads]]
    for number, row in enumerate(data.rows, start=1):
        judge = row.judge
        position = ", ".join(part for part in (judge.position, judge.affiliation) if part)
        who = name_and_detail(judge, lang, st.cell.fontSize - 1)
        cells: list[Any] = [
            str(number),
            para(who, st.cell, markup=True),
            para(position, st.cell),
            para(label("chair" if judge.is_chair else "member", lang), st.cell_center),
        ]
        if keys:
            fingerprint = _in_lines(row.key_fingerprint)  # letters, digits and "-" only
            cells.append(
                para(fingerprint, st.cell_center, markup=True)
                if fingerprint
                else para(label("none", lang), st.cell_center)
            )
        cells.append(sign_cell(number, None, _SIGN_COLUMN))
        rows.append(cells)
    fixed = [8 * mm, 0.0, 0.0, 22 * mm, *([29 * mm] if keys else []), _SIGN_COLUMN]
    rest = width - sum(fixed)
    fixed[1], fixed[2] = 0.55 * rest, 0.45 * rest
    heights = [0.0, *([SIGN_ROW_HEIGHT + 2 * mm] * (len(rows) - 1))]
    extra = [("ALIGN", (0, 1), (0, -1), "CENTER")]
    return grid_table(rows, fixed, extra=extra, min_heights=heights)
