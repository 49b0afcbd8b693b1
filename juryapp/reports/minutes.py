"""Berita Acara Hasil Penilaian: the jury's official minutes of the results."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from juryapp.domain.formatting import date_in_words, format_time, rank_title
from juryapp.reports.blocks import (
    bold,
    grid_table,
    judge_signature,
    numbered,
    place_and_date,
    score_text,
    signature_block,
    signature_grid,
)
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import DocumentStamp, MinutesCategory, MinutesData
from juryapp.reports.recap import remark_text
from juryapp.reports.speedups import para
from juryapp.reports.styles import styles


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
    if data.number:
        flow.append(para(label("number", lang, number=data.number), st.subtitle))
    flow += [Spacer(1, 5 * mm), para(_opening(data, lang), st.body), Spacer(1, 2 * mm)]
    flow += [_jury_table(data, lang, width), Spacer(1, 4 * mm)]
    # The method is named mid-sentence: "dengan metode rata-rata nilai seluruh juri".
    method = data.method[:1].lower() + data.method[1:] if lang == "id" else data.method
    flow.append(para(label("minutes_result", lang, method=method), st.body))
    for number, category in enumerate(data.categories, start=1):
        flow.append(_category(number, category, data, lang, width))
    if data.tie_decisions:
        flow += [Spacer(1, 2 * mm), para(label("minutes_ties", lang), st.body)]
        flow += numbered(data.tie_decisions, st.body)
    flow.append(Spacer(1, 3 * mm))
    # The closing sentence and every signature stay on one page: a "Mengetahui" block alone on
    # a last page would not look like part of the minutes it acknowledges.
    closing = [para(label("minutes_closing", lang), st.body), Spacer(1, 6 * mm)]
    flow.append(KeepTogether([*closing, *_signatures(data, lang, width)]))
    return Part(header=data.header, flowables=tuple(flow), running_title=title)


def _opening(data: MinutesData, lang: str) -> str:
    when = label("minutes_time", lang, time=format_time(data.time, lang)) if data.time else ""
    teams = sum(category.team_count for category in data.categories)
    return label(
        "minutes_opening",
        lang,
        date=date_in_words(data.date, lang),
        time=when,
        place=data.place,
        convention=data.header.convention_name,
        teams=teams,
        categories=len(data.categories),
    )


def _jury_table(data: MinutesData, lang: str, width: float) -> Flowable:
    st = styles()
    head = [para(label(key, lang), st.head) for key in ("no", "name", "position", "role")]
    rows: list[list[Any]] = [head]
    for number, judge in enumerate(data.jury, start=1):
        position = ", ".join(part for part in (judge.position, judge.affiliation) if part)
        role = label("chair" if judge.is_chair else "member", lang)
        rows.append([str(number), para(judge.name, st.cell), para(position, st.cell), role])
    widths = [10 * mm, 0.42 * (width - 34 * mm), 0.58 * (width - 34 * mm), 24 * mm]
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
        place = rank_title(winner.rank, lang)
        if winner.shared_rank:
            place = label("shared_title", lang, title=place)
        who = f"{bold(winner.institution)}<br/><i>{escape(winner.title)}</i>"
        rows.append(
            [
                para(place, st.cell_center),
                para(who, st.cell, markup=True),
                score_text(winner.score, lang),
                para(remark_text(winner.advances, "", data.header, lang), st.cell),
            ]
        )
    widths = [26 * mm, width - 26 * mm - 22 * mm - 38 * mm, 22 * mm, 38 * mm]
    extra = [("ALIGN", (2, 1), (2, -1), "CENTER")]
    return KeepTogether(
        [
            Spacer(1, 3 * mm),
            para(bold(heading), st.text, markup=True),
            Spacer(1, 1.5 * mm),
            grid_table(rows, widths, extra=extra),
        ]
    )


def _signatures(data: MinutesData, lang: str, width: float) -> list[Flowable]:
    st = styles()
    columns = 3
    cell = width / columns
    chairs = [judge for judge in data.jury if judge.is_chair]
    members = [judge for judge in data.jury if not judge.is_chair]
    blocks = [judge_signature(judge, cell - 3 * mm, lang) for judge in (*chairs, *members)]
    header = data.header
    head = para(place_and_date(header, data.date, lang), st.cell_right)
    jury: list[Flowable] = [
        head,
        Spacer(1, 2 * mm),
        para(bold(label("jury_signs", lang).upper()), st.subtitle, markup=True),
        Spacer(1, 2 * mm),
        signature_grid(blocks, columns, width),
    ]
    if not header.organiser_head_name:
        return jury
    acknowledged = signature_block(
        title=f"{label('acknowledged', lang)}<br/>{escape(header.organiser_head_title)},",
        name=header.organiser_head_name,
        detail=label("nip", lang, nip=header.organiser_head_nip)
        if header.organiser_head_nip
        else "",
        width=min(width, 110 * mm),
        markup_title=True,
    )
    return [*jury, Spacer(1, 2 * mm), signature_grid([acknowledged], 1, width)]
