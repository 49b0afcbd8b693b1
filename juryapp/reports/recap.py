"""Rekapitulasi Nilai: every judge's total, the final score and the rank of one category."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table

from juryapp.reports import fonts
from juryapp.reports.blocks import (
    bold,
    grid_table,
    numbered,
    place_and_date,
    rank_text,
    score_text,
    signature_table,
    tight,
)
from juryapp.reports.keeping import KeepRowsWith
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import DocumentStamp, Header, JudgeTotal, MarkKind, RecapData, RecapRow
from juryapp.reports.speedups import ReusedTable, para
from juryapp.reports.styles import INK, RULE, SHADE, styles

# above this many judges the table switches to the condensed face to keep every column
_DENSE_FROM = 9
# below this width the institution and the title share one column
_SPLIT_TEXT_WIDTH = 110 * mm
# the least room the teams' names get, however many judges there are
_MIN_TEXT_WIDTH = 38 * mm


def render_recap(data: RecapData, stamp: DocumentStamp) -> bytes:
    """The recap of one category as a one-document PDF."""
    return build_pdf([recap_part(data, stamp)], stamp)


def recap_part(data: RecapData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "landscape")
    title = label("recap_title", lang)
    category = label("category_named", lang, name=data.category_name)
    notes = _not_scored_notes(data)
    flow: list[Flowable] = [
        para(title, st.title),
        para(data.header.convention_name, st.subtitle),
        para(category.upper(), st.subtitle),
        Spacer(1, 3 * mm),
        para(_summary(data, lang), st.text),
        Spacer(1, 2.5 * mm),
    ]
    after: list[Flowable] = [Spacer(1, 2 * mm), *_legend(data, notes, lang)]
    if data.ties:
        after.append(Spacer(1, 2.5 * mm))
        after.append(para(f"{bold(label('ties', lang))}:", st.text, markup=True))
        after += numbered(data.ties, st.text)
    after += [Spacer(1, 4 * mm), *_signatures(data, lang, width)]
    # the last rows of the table go over with the signatures, never the signatures alone
    flow.append(KeepRowsWith(_table(data, notes, lang, width), after=after, tail_rows=2))
    return Part(
        header=data.header,
        flowables=tuple(flow),
        running_title=f"{title} — {category}",
        orientation="landscape",
        qr_text=data.qr_text,
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


def _not_scored_notes(data: RecapData) -> dict[tuple[int, int], int]:
    """A number for each abstained or missing total, as its footnote under the table."""
    notes: dict[tuple[int, int], int] = {}
    for row_index, row in enumerate(data.rows):
        for judge_index, mark in enumerate(row.judge_totals):
            if mark.kind in (MarkKind.ABSTAINED, MarkKind.MISSING):
                notes[(row_index, judge_index)] = len(notes) + 1
    return notes


def _mark(mark: JudgeTotal, note: int | None, lang: str, style: Any, *, starred: bool) -> Any:
    if mark.kind is MarkKind.COUNTED:
        text = score_text(mark.total, lang)
        return f"{text}*" if mark.outlier and starred else text
    if mark.kind is MarkKind.CONFLICT:
        return label("none", lang)
    # "tidak menilai (1)": the reason is under the table, where there is room for it
    return para(f"{label('not_scored', lang)} ({note})", style)


def _table(data: RecapData, notes: dict[tuple[int, int], int], lang: str, width: float) -> Table:
    st = styles()
    judges = len(data.judges)
    dense = judges >= _DENSE_FROM
    cell, centre, head = (
        (st.dense, st.dense_center, st.dense_head) if dense else (st.cell, st.cell_center, st.head)
    )
    small = st.dense_center if dense else st.small_center
    font = fonts.CONDENSED if dense else fonts.SANS
    size = cell.fontSize
    # an outlier's frame marks it; where there is room, an asterisk too (for a reader of the
    # text, and of a copy in black and white)
    marks = [
        [
            _mark(mark, notes.get((row_index, judge_index)), lang, small, starred=not dense)
            for judge_index, mark in enumerate(row.judge_totals)
        ]
        for row_index, row in enumerate(data.rows)
    ]
    padding = 1.5 if dense else 3
    judge_w = _judge_width(marks, font, size, padding, starred=not dense)
    number_w = 7 * mm if dense else 9 * mm
    final_w = 13 * mm if dense else 17 * mm
    rank_w = 14 * mm if dense else 20 * mm
    remark_w = 25 * mm if dense else 36 * mm
    fixed = number_w + final_w + rank_w + remark_w
    if judges and width - fixed - judges * judge_w < _MIN_TEXT_WIDTH:
        # many judges: their columns give way so that the teams can still be named
        judge_w = (width - fixed - _MIN_TEXT_WIDTH) / judges
    rest = width - fixed - judges * judge_w
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
                para(rank_text(row.rank, row.shared_rank, lang, pending=row.pending), centre),
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
    extra += _outlier_boxes(data.rows, header_rows, first_judge)
    return grid_table(rows, widths, header_rows=header_rows, long=True, extra=extra)


def _outlier_boxes(rows: tuple[RecapRow, ...], first: int, column: int) -> list[tuple[Any, ...]]:
    """A frame round each total far from its panel's mean, so it catches the eye."""
    return [
        ("BOX", (column + j, first + i), (column + j, first + i), 1.2, INK)
        for i, row in enumerate(rows)
        for j, mark in enumerate(row.judge_totals)
        if mark.outlier
    ]


def _bold(font: str) -> str:
    return fonts.CONDENSED_BOLD if font == fonts.CONDENSED else fonts.SANS_BOLD


def _judge_width(
    marks: list[list[Any]], font: str, size: float, padding: float, *, starred: bool
) -> float:
    narrowest = float(stringWidth("00,00*" if starred else "00,00", font, size))
    widest = max(
        (
            float(stringWidth(text, font, size))
            for row in marks
            for text in row
            if type(text) is str
        ),
        default=0,
    )
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


def _legend(data: RecapData, notes: dict[tuple[int, int], int], lang: str) -> list[Flowable]:
    st = styles()
    names = "; ".join(f"{n} = {judge.name}" for n, judge in enumerate(data.judges, 1))
    lines = [f"{label('judges_key', lang)} {names}"]
    marks = [mark for row in data.rows for mark in row.judge_totals]
    if any(mark.kind is MarkKind.CONFLICT for mark in marks):
        lines.append(label("legend_conflict", lang))
    if any(mark.outlier for mark in marks) and data.outlier_threshold is not None:
        points = score_text(data.outlier_threshold, lang)
        key = "legend_outlier" if len(data.judges) < _DENSE_FROM else "legend_outlier_framed"
        lines.append(label(key, lang, points=points))
    for (row_index, judge_index), number in notes.items():
        row = data.rows[row_index]
        mark = row.judge_totals[judge_index]
        lines.append(
            label(
                "legend_not_scored",
                lang,
                n=number,
                judge=data.judges[judge_index].name,
                team=f"{row.team_code} ({row.institution})",
                reason=mark.reason or label("none", lang),
            )
        )
    return [para(line, st.small) for line in lines]


def _signatures(data: RecapData, lang: str, width: float) -> list[Flowable]:
    st = styles()
    columns = 1 if len(data.judges) <= 3 else 2
    date_line = place_and_date(data.header, data.signed_on, lang)
    # "Dewan Juri" over the left half and the place and date over the right, on one line
    heading = ReusedTable(
        [
            [
                para(bold(label("jury_signs", lang).upper()), st.text, markup=True),
                para(date_line, st.sign),
            ]
        ],
        colWidths=[width / 2, width / 2],
    )
    heading.setStyle(tight())
    return [
        heading,
        Spacer(1, 1.5 * mm),
        signature_table(data.judges, width, lang, columns=columns),
    ]
