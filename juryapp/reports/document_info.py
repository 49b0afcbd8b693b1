"""The signed document-information entries that say what a result PDF certifies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from juryapp.reports.document_kinds import DocumentKind
from juryapp.reports.fingerprint import normal_fingerprint

__all__ = [
    "INFO_CONVENTION",
    "INFO_DOCUMENT_KIND",
    "INFO_KEY_FINGERPRINT",
    "INFO_RESULTS_FINGERPRINT",
    "INFO_RESULTS_VERSION",
    "INFO_SUBJECT",
    "DocumentFacts",
    "document_info_entries",
    "read_document_facts",
]

# Written by ``sign_pdf(document_info=…)`` in the signature's own revision, so the signature
# covers them; read them only from a file found intact and wholly covered.
INFO_CONVENTION = "/JuryappConvention"  # the convention's name
INFO_DOCUMENT_KIND = "/JuryappDocument"  # a DocumentKind token; absent on a combined file
INFO_SUBJECT = "/JuryappSubject"  # whom or what it concerns: "PKM-03 Puskesmas …, Juara I"
INFO_KEY_FINGERPRINT = "/JuryappKeyFingerprint"  # the signer's key, as printed on the minutes
INFO_RESULTS_FINGERPRINT = "/JuryappFingerprint"  # the results' fingerprint, as the minutes say
INFO_RESULTS_VERSION = "/JuryappVersion"  # which version of the results
# Files already printed carry these names: none of them may change.


@dataclass(frozen=True)
class DocumentFacts:
    """What a signed PDF says of itself; empty texts and None where it says nothing."""

    convention: str
    kind: DocumentKind | None
    subject: str
    results_version: int | None
    results_fingerprint: str
    key_fingerprint: str  # as written; compare it through ``normal_fingerprint``


def document_info_entries(
    *,
    convention: str,
    kind: DocumentKind | None,
    subject: str,
    results_version: int,
    results_fingerprint: str,
    key_fingerprint: str,
) -> dict[str, str]:
    """The entries for ``SignatureRequest.document_info``; ``kind`` None for a combined file."""
    entries = {
        INFO_CONVENTION: convention,
        INFO_SUBJECT: subject,
        INFO_RESULTS_VERSION: str(results_version),
        INFO_RESULTS_FINGERPRINT: results_fingerprint,
        INFO_KEY_FINGERPRINT: normal_fingerprint(key_fingerprint),
    }
    if kind is not None:
        entries[INFO_DOCUMENT_KIND] = kind.token
    return entries


def read_document_facts(info: Mapping[str, str]) -> DocumentFacts:
    """The facts in a PDF's document information (``read_document_info``); never raises."""
    version = info.get(INFO_RESULTS_VERSION, "")
    return DocumentFacts(
        convention=info.get(INFO_CONVENTION, ""),
        kind=DocumentKind.from_token(info.get(INFO_DOCUMENT_KIND, "")),
        subject=info.get(INFO_SUBJECT, ""),
        results_version=int(version) if version.isascii() and version.isdigit() else None,
        results_fingerprint=info.get(INFO_RESULTS_FINGERPRINT, ""),
        key_fingerprint=info.get(INFO_KEY_FINGERPRINT, ""),
    )
