"""Printing the result documents: drafts, or finals signed with the convention's key."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp.domain.access import Actor, require_reader, require_secretariat
from juryapp.domain.messages import StateError, Text
from juryapp.domain.model import ConventionSpec
from juryapp.domain.results import compute_results
from juryapp.interchange.file_names import output_path
from juryapp.interchange.files import make_folder, write_atomically
from juryapp.persistence.database import Database
from juryapp.persistence.tables import PrintedDocumentRow
from juryapp.reports.model import DocumentData, DocumentStamp, Paper
from juryapp.services import audit, state
from juryapp.services.claiming import Claimer, file_information, with_claims
from juryapp.services.documents import (
    COMBINED_KINDS,
    DocumentInputs,
    Kind,
    build_document_set,
)
from juryapp.services.judge_keys import judge_key_fingerprints
from juryapp.services.keys import KeyService
from juryapp.services.print_jobs import (
    ALL,
    ALL_CERTIFICATES,
    BOOKMARKS,
    COMBINED_TITLES,
    FILE_NAMES,
    Job,
    print_jobs,
)
from juryapp.services.results import ResultsService, Snapshot, read_snapshot
from juryapp.services.seal import latest_seal, seal_findings
from juryapp.services.setup import SetupService
from juryapp.services.snapshot import load_notes

if TYPE_CHECKING:
    from juryapp.reports.convention_key import ConventionKey
    from juryapp.reports.documents import PdfJoiner, ProducedFile
    from juryapp.reports.signing import SignatureRequest

__all__ = ["FILE_NAMES", "Kind", "PublishingService", "Written", "read_for_print"]

# ReportLab, pyHanko and pypdf load on first use, not when the app starts (they are most of
# the import time of the services).

Progress = Callable[[int, int, str], None]


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
    sealed_head: str | None  # the audit head the latest seal signed, as the minutes print it
    judge_keys: dict[str, str]  # judge code → their laptop key's fingerprint (daftar hadir)


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
        """Write every chosen document as its own PDF, plus the combined files for printing.

        Before the lock the documents carry a DRAFT watermark and are not signed; after it,
        each is signed with the convention's key (opened by ``passphrase``) and certifies the
        sealed results; finals are refused while the database differs from its seal. The
        forms (blank score forms, declarations, attendance lists) hold no results and carry
        neither.
        """
        from juryapp.reports.collection import collection_paused  # noqa: PLC0415

        require_reader(actor)
        chosen = list(kinds) if kinds is not None else list(Kind)
        lock = self._results.lock_state(actor)
        key = self._final_key(actor, passphrase) if lock.locked else None
        reading = read_for_print(self._db, check_seal=lock.locked)
        _refuse_unsealed(reading, lock.locked)
        snapshot = reading.snapshot
        # from the same snapshot: loading it again for compute() cost as much as the engine
        results = compute_results(snapshot.spec, snapshot.sheets, snapshot.decisions)
        inputs = DocumentInputs(
            snapshot,
            results,
            reading.notes,
            self._setup.signatures(),
            lang,
            abstentions={(a.judge, a.team): a.reason.strip() for a in snapshot.spec.abstentions},
            lock_note=lock.note,
            kinds=chosen,
            judge_keys=reading.judge_keys,
        )
        documents = build_document_set(inputs)
        if key is not None:  # each final document's QR code: its own signed claim
            documents = with_claims(
                documents, Claimer(snapshot.spec, results, key, snapshot.version)
            )
        stamp, signature = _stamp_and_signature(reading, key, lang, paper, printed_at)
        jobs = print_jobs(documents, [c.code for c in results.categories], chosen, lang)
        signatures = [_for_file(signature, job, stamp, snapshot.spec) for job in jobs]
        make_folder(out_dir)
        combined = _combined_files(snapshot.spec, stamp, jobs)
        written: list[Written] = []
        hashes: list[tuple[str, str, str]] = []
        total = len(jobs) + len(combined)
        # The combined files hold the same pages as the single files, in the same order, each
        # document numbered on its own: joining the unsigned files avoids laying them out twice.
        with collection_paused(), closing(_produced(jobs, stamp, signatures)) as files:
            for done, (job, produced) in enumerate(zip(jobs, files, strict=True)):
                if progress is not None:
                    progress(done, total, job.name)
                path = output_path(out_dir, f"{job.name}.pdf")
                write_atomically(path, produced.final)
                written.append(Written(job.kind, path, key is not None))
                hashes.append((job.kind, path.name, _sha256(produced.final)))
                for kinds_joined, joiner, _name in combined.values():
                    if job.kind in kinds_joined:
                        joiner.add(produced.unsigned, *_bookmark(job, lang))
            for done, (kind, (_kinds, joiner, name)) in enumerate(combined.items(), len(jobs)):
                if progress is not None:
                    progress(done, total, name)
                joined = joiner.joined()
                path = output_path(out_dir, f"{name}.pdf")
                whole = _for_file(signature, None, stamp, snapshot.spec)
                final = whole.apply(joined) if whole else joined
                write_atomically(path, final)
                written.append(Written(kind, path, key is not None))
                hashes.append((kind, path.name, _sha256(final)))
        if progress is not None:
            progress(total, total, "")
        if self._db.read_only is not None:  # drafts from a read-only database: no record
            return written
        signed = key is not None
        self._record_print(actor, out_dir, snapshot.version, reading.fingerprint, hashes, signed)
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


def _stamp_and_signature(
    reading: Reading,
    key: ConventionKey | None,
    lang: str,
    paper: Paper,
    printed_at: datetime | None,
) -> tuple[DocumentStamp, SignatureRequest | None]:
    """What every document of the run prints in its footer, and how its files are signed.

    The key's fingerprint and the sealed audit head are what anyone compares when checking a
    document: they are worked out here and nowhere else, and the footers and the Berita Acara
    only print them.
    """
    from juryapp.reports.document_info import (  # noqa: PLC0415
        INFO_RESULTS_FINGERPRINT,
        INFO_RESULTS_VERSION,
    )
    from juryapp.reports.fingerprint import fingerprint_of_certificate  # noqa: PLC0415
    from juryapp.reports.signing import SignatureRequest  # noqa: PLC0415

    snapshot, fingerprint = reading.snapshot, reading.fingerprint
    stamp = DocumentStamp(
        lang="en" if lang == "en" else "id",
        printed_at=printed_at or datetime.now().replace(microsecond=0),
        draft=not snapshot.locked,
        results_version=snapshot.version,
        results_fingerprint=fingerprint,
        qr_payload=None,  # each final document carries its own claim (services.claiming)
        paper=paper,
        key_fingerprint=fingerprint_of_certificate(key.certificate_pem) if key else None,
        audit_head=reading.sealed_head if key else None,
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


def _for_file(
    signature: SignatureRequest | None, job: Job | None, stamp: DocumentStamp, spec: ConventionSpec
) -> SignatureRequest | None:
    """The run's signature with one file's information: what it certifies, and whose key."""
    if signature is None or stamp.key_fingerprint is None:
        return signature
    information = file_information(
        job, spec, stamp.key_fingerprint, stamp.results_version, stamp.results_fingerprint
    )
    return replace(signature, document_info=information)


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
    """Snapshot, notes, abstentions, fingerprint and seal findings, in one transaction."""
    with database.reading() as session:
        connection = session.connection()
        facts = state.convention_facts(connection)
        found = seal_findings(connection, facts) if check_seal else []
        seal = latest_seal(connection)
        return Reading(
            snapshot=read_snapshot(session),
            notes=load_notes(session),
            fingerprint=state.digest(facts),
            seal_findings=tuple(str(f) for f in found),
            sealed_head=seal.head if seal is not None else None,
            judge_keys=judge_key_fingerprints(session),
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


PARALLEL_FROM = 200
WORKERS = 2
BATCH_DOCUMENTS = 20


def _produced(
    jobs: list[Job], stamp: DocumentStamp, signatures: list[SignatureRequest | None]
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
        for job, signature in zip(jobs, signatures, strict=True):
            yield produce_file(job.documents, stamp, signature)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        batches = _batches(
            [(job.documents, sig) for job, sig in zip(jobs, signatures, strict=True)]
        )
        futures = [pool.submit(produce_files, batch, stamp) for batch in batches]
        for future in futures:
            yield from future.result()
    finally:
        # on a failure (or a caller that stops early) the work not yet started is dropped
        pool.shutdown(wait=True, cancel_futures=True)


FileWork = tuple[list[DocumentData], "SignatureRequest | None"]  # one file's documents, signer


def _batches(files: list[FileWork]) -> list[list[FileWork]]:
    """Consecutive files grouped into worker tasks of about ``BATCH_DOCUMENTS`` documents."""
    batches: list[list[FileWork]] = []
    size = BATCH_DOCUMENTS
    for work in files:
        if size >= BATCH_DOCUMENTS:
            batches.append([])
            size = 0
        batches[-1].append(work)
        size += len(work[0])
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
