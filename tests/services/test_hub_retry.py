"""A merge the database server undid for another's sake runs again, whole, once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from juryapp.persistence.database import Failure, database_error
from juryapp.persistence.tables import AuditRow, LogEventRow
from juryapp.services import hub as hub_module
from tests.services.laptop_fixtures import Hub, Laptop, hub, make_laptop, package

__all__ = ["hub", "make_laptop", "package"]

MakeLaptop = Callable[[str], Laptop]


def test_a_merge_undone_by_the_server_is_merged_again_whole(
    make_laptop: MakeLaptop, hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = make_laptop("j2")
    j2 = laptop.sign_in("J2")
    laptop.fill(j2, "PKM-01")
    bundle = laptop.bundle(j2)
    merge, attempts = hub_module.merge, []

    def collides_once(session: Any, *args: Any) -> Any:
        attempts.append(1)
        result = merge(session, *args)  # written, then undone with the transaction
        if len(attempts) == 1:
            raise database_error(Failure.RETRYABLE, "hub")
        return result

    monkeypatch.setattr("juryapp.persistence.database.time.sleep", lambda _s: None)
    monkeypatch.setattr(hub_module, "merge", collides_once)
    imported = hub.enrol_and_merge(bundle)
    assert len(attempts) == 2
    assert imported.result.new == imported.result.applied == len(laptop_events(laptop, j2))
    with hub.stack.database.reading() as session:
        held = session.scalar(select(func.count()).select_from(LogEventRow))
        merges = session.scalar(
            select(func.count()).select_from(AuditRow).where(AuditRow.action == "log.merge")
        )
    assert held == imported.result.new and merges == 1  # the first attempt left nothing


def laptop_events(laptop: Laptop, actor: Any) -> list[Any]:
    from juryapp.services.log_format import read_bundle  # noqa: PLC0415

    return list(read_bundle(laptop.bundle(actor), "b").events)
