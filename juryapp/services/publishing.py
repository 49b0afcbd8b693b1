"""Printing and certifying results: the signing key, signed PDFs on disk, and verification."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp.domain.access import Actor, require_reader, require_secretariat
from juryapp.domain.messages import StateError, Text
from juryapp.domain.results import compute_results
from juryapp.interchange.file_names import output_path, safe_file_name
from juryapp.interchange.files import make_folder, write_atomically
from juryapp.persistence.database import Database
from juryapp.persistence.tables import PrintedDocumentRow
from juryapp.reports.model import DocumentData, DocumentSet, DocumentStamp, Paper
from juryapp.services import audit, state
from juryapp.services.documents import DocumentInputs, build_document_set
from juryapp.services.keys import KeyService
from juryapp.services.results import ResultsService, Snapshot, read_snapshot
from juryapp.services.seal import seal_findings
from juryapp.services.setup import SetupService
from juryapp.services.snapshot import load_notes

if TYPE_CHECKING:
    from juryapp.reports.documents import ProducedFile
    from juryapp.reports.signing import ConventionKey, SignatureRequest

# ReportLab, pyHanko and pypdf load on first use, not when the app starts (they are most of
# the import time of the services).

Progress = Callable[[int, int, str], None]


class Kind(StrEnum):
    """The document kinds ``juryapp report --documents`` accepts."""

    SHEETS = "sheets"
    BLANK = "blank"
    RECAP = "recap"
    MINUTES = "minutes"
    CERTIFICATES = "certificates"
    FEEDBACK = "feedback"


FILE_NAMES: dict[str, dict[str, str]] = {
    "id": {
        Kind.SHEETS: "lembar-penilaian",
        Kind.BLANK: "formulir-penilaian-kosong",
        Kind.RECAP: "rekapitulasi",
        Kind.MINUTES: "berita-acara",
        Kind.CERTIFICATES: "piagam",
        Kind.FEEDBACK: "umpan-balik",
        "all": "semua-dokumen",
    },
    "en": {
        Kind.SHEETS: "score-sheets",
        Kind.BLANK: "blank-score-forms",
        Kind.RECAP: "recap",
        Kind.MINUTES: "minutes",
        Kind.CERTIFICATES: "certificate",
        Kind.FEEDBACK: "feedback",
        "all": "all-documents",
    },
}


@dataclass(frozen=True)
class Written:
    kind: str
    path: Path
    signed: bool


@dataclass(frozen=True)
class Reading:
    """Everything one print run needs from the database, read in one transaction."""

    snapshot: Snapshot
    notes: dict[tuple[str, str], tuple[str, dict[str, str]]]
    fingerprint: str
    seal_findings: tuple[str, ...]


class PublishingService:
    def __init__(
        self, database: Database, results: ResultsService, setup: SetupService, keys: KeyService
    ) -> None:
        self._db = database
        self._results = results
        self._setup = setup
        self._keys = keys

    # -- printing ----------------------------------------------------------------------------
    def publish(
        self,
        actor: Actor,
        out_dir: Path,
        *,
        passphrase: str | None = None,
        lang: str = "id",
        kinds: Iterable[Kind] | None = None,
        paper: Paper = "A4",
        progress: Progress | None = None,
        printed_at: datetime | None = None,
    ) -> list[Written]:
        """Write every chosen document as its own PDF plus one combined file for printing.

        Before the lock the documents carry a DRAFT watermark and are not signed; after it,
        each is signed with the convention's key (opened by ``passphrase``) and certifies the
        sealed results. Finals are refused while the database differs from its seal.
        """
        from juryapp.reports.collection import collection_paused  # noqa: PLC0415
        from juryapp.reports.documents import PdfJoiner  # noqa: PLC0415
        from juryapp.reports.signing import (  # noqa: PLC0415
            INFO_RESULTS_FINGERPRINT,
            INFO_RESULTS_VERSION,
            SignatureRequest,
            qr_payload,
        )

        require_reader(actor)
        chosen = list(kinds) if kinds is not None else list(Kind)
        locked = self._results.lock_state(actor).locked
        key = self._final_key(actor, passphrase) if locked else None
        reading = read_for_print(self._db, check_seal=locked)
        snapshot = reading.snapshot
        _refuse_unsealed(reading, locked)
        # from the same snapshot: loading it again for compute() cost as much as the engine
        results = compute_results(snapshot.spec, snapshot.sheets, snapshot.decisions)
        documents = build_document_set(
            DocumentInputs(snapshot, results, reading.notes, self._setup.signatures(), lang)
        )
        fingerprint = reading.fingerprint
        stamp = DocumentStamp(
            lang="en" if lang == "en" else "id",
            printed_at=printed_at or datetime.now().replace(microsecond=0),
            draft=not snapshot.locked,
            results_version=snapshot.version,
            results_fingerprint=fingerprint,
            key_id=key.key_id if key else None,
            certificate_fingerprint=key.certificate_fingerprint if key else None,
            qr_payload=qr_payload(fingerprint, snapshot.version, key) if key else None,
            paper=paper,
        )
        signature = (
            SignatureRequest(
                key,
                reason="Hasil penilaian dewan juri",
                location=snapshot.spec.info.city,
                document_info={
                    INFO_RESULTS_FINGERPRINT: fingerprint,
                    INFO_RESULTS_VERSION: str(snapshot.version),
                },
            )
            if key
            else None
        )
        names = FILE_NAMES["en" if lang == "en" else "id"]
        jobs = _jobs(documents, [c.code for c in results.categories], chosen, names)
        make_folder(out_dir)
        written: list[Written] = []
        hashes: list[tuple[str, str, str]] = []
        total = len(jobs) + 1
        # The combined file holds the same pages as the single files, in the same order, each
        # document numbered on its own: joining the unsigned files avoids laying it all out twice.
        joiner = PdfJoiner()
        with collection_paused(), closing(_produced(jobs, stamp, signature)) as files:
            for done, ((kind, name, _parts), produced) in enumerate(zip(jobs, files, strict=True)):
                if progress is not None:
                    progress(done, total, name)
                path = output_path(out_dir, f"{name}.pdf")
                write_atomically(path, produced.final)
                written.append(Written(kind, path, key is not None))
                hashes.append((kind, path.name, _sha256(produced.final)))
                joiner.add(produced.unsigned)
            if progress is not None:
                progress(total - 1, total, names["all"])
            combined = joiner.joined()
            path = output_path(out_dir, f"{names['all']}.pdf")
            final = signature.apply(combined) if signature else combined
            write_atomically(path, final)
            written.append(Written("all", path, key is not None))
            hashes.append(("all", path.name, _sha256(final)))
        if progress is not None:
            progress(total, total, "")
        if self._db.read_only is not None:  # drafts from a read-only database: no record
            return written
        self._record_print(
            actor, out_dir, snapshot.version, fingerprint, hashes, signed=key is not None
        )
        return written

    def _final_key(self, actor: Actor, passphrase: str | None) -> ConventionKey:
        """The signing key for final documents, opened with its passphrase."""
        require_secretariat(actor)
        if self._db.read_only is not None:  # signed prints are recorded
            raise StateError(
                Text(
                    "{r}; dokumen bertanda tangan hanya dicetak dari basis data yang dapat "
                    "ditulisi, yang mencatat pencetakannya",
                    "{r}; signed documents are printed only from a database that can be "
                    "written, which records the printing",
                ).format(r=self._db.read_only)
            )
        if not passphrase:
            raise StateError(
                Text(
                    "dokumen final ditandatangani: masukkan frasa sandi kunci tanda tangan",
                    "final documents are signed: give the signing key's passphrase",
                )
            )
        return self._keys.unlock(actor, passphrase)

    def _record_print(
        self,
        actor: Actor,
        out_dir: Path,
        version: int,
        fingerprint: str,
        hashes: list[tuple[str, str, str]],
        *,
        signed: bool,
    ) -> None:
        """The print run in the trail; a signed run's files by hash, for the verification file."""
        with self._db.writing() as session:
            now = audit.now()
            if signed:
                session.add_all(
                    PrintedDocumentRow(
                        version=version, kind=kind, name=name, sha256=digest, printed_at=now
                    )
                    for kind, name, digest in hashes
                )
            audit.record(
                session,
                actor,
                "documents.print",
                str(out_dir),
                files=len(hashes),
                version=version,
                fingerprint=fingerprint,
                signed=signed,
            )


def _refuse_unsealed(reading: Reading, locked: bool) -> None:
    """Finals only from a database that still matches its seal, and still locked."""
    if reading.snapshot.locked and reading.seal_findings:
        raise StateError(
            Text(
                "basis data tidak lagi sama dengan hasil yang dikunci ({f}); dokumen final "
                "tidak dicetak — periksa dengan juryapp audit verify",
                "the database no longer matches the locked results ({f}); no final "
                "documents were printed — check with juryapp audit verify",
            ).format(f=reading.seal_findings[0])
        )
    if reading.snapshot.locked != locked:
        raise StateError(Text("status kunci berubah; coba lagi", "the lock changed; try again"))


def read_for_print(database: Database, *, check_seal: bool) -> Reading:
    """The snapshot, notes, fingerprint and (if asked) seal findings, in one transaction."""
    with database.reading() as session:
        connection = session.connection()
        facts = state.convention_facts(connection)
        found = seal_findings(connection, facts) if check_seal else []
        return Reading(
            snapshot=read_snapshot(session),
            notes=load_notes(session),
            fingerprint=state.digest(facts),
            seal_findings=tuple(str(f) for f in found),
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# A print run of more documents than this (a page or more each) is laid out and signed by
# worker processes; smaller ones, like the demo's, stay in this process and need no start-up.
PARALLEL_FROM = 200
WORKERS = 2
BATCH_DOCUMENTS = 20

Job = tuple[str, str, list[DocumentData]]


def _produced(
    jobs: list[Job], stamp: DocumentStamp, signature: SignatureRequest | None
) -> Generator[ProducedFile, None, None]:
    """Each job's file, rendered and signed, in the order of ``jobs``.

    Large runs are rendered and signed by ``WORKERS`` processes while this one writes the
    files already done and joins them into the combined file; one-document files go to the
    workers in batches, as a task's round trip cost as much as a small file. Workers are
    spawned, not forked: the GUI calls this beside its own threads, and spawning is what
    Windows and macOS do anyway (the frozen app's entry point calls
    ``multiprocessing.freeze_support`` for it).
    """
    from juryapp.reports.documents import produce_file, produce_files  # noqa: PLC0415

    workers = min(WORKERS, os.cpu_count() or 1)
    if workers < 2 or sum(len(parts) for _, _, parts in jobs) <= PARALLEL_FROM:
        for _kind, _name, parts in jobs:
            yield produce_file(parts, stamp, signature)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        batches = _batches([parts for _, _, parts in jobs])
        futures = [pool.submit(produce_files, batch, stamp, signature) for batch in batches]
        for future in futures:
            yield from future.result()
    finally:
        # on a failure (or a caller that stops early) the work not yet started is dropped
        pool.shutdown(wait=True, cancel_futures=True)


def _batches(files: list[list[DocumentData]]) -> list[list[list[DocumentData]]]:
    """Consecutive files grouped into worker tasks of about ``BATCH_DOCUMENTS`` documents."""
    batches: list[list[list[DocumentData]]] = []
    size = BATCH_DOCUMENTS
    for documents in files:
        if size >= BATCH_DOCUMENTS:
            batches.append([])
            size = 0
        batches[-1].append(documents)
        size += len(documents)
    return batches


def _jobs(
    documents: DocumentSet, category_codes: list[str], chosen: list[Kind], names: dict[str, str]
) -> list[Job]:
    """Which PDF files to write: one per document a person handles on its own."""
    jobs: list[Job] = []
    sheets = [s for s in documents.score_sheets if not s.blank]
    blanks = [s for s in documents.score_sheets if s.blank]
    if Kind.SHEETS in chosen:
        # One file per judge: the sheets a judge signs together.
        for judge in dict.fromkeys(s.judge.code for s in sheets if s.judge is not None):
            mine = [s for s in sheets if s.judge is not None and s.judge.code == judge]
            jobs.append((Kind.SHEETS, safe_file_name(f"{names[Kind.SHEETS]}-{judge}"), list(mine)))
    if Kind.BLANK in chosen and blanks:
        jobs.append((Kind.BLANK, names[Kind.BLANK], list(blanks)))
    if Kind.RECAP in chosen:
        for recap, code in zip(documents.recaps, category_codes, strict=True):
            jobs.append((Kind.RECAP, safe_file_name(f"{names[Kind.RECAP]}-{code}"), [recap]))
    if Kind.MINUTES in chosen and documents.minutes is not None:
        jobs.append((Kind.MINUTES, names[Kind.MINUTES], [documents.minutes]))
    if Kind.CERTIFICATES in chosen:
        for certificate in documents.certificates:
            jobs.append(
                (
                    Kind.CERTIFICATES,
                    safe_file_name(f"{names[Kind.CERTIFICATES]}-{certificate.team_code}"),
                    [certificate],
                )
            )
    if Kind.FEEDBACK in chosen:
        for feedback in documents.feedback:
            name = safe_file_name(f"{names[Kind.FEEDBACK]}-{feedback.team_code}")
            jobs.append((Kind.FEEDBACK, name, [feedback]))
    return jobs
