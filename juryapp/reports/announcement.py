"""Pengumuman Pemenang: the winners as the master of ceremonies reads them out at the closing."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from juryapp.reports import fonts
from juryapp.reports.blocks import (
    align_right,
    judge_detail,
    place_and_date,
    place_title,
    score_text,
    signature_block,
)
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import AnnouncedCategory, AnnouncementData, DocumentStamp
from juryapp.reports.recap import remark_text
from juryapp.reports.speedups import para
from juryapp.reports.styles import NAVY, styles

_SIGNATURE_WIDTH = 90 * mm
_WARNING = "#b00020"


def render_announcement(data: AnnouncementData, stamp: DocumentStamp) -> bytes:
    """The announcement as a one-document PDF."""
    return build_pdf([announcement_part(data, stamp)], stamp)


def announcement_part(data: AnnouncementData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "portrait")
    title = label("announcement_title", lang)
    intro = escape(label("announcement_intro", lang, convention=data.header.convention_name))
    flow: list[Flowable] = [
        para(title, st.title),
        para(data.header.convention_name, st.subtitle),
        Spacer(1, 2 * mm),
        para(f"<i>{intro}</i>", st.small_center, markup=True),
        Spacer(1, 3 * mm),
    ]
    for category in data.categories[:-1]:
        flow.append(KeepTogether(_category(category, data, lang)))
    last = _category(data.categories[-1], data, lang) if data.categories else []
    signer: list[Flowable] = []
    if data.chair is not None:
        block = signature_block(
            title=label("chair_signs", lang),
            name=data.chair.name,
            detail=judge_detail(data.chair, lang),
            width=_SIGNATURE_WIDTH,
            place_date=place_and_date(data.header, data.date, lang),
            signature_png=data.chair.signature_png,
        )
        signer = [Spacer(1, 4 * mm), align_right(block, width, _SIGNATURE_WIDTH)]
    # the chair signs on the page that holds the last places read out
    flow.append(KeepTogether([*last, *signer]))
    return Part(
        header=data.header,
        flowables=tuple(flow),
        running_title=title,
        qr_text=data.qr_text,
    )


def _category(category: AnnouncedCategory, data: AnnouncementData, lang: str) -> list[Flowable]:
    st = styles()
    heading = ParagraphStyle(
        "announce-head",
        parent=st.title,
        fontSize=12.5,
        leading=16,
        textColor=NAVY,
        spaceBefore=3 * mm,
        spaceAfter=2 * mm,
    )
    flow: list[Flowable] = [
        para(label("category_named", lang, name=category.name).upper(), heading)
    ]
    place_style = ParagraphStyle(
        "announce-place", parent=st.text, fontName=fonts.SANS_BOLD, fontSize=11.5, leading=15
    )
    who_style = ParagraphStyle(
        "announce-who", parent=st.text, fontSize=12, leading=15.5, leftIndent=8 * mm
    )
    for place in category.places:
        title = place_title(place.rank, place.shared_rank, lang, pending=place.pending)
        lines = [f"<b>{escape(place.institution)}</b>", f"<i>{escape(place.title)}</i>"]
        details = [label("announcement_score", lang, score=score_text(place.score, lang))]
        advance = remark_text(place.advances, "", data.header, lang)
        if advance:
            details.append(advance)
        lines.append(f'<font size="9">{escape(" · ".join(details))}</font>')
        if place.pending:
            warning = escape(label("announcement_pending", lang))
            lines.append(f'<font color="{_WARNING}"><b>{warning}</b></font>')
        flow += [
            para(title, place_style),
            para("<br/>".join(lines), who_style, markup=True),
            Spacer(1, 2.5 * mm),
        ]
    return flow
