"""The domain's closed vocabularies: scoring methods, total formulas, sheet states and roles."""

from __future__ import annotations

from enum import StrEnum


class Method(StrEnum):
    """How the judges' totals of one team become the team's score."""

    MEAN = "mean"
    TRIMMED = "trimmed"
    MEDIAN = "median"
    ZSCORE = "zscore"


class TotalFormula(StrEnum):
    """How one judge's criterion scores become a total on 0–100."""

    RANGE = "range"  # w·(x − min)/(max − min): the lowest score is worth nothing
    PROPORTIONAL = "proportional"  # w·x/max: the paper forms' "bobot × skor ÷ 5"


class SheetStatus(StrEnum):
    """Life of one judge × team score sheet."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    CONFIRMED = "confirmed"


class SheetSource(StrEnum):
    JUDGE = "judge"  # typed by the judge at a laptop
    PAPER = "paper"  # typed by the secretariat from a paper form


class JudgeRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"


class Role(StrEnum):
    """Who is acting; the service layer checks every call against it."""

    SECRETARIAT = "secretariat"
    JUDGE = "judge"
    # Not an account: whoever runs a reading command without signing in. They may read what
    # the database file shows anyone who holds it, and change nothing.
    READER = "reader"


ACCOUNT_ROLES = (Role.SECRETARIAT, Role.JUDGE)
