"""How each set-up record shows in a table and how typed text changes it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, time
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableView

from juryapp.domain.formatting import format_date, format_number, format_time, parse_decimal
from juryapp.domain.kinds import JudgeRole
from juryapp.domain.model import (
    Category,
    Conflict,
    ConventionDay,
    Criterion,
    Judge,
    LevelDescriptor,
    Team,
)
from juryapp.gui.secretariat.common import lang
from juryapp.gui.secretariat.delegates import ChoiceDelegate
from juryapp.gui.secretariat.record_model import Column, RecordModel

TEAM_CATEGORY = 2
CONFLICT_JUDGE, CONFLICT_TEAM, CONFLICT_INSTITUTION = range(3)


def _number(value: Decimal) -> str:
    places = 0 if value == value.to_integral_value() else 2
    return format_number(value, places, lang())


def _decimal(text: str) -> Decimal:
    return parse_decimal(text)


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(QCoreApplication.translate("SetupColumns", "Type a whole number"))
    return int(text)


def _quota(text: str) -> int:
    value = _int_or_none(text)
    if value is None:
        raise ValueError(QCoreApplication.translate("SetupColumns", "Type a whole number"))
    return value


def _time(text: str) -> time | None:
    text = text.strip().replace(".", ":")
    if not text:
        return None
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        return time(hours, minutes)
    except ValueError as exc:
        raise ValueError(
            QCoreApplication.translate("SetupColumns", "Type a time such as 09.30")
        ) from exc


def clock(t: time) -> str:
    """A time as typed into a table: 08.30 in Indonesian, 08:30 in English."""
    return format_time(t, lang()).removeprefix("pukul ")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(
            QCoreApplication.translate("SetupColumns", "Choose the date from the calendar")
        ) from exc


def day_columns() -> list[Column[ConventionDay]]:
    """A day shows as people write it ("Rabu, 18 September 2024") and is picked on a calendar."""
    return [
        Column(
            QCoreApplication.translate("SetupColumns", "Date"),
            lambda d: format_date(d.date, lang()),
            lambda d, t: replace(d, date=_day(t)),
            edit=lambda d: d.date.isoformat(),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Start"),
            lambda d: "" if d.start is None else clock(d.start),
            lambda d, t: replace(d, start=_time(t)),
        ),
    ]


def category_columns() -> list[Column[Category]]:
    return [
        Column(
            QCoreApplication.translate("SetupColumns", "Code"),
            lambda c: c.code,
            lambda c, t: replace(c, code=t.strip()),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Name"),
            lambda c: c.name,
            lambda c, t: replace(c, name=t),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Name (English)"),
            lambda c: c.name_en,
            lambda c, t: replace(c, name_en=t),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Quota (advance)"),
            lambda c: str(c.quota),
            lambda c, t: replace(c, quota=_quota(t)),
        ),
    ]


def criterion_columns() -> list[Column[Criterion]]:
    return [
        Column(
            QCoreApplication.translate("SetupColumns", "Code"),
            lambda c: c.code,
            lambda c, t: replace(c, code=t.strip()),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Criterion"),
            lambda c: c.name,
            lambda c, t: replace(c, name=t),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Criterion (English)"),
            lambda c: c.name_en,
            lambda c, t: replace(c, name_en=t),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Weight"),
            lambda c: _number(c.weight),
            lambda c, t: replace(c, weight=_decimal(t)),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Lowest"),
            lambda c: _number(c.scale_min),
            lambda c, t: replace(c, scale_min=_decimal(t)),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Highest"),
            lambda c: _number(c.scale_max),
            lambda c, t: replace(c, scale_max=_decimal(t)),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Step"),
            lambda c: _number(c.scale_step),
            lambda c, t: replace(c, scale_step=_decimal(t)),
        ),
    ]


def level_columns() -> list[Column[LevelDescriptor]]:
    return [
        Column(
            QCoreApplication.translate("SetupColumns", "Score"),
            lambda lv: _number(lv.score),
            lambda lv, t: replace(lv, score=_decimal(t)),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Level"),
            lambda lv: lv.label,
            lambda lv, t: replace(lv, label=t),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Level (English)"),
            lambda lv: lv.label_en,
            lambda lv, t: replace(lv, label_en=t),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "What it means"),
            lambda lv: lv.description,
            lambda lv, t: replace(lv, description=t),
        ),
    ]


def team_columns(max_members: int) -> list[Column[Team]]:
    def members_warning(team: Team) -> str:
        if len(team.members) > max_members:
            return QCoreApplication.translate(
                "SetupColumns", "{n} members: more than the maximum of {max}"
            ).format(n=len(team.members), max=max_members)
        return ""

    def members(team: Team, text: str) -> Team:
        return replace(team, members=tuple(m.strip() for m in text.split(";") if m.strip()))

    return [
        Column(
            QCoreApplication.translate("SetupColumns", "Code"),
            lambda t: t.code,
            lambda t, s: replace(t, code=s.strip()),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Institution"),
            lambda t: t.institution,
            lambda t, s: replace(t, institution=s),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Category"),
            lambda t: t.category,
            lambda t, s: replace(t, category=s.strip()),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Innovation title"),
            lambda t: t.title,
            lambda t, s: replace(t, title=s),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Members (separate with ;)"),
            lambda t: "; ".join(t.members),
            members,
            members_warning,
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Day"),
            lambda t: "" if t.day is None else str(t.day),
            lambda t, s: replace(t, day=_int_or_none(s)),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Order"),
            lambda t: "" if t.order is None else str(t.order),
            lambda t, s: replace(t, order=_int_or_none(s)),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Time"),
            lambda t: "" if t.time is None else clock(t.time),
            lambda t, s: replace(t, time=_time(s)),
        ),
    ]


def judge_columns(signed: set[str]) -> list[Column[Judge]]:
    def chair(judge: Judge, text: str) -> Judge:
        yes = text.strip().casefold() in {"1", "y", "ya", "yes", "ketua", "chair", "true", "✓"}
        return replace(judge, role=JudgeRole.CHAIR if yes else JudgeRole.MEMBER)

    return [
        Column(
            QCoreApplication.translate("SetupColumns", "Code"),
            lambda j: j.code,
            lambda j, t: replace(j, code=t.strip()),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Name with degrees"),
            lambda j: j.name,
            lambda j, t: replace(j, name=t),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Affiliation"),
            lambda j: j.affiliation,
            lambda j, t: replace(j, affiliation=t),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Position"),
            lambda j: j.position,
            lambda j, t: replace(j, position=t),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "NIP"),
            lambda j: j.nip,
            lambda j, t: replace(j, nip=t.strip()),
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Chair"),
            lambda j: "✓" if j.role is JudgeRole.CHAIR else "",
            chair,
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Signature"),
            lambda j: "✓" if j.code in signed else "",
        ),
    ]


def _named(code: str | None, names: Mapping[str, str]) -> str:
    if not code:
        return ""
    name = names.get(code, "")
    return f"{code} — {name}" if name else code


def conflict_columns(
    judges: Mapping[str, str] | None = None, teams: Mapping[str, str] | None = None
) -> list[Column[Conflict]]:
    """A conflict names its judge, and a team or an institution: choosing one clears the
    other, since a conflict covers exactly one of them."""
    judge_names, team_names = judges or {}, teams or {}

    def put_team(c: Conflict, text: str) -> Conflict:
        team = text.strip() or None
        return replace(c, team=team, institution=None if team else c.institution)

    def put_institution(c: Conflict, text: str) -> Conflict:
        institution = text.strip() or None
        return replace(c, institution=institution, team=None if institution else c.team)

    return [
        Column(
            QCoreApplication.translate("SetupColumns", "Judge"),
            lambda c: _named(c.judge, judge_names),
            lambda c, t: replace(c, judge=t.strip()),
            edit=lambda c: c.judge,
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Team"),
            lambda c: _named(c.team, team_names),
            put_team,
            edit=lambda c: c.team or "",
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Institution"),
            lambda c: c.institution or "",
            put_institution,
        ),
        Column(
            QCoreApplication.translate("SetupColumns", "Reason"),
            lambda c: c.reason,
            lambda c, t: replace(c, reason=t),
        ),
    ]


def choose_category(view: QTableView, categories: RecordModel[Category]) -> None:
    """A team's category picked from the categories being edited."""
    view.setItemDelegateForColumn(
        TEAM_CATEGORY,
        ChoiceDelegate(
            lambda: [(c.code, f"{c.code} — {c.name}") for c in categories.records], view
        ),
    )


def choose_conflict_parts(
    view: QTableView, judges: RecordModel[Judge], teams: RecordModel[Team]
) -> None:
    """A conflict's judge, team and institution picked from the set-up being edited; the
    institution may also be typed (a judge's former employer need not have a team)."""
    view.setItemDelegateForColumn(
        CONFLICT_JUDGE,
        ChoiceDelegate(lambda: [(j.code, f"{j.code} — {j.name}") for j in judges.records], view),
    )
    view.setItemDelegateForColumn(
        CONFLICT_TEAM,
        ChoiceDelegate(
            lambda: [("", "—")] + [(t.code, f"{t.code} — {t.institution}") for t in teams.records],
            view,
        ),
    )
    view.setItemDelegateForColumn(
        CONFLICT_INSTITUTION,
        ChoiceDelegate(
            lambda: [("", "—")] + [(i, i) for i in sorted({t.institution for t in teams.records})],
            view,
            free=True,
        ),
    )
