"""Importing 200,000 score rows from XLSX and from CSV through the import service."""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import Config, Row, median, seconds, timed, verdict
from benchmarks.synthetic import (
    Size,
    create_convention,
    secretariat,
    synthetic_spec,
    write_scores_csv,
    write_scores_xlsx,
)
from juryapp.bootstrap import bootstrap

LIMIT = 10.0


def measure(config: Config, size: Size) -> list[Row]:
    spec = synthetic_spec(size)
    rows = []
    for kind, writer in (("XLSX", write_scores_xlsx), ("CSV", write_scores_csv)):
        source = config.work / f"scores.{kind.lower()}"
        count = writer(spec, source)
        walls = []
        for run in range(config.runs):
            database = config.work / f"import-{kind.lower()}-{run}.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
            services = bootstrap(database)
            create_convention(services, spec)
            user = secretariat(services)
            walls.append(
                timed(lambda s=services, p=source, u=user: s.imports.import_scores(u, p))[0]
            )
            services.close()
        rows.append(
            Row(
                what=f"Import of {count:,} score rows from {kind}",
                figure=f"{seconds(median(walls))} ({source.stat().st_size / 2**20:.1f} MB file)",
                target=f"≤ {seconds(LIMIT)}",
                verdict=verdict(median(walls) <= LIMIT),
                details={"seconds": walls, "rows": count},
            )
        )
    return rows
