"""A full disk and read-only media: every write says which file and what to do, leaves
nothing partial, and the database is whole and unchanged when it is opened again."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from juryapp.bootstrap import Services, bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Role
from juryapp.domain.messages import JuryError, set_language
from juryapp.interchange.tabular import write_table
from juryapp.persistence.database import Database
from juryapp.persistence.tables import UserRow
from juryapp.services import audit
from tests.dump import logical_dump
from tests.figures import record
from tests.mounts import fill, read_only_view, small_disk
from tests.services.conftest import CRITERIA, KEY_PASSPHRASE, copy_database

DISK_KIB = 4096


@dataclass
class Place:
    """A database (and room for files) on a medium that cannot take what is written."""

    database: Path
    folder: Path  # on the same medium, for documents and backups
    elsewhere: Path  # on a disk with room
    services: Services
    actor: Actor


def _judge(services: Services) -> Actor:
    return services.accounts.sign_in("j1", "0001")


def _scores_file(folder: Path) -> Path:
    path = folder / "nilai.csv"
    write_table(
        path,
        ["judge", "team", "criterion", "score"],
        [["J1", "PKM-01", code, "4"] for code in CRITERIA],
    )
    return path


def _backup_of(place: Place) -> Path:
    """A true backup kept where there is room (made before the medium went bad)."""
    return place.elsewhere / "cadangan.sqlite3"


Action = Callable[[Place], object]
ACTIONS: dict[str, Action] = {
    "save": lambda p: p.services.scoring.set_score(
        _judge(p.services), "J1", "PKM-01", "K1", Decimal(4)
    ),
    "import": lambda p: p.services.imports.import_scores(p.actor, _scores_file(p.elsewhere)),
    "lock": lambda p: p.services.locking.lock(p.actor, "uji", KEY_PASSPHRASE),
    "report": lambda p: p.services.publishing.publish(p.actor, p.folder / "Dokumen Siti"),
    "backup": lambda p: p.services.backups.back_up_to(p.actor, p.folder / "cadangan 2.sqlite3"),
    "restore": lambda p: p.services.backups.restore(p.actor, _backup_of(p)),
}
_figures: dict[str, dict[str, str]] = {"full disk": {}, "read-only medium": {}}


@pytest.fixture
def stack_template(settled_template: Path) -> Path:
    """Every sheet settled (abstentions), so that the results can be locked."""
    return settled_template


def signed_in(services: Services) -> Actor:
    """sek1 as signing in would make them, without the sign-in's own write: on a read-only
    medium nobody can sign in (each sign-in is recorded), yet every action must be refused
    for what it is."""
    with services.database.reading() as session:
        user_id = session.scalar(select(UserRow.id).where(UserRow.username == "sek1"))
    return Actor(username="sek1", role=Role.SECRETARIAT, user_id=user_id, display_name="sek1")


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    for medium, results in _figures.items():
        if results:
            record(f"{medium}", **results)


def _check_refusal(error: JuryError, names: tuple[str, ...]) -> str:
    set_language("en")
    line = str(error)
    set_language("id")
    assert "\n" not in line
    assert any(name in line for name in names), line
    return line


def _whole_and_unchanged(database: Path, before: list[str]) -> None:
    with closing(sqlite3.connect(database)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    opened = Database.open(database)
    try:
        with opened.reading() as session:
            assert audit.verify(session).intact
    finally:
        opened.close()
    assert logical_dump(database) == before


def _no_leftovers(folder: Path) -> None:
    leftovers = [p.name for p in folder.rglob("*") if p.name.startswith(".") or p.suffix == ".part"]
    assert leftovers == []


@pytest.mark.parametrize("action", list(ACTIONS))
def test_on_a_full_disk(action: str, stack_template: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    with small_disk(tmp_path / "disk", DISK_KIB) as disk:
        database = disk / "konvensi.sqlite3"
        copy_database(stack_template, database)
        services = bootstrap(database)
        actor = signed_in(services)
        services.ensure_open()
        services.backups.back_up_to(actor, elsewhere / "cadangan.sqlite3")
        with services.database.engine.connect() as connection:  # an empty -wal to grow
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        place = Place(database, disk, elsewhere, services, actor)
        before = logical_dump(database)
        filler = fill(disk)
        try:
            with pytest.raises(JuryError) as caught:
                ACTIONS[action](place)
        finally:
            services.close()
            filler.unlink()
        line = _check_refusal(caught.value, (str(disk), "konvensi.sqlite3", "cadangan 2"))
        assert "full" in line
        _whole_and_unchanged(database, before)
        if (disk / "Dokumen Siti").exists():
            _no_leftovers(disk / "Dokumen Siti")
        assert not (disk / "cadangan 2.sqlite3").exists()
        assert not [p for p in disk.iterdir() if p.name.startswith(".")]
    _figures["full disk"][action] = line.replace(str(tmp_path), "…")


@pytest.mark.parametrize("action", list(ACTIONS))
def test_on_read_only_media(action: str, stack_template: Path, tmp_path: Path) -> None:
    medium = tmp_path / "cd"
    medium.mkdir()
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    database = medium / "konvensi.sqlite3"
    copy_database(stack_template, database)
    copy_database(stack_template, elsewhere / "cadangan.sqlite3")
    before = logical_dump(database)
    with read_only_view(medium, tmp_path / "terkunci") as view:
        services = bootstrap(view / database.name)
        try:
            assert services.ensure_open().database.read_only is not None
            place = Place(view / database.name, view, elsewhere, services, signed_in(services))
            with pytest.raises(JuryError) as caught:
                ACTIONS[action](place)
        finally:
            services.close()
        line = _check_refusal(caught.value, (str(view), "konvensi.sqlite3", "cadangan 2"))
        assert any(word in line for word in ("read-only", "cannot be written", "cannot be saved"))
    _whole_and_unchanged(database, before)
    assert sorted(p.name for p in medium.iterdir()) == ["konvensi.sqlite3"]
    _figures["read-only medium"][action] = line.replace(str(tmp_path), "…")
