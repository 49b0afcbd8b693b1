"""Printing the signed set in this process and in worker processes gives the same verified files."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from juryapp.bootstrap import Services, bootstrap
from juryapp.cli.main import main
from juryapp.domain.access import Actor
from juryapp.services import publishing
from juryapp.services.demo import DEMO_PASSPHRASE
from juryapp.services.publishing import Kind, Written
from tests.credentials import SEKRETARIAT, signed_in

PRINTED_AT = datetime(2024, 9, 19, 16, 30)


@pytest.fixture(scope="module")
def locked_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("locked") / "demo.sqlite3"
    assert main(["--db", str(path), "demo", "--complete"]) == 0
    with signed_in():
        assert main(["--db", str(path), "lock"]) == 0
    return path


@pytest.fixture
def services(locked_demo: Path, tmp_path: Path) -> Iterator[Services]:
    target = tmp_path / "demo.sqlite3"
    with sqlite3.connect(locked_demo) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    opened = bootstrap(target)
    yield opened
    opened.close()


def pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def secretariat(services: Services) -> Actor:
    return services.accounts.sign_in(*SEKRETARIAT)


def print_set(services: Services, out: Path, kinds: list[Kind] | None = None) -> list[Written]:
    return services.publishing.publish(
        secretariat(services),
        out,
        passphrase=DEMO_PASSPHRASE,
        kinds=kinds,
        printed_at=PRINTED_AT,
    )


def test_every_file_is_signed_and_the_combined_file_holds_every_page(
    services: Services, tmp_path: Path
) -> None:
    written = print_set(services, tmp_path / "out")
    singles = [w for w in written if w.kind != "all"]
    (combined,) = [w for w in written if w.kind == "all"]
    assert len(singles) == 34
    assert all(w.signed for w in written)
    for w in written:
        check = services.verification.verify(Actor.reader(), w.path)
        assert check.ok, (w.path.name, check.verdict.problems)
    joined = PdfReader(combined.path).pages
    counts = [len(PdfReader(w.path).pages) for w in singles]
    assert len(joined) == sum(counts) == 119
    first = 0
    for single, count in zip(singles, counts, strict=True):  # each document's first page
        assert joined[first].extract_text() == PdfReader(single.path).pages[0].extract_text()
        first += count


def test_worker_processes_write_the_same_documents(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a judge's sheets (many documents in a file) and the teams' feedback (one in each)
    kinds = [Kind.SHEETS, Kind.FEEDBACK]
    here = print_set(services, tmp_path / "here", kinds)
    monkeypatch.setattr(publishing, "PARALLEL_FROM", 0)
    monkeypatch.setattr(publishing, "BATCH_DOCUMENTS", 4)
    workers = print_set(services, tmp_path / "workers", kinds)
    assert [w.path.name for w in workers] == [w.path.name for w in here]
    for mine, theirs in zip(here, workers, strict=True):
        assert pages(theirs.path) == pages(mine.path)
        check = services.verification.verify(Actor.reader(), theirs.path)
        assert check.ok, (theirs.path.name, check.verdict.problems)


def test_small_files_go_to_the_workers_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publishing, "BATCH_DOCUMENTS", 3)
    big, small = ["sheet"] * 5, ["feedback"]
    files = [big, small, small, small, small, big, small]
    batches = publishing._batches(files)  # type: ignore[arg-type]
    assert [[len(f) for f in batch] for batch in batches] == [[5], [1, 1, 1], [1, 5], [1]]
    assert [f for batch in batches for f in batch] == files
