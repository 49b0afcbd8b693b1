"""The speed limits the tests used to hold: big tables, refused bombs, a waiting writer, signing."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import text

from benchmarks.common import Config, Row, median, seconds, timed, verdict
from juryapp.domain.messages import FileProblemError
from juryapp.interchange.tabular import Column, read_table, write_table
from juryapp.persistence.database import Database
from juryapp.persistence.engine import BUSY_TIMEOUT_MS
from juryapp.reports.convention_key import create_convention_key
from juryapp.reports.signing import sign_pdf
from juryapp.reports.verification import verify_pdf

ROWS = 200_000
READ_LIMITS = {".csv": 4.0, ".xlsx": 16.0}
REFUSAL_LIMIT = 1.0
HOLD = 0.5  # seconds the first writer keeps its transaction open
SIGN_LIMIT, VERIFY_LIMIT = 0.1, 0.2  # CPU seconds for ten pages

COLUMNS = (
    Column("team", ("kode tim",)),
    Column("name", ("nama",)),
    Column("category", ("kategori",)),
    Column("score", ("skor",)),
    Column("note", ("catatan",)),
)
HEADERS = ["Kode Tim", "Nama", "Kategori", "Skor", "Catatan"]
LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n else "lol"}">' for n in range(10))


def _rows(count: int) -> Iterator[list[str | float]]:
    for i in range(count):
        yield [f"T{i:06d}", f"Nama Peserta {i}", "Puskesmas", i % 5 + 0.5, f"catatan {i}"]


def _big_tables(config: Config) -> list[Row]:
    rows = []
    for suffix, limit in READ_LIMITS.items():
        path = config.work / f"limits-big{suffix}"
        write_table(path, HEADERS, _rows(ROWS))
        walls = []
        for _ in range(config.runs):
            wall, _cpu = timed(lambda p=path: read_table(p, COLUMNS))
            walls.append(wall)
        rows.append(
            Row(
                what=f"Reading {ROWS:,} rows × 5 columns from {suffix[1:].upper()}",
                figure=seconds(median(walls)),
                target=f"≤ {seconds(limit)}",
                verdict=verdict(median(walls) <= limit),
                details={"seconds": walls},
            )
        )
    return rows


def _with_sheet(
    source: Path, target: Path, sheet: Callable[[bytes, zipfile.ZipFile], None]
) -> Path:
    """A copy of an .xlsx whose first sheet is written by ``sheet`` from the original's bytes."""
    name = "xl/worksheets/sheet1.xml"
    with (
        zipfile.ZipFile(source) as parts,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
    ):
        for part in parts.namelist():
            if part != name:
                archive.writestr(part, parts.read(part))
        sheet(parts.read(name), archive)
    return target


def _refusals(config: Config) -> list[Row]:
    small = config.work / "limits-small.xlsx"
    write_table(small, HEADERS, _rows(3))

    def bomb(original: bytes, archive: zipfile.ZipFile) -> None:
        head, tail = original.split(b"</sheetData>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as out:
            out.write(head)
            for _ in range(150):
                out.write(b" " * (1 << 20))
            out.write(b"</sheetData>" + tail)

    def laughs(original: bytes, archive: zipfile.ZipFile) -> None:
        declaration = b'<?xml version="1.0"?><!DOCTYPE lolz [' + LAUGHS.encode() + b"]>"
        document = declaration + original.split(b"?>", 1)[-1]
        archive.writestr("xl/worksheets/sheet1.xml", document.replace(b"T000001", b"&lol9;"))

    files = {  # what, the file, a phrase its refusal must hold
        "A zip bomb (150 MB of sheet in a file under 1 MB)": (
            _with_sheet(small, config.work / "limits-bomb.xlsx", bomb),
            "refused for safety",
        ),
        "Billion laughs in a sheet": (
            _with_sheet(small, config.work / "limits-dtd.xlsx", laughs),
            "DTD",
        ),
    }
    rows = []
    for what, (path, phrase) in files.items():
        walls = []
        for _ in range(config.runs):
            started = time.perf_counter()
            try:
                read_table(path, COLUMNS)
            except FileProblemError as exc:
                walls.append(time.perf_counter() - started)
                if phrase not in exc.text.en:
                    raise AssertionError(f"{path.name} refused for another reason: {exc}") from exc
            else:
                raise AssertionError(f"{path.name} was read instead of refused")
        rows.append(
            Row(
                what=f"{what} refused",
                figure=seconds(median(walls)),
                target=f"≤ {seconds(REFUSAL_LIMIT)}",
                verdict=verdict(median(walls) <= REFUSAL_LIMIT),
                details={"seconds": walls, "bytes": path.stat().st_size},
            )
        )
    return rows


def _waiting_writer(config: Config) -> Row:
    """How long a second writer waits for a first that holds its transaction HOLD seconds."""
    waits = []
    for run in range(config.runs):
        path = config.work / f"limits-writers-{run}.sqlite3"
        first, second = Database.open(path), Database.open(path)
        try:
            with second.writing() as session:
                session.execute(text("CREATE TABLE counter (n INTEGER NOT NULL)"))
                session.execute(text("INSERT INTO counter VALUES (0)"))
            held = threading.Event()

            def hold(db: Database = first, flag: threading.Event = held) -> None:
                with db.writing() as session:
                    session.execute(text("SELECT 1"))
                    flag.set()
                    time.sleep(HOLD)

            holder = threading.Thread(target=hold)
            holder.start()
            held.wait(30)
            started = time.perf_counter()
            with second.writing() as session:
                session.execute(text("UPDATE counter SET n = n + 1"))
            waits.append(time.perf_counter() - started)
            holder.join()
        finally:
            first.close()
            second.close()
    limit = BUSY_TIMEOUT_MS / 1000
    return Row(
        what=f"A second writer waits for a first holding the database {seconds(HOLD)}",
        figure=f"waited {seconds(median(waits))}, then wrote",
        target=f"≥ {seconds(HOLD * 0.6)} and < the busy timeout ({seconds(limit)})",
        verdict=verdict(all(HOLD * 0.6 < wait < limit for wait in waits)),
        details={"seconds": waits},
    )


def _ten_pages() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in range(1, 11):
        canvas.drawString(72, 790, f"Rekapitulasi Nilai - halaman {page}")
        for row in range(1, 36):
            canvas.drawString(72, 760 - row * 20, f"{row}. Puskesmas Kecamatan {row} Skor 80,50")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _signing(config: Config) -> list[Row]:
    key = create_convention_key("Konvensi Mutu 2024", "Suku Dinas Kesehatan")
    pages = _ten_pages()
    sign_pdf(pages, key, reason="r", location="l")  # the first call builds the signer
    sign_cpu, verify_cpu = [], []
    for _ in range(max(config.runs, 7)):
        started = time.process_time()
        signed = sign_pdf(pages, key, reason="r", location="l")
        sign_cpu.append(time.process_time() - started)
        started = time.process_time()
        verify_pdf(signed, key.certificate_pem)
        verify_cpu.append(time.process_time() - started)
    return [
        Row(
            what=f"{what} a ten-page PDF (CPU time of the process)",
            figure=seconds(median(samples)),
            target=f"≤ {seconds(limit)}",
            verdict=verdict(median(samples) <= limit),
            details={"cpu_seconds": samples},
        )
        for what, samples, limit in (
            ("Signing", sign_cpu, SIGN_LIMIT),
            ("Verifying", verify_cpu, VERIFY_LIMIT),
        )
    ]


def measure(config: Config) -> list[Row]:
    return [
        *_big_tables(config),
        *_refusals(config),
        _waiting_writer(config),
        *_signing(config),
    ]
