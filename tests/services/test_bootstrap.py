"""The composition root opens a database and wires every service to it."""

from __future__ import annotations

from pathlib import Path

from juryapp.bootstrap import bootstrap


def test_bootstrap_wires_one_database(tmp_path: Path) -> None:
    services = bootstrap(tmp_path / "konvensi.sqlite3")
    try:
        assert not services.database.has_convention()
        for service in (services.setup, services.accounts, services.scoring, services.results):
            assert service._db is services.database
    finally:
        services.close()
