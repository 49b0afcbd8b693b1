"""Score changes as commands, and the one handler that decides what each does to a sheet.

The score sheet, the paper entry screen, the command line and a judge's signed log replayed
on the secretariat's laptop all build the same frozen commands from codes, a time and an
origin, and every one of them goes through ``decide``: the rules of a sheet live here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import NoReturn

from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import NotFoundError, PermissionDeniedError, StateError, Text
from juryapp.domain.model import Criterion


class Channel(StrEnum):
    """Where a command was given."""

    SCREEN = "screen"  # the score sheet or the paper entry screen
    COMMAND_LINE = "cli"
    LOG = "log"  # an event of a judge's signed log, merged on the secretariat's laptop


@dataclass(frozen=True)
class Origin:
    channel: Channel = Channel.SCREEN
    log_seq: int | None = None  # the event's number in the judge's log


@dataclass(frozen=True)
class SetScore:
    """Set one criterion's score (``value`` None clears it); a note of None keeps the note."""

    judge: str
    team: str
    criterion: str
    value: Decimal | None
    note: str | None = None
    at: datetime | None = None
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True)
class SetNote:
    judge: str
    team: str
    note: str
    at: datetime | None = None
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True)
class Submit:
    """Hand a complete sheet in; after this only the secretariat changes it, with a reason."""

    judge: str
    team: str
    at: datetime | None = None
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True)
class Abstain:
    """The judge does not score the team (an empty reason withdraws the abstention)."""

    judge: str
    team: str
    reason: str
    at: datetime | None = None
    origin: Origin = field(default_factory=Origin)


Command = SetScore | SetNote | Submit | Abstain


@dataclass(frozen=True)
class Sheet:
    """What the rules need to know of one sheet; ``status`` None: not started yet."""

    status: SheetStatus | None = None
    source: SheetSource = SheetSource.JUDGE
    abstained: bool = False
    reason: str = ""
    note: str = ""
    scores: Mapping[str, tuple[Decimal | None, str]] = field(default_factory=dict)

    @property
    def started(self) -> bool:
        return self.status is not None


@dataclass(frozen=True)
class Circumstances:
    """What else decides whether a command may change a sheet."""

    by_secretariat: bool  # typed from paper at the secretariat's desk
    locked: bool
    conflict: bool


def decide(
    command: Command,
    sheet: Sheet,
    criteria: Mapping[str, Criterion],
    circumstances: Circumstances,
) -> Sheet:
    """The sheet after ``command``, or the error a person reads; ``sheet`` is not changed.

    Who may give the command (a judge for their own sheet, the secretariat) is checked by the
    service before; this checks everything about the sheet itself, in the order people see
    the reasons: an unknown criterion, a value off the scale, locked results, a conflict of
    interest, a handed-in sheet or one typed elsewhere.
    """
    if isinstance(command, SetScore):
        criterion = criteria.get(command.criterion)
        if criterion is None:
            raise NotFoundError(
                Text("kriteria '{c}' tidak dikenal", "unknown criterion '{c}'").format(
                    c=command.criterion
                )
            )
        if command.value is not None:
            _check_score(criterion, command.value)
    if isinstance(command, Abstain):
        if circumstances.locked:
            raise_locked()
        started = sheet if sheet.started else _new(sheet, circumstances)
        reason = command.reason.strip()
        return replace(started, abstained=bool(reason), reason=reason)
    if circumstances.locked:
        raise_locked()
    if circumstances.conflict:
        raise_conflict(command.judge, command.team)
    if sheet.started:
        assert sheet.status is not None
        refuse_uneditable(circumstances.by_secretariat, sheet.status, sheet.source)
        started = sheet
    else:
        started = _new(sheet, circumstances)
    if isinstance(command, SetScore):
        _, old_note = started.scores.get(command.criterion, (None, ""))
        note = command.note if command.note is not None else old_note
        scores = dict(started.scores)
        scores[command.criterion] = (command.value, note)
        return Sheet(
            started.status, started.source, started.abstained, started.reason, started.note, scores
        )
    if isinstance(command, SetNote):
        return replace(started, note=command.note)
    missing = [code for code in criteria if started.scores.get(code, (None, ""))[0] is None]
    if missing:
        raise StateError(
            Text(
                "lembar belum lengkap; belum ada skor untuk {m}",
                "the sheet is incomplete; no score yet for {m}",
            ).format(m=", ".join(missing))
        )
    return replace(started, status=SheetStatus.SUBMITTED)


# Values already found on a criterion's scale, by criterion object (kept alongside, so that a
# reused id never answers for another criterion): a merge of 200,000 events checks the same
# few values over and over, and Decimal arithmetic is most of a check's cost.
_ON_SCALE: dict[int, tuple[Criterion, set[Decimal]]] = {}


def _check_score(criterion: Criterion, value: Decimal) -> None:
    if not value.is_finite():  # a signalling NaN cannot even be looked up
        criterion.check_score(value)
    known = _ON_SCALE.get(id(criterion))
    if known is not None and known[0] is criterion and value in known[1]:
        return
    criterion.check_score(value)  # raises for a value off the scale (or not finite)
    if known is None or known[0] is not criterion:
        if len(_ON_SCALE) > 1_000:
            _ON_SCALE.clear()
        known = _ON_SCALE[id(criterion)] = (criterion, set())
    known[1].add(value)


def _new(sheet: Sheet, circumstances: Circumstances) -> Sheet:
    """A new draft, typed on paper by the secretariat or at a laptop by the judge."""
    source = SheetSource.PAPER if circumstances.by_secretariat else SheetSource.JUDGE
    return replace(sheet, status=SheetStatus.DRAFT, source=source)


def raise_locked() -> NoReturn:
    raise StateError(
        Text(
            "hasil sudah dikunci; nilai tidak dapat diubah",
            "the results are locked; scores cannot change",
        )
    )


def raise_conflict(judge_code: str, team_code: str) -> NoReturn:
    raise PermissionDeniedError(
        Text(
            "juri {j} memiliki konflik kepentingan dengan {t} dan tidak menilainya",
            "judge {j} has a conflict of interest with {t} and does not score it",
        ).format(j=judge_code, t=team_code)
    )


# The plain strings, read once: an enum member's ``.value`` costs a descriptor call, and a merge
# checks 200,000 events.
_DRAFT, _JUDGE, _PAPER = SheetStatus.DRAFT.value, SheetSource.JUDGE.value, SheetSource.PAPER.value


def refuse_uneditable(by_secretariat: bool, status: str, source: str) -> None:
    """Only a draft is edited, and only from where it is being typed (laptop or paper)."""
    if status != _DRAFT:
        raise StateError(
            Text(
                "lembar sudah diserahkan; perubahan hanya melalui sekretariat dengan alasan",
                "the sheet is handed in; only the secretariat can change it, with a reason",
            )
        )
    if by_secretariat and source == _JUDGE:
        raise StateError(
            Text(
                "juri sedang mengisi lembar ini di laptop; jangan ketik ulang dari kertas",
                "the judge is filling this sheet at a laptop; do not type it again from paper",
            )
        )
    if not by_secretariat and source == _PAPER:
        raise StateError(
            Text(
                "lembar ini diisi sekretariat dari formulir kertas",
                "the secretariat is typing this sheet from a paper form",
            )
        )
