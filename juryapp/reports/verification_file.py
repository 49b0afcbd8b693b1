"""The published verification file: public key, signed results and every final document's hash.

A committee that holds this file and the fingerprint printed on the signed minutes can check a
stack of PDFs offline: the file is signed by the key with that fingerprint, and lists the
SHA-256 of each final document of its results version.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from juryapp.domain.messages import FileProblemError, Text
from juryapp.reports.convention_key import ConventionKey, sign_payload, verify_payload
from juryapp.reports.fingerprint import fingerprint_of_certificate, normal_fingerprint

__all__ = ["FORMAT", "PublishedResults", "read_verification_file", "signed_verification_file"]

FORMAT = "juryapp-verification-1"
_MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class PublishedResults:
    """A verification file whose signature checked out."""

    body: dict[str, Any]
    key_fingerprint: str

    @property
    def version(self) -> int:
        return int(self.body["results_version"])

    @property
    def convention(self) -> str:
        return str(self.body["convention"]["name"])

    def document_named_by(self, digest: str) -> str | None:
        """The name a listed document had, given its SHA-256, or None if not listed."""
        for document in self.body.get("documents", []):
            if document.get("sha256") == digest:
                return str(document.get("name", ""))
        return None


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def signed_verification_file(body: dict[str, Any], key: ConventionKey) -> bytes:
    """The file's bytes: ``body`` with the key's certificate, signed by the key."""
    body = {
        **body,
        "format": FORMAT,
        "key": {
            "fingerprint": fingerprint_of_certificate(key.certificate_pem),
            "certificate_pem": key.certificate_pem.decode("ascii"),
        },
    }
    signature = base64.urlsafe_b64encode(sign_payload(key, _canonical(body))).decode("ascii")
    document = {"body": body, "signature": signature}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode() + b"\n"


def read_verification_file(
    data: bytes, name: str, expected_fingerprint: str | None = None
) -> PublishedResults:
    """The file's content once its signature holds; FileProblemError saying why otherwise."""

    def refuse(indonesian: str, english: str, **values: object) -> FileProblemError:
        return FileProblemError(Text(indonesian, english).format(**values), file=name)

    if len(data) > _MAX_BYTES:
        raise refuse("berkas terlalu besar untuk berkas verifikasi", "too large for a "
                     "verification file")  # fmt: skip
    try:
        document = json.loads(data)
        body = document["body"]
        signature = base64.urlsafe_b64decode(document["signature"])
        certificate = body["key"]["certificate_pem"].encode("ascii")
        claimed = body["key"]["fingerprint"]
        if body["format"] != FORMAT:
            raise ValueError(body["format"])
        fingerprint = fingerprint_of_certificate(certificate)
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
        raise refuse(
            "bukan berkas verifikasi juryapp yang utuh", "not a whole juryapp verification file"
        ) from exc
    if claimed != fingerprint or not verify_payload(certificate, _canonical(body), signature):
        raise refuse(
            "tanda tangan berkas verifikasi tidak sah: berkas itu diubah",
            "the verification file's signature is not valid: the file was altered",
        )
    if expected_fingerprint is not None and normal_fingerprint(expected_fingerprint) != fingerprint:
        raise refuse(
            "berkas verifikasi ditandatangani kunci {k}, bukan {e}",
            "the verification file is signed by key {k}, not {e}",
            k=fingerprint,
            e=normal_fingerprint(expected_fingerprint),
        )
    return PublishedResults(body, fingerprint)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
