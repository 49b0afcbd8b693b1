"""The audit trail as a readable annex: every event, its hash, and what the checks found."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from juryapp.reports.fonts import CONDENSED, CONDENSED_BOLD, register_fonts

__all__ = ["AnnexEvent", "AuditAnnex", "render_audit_annex"]

_DETAIL_CHARS = 240  # a whole import's sheet states would fill pages; the CSV export has it all


@dataclass(frozen=True)
class AnnexEvent:
    seq: int
    at: str
    actor: str
    action: str
    subject: str
    details: str
    hash: str


@dataclass(frozen=True)
class AuditAnnex:
    convention: str
    head: str  # "#1234 · 3f9a…c2e1"
    head_hash: str
    findings: tuple[str, ...]
    events: Sequence[AnnexEvent]
    lang: str = "id"


_WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "title": "Lampiran: Jejak Audit",
        "head": "Kepala jejak audit",
        "intact": "Pemeriksaan: utuh — tabel nilai sama dengan jejak audit, tidak ada temuan.",
        "findings": "Temuan pemeriksaan",
        "columns": ("No.", "Waktu (UTC)", "Oleh", "Tindakan", "Perihal", "Rincian", "Hash"),
        "page": "Halaman {n}",
    },
    "en": {
        "title": "Annex: Audit Trail",
        "head": "Audit trail head",
        "intact": "Check: intact — the score tables match the audit trail, no findings.",
        "findings": "What the check found",
        "columns": ("No.", "Time (UTC)", "By", "Action", "Subject", "Details", "Hash"),
        "page": "Page {n}",
    },
}


def _short_details(details: str) -> str:
    try:
        body = json.loads(details)
    except ValueError:
        return details[:_DETAIL_CHARS]
    if isinstance(body, dict) and "sheets" in body:
        body = {**body, "sheets": f"{len(body['sheets'])} lembar/sheets"}
    if isinstance(body, dict) and isinstance(body.get("account_rows"), dict):
        body = {**body, "account_rows": f"{len(body['account_rows'])} akun/accounts"}
    text = json.dumps(body, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= _DETAIL_CHARS else text[: _DETAIL_CHARS - 1] + "…"


def render_audit_annex(annex: AuditAnnex) -> bytes:
    """A landscape A4 PDF: the head and the findings, then one table row per event."""
    register_fonts()
    words = _WORDS["en" if annex.lang == "en" else "id"]
    body = ParagraphStyle("body", fontName=CONDENSED, fontSize=7, leading=8.4)
    strong = ParagraphStyle("strong", parent=body, fontName=CONDENSED_BOLD, fontSize=9, leading=11)
    title = ParagraphStyle("title", parent=strong, fontSize=13, leading=16, spaceAfter=4)
    story: list[object] = [
        Paragraph(escape(words["title"]), title),
        Paragraph(escape(annex.convention), strong),
        Paragraph(
            f"{escape(words['head'])}: <b>{escape(annex.head or '—')}</b> "
            f"<font size=6>({escape(annex.head_hash)})</font>",
            body,
        ),
        Spacer(1, 3 * mm),
    ]
    if annex.findings:
        story.append(Paragraph(escape(words["findings"]), strong))
        story += [Paragraph("• " + escape(f), body) for f in annex.findings]
    else:
        story.append(Paragraph(escape(words["intact"]), body))
    story.append(Spacer(1, 3 * mm))
    rows: list[list[object]] = [[Paragraph(f"<b>{escape(c)}</b>", body) for c in words["columns"]]]
    for event in annex.events:
        rows.append(
            [
                str(event.seq),
                event.at,
                Paragraph(escape(event.actor), body),
                Paragraph(escape(event.action), body),
                Paragraph(escape(event.subject), body),
                Paragraph(escape(_short_details(event.details)), body),
                Paragraph(f"{event.hash[:16]}…", body),
            ]
        )
    widths = [12 * mm, 28 * mm, 26 * mm, 30 * mm, 40 * mm, 103 * mm, 28 * mm]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), CONDENSED, 7),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ]
        )
    )
    story.append(table)

    def number(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.setFont(CONDENSED, 7)
        canvas.drawRightString(
            document.pagesize[0] - 12 * mm,
            8 * mm,
            f"{annex.convention} — {words['title']} — "
            + words["page"].format(n=canvas.getPageNumber()),
        )

    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=f"{words['title']} — {annex.convention}",
    )
    document.build(story, onFirstPage=number, onLaterPages=number)
    return out.getvalue()
