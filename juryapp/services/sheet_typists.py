"""Who typed, imported or corrected a sheet's values since its last confirmation, by the trail."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from juryapp.persistence.tables import AuditRow, CriterionRow

# Events that write values into many sheets at once, each sheet's state in their details: by
# the person who imports, or the judges' own values (a judge's signed log merged by the
# secretariat, the demo's judges' sheets).
_TYPED_BY_THE_ACTOR = ("scores.import",)
_THE_JUDGES_OWN = ("log.merge", "log.fork_taken", "demo.scores")
_MANY_SHEETS = (*_TYPED_BY_THE_ACTOR, *_THE_JUDGES_OWN)
_CONFIRM = "sheet.confirm"


def _like_text(text: str) -> str:
    """``text`` for a LIKE pattern, its wildcards taken literally (escaped with a backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _state_of(details: str, sheet: str) -> dict[str, Any] | None:
    found = json.loads(details).get("sheets", {}).get(sheet)
    return found if isinstance(found, dict) else None


def changed_since_confirmed(session: Session, judge_code: str, team_code: str) -> set[str]:
    """Everyone whose value still stands on the sheet and nobody else has confirmed since.

    The two-person rule reads this beside the scores' ``checked`` marks. The marks say the same
    while the file is as the app left it; someone who sets them behind the app cannot change
    the hash-chained trail without the check finding it. A value is someone's when they typed
    it, or when an event of theirs recorded the sheet with it changed (an import, a
    correction); a value from a judge's merged log is the judge's. A later change by another
    person makes it theirs.
    """
    sheet = f"{judge_code}/{team_code}"
    since = session.scalar(
        select(func.max(AuditRow.seq)).where(AuditRow.subject == sheet, AuditRow.action == _CONFIRM)
    )
    values: dict[str, Any] = {}
    if since is not None:
        confirmed = _state_of(
            session.scalar(select(AuditRow.details).where(AuditRow.seq == since)) or "{}", sheet
        )
        values = {code: score[0] for code, score in (confirmed or {}).get("scores", {}).items()}
    # A value typed or corrected names its criterion; every sheet event holds the sheet's state.
    subjects = [sheet, *(f"{sheet}/{code}" for code in session.scalars(select(CriterionRow.code)))]
    events = session.execute(
        select(AuditRow.actor, AuditRow.action, AuditRow.details)
        .where(
            AuditRow.seq > (since or 0),
            or_(
                AuditRow.subject.in_(subjects),
                AuditRow.action.in_(_MANY_SHEETS)
                & AuditRow.details.like(f'%"{_like_text(sheet)}":%', escape="\\"),
            ),
        )
        .order_by(AuditRow.seq)
    )
    owners: dict[str, str] = {}
    for actor, action, details in events:
        owner = f"judge {judge_code}" if action in _THE_JUDGES_OWN else actor
        state = _state_of(details, sheet) if '"sheets"' in details else None
        # Each recorded state is compared with the one before it, so that whoever only hands
        # in, notes or confirms values typed by another takes none of them over.
        for code, score in (state or {}).get("scores", {}).items():
            if values.get(code) != score[0]:
                values[code], owners[code] = score[0], owner
    return set(owners.values())
