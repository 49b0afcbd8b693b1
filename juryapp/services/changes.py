"""What changed since a point of the audit trail: the feed every screen refreshes from.

Every change any process makes (this app, the command line, another secretariat laptop, a
judge's log merged by the hub) appends an audit event in the same transaction, so the trail
read after a sequence number says what changed, in which order, wherever it was made. An event
that changes sheets records each changed sheet's state under ``sheets`` ("J1/PKM-01": …), one
that changes the set-up a digest under ``setup``, one about accounts a digest under
``accounts``; lock, release, tie decisions and the key are named by their action.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import Table, bindparam, select

from juryapp.persistence.database import Database
from juryapp.persistence.tables import AuditHeadRow, AuditRow

__all__ = ["Change", "ChangeFeed", "Changes", "classify"]

_EVENTS = cast(Table, AuditRow.__table__)
_HEADS = cast(Table, AuditHeadRow.__table__)
_HEAD = select(_HEADS.c.seq).where(_HEADS.c.id == 1)
_AFTER = (
    select(_EVENTS.c.seq, _EVENTS.c.action, _EVENTS.c.details)
    .where(_EVENTS.c.seq > bindparam("after"), _EVENTS.c.seq <= bindparam("head"))
    .order_by(_EVENTS.c.seq)
)

# Beyond this many events at once (a window left asleep, a restore) reading them one by one
# costs more than every screen reading everything again.
MOST_EVENTS = 2_000
# Beyond this many sheets in one feed, screens reload every sheet rather than each one.
MOST_SHEETS = 500
# An event's details longer than this (an import, a baseline: megabytes of sheet states) are
# not parsed: the keys it recorded say enough, and parsing megabytes would hold Python's
# interpreter lock, and with it the desktop app's GUI thread, for a tenth of a second.
LONGEST_PARSED = 100_000

# Actions whose subject is the results' state: lock, unlock, release, tie decisions and the
# key. They record a set-up digest too (the lock and the keys are part of it), but they change
# nothing a set-up or scoring screen shows.
_RESULTS_ACTIONS = ("results.", "tie.", "key.")
# Actions about the judges' own laptops: what the hub received, forks, the judges' keys. The
# judges' keys are part of the set-up digest they record, but no set-up screen shows them.
_LAPTOP_ACTIONS = ("log.", "judge_key.")


class Change(StrEnum):
    """The kinds of data a change can touch; each screen refreshes on the kinds it shows."""

    SCORES = "scores"  # score sheets: values, notes, states, abstentions
    SETUP = "setup"  # details, days, categories, rubric, teams, judges, conflicts, schedule
    RESULTS = "results"  # lock, release, tie decisions, the signing key
    ACCOUNTS = "accounts"  # accounts, PINs, lockouts, sign-ins
    LAPTOPS = "laptops"  # judges' logs merged at the hub, forks settled, judges' keys


Sheet = tuple[str, str]  # (judge code, team code)


@dataclass(frozen=True)
class Changes:
    """The changes in the trail after ``since`` up to ``head`` (both sequence numbers).

    ``sheets`` names each changed sheet while there are few; ``every_sheet`` says a bulk
    change (an import, a restore) touched more than a screen should look at one by one.
    """

    since: int
    head: int
    kinds: frozenset[Change] = frozenset()
    sheets: frozenset[Sheet] = frozenset()
    every_sheet: bool = False
    events: int = 0

    @classmethod
    def everything(cls, since: int, head: int, events: int = 0) -> Changes:
        return cls(since, head, frozenset(Change), frozenset(), True, events)

    @property
    def empty(self) -> bool:
        return not self.kinds

    def touches(self, kinds: Iterable[Change]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def sheets_of(self, judge: str) -> frozenset[Sheet]:
        return frozenset(s for s in self.sheets if s[0] == judge)

    def then(self, later: Changes) -> Changes:
        """These changes followed by ``later`` ones, as one."""
        every = self.every_sheet or later.every_sheet
        sheets = frozenset() if every else self.sheets | later.sheets
        if len(sheets) > MOST_SHEETS:
            every, sheets = True, frozenset()
        return Changes(
            min(self.since, later.since),
            max(self.head, later.head),
            self.kinds | later.kinds,
            sheets,
            every,
            self.events + later.events,
        )


@dataclass
class _Collected:
    kinds: set[Change] = field(default_factory=set)
    sheets: set[Sheet] = field(default_factory=set)
    every_sheet: bool = False


def classify(action: str, details: dict[str, Any]) -> tuple[frozenset[Change], frozenset[Sheet]]:
    """The kinds of data one audit event changed, and the sheets it names.

    A bulk event names its sheets too; the caller decides when they are too many to follow.
    """
    if action.startswith(_RESULTS_ACTIONS):
        return frozenset({Change.RESULTS}), frozenset()
    laptops = action.startswith(_LAPTOP_ACTIONS)
    kinds: set[Change] = {Change.LAPTOPS} if laptops else set()
    sheets: set[Sheet] = set()
    recorded = details.get("sheets")
    if isinstance(recorded, dict) and recorded:  # an empty one: no sheet changed
        kinds.add(Change.SCORES)
        for key in recorded:
            judge, _, team = str(key).partition("/")
            if judge and team:
                sheets.add((judge, team))
    if "setup" in details and not laptops:
        kinds.add(Change.SETUP)
    if "accounts" in details:
        kinds.add(Change.ACCOUNTS)
    return frozenset(kinds), frozenset(sheets)


class ChangeFeed:
    """Reads the trail after a sequence number; safe from any thread, any process."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def head(self) -> int:
        """The sequence number of the latest event (0 for an empty trail)."""
        with self._db.reading() as session:
            return int(session.execute(_HEAD).scalar() or 0)

    def since(self, after: int) -> Changes:
        """What the events after ``after`` changed; one indexed read when nothing did."""
        with self._db.reading() as session:
            connection = session.connection()
            head = int(connection.execute(_HEAD).scalar() or 0)
            if head == after:
                return Changes(after, head)
            if head < after or head - after > MOST_EVENTS:
                # A trail that went back (another copy of the database was put in place) or
                # a long absence: everything may have changed.
                return Changes.everything(after, head, max(head - after, 0))
            collected = _Collected()
            events = 0
            for _seq, action, details in connection.execute(_AFTER, {"after": after, "head": head}):
                events += 1
                if len(details or "") > LONGEST_PARSED:  # a bulk change: every sheet
                    kinds, sheets = _classify_unparsed(action, details)
                    collected.kinds |= kinds
                    if Change.SCORES in kinds:
                        collected.every_sheet = True
                        collected.sheets.clear()
                    continue
                kinds, sheets = classify(action, _details(details))
                collected.kinds |= kinds
                if not collected.every_sheet:
                    collected.sheets |= sheets
                    if len(collected.sheets) > MOST_SHEETS:
                        collected.every_sheet = True
                        collected.sheets.clear()
        return Changes(
            after,
            head,
            frozenset(collected.kinds),
            frozenset(collected.sheets),
            collected.every_sheet,
            events,
        )


def _classify_unparsed(action: str, details: str) -> tuple[frozenset[Change], frozenset[Sheet]]:
    """``classify`` from the keys a long event recorded, found in its text without parsing it.

    A quoted key followed by a colon is a key: a quote inside a value is escaped. A nested key
    of the same name (a criterion coded "setup") only makes a screen read once too often.
    """
    if action.startswith(_RESULTS_ACTIONS):
        return frozenset({Change.RESULTS}), frozenset()
    laptops = action.startswith(_LAPTOP_ACTIONS)
    found = {Change.LAPTOPS} if laptops else set()
    found |= {
        kind
        for kind, key in (
            (Change.SCORES, '"sheets":'),
            (Change.SETUP, '"setup":'),
            (Change.ACCOUNTS, '"accounts":'),
        )
        if key in details and not (laptops and kind is Change.SETUP)
    }
    return frozenset(found), frozenset()


def _details(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:  # the integrity check reports a damaged event; the feed reads on
        return {}
    return value if isinstance(value, dict) else {}
