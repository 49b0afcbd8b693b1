"""The convention's key and the short signatures it makes: the certificate, QR payloads."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import UTC, datetime, timedelta

import pytest
import qrcode
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID, SignatureAlgorithmOID

from juryapp.reports.convention_key import (
    ConventionKey,
    QrPayloadError,
    check_qr_payload,
    create_convention_key,
    load_convention_key,
    parse_qr_payload,
    qr_payload,
    sign_payload,
    verify_payload,
)
from juryapp.reports.signing import sign_pdf
from tests.reports.test_signing import (
    CONVENTION,
    FINGERPRINT_FORMAT,
    ORGANISER,
    RESULTS_FINGERPRINT,
    key,
    other_key,
    plain_pdf,
)

__all__ = ["key", "other_key", "plain_pdf"]  # fixtures, used by name


def subject_text(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    value = cert.subject.get_attributes_for_oid(oid)[0].value
    assert isinstance(value, str)
    return value


# --- the key and its certificate ---------------------------------------------------------------


def test_certificate_fields(key: ConventionKey) -> None:
    cert = x509.load_pem_x509_certificate(key.certificate_pem)
    common_name = subject_text(cert, NameOID.COMMON_NAME)
    organisation = subject_text(cert, NameOID.ORGANIZATION_NAME)
    assert common_name == "Konvensi Mutu Bidang Kesehatan tingkat Kota Administrasi… 2024"
    assert len(common_name) <= 64
    assert organisation == ORGANISER
    assert cert.issuer == cert.subject
    cert.verify_directly_issued_by(cert)  # self-signed

    public_key = cert.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    assert isinstance(public_key.curve, ec.SECP256R1)
    assert cert.signature_algorithm_oid == SignatureAlgorithmOID.ECDSA_WITH_SHA256

    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature
    assert usage.value.content_commitment  # nonRepudiation
    assert not usage.value.key_cert_sign
    constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and not constraints.value.ca

    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert timedelta(days=3650) <= lifetime <= timedelta(days=3652)
    assert cert.not_valid_before_utc < datetime.now(UTC) < cert.not_valid_after_utc


def test_key_id_and_fingerprint(key: ConventionKey) -> None:
    cert = x509.load_pem_x509_certificate(key.certificate_pem)
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert key.key_id == hashlib.sha256(spki).hexdigest()[:16]
    der = cert.public_bytes(serialization.Encoding.DER)
    assert FINGERPRINT_FORMAT.fullmatch(key.certificate_fingerprint)
    assert key.certificate_fingerprint.replace(":", "") == hashlib.sha256(der).hexdigest().upper()


def test_private_key_stays_out_of_repr(key: ConventionKey) -> None:
    assert b"PRIVATE KEY" in key.private_key_pem
    assert "PRIVATE" not in repr(key)
    assert key.key_id in repr(key)


def test_short_names_kept_and_bad_arguments_refused() -> None:
    short = create_convention_key("  Konvensi   Mutu 2025 ", "Sudinkes Jakarta Barat", 30)
    cert = x509.load_pem_x509_certificate(short.certificate_pem)
    assert subject_text(cert, NameOID.COMMON_NAME) == ("Konvensi Mutu 2025")
    assert cert.not_valid_after_utc - cert.not_valid_before_utc == timedelta(days=31)
    with pytest.raises(ValueError):
        create_convention_key("", ORGANISER)
    with pytest.raises(ValueError):
        create_convention_key(CONVENTION, "   ")
    with pytest.raises(ValueError):
        create_convention_key(CONVENTION, ORGANISER, valid_days=0)


def test_long_word_is_cut_within_the_limit() -> None:
    cert = x509.load_pem_x509_certificate(
        create_convention_key("X" * 100, ORGANISER).certificate_pem
    )
    name = subject_text(cert, NameOID.COMMON_NAME)
    assert len(name.encode()) <= 64
    assert name == "X" * 61 + "…"


def test_non_ascii_names_fit_the_byte_limit() -> None:
    long_name = (
        "Konvensi Inovasi Pelayanan Kesehatan Daerah Istimewa — Edisi Khusus Peringatan 2025"
    )
    cert = x509.load_pem_x509_certificate(
        create_convention_key(long_name, "Dinkes").certificate_pem
    )
    name = subject_text(cert, NameOID.COMMON_NAME)
    assert len(name.encode()) <= 64
    assert name.endswith("… 2025")
    assert long_name.startswith(name.removesuffix("… 2025"))


def test_load_convention_key(key: ConventionKey, other_key: ConventionKey) -> None:
    assert load_convention_key(key.private_key_pem, key.certificate_pem) == key
    with pytest.raises(ValueError):
        load_convention_key(key.private_key_pem, other_key.certificate_pem)


def test_key_whose_parts_disagree_is_refused(
    key: ConventionKey, other_key: ConventionKey, plain_pdf: bytes
) -> None:
    mixed = ConventionKey(key.key_id, other_key.private_key_pem, key.certificate_pem)
    with pytest.raises(ValueError):
        sign_pdf(plain_pdf, mixed, reason="r", location="l")
    with pytest.raises(ValueError):
        sign_payload(mixed, b"payload")


# --- signing and verifying PDFs ----------------------------------------------------------------


def test_payload_signature_round_trip(key: ConventionKey, other_key: ConventionKey) -> None:
    signature = sign_payload(key, b"hasil versi 7")
    assert len(signature) == 64
    assert sign_payload(key, b"hasil versi 7") == signature  # deterministic (RFC 6979)
    assert verify_payload(key.certificate_pem, b"hasil versi 7", signature)
    assert not verify_payload(key.certificate_pem, b"hasil versi 8", signature)
    assert not verify_payload(other_key.certificate_pem, b"hasil versi 7", signature)
    assert not verify_payload(key.certificate_pem, b"hasil versi 7", signature[:-1])
    assert not verify_payload(key.certificate_pem, b"hasil versi 7", bytes(64))


def test_qr_payload_round_trip(key: ConventionKey) -> None:
    text = qr_payload(RESULTS_FINGERPRINT, 7, key)
    assert text.isascii() and len(text) <= 180
    assert text.startswith(f"JURYAPP1:7:{RESULTS_FINGERPRINT}:{key.key_id}:")
    payload = parse_qr_payload(text)
    assert payload.results_version == 7
    assert payload.results_fingerprint == RESULTS_FINGERPRINT
    assert payload.key_id == key.key_id
    assert payload.text == text
    assert check_qr_payload(text, key.certificate_pem)
    # the same results give the same code, however the fingerprint was written
    spaced = ":".join(re.findall("..", RESULTS_FINGERPRINT.upper()))
    assert qr_payload(spaced, 7, key) == text


def test_qr_payload_fits_a_small_code(key: ConventionKey) -> None:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(qr_payload(RESULTS_FINGERPRINT, 123, key))
    code.make(fit=True)
    assert code.version <= 10


def test_tampered_qr_payload_is_rejected(key: ConventionKey, other_key: ConventionKey) -> None:
    text = qr_payload(RESULTS_FINGERPRINT, 7, key)
    prefix, version, fingerprint, key_id, signature = text.split(":")
    other_fingerprint = hashlib.sha256(b"other results").hexdigest()
    raw = bytearray(base64.urlsafe_b64decode(signature + "=="))
    raw[10] ^= 1
    flipped = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    tampered = [
        ":".join([prefix, "8", fingerprint, key_id, signature]),
        ":".join([prefix, version, other_fingerprint, key_id, signature]),
        ":".join([prefix, version, fingerprint, other_key.key_id, signature]),
        ":".join([prefix, version, fingerprint, key_id, flipped]),
        ":".join([prefix, "07", fingerprint, key_id, signature]),
        ":".join(["JURYAPP2", version, fingerprint, key_id, signature]),
        text[:-1],
        text + "A",
        text.upper(),
        "",
        "JURYAPP1:7",
        "https://example.org/?q=" + text,
    ]
    for candidate in tampered:
        assert not check_qr_payload(candidate, key.certificate_pem), candidate
    assert not check_qr_payload(text, other_key.certificate_pem)
    # a genuine code of the other key does not pass for this key either
    assert not check_qr_payload(qr_payload(RESULTS_FINGERPRINT, 7, other_key), key.certificate_pem)


def test_malformed_qr_payload_raises(key: ConventionKey) -> None:
    for text in ("", "JURYAPP1:x:y:z:w", "hello", "JURYAPP1:1:" + "0" * 64 + ":" + "0" * 16 + ":"):
        with pytest.raises(QrPayloadError):
            parse_qr_payload(text)
    with pytest.raises(ValueError):
        qr_payload("abc", 1, key)
    with pytest.raises(ValueError):
        qr_payload(RESULTS_FINGERPRINT, -1, key)


def test_payload_signatures_use_low_s_only(key: ConventionKey) -> None:
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # of P-256
    for n in range(40):
        payload = f"payload {n}".encode()
        signature = sign_payload(key, payload)
        r, s = signature[:32], int.from_bytes(signature[32:], "big")
        assert s <= order // 2
        assert verify_payload(key.certificate_pem, payload, signature)
        high = r + (order - s).to_bytes(32, "big")  # the other valid value of s
        assert not verify_payload(key.certificate_pem, payload, high)
