"""Signing result PDFs, and refusing every tampered or foreign document."""

from __future__ import annotations

import asyncio
import hashlib
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from juryapp.reports.convention_key import (
    ConventionKey,
    create_convention_key,
    load_convention_key,
)
from juryapp.reports.document_info import INFO_RESULTS_FINGERPRINT, INFO_RESULTS_VERSION
from juryapp.reports.signing import _pdf_signer, sign_pdf
from juryapp.reports.verification import PdfProblem, read_document_info, verify_pdf

CONVENTION = "Konvensi Mutu Bidang Kesehatan tingkat Kota Administrasi Jakarta Barat 2024"
ORGANISER = "Suku Dinas Kesehatan Kota Administrasi Jakarta Barat"
RESULTS_FINGERPRINT = hashlib.sha256(b"the canonical results").hexdigest()
FINGERPRINT_FORMAT = re.compile(r"(?:[0-9A-F]{2}:){31}[0-9A-F]{2}")


def make_pdf(pages: int = 2) -> bytes:
    """A small recap-like document; uncompressed so a test can find and change its text."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=0)
    canvas.setTitle("Rekapitulasi Nilai")
    for page in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(72, 790, f"Rekapitulasi Nilai - halaman {page}")
        canvas.setFont("Helvetica", 10)
        for row in range(1, 36):
            score = 60 + (row * 7 + page) % 40
            canvas.drawString(
                72, 760 - row * 20, f"{row}. Puskesmas Kecamatan {row} Skor {score},50"
            )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def key() -> ConventionKey:
    return create_convention_key(CONVENTION, ORGANISER)


@pytest.fixture(scope="module")
def other_key() -> ConventionKey:
    return create_convention_key(CONVENTION, ORGANISER)  # same names, a different key


@pytest.fixture(scope="module")
def plain_pdf() -> bytes:
    return make_pdf()


@pytest.fixture(scope="module")
def signed_pdf(key: ConventionKey, plain_pdf: bytes) -> bytes:
    return sign_pdf(
        plain_pdf,
        key,
        reason="Hasil akhir penilaian",
        location="Jakarta Barat",
        document_info={INFO_RESULTS_FINGERPRINT: RESULTS_FINGERPRINT, INFO_RESULTS_VERSION: "7"},
    )


def incremental(pdf: bytes, change: str) -> bytes:
    """Append one incremental update to ``pdf``, as an editor or a forger would."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    if change == "info":
        reference = writer.trailer.raw_get("/Info")
        reference.get_object()[generic.NameObject(INFO_RESULTS_VERSION)] = generic.TextStringObject(
            "8"
        )
        writer.mark_update(reference)
    elif change == "annotation":
        page_ref = writer.root["/Pages"]["/Kids"][0]
        page = page_ref.get_object()
        annotation = generic.DictionaryObject(  # type: ignore[no-untyped-call]
            {
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/Text"),
                generic.NameObject("/Rect"): generic.ArrayObject(
                    [generic.NumberObject(n) for n in (100, 100, 120, 120)]  # type: ignore[no-untyped-call]
                ),
                generic.NameObject("/Contents"): generic.TextStringObject("Skor diubah"),
            }
        )
        annots = page.get("/Annots", generic.ArrayObject())
        annots.append(writer.add_object(annotation))
        page[generic.NameObject("/Annots")] = annots
        writer.update_container(page)
    elif change == "drop-form":
        del writer.root["/AcroForm"]
        writer.update_root()  # type: ignore[no-untyped-call]
    else:  # pragma: no cover - test helper misuse
        raise AssertionError(change)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def test_signed_pdf_verifies(key: ConventionKey, signed_pdf: bytes) -> None:
    verdict = verify_pdf(signed_pdf, key.certificate_pem)
    assert verdict.signed
    assert verdict.intact
    assert verdict.covers_whole_file
    assert verdict.key_id == key.key_id
    assert verdict.signer_certificate_fingerprint == key.certificate_fingerprint
    assert verdict.matches_trusted_key is True
    assert verdict.problems == ()
    assert verdict.ok


def signed_attributes(pdf: bytes) -> dict[str, object]:
    embedded = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    return {a["type"].native: a["values"][0].native for a in embedded.signer_info["signed_attrs"]}


def test_signatures_after_the_first_reuse_its_container_and_each_verifies() -> None:
    key = create_convention_key(CONVENTION, ORGANISER)  # a signer nothing has used yet
    documents = [make_pdf(pages) for pages in (1, 2, 3)]
    signed = [sign_pdf(pdf, key, reason="Hasil", location="Jakarta") for pdf in documents]
    assert list(_pdf_signer(key)._containers) == [("sha256", True)]
    for pdf in signed:
        verdict = verify_pdf(pdf, key.certificate_pem)
        assert verdict.ok, verdict.problems
    attributes = [signed_attributes(pdf) for pdf in signed]
    assert all(a.keys() == attributes[0].keys() for a in attributes)
    assert len({a["message_digest"] for a in attributes}) == 3
    assert all(
        a["signing_certificate_v2"] == attributes[0]["signing_certificate_v2"] for a in attributes
    )


def test_a_container_holding_a_signing_time_is_never_reused(key: ConventionKey) -> None:
    signer = _pdf_signer(key)
    settings = PdfCMSSignedAttributes(signing_time=datetime.now(UTC))
    digest = hashlib.sha256(b"dokumen").digest()
    plain = asyncio.run(signer.async_sign(digest, "sha256", signed_attr_settings=settings))
    names = [a["type"].native for a in plain["content"]["signer_infos"][0]["signed_attrs"]]
    assert "signing_time" in names
    assert ("sha256", False) not in signer._containers


def test_signature_is_pades_with_reason_and_location(signed_pdf: bytes) -> None:
    reader = PdfFileReader(io.BytesIO(signed_pdf))
    (signature,) = reader.embedded_signatures
    assert signature.field_name == "JuryappSignature"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert signature.sig_object["/Reason"] == "Hasil akhir penilaian"
    assert signature.sig_object["/Location"] == "Jakarta Barat"
    assert signature.md_algorithm == "sha256"
    widget = signature.sig_field
    assert [float(v) for v in widget["/Rect"]] == [0.0, 0.0, 0.0, 0.0]  # invisible


def test_document_info_is_signed_and_read_back(signed_pdf: bytes, plain_pdf: bytes) -> None:
    info = read_document_info(signed_pdf)
    assert info[INFO_RESULTS_FINGERPRINT] == RESULTS_FINGERPRINT
    assert info[INFO_RESULTS_VERSION] == "7"
    assert info["/Title"] == "Rekapitulasi Nilai"
    assert INFO_RESULTS_FINGERPRINT not in read_document_info(plain_pdf)
    assert read_document_info(b"not a pdf") == {}


def test_verifying_without_a_trusted_certificate_checks_integrity_only(
    key: ConventionKey, signed_pdf: bytes
) -> None:
    verdict = verify_pdf(signed_pdf)
    assert verdict.signed and verdict.intact and verdict.covers_whole_file
    assert verdict.key_id == key.key_id
    assert verdict.matches_trusted_key is None
    assert verdict.problems == ()
    assert not verdict.ok  # nobody said which key to trust


def test_changed_score_in_signed_range_breaks_integrity(
    key: ConventionKey, signed_pdf: bytes
) -> None:
    where = signed_pdf.index(b"Skor ")
    assert where < len(signed_pdf) // 2  # well inside the first signed range
    tampered = bytearray(signed_pdf)
    tampered[where + 5] = ord("9") if tampered[where + 5] != ord("9") else ord("8")
    verdict = verify_pdf(bytes(tampered), key.certificate_pem)
    assert verdict.signed
    assert not verdict.intact
    assert PdfProblem.CONTENT_MODIFIED in verdict.problems
    assert not verdict.ok


def test_every_sampled_byte_flip_is_refused(key: ConventionKey, signed_pdf: bytes) -> None:
    gap_start = signed_pdf.index(b"/Contents <") + len(b"/Contents ")
    positions = list(range(0, len(signed_pdf), max(1, len(signed_pdf) // 60)))
    # inside the signature's hex: the CMS object itself and its zero padding
    positions += [gap_start + 1, gap_start + 200, gap_start + 1500, gap_start + 6000]
    positions += [len(signed_pdf) - 1, len(signed_pdf) - 30]
    for position in positions:
        for mask in (0x01, 0x20):
            tampered = bytearray(signed_pdf)
            tampered[position] ^= mask
            verdict = verify_pdf(bytes(tampered), key.certificate_pem)
            assert not verdict.ok, (position, mask)
            assert verdict.problems, (position, mask)


def test_a_flipped_bit_in_the_signature_value_is_a_modified_document(
    key: ConventionKey, signed_pdf: bytes
) -> None:
    """The digest still matches, so only the signature's own check can catch it."""
    start = signed_pdf.index(b"/Contents <") + len(b"/Contents <")
    end = signed_pdf.index(b">", start)
    written = signed_pdf[start:end].decode()
    der = bytes.fromhex(written)
    info = cms.ContentInfo.load(der)
    value = info["content"]["signer_infos"][0]["signature"].native
    assert der.count(value) == 1
    at = der.index(value) + len(value) - 1  # the last byte of the ECDSA signature's s
    flipped = bytearray(der)
    flipped[at] ^= 0x01
    hex_text = bytes(flipped).hex()
    hex_text = hex_text.upper() if written.isupper() else hex_text
    tampered = signed_pdf[:start] + hex_text.encode() + signed_pdf[end:]
    assert len(tampered) == len(signed_pdf) and tampered != signed_pdf
    verdict = verify_pdf(tampered, key.certificate_pem)
    assert verdict.signed and not verdict.intact and not verdict.ok
    assert verdict.problems[0] is PdfProblem.CONTENT_MODIFIED


P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def _signature_value(pdf: bytes) -> tuple[int, int]:
    start = pdf.index(b"/Contents <") + len(b"/Contents <")
    info = cms.ContentInfo.load(bytes.fromhex(pdf[start : pdf.index(b">", start)].decode()))
    r, s = decode_dss_signature(info["content"]["signer_infos"][0]["signature"].native)
    return r, s


def test_the_other_valid_signature_value_is_a_damaged_document(
    key: ConventionKey, plain_pdf: bytes
) -> None:
    """ECDSA accepts (r, s) and (r, n - s) alike: swapping one for the other needs no key and
    makes another file (another SHA-256) of the same signed content. juryapp writes only the
    lower s, so the higher one is a change to the signature, refused like any other."""
    for reason in ("pertama", "kedua", "ketiga", "keempat", "kelima", "keenam"):
        signed = sign_pdf(plain_pdf, key, reason=reason, location="Jakarta")
        r, s = _signature_value(signed)
        assert 0 < s <= P256_ORDER // 2  # the form written, each time
        start = signed.index(b"/Contents <") + len(b"/Contents <")
        end = signed.index(b">", start)
        written = signed[start:end].decode()
        info = cms.ContentInfo.load(bytes.fromhex(written))
        info["content"]["signer_infos"][0]["signature"] = encode_dss_signature(r, P256_ORDER - s)
        twin = (
            signed[:start] + info.dump(force=True).hex().upper().ljust(len(written), "0").encode()
        )
        twin += signed[end:]
        assert len(twin) == len(signed) and twin != signed
        assert verify_pdf(signed, key.certificate_pem).ok
        verdict = verify_pdf(twin, key.certificate_pem)
        assert verdict.signed and not verdict.intact and not verdict.ok
        assert verdict.problems[0] is PdfProblem.SIGNATURE_DAMAGED


@pytest.mark.parametrize("change", ["info", "annotation"])
def test_update_appended_after_signing_is_reported(
    key: ConventionKey, signed_pdf: bytes, change: str
) -> None:
    updated = incremental(signed_pdf, change)
    verdict = verify_pdf(updated, key.certificate_pem)
    assert verdict.signed
    assert verdict.intact  # the signed revision itself is untouched ...
    assert not verdict.covers_whole_file  # ... but something came after it
    assert PdfProblem.UPDATED_AFTER_SIGNING in verdict.problems
    assert verdict.matches_trusted_key is True
    assert not verdict.ok
    if change == "info":  # exactly why the info may only be believed from a verified file
        assert read_document_info(updated)[INFO_RESULTS_VERSION] == "8"


def test_signature_hidden_by_an_update_is_reported(key: ConventionKey, signed_pdf: bytes) -> None:
    verdict = verify_pdf(incremental(signed_pdf, "drop-form"), key.certificate_pem)
    assert verdict.signed
    assert verdict.problems == (PdfProblem.SIGNATURE_UNREACHABLE,)
    assert not verdict.ok


def test_second_signature_by_another_key_is_reported(
    key: ConventionKey, other_key: ConventionKey, signed_pdf: bytes
) -> None:
    countersigned = sign_pdf(signed_pdf, other_key, reason="x", location="y", field_name="Another")
    verdict = verify_pdf(countersigned, key.certificate_pem)
    assert verdict.key_id == key.key_id  # the first, original signature is judged
    assert PdfProblem.SEVERAL_SIGNATURES in verdict.problems
    assert PdfProblem.UPDATED_AFTER_SIGNING in verdict.problems
    assert not verdict.covers_whole_file
    assert not verdict.ok


def test_other_key_does_not_match(
    key: ConventionKey, other_key: ConventionKey, signed_pdf: bytes, plain_pdf: bytes
) -> None:
    verdict = verify_pdf(signed_pdf, other_key.certificate_pem)
    assert verdict.intact and verdict.covers_whole_file
    assert verdict.key_id == key.key_id
    assert verdict.matches_trusted_key is False
    assert verdict.problems == (PdfProblem.OTHER_KEY,)
    assert not verdict.ok

    forged = sign_pdf(plain_pdf, other_key, reason="r", location="l")
    verdict = verify_pdf(forged, key.certificate_pem)
    assert verdict.key_id == other_key.key_id
    assert verdict.matches_trusted_key is False
    assert not verdict.ok


def test_unsigned_pdf(key: ConventionKey, plain_pdf: bytes) -> None:
    verdict = verify_pdf(plain_pdf, key.certificate_pem)
    assert not verdict.signed
    assert not verdict.intact
    assert verdict.problems == (PdfProblem.NOT_SIGNED,)
    assert verdict.key_id is None and verdict.signer_certificate_fingerprint is None


@pytest.mark.parametrize("keep", [0, 1, 100, 0.5, 0.9, -1, -10, -1000])
def test_truncated_file_gives_a_verdict(key: ConventionKey, signed_pdf: bytes, keep: float) -> None:
    cut = int(len(signed_pdf) * keep) if isinstance(keep, float) else keep
    verdict = verify_pdf(signed_pdf[:cut], key.certificate_pem)
    assert not verdict.ok
    assert not verdict.intact
    assert verdict.problems


def test_garbage_and_appended_bytes(key: ConventionKey, signed_pdf: bytes) -> None:
    assert verify_pdf(b"%PDF-1.7\n garbage", key.certificate_pem).problems == (
        PdfProblem.UNREADABLE,
    )
    assert not verify_pdf(signed_pdf + b"\n% trailing note\n", key.certificate_pem).ok


def test_unreadable_document_is_not_signed(key: ConventionKey) -> None:
    with pytest.raises(ValueError):
        sign_pdf(b"this is no pdf", key, reason="r", location="l")


def test_a_ten_page_document_signs_and_verifies_with_every_page(key: ConventionKey) -> None:
    # how fast: benchmarks/limits.py
    ten_pages = make_pdf(10)
    signed = sign_pdf(ten_pages, key, reason="r", location="l")
    assert verify_pdf(signed, key.certificate_pem).ok
    assert len(PdfFileReader(io.BytesIO(signed)).root["/Pages"]["/Kids"]) == 10
    assert signed.startswith(ten_pages)  # an incremental update: the pages are left as they were


# --- the QR payload ----------------------------------------------------------------------------


def minimal_pdf_without_info() -> bytes:
    """One blank page and a trailer with no /Info dictionary."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_document_info_is_created_when_missing(key: ConventionKey) -> None:
    bare = minimal_pdf_without_info()
    assert read_document_info(bare) == {}
    signed = sign_pdf(bare, key, reason="r", location="l", document_info={"JuryappVersion": "3"})
    assert read_document_info(signed)[INFO_RESULTS_VERSION] == "3"
    assert verify_pdf(signed, key.certificate_pem).ok
    with pytest.raises(ValueError):
        sign_pdf(bare, key, reason="r", location="l", document_info={"/Bad Name": "x"})


def reissued_certificate(key: ConventionKey, *, expired: bool = False) -> bytes:
    """Another certificate for the same private key (juryapp itself never makes one)."""
    private_key = serialization.load_pem_private_key(key.private_key_pem, password=None)
    assert isinstance(private_key, ec.EllipticCurvePrivateKey)
    original = x509.load_pem_x509_certificate(key.certificate_pem)
    now = datetime.now(UTC)
    start = now - timedelta(days=30 if expired else 1)
    end = now - timedelta(days=1) if expired else now + timedelta(days=30)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(original.subject)
        .issuer_name(original.subject)
        .public_key(private_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(usage, critical=True)
        .sign(private_key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


def test_same_key_other_certificate_does_not_match(key: ConventionKey, signed_pdf: bytes) -> None:
    verdict = verify_pdf(signed_pdf, reissued_certificate(key))
    assert verdict.key_id == key.key_id
    assert verdict.intact
    assert verdict.matches_trusted_key is False
    assert verdict.problems == (PdfProblem.OTHER_CERTIFICATE,)


def test_old_documents_verify_after_the_certificate_ends(
    key: ConventionKey, plain_pdf: bytes
) -> None:
    # The trusted certificate is pinned by the person verifying, so its end date does not
    # void the results it signed while it was in use.
    expired_pem = reissued_certificate(key, expired=True)
    expired = load_convention_key(key.private_key_pem, expired_pem)
    verdict = verify_pdf(sign_pdf(plain_pdf, expired, reason="r", location="l"), expired_pem)
    assert verdict.ok


def test_unreadable_trusted_certificate_is_a_caller_error(signed_pdf: bytes) -> None:
    with pytest.raises(ValueError):
        verify_pdf(
            signed_pdf, b"-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----\n"
        )
