"""A judge's declaration of conflicts of interest, signed before the scoring starts."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from juryapp.domain.formatting import format_nip
from juryapp.reports.blocks import (
    align_right,
    field_table,
    fill_in,
    grid_table,
    judge_detail,
    place_and_date,
    signature_block,
)
from juryapp.reports.keeping import KeepRowsWith
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import DeclarationData, DocumentStamp
from juryapp.reports.speedups import para
from juryapp.reports.styles import styles

_SIGNATURE_WIDTH = 90 * mm


def render_declaration(data: DeclarationData, stamp: DocumentStamp) -> bytes:
    """One judge's declaration as a one-document PDF."""
    return build_pdf([declaration_part(data, stamp)], stamp)


def declaration_part(data: DeclarationData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "portrait")
    title = label("declaration_title", lang)
    judge = data.judge
    role = label("chair_of_jury" if judge.is_chair else "member_of_jury", lang)
    particulars: list[tuple[str, Any]] = [
        (label("name", lang), judge.name),
        (label("nip_field", lang), format_nip(judge.nip) if judge.nip else label("none", lang)),
        (label("position_only", lang), fill_in(judge.position)),
        (label("agency", lang), fill_in(judge.affiliation)),
        (label("role", lang), role),
    ]
    convention = data.header.convention_name
    flow: list[Flowable] = [
        para(f"<u>{title}</u>", st.title, markup=True),
        para(convention, st.subtitle),
        Spacer(1, 6 * mm),
        para(label("declaration_intro", lang), st.body),
        Spacer(1, 1.5 * mm),
        field_table(particulars, width, label_width=30 * mm),
        Spacer(1, 2.5 * mm),
    ]
    closing = [
        para(label("declaration_pledge", lang), st.body),
        Spacer(1, 2 * mm),
        para(label("declaration_closing", lang), st.body),
        Spacer(1, 6 * mm),
        _signature(data, lang, width),
    ]
    if data.teams:
        flow.append(para(label("declaration_with", lang, convention=convention), st.body))
        flow.append(Spacer(1, 2 * mm))
        after = [Spacer(1, 3 * mm), *closing]
        flow.append(KeepRowsWith(_teams(data, lang, width), after=after, tail_rows=1))
    else:
        flow.append(para(label("declaration_none", lang, convention=convention), st.body))
        flow += [Spacer(1, 2.5 * mm), KeepTogether(closing)]
    return Part(
        header=data.header,
        flowables=tuple(flow),
        running_title=f"{title} — {judge.name}",
        form=True,
    )


def _teams(data: DeclarationData, lang: str, width: float) -> Flowable:
    st = styles()
    keys = ("no", "participant", "title", "category", "reason")
    rows: list[list[Any]] = [[para(label(key, lang), st.head) for key in keys]]
    for number, team in enumerate(data.teams, start=1):
        rows.append(
            [
                str(number),
                para(f"{team.team_code} — {team.institution}", st.cell),
                para(team.title, st.cell),
                para(team.category_name, st.cell),
                para(team.reason or label("none", lang), st.cell),
            ]
        )
    rest = width - 9 * mm
    widths = [9 * mm, 0.3 * rest, 0.3 * rest, 0.16 * rest, 0.24 * rest]
    return grid_table(rows, widths, extra=[("ALIGN", (0, 1), (0, -1), "CENTER")])


def _signature(data: DeclarationData, lang: str, width: float) -> Flowable:
    block = signature_block(
        title=label("declarer_signs", lang),
        name=data.judge.name,
        detail=judge_detail(data.judge, lang),
        width=_SIGNATURE_WIDTH,
        place_date=place_and_date(data.header, data.date, lang),
        signature_png=data.judge.signature_png,
    )
    return align_right(block, width, _SIGNATURE_WIDTH)
