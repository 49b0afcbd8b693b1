"""Set-up problems in words a person reads: "Teams, row 3, Category", never teams[3].category."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from juryapp.domain.messages import JuryError, Text, current_language
from juryapp.domain.validation import SpecProblemsError

__all__ = ["describe_where", "problem_lines", "refusal_text", "sentence"]

_WHERE = re.compile(r"(?P<table>\w+)(?:\[(?P<row>\d+)\])?(?:\.(?P<field>\w+))?")


def sentence(text: str) -> str:
    """A message as a sentence: its first letter a capital (services write them lower case)."""
    return text[:1].upper() + text[1:]


def _tables() -> dict[str, str]:
    return {
        "convention": QCoreApplication.translate("Problems", "Convention details"),
        "categories": QCoreApplication.translate("Problems", "Categories"),
        "criteria": QCoreApplication.translate("Problems", "Rubric"),
        "judges": QCoreApplication.translate("Problems", "Judges"),
        "teams": QCoreApplication.translate("Problems", "Teams"),
        "conflicts": QCoreApplication.translate("Problems", "Conflicts of interest"),
        "scoring": QCoreApplication.translate("Problems", "Scoring rules"),
    }


def _fields() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("Problems", "Name"),
        "code": QCoreApplication.translate("Problems", "Code"),
        "quota": QCoreApplication.translate("Problems", "Quota"),
        "weight": QCoreApplication.translate("Problems", "Weight"),
        "scale_min": QCoreApplication.translate("Problems", "Lowest score"),
        "scale_max": QCoreApplication.translate("Problems", "Highest score"),
        "scale_step": QCoreApplication.translate("Problems", "Step"),
        "category": QCoreApplication.translate("Problems", "Category"),
        "institution": QCoreApplication.translate("Problems", "Institution"),
        "pillar": QCoreApplication.translate("Problems", "Pillar"),
        "members": QCoreApplication.translate("Problems", "Members"),
        "day": QCoreApplication.translate("Problems", "Day"),
        "judge": QCoreApplication.translate("Problems", "Judge"),
        "team": QCoreApplication.translate("Problems", "Team"),
        "tie_break": QCoreApplication.translate("Problems", "Tie-break order"),
        "trim": QCoreApplication.translate("Problems", "Trim"),
        "max_team_members": QCoreApplication.translate("Problems", "Maximum team members"),
    }


def describe_where(where: str) -> str:
    """Where a problem is, as the set-up screens name things."""
    match = _WHERE.fullmatch(where)
    if match is None:
        return where
    table = _tables().get(match["table"], match["table"])
    parts = [table]
    if match["row"]:
        parts.append(QCoreApplication.translate("Problems", "row {row}").format(row=match["row"]))
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
            first += " " + QCoreApplication.translate("Problems", "(and {n} more)").format(n=more)
        return first
    return sentence(_say(exc.text))
