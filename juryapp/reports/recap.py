"""Rekapitulasi Nilai: every judge's total, the final score and the rank of one category."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from juryapp.reports import fonts
from juryapp.reports.blocks import (
    bold,
    grid_table,
    judge_signature,
    numbered,
    place_and_date,
    rank_text,
    score_text,
    signature_grid,
)
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import DocumentStamp, Header, JudgeTotal, MarkKind, RecapData, RecapRow
from juryapp.reports.speedups import para
from juryapp.reports.styles import RULE, SHADE, styles

# above this many judges the table switches to the condensed face to keep every column
_DENSE_FROM = 9
# below this width the institution and the title share one column
_SPLIT_TEXT_WIDTH = 110 * mm


def render_recap(data: RecapData, stamp: DocumentStamp) -> bytes:
    """The recap of one category as a one-document PDF."""
    return build_pdf([recap_part(data, stamp)], stamp)


def recap_part(data: RecapData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "landscape")
    title = label("recap_title", lang)
    category = label("category_named", lang, name=data.category_name)
    flow: list[Flowable] = [
        para(title, st.title),
        para(category.upper(), st.subtitle),
        Spacer(1, 3 * mm),
        para(_summary(data, lang), st.text),
        Spacer(1, 2.5 * mm),
        _table(data, lang, width),
        Spacer(1, 2 * mm),
    ]
    flow += _legend(data, lang)
    if data.ties:
        flow.append(Spacer(1, 2.5 * mm))
        flow.append(para(f"{bold(label('ties', lang))}:", st.text, markup=True))
        flow += numbered(data.ties, st.text)
    flow += [Spacer(1, 4 * mm), _signatures(data, lang, width)]
    return Part(
        header=data.header,
        flowables=tuple(flow),
        running_title=f"{title} — {category}",
        orientation="landscape",
    )


def _summary(data: RecapData, lang: str) -> str:
    if data.header.next_level:
        quota = label("quota", lang, level=data.header.next_level, quota=data.quota)
    else:
        quota = label("quota_plain", lang, quota=data.quota)
    counts = label("teams_judges", lang, teams=len(data.rows), judges=len(data.judges))
    return " · ".join([quota, counts, label("method", lang, method=data.method)])


def remark_text(advances: bool, remark: str, header: Header, lang: str) -> str:
    """``Lolos ke Tingkat Provinsi …`` for advancing teams, then any remark of the row."""
    parts = []
    if advances:
        level = header.next_level
        parts.append(label("advances_to", lang, level=level) if level else label("advances", lang))
    if remark:
        parts.append(remark)
    return "; ".join(parts)


def _mark(mark: JudgeTotal, lang: str) -> str:
    if mark.kind is MarkKind.COUNTED:
        return score_text(mark.total, lang)
    if mark.kind is MarkKind.CONFLICT:
        return label("none", lang)
    return label("mark_abstained" if mark.kind is MarkKind.ABSTAINED else "mark_missing", lang)


def _table(data: RecapData, lang: str, width: float) -> Table:
    st = styles()
    judges = len(data.judges)
    dense = judges >= _DENSE_FROM
    cell, centre, head = (
        (st.dense, st.dense_center, st.dense_head) if dense else (st.cell, st.cell_center, st.head)
    )
    font = fonts.CONDENSED if dense else fonts.SANS
    size = cell.fontSize
    marks = [[_mark(mark, lang) for mark in row.judge_totals] for row in data.rows]
    judge_w = _judge_width(marks, font, size, padding=1.5 if dense else 3)
    number_w = 7 * mm if dense else 9 * mm
    final_w = 13 * mm if dense else 17 * mm
    rank_w = 14 * mm if dense else 20 * mm
    remark_w = 25 * mm if dense else 36 * mm
    rest = width - number_w - judges * judge_w - final_w - rank_w - remark_w
    split = rest >= _SPLIT_TEXT_WIDTH
    text_widths = [rest * 0.5, rest * 0.5] if split else [rest]

    def header_cell(key: str) -> Any:
        return para(label(key, lang), head)

    text_heads = (
        [header_cell("institution"), header_cell("title")]
        if split
        else [para(f"{label('participant', lang)} / {label('title', lang)}", head)]
    )
    tail_heads = [header_cell("final_score"), header_cell("rank"), header_cell("remark")]
    first_judge = 1 + len(text_heads)
    header_rows = 2 if judges else 1
    top = [header_cell("no"), *text_heads]
    if judges:
        top += [header_cell("judge_scores"), *[""] * (judges - 1)]
    top += tail_heads
    rows: list[list[Any]] = [top]
    if judges:
        blanks = [""] * len(top)
        numbers = [para(str(n), head) for n in range(1, judges + 1)]
        rows.append(blanks[:first_judge] + numbers + blanks[first_judge + judges :])
    for row, row_marks in zip(data.rows, marks, strict=True):
        rows.append(
            [
                str(row.order_no),
                *_text_cells(row, split, cell),
                *row_marks,
                score_text(row.final_score, lang),
                para(rank_text(row.rank, row.shared_rank, lang), centre),
                para(remark_text(row.advances, row.remark, data.header, lang), cell),
            ]
        )
    widths = [number_w, *text_widths, *([judge_w] * judges), final_w, rank_w, remark_w]
    last_col = len(widths) - 1
    extra: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, header_rows), (-1, -1), font),
        ("FONTSIZE", (0, header_rows), (-1, -1), size),
        ("ALIGN", (0, header_rows), (0, -1), "CENTER"),
        ("ALIGN", (first_judge, header_rows), (last_col - 2, -1), "CENTER"),
        ("FONTNAME", (last_col - 2, header_rows), (last_col - 2, -1), _bold(font)),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
    ]
    if dense:
        extra += [
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (first_judge, header_rows), (first_judge + judges - 1, -1), 1.5),
            ("RIGHTPADDING", (first_judge, header_rows), (first_judge + judges - 1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    if judges:
        extra.append(("SPAN", (first_judge, 0), (first_judge + judges - 1, 0)))
        for col in [*range(first_judge), *range(first_judge + judges, len(widths))]:
            extra.append(("SPAN", (col, 0), (col, 1)))
    extra += _row_marks(data.rows, header_rows)
    return grid_table(rows, widths, header_rows=header_rows, long=True, extra=extra)


def _bold(font: str) -> str:
    return fonts.CONDENSED_BOLD if font == fonts.CONDENSED else fonts.SANS_BOLD


def _judge_width(marks: list[list[str]], font: str, size: float, padding: float) -> float:
    narrowest = float(stringWidth("00,00", font, size))
    widest = max((float(stringWidth(text, font, size)) for row in marks for text in row), default=0)
    # both paddings plus a little air, or a bold 100,00 touches the rules
    return max(widest, narrowest) + 2 * padding + 2


def _text_cells(row: RecapRow, split: bool, style: Any) -> list[Any]:
    code = f'<font size="{style.fontSize - 1}" color="#555555">{escape(row.team_code)}</font>'
    if split:
        return [
            para(f"{code} {escape(row.institution)}", style, markup=True),
            para(row.title, style),
        ]
    text = f"{code} {escape(row.institution)}<br/><i>{escape(row.title)}</i>"
    return [para(text, style, markup=True)]


def _row_marks(rows: tuple[RecapRow, ...], first: int) -> list[tuple[Any, ...]]:
    """Shade advancing rows and rule the quota line under the last of them."""
    commands: list[tuple[Any, ...]] = []
    for index, row in enumerate(rows):
        line = first + index
        if row.advances:
            commands.append(("BACKGROUND", (0, line), (-1, line), SHADE))
            following = rows[index + 1] if index + 1 < len(rows) else None
            if following is not None and not following.advances:
                commands.append(("LINEBELOW", (0, line), (-1, line), 1.6, RULE))
    return commands


def _legend(data: RecapData, lang: str) -> list[Flowable]:
    st = styles()
    names = "; ".join(f"{n} = {judge.name}" for n, judge in enumerate(data.judges, 1))
    lines = [f"{label('judges_key', lang)} {names}"]
    kinds = {mark.kind for row in data.rows for mark in row.judge_totals}
    for kind, key in (
        (MarkKind.CONFLICT, "legend_conflict"),
        (MarkKind.ABSTAINED, "legend_abstained"),
        (MarkKind.MISSING, "legend_missing"),
    ):
        if kind in kinds:
            lines.append(label(key, lang))
    return [para(line, st.small) for line in lines]


def _signatures(data: RecapData, lang: str, width: float) -> Flowable:
    st = styles()
    columns = max(1, min(len(data.judges), 5))
    cell = width / columns
    blocks = [judge_signature(judge, cell - 4 * mm, lang) for judge in data.judges]
    date_line = place_and_date(data.header, data.signed_on, lang)
    head = Table(
        [[para(f"{bold(label('jury_signs', lang))}", st.text, markup=True),
          para(date_line, st.cell_right)]],
        colWidths=[width / 2, width / 2],
    )  # fmt: skip
    head.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return KeepTogether([head, Spacer(1, 2 * mm), signature_grid(blocks, columns, width)])
