"""Set-up problems in words a person reads: "Teams, row 3, Category", never teams[3].category."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from juryapp.domain.messages import JuryError, Text, current_language
from juryapp.domain.validation import SpecProblemsError

__all__ = ["describe_where", "problem_lines", "refusal_text", "sentence"]

_WHERE = re.compile(r"(?P<table>\w+)(?:\[(?P<row>\d+)\])?(?:\.(?P<field>\w+))?")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Problems", text)


def sentence(text: str) -> str:
    """A message as a sentence: its first letter a capital (services write them lower case)."""
    return text[:1].upper() + text[1:]


def _tables() -> dict[str, str]:
    return {
        "convention": _tr("Convention details"),
        "categories": _tr("Categories"),
        "criteria": _tr("Rubric"),
        "judges": _tr("Judges"),
        "teams": _tr("Teams"),
        "conflicts": _tr("Conflicts of interest"),
        "scoring": _tr("Scoring rules"),
    }


def _fields() -> dict[str, str]:
    return {
        "name": _tr("Name"),
        "code": _tr("Code"),
        "quota": _tr("Quota"),
        "weight": _tr("Weight"),
        "scale_min": _tr("Lowest score"),
        "scale_max": _tr("Highest score"),
        "scale_step": _tr("Step"),
        "category": _tr("Category"),
        "institution": _tr("Institution"),
        "pillar": _tr("Pillar"),
        "members": _tr("Members"),
        "day": _tr("Day"),
        "judge": _tr("Judge"),
        "team": _tr("Team"),
        "tie_break": _tr("Tie-break order"),
        "trim": _tr("Trim"),
        "max_team_members": _tr("Maximum team members"),
    }


def describe_where(where: str) -> str:
    """Where a problem is, as the set-up screens name things."""
    match = _WHERE.fullmatch(where)
    if match is None:
        return where
    table = _tables().get(match["table"], match["table"])
    parts = [table]
    if match["row"]:
        parts.append(_tr("row {row}").format(row=match["row"]))
    if match["field"]:
        parts.append(_fields().get(match["field"], match["field"]))
    return ", ".join(parts)


def _say(text: Text) -> str:
    return text.in_language(current_language())


def problem_lines(problems: list[tuple[str, Text]]) -> list[str]:
    """One readable line per problem: where it is, then what to fix."""
    return [f"{describe_where(where)}: {sentence(_say(text))}" for where, text in problems]


def refusal_text(exc: JuryError) -> str:
    """The message of a refused action as a sentence, locations in words."""
    if isinstance(exc, SpecProblemsError):
        first = problem_lines(exc.problems[:1])[0]
        more = len(exc.problems) - 1
        if more:
            first += " " + _tr("(and {n} more)").format(n=more)
        return first
    return sentence(_say(exc.text))
