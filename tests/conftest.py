"""Test-wide settings: Qt offscreen, Indonesian first, and a chosen way to start processes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator

import pytest

from juryapp.domain import messages

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# JURYAPP_START_METHOD=spawn runs the suite with processes started as Windows and macOS
# start them (a fresh interpreter, nothing inherited), whatever this system's default.
if os.environ.get("JURYAPP_START_METHOD"):
    multiprocessing.set_start_method(os.environ["JURYAPP_START_METHOD"], force=True)


@pytest.fixture(autouse=True)
def _indonesian_messages() -> Iterator[None]:
    """The command line sets the message language process-wide; never let it leak."""
    messages.set_language("id")
    yield
    messages.set_language("id")
