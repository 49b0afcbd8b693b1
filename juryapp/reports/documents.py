"""The five result documents: one PDF each, or several in one file for a single print run."""

from __future__ import annotations

from collections.abc import Sequence

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
    "render_certificate",
    "render_document",
    "render_feedback",
    "render_many",
    "render_minutes",
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


def render_set(documents: DocumentSet, stamp: DocumentStamp) -> bytes:
    """A whole print run: score sheets, recaps, minutes, certificates, then feedback."""
    return render_many(documents.documents(), stamp)
