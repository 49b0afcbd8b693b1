"""The result documents: one PDF each, or several in one file for a single print run."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from io import BytesIO
from typing import TYPE_CHECKING, Any

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, IndirectObject, NameObject, TextStringObject
from reportlab.pdfgen.canvas import Canvas

from juryapp.reports import fonts
from juryapp.reports.announcement import announcement_part, render_announcement
from juryapp.reports.attendance import attendance_part, render_attendance
from juryapp.reports.certificate import certificate_part, render_certificate
from juryapp.reports.declaration import declaration_part, render_declaration
from juryapp.reports.feedback import feedback_part, render_feedback
from juryapp.reports.judge_recap import judge_recap_part, render_judge_recap
from juryapp.reports.layout import Part, build_pdf
from juryapp.reports.minutes import minutes_part, render_minutes
from juryapp.reports.model import (
    AnnouncementData,
    AttendanceData,
    CertificateData,
    DeclarationData,
    DocumentData,
    DocumentSet,
    DocumentStamp,
    FeedbackData,
    JudgeRecapData,
    Later,
    MinutesData,
    RecapData,
    RobustnessData,
    ScoreSheetData,
    ScoringGuideData,
)
from juryapp.reports.recap import recap_part, render_recap
from juryapp.reports.robustness import render_robustness, robustness_part
from juryapp.reports.score_sheet import (
    guide_part,
    render_guide,
    render_score_sheet,
    score_sheet_part,
)
from juryapp.reports.styles import MUTED

if TYPE_CHECKING:
    from juryapp.reports.signing import SignatureRequest

__all__ = [
    "PdfJoiner",
    "ProducedFile",
    "produce_file",
    "produce_files",
    "render_announcement",
    "render_attendance",
    "render_certificate",
    "render_declaration",
    "render_document",
    "render_feedback",
    "render_guide",
    "render_judge_recap",
    "render_many",
    "render_minutes",
    "render_parts",
    "render_recap",
    "render_robustness",
    "render_score_sheet",
    "render_set",
]


_PARTS: dict[type, Callable[[Any, DocumentStamp], Part]] = {
    ScoreSheetData: score_sheet_part,
    ScoringGuideData: guide_part,
    RecapData: recap_part,
    MinutesData: minutes_part,
    CertificateData: certificate_part,
    FeedbackData: feedback_part,
    DeclarationData: declaration_part,
    AttendanceData: attendance_part,
    JudgeRecapData: judge_recap_part,
    AnnouncementData: announcement_part,
    RobustnessData: robustness_part,
    Later: lambda later, stamp: part_for(_made(later), stamp),
}


def _made(later: Later) -> DocumentData:
    made = later.make()
    if later.qr_text is None or not hasattr(made, "qr_text"):
        return made
    return replace(made, qr_text=later.qr_text)  # type: ignore[arg-type]


def part_for(data: DocumentData, stamp: DocumentStamp) -> Part:
    """The laid-out pages of one document, ready to be combined with others."""
    return _PARTS[type(data)](data, stamp)


def render_document(data: DocumentData, stamp: DocumentStamp) -> bytes:
    """Any one document as its own PDF."""
    return build_pdf([part_for(data, stamp)], stamp)


def render_many(documents: Sequence[DocumentData], stamp: DocumentStamp) -> bytes:
    """Several documents in one PDF, each starting on a new page and numbered on its own."""
    return build_pdf([part_for(data, stamp) for data in documents], stamp)


def render_parts(documents: Sequence[DocumentData], stamp: DocumentStamp) -> bytes:
    """One file of a print run: one document on its own, or several numbered each on its own.

    A plain module-level function of picklable arguments, so worker processes can run it.
    """
    if len(documents) == 1:
        return render_document(documents[0], stamp)
    return render_many(documents, stamp)


def render_set(documents: DocumentSet, stamp: DocumentStamp) -> bytes:
    """A whole print run in one file, in the order of ``DocumentSet.documents``."""
    return render_many(documents.documents(), stamp)


def produce_file(
    documents: Sequence[DocumentData], stamp: DocumentStamp, signature: SignatureRequest | None
) -> ProducedFile:
    """One file of a print run, rendered and, when a signature is asked for, signed.

    Like ``render_parts``, a module-level function of picklable arguments for worker processes:
    the signing is done where the rendering was, so a large run signs on every core.
    """
    unsigned = render_parts(documents, stamp)
    return ProducedFile(unsigned, signature.apply(unsigned) if signature else unsigned)


def produce_files(
    batch: Sequence[tuple[Sequence[DocumentData], SignatureRequest | None]],
    stamp: DocumentStamp,
) -> list[ProducedFile]:
    """Several files of a print run, each as ``produce_file`` makes it, for one worker task;
    each file has its own signature request (what it certifies goes into its signature)."""
    return [produce_file(documents, stamp, signature) for documents, signature in batch]


@dataclass(frozen=True)
class ProducedFile:
    unsigned: bytes  # what goes into the combined file
    final: bytes  # what is written on its own: signed, or the same bytes for a draft


@dataclass(frozen=True)
class CombinedDetails:
    """What a combined print file says about itself, and how it is laid out for printing."""

    title: str
    author: str
    subject: str
    lang: str
    duplex: bool  # every document starts on a front page: a blank back where one ends odd
    blank_text: str = ""  # printed on those blank backs


class PdfJoiner:
    """Unsigned PDFs from ``render_*`` joined into one as they come, with a bookmark each.

    Each document keeps its own pages and page numbers, exactly as ``render_many`` lays them
    out, so a print run can be assembled from files already rendered instead of rendering twice,
    and while the files after it are still being rendered. Bookmarks are grouped under the
    kind of document they belong to.
    """

    def __init__(self, details: CombinedDetails) -> None:
        self._details = details
        self._writer = PdfWriter()
        self._groups: dict[str, IndirectObject] = {}
        self._blanks: dict[tuple[float, float], PageObject] = {}
        self._added = 0

    def add(self, pdf: bytes, bookmark: str, group: str = "") -> None:
        reader = PdfReader(BytesIO(pdf))
        first = len(self._writer.pages)
        for page in reader.pages:
            self._writer.add_page(page)
        self._added += 1
        if group:
            parent = self._groups.get(group)
            if parent is None:
                outline = self._writer.add_outline_item(title=group, page_number=first)
                parent = self._groups[group] = outline
            if bookmark:
                self._writer.add_outline_item(title=bookmark, page_number=first, parent=parent)
        elif bookmark:
            self._writer.add_outline_item(title=bookmark, page_number=first)
        if self._details.duplex and len(reader.pages) % 2:
            box = reader.pages[-1].mediabox
            self._add_blank(float(box.width), float(box.height))

    def _add_blank(self, width: float, height: float) -> None:
        """A blank back: the first of a size copied in, the others sharing its text and font.

        Each copied in whole brought its own copy of the font, 20 KB a page.
        """
        first = self._blanks.get((width, height))
        if first is None:
            blank = _blank_page(width, height, self._details.blank_text)
            added = self._writer.add_page(PdfReader(BytesIO(blank)).pages[0])
            contents = added.raw_get("/Contents")
            if not isinstance(contents, IndirectObject):
                contents = self._writer._add_object(contents)
                added[NameObject("/Contents")] = contents
            self._blanks[(width, height)] = added
            return
        page = self._writer.add_blank_page(width, height)
        page[NameObject("/Contents")] = first.raw_get("/Contents")
        page[NameObject("/Resources")] = first.raw_get("/Resources")

    def joined(self) -> bytes:
        if not self._added:
            raise ValueError("nothing to print: no documents were given")
        details = self._details
        self._writer.add_metadata(
            {
                "/Title": details.title,
                "/Author": details.author,
                "/Subject": details.subject,
                "/Creator": "juryapp",
            }
        )
        catalog = self._writer._root_object
        assert isinstance(catalog, DictionaryObject)
        catalog[NameObject("/Lang")] = TextStringObject(details.lang)
        catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
        buffer = BytesIO()
        self._writer.write(buffer)
        return buffer.getvalue()


@functools.lru_cache(maxsize=8)
def _blank_page(width: float, height: float, text: str) -> bytes:
    """The back of a page left empty on purpose, saying so in small type at its foot."""
    fonts.register_fonts()
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), initialFontName=fonts.SANS)
    if text:
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.SANS, 7.5)
        canvas.drawCentredString(width / 2, 60, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
