"""The hostile-file corpus: every file refused whole in one line, or read right, within caps."""

from __future__ import annotations

import re
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from juryapp.domain.access import Actor
from juryapp.domain.messages import FileProblemError, set_language
from tests.corpus.generated import generated_cases
from tests.corpus.model import Case, file_cases
from tests.corpus.parsers import PARSERS
from tests.dump import logical_dump
from tests.figures import record
from tests.services.conftest import Stack

CASES = file_cases() + generated_cases()
MEMORY_CAP = 250_000_000  # bytes Python may hold at the peak of one refusal
_outcomes: list[tuple[str, str, float, int]] = []  # parser, outcome, seconds, peak bytes


@pytest.fixture(scope="module", autouse=True)
def _figures() -> Iterator[None]:
    _outcomes.clear()
    yield
    if not _outcomes:
        return
    by_parser: dict[str, Counter[str]] = {}
    for parser, outcome, _seconds, _peak in _outcomes:
        by_parser.setdefault(parser, Counter())[outcome] += 1
    record(
        "hostile files",
        tried=len(_outcomes),
        refused=sum(1 for o in _outcomes if o[1] == "refused"),
        accepted=sum(1 for o in _outcomes if o[1] == "accepted"),
        unexpected=sum(1 for o in _outcomes if o[1] == "unexpected"),
        slowest_seconds=round(max(o[2] for o in _outcomes), 3),
        largest_peak_mb=round(max(o[3] for o in _outcomes) / 1e6, 1),
        by_parser={p: dict(c) for p, c in sorted(by_parser.items())},
    )


def test_every_parser_has_cases() -> None:
    assert {case.parser for case in CASES} == set(PARSERS)
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize(
    "case",
    [
        # a backup is a SQLite file: a PostgreSQL hub is backed up with pg_dump instead
        pytest.param(c, id=c.id, marks=pytest.mark.sqlite_only if c.parser == "backup" else ())
        for c in CASES
    ],
)
def test_hostile_file(stack: Stack, sek1: Actor, tmp_path: Path, case: Case) -> None:
    folder = tmp_path / "Berkas Siti ñ"
    folder.mkdir()
    path = case.make(folder, stack.path)
    before = logical_dump(stack)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        PARSERS[case.parser](stack, sek1, path)
    except FileProblemError as exc:
        outcome, error = "refused", exc
    except Exception:
        _outcomes.append((case.parser, "unexpected", 0.0, 0))
        raise
    else:
        outcome, error = "accepted", None
    finally:
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    _outcomes.append((case.parser, outcome, seconds, peak))
    assert outcome == case.expect, f"{case.id}: {error}"
    assert peak < MEMORY_CAP
    if error is None:
        return
    assert logical_dump(stack) == before, "a refused file changed the database"
    assert error.file == path.name
    if case.row is not None:
        assert error.row == case.row, str(error)
    if case.column is not None:
        assert error.column == case.column, str(error)
    assert error.text.id != error.text.en
    for lang in ("id", "en"):
        set_language(lang)
        line = str(error)
        assert "\n" not in line and "\r" not in line and len(line) < 600, line
        assert path.name in line
        assert all(len(quoted) <= 60 for quoted in re.findall(r"'([^']*)'", line)), line
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", line)
    set_language("id")
