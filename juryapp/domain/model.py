"""The convention as plain data: rubric, categories, teams, judges, conflicts and settings."""

from __future__ import annotations

from collections.abc import Iterable
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
    """The event and its organiser: what every printed document's letterhead and signatures say.

    The letterhead reads, top to bottom: ``parent_body``, ``parent_office``, ``organiser``,
    ``address``, then the telephone, e-mail and website on one line, beside the ``logo``.
    The head of the organiser signs the Berita Acara under "Mengetahui,".
    """

    name: str
    theme: str = ""
    organiser: str = ""  # the organising office: "Suku Dinas Kesehatan Kota Administrasi …"
    organiser_head_title: str = ""  # the "Mengetahui," official: job title, name, rank, NIP
    organiser_head_name: str = ""
    organiser_head_nip: str = ""
    venue: str = ""
    city: str = ""  # the place of signing: "Jakarta" in "Jakarta, 19 September 2024"
    next_level: str = ""
    minutes_number: str = ""
    max_team_members: int = 7
    parent_body: str = ""  # "Pemerintah Provinsi Daerah Khusus Ibukota Jakarta"
    parent_office: str = ""  # "Dinas Kesehatan": between the parent body and the organiser
    address: str = ""  # street, district, city and postcode, as on the office's letters
    telephone: str = ""
    email: str = ""
    website: str = ""
    organiser_head_rank: str = ""  # pangkat/golongan under the name: "Pembina Utama Muda (IV/c)"
    next_level_en: str = ""  # the next level in English: "DKI Jakarta provincial level"
    logo: bytes | None = None  # a PNG or JPEG image: the emblem at the left of the letterhead


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


def presentation_order(teams: Iterable[Team]) -> list[Team]:
    """Teams in presentation order: day, then order, then code; the unscheduled last."""
    return sorted(
        teams,
        key=lambda t: (t.day if t.day is not None else 1_000, t.order or 1_000, t.code),
    )
