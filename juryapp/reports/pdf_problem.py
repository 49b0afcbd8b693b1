"""Why a PDF is not a trustworthy result document: the reasons verification can give.

Apart from the verification itself, so that the screens that name these reasons do not load
pyHanko before a file is checked.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["PdfProblem"]


class PdfProblem(StrEnum):
    """Why a PDF is not a trustworthy result document; short English phrases to translate."""

    UNREADABLE = "file is damaged or not a PDF"
    NOT_SIGNED = "not signed"
    SIGNATURE_UNREACHABLE = "signature removed or unreachable"
    SIGNATURE_DAMAGED = "signature is damaged"
    CONTENT_MODIFIED = "content changed after signing"
    UPDATED_AFTER_SIGNING = "file was updated after signing"
    PARTIAL_COVERAGE = "signature does not cover the whole file"
    SEVERAL_SIGNATURES = "more than one signature"
    OTHER_KEY = "signed with a different key"
    OTHER_CERTIFICATE = "signer certificate differs from the trusted one"
    NOT_TRUSTED = "signer certificate not valid"
