"""Signed document sets: the demo against a time limit, a large one against plain ReportLab."""

from __future__ import annotations

import shutil
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from benchmarks.common import Config, Row, median, seconds, timed, verdict
from benchmarks.synthetic import credentials_of
from juryapp.bootstrap import bootstrap
from juryapp.services.publishing import Written

DEMO_LIMIT = 2.0
LARGE_LIMIT = 60.0
PAGE_RATE_SHARE = 0.5


def locked_copy(source: Path, target: Path) -> Path:
    """A copy of a database with its results locked (and its signing key made)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(source, target)
    services = bootstrap(target)
    try:
        if not services.results.lock_state().locked:
            user, _secret, passphrase = credentials_of(services)
            services.locking.lock(user, "benchmark", passphrase)
    finally:
        services.close()
    return target


def publish_once(database: Path, out: Path) -> tuple[float, list[Written]]:
    shutil.rmtree(out, ignore_errors=True)
    services = bootstrap(database)
    written: list[Written] = []
    try:
        user, _secret, passphrase = credentials_of(services)

        def publish() -> None:
            written.extend(services.publishing.publish(user, out, passphrase=passphrase))

        wall, _cpu = timed(publish)
    finally:
        services.close()
    return wall, written


def page_count(written: list[Written]) -> int:
    """Pages of the single files (the combined files repeat them)."""
    return sum(
        len(PdfReader(w.path).pages) for w in written if w.kind not in ("all", "all-certificates")
    )


def plain_reportlab(pages: int) -> float:
    """Seconds to lay out a plain ReportLab document of tables with the given page count."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table  # noqa: PLC0415

    def build() -> None:
        story = []
        for page in range(pages):
            rows = [["No", "Criterion", "Weight", "Score", "Value"]]
            rows += [[str(i), f"Criterion {i} of page {page}", "10", "4", "7.50"]
                     for i in range(1, 11)]  # fmt: skip
            story += [Table(rows), PageBreak()]
        SimpleDocTemplate(BytesIO(), pagesize=A4).build(story)

    return timed(build)[0]


def measure_demo(config: Config, demo: Path) -> Row:
    database = locked_copy(demo, config.work / "demo-locked.sqlite3")
    walls = []
    written: list[Written] = []
    for _ in range(config.runs):
        wall, written = publish_once(database, config.work / "demo-documents")
        walls.append(wall)
    size = sum(w.path.stat().st_size for w in written)
    return Row(
        what="Full signed document set, demo convention",
        figure=f"{seconds(median(walls))} ({len(written)} files, {page_count(written)} pages, "
        f"{size / 2**20:.1f} MB)",
        target=f"≤ {seconds(DEMO_LIMIT)}",
        verdict=verdict(median(walls) <= DEMO_LIMIT),
        details={"seconds": walls},
    )


def measure_large(config: Config, database: Path, label: str) -> Row:
    locked = locked_copy(database, config.work / "large-locked.sqlite3")
    # about a minute and a half per run with its floor: three are enough for a median
    runs = min(config.runs, 3)
    walls, floors = [], []
    wall, written = publish_once(locked, config.work / "large-documents")
    walls.append(wall)
    pages = page_count(written)
    floors.append(plain_reportlab(pages))
    for _ in range(runs - 1):  # each run beside its floor, as the machine's load drifts
        walls.append(publish_once(locked, config.work / "large-documents")[0])
        floors.append(plain_reportlab(pages))
    rate, floor_rate = pages / median(walls), pages / median(floors)
    share = rate / floor_rate
    return Row(
        what=f"Signed document set, {label}",
        figure=f"{seconds(median(walls))}, {rate:.0f} pages/s ({len(written)} files, "
        f"{pages} pages)",
        floor=f"{floor_rate:.0f} pages/s (plain ReportLab tables, {pages} pages)",
        ratio=f"{share:.2f}×",
        target=f"≥ {PAGE_RATE_SHARE}× the floor's pages/s; whole set ≤ {seconds(LARGE_LIMIT)}",
        verdict=verdict(share >= PAGE_RATE_SHARE and median(walls) <= LARGE_LIMIT),
        details={"seconds": walls, "floor_seconds": floors, "pages": pages, "runs": runs},
    )
