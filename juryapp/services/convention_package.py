"""The convention package: what a judge's laptop is made from, signed by the convention key.

It holds the set-up (as the convention file's TOML), the convention's certificate, the judges'
accounts (their PIN hashes, so that the same PINs work), and the hub's LAN address and
certificate fingerprint when the LAN is used (see docs/score-bundle.md).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import tomllib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from juryapp.domain.messages import FileProblemError, Text
from juryapp.domain.model import ConventionSpec

if TYPE_CHECKING:
    from juryapp.reports.convention_key import ConventionKey

PACKAGE_MAGIC = "juryapp-convention-package"
PACKAGE_VERSION = 1


@dataclass(frozen=True)
class PackageAccount:
    username: str
    display_name: str
    judge: str
    password_hash: str


@dataclass(frozen=True)
class Package:
    convention: str  # the convention's uid
    spec: ConventionSpec
    is_demo: bool
    certificate_pem: bytes
    fingerprint: str  # the convention key's, as the minutes print it
    accounts: tuple[PackageAccount, ...]
    hub_address: str
    hub_certificate: str  # SHA-256 of the hub's TLS certificate, hex; "" without a LAN
    made_at: datetime
    made_by: str
    sha256: str


def write_package(
    *,
    convention: str,
    spec: ConventionSpec,
    is_demo: bool,
    key: ConventionKey,
    fingerprint: str,
    accounts: list[PackageAccount],
    hub_address: str,
    hub_certificate: str,
    made_at: datetime,
    made_by: str,
) -> bytes:
    import tomli_w  # noqa: PLC0415

    from juryapp.interchange.convention_writer import to_document  # noqa: PLC0415
    from juryapp.reports.convention_key import sign_payload  # noqa: PLC0415

    body = json.dumps(
        {
            "format": PACKAGE_VERSION,
            "convention": convention,
            "spec": tomli_w.dumps(to_document(spec)),
            "is_demo": is_demo,
            "certificate": key.certificate_pem.decode("ascii"),
            "fingerprint": fingerprint,
            "accounts": [vars(a) for a in accounts],
            "hub": {"address": hub_address, "certificate_sha256": hub_certificate},
            "made_at": made_at.isoformat(timespec="seconds"),
            "made_by": made_by,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    signature = sign_payload(key, body)
    return (
        f"{PACKAGE_MAGIC} {PACKAGE_VERSION}\n".encode()
        + body
        + b"\n"
        + base64.b64encode(signature)
        + b"\n"
    )


def read_package(data: bytes, file: str) -> Package:
    """A package whose signature holds for the certificate it carries; FileProblemError else.

    Who made it is settled by its key's fingerprint: the laptop shows it to compare with the
    secretariat's screen, and later packages must carry the same key.
    """
    from juryapp.interchange.convention_file import parse_convention  # noqa: PLC0415
    from juryapp.reports.convention_key import verify_payload  # noqa: PLC0415
    from juryapp.reports.fingerprint import fingerprint_of_certificate  # noqa: PLC0415

    def refuse(indonesian: str, english: str, **values: object) -> FileProblemError:
        return FileProblemError(Text(indonesian, english).format(**values), file=file)

    head, _, rest = data.partition(b"\n")
    magic, _, version = head.decode("ascii", "replace").partition(" ")
    if magic != PACKAGE_MAGIC:
        raise refuse("bukan paket konvensi juryapp", "not a juryapp convention package")
    if version.strip() != str(PACKAGE_VERSION):
        raise refuse(
            "paket konvensi format versi {v}; aplikasi ini membaca versi {r}",
            "convention package format version {v}; this app reads version {r}",
            v=version.strip()[:10] or "?",
            r=PACKAGE_VERSION,
        )
    body, _, signature_line = rest.partition(b"\n")
    if not signature_line.endswith(b"\n") or signature_line.count(b"\n") != 1:
        raise refuse("berkas terpotong", "the file is cut short")
    try:
        signature = base64.b64decode(signature_line.strip(), validate=True)
        fields = json.loads(body)
        certificate = str(fields["certificate"]).encode("ascii")
        valid = verify_payload(certificate, body, signature)
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise refuse("paket tidak terbaca", "the package cannot be read") from None
    if not valid:
        raise refuse(
            "tanda tangan paket tidak sah: paket rusak atau diubah",
            "the package's signature is not valid: it is damaged or was altered",
        )
    try:
        spec = parse_convention(tomllib.loads(fields["spec"]), file)
        fingerprint = fingerprint_of_certificate(certificate)
        if fingerprint != fields["fingerprint"]:
            raise ValueError("fingerprint")
        accounts = tuple(
            PackageAccount(
                str(a["username"]), str(a["display_name"]), str(a["judge"]), str(a["password_hash"])
            )
            for a in fields["accounts"]
        )
        hub: dict[str, Any] = fields["hub"]
        return Package(
            convention=str(fields["convention"]),
            spec=spec,
            is_demo=bool(fields["is_demo"]),
            certificate_pem=certificate,
            fingerprint=fingerprint,
            accounts=accounts,
            hub_address=str(hub["address"]),
            hub_certificate=str(hub["certificate_sha256"]),
            made_at=datetime.fromisoformat(fields["made_at"]),
            made_by=str(fields["made_by"]),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    except (KeyError, TypeError, ValueError, tomllib.TOMLDecodeError):
        raise refuse("isi paket tidak lengkap", "the package's content is incomplete") from None
