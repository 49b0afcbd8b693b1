"""Berita Acara Hasil Penilaian: the jury's official minutes of the results."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from juryapp.domain.formatting import count_in_words, date_in_words, dates_text, format_time
from juryapp.reports.blocks import (
    acknowledgement,
    bold,
    centred,
    field_table,
    fill_in,
    grid_table,
    judge_detail,
    numbered,
    over_right,
    place_and_date,
    place_title,
    score_text,
    signature_table,
)
from juryapp.reports.keeping import KeepRowsWith
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import DocumentStamp, MinutesCategory, MinutesData
from juryapp.reports.recap import remark_text
from juryapp.reports.speedups import para
from juryapp.reports.styles import styles

_PLACE_DATE_WIDTH = 80 * mm  # the column the place and date stand over, at the right


def render_minutes(data: MinutesData, stamp: DocumentStamp) -> bytes:
    """The minutes as a one-document PDF."""
    return build_pdf([minutes_part(data, stamp)], stamp)


def minutes_part(data: MinutesData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "portrait")
    title = label("minutes_title", lang)
    flow: list[Flowable] = [
        para(f"<u>{escape(title)}</u>", st.title, markup=True),
        para(data.header.convention_name.upper(), st.subtitle),
    ]
    if data.header.theme:
        flow.append(
            para(
                f"<i>{escape(label('theme', lang, theme=data.header.theme))}</i>",
                st.subtitle,
                markup=True,
            )
        )
    flow.append(para(label("number", lang, number=fill_in(data.number, 30)), st.subtitle))
    flow += [Spacer(1, 5 * mm), para(_opening(data, lang), st.body), Spacer(1, 2 * mm)]
    flow += [_jury_table(data, lang, width), Spacer(1, 4 * mm)]
    # The method is named mid-sentence: "dengan metode rata-rata nilai seluruh juri".
    method = data.method[:1].lower() + data.method[1:] if lang == "id" else data.method
    flow.append(para(label("minutes_result", lang, method=method), st.body))
    for number, category in enumerate(data.categories, start=1):
        flow.append(_category(number, category, data, lang, width))
    if data.ties:
        flow += [Spacer(1, 3 * mm), para(label("minutes_ties", lang), st.body)]
        flow += numbered(data.ties, st.body)
    flow.append(Spacer(1, 3 * mm))
    if data.absences:
        flow.append(para(label("minutes_absences", lang), st.body))
        flow += numbered(data.absences, st.body)
    else:
        flow.append(para(label("minutes_all_scored", lang), st.body))
    flow.append(Spacer(1, 3 * mm))
    # What the results are and how to check them, the closing sentences and every signature
    # stay on one page: signatures alone on a last page would not show what they sign.
    closing = _closing(data, stamp, width)
    flow.append(
        KeepTogether([*_spaced(closing), Spacer(1, 5 * mm), *_signatures(data, lang, width)])
    )
    return Part(
        header=data.header, flowables=tuple(flow), running_title=title, qr_text=data.qr_text
    )


def _spaced(paragraphs: list[Flowable]) -> list[Flowable]:
    spaced: list[Flowable] = []
    for paragraph in paragraphs:
        if spaced:
            spaced.append(Spacer(1, 1.5 * mm))
        spaced.append(paragraph)
    return spaced


def _opening(data: MinutesData, lang: str) -> str:
    when = label("minutes_time", lang, time=format_time(data.time, lang)) if data.time else ""
    days = label("minutes_days", lang, dates=dates_text(data.days, lang)) if data.days else ""
    teams = sum(category.team_count for category in data.categories)
    return label(
        "minutes_opening",
        lang,
        date=date_in_words(data.date, lang),
        time=when,
        place=fill_in(data.place, 40),
        convention=data.header.convention_name,
        teams=count_in_words(teams, lang),
        categories=count_in_words(len(data.categories), lang),
        days=days,
    )


def _closing(data: MinutesData, stamp: DocumentStamp, width: float) -> list[Flowable]:
    """The results version and lock, what to compare to check them, the annex and the close."""
    lang = stamp.lang
    st = styles()
    if stamp.draft:
        lock = label("minutes_draft", lang, version=stamp.results_version)
    else:
        note = label("minutes_lock_note", lang, note=data.lock_note) if data.lock_note else ""
        lock = label("minutes_locked", lang, version=stamp.results_version, note=note)
    flow: list[Flowable] = [para(lock, st.body)]
    values = [
        (label(key, lang), para(bold(value), st.text, markup=True))
        for key, value in (
            ("minutes_key", stamp.key_fingerprint),
            ("minutes_audit", stamp.audit_head),
        )
        if value
    ]
    if values:
        flow.append(para(label("minutes_compare", lang), st.body))
        flow.append(field_table(values, width, label_width=62 * mm))
    flow += [para(label("minutes_annex", lang), st.body)]
    flow += [para(label("minutes_closing", lang), st.body)]
    return flow


def _jury_table(data: MinutesData, lang: str, width: float) -> Flowable:
    st = styles()
    head = [para(label(key, lang), st.head) for key in ("no", "name", "position", "role")]
    rows: list[list[Any]] = [head]
    for number, judge in enumerate(data.jury, start=1):
        position = ", ".join(part for part in (judge.position, judge.affiliation) if part)
        role = label("chair" if judge.is_chair else "member", lang)
        who = bold(judge.name)
        if judge.nip:
            who += f"<br/>{escape(judge_detail(judge, lang))}"
        rows.append([str(number), para(who, st.cell, markup=True), para(position, st.cell), role])
    widths = [10 * mm, 0.52 * (width - 34 * mm), 0.48 * (width - 34 * mm), 24 * mm]
    extra = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "CENTER")]
    return grid_table(rows, widths, extra=extra)


def _category(
    number: int, category: MinutesCategory, data: MinutesData, lang: str, width: float
) -> Flowable:
    st = styles()
    heading = label(
        "minutes_category",
        lang,
        number=number,
        name=category.name,
        teams=category.team_count,
        quota=category.quota,
    )
    head = [
        para(label(key, lang), st.head) for key in ("rank", "participant", "final_score", "remark")
    ]
    rows: list[list[Any]] = [head]
    for winner in category.winners:
        place = place_title(winner.rank, winner.shared_rank, lang, pending=winner.pending)
        who = f"{bold(winner.institution)}<br/><i>{escape(winner.title)}</i>"
        rows.append(
            [
                para(place, st.cell_center),
                para(who, st.cell, markup=True),
                score_text(winner.score, lang),
                para(remark_text(winner.advances, winner.remark, data.header, lang), st.cell),
            ]
        )
    widths = [26 * mm, width - 26 * mm - 22 * mm - 42 * mm, 22 * mm, 42 * mm]
    extra = [("ALIGN", (2, 1), (2, -1), "CENTER")]
    heading_flow = [
        Spacer(1, 3 * mm),
        para(bold(heading), st.text, markup=True),
        Spacer(1, 1.5 * mm),
    ]
    # the heading goes with the table's first rows; a long table may go on over the page
    return KeepRowsWith(grid_table(rows, widths, extra=extra), before=heading_flow, head_rows=2)


def _signatures(data: MinutesData, lang: str, width: float) -> list[Flowable]:
    st = styles()
    columns = 1 if len(data.jury) <= 6 else 2
    return [
        over_right(place_and_date(data.header, data.date, lang), width, _PLACE_DATE_WIDTH),
        Spacer(1, 2 * mm),
        para(bold(label("jury_signs", lang).upper()), st.subtitle, markup=True),
        Spacer(1, 1.5 * mm),
        signature_table(data.jury, width, lang, columns=columns),
        Spacer(1, 6 * mm),
        centred(acknowledgement(data.header, lang, 110 * mm), width, 110 * mm),
    ]
