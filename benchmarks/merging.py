"""Judges' signed logs: merging 20 judges' bundles into the hub, and exporting a bundle.

Merging 200,000 events (1,000 teams × 20 judges × 10 criteria) is compared with verifying
as many Ed25519 signatures one by one; exporting a judge's bundle of 10,000 events with
reading the same rows with sqlite3 and writing them to a file.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from benchmarks.common import Config, Row, median, seconds, verdict
from benchmarks.synthetic import (
    BENCH_PASSPHRASE,
    Size,
    create_convention,
    secretariat,
    synthetic_scores,
    synthetic_spec,
)
from juryapp.bootstrap import bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.commands import SetScore
from juryapp.interchange.files import write_atomically
from juryapp.persistence.tables import JudgeKeyRow, JudgeRow, LogEventRow
from juryapp.services import audit
from juryapp.services.judge_keys import fingerprint_of, public_bytes
from juryapp.services.log_format import GENESIS, LogEvent, sign_event, write_bundle

MERGE_TARGET = 10.0  # seconds for 200,000 events
EXPORT_TARGET = 1.0  # seconds for 10,000 events
EXPORT_EVENTS = 10_000
SMALL_BUNDLE = 2_000  # events, which must fit in 1 MB


@dataclass(frozen=True)
class Logs:
    convention: str
    keys: dict[str, Ed25519PrivateKey]
    events: dict[str, list[LogEvent]]
    bundles: dict[str, bytes]


def _signed_logs(hub: Path, size: Size) -> Logs:
    """Every judge's log, signed with a key of their own, and its bundle (not timed)."""
    services = bootstrap(hub)
    try:
        actor = secretariat(services)
        with services.database.reading() as session:
            from juryapp.services.snapshot import convention_row  # noqa: PLC0415

            uid = convention_row(session).uid
        spec = synthetic_spec(size)
        keys = {j.code: Ed25519PrivateKey.generate() for j in spec.judges}
        events: dict[str, list[LogEvent]] = {code: [] for code in keys}
        at = audit.now()
        for judge, team, criterion, score in synthetic_scores(spec):
            log = events[judge]
            prev = log[-1].hash if log else GENESIS
            command = SetScore(judge, team, criterion, Decimal(score), None, at)
            log.append(sign_event(keys[judge], uid, judge, len(log) + 1, prev, command))
        for code, key in keys.items():
            public = public_bytes(key.public_key())
            services.judge_keys.enrol(actor, code, public, fingerprint_of(public))
        bundles = {
            code: write_bundle(
                uid, code, public_bytes(keys[code].public_key()),
                [(e.body, e.signature) for e in log],
            )
            for code, log in events.items()
        }  # fmt: skip
    finally:
        services.close()
    return Logs(uid, keys, events, bundles)


def _merge_once(hub: Path, copy: Path, logs: Logs) -> tuple[float, float, int]:
    shutil.copy(hub, copy)  # the hub is closed: a plain copy is a whole database
    services = bootstrap(copy)
    try:
        actor = secretariat(services)
        key = services.keys.unlock(actor, BENCH_PASSPHRASE)
        services.hub.received(actor)  # warm: the engine, the modules, the first queries
        files = [(data, f"nilai-{code}.jurylog") for code, data in logs.bundles.items()]
        started, cpu = time.perf_counter(), time.process_time()
        outcomes = services.hub.merge_all(actor, files, key)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        applied = sum(o.result.applied for o in outcomes if not isinstance(o, Exception))
    finally:
        services.close()
    return elapsed, cpu, applied


def _verify_floor(logs: Logs, count: int) -> float:
    """Verifying ``count`` event signatures one by one with the judges' public keys."""
    pairs = [
        (logs.keys[code].public_key(), event) for code, log in logs.events.items() for event in log
    ][:count]
    started = time.perf_counter()
    for public, event in pairs:
        public.verify(event.signature, event.body)
    return time.perf_counter() - started


def _laptop_with_log(folder: Path, hub: Path, logs: Logs, judge: str) -> Path:
    """A judge's laptop made from the hub's package, holding the judge's first events."""
    laptop = folder / "laptop.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{laptop}{suffix}").unlink(missing_ok=True)
    services = bootstrap(hub)
    try:
        actor = secretariat(services)
        package = services.hub.export_package(actor, services.keys.unlock(actor, BENCH_PASSPHRASE))
    finally:
        services.close()
    services = bootstrap(laptop)
    try:
        services.laptop.import_package(package, "paket")
        public = public_bytes(logs.keys[judge].public_key())
        with services.database.writing() as session:
            judge_id = session.query(JudgeRow.id).filter(JudgeRow.code == judge).scalar()
            now = audit.now()
            session.add(
                JudgeKeyRow(
                    judge_id=judge_id, fingerprint=fingerprint_of(public), public_key=public,
                    sealed_private_key=b"-", created_at=now, enrolled_by="", retired_reason="",
                )
            )  # fmt: skip
            session.execute(
                LogEventRow.__table__.insert(),  # type: ignore[attr-defined]
                [
                    {
                        "judge_id": judge_id, "seq": e.seq, "hash": e.hash, "prev_hash": e.prev,
                        "body": e.body, "signature": e.signature,
                        "key_fingerprint": fingerprint_of(public), "state": "applied",
                        "received_at": now,
                    }
                    for e in logs.events[judge][:EXPORT_EVENTS]
                ],
            )  # fmt: skip
    finally:
        services.close()
    return laptop


def _export_once(laptop: Path, out: Path, judge: str) -> tuple[float, int]:
    services = bootstrap(laptop)
    try:
        # once first, as a running app has done: the modules and statements are loaded
        services.laptop.export_scores(Actor.reader(), judge)
        started = time.perf_counter()
        bundle = services.laptop.export_scores(Actor.reader(), judge)
        write_atomically(out, bundle.data)
        elapsed = time.perf_counter() - started
    finally:
        services.close()
    return elapsed, bundle.events


def _export_floor(laptop: Path, out: Path) -> float:
    started = time.perf_counter()
    connection = sqlite3.connect(laptop)
    rows = connection.execute("SELECT body, signature FROM log_event ORDER BY seq").fetchall()
    connection.close()
    write_atomically(out, b"\n".join(body + b"\t" + signature for body, signature in rows))
    return time.perf_counter() - started


def measure(config: Config, size: Size, label: str) -> list[Row]:
    folder = config.work / "merging"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    hub = folder / "hub.sqlite3"
    services = bootstrap(hub)
    try:
        create_convention(services, synthetic_spec(size))
    finally:
        services.close()
    logs = _signed_logs(hub, size)
    total = sum(len(log) for log in logs.events.values())
    merges, cpus, floors, applied = [], [], [], 0
    for run in range(max(1, config.runs // 2 + 1)):
        elapsed, cpu, applied = _merge_once(hub, folder / f"copy-{run}.sqlite3", logs)
        merges.append(elapsed)
        cpus.append(cpu)
        Path(folder / f"copy-{run}.sqlite3").unlink()
        if run == 0:  # 40 s for 200,000 signatures here: once, between the merges
            floors.append(_verify_floor(logs, total))
    merge, floor = median(merges), median(floors)
    rows = [
        Row(
            what=f"Merging 20 judges' bundles into the hub, {label} ({total:,} events)",
            figure=f"{merge:.2f} s ({total / merge:,.0f} events/s; {median(cpus):.2f} s of CPU)",
            floor=f"{floor:.2f} s (verifying {total:,} Ed25519 signatures one by one)",
            ratio=f"{merge / floor:.2f}×",
            target=f"≤ {MERGE_TARGET:.0f} s",
            verdict=verdict(merge <= MERGE_TARGET and applied == total),
            details={
                "merge_seconds": merges,
                "merge_cpu_seconds": cpus,
                "floor_seconds": floors,
                "applied": applied,
            },
            notes="the chain of hashes covers every event and signature, so the hub checks "
            "the last event's signature of each bundle, not each one (docs/score-bundle.md)",
        )
    ]
    judge = next(iter(logs.events))
    count = min(EXPORT_EVENTS, len(logs.events[judge]))
    laptop = _laptop_with_log(folder, hub, logs, judge)
    exports, export_floors = [], []
    for run in range(config.runs):
        elapsed, _events = _export_once(laptop, folder / f"export-{run}.jurylog", judge)
        exports.append(elapsed)
        export_floors.append(_export_floor(laptop, folder / f"floor-{run}.bin"))
    export, export_floor = median(exports), median(export_floors)
    size_2000 = len(
        write_bundle(
            logs.convention, judge, public_bytes(logs.keys[judge].public_key()),
            [(e.body, e.signature) for e in logs.events[judge][:SMALL_BUNDLE]],
        )
    )  # fmt: skip
    rows.append(
        Row(
            what=f"Exporting a judge's bundle of {count:,} events (read, write, sync, rename)",
            figure=seconds(export),
            floor=f"{seconds(export_floor)} (sqlite3 read of the rows + file write)",
            ratio=f"{export / export_floor:.1f}×",
            target=f"≤ {EXPORT_TARGET:.0f} s",
            verdict=verdict(export <= EXPORT_TARGET),
            details={"export_seconds": exports, "floor_seconds": export_floors},
            notes="in a running app: the first export of a new process also loads modules",
        )
    )
    rows.append(
        Row(
            what=f"Size of a bundle of {SMALL_BUNDLE:,} events",
            figure=f"{size_2000 / 1e6:.2f} MB",
            target="< 1 MB",
            verdict=verdict(size_2000 < 1_000_000),
        )
    )
    return rows
