"""Saving one score durably through the service layer against a raw sqlite3 insert + commit."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

from benchmarks.common import Config, Row, median, percentile, seconds, timed, verdict
from juryapp.bootstrap import bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.persistence.engine import PRAGMAS

TARGET = 5.0


def _floor(path: Path, count: int) -> list[float]:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        connection.execute(pragma)
    connection.execute(
        "CREATE TABLE score (id INTEGER PRIMARY KEY, sheet_id INTEGER, criterion_id INTEGER,"
        " value TEXT, note TEXT, updated_at TEXT, UNIQUE (sheet_id, criterion_id))"
    )
    samples = []
    for i in range(count):

        def save(i: int = i) -> None:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                "INSERT INTO score (sheet_id, criterion_id, value, note, updated_at)"
                " VALUES (?, ?, ?, '', datetime('now'))",
                (i // 10, i % 10, str(1 + i % 5)),
            )
            connection.execute("COMMIT")

        samples.append(timed(save)[0])
    connection.close()
    return samples


def _service(path: Path, count: int) -> list[float]:
    services = bootstrap(path)
    spec = services.setup.spec()
    judge = spec.judges[0].code
    judge_actor = Actor(judge.lower(), Role.JUDGE, judge_code=judge)
    # the demo leaves the first judge's last team unscored: a draft sheet to type into
    sheet = next(e for e in services.scoring.queue(judge_actor) if e.status is None)
    criteria = [c.code for c in spec.criteria]
    samples = []
    for i in range(count):
        value = Decimal(1 + i % 5)
        code = criteria[i % len(criteria)]
        samples.append(
            timed(
                lambda v=value, c=code: services.scoring.set_score(
                    judge_actor, judge, sheet.team_code, c, v
                )
            )[0]
        )
    services.close()
    return samples


def measure(config: Config, demo: Path) -> Row:
    count = 60 if config.quick else 200
    p50s, p99s, floor50, floor99 = [], [], [], []
    for run in range(config.runs):
        folder = config.work / f"saving-{run}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        database = folder / "demo.sqlite3"
        shutil.copy(demo, database)
        raw = _floor(folder / "floor.sqlite3", count)
        service = _service(database, count)
        p50s.append(median(service))
        p99s.append(percentile(service, 0.99))
        floor50.append(median(raw))
        floor99.append(percentile(raw, 0.99))
    ratio = median(p50s) / median(floor50)
    return Row(
        what="Saving one score, durably, through the service layer (p50 / p99)",
        figure=f"{seconds(median(p50s))} / {seconds(median(p99s))}",
        floor=f"{seconds(median(floor50))} / {seconds(median(floor99))} (sqlite3 insert + commit)",
        ratio=f"p50 {ratio:.1f}×, p99 {median(p99s) / median(floor99):.1f}×",
        target=f"p50 ≤ {TARGET}× the floor",
        verdict=verdict(ratio <= TARGET),
        details={
            "saves_per_run": count,
            "p50": p50s,
            "p99": p99s,
            "floor_p50": floor50,
            "floor_p99": floor99,
        },
    )
