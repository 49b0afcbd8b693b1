"""Test-wide settings: Qt offscreen, Indonesian first, and a chosen way to start processes."""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import settings

from juryapp.domain import commands, messages

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# --hypothesis-profile=mutation (tools/mutation.py): the same, fewer examples every run, and
# no deadline, since a mutated module runs several times slower
settings.register_profile(
    "mutation", deadline=None, derandomize=True, database=None, max_examples=30
)
# JURYAPP_START_METHOD=spawn runs the suite with processes started as Windows and macOS
# start them (a fresh interpreter, nothing inherited), whatever this system's default.
if os.environ.get("JURYAPP_START_METHOD"):
    multiprocessing.set_start_method(os.environ["JURYAPP_START_METHOD"], force=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgresql",
        default=None,
        help="a PostgreSQL server URL: the persistence, service, merge and concurrency tests "
        "also run against it (default: JURYAPP_TEST_POSTGRESQL)",
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The order's seed, to run the same order again, and skipped tests counted by reason: one
    line for the whole PostgreSQL half, not hundreds."""
    seed = terminalreporter.config.getoption("randomly_seed", default=None)
    if isinstance(seed, int) and terminalreporter.config.getoption("randomly_reorganize", True):
        terminalreporter.line(f"random order: run it again with --randomly-seed={seed}")
    reasons: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reasons[reason.removeprefix("Skipped: ")] += 1
    if reasons:
        terminalreporter.section("skipped, by reason")
        for reason, count in reasons.most_common():
            terminalreporter.line(f"{count:5d} × {reason}")


@pytest.fixture(autouse=True)
def _indonesian_messages() -> Iterator[None]:
    """The command line sets the message language process-wide; never let it leak."""
    messages.set_language("id")
    yield
    messages.set_language("id")


@pytest.fixture(autouse=True)
def _no_scale_checks_remembered() -> None:
    """The score handler remembers values already found on a scale; no test relies on what an
    earlier one left there."""
    commands._ON_SCALE.clear()
