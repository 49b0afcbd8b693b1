"""The parts of PDF verification that read bytes by hand: DER lengths, the signature's gap,
document information, the trusted certificate and the signer's certificate."""

from __future__ import annotations

import io

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils import generic
from reportlab.pdfgen.canvas import Canvas

from juryapp.reports import verification
from juryapp.reports.convention_key import ConventionKey, create_convention_key
from juryapp.reports.signing import sign_pdf
from juryapp.reports.verification import (
    PdfProblem,
    _der_length,
    _text,
    _written_cms,
    signer_certificate_der,
    verify_pdf,
)


@pytest.fixture(scope="module")
def key() -> ConventionKey:
    return create_convention_key("Konvensi Mutu 2024", "Suku Dinas Kesehatan")


def one_page(compressed: bool = True) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=1 if compressed else 0)
    canvas.drawString(72, 720, "Berita Acara")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "length"),
    [
        (b"", None),
        (b"\x30", None),
        (b"\x31\x00", None),  # not a SEQUENCE
        (b"\x30\x00", 2),
        (b"\x30\x03abc", 5),
        (b"\x30\x03abcdef", 5),  # bytes after the object are not its own
        (b"\x30\x03ab", None),  # says more than there is
        (b"\x30\x7f" + bytes(127), 129),  # the longest short form
        (b"\x30\x80" + bytes(10), None),  # indefinite length (BER)
        (b"\x30\x80" + bytes(200), None),  # ... even with room for 128 bytes after it
        (b"\x30\x81\x80" + bytes(128), 131),
        (b"\x30\x81\x80" + bytes(127), None),
        (b"\x30\x82\x01\x00" + bytes(256), 260),
        (b"\x30\x82\x00\x00", 4),  # exactly the header
        (b"\x30\x82\x01", None),  # the length's bytes cut short
        (b"\x30\x84\x00\x00\x00\x01x", 7),  # four length bytes: the most allowed
        (b"\x30\x85\x00\x00\x00\x00\x01x", None),
    ],
)
def test_der_lengths(data: bytes, length: int | None) -> None:
    assert _der_length(data) == length


def test_the_signature_gap_must_be_angle_bracketed_hex_at_the_file_s_start() -> None:
    pdf = b"<3000>rest"
    assert _written_cms(pdf, [0, 0, 6, 4]) == b"\x30\x00"
    assert _written_cms(b"<300000>", [0, 0, 8, 0]) == b"\x30\x00"  # zero padding after it
    assert _written_cms(b"<300001>", [0, 0, 8, 0]) is None  # but nothing else
    assert _written_cms(b"(3000>", [0, 0, 6, 0]) is None
    assert _written_cms(b"<3000)", [0, 0, 6, 0]) is None
    assert _written_cms(b"<3000a>", [0, 0, 7, 0]) is None  # lower-case hex is not ours
    assert _written_cms(b"A<3000>", [1, 0, 7, 0]) is None  # a range not from the start
    assert _written_cms(pdf, ["x", 0, 6, 4]) is None
    assert _written_cms(pdf, [0, 0]) is None


def test_a_refusal_is_neither_intact_nor_covering() -> None:
    verdict = verify_pdf(b"no pdf at all")
    assert verdict.signed is False
    assert verdict.intact is False and verdict.covers_whole_file is False
    assert verdict.problems == (PdfProblem.UNREADABLE,)
    # bytes that once held a signature are a signed file damaged, not an unsigned one
    damaged = verify_pdf(b"%PDF-1.7 /ByteRange [0 10 20 30] cut short")
    assert (damaged.signed, damaged.problems) == (True, (PdfProblem.UNREADABLE,))
    unsigned = verify_pdf(one_page())
    assert (unsigned.signed, unsigned.intact, unsigned.covers_whole_file) == (False, False, False)
    assert unsigned.problems == (PdfProblem.NOT_SIGNED,)


def test_document_information_texts() -> None:
    assert _text(generic.TextStringObject("Berita Acara")) == "Berita Acara"
    assert _text(generic.ByteStringObject(b"caf\xe9")) == "café"
    assert _text(generic.NumberObject(7)) == "7"


def test_the_trusted_certificate_must_be_one_readable_certificate(key: ConventionKey) -> None:
    pdf = sign_pdf(one_page(), key, reason="r", location="l")
    with pytest.raises(ValueError, match=r"^the trusted certificate cannot be read$"):
        verify_pdf(pdf, b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    with pytest.raises(
        ValueError, match=r"^the trusted certificate must be exactly one certificate$"
    ):
        verify_pdf(pdf, key.certificate_pem + key.certificate_pem)


def test_the_signer_certificate_is_read_from_the_first_signature(key: ConventionKey) -> None:
    pdf = sign_pdf(one_page(), key, reason="r", location="l")
    expected = x509.load_pem_x509_certificate(key.certificate_pem).public_bytes(Encoding.DER)
    assert signer_certificate_der(pdf) == expected
    assert signer_certificate_der(one_page()) is None
    assert signer_certificate_der(b"garbage") is None


def test_a_signature_whose_certificate_cannot_be_read_is_damaged(
    key: ConventionKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = sign_pdf(one_page(), key, reason="r", location="l")

    def unreadable(_der: bytes) -> str:
        raise ValueError("not a certificate")

    monkeypatch.setattr(verification, "certificate_fingerprint_der", unreadable)
    verdict = verify_pdf(pdf, key.certificate_pem)
    assert (verdict.signed, verdict.intact, verdict.covers_whole_file) == (True, False, False)
    assert verdict.problems == (PdfProblem.SIGNATURE_DAMAGED,)
    assert verdict.signer_certificate_fingerprint is None and verdict.key_id is None


def test_a_signature_the_validator_cannot_check_is_damaged(
    key: ConventionKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = sign_pdf(one_page(), key, reason="r", location="l")
    fingerprint = verify_pdf(pdf, key.certificate_pem).signer_certificate_fingerprint
    assert fingerprint is not None

    def fails(*_args: object, **_kwargs: object) -> None:
        raise ValueError("malformed CMS")

    monkeypatch.setattr(verification, "validate_pdf_signature", fails)
    verdict = verify_pdf(pdf, key.certificate_pem)
    assert verdict == verification.PdfVerdict(
        signed=True,
        intact=False,
        covers_whole_file=False,
        signer_certificate_fingerprint=fingerprint,
        key_id=key.key_id,
        matches_trusted_key=None,
        problems=(PdfProblem.SIGNATURE_DAMAGED,),
    )
    other = create_convention_key("Konvensi Mutu 2024", "Suku Dinas Kesehatan")
    assert verify_pdf(pdf, other.certificate_pem).matches_trusted_key is False


def test_a_signature_rewritten_in_lower_case_hex_is_not_as_written(key: ConventionKey) -> None:
    pdf = sign_pdf(one_page(), key, reason="r", location="l")
    start = pdf.index(b"/Contents <") + len(b"/Contents <")
    end = pdf.index(b">", start)
    digits = pdf[start:end]
    assert digits.upper() == digits and digits.lower() != digits
    lowered = pdf[:start] + digits.lower() + pdf[end:]
    verdict = verify_pdf(lowered, key.certificate_pem)
    assert verdict.signed and verdict.intact is False and not verdict.ok
    assert verdict.problems == (PdfProblem.SIGNATURE_DAMAGED,)


def countersigned(key: ConventionKey) -> bytes:
    signed = sign_pdf(one_page(compressed=False), key, reason="r", location="l")
    other = create_convention_key("Konvensi Lain", "Bukan Panitia")
    return sign_pdf(signed, other, reason="x", location="y", field_name="Another")


def test_a_damaged_first_signature_keeps_the_files_other_problems(
    key: ConventionKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = countersigned(key)

    def unreadable(_der: bytes) -> str:
        raise ValueError("not a certificate")

    monkeypatch.setattr(verification, "certificate_fingerprint_der", unreadable)
    verdict = verify_pdf(pdf, key.certificate_pem)
    assert verdict.problems == (PdfProblem.SIGNATURE_DAMAGED, PdfProblem.SEVERAL_SIGNATURES)


def test_what_happened_to_the_signature_comes_first_among_several_problems(
    key: ConventionKey,
) -> None:
    pdf = countersigned(key)
    # a change inside the first signature's bytes: the content is no longer what was signed
    title = pdf.index(b"Berita Acara")
    changed = pdf[:title] + b"Berita Acarx" + pdf[title + len(b"Berita Acara") :]
    # the same signature with its hex digits in lower case: not the bytes that were written
    start = pdf.index(b"/Contents <") + len(b"/Contents <")
    end = pdf.index(b">", start)
    lowered = pdf[:start] + pdf[start:end].lower() + pdf[end:]
    for damaged, first in (
        (changed, PdfProblem.CONTENT_MODIFIED),
        (lowered, PdfProblem.SIGNATURE_DAMAGED),
    ):
        verdict = verify_pdf(damaged, key.certificate_pem)
        assert verdict.intact is False
        assert verdict.problems[0] is first
        assert PdfProblem.SEVERAL_SIGNATURES in verdict.problems[1:]
