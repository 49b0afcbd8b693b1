"""The robustness annex: each category ranked under every method and with each judge left out."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from juryapp.reports import fonts
from juryapp.reports.blocks import bold, grid_table
from juryapp.reports.keeping import KeepRowsWith
from juryapp.reports.labels import label
from juryapp.reports.layout import Part, build_pdf, frame_width
from juryapp.reports.model import DocumentStamp, RobustnessCategory, RobustnessData
from juryapp.reports.speedups import para
from juryapp.reports.styles import SHADE, styles

# up to this many judges each gets a column; beyond it, one column gives the range of places
_JUDGE_COLUMNS = 8
_METHOD_WIDTH = 17 * mm


def render_robustness(data: RobustnessData, stamp: DocumentStamp) -> bytes:
    """The annex as a one-document PDF."""
    return build_pdf([robustness_part(data, stamp)], stamp)


def robustness_part(data: RobustnessData, stamp: DocumentStamp) -> Part:
    lang = stamp.lang
    st = styles()
    width = frame_width(stamp, "landscape")
    title = label("robustness_title", lang)
    flow: list[Flowable] = [
        para(title, st.title),
        para(data.header.convention_name, st.subtitle),
        Spacer(1, 3 * mm),
        para(label("robustness_intro", lang, method=data.method), st.text),
    ]
    if not any(row.flag for category in data.categories for row in category.rows):
        flow += [
            Spacer(1, 2 * mm),
            para(bold(label("robustness_stable", lang)), st.text, markup=True),
        ]
    legend = [Spacer(1, 2 * mm), para(label("robustness_legend", lang), st.small)]
    for number, category in enumerate(data.categories, start=1):
        heading = label(
            "minutes_category",
            lang,
            number=number,
            name=category.name,
            teams=len(category.rows),
            quota=category.quota,
        )
        before = [Spacer(1, 4 * mm), para(bold(heading), st.text, markup=True), Spacer(1, 1.5 * mm)]
        last = number == len(data.categories)
        table = _table(data, category, lang, width)
        # the key goes with the last rows it explains
        flow.append(KeepRowsWith(table, before=before, after=legend if last else (), head_rows=3))
    if not data.categories:
        flow += legend
    return Part(
        header=data.header,
        flowables=tuple(flow),
        running_title=title,
        orientation="landscape",
        qr_text=data.qr_text,
    )


def _table(data: RobustnessData, category: RobustnessCategory, lang: str, width: float) -> Flowable:
    st = styles()
    methods = data.methods
    judges = len(data.scenarios) - methods
    per_judge = judges <= _JUDGE_COLUMNS
    judge_heads = list(data.scenarios[methods:]) if per_judge else [""]
    scenario_w = 15 * mm if per_judge else 22 * mm
    number_w, official_w, flag_w = 8 * mm, 14 * mm, 48 * mm
    columns = methods + len(judge_heads)
    text_w = width - number_w - official_w - methods * _METHOD_WIDTH - len(judge_heads) * scenario_w
    text_w -= flag_w
    top: list[Any] = [
        para(label("no", lang), st.head),
        para(label("participant", lang), st.head),
        para(label("robustness_official", lang), st.head),
        para(label("robustness_methods", lang), st.head),
        *[""] * (methods - 1),
        para(label("robustness_judges", lang), st.head),
        *[""] * (len(judge_heads) - 1),
        para(label("robustness_flag", lang), st.head),
    ]
    second: list[Any] = ["", "", ""]
    second += [para(name, st.dense_head) for name in data.scenarios[:methods]]
    second += [para(name, st.dense_head) for name in judge_heads]
    second.append("")
    rows: list[list[Any]] = [top, second]
    shaded: list[int] = []
    for number, row in enumerate(category.rows, start=1):
        official = _place(row.rank, row.advances, row.rank)
        cells = [
            _place(rank, advancing, row.rank)
            for rank, advancing in zip(row.ranks[:methods], row.advancing[:methods], strict=True)
        ]
        left_out = list(zip(row.ranks[methods:], row.advancing[methods:], strict=True))
        if per_judge:
            cells += [_place(rank, advancing, row.rank) for rank, advancing in left_out]
        else:
            cells.append(_range(left_out, row.rank))
        code = f'<font size="7" color="#555555">{escape(row.team_code)}</font>'
        who = f"{code} {escape(row.institution)}"
        rows.append(
            [
                str(number),
                para(who, st.cell, markup=True),
                para(official, st.cell_center, markup=True),
                *(para(cell, st.cell_center, markup=True) for cell in cells),
                para(row.flag, st.cell),
            ]
        )
        if row.flag:
            shaded.append(len(rows) - 1)
    widths = [
        number_w,
        text_w,
        official_w,
        *([_METHOD_WIDTH] * methods),
        *([scenario_w] * len(judge_heads)),
        flag_w,
    ]
    extra: list[tuple[Any, ...]] = [
        ("SPAN", (3, 0), (2 + methods, 0)),
        ("SPAN", (3 + methods, 0), (2 + columns, 0)),
        *(("SPAN", (col, 0), (col, 1)) for col in (0, 1, 2, 3 + columns)),
        ("ALIGN", (0, 2), (0, -1), "CENTER"),
        ("FONTNAME", (0, 2), (-1, -1), fonts.SANS),
        *(("BACKGROUND", (0, line), (-1, line), SHADE) for line in shaded),
    ]
    return grid_table(rows, widths, header_rows=2, long=True, extra=extra)


def _place(rank: int | None, advancing: bool, official: int | None) -> str:
    """A place as markup: bold when it advances, with * when it is not the official one."""
    if rank is None:
        return "—"
    text = f"{rank}{'*' if rank != official else ''}"
    return f"<b>{text}</b>" if advancing else text


def _range(left_out: list[tuple[int | None, bool]], official: int | None) -> str:
    """The lowest to highest place with one judge left out at a time: ``2–4*``."""
    ranks = [rank for rank, _ in left_out if rank is not None]
    if not ranks:
        return "—"
    low, high = min(ranks), max(ranks)
    text = str(low) if low == high else f"{low}–{high}"
    if low != official or high != official:
        text += "*"
    return f"<b>{text}</b>" if all(advancing for _, advancing in left_out) else text
