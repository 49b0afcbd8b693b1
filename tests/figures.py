"""Figures a reliability test reports, gathered by tools/reliability.py into docs/reliability.md.

Each test that measures something calls ``record`` with its figures; when the environment
names a folder in ``JURYAPP_RELIABILITY_OUT``, they are appended there as one JSON line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

OUT = "JURYAPP_RELIABILITY_OUT"


def record(test: str, **figures: object) -> None:
    """Keep ``figures`` of ``test`` for the report (a no-op outside a reliability run)."""
    folder = os.environ.get(OUT)
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    line = json.dumps({"test": test, **figures}, ensure_ascii=False, default=str)
    with (Path(folder) / "figures.jsonl").open("a", encoding="utf-8") as stream:
        stream.write(line + "\n")
