"""The convention as plain data: rubric, categories, teams, judges, conflicts and settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal

from juryapp.domain.kinds import JudgeRole, Method, TotalFormula
from juryapp.domain.messages import Text, ValidationError

PILLARS: dict[str, Text] = {
    "primary-care": Text("Transformasi Layanan Primer", "Primary care transformation"),
    "referral": Text("Transformasi Layanan Rujukan", "Referral services transformation"),
    "resilience": Text("Transformasi Sistem Ketahanan Kesehatan", "Health resilience"),
    "financing": Text("Transformasi Sistem Pembiayaan Kesehatan", "Health financing"),
    "workforce": Text("Transformasi SDM Kesehatan", "Health workforce"),
    "technology": Text("Transformasi Teknologi Kesehatan", "Health technology"),
}


@dataclass(frozen=True)
class LevelDescriptor:
    """What a given score on a criterion means, shown to judges beside the entry field."""

    score: Decimal
    label: str
    label_en: str = ""
    description: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    weight: Decimal
    name_en: str = ""
    description: str = ""
    description_en: str = ""
    scale_min: Decimal = Decimal(1)
    scale_max: Decimal = Decimal(5)
    scale_step: Decimal = Decimal(1)
    levels: tuple[LevelDescriptor, ...] = ()

    def check_score(self, value: Decimal) -> None:
        """Refuse a score outside the scale or between its steps."""
        if not value.is_finite():
            raise ValidationError(Text("skor tidak valid", "invalid score"))
        if value < self.scale_min or value > self.scale_max:
            raise ValidationError(
                Text(
                    "skor {v} untuk {c} di luar skala {lo}–{hi}",
                    "score {v} for {c} is outside the scale {lo}–{hi}",
                ).format(v=value, c=self.code, lo=self.scale_min, hi=self.scale_max)
            )
        if (value - self.scale_min) % self.scale_step != 0:
            raise ValidationError(
                Text(
                    "skor {v} untuk {c} harus kelipatan {s} dari {lo}",
                    "score {v} for {c} must be {lo} plus a multiple of {s}",
                ).format(v=value, c=self.code, s=self.scale_step, lo=self.scale_min)
            )


@dataclass(frozen=True)
class ScoringSettings:
    method: Method = Method.MEAN
    trim: int = 1
    total_formula: TotalFormula = TotalFormula.RANGE
    tie_break: tuple[str, ...] = ("K5", "K3", "K8")
    outlier_threshold: Decimal = Decimal(15)
    presentation_minutes: int = 15
    qa_minutes: int = 15


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    quota: int
    name_en: str = ""


@dataclass(frozen=True)
class Team:
    code: str
    institution: str
    category: str
    title: str
    pillar: str = ""
    programme: str = ""
    members: tuple[str, ...] = ()
    day: int | None = None
    order: int | None = None
    time: time | None = None


@dataclass(frozen=True)
class Judge:
    code: str
    name: str
    affiliation: str = ""
    position: str = ""
    nip: str = ""
    role: JudgeRole = JudgeRole.MEMBER


@dataclass(frozen=True)
class Conflict:
    """A judge who may not score one team, or any team of one institution."""

    judge: str
    team: str | None = None
    institution: str | None = None
    reason: str = ""

    def covers(self, team: Team) -> bool:
        if self.team is not None:
            return self.team == team.code
        return self.institution is not None and same_institution(self.institution, team.institution)


@dataclass(frozen=True)
class Abstention:
    """A judge who does not score a team (absent that day, excused), with the reason."""

    judge: str
    team: str
    reason: str


def same_institution(a: str, b: str) -> bool:
    """Institutions are compared as people write them: case and spacing do not matter."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


@dataclass(frozen=True)
class ConventionDay:
    date: date
    start: time | None = None


@dataclass(frozen=True)
class ConventionInfo:
    name: str
    theme: str = ""
    organiser: str = ""
    organiser_head_title: str = ""
    organiser_head_name: str = ""
    organiser_head_nip: str = ""
    venue: str = ""
    city: str = ""
    next_level: str = ""
    minutes_number: str = ""
    max_team_members: int = 7


@dataclass(frozen=True)
class ConventionSpec:
    """A whole convention set-up, as a convention file holds it."""

    info: ConventionInfo
    days: tuple[ConventionDay, ...] = ()
    scoring: ScoringSettings = field(default_factory=ScoringSettings)
    categories: tuple[Category, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    judges: tuple[Judge, ...] = ()
    teams: tuple[Team, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    abstentions: tuple[Abstention, ...] = ()
