"""The composition root opens a database and wires every service to it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def test_bootstrap_wires_one_database(tmp_path: Path) -> None:
    if importlib.util.find_spec("juryapp.interchange.tabular") is None:
        pytest.skip("the spreadsheet reader is not in the tree yet")
    from juryapp.bootstrap import bootstrap  # noqa: PLC0415

    services = bootstrap(tmp_path / "konvensi.sqlite3")
    try:
        assert not services.database.has_convention()
        for service in (services.setup, services.accounts, services.scoring, services.results):
            assert service._db is services.database
    finally:
        services.close()
