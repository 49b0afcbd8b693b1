"""Checks a release folder (a USB stick) against its signed SHA256SUMS manifest."""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.serialization import load_pem_public_key

MANIFEST = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"
CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def manifest_text(folder: Path, names: Iterable[str]) -> str:
    """``sha256sum`` format ("<hex>  <name>"), sorted, so ``sha256sum -c`` reads it too."""
    lines = [f"{sha256_of(folder / name)}  {name}\n" for name in sorted(names)]
    return "".join(lines)


def parse_manifest(text: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or not name:
            raise ValueError(f"{MANIFEST} line {number} is not '<sha256>  <name>'")
        name = name.removeprefix("*")  # sha256sum's binary-mode marker
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise ValueError(f"{MANIFEST} line {number} names a file outside the folder")
        entries[name] = digest.lower()
    return entries


def verify_signature(public_key_pem: bytes, data: bytes, signature: bytes) -> bool:
    """Ed25519 or ECDSA (SHA-256) signature of ``data`` by the release key."""
    key = load_pem_public_key(public_key_pem)
    try:
        if isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, data)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        else:
            raise ValueError("the release key must be Ed25519 or ECDSA")
    except InvalidSignature:
        return False
    return True


@dataclass
class Report:
    signature_ok: bool
    good: list[str]
    bad: list[str]
    missing: list[str]
    unlisted: list[str]

    @property
    def ok(self) -> bool:
        return self.signature_ok and not self.bad and not self.missing


def check_folder(folder: Path, public_key_pem: bytes) -> Report:
    manifest = (folder / MANIFEST).read_bytes()
    signature = (folder / SIGNATURE).read_bytes()
    signature_ok = verify_signature(public_key_pem, manifest, signature)
    entries = parse_manifest(manifest.decode("utf-8"))
    good: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    for name, digest in entries.items():
        path = folder / name
        if not path.is_file():
            missing.append(name)
        elif sha256_of(path) != digest:
            bad.append(name)
        else:
            good.append(name)
    known = set(entries) | {MANIFEST, SIGNATURE}
    unlisted = sorted(
        str(p.relative_to(folder).as_posix())
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).as_posix() not in known
    )
    return Report(signature_ok, good, bad, missing, unlisted)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Check a juryapp release folder against its signed SHA256SUMS."
    )
    parser.add_argument("folder", type=Path, help="the stick or release folder")
    parser.add_argument(
        "--public-key",
        type=Path,
        required=True,
        help="the release public key (PEM), obtained separately from the stick",
    )
    args = parser.parse_args(argv)
    try:
        report = check_folder(args.folder, args.public_key.read_bytes())
    except (OSError, ValueError) as exc:
        print(f"verify_stick: {exc}", file=sys.stderr)
        return 2
    print(f"signature of {MANIFEST}: {'valid' if report.signature_ok else 'INVALID'}")
    for name in report.good:
        print(f"  OK       {name}")
    for name in report.bad:
        print(f"  CHANGED  {name}")
    for name in report.missing:
        print(f"  MISSING  {name}")
    for name in report.unlisted:
        print(f"  (not in the manifest: {name})")
    print("stick verified" if report.ok else "stick NOT verified: do not use these files")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
