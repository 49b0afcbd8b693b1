"""A score typed on a judge's laptop until the hub holds it, over TLS on loopback.

Twenty judge processes type at a judge's pace and push after every score, all at once; each
latency runs from the score's commit on the laptop to the hub's signed receipt, which the hub
sends after the merge has committed (so the score is in the hub's results). The floor is one
laptop doing the same alone, in the same run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from argon2 import PasswordHasher

from benchmarks.common import ROOT, Config, Row, percentile, seconds, verdict
from benchmarks.synthetic import BENCH_PASSPHRASE, Size, create_convention, secretariat
from benchmarks.synthetic import synthetic_spec as spec_of
from juryapp.bootstrap import bootstrap
from juryapp.domain.kinds import Role
from juryapp.lan.server import HubServer
from juryapp.lan.tls import hub_certificate

TARGET = 2.0  # seconds, p95
JUDGES = 20
PIN = "246810"  # benchmarks/lan_child.py signs in with it


def _hub(folder: Path) -> Path:
    hub = folder / "hub.sqlite3"
    services = bootstrap(hub, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    try:
        spec = spec_of(Size(100, JUDGES, 10))
        create_convention(services, spec)
        actor = secretariat(services)
        for judge in spec.judges:
            services.accounts.create(
                actor, judge.code.lower(), PIN, role=Role.JUDGE, judge_code=judge.code
            )
    finally:
        services.close()
    return hub


def _run(folder: Path, hub: Path, judges: list[str], scores: int) -> list[float]:
    """Laptops for ``judges`` typing ``scores`` each against one serving hub; all latencies."""
    services = bootstrap(hub)
    certificate = hub_certificate(folder / "tls")
    actor = secretariat(services)
    key = services.keys.unlock(actor, BENCH_PASSPHRASE)
    server = HubServer(services, actor, key, certificate, host="127.0.0.1", port=0)
    port = server.start()
    package = folder / "paket.jurypkg"
    package.write_bytes(
        services.hub.export_package(
            actor, key, hub_address=f"127.0.0.1:{port}", hub_certificate=certificate.sha256
        )
    )
    children = []
    try:
        for number, judge in enumerate(judges):
            laptop = folder / f"laptop-{judge}.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{laptop}{suffix}").unlink(missing_ok=True)
            children.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "benchmarks.lan_child",
                        str(package),
                        str(laptop),
                        judge,
                        str(scores),
                        str(number),
                    ],
                    cwd=ROOT,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                )
            )
        for judge, child in zip(judges, children, strict=True):
            assert child.stdout is not None
            _, fingerprint, public = child.stdout.readline().split()
            enrolled = {k.fingerprint for k in services.judge_keys.enrolled(actor)}
            if fingerprint not in enrolled:
                services.judge_keys.enrol(actor, judge, bytes.fromhex(public), fingerprint)
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        latencies: list[float] = []
        for child in children:
            assert child.stdout is not None
            for line in child.stdout:
                if line.startswith("latencies "):
                    latencies += json.loads(line.split(" ", 1)[1])
            child.wait(600)
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
        server.stop()
        services.close()
    return latencies


def measure(config: Config) -> Row:
    folder = config.work / "lan"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    hub = _hub(folder)
    scores = 10 if config.quick else 30
    judges = [f"J{n}" for n in range(1, JUDGES + 1)]
    alone = _run(folder, shutil.copy(hub, folder / "alone.sqlite3"), judges[:1], scores)
    together = _run(folder, hub, judges, scores)
    p95, floor = percentile(together, 0.95), percentile(alone, 0.95)
    return Row(
        what=f"A score typed on a judge's laptop until the hub holds it, LAN on loopback, "
        f"{JUDGES} laptops pushing at once (p50 / p95 / max)",
        figure=f"{seconds(percentile(together, 0.5))} / {seconds(p95)} / {seconds(max(together))}",
        floor=f"{seconds(floor)} p95 (one laptop alone)",
        ratio=f"{p95 / floor:.1f}×",
        target=f"p95 ≤ {TARGET:.0f} s",
        verdict=verdict(p95 <= TARGET and len(together) == JUDGES * scores),
        details={"latencies": together, "alone": alone, "scores_per_laptop": scores},
        notes="each laptop types every 0.5–2 s and pushes after every score (TLS, a new "
        "connection a push); the receipt is sent after the hub's merge has committed",
    )
