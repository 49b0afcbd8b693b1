"""Printing and certifying results: the signing key, signed PDFs on disk, and verification."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.messages import StateError, Text
from juryapp.domain.model import ConventionSpec
from juryapp.domain.results import compute_results
from juryapp.interchange.files import write_atomically
from juryapp.persistence.database import Database
from juryapp.persistence.tables import AuditHeadRow, SigningKeyRow
from juryapp.reports.model import DocumentData, DocumentStamp, Paper
from juryapp.services import audit
from juryapp.services.documents import (
    COMBINED_KINDS,
    DocumentInputs,
    Kind,
    build_document_set,
)
from juryapp.services.print_jobs import (
    ALL,
    ALL_CERTIFICATES,
    BOOKMARKS,
    COMBINED_TITLES,
    FILE_NAMES,
    Job,
    print_jobs,
)
from juryapp.services.results import LockState, ResultsService, Snapshot, results_fingerprint
from juryapp.services.setup import SetupService
from juryapp.services.snapshot import load_abstentions, load_notes

if TYPE_CHECKING:
    from juryapp.reports.documents import PdfJoiner, ProducedFile
    from juryapp.reports.signing import ConventionKey, SignatureRequest
    from juryapp.reports.verification import PdfVerdict

__all__ = ["FILE_NAMES", "Kind", "PublishingService", "Verification", "Written"]

# ReportLab, pyHanko and pypdf load on first use, not when the app starts (they are most of
# the import time of the services).

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Written:
    kind: str
    path: Path
    signed: bool


@dataclass(frozen=True)
class Verification:
    """What ``juryapp verify`` reports about one PDF."""

    verdict: PdfVerdict
    version: int | None
    fingerprint: str | None
    database_version: int | None
    database_fingerprint: str | None
    database_locked: bool

    @property
    def matches_database(self) -> bool:
        """The file certifies exactly these results (a damaged file certifies nothing)."""
        return (
            self.verdict.intact
            and self.fingerprint is not None
            and self.fingerprint == self.database_fingerprint
            and self.version == self.database_version
        )

    @property
    def ok(self) -> bool:
        return self.verdict.ok and self.matches_database and self.database_locked


class PublishingService:
    def __init__(self, database: Database, results: ResultsService, setup: SetupService) -> None:
        self._db = database
        self._results = results
        self._setup = setup

    # -- key and lock ------------------------------------------------------------------------
    def signing_key(self) -> ConventionKey | None:
        from juryapp.reports.signing import load_convention_key  # noqa: PLC0415

        with self._db.reading() as session:
            row = session.scalar(select(SigningKeyRow).order_by(SigningKeyRow.id.desc()).limit(1))
            if row is None:
                return None
            return load_convention_key(row.private_key_pem, row.certificate_pem)

    def lock(self, actor: Actor, reason: str = "") -> LockState:
        """Lock the results, creating the convention's signing key the first time."""
        from juryapp.reports.signing import create_convention_key  # noqa: PLC0415

        state = self._results.lock(actor, reason)
        if self.signing_key() is None:
            spec = self._setup.spec()
            key = create_convention_key(spec.info.name, spec.info.organiser or spec.info.name)
            with self._db.writing() as session:
                session.add(
                    SigningKeyRow(
                        key_id=key.key_id,
                        private_key_pem=key.private_key_pem,
                        certificate_pem=key.certificate_pem,
                        created_at=audit.now(),
                    )
                )
                audit.record(
                    session,
                    actor,
                    "key.create",
                    key.key_id,
                    certificate=key.certificate_fingerprint,
                )
        return state

    # -- printing ----------------------------------------------------------------------------
    def publish(
        self,
        actor: Actor,
        out_dir: Path,
        *,
        lang: str = "id",
        kinds: Iterable[Kind] | None = None,
        paper: Paper = "A4",
        progress: Progress | None = None,
        printed_at: datetime | None = None,
    ) -> list[Written]:
        """Write every chosen document as its own PDF, plus the combined files for printing.

        Before the lock the documents carry a DRAFT watermark and are not signed; after it,
        each is signed with the convention's key and certifies the locked results. The forms
        (blank score forms, declarations, attendance lists) hold no results and carry neither.
        """
        from juryapp.reports.collection import collection_paused  # noqa: PLC0415

        require_secretariat(actor)
        chosen = list(kinds) if kinds is not None else list(Kind)
        snapshot = self._results.snapshot()
        with self._db.reading() as session:
            notes = load_notes(session)
            abstentions = load_abstentions(session)
        # from the same snapshot: loading it again for compute() cost as much as the engine
        results = compute_results(snapshot.spec, snapshot.sheets, snapshot.decisions)
        inputs = DocumentInputs(
            snapshot,
            results,
            notes,
            self._setup.signatures(),
            lang,
            abstentions=abstentions,
            lock_note=self._results.lock_state().note,
            kinds=chosen,
        )
        documents = build_document_set(inputs)
        key = self.signing_key() if snapshot.locked else None
        if snapshot.locked and key is None:
            raise StateError(Text("kunci tanda tangan belum ada", "there is no signing key yet"))
        stamp, signature = self._stamp_and_signature(snapshot, key, lang, paper, printed_at)
        jobs = print_jobs(documents, [c.code for c in results.categories], chosen, lang)
        out_dir.mkdir(parents=True, exist_ok=True)
        combined = _combined_files(snapshot.spec, stamp, jobs)
        written: list[Written] = []
        total = len(jobs) + len(combined)
        # The combined files hold the same pages as the single files, in the same order, each
        # document numbered on its own: joining the unsigned files avoids laying them out twice.
        with collection_paused(), closing(_produced(jobs, stamp, signature)) as files:
            for done, (job, produced) in enumerate(zip(jobs, files, strict=True)):
                if progress is not None:
                    progress(done, total, job.name)
                write_atomically(out_dir / f"{job.name}.pdf", produced.final)
                written.append(Written(job.kind, out_dir / f"{job.name}.pdf", key is not None))
                for kinds_joined, joiner, _name in combined.values():
                    if job.kind in kinds_joined:
                        joiner.add(produced.unsigned, *_bookmark(job, lang))
            for done, (kind, (_kinds, joiner, name)) in enumerate(combined.items(), len(jobs)):
                if progress is not None:
                    progress(done, total, name)
                joined = joiner.joined()
                path = out_dir / f"{name}.pdf"
                write_atomically(path, signature.apply(joined) if signature else joined)
                written.append(Written(kind, path, key is not None))
        if progress is not None:
            progress(total, total, "")
        with self._db.writing() as session:
            audit.record(
                session,
                actor,
                "documents.print",
                str(out_dir),
                files=len(written),
                version=snapshot.version,
                fingerprint=stamp.results_fingerprint,
                signed=key is not None,
            )
        return written

    def _stamp_and_signature(
        self,
        snapshot: Snapshot,
        key: ConventionKey | None,
        lang: str,
        paper: Paper,
        printed_at: datetime | None,
    ) -> tuple[DocumentStamp, SignatureRequest | None]:
        from juryapp.reports.signing import (  # noqa: PLC0415
            INFO_RESULTS_FINGERPRINT,
            INFO_RESULTS_VERSION,
            SignatureRequest,
            qr_payload,
        )

        fingerprint = results_fingerprint(snapshot)
        key_fingerprint, audit_head = self._trust_marks(key)
        stamp = DocumentStamp(
            lang="en" if lang == "en" else "id",
            printed_at=printed_at or datetime.now().replace(microsecond=0),
            draft=not snapshot.locked,
            results_version=snapshot.version,
            results_fingerprint=fingerprint,
            qr_payload=qr_payload(fingerprint, snapshot.version, key) if key else None,
            paper=paper,
            key_fingerprint=key_fingerprint,
            audit_head=audit_head,
        )
        signature = (
            SignatureRequest(
                key,
                reason="Hasil penilaian Dewan Juri",
                location=snapshot.spec.info.city,
                document_info={
                    INFO_RESULTS_FINGERPRINT: fingerprint,
                    INFO_RESULTS_VERSION: str(snapshot.version),
                },
            )
            if key
            else None
        )
        return stamp, signature

    def _trust_marks(self, key: ConventionKey | None) -> tuple[str | None, str | None]:
        """The signing key's fingerprint and the audit trail's head, as final documents print them.

        These are what anyone compares when checking a document, so both are worked out here
        and nowhere else: the footers and the Berita Acara only print what this returns.
        """
        if key is None:
            return None, None
        from juryapp.reports.fingerprint import fingerprint_of_certificate  # noqa: PLC0415

        with self._db.reading() as session:
            head = session.execute(
                select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)
            ).first()
        audit_head = f"#{head[0]} · {head[1][:4]}…{head[1][-4:]}" if head is not None else None
        return fingerprint_of_certificate(key.certificate_pem), audit_head

    # -- verification ------------------------------------------------------------------------
    def verify(self, path: Path) -> Verification:
        from juryapp.reports.signing import (  # noqa: PLC0415
            INFO_RESULTS_FINGERPRINT,
            INFO_RESULTS_VERSION,
        )
        from juryapp.reports.verification import read_document_info, verify_pdf  # noqa: PLC0415

        data = path.read_bytes()
        key = self.signing_key()
        verdict = verify_pdf(data, key.certificate_pem if key else None)
        info = read_document_info(data) if verdict.signed else {}
        version_text = info.get(INFO_RESULTS_VERSION, "")
        snapshot = self._results.snapshot()
        return Verification(
            verdict=verdict,
            version=int(version_text) if version_text.isdigit() else None,
            fingerprint=info.get(INFO_RESULTS_FINGERPRINT),
            database_version=snapshot.version,
            database_fingerprint=results_fingerprint(snapshot),
            database_locked=snapshot.locked,
        )


# A print run of more documents than this (a page or more each) is laid out and signed by
# worker processes; smaller ones, like the demo's, stay in this process and need no start-up.
PARALLEL_FROM = 200
WORKERS = 2
BATCH_DOCUMENTS = 20


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
    if workers < 2 or sum(len(job.documents) for job in jobs) <= PARALLEL_FROM:
        for job in jobs:
            yield produce_file(job.documents, stamp, signature)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        batches = _batches([job.documents for job in jobs])
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


Combined = dict[str, tuple[frozenset[Kind], "PdfJoiner", str]]


def _combined_files(spec: ConventionSpec, stamp: DocumentStamp, jobs: list[Job]) -> Combined:
    """The combined files to join, by their kind: plain paper, duplex, and certificates alone."""
    from juryapp.reports.documents import CombinedDetails, PdfJoiner  # noqa: PLC0415
    from juryapp.reports.labels import label  # noqa: PLC0415

    lang = stamp.lang
    names, (everything, certificates) = FILE_NAMES[lang], COMBINED_TITLES[lang]
    printed = {job.kind for job in jobs}
    combined: Combined = {}
    for kind, kinds, title, duplex in (
        (ALL, COMBINED_KINDS, everything, True),
        (ALL_CERTIFICATES, frozenset({Kind.CERTIFICATES}), certificates, False),
    ):
        if not printed & kinds:
            continue
        details = CombinedDetails(
            title=title.format(name=spec.info.name, version=stamp.results_version),
            author=spec.info.organiser,
            subject=spec.info.name,
            lang="id-ID" if lang == "id" else "en",
            duplex=duplex,
            blank_text=label("blank_page", lang),
        )
        combined[kind] = (kinds, PdfJoiner(details), names[kind])
    return combined


def _bookmark(job: Job, lang: str) -> tuple[str, str]:
    """A file's bookmark in a combined file, and the kind's bookmark it goes under, if any.

    A kind with one file (the minutes) is a bookmark of its own; the files of a kind with
    several (a recap per category) go under the kind's name.
    """
    kind = BOOKMARKS["en" if lang == "en" else "id"][job.kind]
    return (job.bookmark, kind) if job.bookmark else (kind, "")
