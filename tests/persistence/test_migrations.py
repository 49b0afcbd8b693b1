"""Migrations: a new file reaches head, reopening changes nothing, and the schema is the model's."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, inspect
from sqlalchemy.dialects import sqlite

from juryapp.persistence import migrate
from juryapp.persistence.database import Database
from juryapp.persistence.engine import create_database_engine
from juryapp.persistence.tables import Base
from juryapp.persistence.types import DecimalText


def _schema(path: Path) -> list[tuple[str, str]]:
    engine = create_database_engine(path)
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
            )
            return [(name, sql) for name, sql in rows]
    finally:
        engine.dispose()


def test_new_file_gets_every_table_and_the_head_revision(tmp_path: Path) -> None:
    path = tmp_path / "baru" / "juri.sqlite3"  # the folder is created too
    db = Database.open(path)
    try:
        tables = set(inspect(db.engine).get_table_names())
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
        head = migrate.head_revision()
        assert head is not None
        assert migrate.current_revision(db.engine) == head
        assert not db.has_convention()
    finally:
        db.close()


def test_opening_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "juri.sqlite3"
    Database.open(path).close()
    before = _schema(path)

    engine = create_database_engine(path)
    statements: list[str] = []

    def capture(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement.strip().split()[0].upper())

    event.listen(engine, "before_cursor_execute", capture)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    assert set(statements) <= {"SELECT", "PRAGMA", "BEGIN", "COMMIT", "ROLLBACK"}
    Database.open(path).close()
    assert _schema(path) == before


def test_migrated_schema_matches_the_model(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "juri.sqlite3")
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()


def test_downgrade_to_base_and_back_to_head(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "juri.sqlite3")
    try:
        config = migrate.alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        assert migrate.current_revision(db.engine) is None
        migrate.upgrade(db.engine)
        assert set(inspect(db.engine).get_table_names()) == set(Base.metadata.tables) | {
            "alembic_version"
        }
    finally:
        db.close()


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12))
def test_decimal_text_keeps_every_decimal_exact(value: Decimal) -> None:
    column = DecimalText()
    dialect = sqlite.dialect()
    stored = column.process_bind_param(value, dialect)
    assert stored is not None
    assert "E" not in stored.upper()
    assert column.process_result_value(stored, dialect) == value


OPENER = """
import sys, time
from pathlib import Path
from juryapp.persistence.database import Database
folder, me, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
(folder / f"ready-{me}").touch()
while len(list(folder.glob("ready-*"))) < n:
    time.sleep(0.001)
Database.open(folder / "juri.sqlite3").close()
"""


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(2))
def test_processes_opening_a_new_file_together_all_succeed(tmp_path: Path, attempt: int) -> None:
    """The first opener migrates under BEGIN IMMEDIATE; the others wait, then find it done."""
    openers = 3
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(tmp_path), str(i), str(openers)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(openers)
    ]
    failures = [p.communicate(timeout=120)[1] for p in processes if p.wait(timeout=120) != 0]
    assert failures == []
    engine = create_database_engine(tmp_path / "juri.sqlite3")
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("value", "text"),
    [("1.50", "1.5"), ("-0", "0"), ("0.000", "0"), ("1E+2", "100"), ("4", "4"), ("2.25", "2.25")],
)
def test_decimal_text_is_canonical(value: str, text: str) -> None:
    assert DecimalText().process_bind_param(Decimal(value), sqlite.dialect()) == text


def test_the_head_constant_matches_the_migration_scripts() -> None:
    """``migrate.HEAD`` spares Alembic at start-up, so it must name the newest migration."""
    assert migrate.head_revision() == migrate.HEAD


def test_a_convention_stored_before_the_letterhead_fields_keeps_its_details(
    tmp_path: Path,
) -> None:
    """A database of the first schema, opened by this version, gets empty letterhead fields."""
    path = tmp_path / "lama.sqlite3"
    engine = create_database_engine(path)
    try:
        config = migrate.alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
            connection.exec_driver_sql(
                "INSERT INTO convention (id, name, theme, organiser, organiser_head_title, "
                "organiser_head_name, organiser_head_nip, venue, city, next_level, "
                "minutes_number, max_team_members, method, trim, total_formula, tie_break, "
                "outlier_threshold, presentation_minutes, qa_minutes, is_demo, "
                "results_released, results_locked, results_version, lock_note, created_at) "
                "VALUES (1, 'Konvensi Lama', '', 'Sudinkes', '', '', '', '', 'Jakarta', '', "
                "'', 7, 'mean', 1, 'range', '', '15', 15, 15, 0, 0, 0, 1, '', "
                "'2024-09-18 08:00:00')"
            )
    finally:
        engine.dispose()
    db = Database.open(path)
    try:
        assert migrate.current_revision(db.engine) == migrate.HEAD
        from juryapp.services.setup import SetupService  # noqa: PLC0415

        info = SetupService(db).spec().info
        assert (info.name, info.organiser, info.city) == ("Konvensi Lama", "Sudinkes", "Jakarta")
        assert (info.parent_body, info.address, info.email, info.logo) == ("", "", "", None)
    finally:
        db.close()
