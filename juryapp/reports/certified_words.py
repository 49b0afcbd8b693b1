"""What a claim or a signed PDF certifies, said in one line of Indonesian and of English."""

from __future__ import annotations

from juryapp.domain.formatting import rank_title
from juryapp.domain.messages import Text
from juryapp.reports.claims import DocumentClaim
from juryapp.reports.document_info import DocumentFacts

__all__ = ["describe_claim", "describe_document"]

_RESULT_DOCUMENTS = Text("Dokumen hasil penilaian", "Result documents")


def describe_claim(claim: DocumentClaim) -> Text:
    """E.g. "Piagam Penghargaan: PKM-03 Puskesmas Kecamatan Kalideres, Juara I kategori
    Puskesmas, nilai 87,50, lolos, hasil versi 2, Konvensi Mutu … 2024".

    Only what the claim holds is said, in the same order whatever the kind, so a forged
    document with a copied code reads differently from what the code names.
    """
    return Text(_claim_words(claim, "id"), _claim_words(claim, "en"))


def _claim_words(claim: DocumentClaim, lang: str) -> str:
    en = lang == "en"
    parts = [" ".join(t for t in (claim.subject_code, claim.subject_name) if t)]
    standing = _standing(claim, lang)
    if standing:
        parts.append(standing)
    if claim.judge:
        parts.append(("judge " if en else "juri ") + claim.judge)
    if claim.score:
        parts.append(("score " if en else "nilai ") + claim.score)
    if claim.advances:
        parts.append("advances" if en else "lolos")
    parts.append(_version(claim.results_version, lang))
    if claim.convention:
        parts.append(claim.convention)
    return f"{claim.kind.title.in_language(lang)}: " + ", ".join(p for p in parts if p)


def _standing(claim: DocumentClaim, lang: str) -> str:
    """ "Juara II (bersama) kategori Puskesmas" / "Second place (shared), Puskesmas category"."""
    en = lang == "en"
    title = ""
    if claim.rank is not None:
        title = rank_title(claim.rank, lang)
        if claim.shared_rank:
            title += " (shared)" if en else " (bersama)"
    if not claim.category:
        return title
    category = f"{claim.category} category" if en else f"kategori {claim.category}"
    if not title:
        return category
    return f"{title}, {category}" if en else f"{title} {category}"


def describe_document(facts: DocumentFacts) -> Text:
    """E.g. "Piagam Penghargaan: PKM-03 Puskesmas Kecamatan Kalideres, Juara I kategori
    Puskesmas, hasil versi 2, Konvensi Mutu … 2024", from a signed PDF's own entries."""
    return Text(_document_words(facts, "id"), _document_words(facts, "en"))


def _document_words(facts: DocumentFacts, lang: str) -> str:
    title = (facts.kind.title if facts.kind is not None else _RESULT_DOCUMENTS).in_language(lang)
    parts = [facts.subject]
    if facts.results_version is not None:
        parts.append(_version(facts.results_version, lang))
    parts.append(facts.convention)
    return f"{title}: " + ", ".join(p for p in parts if p)


def _version(version: int, lang: str) -> str:
    return f"results version {version}" if lang == "en" else f"hasil versi {version}"
