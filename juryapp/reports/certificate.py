"""Piagam Penghargaan: a landscape certificate for a winning or advancing team."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepInFrame, Spacer, Table, TableStyle

from juryapp.domain.formatting import rank_title
from juryapp.reports import fonts
from juryapp.reports.blocks import judge_detail, place_and_date, side_by_side, signature_block
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width, page_size
from juryapp.reports.model import CertificateData, DocumentStamp
from juryapp.reports.speedups import para
from juryapp.reports.styles import CERTIFICATE, FOOTER_HEIGHT, GOLD, INK, NAVY

_NAME_LINES = 2


def render_certificate(data: CertificateData, stamp: DocumentStamp) -> bytes:
    """The certificate as a one-page PDF."""
    return build_pdf([certificate_part(data, stamp)], stamp)


def _style(
    name: str, font: str, size: float, color: object = INK, space: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
        textColor=color,
        spaceAfter=space,
    )


def certificate_part(data: CertificateData, stamp: DocumentStamp) -> Part:
    fonts.register_fonts()
    lang = stamp.lang
    width = frame_width(stamp, "landscape", certificate=True)
    _, page_height = page_size(stamp, "landscape")
    height = page_height - CERTIFICATE.top - CERTIFICATE.bottom - FOOTER_HEIGHT
    header = data.header
    flow: list[Flowable] = []
    if header.logo_path is not None:
        flow += [Image(str(header.logo_path), width=17 * mm, height=17 * mm, kind="proportional")]
        flow.append(Spacer(1, 2 * mm))
    if header.organiser:
        flow.append(para(header.organiser.upper(), _style("org", fonts.SANS_BOLD, 10.5, NAVY, 3)))
    flow.append(
        para(label("certificate_title", lang), _style("title", fonts.SERIF_BOLD, 30, NAVY, 1))
    )
    if data.number:
        flow.append(para(label("number", lang, number=data.number), _style("no", fonts.SANS, 9)))
    flow += [
        Spacer(1, 7 * mm),
        para(label("given_to", lang), _style("given", fonts.SERIF_ITALIC, 13, INK, 2)),
        _team_name(data.team_name, width),
    ]
    if data.institution and data.institution != data.team_name:
        flow.append(para(data.institution, _style("inst", fonts.SANS, 12, INK, 2)))
    flow += _achievement(data, lang)
    if data.title:
        innovation = f"{escape(label('for_innovation', lang))} “{escape(data.title)}”"
        flow.append(para(innovation, _style("innov", fonts.SERIF_ITALIC, 11, INK, 1), markup=True))
    convention = label("at_convention", lang, convention=header.convention_name)
    flow += [para(convention, _style("conv", fonts.SERIF, 11)), Spacer(1, 10 * mm)]
    flow.append(_signatures(data, lang, width))
    # one certificate is one page whatever the lengths: shrink rather than spill over, and
    # stand in the middle of the border when there is room to spare
    fitted = KeepInFrame(width, height - 2, flow, mode="shrink", hAlign="CENTER")
    centred = Table([[fitted]], colWidths=[width], rowHeights=[height - 1])
    centred.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return Part(
        header=header,
        flowables=(centred,),
        running_title=f"{label('certificate_title', lang)} — {data.team_name}",
        orientation="landscape",
        letterhead=False,
        numbered=False,
        certificate=True,
    )


def _team_name(name: str, width: float) -> Flowable:
    """The team's name as large as it can be while it wraps onto at most two lines."""
    size = 28.0
    while True:
        paragraph = para(name, _style("team", fonts.SERIF_BOLD, size, NAVY, 3))
        _, height = paragraph.wrap(width, 1000)
        if height <= _NAME_LINES * size * 1.25 + 0.1 or size <= 14:
            return paragraph
        size -= 1


def _achievement(data: CertificateData, lang: str) -> list[Flowable]:
    flow: list[Flowable] = []
    if data.rank is not None:
        title = rank_title(data.rank, lang)
        if data.shared_rank:
            title = label("shared_title", lang, title=title)
        line = label("in_category", lang, title=title, category=data.category_name)
        flow += [
            Spacer(1, 2 * mm),
            para(label("as", lang), _style("as", fonts.SERIF_ITALIC, 11, INK, 1)),
            para(line, _style("rank", fonts.SANS_BOLD, 17, GOLD, 2)),
        ]
    elif data.category_name:
        category = label("category_named", lang, name=data.category_name)
        flow.append(para(category, _style("cat", fonts.SANS, 12, INK, 2)))
    if data.achievement:
        flow.append(para(data.achievement, _style("ach", fonts.SANS_BOLD, 13, NAVY, 3)))
    return flow


def _signatures(data: CertificateData, lang: str, width: float) -> Flowable:
    header = data.header
    block_width = width / 2 - 10 * mm
    place_date = place_and_date(header, data.date, lang)
    chair = signature_block(
        title=label("chair_signs", lang),
        name=data.chair.name,
        detail=judge_detail(data.chair, lang),
        width=block_width,
        # the place and date stand over the organiser's block; the chair's line stays empty
        place_date="\u00a0" if header.organiser_head_name else place_date,
        signature_png=data.chair.signature_png,
    )
    blocks: list[Flowable] = [chair]
    if header.organiser_head_name:
        blocks.append(
            signature_block(
                title=f"{header.organiser_head_title},",
                name=header.organiser_head_name,
                detail=label("nip", lang, nip=header.organiser_head_nip)
                if header.organiser_head_nip
                else "",
                width=block_width,
                place_date=place_date,
            )
        )
    return side_by_side(blocks, width)
