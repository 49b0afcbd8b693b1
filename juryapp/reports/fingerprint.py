"""A public key's fingerprint as people read it aloud and compare it: XXXX-XXXX-…-XXXX."""

from __future__ import annotations

import hashlib

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes

from juryapp.domain.messages import Text, ValidationError

__all__ = [
    "FINGERPRINT_CHARACTERS",
    "fingerprint_of_certificate",
    "fingerprint_of_public_key",
    "key_fingerprint",
    "normal_fingerprint",
]

# Crockford's base32: digits and capitals without I, L, O and U, so that nothing read aloud or
# copied by hand is ambiguous; 20 characters carry 100 bits of the key's SHA-256.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
FINGERPRINT_CHARACTERS = 20
_GROUP = 4
# What people type instead of the right character: O for 0, I and L for 1.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def key_fingerprint(spki_der: bytes) -> str:
    """The fingerprint of a public key given as DER SubjectPublicKeyInfo."""
    number = int.from_bytes(hashlib.sha256(spki_der).digest(), "big")
    bits = 256
    characters = []
    for _ in range(FINGERPRINT_CHARACTERS):
        bits -= 5
        characters.append(_ALPHABET[(number >> bits) & 0x1F])
    return _grouped("".join(characters))


def fingerprint_of_public_key(public_key: PublicKeyTypes) -> str:
    return key_fingerprint(
        public_key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def fingerprint_of_certificate(certificate_pem: bytes) -> str:
    """The fingerprint of the key a PEM certificate holds."""
    return fingerprint_of_public_key(x509.load_pem_x509_certificate(certificate_pem).public_key())


def normal_fingerprint(text: str) -> str:
    """A fingerprint as a person typed it, in its printed form; ValidationError if it is none.

    Case, spaces and dashes do not matter, and O, I and L are read as 0, 1 and 1.
    """
    compact = "".join(text.split()).replace("-", "").upper().translate(_READ_AS)
    if len(compact) != FINGERPRINT_CHARACTERS or any(c not in _ALPHABET for c in compact):
        raise ValidationError(
            Text(
                "'{t}' bukan sidik jari kunci: sidik jari terdiri atas {n} karakter 0–9 dan A–Z "
                "tanpa I, L, O, U, dalam kelompok empat (mis. 7K3M-Q9XA-…)",
                "'{t}' is not a key fingerprint: it has {n} characters from 0–9 and A–Z "
                "without I, L, O, U, in groups of four (e.g. 7K3M-Q9XA-…)",
            ).format(t=text.strip()[:40], n=FINGERPRINT_CHARACTERS)
        )
    return _grouped(compact)


def _grouped(compact: str) -> str:
    return "-".join(compact[i : i + _GROUP] for i in range(0, len(compact), _GROUP))
