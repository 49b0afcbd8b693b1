"""Test-wide settings: Qt runs offscreen and every test starts in Indonesian."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from juryapp.domain import messages

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgresql",
        default=None,
        help="a PostgreSQL server URL: the persistence, service, merge and concurrency tests "
        "also run against it (default: JURYAPP_TEST_POSTGRESQL)",
    )


@pytest.fixture(autouse=True)
def _indonesian_messages() -> Iterator[None]:
    """The command line sets the message language process-wide; never let it leak."""
    messages.set_language("id")
    yield
    messages.set_language("id")
