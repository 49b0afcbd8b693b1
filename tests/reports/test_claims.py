"""QR claims: every altered, cut, lengthened or re-signed code is refused, in one line."""

from __future__ import annotations

import base64
import random
import struct
from collections.abc import Callable

import pytest

from juryapp.domain.messages import Text
from juryapp.reports.certified_words import describe_claim
from juryapp.reports.claims import (
    CLAIM_PREFIX,
    MAX_CHARACTERS,
    ClaimError,
    DocumentClaim,
    SignedClaim,
    read_claim,
    sign_claim,
)
from juryapp.reports.convention_key import (
    ConventionKey,
    create_convention_key,
    public_key_point,
    sign_payload,
)
from juryapp.reports.document_kinds import DocumentKind
from juryapp.reports.fingerprint import fingerprint_of_certificate

CONVENTION = "Konvensi Mutu Bidang Kesehatan Tingkat Kota Administrasi Jakarta Barat 2024"
ORGANISER = "Suku Dinas Kesehatan Kota Administrasi Jakarta Barat"
P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551

# 120 characters each, none of them ASCII letters only: accents, Javanese script, Chinese, emoji
LONG_NAMES = (
    ("Puskesmas Kecamatan Kebon Jeruk bersama Jejaring Pengampuan Kanker, Jantung dan Stroke "
     "Wilayah Barat — Ŝĕhat Ĝemilang Êkaputra Ñusantara")[:120],
    ("ꦥꦸꦱ꧀ꦏꦺꦱ꧀ꦩꦱ꧀ " * 20)[:120],
    ("雅加达西区卫生服务创新大会" * 10)[:120],
    ("Rumah Sakit Ibu & Anak 👶🏽 Harapan Kita Ümmü Çağrı Ñandú Øster Ærø " * 3)[:120],
)  # fmt: skip


@pytest.fixture(scope="module")
def key() -> ConventionKey:
    return create_convention_key(CONVENTION, ORGANISER)


@pytest.fixture(scope="module")
def other_key() -> ConventionKey:
    return create_convention_key(CONVENTION, ORGANISER)  # same names, another key


def certificate_claim(
    code: str = "PKM-03", name: str = "Puskesmas Kecamatan Kalideres"
) -> DocumentClaim:
    return DocumentClaim(
        kind=DocumentKind.CERTIFICATE,
        convention=CONVENTION,
        subject_code=code,
        subject_name=name,
        category="Puskesmas",
        rank=1,
        advances=True,
        score="87,50",
        results_version=2,
    )


@pytest.fixture(scope="module")
def signed(key: ConventionKey) -> SignedClaim:
    return sign_claim(certificate_claim(), key)


def binary_of(text: str) -> bytes:
    encoded = text[len(CLAIM_PREFIX) :]
    return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))


def text_of(binary: bytes) -> str:
    return CLAIM_PREFIX + base64.urlsafe_b64encode(binary).rstrip(b"=").decode("ascii")


def refused(text: object) -> Text:
    """The reason a text is refused; fails the test on any other outcome or exception."""
    try:
        read_claim(text)
    except ClaimError as exc:
        assert "\n" not in exc.text.id and "\n" not in exc.text.en
        return exc.text
    except Exception as exc:  # the promise under test: nothing but ClaimError
        pytest.fail(f"{type(exc).__name__} instead of ClaimError for {text!r}: {exc}")
    pytest.fail(f"accepted an altered code: {text!r}")


def resigned(key: ConventionKey, body: bytes) -> str:
    """A code whose body was made by hand and signed properly, to test fields after it."""
    unsigned = body + public_key_point(key)
    return text_of(unsigned + sign_payload(key, CLAIM_PREFIX.encode() + unsigned))


# --- what a genuine claim says --------------------------------------------------------------


def test_claim_reads_back_with_its_signers_fingerprint(
    key: ConventionKey, signed: SignedClaim
) -> None:
    back = read_claim(signed.text)
    assert back == signed
    assert back.claim.subject_code == "PKM-03"
    assert back.claim.rank == 1 and back.claim.advances and back.claim.score == "87,50"
    assert back.fingerprint == fingerprint_of_certificate(key.certificate_pem)
    assert len(back.public_key) == 33 and len(back.signature) == 64
    # a scanner's or a paste's newline is forgiven, nothing else is
    assert read_claim(f"  {signed.text}\r\n") == back


def test_signing_is_deterministic_so_a_reprint_carries_the_same_code(
    key: ConventionKey, signed: SignedClaim
) -> None:
    assert sign_claim(certificate_claim(), key).text == signed.text


def test_words_name_the_team_rank_category_score_and_version(signed: SignedClaim) -> None:
    words = describe_claim(read_claim(signed.text).claim)
    assert words.id == (
        "Piagam Penghargaan: PKM-03 Puskesmas Kecamatan Kalideres, Juara I kategori Puskesmas, "
        "nilai 87,50, lolos, hasil versi 2, Konvensi Mutu Bidang Kesehatan Tingkat Kota… 2024"
    )
    assert words.en == (
        "Certificate of award: PKM-03 Puskesmas Kecamatan Kalideres, First place, Puskesmas "
        "category, score 87,50, advances, results version 2, Konvensi Mutu Bidang Kesehatan "
        "Tingkat Kota… 2024"  # the convention's name, cut to make room for the rest
    )


def test_words_for_every_kind_say_only_what_the_claim_holds(key: ConventionKey) -> None:
    sheet = DocumentClaim(
        DocumentKind.SCORE_SHEET, "KMBK 2024", "PKM-01", "Puskesmas Kebon Jeruk",
        judge="J2 Siti Nur'aini", score="87,50", results_version=3,
    )  # fmt: skip
    recap = DocumentClaim(DocumentKind.RECAP, "KMBK 2024", "", category="RSUD", results_version=3)
    minutes = DocumentClaim(DocumentKind.MINUTES, "KMBK 2024", "001/BA/DJ-KMBK/IX/2024")
    shared = DocumentClaim(
        DocumentKind.FEEDBACK, "", "RSS-02", "RS Siloam", "Rumah Sakit Swasta", rank=2,
        shared_rank=True,
    )  # fmt: skip
    said = [describe_claim(read_claim(sign_claim(c, key).text).claim) for c in (
        sheet, recap, minutes, shared)]  # fmt: skip
    assert [w.id for w in said] == [
        "Lembar Penilaian Juri: PKM-01 Puskesmas Kebon Jeruk, juri J2 Siti Nur'aini, "
        "nilai 87,50, hasil versi 3, KMBK 2024",
        "Rekapitulasi Nilai: kategori RSUD, hasil versi 3, KMBK 2024",
        "Berita Acara Hasil Penilaian: 001/BA/DJ-KMBK/IX/2024, hasil versi 0, KMBK 2024",
        "Lembar Umpan Balik: RSS-02 RS Siloam, Juara II (bersama) kategori Rumah Sakit Swasta, "
        "hasil versi 0",
    ]
    assert said[3].en == (
        "Feedback sheet: RSS-02 RS Siloam, Second place (shared), Rumah Sakit Swasta category, "
        "results version 0"
    )


def test_a_copied_code_on_a_forged_certificate_names_the_genuine_team_and_rank(
    key: ConventionKey,
) -> None:
    """A forger prints "PKM-05, Juara I" and copies the QR code of PKM-03's certificate:
    the code checks out, and its words name PKM-03 and its own place, not the forgery's."""
    genuine = sign_claim(certificate_claim("PKM-03", "Puskesmas Kecamatan Kalideres"), key)
    forged_page = {"team": "PKM-05", "institution": "Puskesmas Kecamatan Tambora"}
    words = describe_claim(read_claim(genuine.text).claim)
    for text in (words.id, words.en):
        assert "PKM-03 Puskesmas Kecamatan Kalideres" in text
        assert forged_page["team"] not in text and forged_page["institution"] not in text
    assert "Juara I kategori Puskesmas" in words.id
    assert "First place, Puskesmas category" in words.en
    third = sign_claim(
        DocumentClaim(**{**certificate_claim("PKM-05").__dict__, "rank": 3}), key
    )  # the forger's own team's genuine code says third place, not first
    assert "Juara III" in describe_claim(read_claim(third.text).claim).id


# --- length --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(DocumentKind))
@pytest.mark.parametrize("name", LONG_NAMES, ids=["latin", "javanese", "chinese", "emoji"])
def test_long_non_ascii_names_are_cut_to_fit(
    key: ConventionKey, kind: DocumentKind, name: str
) -> None:
    assert len(name) == 120
    claim = DocumentClaim(
        kind, name, name[:20], name, name, name, rank=255, shared_rank=True, advances=True,
        score="100,00", results_version=65535,
    )  # fmt: skip
    made = sign_claim(claim, key)
    assert len(made.text) <= MAX_CHARACTERS
    assert made.text.isascii()
    back = read_claim(made.text)
    assert back.claim == made.claim
    for text in (back.claim.convention, back.claim.subject_name, back.claim.judge):
        assert text.endswith("…") and name.startswith(text[:-1].rstrip())


def test_long_names_use_the_room_and_no_more(key: ConventionKey) -> None:
    lengths = [
        len(sign_claim(DocumentClaim(kind, name, name[:20], name, name, name, rank=1), key).text)
        for kind in DocumentKind
        for name in LONG_NAMES
    ]
    print(f"longest claim: {max(lengths)} characters")  # the figure, shown with -s
    assert max(lengths) <= MAX_CHARACTERS
    assert min(lengths) >= MAX_CHARACTERS - 12  # cut at words, yet not needlessly short


def test_cutting_keeps_a_trailing_year_and_leaves_short_texts_whole(key: ConventionKey) -> None:
    long = "Konvensi Mutu Bidang Kesehatan " + "dan Inovasi Pelayanan Publik " * 6 + "2025"
    made = sign_claim(
        DocumentClaim(DocumentKind.CERTIFICATE, long, "PKM-03", "Puskesmas Kalideres", "PKM"),
        key,
    ).claim
    assert made.convention.startswith("Konvensi Mutu Bidang") and made.convention.endswith("… 2025")
    assert (made.subject_code, made.subject_name, made.category) == (
        "PKM-03", "Puskesmas Kalideres", "PKM",
    )  # fmt: skip


def test_control_and_direction_characters_never_reach_the_words(key: ConventionKey) -> None:
    made = sign_claim(
        DocumentClaim(DocumentKind.CERTIFICATE, "KMBK\n2024", "PKM-03", "Puskesmas\u202e sikat"),
        key,
    ).claim
    assert made.convention == "KMBK 2024" and made.subject_name == "Puskesmas sikat"


@pytest.mark.parametrize(
    "change",
    [
        {"rank": 0},
        {"rank": 256},
        {"shared_rank": True},
        {"results_version": 65536},
        {"results_version": -1},
        {"score": "1234567890,1234567"},
    ],
)
def test_claims_no_document_makes_are_refused_when_signing(
    key: ConventionKey, change: dict[str, object]
) -> None:
    fields = {**certificate_claim().__dict__, "rank": None, **change}
    with pytest.raises(ValueError):
        sign_claim(DocumentClaim(**fields), key)  # type: ignore[arg-type]


# --- attacks --------------------------------------------------------------------------------


def test_every_single_bit_flip_of_the_binary_is_refused(signed: SignedClaim) -> None:
    binary = binary_of(signed.text)
    reasons = set()
    for position in range(len(binary)):
        for bit in range(8):
            changed = bytearray(binary)
            changed[position] ^= 1 << bit
            reasons.add(refused(text_of(bytes(changed))).en)
    assert len(binary) * 8 >= 1_000
    assert "the signature does not match: the code was altered" in reasons


def test_every_single_bit_flip_of_the_text_is_refused(signed: SignedClaim) -> None:
    text = signed.text
    for position in range(len(text)):
        for bit in range(8):
            changed = text[:position] + chr(ord(text[position]) ^ (1 << bit)) + text[position + 1 :]
            refused(changed)


def test_a_thousand_random_corruptions_of_text_and_binary_are_refused(
    signed: SignedClaim,
) -> None:
    rng = random.Random(20240919)
    binary = binary_of(signed.text)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .:é\0"
    for _ in range(1_000):
        changed = bytearray(binary)
        for _ in range(rng.randint(1, 6)):
            changed[rng.randrange(len(changed))] ^= 1 << rng.randrange(8)
        refused(text_of(bytes(changed)))
        chars = list(signed.text)
        for _ in range(rng.randint(1, 4)):
            chars[rng.randrange(len(chars))] = rng.choice(alphabet)
        if "".join(chars).strip() != signed.text:
            refused("".join(chars))


def test_every_truncation_is_refused(signed: SignedClaim) -> None:
    binary = binary_of(signed.text)
    for keep in range(len(binary)):
        refused(text_of(binary[:keep]))
    for keep in range(len(signed.text)):
        refused(signed.text[:keep])


def test_extra_bytes_after_the_signature_are_refused(signed: SignedClaim) -> None:
    binary = binary_of(signed.text)
    for extra in (b"\0", b"\x01\x02", b"xyz", bytes(range(7))):
        assert refused(text_of(binary + extra)).en == "there is extra data after the signature"
    for tail in ("A", "AA", "AAA", "AAAA", ".", ":x", "=", "=="):
        refused(signed.text + tail)
    refused(signed.text + "A" * MAX_CHARACTERS)


def test_wrong_prefix_is_refused(signed: SignedClaim) -> None:
    body = signed.text[len(CLAIM_PREFIX) :]
    for prefix in ("", "juryapp:", "JURYAPP1:", "JURYAPP2:", "JURYAPP;", "XJURYAPP:", "JURY:"):
        assert "not a juryapp code" in refused(prefix + body).en
    assert "not a juryapp code" in refused("https://example.org/" + signed.text).en


def test_another_format_version_or_kind_is_refused_even_when_signed(
    key: ConventionKey, signed: SignedClaim
) -> None:
    body = binary_of(signed.text)[:-97]
    for version in (0, 2, 255):
        text = resigned(key, bytes([version]) + body[1:])
        assert refused(text).en == f"unknown code format {version} (this juryapp reads format 1)"
    for kind in (0, max(DocumentKind) + 1, 200):
        text = resigned(key, body[:1] + bytes([kind]) + body[2:])
        assert refused(text).en == f"document kind {kind} is unknown to this juryapp"


@pytest.mark.parametrize(
    "edit",
    [
        lambda b: b[:2] + b"\x00\x01" + b[4:],  # shared rank without a rank
        lambda b: b[:3] + b"\x04" + b[4:],  # a flag no version defines
        lambda b: b[:6] + b"\x00" + b[6:],  # an empty convention, the rest shifted
        lambda b: b[:6] + b"\xff" + b[7:],  # a length beyond the data
        lambda b: b + b"\x00",  # a seventh text
    ],
    ids=["shared-without-rank", "unknown-flag", "shifted", "overlong", "seventh-text"],
)
def test_fields_no_encoder_writes_are_refused_even_when_signed(
    key: ConventionKey, signed: SignedClaim, edit: Callable[[bytes], bytes]
) -> None:
    refused(resigned(key, edit(binary_of(signed.text)[:-97])))


def test_untidy_or_invalid_texts_are_refused_even_when_signed(key: ConventionKey) -> None:
    head = struct.pack(">BBBBH", 1, 4, 1, 0, 2)
    for bad in (b"two  spaces", b" leading", b"new\nline", b"\xe2\x80\xae", b"\xc3", b"\xff"):
        texts = b"".join(bytes([len(t)]) + t for t in (bad, b"PKM-03", b"", b"", b"", b""))
        refused(resigned(key, head + texts))


def test_the_other_valid_signature_of_a_claim_high_s_is_refused(signed: SignedClaim) -> None:
    binary = binary_of(signed.text)
    r, s = binary[-64:-32], int.from_bytes(binary[-32:], "big")
    high = (P256_ORDER - s).to_bytes(32, "big")
    assert refused(text_of(binary[:-64] + r + high)).en == (
        "the signature does not match: the code was altered"
    )


def test_a_claim_with_another_key_swapped_in_is_refused(
    signed: SignedClaim, other_key: ConventionKey
) -> None:
    binary = binary_of(signed.text)
    swapped = binary[:-97] + public_key_point(other_key) + binary[-64:]
    refused(text_of(swapped))


def test_a_claim_re_signed_with_another_key_reads_under_that_key(
    key: ConventionKey, other_key: ConventionKey
) -> None:
    """Anyone can sign words of their choosing: the fingerprint tells whose they are."""
    forged = read_claim(sign_claim(certificate_claim(), other_key).text)
    assert forged.claim == read_claim(sign_claim(certificate_claim(), key).text).claim
    assert forged.fingerprint == fingerprint_of_certificate(other_key.certificate_pem)
    assert forged.fingerprint != fingerprint_of_certificate(key.certificate_pem)


@pytest.mark.parametrize("thing", [None, b"JURYAPP:AQ", 5, ["JURYAPP:"], "", "   ", "\x00"])
def test_anything_that_is_no_text_is_refused_with_a_claim_error(thing: object) -> None:
    refused(thing)
