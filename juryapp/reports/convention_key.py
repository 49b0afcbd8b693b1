"""The convention's signing key and the short signatures it makes: QR codes, claims, receipts.

Only the cryptography package: reading a claim or a receipt needs no PDF library, and
``signing.py`` adds the PAdES signatures on result PDFs with pyHanko.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)
from cryptography.x509.oid import NameOID

__all__ = [
    "QR_PREFIX",
    "ConventionKey",
    "QrPayload",
    "QrPayloadError",
    "certificate_fingerprint",
    "certificate_fingerprint_der",
    "check_qr_payload",
    "create_convention_key",
    "key_id_of_certificate",
    "key_id_of_certificate_der",
    "load_convention_key",
    "parse_qr_payload",
    "private_key_of",
    "public_key_point",
    "qr_payload",
    "sign_payload",
    "verify_payload",
    "verify_payload_with_point",
]

QR_PREFIX = "JURYAPP1"

_NAME_LIMIT = 64  # ub-common-name and ub-organization-name (RFC 5280)
_COORDINATE_BYTES = 32  # P-256: r and s are 32 bytes each
_P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
_KEY_ID_HEX = 16
_FINGERPRINT_HEX = 64  # a SHA-256 results fingerprint

_HEX = re.compile(r"[0-9a-f]+")
_DIGITS = re.compile(r"0|[1-9][0-9]*")
_B64URL = re.compile(r"[A-Za-z0-9_-]+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ELLIPSIS = "…"
_TRIM = " ,.;:-"


# --- the key ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConventionKey:
    """The convention's ECDSA P-256 key and its self-signed certificate, both PEM."""

    key_id: str  # first 16 hex digits of SHA-256 over the public key (SubjectPublicKeyInfo DER)
    private_key_pem: bytes = field(repr=False)
    certificate_pem: bytes

    @property
    def certificate_fingerprint(self) -> str:
        """SHA-256 of the DER certificate as ``AB:CD:…``, the form people compare by hand."""
        return certificate_fingerprint(self.certificate_pem)


def create_convention_key(
    convention_name: str, organiser: str, valid_days: int = 3650
) -> ConventionKey:
    """A fresh key and a self-signed certificate naming the convention (CN) and organiser (O)."""
    if valid_days < 1:
        raise ValueError("valid_days must be at least 1")
    common_name = _fit_name(convention_name)
    organisation = _fit_name(organiser)
    if not common_name or not organisation:
        raise ValueError("the convention name and the organiser must not be empty")

    private_key = ec.generate_private_key(ec.SECP256R1())
    public_key = private_key.public_key()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        ]
    )
    # a day of slack so a laptop whose clock runs behind still accepts a brand-new key
    now = datetime.now(UTC).replace(microsecond=0)
    subject_key_id = x509.SubjectKeyIdentifier.from_public_key(public_key)
    # No extended key usage: pyHanko's validator does not ask for one, and PDF readers accept
    # a signing certificate without the extension more readily than with an unusual purpose.
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(subject_key_id, critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(subject_key_id),
            critical=False,
        )
        .sign(private_key, hashes.SHA256())
    )
    return ConventionKey(
        key_id=_key_id(public_key),
        private_key_pem=private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM),
    )


def load_convention_key(private_key_pem: bytes, certificate_pem: bytes) -> ConventionKey:
    """Rebuild a stored key, checking that the private key belongs to the certificate."""
    private_key = _checked_private_key(private_key_pem, certificate_pem)
    return ConventionKey(
        key_id=_key_id(private_key.public_key()),
        private_key_pem=private_key_pem,
        certificate_pem=certificate_pem,
    )


def _checked_private_key(
    private_key_pem: bytes, certificate_pem: bytes
) -> ec.EllipticCurvePrivateKey:
    private_key = serialization.load_pem_private_key(private_key_pem, password=None)
    certificate = x509.load_pem_x509_certificate(certificate_pem)
    if not isinstance(private_key, ec.EllipticCurvePrivateKey) or not isinstance(
        private_key.curve, ec.SECP256R1
    ):
        raise ValueError("the convention key must be an ECDSA P-256 key")
    if _spki(private_key.public_key()) != _spki(certificate.public_key()):
        raise ValueError("the private key does not belong to the certificate")
    return private_key


def certificate_fingerprint(certificate_pem: bytes) -> str:
    """SHA-256 of the DER certificate, upper-case hex in colon-separated pairs."""
    der = x509.load_pem_x509_certificate(certificate_pem).public_bytes(serialization.Encoding.DER)
    return certificate_fingerprint_der(der)


def certificate_fingerprint_der(certificate_der: bytes) -> str:
    """The colon-separated SHA-256 fingerprint of a DER certificate."""
    return ":".join(f"{byte:02X}" for byte in hashlib.sha256(certificate_der).digest())


def key_id_of_certificate(certificate_pem: bytes) -> str:
    """The key id (16 hex digits) of the public key a PEM certificate holds."""
    return _key_id(x509.load_pem_x509_certificate(certificate_pem).public_key())


def key_id_of_certificate_der(certificate_der: bytes) -> str:
    """The key id (16 hex digits) of the public key a DER certificate holds."""
    return _key_id(x509.load_der_x509_certificate(certificate_der).public_key())


def _spki(public_key: CertificatePublicKeyTypes) -> bytes:
    der: bytes = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return der


def _key_id(public_key: CertificatePublicKeyTypes) -> str:
    return hashlib.sha256(_spki(public_key)).hexdigest()[:_KEY_ID_HEX]


def _fit_name(text: str) -> str:
    """Whitespace collapsed and cut at a word to 64 UTF-8 bytes, keeping a trailing year.

    RFC 5280 bounds CN and O at 64 characters; the cryptography package counts the bytes of
    the UTF-8 form, which is the stricter reading, so that is the budget used here.
    """
    words = text.split()
    name = " ".join(words)
    if _utf8_length(name) <= _NAME_LIMIT:
        return name
    tail = ""
    if len(words) > 1 and _YEAR.fullmatch(words[-1]):
        tail = " " + words.pop()  # "… 2024" tells one edition's key from the next one's
    ending = _ELLIPSIS + tail
    body = " ".join(words)
    cut = len(body)
    while cut > 0 and _utf8_length(body[:cut].rstrip(_TRIM) + ending) > _NAME_LIMIT:
        cut -= 1
    head = body[:cut]
    if " " in head and body[cut : cut + 1] != " ":
        head = head.rsplit(" ", 1)[0]  # do not cut a word in half
    return head.rstrip(_TRIM) + ending


def _utf8_length(text: str) -> int:
    return len(text.encode("utf-8"))


# --- compact signatures for the QR code -----------------------------------------------------


def sign_payload(key: ConventionKey, payload: bytes) -> bytes:
    """A 64-byte ECDSA P-256 / SHA-256 signature (r ‖ s), deterministic per RFC 6979.

    ``s`` is always the lower of its two valid values, so a payload has exactly one valid
    signature and a second, altered-but-valid encoding of the same code cannot exist.
    """
    private_key = private_key_of(key)
    der = private_key.sign(payload, ec.ECDSA(hashes.SHA256(), deterministic_signing=True))
    r, s = decode_dss_signature(with_low_s(der))
    return r.to_bytes(_COORDINATE_BYTES, "big") + s.to_bytes(_COORDINATE_BYTES, "big")


def with_low_s(der: bytes) -> bytes:
    """The same ECDSA P-256 signature (DER), its ``s`` the lower of the two valid values.

    ECDSA accepts (r, s) and (r, n - s) alike: anyone can turn one into the other without the
    key. Writing only the lower one, and refusing the higher one, leaves a signed object
    exactly one valid form, so that no altered copy of a document or code verifies.
    """
    r, s = decode_dss_signature(der)
    return encode_dss_signature(r, min(s, _P256_ORDER - s))


def has_low_s(der: bytes) -> bool:
    """Whether ``der`` is an ECDSA signature as :func:`with_low_s` writes it (DER, low s)."""
    try:
        r, s = decode_dss_signature(der)
    except ValueError:
        return False
    return 0 < r < _P256_ORDER and 0 < s <= _P256_ORDER // 2 and encode_dss_signature(r, s) == der


def verify_payload(certificate_pem: bytes, payload: bytes, signature: bytes) -> bool:
    """Whether ``signature`` (r ‖ s, low s) is the certificate's key's signature over ``payload``.

    A malformed or high-s signature gives False; an unreadable certificate raises ValueError.
    """
    public_key = x509.load_pem_x509_certificate(certificate_pem).public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey) or not isinstance(
        public_key.curve, ec.SECP256R1
    ):
        return False
    return _verifies(public_key, payload, signature)


@lru_cache(maxsize=8)
def private_key_of(key: ConventionKey) -> ec.EllipticCurvePrivateKey:
    """The loaded private key, once checked against the certificate and the key id."""
    private_key = _checked_private_key(key.private_key_pem, key.certificate_pem)
    if _key_id(private_key.public_key()) != key.key_id:
        raise ValueError("the key id does not match the key")
    return private_key


class QrPayloadError(ValueError):
    """A QR text that is not a well-formed juryapp payload."""


@dataclass(frozen=True)
class QrPayload:
    """What a result document's QR code says: which results, which key, and the signature."""

    results_version: int
    results_fingerprint: str  # 64 lower-case hex digits
    key_id: str  # 16 lower-case hex digits
    signature: bytes  # r ‖ s over ``signed_text``

    @property
    def signed_text(self) -> str:
        """The part of the QR text the signature covers."""
        return f"{QR_PREFIX}:{self.results_version}:{self.results_fingerprint}:{self.key_id}"

    @property
    def text(self) -> str:
        """The whole QR text."""
        encoded = base64.urlsafe_b64encode(self.signature).rstrip(b"=").decode("ascii")
        return f"{self.signed_text}:{encoded}"


def qr_payload(results_fingerprint: str, results_version: int, key: ConventionKey) -> str:
    """``JURYAPP1:<version>:<fingerprint>:<key id>:<base64url signature>``, about 180 ASCII chars.

    The fingerprint may be given with colons or in upper case; the payload holds it as plain
    lower-case hex. The signature is deterministic, so a reprint carries the same code.
    """
    fingerprint = _normal_fingerprint(results_fingerprint)
    if isinstance(results_version, bool) or results_version < 0:
        raise ValueError("the results version must be a whole number from 0")
    unsigned = QrPayload(int(results_version), fingerprint, key.key_id, b"")
    signature = sign_payload(key, unsigned.signed_text.encode("ascii"))
    return QrPayload(unsigned.results_version, fingerprint, key.key_id, signature).text


def parse_qr_payload(text: str) -> QrPayload:
    """The fields of a QR text; raises QrPayloadError when it is not in the exact format."""
    parts = text.strip().split(":")
    if len(parts) != 5 or parts[0] != QR_PREFIX:
        raise QrPayloadError("not a juryapp result code")
    _, version, fingerprint, key_id, encoded = parts
    if not _DIGITS.fullmatch(version) or len(version) > 9:
        raise QrPayloadError("bad results version in the code")
    if len(fingerprint) != _FINGERPRINT_HEX or not _HEX.fullmatch(fingerprint):
        raise QrPayloadError("bad results fingerprint in the code")
    if len(key_id) != _KEY_ID_HEX or not _HEX.fullmatch(key_id):
        raise QrPayloadError("bad key id in the code")
    if not _B64URL.fullmatch(encoded):
        raise QrPayloadError("bad signature in the code")
    try:
        signature = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError) as exc:
        raise QrPayloadError("bad signature in the code") from exc
    payload = QrPayload(int(version), fingerprint, key_id, signature)
    if len(signature) != 2 * _COORDINATE_BYTES or payload.text != text.strip():
        raise QrPayloadError("bad signature in the code")
    return payload


def check_qr_payload(text: str, certificate_pem: bytes) -> bool:
    """Whether a QR text is well formed and signed by the key of ``certificate_pem``."""
    try:
        payload = parse_qr_payload(text)
    except QrPayloadError:
        return False
    if payload.key_id != key_id_of_certificate(certificate_pem):
        return False
    return verify_payload(certificate_pem, payload.signed_text.encode("ascii"), payload.signature)


def _normal_fingerprint(value: str) -> str:
    digits = value.strip().replace(":", "").replace(" ", "").lower()
    if len(digits) != _FINGERPRINT_HEX or not _HEX.fullmatch(digits):
        raise ValueError("the results fingerprint must be 64 hex digits (SHA-256)")
    return digits


# --- compact signatures checked with nothing but the signer's public key --------------------

_COMPRESSED_POINT_BYTES = 1 + _COORDINATE_BYTES


def public_key_point(key: ConventionKey) -> bytes:
    """The key's public half as a compressed P-256 point (33 bytes), the form QR claims carry."""
    public_key = x509.load_pem_x509_certificate(key.certificate_pem).public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        raise ValueError("the convention key must be an ECDSA P-256 key")
    point: bytes = public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
    )
    return point


def verify_payload_with_point(point: bytes, payload: bytes, signature: bytes) -> bool:
    """``verify_payload`` for a key given as a compressed P-256 point instead of a certificate.

    Anything that is not a compressed point on the curve, or not a low-s r ‖ s signature,
    gives False; nothing raises.
    """
    if len(point) != _COMPRESSED_POINT_BYTES or point[0] not in (2, 3):
        return False
    try:
        public_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError:
        return False
    return _verifies(public_key, payload, signature)


def _verifies(public_key: ec.EllipticCurvePublicKey, payload: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is r ‖ s with the low s, and the key's signature over ``payload``."""
    if len(signature) != 2 * _COORDINATE_BYTES:
        return False
    r = int.from_bytes(signature[:_COORDINATE_BYTES], "big")
    s = int.from_bytes(signature[_COORDINATE_BYTES:], "big")
    if not (0 < r < _P256_ORDER and 0 < s <= _P256_ORDER // 2):
        return False
    try:
        public_key.verify(encode_dss_signature(r, s), payload, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        return False
    return True
