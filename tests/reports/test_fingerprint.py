"""Key fingerprints as printed on the minutes: stable, readable, and forgiving of typing."""

from __future__ import annotations

import re

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from juryapp.domain.messages import ValidationError
from juryapp.reports.fingerprint import (
    fingerprint_of_public_key,
    key_fingerprint,
    normal_fingerprint,
)

PRINTED = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4}")


def test_a_fingerprint_is_five_groups_of_four_unambiguous_characters() -> None:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    printed = fingerprint_of_public_key(key)
    assert PRINTED.fullmatch(printed)
    assert fingerprint_of_public_key(key) == printed


def test_the_fingerprint_is_the_first_100_bits_of_the_keys_sha256() -> None:
    # SHA-256("") starts e3 b0 c4: 11100 01110 11000 01100 0100… = W E R C …
    assert key_fingerprint(b"").startswith("WERC-")


def test_different_keys_give_different_fingerprints() -> None:
    keys = [ec.generate_private_key(ec.SECP256R1()).public_key() for _ in range(20)]
    assert len({fingerprint_of_public_key(k) for k in keys}) == 20


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("wer6 8ab1 0000 0000 0000", "WER6-8AB1-0000-0000-0000"),
        ("WER68AB1OOOOOOOOOOOO", "WER6-8AB1-0000-0000-0000"),  # O read as 0
        ("wer6-8abl-0000-0000-000i", "WER6-8AB1-0000-0000-0001"),  # l and i read as 1
    ],
)
def test_typed_fingerprints_are_read_generously(typed: str, printed: str) -> None:
    assert normal_fingerprint(typed) == printed


@pytest.mark.parametrize("typed", ["", "WER6-8AB1", "WER6-8AB1-0000-0000-000U", "u" * 20])
def test_a_wrong_fingerprint_is_refused_with_the_form_it_should_have(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        normal_fingerprint(typed)
    assert "7K3M-Q9XA" in str(refused.value)
