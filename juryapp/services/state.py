"""The stored convention as canonical facts: what a seal signs and what the audit trail replays.

Every column of the set-up and score tables is included unless it is listed below as
bookkeeping, so a column added later is sealed without anyone remembering to add it here.
Row ids never appear: rows are named by their codes, as people name them.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, String, Table, select, type_coerce

from juryapp.persistence.tables import (
    CategoryRow,
    ConflictRow,
    ConventionRow,
    CriterionRow,
    DayRow,
    JudgeKeyRow,
    JudgeRow,
    LevelRow,
    MemberRow,
    ScoreRow,
    SheetRow,
    SigningKeyRow,
    TeamRow,
    TieDecisionRow,
    UserRow,
)
from juryapp.persistence.types import decimal_text

Path = tuple[str, ...]
Facts = dict[Path, Any]

# Bookkeeping that no document shows and that changes without changing any result.
_NOT_FACTS = {
    "convention": {"id", "results_released"},
    "sheet": {"id", "judge_id", "team_id", "updated_at"},
    "score": {"id", "sheet_id", "criterion_id", "updated_at", "updated_by", "checked"},
    # the sealed private half changes with the passphrase; the key itself does not
    "key": {"id", "sealed_private_key"},
    "judge_key": {"id", "judge_id", "sealed_private_key"},
}
# Large reads (every score) come in batches: one fetch of 200,000 rows is a single call into
# the driver that keeps Python's interpreter lock from the desktop app's GUI thread for a
# fifth of a second; between batches that thread gets its turn.
BATCH_ROWS = 2_000

_TABLE = {
    name: cast(Table, row.__table__)
    for name, row in {
        "convention": ConventionRow,
        "day": DayRow,
        "category": CategoryRow,
        "criterion": CriterionRow,
        "level": LevelRow,
        "team": TeamRow,
        "member": MemberRow,
        "judge": JudgeRow,
        "conflict": ConflictRow,
        "tie": TieDecisionRow,
        "sheet": SheetRow,
        "score": ScoreRow,
        "user": UserRow,
        "key": SigningKeyRow,
        "judge_key": JudgeKeyRow,
    }.items()
}


def fact(value: Any) -> Any:
    """A stored value in a canonical JSON-ready form (images by their SHA-256)."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    return value


def _columns(name: str, skip: Iterable[str] = ()) -> list[str]:
    hidden = _NOT_FACTS.get(name, {"id"}) | set(skip)
    return [c.name for c in _TABLE[name].columns if c.name not in hidden]


def _codes(connection: Connection, name: str) -> dict[int, str]:
    table = _TABLE[name]
    return {row_id: code for row_id, code in connection.execute(select(table.c.id, table.c.code))}  # noqa: C416


def setup_facts(connection: Connection) -> Facts:
    """Everything about the convention except its sheets and scores (its keys included)."""
    categories = _codes(connection, "category")
    judges = _codes(connection, "judge")
    teams = _codes(connection, "team")
    facts: Facts = {}
    conventions = list(connection.execute(select(_TABLE["convention"])).mappings())
    for row in conventions:
        facts |= _row_facts("convention", row, ("convention",))
    if len(conventions) != 1:  # the app reads one row: a second could hide a changed first
        facts[("convention", "rows")] = len(conventions)
    for row in connection.execute(select(_TABLE["day"])).mappings():
        facts |= _row_facts("day", row, ("day", str(row["position"])), {"position"})
    for name in ("category", "criterion", "judge"):
        for row in connection.execute(select(_TABLE[name])).mappings():
            facts |= _row_facts(name, row, (name, row["code"]), {"code"})
    facts |= _levels(connection)
    for row in connection.execute(select(_TABLE["team"])).mappings():
        facts |= _row_facts("team", row, ("team", row["code"]), {"code", "category_id"})
        facts[("team", row["code"], "category")] = categories.get(row["category_id"])
    for row in connection.execute(select(_TABLE["member"])).mappings():
        place = ("team", teams[row["team_id"]], "member", str(row["position"]))
        if place in facts:  # two members in one place: neither may hide the other
            facts[(*place, "rows")] = facts.get((*place, "rows"), 1) + 1
        facts[place] = row["name"]
    facts[("conflicts",)] = sorted(
        [
            judges[row["judge_id"]],
            teams.get(row["team_id"]) if row["team_id"] is not None else None,
            *(fact(row[c]) for c in _columns("conflict", {"judge_id", "team_id"})),
        ]
        for row in connection.execute(select(_TABLE["conflict"])).mappings()
    )
    facts[("ties",)] = sorted(
        [
            categories.get(row["category_id"]),
            *(fact(row[c]) for c in _columns("tie", {"category_id"})),
        ]
        for row in connection.execute(select(_TABLE["tie"])).mappings()
    )
    for row in connection.execute(select(_TABLE["key"])).mappings():
        facts |= _row_facts("key", row, ("key", row["fingerprint"]), {"fingerprint"})
    for row in connection.execute(select(_TABLE["judge_key"])).mappings():
        path = ("judge_key", row["fingerprint"])
        facts |= _row_facts("judge_key", row, path, {"fingerprint"})
        facts[(*path, "judge")] = judges.get(row["judge_id"])
    return facts


def _row_facts(name: str, row: Any, path: Path, skip: Iterable[str] = ()) -> Facts:
    return {(*path, column): fact(row[column]) for column in _columns(name, skip)}


def _levels(connection: Connection) -> Facts:
    criteria = _codes(connection, "criterion")
    facts: Facts = {}
    for row in connection.execute(select(_TABLE["level"])).mappings():
        path = ("criterion", criteria[row["criterion_id"]], "level", fact(row["score"]))
        facts |= _row_facts("level", row, path, {"criterion_id", "score"})
    return facts


def sheet_facts(connection: Connection) -> Facts:
    """Every sheet with who typed and confirmed it and its scores, one fact per sheet.

    One fact per sheet rather than per score: a large convention holds 200,000 scores, and
    the seal is made and checked in the time a person waits for a lock. Score values are
    taken as stored, which is already their canonical text.
    """
    judges = _codes(connection, "judge")
    teams = _codes(connection, "team")
    criteria = _codes(connection, "criterion")
    users = dict(connection.execute(select(_TABLE["user"].c.id, _TABLE["user"].c.username)).all())
    sheet_table, score_table = _TABLE["sheet"], _TABLE["score"]
    sheet_columns = _columns("sheet")
    people = {"entered_by", "confirmed_by", "corrected_by"}
    score_columns = [c for c in _columns("score") if c not in ("value", "note")]
    scores: dict[int, dict[str, list[Any]]] = defaultdict(dict)
    for sheet_id, criterion_id, value, note, *others in connection.execute(
        select(
            score_table.c.sheet_id,
            score_table.c.criterion_id,
            type_coerce(score_table.c.value, String),
            score_table.c.note,
            *(score_table.c[c] for c in score_columns),
        ).execution_options(yield_per=BATCH_ROWS)
    ):
        scores[sheet_id][criteria[criterion_id]] = [value, note, *(fact(v) for v in others)]
    facts: Facts = {}
    for row in connection.execute(
        select(
            sheet_table.c.id,
            sheet_table.c.judge_id,
            sheet_table.c.team_id,
            *(sheet_table.c[c] for c in sheet_columns),
        )
    ):
        sheet_id, judge_id, team_id, *values = row
        entry: dict[str, Any] = {}
        for column, value in zip(sheet_columns, values, strict=True):
            if column in people:
                entry[column] = users.get(value) if value is not None else None
            else:
                entry[column] = fact(value)
        entry["scores"] = dict(sorted(scores.get(sheet_id, {}).items()))
        facts[("sheet", judges[judge_id], teams[team_id])] = entry
    return facts


def convention_facts(connection: Connection) -> Facts:
    """Everything any document shows: the set-up, every sheet and score, the lock."""
    return setup_facts(connection) | sheet_facts(connection)


def canonical(facts: Facts) -> bytes:
    """The facts as canonical JSON: a sorted list of [path, value] pairs."""
    pairs = sorted(([list(path), value] for path, value in facts.items()), key=lambda p: p[0])
    return json.dumps(pairs, ensure_ascii=False, separators=(",", ":")).encode()


def from_canonical(data: bytes) -> Facts:
    return {tuple(path): value for path, value in json.loads(data)}


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(facts: Facts) -> str:
    return sha256_hex(canonical(facts))


def setup_digest(connection: Connection) -> str:
    return digest(setup_facts(connection))


def sealed_keys_digest(connection: Connection) -> str:
    """The sealed private half of every signing key. Not sealed with the results (it changes
    with the passphrase, the results do not), yet recorded with every change to the set-up
    and the passphrase: a sealed half put back from an older copy (opening under a
    passphrase since changed) is found."""
    rows = connection.execute(
        select(_TABLE["key"].c.fingerprint, _TABLE["key"].c.sealed_private_key)
    ).all()
    return digest(
        {
            ("key", fingerprint): None if sealed is None else hashlib.sha256(sealed).hexdigest()
            for fingerprint, sealed in rows
        }
    )


def accounts_digest(connection: Connection) -> str:
    """Every account as stored (name, role, hash, lockout), so an account changed or added
    without an event is found; accounts are not sealed, as no document shows them."""
    facts: Facts = {}
    judges = _codes(connection, "judge")
    for row in connection.execute(select(_TABLE["user"])).mappings():
        facts |= _row_facts("user", row, ("user", row["username"]), {"username", "judge_id"})
        facts[("user", row["username"], "judge")] = judges.get(row["judge_id"])
    return digest(facts)


def account_digests(connection: Connection) -> dict[str, str]:
    """Each account's own digest, by username: the trail records them with every change to
    an account, so that an account changed without a record is named, and the change is not
    taken as recorded by a later event about another account or by a sign-in."""
    return {
        row["username"]: digest(_row_facts("user", row, ("user",), {"username"}))
        for row in connection.execute(select(_TABLE["user"])).mappings()
    }


def criterion_codes(connection: Connection) -> list[str]:
    return sorted(_codes(connection, "criterion").values())


# -- the part of a sheet the audit trail replays ----------------------------------------------

SheetState = dict[str, Any]


def sheet_states(connection: Connection, sheet_ids: Iterable[int] | None = None) -> dict[str, Any]:
    """``{"J1/PKM-01": state}`` for the given sheets (all when None), as events record them.

    A state holds the sheet's status, abstention, its note and every score with its note;
    replaying the latest state of each sheet must give back the tables exactly.
    """
    judges = _codes(connection, "judge")
    teams = _codes(connection, "team")
    criteria = _codes(connection, "criterion")
    sheets_table, scores_table = _TABLE["sheet"], _TABLE["score"]
    wanted = None if sheet_ids is None else set(sheet_ids)
    query = select(
        sheets_table.c.id,
        sheets_table.c.judge_id,
        sheets_table.c.team_id,
        sheets_table.c.status,
        sheets_table.c.abstained,
        sheets_table.c.abstain_reason,
        sheets_table.c.note,
    )
    scores_query = select(
        scores_table.c.sheet_id,
        scores_table.c.criterion_id,
        type_coerce(scores_table.c.value, String),  # stored as its canonical text already
        scores_table.c.note,
    )
    if wanted is None:
        chunks: list[list[int] | None] = [None]
    else:  # in slices, so that a merge of a thousand sheets reads only those
        ordered = sorted(wanted)
        chunks = [ordered[i : i + _CHUNK] for i in range(0, len(ordered), _CHUNK)]
    scores: dict[int, dict[str, list[Any]]] = defaultdict(dict)
    rows: list[Any] = []
    for chunk in chunks:
        some_scores, some_sheets = scores_query, query
        if chunk is not None:
            some_sheets = query.where(sheets_table.c.id.in_(chunk))
            some_scores = scores_query.where(scores_table.c.sheet_id.in_(chunk))
        for sheet_id, criterion_id, value, note in connection.execute(some_scores).all():
            scores[sheet_id][criteria[criterion_id]] = [value, note]
        rows.extend(connection.execute(some_sheets).all())
    states: dict[str, Any] = {}
    for sheet_id, judge_id, team_id, status, abstained, reason, note in rows:
        states[f"{judges[judge_id]}/{teams[team_id]}"] = state_of(
            status, bool(abstained), reason, note, scores.get(sheet_id, {})
        )
    return states


_CHUNK = 500


def state_of(
    status: str, abstained: bool, reason: str, note: str, scores: dict[str, list[Any]]
) -> SheetState:
    """One sheet's state in the form events record and the replay compares."""
    return {
        "status": status,
        "abstained": abstained,
        "reason": reason,
        "note": note,
        "scores": {code: [value, text] for code, (value, text) in sorted(scores.items())},
    }
