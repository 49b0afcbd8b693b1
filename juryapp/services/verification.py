"""Certifying results to people outside the room: checking a PDF here, the verification file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from juryapp.domain.access import Actor, require_reader, require_secretariat
from juryapp.domain.messages import StateError, Text
from juryapp.domain.results import compute_results
from juryapp.interchange.files import write_atomically
from juryapp.persistence.database import Database
from juryapp.persistence.tables import PrintedDocumentRow
from juryapp.services import audit
from juryapp.services.keys import KeyService
from juryapp.services.publishing import read_for_print
from juryapp.services.seal import latest_seal
from juryapp.services.snapshot import convention_row

if TYPE_CHECKING:
    from juryapp.reports.verification import PdfVerdict


@dataclass(frozen=True)
class Verification:
    """What ``juryapp verify`` reports about one PDF, checked against this database."""

    verdict: PdfVerdict
    version: int | None
    fingerprint: str | None
    key_fingerprint: str | None  # the signer's key, "7K3M-Q9XA-…"
    known_key: bool  # one of this convention's keys, current or retired
    database_version: int | None
    database_fingerprint: str | None
    database_locked: bool
    seal_findings: tuple[str, ...]  # the database no longer matches its seal, when not empty

    @property
    def matches_database(self) -> bool:
        """The file certifies exactly these results (a damaged file certifies nothing)."""
        return (
            self.verdict.intact
            and self.fingerprint is not None
            and self.fingerprint == self.database_fingerprint
            and self.version == self.database_version
            and not self.seal_findings
        )

    @property
    def ok(self) -> bool:
        return self.verdict.ok and self.matches_database and self.database_locked


@dataclass(frozen=True)
class PublishedSummary:
    version: int
    categories: int
    documents: int


class VerificationService:
    def __init__(self, database: Database, keys: KeyService) -> None:
        self._db = database
        self._keys = keys

    def export(self, actor: Actor, path: Path, passphrase: str) -> PublishedSummary:
        """The signed verification file of the locked results, for anyone to check PDFs with."""
        from juryapp.domain.formatting import format_score  # noqa: PLC0415
        from juryapp.reports.verification_file import signed_verification_file  # noqa: PLC0415

        require_secretariat(actor)
        key = self._keys.unlock(actor, passphrase)
        reading = read_for_print(self._db, check_seal=True)
        snapshot = reading.snapshot
        if not snapshot.locked or reading.seal_findings:
            raise StateError(
                Text(
                    "berkas verifikasi hanya untuk hasil yang terkunci dan utuh (periksa dengan "
                    "juryapp audit verify)",
                    "a verification file is only for locked, intact results (check with "
                    "juryapp audit verify)",
                )
            )
        with self._db.reading() as session:
            connection = session.connection()
            seal = latest_seal(connection)
            uid = convention_row(session).uid
            documents = [
                {"name": name, "kind": kind, "sha256": digest}
                for name, kind, digest in session.execute(
                    select(
                        PrintedDocumentRow.name, PrintedDocumentRow.kind, PrintedDocumentRow.sha256
                    )
                    .where(PrintedDocumentRow.version == snapshot.version)
                    .order_by(PrintedDocumentRow.id)
                )
            ]
        results = compute_results(snapshot.spec, snapshot.sheets, snapshot.decisions)
        body = {
            "convention": {"name": snapshot.spec.info.name, "uid": uid},
            "results_version": snapshot.version,
            "results_fingerprint": reading.fingerprint,
            "audit_head": {"seq": seal.audit_seq, "hash": seal.audit_hash} if seal else None,
            "method": results.method.value,
            "categories": [
                {
                    "code": c.code,
                    "name": c.name,
                    "quota": c.quota,
                    "teams": [
                        {
                            "code": t.code,
                            "institution": t.institution,
                            "title": t.title,
                            "rank": t.rank,
                            "score": format_score(t.score) if t.score is not None else None,
                            "advances": t.advances,
                            "tied": t.tied,
                        }
                        for t in c.teams
                    ],
                }
                for c in results.categories
            ],
            "documents": documents,
        }
        write_atomically(path, signed_verification_file(body, key))
        with self._db.writing() as session:
            audit.record(session, actor, "verification.export", path.name, version=snapshot.version)
        return PublishedSummary(snapshot.version, len(results.categories), len(documents))

    # -- verification ------------------------------------------------------------------------
    def verify(self, actor: Actor, path: Path) -> Verification:
        """A PDF checked against this convention's keys and its sealed results."""
        from juryapp.reports.document_info import (  # noqa: PLC0415
            INFO_RESULTS_FINGERPRINT,
            INFO_RESULTS_VERSION,
        )
        from juryapp.reports.verification import read_document_info, verify_pdf  # noqa: PLC0415

        require_reader(actor)
        data = path.read_bytes()
        keys = self._keys.all(actor)
        signer = verify_pdf(data, None)
        trusted = next((k for k in keys if k.key_id == signer.key_id), None)
        if trusted is not None:
            verdict = verify_pdf(data, trusted.certificate_pem)
        elif keys:  # signed by a stranger: checked against the active key, which it is not
            verdict = verify_pdf(data, keys[-1].certificate_pem)
        else:
            verdict = signer
        info = read_document_info(data) if verdict.signed else {}
        version_text = info.get(INFO_RESULTS_VERSION, "")
        reading = read_for_print(self._db, check_seal=True)
        return Verification(
            verdict=verdict,
            version=int(version_text) if version_text.isdigit() else None,
            fingerprint=info.get(INFO_RESULTS_FINGERPRINT),
            key_fingerprint=trusted.fingerprint if trusted else None,
            known_key=trusted is not None,
            database_version=reading.snapshot.version,
            database_fingerprint=reading.fingerprint,
            database_locked=reading.snapshot.locked,
            seal_findings=reading.seal_findings,
        )
