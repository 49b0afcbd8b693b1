"""The five result documents: one PDF each, or several in one file for a single print run."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from juryapp.reports.certificate import certificate_part, render_certificate
from juryapp.reports.feedback import feedback_part, render_feedback
from juryapp.reports.layout import Part, build_pdf
from juryapp.reports.minutes import minutes_part, render_minutes
from juryapp.reports.model import (
    CertificateData,
    DocumentData,
    DocumentSet,
    DocumentStamp,
    FeedbackData,
    MinutesData,
    RecapData,
    ScoreSheetData,
)
from juryapp.reports.recap import recap_part, render_recap
from juryapp.reports.score_sheet import render_score_sheet, score_sheet_part

__all__ = [
    "concatenate_pdfs",
    "render_certificate",
    "render_document",
    "render_feedback",
    "render_many",
    "render_minutes",
    "render_parts",
    "render_recap",
    "render_score_sheet",
    "render_set",
]


def part_for(data: DocumentData, stamp: DocumentStamp) -> Part:
    """The laid-out pages of one document, ready to be combined with others."""
    match data:
        case ScoreSheetData():
            return score_sheet_part(data, stamp)
        case RecapData():
            return recap_part(data, stamp)
        case MinutesData():
            return minutes_part(data, stamp)
        case CertificateData():
            return certificate_part(data, stamp)
        case FeedbackData():
            return feedback_part(data, stamp)


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
    """A whole print run: score sheets, recaps, minutes, certificates, then feedback."""
    return render_many(documents.documents(), stamp)


def concatenate_pdfs(pdfs: Sequence[bytes]) -> bytes:
    """Unsigned PDFs from ``render_*`` joined into one, in order, with the first one's details.

    Each document keeps its own pages and page numbers, exactly as ``render_many`` lays them
    out, so a print run can be assembled from files already rendered instead of rendering twice.
    """
    if not pdfs:
        raise ValueError("nothing to print: no documents were given")
    writer = PdfWriter()
    first = PdfReader(BytesIO(pdfs[0]))
    for data in pdfs:
        reader = first if data is pdfs[0] else PdfReader(BytesIO(data))
        for page in reader.pages:
            writer.add_page(page)
    if first.metadata is not None:
        writer.add_metadata(dict(first.metadata))
    catalog = first.trailer["/Root"].get_object()
    assert isinstance(catalog, DictionaryObject)
    for entry in ("/Lang", "/PageMode"):
        if entry in catalog:
            writer._root_object[NameObject(entry)] = catalog[entry]
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
