"""Results of a large convention by every method: the engine, and the service with its load."""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import Config, Row, median, seconds, timed, verdict
from juryapp.bootstrap import bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Method
from juryapp.domain.results import compute_results

LIMIT = 0.5


def measure(config: Config, database: Path, label: str) -> list[Row]:
    services = bootstrap(database)
    actor = Actor.reader()
    load = [timed(lambda: services.results.snapshot(actor))[0] for _ in range(config.runs)]
    snapshot = services.results.snapshot(actor)
    per_method: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for method in Method:
        samples = [
            timed(lambda m=method: compute_results(
                snapshot.spec, snapshot.sheets, snapshot.decisions, m))
            for _ in range(config.runs)
        ]  # fmt: skip
        per_method[method.value] = [wall for wall, _ in samples]
        cpu[method.value] = [c for _, c in samples]
    service = [timed(lambda: services.results.compute(actor))[0] for _ in range(config.runs)]
    services.close()
    worst = max(median(v) for v in per_method.values())
    figures = ", ".join(f"{m} {seconds(median(v))}" for m, v in per_method.items())
    return [
        Row(
            what=f"Results for {label}, every method (engine)",
            figure=figures,
            target=f"≤ {seconds(LIMIT)} per method",
            verdict=verdict(worst <= LIMIT),
            details={"wall": per_method, "cpu": cpu},
        ),
        Row(
            what=f"Results for {label} through ResultsService.compute (database load + engine)",
            figure=f"{seconds(median(service))} (of which loading the snapshot "
            f"{seconds(median(load))})",
            target="— (for information)",
            details={"compute": service, "snapshot": load},
        ),
    ]
