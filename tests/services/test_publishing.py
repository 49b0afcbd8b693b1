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
from juryapp.services.documents import COMBINED_KINDS
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
    singles = [w for w in written if w.kind not in ("all", "all-certificates")]
    (combined,) = [w for w in written if w.kind == "all"]
    (certificates,) = [w for w in written if w.kind == "all-certificates"]
    assert {w.kind for w in singles} == set(Kind)
    assert all(w.signed for w in written)
    for w in written:
        check = services.verification.verify(Actor.reader(), w.path)
        assert check.ok, (w.path.name, check.verdict.problems)
    # the plain-paper documents, each starting on the front of a sheet of paper
    joined = PdfReader(combined.path).pages
    plain = [w for w in singles if w.kind in COMBINED_KINDS]
    first = 0
    backs = set()
    for single in plain:
        pages = PdfReader(single.path).pages
        assert first % 2 == 0, single.path.name
        assert joined[first].extract_text() == pages[0].extract_text()
        first += len(pages)
        if len(pages) % 2:
            assert "Halaman ini sengaja dikosongkan." in joined[first].extract_text()
            back = joined[first]
            backs.add((tuple(back.mediabox), back.raw_get("/Contents").idnum))
            first += 1
    assert first == len(joined)
    # the blank backs of a size share one text and font, not a copy each
    assert len(backs) == len({size for size, _contents in backs})
    # certificates on card stock and the forms are not in it
    cards = [w for w in singles if w.kind == Kind.CERTIFICATES]
    assert len(PdfReader(certificates.path).pages) == len(cards) == 9
    forms = {Kind.BLANK, Kind.DECLARATIONS, Kind.ATTENDANCE}
    text = " ".join(page.extract_text() for page in joined)
    assert "PIAGAM PENGHARGAAN" not in text and "PEDOMAN PENILAIAN" not in text
    assert all(w.kind not in COMBINED_KINDS for w in singles if w.kind in forms)


def test_the_combined_file_has_its_own_title_and_a_bookmark_per_document(
    services: Services, tmp_path: Path
) -> None:
    written = print_set(services, tmp_path / "out", [Kind.MINUTES, Kind.RECAP, Kind.FEEDBACK])
    (combined,) = [w for w in written if w.kind == "all"]
    reader = PdfReader(combined.path)
    assert reader.metadata is not None
    assert reader.metadata.title == (
        "Konvensi Mutu Bidang Kesehatan Tingkat Kota Administrasi Jakarta Barat 2024 — berkas "
        "cetak hasil penilaian, versi 1"
    )
    outline = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["Berita Acara Hasil Penilaian", "Rekapitulasi Nilai", "Lembar Umpan Balik"]
    recaps, feedback = [item for item in outline if isinstance(item, list)]
    assert [item.title for item in recaps] == [
        "Puskesmas",
        "Rumah Sakit Umum Daerah",
        "Rumah Sakit Swasta",
    ]
    assert len(feedback) == 15
    assert feedback[0].title == "PKM-03 — Puskesmas Kecamatan Grogol Petamburan"  # by rank
    # each bookmark opens its document's first page
    first_recap = reader.get_destination_page_number(recaps[0])
    assert first_recap == len(PdfReader(written[0].path).pages) + 1  # after the minutes
    assert "REKAPITULASI NILAI" in reader.pages[first_recap].extract_text()


def test_worker_processes_write_the_same_documents(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a judge's sheets (many documents in a file), the teams' feedback (one in each) and the
    # robustness annex, whose data the worker works out
    kinds = [Kind.ROBUSTNESS, Kind.SHEETS, Kind.FEEDBACK]
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
    files = [(documents, None) for documents in (big, small, small, small, small, big, small)]
    batches = publishing._batches(files)  # type: ignore[arg-type]
    assert [[len(f) for f, _ in batch] for batch in batches] == [[5], [1, 1, 1], [1, 5], [1]]
    assert [f for batch in batches for f in batch] == files
