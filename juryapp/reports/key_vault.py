"""A private key at rest: AES-256-GCM under a key derived from a passphrase by Argon2id."""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

__all__ = ["KdfCost", "SealedKeyError", "WrongPassphraseError", "open_sealed", "seal"]

FORMAT = "juryapp-sealed-key-1"
_SALT_BYTES = 16
_NONCE_BYTES = 12
_KEY_BYTES = 32
_MAX_TIME, _MAX_MEMORY_KIB, _MAX_LANES = 20, 1 << 20, 16


@dataclass(frozen=True)
class KdfCost:
    """Argon2id's cost; stored with each sealed key, so a later change still opens old ones.

    The default is RFC 9106's second recommended choice (64 MiB, 3 passes, 4 lanes): about a
    third of a second here, once per lock or print run, and as costly for anyone guessing.
    """

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4

    @property
    def reasonable(self) -> bool:
        """Within what any laptop can pay: a damaged file must not ask for 100 GB of memory."""
        return (
            1 <= self.time_cost <= _MAX_TIME
            and 8 <= self.memory_kib <= _MAX_MEMORY_KIB
            and 1 <= self.parallelism <= _MAX_LANES
        )


class SealedKeyError(ValueError):
    """A sealed key that is damaged or not in this format."""


class WrongPassphraseError(SealedKeyError):
    """The passphrase does not open the sealed key."""


def _derive(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    # NFC: the same passphrase typed on another keyboard layout or system gives the same bytes.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(
        secret,
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=_KEY_BYTES,
        type=Type.ID,
    )


def _associated(header: dict[str, object], context: bytes) -> bytes:
    # The cost, salt and the key's identity are authenticated with the ciphertext: a sealed
    # key moved onto another certificate, or given cheaper parameters, does not open.
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode() + b"\0" + context


def seal(secret: bytes, passphrase: str, *, context: bytes, cost: KdfCost | None = None) -> bytes:
    """``secret`` encrypted under ``passphrase``; ``context`` names what it belongs to."""
    cost = cost or KdfCost()
    salt, nonce = os.urandom(_SALT_BYTES), os.urandom(_NONCE_BYTES)
    header: dict[str, object] = {
        "format": FORMAT,
        "kdf": "argon2id",
        "t": cost.time_cost,
        "m": cost.memory_kib,
        "p": cost.parallelism,
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
    }
    box = AESGCM(_derive(passphrase, salt, cost))
    ciphertext = box.encrypt(nonce, secret, _associated(header, context))
    return json.dumps({**header, "ciphertext": base64.b64encode(ciphertext).decode()}).encode()


def open_sealed(sealed: bytes, passphrase: str, *, context: bytes) -> bytes:
    """The secret inside ``sealed``; WrongPassphraseError if the passphrase does not open it."""
    try:
        stored = json.loads(sealed)
        header = {k: stored[k] for k in ("format", "kdf", "t", "m", "p", "salt", "nonce")}
        ciphertext = base64.b64decode(stored["ciphertext"], validate=True)
        salt = base64.b64decode(str(header["salt"]), validate=True)
        nonce = base64.b64decode(str(header["nonce"]), validate=True)
        cost = KdfCost(int(header["t"]), int(header["m"]), int(header["p"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise SealedKeyError("the sealed key is damaged") from exc
    if header["format"] != FORMAT or header["kdf"] != "argon2id":
        raise SealedKeyError("the sealed key is in an unknown format")
    if len(salt) != _SALT_BYTES or len(nonce) != _NONCE_BYTES or not cost.reasonable:
        raise SealedKeyError("the sealed key is damaged")
    try:
        return AESGCM(_derive(passphrase, salt, cost)).decrypt(
            nonce, ciphertext, _associated(header, context)
        )
    except InvalidTag:
        raise WrongPassphraseError("the passphrase does not open the key") from None
