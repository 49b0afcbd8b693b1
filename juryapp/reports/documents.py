"""The five result documents: one PDF each, or several in one file for a single print run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from juryapp.reports.signing import SignatureRequest

__all__ = [
    "PdfJoiner",
    "ProducedFile",
    "produce_file",
    "produce_files",
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
    batch: Sequence[Sequence[DocumentData]],
    stamp: DocumentStamp,
    signature: SignatureRequest | None,
) -> list[ProducedFile]:
    """Several files of a print run, each as ``produce_file`` makes it, for one worker task."""
    return [produce_file(documents, stamp, signature) for documents in batch]


@dataclass(frozen=True)
class ProducedFile:
    unsigned: bytes  # what goes into the combined file
    final: bytes  # what is written on its own: signed, or the same bytes for a draft


class PdfJoiner:
    """Unsigned PDFs from ``render_*`` joined into one as they come, with the first one's details.

    Each document keeps its own pages and page numbers, exactly as ``render_many`` lays them
    out, so a print run can be assembled from files already rendered instead of rendering twice,
    and while the files after it are still being rendered.
    """

    def __init__(self) -> None:
        self._writer = PdfWriter()
        self._first: PdfReader | None = None

    def add(self, pdf: bytes) -> None:
        reader = PdfReader(BytesIO(pdf))
        if self._first is None:
            self._first = reader
        for page in reader.pages:
            self._writer.add_page(page)

    def joined(self) -> bytes:
        if self._first is None:
            raise ValueError("nothing to print: no documents were given")
        if self._first.metadata is not None:
            self._writer.add_metadata(dict(self._first.metadata))
        catalog = self._first.trailer["/Root"].get_object()
        assert isinstance(catalog, DictionaryObject)
        for entry in ("/Lang", "/PageMode"):
            if entry in catalog:
                self._writer._root_object[NameObject(entry)] = catalog[entry]
        buffer = BytesIO()
        self._writer.write(buffer)
        return buffer.getvalue()
