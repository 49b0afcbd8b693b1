"""The seal of locked results: every fact any document shows, signed with the convention key."""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from juryapp.domain.messages import Text
from juryapp.persistence.tables import AuditRow, ConventionRow, ResultsSealRow, SigningKeyRow
from juryapp.services import state

if TYPE_CHECKING:
    from juryapp.reports.convention_key import ConventionKey

SEAL_FORMAT = "juryapp-seal-1"
MAX_LISTED = 12  # differences listed one per line; the rest are counted


@dataclass(frozen=True)
class Finding:
    """One thing a check found wrong, said in one line."""

    kind: str  # "chain", "replay", "setup", "seal", "key", "anchor"
    text: Text

    def __str__(self) -> str:
        return str(self.text)


@dataclass(frozen=True)
class SealInfo:
    version: int
    sealed_at: datetime
    sealed_by: str
    key_fingerprint: str
    audit_seq: int
    audit_hash: str
    content_hash: str

    @property
    def head(self) -> str:
        """The audit head as printed on the minutes: "#1234 · 3f9a…c2e1"."""
        return printed_head(self.audit_seq, self.audit_hash)


def printed_head(seq: int, digest: str) -> str:
    return f"#{seq} · {digest[:4]}…{digest[-4:]}"


def signed_bytes(info: SealInfo) -> bytes:
    """What the seal's signature covers, in a form that cannot be read two ways."""
    return json.dumps(
        [
            SEAL_FORMAT,
            info.version,
            info.sealed_at.isoformat(),
            info.sealed_by,
            info.key_fingerprint,
            info.audit_seq,
            info.audit_hash,
            info.content_hash,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


def write_seal(
    connection: Connection, info_without_content: SealInfo, content: bytes, key: ConventionKey
) -> None:
    """Sign ``info`` and store it with the sealed facts, in the caller's transaction."""
    from juryapp.reports.convention_key import sign_payload  # noqa: PLC0415

    connection.execute(
        ResultsSealRow.__table__.insert(),  # type: ignore[attr-defined]
        {
            "version": info_without_content.version,
            "sealed_at": info_without_content.sealed_at,
            "sealed_by": info_without_content.sealed_by,
            "key_fingerprint": info_without_content.key_fingerprint,
            "audit_seq": info_without_content.audit_seq,
            "audit_hash": info_without_content.audit_hash,
            "content_hash": info_without_content.content_hash,
            "content": zlib.compress(content, 6),
            "signature": sign_payload(key, signed_bytes(info_without_content)),
        },
    )


def latest_seal(connection: Connection) -> SealInfo | None:
    row = connection.execute(
        select(ResultsSealRow).order_by(ResultsSealRow.id.desc()).limit(1)
    ).first()
    return None if row is None else _info(row._mapping)


def _info(row: Any) -> SealInfo:
    return SealInfo(
        version=row["version"],
        sealed_at=row["sealed_at"],
        sealed_by=row["sealed_by"],
        key_fingerprint=row["key_fingerprint"],
        audit_seq=row["audit_seq"],
        audit_hash=row["audit_hash"],
        content_hash=row["content_hash"],
    )


def seal_findings(connection: Connection, facts: state.Facts | None = None) -> list[Finding]:
    """Whether every seal is sound, and whether the database still matches the latest one.

    ``facts`` are the database's facts if the caller has read them already.
    """
    from juryapp.reports.convention_key import verify_payload  # noqa: PLC0415

    findings: list[Finding] = []
    convention = connection.execute(
        select(ConventionRow.results_locked, ConventionRow.results_version).limit(1)
    ).first()
    if convention is None:
        return findings
    locked, version = bool(convention[0]), int(convention[1])
    certificates = dict(
        connection.execute(select(SigningKeyRow.fingerprint, SigningKeyRow.certificate_pem)).all()
    )
    seals = connection.execute(select(ResultsSealRow).order_by(ResultsSealRow.id)).all()
    latest: tuple[SealInfo, bytes] | None = None
    for row in seals:
        mapping = row._mapping
        info = _info(mapping)
        certificate = certificates.get(info.key_fingerprint)
        if certificate is None:
            findings.append(_finding(
                "seal", "segel versi {v} ditandatangani kunci {k} yang tidak ada di basis data",
                "the seal of version {v} is signed by key {k}, which is not in the database",
                v=info.version, k=info.key_fingerprint,
            ))  # fmt: skip
            continue
        if not verify_payload(certificate, signed_bytes(info), bytes(mapping["signature"])):
            findings.append(_finding(
                "seal", "tanda tangan segel versi {v} tidak sah: segel itu diubah",
                "the signature of the seal of version {v} is not valid: the seal was altered",
                v=info.version,
            ))  # fmt: skip
            continue
        try:
            content = zlib.decompress(bytes(mapping["content"]))
        except zlib.error:
            content = b""
        if hashlib.sha256(content).hexdigest() != info.content_hash:
            findings.append(_finding(
                "seal", "isi segel versi {v} yang tersimpan diubah",
                "the stored content of the seal of version {v} was altered",
                v=info.version,
            ))  # fmt: skip
            continue
        event = connection.execute(
            select(AuditRow.hash).where(AuditRow.seq == info.audit_seq)
        ).scalar()
        if event != info.audit_hash:
            findings.append(_finding(
                "seal", "jejak audit tidak lagi memuat kepala {h} yang disegel pada versi {v}: "
                "jejak itu ditulis ulang",
                "the audit trail no longer holds the head {h} sealed with version {v}: it was "
                "rewritten",
                h=info.head, v=info.version,
            ))  # fmt: skip
        latest = (info, content)
    if not locked:
        return findings
    if latest is None or latest[0].version != version:
        findings.append(_finding(
            "seal", "hasil versi {v} terkunci tanpa segel", "results version {v} are locked "
            "without a seal", v=version,
        ))  # fmt: skip
        return findings
    now = facts if facts is not None else state.convention_facts(connection)
    if state.digest(now) != latest[0].content_hash:
        findings.extend(differences(state.from_canonical(latest[1]), now, latest[0].version))
    return findings


def differences(sealed: state.Facts, now: state.Facts, version: int) -> list[Finding]:
    """One line per fact that differs from the seal, the first ``MAX_LISTED`` of them."""
    paths = sorted(set(sealed) | set(now))
    changed = [
        narrowed
        for path in paths
        for narrowed in _narrowed(path, sealed.get(path, _MISSING), now.get(path, _MISSING))
    ]
    findings = [
        _finding(
            "seal",
            "berbeda dari segel versi {v}: {p} — disegel {a}, sekarang {b}",
            "differs from the seal of version {v}: {p} — sealed {a}, now {b}",
            v=version,
            p="/".join(path),
            a=_shown(was),
            b=_shown(now_value),
        )
        for path, was, now_value in changed[:MAX_LISTED]
    ]
    if len(changed) > MAX_LISTED:
        findings.append(_finding(
            "seal", "… dan {n} perbedaan lain dari segel versi {v}",
            "… and {n} more differences from the seal of version {v}",
            n=len(changed) - MAX_LISTED, v=version,
        ))  # fmt: skip
    return findings


def _narrowed(path: tuple[str, ...], was: object, now: object) -> list[tuple[Any, ...]]:
    """The differing leaves under ``path``: a sheet's field or one score, not the whole sheet."""
    if was == now:
        return []
    if isinstance(was, dict) and isinstance(now, dict):
        return [
            leaf
            for key in sorted(set(was) | set(now))
            for leaf in _narrowed((*path, str(key)), was.get(key, _MISSING), now.get(key, _MISSING))
        ]
    if isinstance(was, list) and isinstance(now, list):  # conflicts, ties: the entries apart
        gone = [entry for entry in was if entry not in now]
        new = [entry for entry in now if entry not in was]
        if gone or new:
            return [(path, gone, new)]
    return [(path, was, now)]


_MISSING = object()


def _shown(value: object) -> str:
    if value is _MISSING:
        return "(tidak ada / none)"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _finding(kind: str, indonesian: str, english: str, **values: object) -> Finding:
    return Finding(kind, Text(indonesian, english).format(**values))
