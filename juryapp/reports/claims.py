"""A signed claim about one result document, short enough for its QR code, checked offline."""

from __future__ import annotations

import base64
import binascii
import re
import struct
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric import ec

from juryapp.domain.messages import JuryError, Text
from juryapp.reports.convention_key import (
    public_key_point,
    sign_payload,
    verify_payload_with_point,
)
from juryapp.reports.document_kinds import DocumentKind
from juryapp.reports.fingerprint import fingerprint_of_public_key

if TYPE_CHECKING:
    from juryapp.reports.convention_key import ConventionKey

__all__ = [
    "CLAIM_PREFIX",
    "FORMAT_VERSION",
    "MAX_CHARACTERS",
    "PRINTED_SIDE_MM",
    "ClaimError",
    "DocumentClaim",
    "SignedClaim",
    "read_claim",
    "sign_claim",
]

# The text of a claim is CLAIM_PREFIX followed by the base64url form (no padding) of
#
#   u8   format version (FORMAT_VERSION)
#   u8   document kind (DocumentKind)
#   u8   rank, 0 when the document shows none
#   u8   flags: bit 0 the rank is shared, bit 1 the team advances; the other bits are 0
#   u16  results version, big-endian
#   six texts, each a u8 length and that many bytes of UTF-8, in this order:
#        convention, subject code, subject name, category, judge, score as printed
#   33   the signer's public key, a compressed P-256 point
#   64   ECDSA P-256 / SHA-256 signature r ‖ s (low s) over CLAIM_PREFIX + everything above
#
# Every field has one encoding, the signature is unique for its payload, and decoding
# re-encodes what it read and compares, so a claim is accepted only exactly as it was made.
CLAIM_PREFIX = "JURYAPP:"
FORMAT_VERSION = 1
MAX_CHARACTERS = 300  # the whole text, prefix included
# The side to print a claim's code at (as layout.py draws codes: error level M, a margin of
# two modules). Rendered at 150 dpi and read with zxing-cpp at 36 sub-pixel placements each,
# claims of 268–300 characters (65–69 modules) read 936 times in 936 at 20 mm, and a set of
# six read every time at 17, 28 and 30 mm too; at the 15 mm of today's footer, 300-character
# ones read 29 times in 180, and at 25 mm the six read 208 times in 216, as modules of almost
# exactly two pixels alias: a larger code is not always a safer one.
PRINTED_SIDE_MM = 20

_HEAD = struct.Struct(">BBBBH")
_LENGTH = struct.Struct(">B")
_POINT_BYTES = 33
_SIGNATURE_BYTES = 64
_TEXT_FIELDS = 6
_MAX_VERSION = 0xFFFF
_MAX_RANK = 0xFF
_MAX_SCORE_BYTES = 16
_SHARED = 0x01
_ADVANCES = 0x02
_KNOWN_FLAGS = _SHARED | _ADVANCES
# the largest binary form whose base64url text, with the prefix, stays within MAX_CHARACTERS
_MAX_BINARY = (MAX_CHARACTERS - len(CLAIM_PREFIX)) * 3 // 4
_FIXED = _HEAD.size + _TEXT_FIELDS * _LENGTH.size + _POINT_BYTES + _SIGNATURE_BYTES
_B64URL = re.compile(r"[A-Za-z0-9_-]+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ELLIPSIS = "…"
# subject name, subject code, category, judge, convention: indexes into DocumentClaim.texts()
_GROWTH_ORDER = (2, 1, 3, 4, 0)
_KEEP_YEAR_FROM = 16  # bytes; below that, the name's first words say more than its year
_TRIM = " ,.;:-/"


class ClaimError(JuryError):
    """A QR text that is not a genuine, intact juryapp claim; the message says why in one line."""


@dataclass(frozen=True)
class DocumentClaim:
    """What one document's QR code certifies; texts empty and rank None where it shows none.

    ``subject_code``/``subject_name`` name what the document is about: a team (``PKM-03``,
    its institution), a category (a recap) or the minutes' number; ``judge`` whose score
    sheet it is; ``score`` exactly as the document prints it (``87,50``).
    """

    kind: DocumentKind
    convention: str
    subject_code: str
    subject_name: str = ""
    category: str = ""
    judge: str = ""
    rank: int | None = None
    shared_rank: bool = False
    advances: bool = False
    score: str = ""
    results_version: int = 0

    def texts(self) -> tuple[str, str, str, str, str, str]:
        """The six texts in the order the binary form holds them."""
        return (
            self.convention,
            self.subject_code,
            self.subject_name,
            self.category,
            self.judge,
            self.score,
        )


@dataclass(frozen=True)
class SignedClaim:
    """A claim read back from its text and found signed by the key it carries."""

    claim: DocumentClaim
    public_key: bytes  # compressed P-256 point
    signature: bytes
    text: str

    @property
    def fingerprint(self) -> str:
        """The signer's key fingerprint, to compare with the one printed on the minutes."""
        public_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), self.public_key)
        return fingerprint_of_public_key(public_key)


# --- making a claim -------------------------------------------------------------------------


def sign_claim(claim: DocumentClaim, key: ConventionKey) -> SignedClaim:
    """The claim, its texts tidied and cut to fit, signed with ``key``.

    Whitespace is collapsed, control and formatting characters dropped, and the longest
    texts cut at a word (keeping a trailing year, as in "Konvensi … 2024") until the whole
    text is at most MAX_CHARACTERS. The signature is deterministic: a reprint carries the
    same code. Raises ValueError for a claim no document could make (rank 0, a shared rank
    without a rank, a version beyond 65535, a score longer than 16 bytes).
    """
    fitted = _fitted(_tidied(claim))
    point = public_key_point(key)
    unsigned = _body(fitted) + point
    signature = sign_payload(key, CLAIM_PREFIX.encode("ascii") + unsigned)
    text = CLAIM_PREFIX + _b64(unsigned + signature)
    assert len(text) <= MAX_CHARACTERS, "_fitted leaves room for every text"
    return SignedClaim(fitted, point, signature, text)


def _tidied(claim: DocumentClaim) -> DocumentClaim:
    convention, code, name, category, judge, score = (_tidy(t) for t in claim.texts())
    return replace(
        claim,
        convention=convention,
        subject_code=code,
        subject_name=name,
        category=category,
        judge=judge,
        score=score,
    )


def _tidy(text: str) -> str:
    spaced = " ".join(unicodedata.normalize("NFC", text).split())  # a line break is a space
    return " ".join("".join(ch for ch in spaced if unicodedata.category(ch) not in _DROP).split())


def _is_tidy(text: str) -> bool:
    """Whether ``text`` is as ``_tidy`` leaves it, short of normalisation (which depends on
    the Unicode version of whoever made the claim)."""
    return text == " ".join(text.split()) and not any(
        unicodedata.category(ch) in _DROP for ch in text
    )


# Control and formatting characters (a bidirectional override could reorder what a person
# reads), surrogates and private use; unassigned characters stay, as a newer system may know them.
_DROP = frozenset({"Cc", "Cf", "Cs", "Co"})


def _fitted(claim: DocumentClaim) -> DocumentClaim:
    """The claim with its five free texts (not the score) cut to one common cap in bytes."""
    texts = list(claim.texts()[:5])
    room = _MAX_BINARY - _FIXED - _size(claim.score)
    sizes = [_size(t) for t in texts]
    if sum(sizes) <= room:
        return claim
    # the largest cap that lets every text keep up to that many bytes: short ones stay whole
    low, high = 0, max(sizes)
    while low < high:
        cap = (low + high + 1) // 2
        if sum(min(size, cap) for size in sizes) <= room:
            low = cap
        else:
            high = cap - 1
    # Texts are cut after a whole word, so most end short of the cap; what is left over goes
    # to them one by one, what the document is about first and the convention's name last.
    limits = [low] * len(texts)
    for index in _GROWTH_ORDER:
        while limits[index] < sizes[index]:
            wider = [*limits[:index], limits[index] + 1, *limits[index + 1 :]]
            if sum(_size(_cut(t, cap)) for t, cap in zip(texts, wider, strict=True)) > room:
                break
            limits = wider
    convention, code, name, category, judge = (
        _cut(t, cap) for t, cap in zip(texts, limits, strict=True)
    )
    return replace(
        claim,
        convention=convention,
        subject_code=code,
        subject_name=name,
        category=category,
        judge=judge,
    )


def _cut(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` UTF-8 bytes: cut after a word, marked "…", year kept."""
    if _size(text) <= limit:
        return text
    words = text.split(" ")
    tail = ""
    if len(words) > 1 and _YEAR.fullmatch(words[-1]) and limit >= _KEEP_YEAR_FROM:
        tail = " " + words.pop()  # "… 2024" tells one edition from the next
    ending = _ELLIPSIS + tail
    room = limit - _size(ending)
    head = ""
    for word in words:
        longer = f"{head} {word}" if head else word
        if _size(longer.rstrip(_TRIM)) > room:
            break
        head = longer
    if not head:  # not even the first word fits: cut inside it
        head = words[0].encode("utf-8")[: max(room, 0)].decode("utf-8", errors="ignore")
    head = head.rstrip(_TRIM)
    return head + ending if head else ""


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _body(claim: DocumentClaim) -> bytes:
    """The binary form up to the public key; ValueError for a claim that has none."""
    _check(claim)
    flags = (_SHARED if claim.shared_rank else 0) | (_ADVANCES if claim.advances else 0)
    parts = [
        _HEAD.pack(
            FORMAT_VERSION,
            int(claim.kind),
            claim.rank or 0,
            flags,
            claim.results_version,
        )
    ]
    for text in claim.texts():
        encoded = text.encode("utf-8")
        parts += [_LENGTH.pack(len(encoded)), encoded]
    return b"".join(parts)


def _check(claim: DocumentClaim) -> None:
    if not isinstance(claim.kind, DocumentKind):
        raise ValueError(f"not a document kind: {claim.kind!r}")
    if claim.rank is not None and not 1 <= claim.rank <= _MAX_RANK:
        raise ValueError(f"a rank runs from 1 to {_MAX_RANK}, not {claim.rank}")
    if claim.shared_rank and claim.rank is None:
        raise ValueError("a shared rank needs a rank")
    if not 0 <= claim.results_version <= _MAX_VERSION:
        raise ValueError(f"a results version runs from 0 to {_MAX_VERSION}")
    if _size(claim.score) > _MAX_SCORE_BYTES:
        raise ValueError(f"a score as printed takes at most {_MAX_SCORE_BYTES} bytes")
    for text in claim.texts():
        if not _is_tidy(text) or _size(text) > 0xFF:
            raise ValueError(f"an untidy or overlong text in a claim: {text[:40]!r}")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


# --- reading a claim ------------------------------------------------------------------------


def read_claim(text: object) -> SignedClaim:
    """The claim a QR text holds, checked against the key it carries; else ClaimError.

    Only surrounding whitespace (a scanner's or a paste's newline) is forgiven; any other
    difference from the text as it was made is refused, with a one-line reason. Nothing but
    ClaimError is raised, whatever ``text`` is. Whose key signed it is the caller's question:
    compare ``fingerprint`` with the one printed on the signed minutes.
    """
    try:
        return _read(text)
    except ClaimError:
        raise
    except (ValueError, TypeError, OverflowError, struct.error) as exc:
        raise ClaimError(_DAMAGED) from exc


_DAMAGED = Text("kode rusak atau tidak lengkap", "the code is damaged or incomplete")


def _read(text: object) -> SignedClaim:
    stripped, data = _binary(text)
    return _parsed(data, stripped)


def _binary(text: object) -> tuple[str, bytes]:
    """The claim's text without surrounding whitespace, and the bytes its base64url holds."""
    if not isinstance(text, str):
        raise ClaimError(Text("bukan teks kode QR", "not the text of a QR code"))
    stripped = text.strip()
    if not stripped.startswith(CLAIM_PREFIX):
        raise ClaimError(
            Text(
                "bukan kode juryapp (kode juryapp diawali {p})",
                "not a juryapp code (a juryapp code starts with {p})",
            ).format(p=CLAIM_PREFIX)
        )
    if len(stripped) > MAX_CHARACTERS:
        raise ClaimError(
            Text(
                "kode terlalu panjang: ada tambahan setelah tanda tangan",
                "the code is too long: something follows the signature",
            )
        )
    return stripped, _unb64(stripped[len(CLAIM_PREFIX) :])


def _parsed(data: bytes, text: str) -> SignedClaim:
    if len(data) < _HEAD.size:
        raise ClaimError(_DAMAGED)
    version, kind_number, rank, flags, results_version = _HEAD.unpack_from(data)
    if version != FORMAT_VERSION:
        raise ClaimError(
            Text(
                "format kode {v} tidak dikenal (versi juryapp ini membaca format {known})",
                "unknown code format {v} (this juryapp reads format {known})",
            ).format(v=version, known=FORMAT_VERSION)
        )
    try:
        kind = DocumentKind(kind_number)
    except ValueError:
        raise ClaimError(
            Text(
                "jenis dokumen {k} tidak dikenal versi juryapp ini",
                "document kind {k} is unknown to this juryapp",
            ).format(k=kind_number)
        ) from None
    if flags & ~_KNOWN_FLAGS:
        raise ClaimError(_DAMAGED)
    offset = _HEAD.size
    texts: list[str] = []
    for _ in range(_TEXT_FIELDS):
        (length,) = _LENGTH.unpack_from(data, offset)
        offset += _LENGTH.size
        raw = data[offset : offset + length]
        if len(raw) != length:
            raise ClaimError(_TRUNCATED)
        texts.append(raw.decode("utf-8", errors="strict"))
        offset += length
    rest = data[offset:]
    if len(rest) < _POINT_BYTES + _SIGNATURE_BYTES:
        raise ClaimError(_TRUNCATED)
    if len(rest) > _POINT_BYTES + _SIGNATURE_BYTES:
        raise ClaimError(
            Text(
                "ada data tambahan setelah tanda tangan",
                "there is extra data after the signature",
            )
        )
    point, signature = rest[:_POINT_BYTES], rest[_POINT_BYTES:]
    convention, code, name, category, judge, score = texts
    claim = DocumentClaim(
        kind=kind,
        convention=convention,
        subject_code=code,
        subject_name=name,
        category=category,
        judge=judge,
        rank=rank or None,
        shared_rank=bool(flags & _SHARED),
        advances=bool(flags & _ADVANCES),
        score=score,
        results_version=results_version,
    )
    if _body(claim) + point != data[: offset + _POINT_BYTES]:  # _body raises on a bad claim
        raise ClaimError(_DAMAGED)
    signed = CLAIM_PREFIX.encode("ascii") + data[: offset + _POINT_BYTES]
    if not verify_payload_with_point(point, signed, signature):
        raise ClaimError(
            Text(
                "tanda tangan tidak cocok: kode telah diubah",
                "the signature does not match: the code was altered",
            )
        )
    return SignedClaim(claim, point, signature, text)


_TRUNCATED = Text("kode terpotong", "the code is cut short")


def _unb64(encoded: str) -> bytes:
    """The bytes of an unpadded base64url text, refusing any text that is not their one form."""
    if not _B64URL.fullmatch(encoded) or len(encoded) % 4 == 1:
        raise ClaimError(_DAMAGED)
    try:
        data = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ClaimError(_DAMAGED) from exc
    if _b64(data) != encoded:  # unused low bits of the last character set
        raise ClaimError(_DAMAGED)
    return data
