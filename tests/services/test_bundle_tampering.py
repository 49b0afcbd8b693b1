"""Damaged and altered bundles: every bit flip and truncation is refused, the hub unchanged."""

from __future__ import annotations

import hashlib
import os
import random
from collections.abc import Callable
from decimal import Decimal

import pytest

from juryapp.domain.messages import FileProblemError, JuryError
from juryapp.services.log_format import BUNDLE_MAGIC, read_bundle
from tests.dump import logical_dump
from tests.services.laptop_fixtures import Hub, Laptop, hub, make_laptop, package

__all__ = ["hub", "make_laptop", "package"]

ATTEMPTS = int(os.environ.get("JURYAPP_TAMPER_ATTEMPTS", "1000"))


def with_checksum(content: bytes) -> bytes:
    """The bundle's body with a closing line made for it, as someone editing it would."""
    return content + b"end " + hashlib.sha256(content).hexdigest().encode() + b"\n"


@pytest.fixture
def genuine(make_laptop: Callable[[str], Laptop], hub: Hub) -> bytes:
    laptop = make_laptop("j1")
    j1 = laptop.sign_in("J1")
    laptop.fill(j1, "PKM-01", 4, submit=True)
    laptop.fill(j1, "PKM-02", 2)
    laptop.services.scoring.set_score(j1, "J1", "PKM-03", "K1", Decimal(5), "sangat jelas")
    data = laptop.bundle(j1)
    bundle = read_bundle(data, "asli")
    hub.judge_keys.enrol(hub.secretariat, "J1", bundle.public_key, bundle.fingerprint)
    return data


def test_every_flipped_bit_and_every_truncation_is_refused_and_nothing_changes(
    hub: Hub, genuine: bytes
) -> None:
    rng = random.Random(20241206)
    content = genuine[: genuine.rindex(b"end ")]
    before = logical_dump(hub.stack)
    kinds: dict[str, int] = {"flip": 0, "flip+checksum": 0, "truncated": 0}
    for attempt in range(ATTEMPTS):
        mode = ("flip", "flip+checksum", "truncated")[attempt % 3]
        if mode == "truncated":
            damaged = genuine[: rng.randrange(len(genuine))]
        else:
            source = genuine if mode == "flip" else content
            position = rng.randrange(len(source))
            flipped = bytearray(source)
            flipped[position] ^= 1 << rng.randrange(8)
            damaged = bytes(flipped) if mode == "flip" else with_checksum(bytes(flipped))
        with pytest.raises(JuryError) as refused:
            hub.hub.merge(hub.secretariat, damaged, "nilai-J1.jurylog", hub.key)
        assert isinstance(refused.value, FileProblemError), (mode, str(refused.value))
        assert "nilai-J1.jurylog" in str(refused.value)
        assert "\n" not in str(refused.value)
        kinds[mode] += 1
    assert logical_dump(hub.stack) == before
    assert sum(kinds.values()) == ATTEMPTS
    # and the genuine bundle itself goes in
    assert hub.hub.merge(hub.secretariat, genuine, "asli", hub.key).result.applied > 0


def test_refusals_say_what_is_wrong_in_one_line(hub: Hub, genuine: bytes) -> None:
    cases = {
        b"": "bukan bundel",
        genuine[: len(genuine) // 2]: "terpotong",
        genuine.replace(b'"value":"4"', b'"value":"5"', 1): "checksum",
        genuine.replace(f"{BUNDLE_MAGIC} 1".encode(), f"{BUNDLE_MAGIC} 2".encode()): "versi 2",
    }
    content = genuine[: genuine.rindex(b"end ")]
    cases[with_checksum(content.replace(b'"value":"4"', b'"value":"5"', 1))] = "rantai"
    lines = content.split(b"\n")
    cases[with_checksum(b"\n".join([*lines[:3], *lines[4:]]))] = "peristiwa"
    for data, expected in cases.items():
        with pytest.raises(FileProblemError, match=expected):
            hub.hub.merge(hub.secretariat, data, "b.jurylog", hub.key)
