"""Checking a PDF or a QR code with nothing else: genuine accepted, forged or re-signed refused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from juryapp.domain.messages import ValidationError
from juryapp.reports.claims import DocumentClaim, sign_claim
from juryapp.reports.convention_key import ConventionKey, create_convention_key, qr_payload
from juryapp.reports.document_check import Standing, check_claim_text, check_pdf
from juryapp.reports.document_info import (
    INFO_CONVENTION,
    INFO_DOCUMENT_KIND,
    INFO_KEY_FINGERPRINT,
    INFO_RESULTS_FINGERPRINT,
    INFO_RESULTS_VERSION,
    INFO_SUBJECT,
    document_info_entries,
    read_document_facts,
)
from juryapp.reports.document_kinds import DocumentKind
from juryapp.reports.documents import render_certificate
from juryapp.reports.fingerprint import fingerprint_of_certificate
from juryapp.reports.signing import sign_pdf
from tests.reports.test_documents import certificate, stamp

CONVENTION = "Konvensi Mutu Bidang Kesehatan Tingkat Kota Administrasi Jakarta Barat 2024"
ORGANISER = "Suku Dinas Kesehatan Kota Administrasi Jakarta Barat"
RESULTS = "3f2a9c1b77d012aa5e0c4d1f9b8e7a6c3f2a9c1b77d012aa5e0c4d1f9b8e7a6c"
SUBJECT = "PKM-03 Puskesmas Kecamatan Kalideres, Juara I kategori Puskesmas"


@pytest.fixture(scope="module")
def key() -> ConventionKey:
    return create_convention_key(CONVENTION, ORGANISER)


@pytest.fixture(scope="module")
def attacker() -> ConventionKey:
    """A key the attacker made with the same names, on their own laptop."""
    return create_convention_key(CONVENTION, ORGANISER)


def fingerprint(key: ConventionKey) -> str:
    return fingerprint_of_certificate(key.certificate_pem)


def signed_certificate(signer: ConventionKey, named: ConventionKey | None = None) -> bytes:
    entries = document_info_entries(
        convention=CONVENTION,
        kind=DocumentKind.CERTIFICATE,
        subject=SUBJECT,
        results_version=2,
        results_fingerprint=RESULTS,
        key_fingerprint=fingerprint(named or signer),
    )
    unsigned = render_certificate(certificate("PKM-03"), stamp())
    return sign_pdf(unsigned, signer, reason="Hasil", location="Jakarta", document_info=entries)


@pytest.fixture(scope="module")
def genuine_pdf(key: ConventionKey) -> bytes:
    return signed_certificate(key)


def english(lines: tuple[object, ...]) -> list[str]:
    return [line.en for line in lines]  # type: ignore[attr-defined]


def test_genuine_pdf_with_the_right_key(key: ConventionKey, genuine_pdf: bytes) -> None:
    result = check_pdf(genuine_pdf, fingerprint(key))
    assert result.standing is Standing.GENUINE and result.ok
    assert result.signer_fingerprint == fingerprint(key)
    assert result.problems == ()
    assert result.certifies is not None
    assert result.certifies.id == (f"Piagam Penghargaan: {SUBJECT}, hasil versi 2, {CONVENTION}")
    assert english(result.lines()) == [
        f"certifies: Certificate of award: {SUBJECT}, results version 2, {CONVENTION}",
        f"results fingerprint: {RESULTS}",
        f"signer's key: {fingerprint(key)}",
        "matches the expected key",
    ]
    assert result.verdict.id == "SAH"


def test_the_key_may_be_typed_as_people_type_it(key: ConventionKey, genuine_pdf: bytes) -> None:
    typed = fingerprint(key).replace("-", " ").lower().replace("0", "o").replace("1", "l")
    assert check_pdf(genuine_pdf, typed).standing is Standing.GENUINE
    with pytest.raises(ValidationError):
        check_pdf(genuine_pdf, "not a fingerprint")


def test_genuine_pdf_without_a_key_is_intact_and_says_to_compare(
    key: ConventionKey, genuine_pdf: bytes
) -> None:
    result = check_pdf(genuine_pdf)
    assert result.standing is Standing.INTACT and result.ok
    assert result.signer_fingerprint == fingerprint(key)
    assert "compare this key fingerprint" in english(result.lines())[-1]
    assert result.verdict.en == "INTACT, KEY NOT COMPARED"


def test_pdf_signed_with_an_attackers_own_key_fails_with_the_genuine_key(
    key: ConventionKey, attacker: ConventionKey
) -> None:
    forged = signed_certificate(attacker)
    alone = check_pdf(forged)
    assert alone.standing is Standing.INTACT  # intact under its own key: nothing else to say
    assert alone.signer_fingerprint == fingerprint(attacker)
    result = check_pdf(forged, fingerprint(key))
    assert result.standing is Standing.INVALID and not result.ok
    assert english(result.problems) == [
        f"signed by key {fingerprint(attacker)}, not by the expected key {fingerprint(key)}"
    ]
    assert result.certifies is None  # the forger's words are not repeated
    assert result.verdict.id == "TIDAK SAH"


def test_pdf_naming_another_key_than_its_signers_is_invalid(
    key: ConventionKey, attacker: ConventionKey
) -> None:
    result = check_pdf(signed_certificate(attacker, named=key))
    assert result.standing is Standing.INVALID
    assert english(result.problems) == [
        f"the document names key {fingerprint(key)} but was signed by key {fingerprint(attacker)}"
    ]


def test_changed_pdf_is_invalid_and_certifies_nothing(
    key: ConventionKey, genuine_pdf: bytes
) -> None:
    position = genuine_pdf.index(b"/Contents") - 200  # inside the signed range
    changed = bytearray(genuine_pdf)
    changed[position] ^= 0x01
    result = check_pdf(bytes(changed), fingerprint(key))
    assert result.standing is Standing.INVALID and result.certifies is None
    assert result.problems


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is damaged or not a PDF"),
        (b"%PDF-1.7 nonsense", "the file is damaged or not a PDF"),
        (render_certificate(certificate("PKM-03"), stamp()), "the file is not signed"),
    ],
    ids=["empty", "garbage", "unsigned"],
)
def test_unsigned_or_unreadable_files_are_invalid(data: bytes, problem: str) -> None:
    result = check_pdf(data)
    assert result.standing is Standing.INVALID
    assert english(result.problems) == [problem]
    assert result.signer_fingerprint is None


def test_appended_update_is_invalid(key: ConventionKey, genuine_pdf: bytes) -> None:
    updated = genuine_pdf + b"\n1 0 obj\n<< >>\nendobj\n"
    assert check_pdf(updated, fingerprint(key)).standing is Standing.INVALID


def test_document_info_entries_are_read_back() -> None:
    entries = document_info_entries(
        convention=CONVENTION,
        kind=DocumentKind.RECAP,
        subject="Kategori Puskesmas",
        results_version=7,
        results_fingerprint=RESULTS,
        key_fingerprint="abcd efgh jkmn pqrs tvwx",
    )
    assert set(entries) == {
        INFO_CONVENTION, INFO_DOCUMENT_KIND, INFO_SUBJECT, INFO_RESULTS_VERSION,
        INFO_RESULTS_FINGERPRINT, INFO_KEY_FINGERPRINT,
    }  # fmt: skip
    assert entries[INFO_RESULTS_VERSION] == "7" and entries[INFO_DOCUMENT_KIND] == "recap"
    assert entries[INFO_KEY_FINGERPRINT] == "ABCD-EFGH-JKMN-PQRS-TVWX"
    facts = read_document_facts(entries)
    assert (facts.kind, facts.results_version, facts.subject) == (
        DocumentKind.RECAP, 7, "Kategori Puskesmas",
    )  # fmt: skip
    combined = document_info_entries(
        convention="", kind=None, subject="", results_version=1, results_fingerprint="",
        key_fingerprint="ABCD-EFGH-JKMN-PQRS-TVWX",
    )  # fmt: skip
    assert INFO_DOCUMENT_KIND not in combined
    assert read_document_facts({INFO_RESULTS_VERSION: "٣"}).results_version is None


# --- QR texts -------------------------------------------------------------------------------


def claim(rank: int = 1) -> DocumentClaim:
    return DocumentClaim(
        DocumentKind.CERTIFICATE, CONVENTION, "PKM-03", "Puskesmas Kecamatan Kalideres",
        "Puskesmas", rank=rank, score="87,50", results_version=2,
    )  # fmt: skip


def test_genuine_code_with_the_right_key(key: ConventionKey) -> None:
    result = check_claim_text(sign_claim(claim(), key).text, fingerprint(key))
    assert result.standing is Standing.GENUINE
    assert result.certifies is not None
    assert result.certifies.id.startswith(
        "Piagam Penghargaan: PKM-03 Puskesmas Kecamatan Kalideres, Juara I kategori Puskesmas, "
        "nilai 87,50, hasil versi 2"
    )


def test_code_re_signed_with_another_key_fails_with_the_key(
    key: ConventionKey, attacker: ConventionKey
) -> None:
    forged = sign_claim(claim(), attacker).text
    assert check_claim_text(forged).standing is Standing.INTACT
    result = check_claim_text(forged, fingerprint(key))
    assert result.standing is Standing.INVALID and result.certifies is None
    assert english(result.problems) == [
        f"signed by key {fingerprint(attacker)}, not by the expected key {fingerprint(key)}"
    ]


def test_altered_code_is_invalid_with_its_reason(key: ConventionKey) -> None:
    text = sign_claim(claim(), key).text
    altered = text[:-20] + ("A" if text[-20] != "A" else "B") + text[-19:]  # in the signature
    result = check_claim_text(altered, fingerprint(key))
    assert result.standing is Standing.INVALID
    assert english(result.problems) == ["the signature does not match: the code was altered"]
    assert result.signer_fingerprint is None


def test_code_of_an_older_document_is_explained(key: ConventionKey) -> None:
    result = check_claim_text(qr_payload(RESULTS, 2, key))
    assert result.standing is Standing.INVALID
    assert "older juryapp document" in english(result.problems)[0]


def test_a_rank_changed_and_re_signed_by_an_attacker_reads_as_what_it_says(
    key: ConventionKey, attacker: ConventionKey
) -> None:
    """The attacker can sign any words, but only under their key, which --key refuses."""
    forged = sign_claim(replace(claim(), rank=1), attacker).text
    assert check_claim_text(forged, fingerprint(key)).standing is Standing.INVALID
    genuine = sign_claim(claim(rank=3), key).text
    words = check_claim_text(genuine, fingerprint(key)).certifies
    assert words is not None and "Juara III" in words.id
