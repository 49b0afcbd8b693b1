"""The prepared, immutable data every printed document is rendered from (filled by a service)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Literal, TypeAlias

# Free texts held here (names, titles, remarks, tie descriptions, the method's name) are
# already in the document's language: the service that fills these objects chooses them.
# Numbers stay exact (Fraction or Decimal) and dates stay dates; the renderers format both
# with juryapp.domain.formatting in the language of the DocumentStamp.
#
# Every results document has a ``qr_text``: what its QR code says. None means the print run's
# payload (DocumentStamp.qr_payload), the same on every document of the run.

Exact: TypeAlias = Fraction | Decimal
Lang: TypeAlias = Literal["id", "en"]
Paper: TypeAlias = Literal["A4", "F4"]


@dataclass(frozen=True)
class Header:
    """The organiser's letterhead and the convention, shared by every document of a set."""

    convention_name: str
    theme: str
    organiser: str  # "Suku Dinas Kesehatan Kota Administrasi Jakarta Barat"
    organiser_head_title: str  # "Kepala Suku Dinas Kesehatan …": signs under "Mengetahui,"
    organiser_head_name: str
    organiser_head_nip: str
    venue: str  # "Ruang MH Thamrin, Kantor Walikota Kota Administrasi Jakarta Barat"
    city: str  # the place of signing, in "Jakarta, 18 September 2024"
    next_level: str  # "Tingkat Provinsi DKI Jakarta"; empty when nobody advances anywhere
    parent_body: tuple[str, ...] = ()  # letterhead lines above the organiser, top first
    address: str = ""
    telephone: str = ""
    email: str = ""
    website: str = ""
    organiser_head_rank: str = ""  # "Pembina Utama Muda (IV/c)"
    logo: bytes | None = None  # PNG or JPEG


@dataclass(frozen=True)
class DocumentStamp:
    """How and when one printing happened; the same stamp goes on every page of it."""

    lang: Lang
    printed_at: datetime
    draft: bool
    results_version: int
    results_fingerprint: str  # hex digest of the results the document was printed from
    qr_payload: str | None = None  # the run's QR text; no code when None
    paper: Paper = "A4"
    key_fingerprint: str | None = None  # the signing key's, as people read it: 7K3M-Q9XA-…
    audit_head: str | None = None  # the audit trail's head when printing: "#1234 · 3f9a…c2e1"


@dataclass(frozen=True)
class JudgeInfo:
    code: str
    name: str  # full name with degrees, as it is signed
    affiliation: str
    position: str
    nip: str  # empty for judges who are not civil servants
    is_chair: bool = False
    signature_png: bytes | None = None


@dataclass(frozen=True)
class LevelLine:
    """What one score means on one criterion, as the paper form's guide lists it."""

    score: Decimal
    label: str
    description: str = ""


@dataclass(frozen=True)
class CriterionLine:
    """One row of a score sheet; score and value are None on a blank paper form."""

    code: str
    name: str
    weight: Decimal
    scale_min: Decimal
    scale_max: Decimal
    score: Decimal | None
    value: Exact | None  # the criterion's contribution to the 0–100 total
    note: str = ""
    description: str = ""  # what the judge looks at; printed in the blank form's guide
    levels: tuple[LevelLine, ...] = ()


@dataclass(frozen=True)
class ScoreSheetData:
    """Lembar Penilaian Juri: one judge's sheet for one team, or the blank paper form."""

    header: Header
    judge: JudgeInfo | None  # None on a blank form nobody has been given yet
    team_code: str
    institution: str
    category_name: str
    title: str
    day_date: date | None
    order: int | None
    criteria: tuple[CriterionLine, ...]
    total: Exact | None
    notes: str = ""
    blank: bool = False
    formula: str = ""  # how a value is worked out: "Nilai = Bobot × (Skor − 1) ÷ 4"
    qr_text: str | None = None


@dataclass(frozen=True)
class ScoringGuideData:
    """Pedoman Penilaian: what each score means on each criterion, printed with the paper forms."""

    header: Header
    criteria: tuple[CriterionLine, ...]  # with their descriptions and levels
    formula: str = ""


class MarkKind(StrEnum):
    """Why one judge's total does or does not count in a recap row."""

    COUNTED = "counted"
    CONFLICT = "conflict"  # printed as "—": the judge may not score this team
    ABSTAINED = "abstained"
    MISSING = "missing"  # no submitted sheet


@dataclass(frozen=True)
class JudgeTotal:
    total: Exact | None  # None unless kind is COUNTED
    kind: MarkKind = MarkKind.COUNTED
    outlier: bool = False  # far from the panel's mean for this team
    reason: str = ""  # why an abstained or missing total is not there


@dataclass(frozen=True)
class RecapRow:
    order_no: int
    team_code: str
    institution: str
    title: str
    judge_totals: tuple[JudgeTotal, ...]  # in the order of RecapData.judges
    final_score: Exact | None
    rank: int | None
    shared_rank: bool  # the rank is shared with another team after the whole tie-break
    advances: bool
    remark: str = ""  # printed under "Keterangan", after the advancement note
    pending: bool = False  # level across the quota line, waiting for the jury's decision


@dataclass(frozen=True)
class RecapData:
    """Rekapitulasi Nilai of one category, signed by every judge and the chair."""

    header: Header
    category_name: str
    quota: int
    judges: tuple[JudgeInfo, ...]
    rows: tuple[RecapRow, ...]  # in printing order, usually by rank
    ties: tuple[str, ...]  # how each tie was settled, one sentence each
    method: str  # "Rata-rata nilai seluruh juri"
    signed_on: date
    outlier_threshold: Exact | None = None  # points from the panel mean that flag a total
    qr_text: str | None = None


@dataclass(frozen=True)
class MinutesWinner:
    rank: int
    shared_rank: bool
    team_code: str
    institution: str
    title: str
    score: Exact
    advances: bool
    pending: bool = False  # level across the quota line, waiting for the jury's decision
    remark: str = ""


@dataclass(frozen=True)
class MinutesCategory:
    name: str
    quota: int
    team_count: int
    winners: tuple[MinutesWinner, ...]


@dataclass(frozen=True)
class MinutesData:
    """Berita Acara Hasil Penilaian: the official minutes of the jury's result."""

    header: Header
    number: str
    date: date
    place: str
    jury: tuple[JudgeInfo, ...]
    categories: tuple[MinutesCategory, ...]
    ties: tuple[str, ...]  # each tie: who, with which scores, and what settled it
    method: str
    time: time | None = None  # when the jury's session began
    days: tuple[dt.date, ...] = ()  # the days the teams presented
    absences: tuple[str, ...] = ()  # each total not counted, with its reason
    lock_note: str = ""  # the reason recorded when the results were locked
    qr_text: str | None = None


@dataclass(frozen=True)
class CertificateData:
    """Piagam Penghargaan for one winning or advancing team."""

    header: Header
    number: str
    team_code: str
    team_name: str  # the large centred line: the team or institution as it wants to be named
    institution: str
    title: str
    category_name: str
    rank: int | None
    shared_rank: bool
    achievement: str  # "Lolos ke Tingkat Provinsi DKI Jakarta"; empty for a rank alone
    date: date
    chair: JudgeInfo
    qr_text: str | None = None


@dataclass(frozen=True)
class FeedbackLine:
    """One criterion in criterion-scale units: the team beside its category."""

    code: str
    name: str
    weight: Decimal
    scale_min: Decimal
    scale_max: Decimal
    team_mean: Exact | None
    category_mean: Exact | None
    category_best: Exact | None


@dataclass(frozen=True)
class FeedbackNote:
    """A judge's note, without the judge: the service puts a team's notes in a shuffled order."""

    criterion_code: str | None  # None for a note on the whole presentation
    text: str


@dataclass(frozen=True)
class FeedbackData:
    """Lembar Umpan Balik for one team."""

    header: Header
    team_code: str
    institution: str
    title: str
    category_name: str
    team_count: int
    final_score: Exact | None
    rank: int | None
    shared_rank: bool
    lines: tuple[FeedbackLine, ...]
    notes: tuple[FeedbackNote, ...]
    qr_text: str | None = None


# --- documents of the event: declarations, attendance, per-judge recaps, announcement ------


@dataclass(frozen=True)
class DeclaredTeam:
    """A team a judge will not score, and why."""

    team_code: str
    institution: str
    title: str
    category_name: str
    reason: str


@dataclass(frozen=True)
class DeclarationData:
    """A judge's declaration of conflicts of interest, signed before the scoring starts."""

    header: Header
    judge: JudgeInfo
    teams: tuple[DeclaredTeam, ...]  # empty: the judge declares no conflict
    date: date


@dataclass(frozen=True)
class AttendanceRow:
    judge: JudgeInfo
    key_fingerprint: str = ""  # the judge's laptop key, once judges score on their own laptops


@dataclass(frozen=True)
class AttendanceData:
    """Daftar hadir: the judges present on one day, each signing beside their name."""

    header: Header
    day_number: int
    date: date
    start: time | None
    place: str
    rows: tuple[AttendanceRow, ...]


@dataclass(frozen=True)
class JudgeRecapLine:
    team_code: str
    institution: str
    title: str
    scores: tuple[Decimal | None, ...]  # in the order of JudgeRecapData.criteria
    total: Exact | None
    remark: str = ""  # why there is no total: "tidak menilai (konflik kepentingan)"


@dataclass(frozen=True)
class JudgeRecapGroup:
    category_name: str
    lines: tuple[JudgeRecapLine, ...]


@dataclass(frozen=True)
class JudgeRecapData:
    """Every score one judge gave, signed once instead of once per sheet."""

    header: Header
    judge: JudgeInfo
    criteria: tuple[tuple[str, Decimal], ...]  # code and weight of each column
    groups: tuple[JudgeRecapGroup, ...]
    signed_on: date
    formula: str = ""
    qr_text: str | None = None


@dataclass(frozen=True)
class AnnouncedPlace:
    rank: int
    shared_rank: bool
    pending: bool  # the jury has still to decide this place
    institution: str
    title: str
    score: Exact
    advances: bool


@dataclass(frozen=True)
class AnnouncedCategory:
    name: str
    places: tuple[AnnouncedPlace, ...]  # in announcing order: the lowest place first


@dataclass(frozen=True)
class AnnouncementData:
    """The winners as the master of ceremonies reads them out at the closing."""

    header: Header
    categories: tuple[AnnouncedCategory, ...]
    date: date
    chair: JudgeInfo | None
    qr_text: str | None = None


@dataclass(frozen=True)
class RobustnessRow:
    team_code: str
    institution: str
    rank: int | None  # under the convention's method with every judge
    advances: bool
    ranks: tuple[int | None, ...]  # under each scenario of RobustnessData.scenarios
    advancing: tuple[bool, ...]
    flag: str = ""  # what the place or advancement depends on; empty when it holds


@dataclass(frozen=True)
class RobustnessCategory:
    name: str
    quota: int
    rows: tuple[RobustnessRow, ...]


@dataclass(frozen=True)
class RobustnessData:
    """The ranking of each category under every method and with each judge left out."""

    header: Header
    method: str  # the convention's method, named
    scenarios: tuple[str, ...]  # column heads: the methods, then "tanpa J1", "tanpa J2", …
    methods: int  # how many of the scenarios are methods
    categories: tuple[RobustnessCategory, ...]
    qr_text: str | None = None


@dataclass(frozen=True)
class Later:
    """A document whose data is worked out only when it is laid out, wherever that is.

    The robustness annex ranks every team two dozen times over: worked out with the rest of
    a large print run's data it held up every worker; as a ``Later``, the worker that lays it
    out works it out, beside the others. ``make`` must pickle: a module-level function, or a
    ``functools.partial`` of one.
    """

    make: Callable[[], DocumentData]
    qr_text: str | None = None  # its QR code's own text, given to what ``make`` returns


DocumentData: TypeAlias = (
    ScoreSheetData
    | ScoringGuideData
    | RecapData
    | MinutesData
    | CertificateData
    | FeedbackData
    | DeclarationData
    | AttendanceData
    | JudgeRecapData
    | AnnouncementData
    | RobustnessData
    | Later
)


@dataclass(frozen=True)
class DocumentSet:
    """Everything one printing of the results holds, in the order it is printed."""

    score_sheets: tuple[ScoreSheetData, ...] = ()
    recaps: tuple[RecapData, ...] = ()
    minutes: MinutesData | None = None
    certificates: tuple[CertificateData, ...] = ()
    feedback: tuple[FeedbackData, ...] = ()
    declarations: tuple[DeclarationData, ...] = ()
    attendance: tuple[AttendanceData, ...] = ()
    judge_recaps: tuple[JudgeRecapData, ...] = ()
    announcement: AnnouncementData | None = None
    robustness: RobustnessData | Later | None = None
    guide: ScoringGuideData | None = None  # printed before the blank paper forms

    def documents(self) -> tuple[DocumentData, ...]:
        """The minutes and their annexes first, then each judge's, each team's and the forms."""
        single = (self.minutes, *self.recaps, self.robustness, self.announcement)
        return (
            *(document for document in single if document is not None),
            *self.judge_recaps,
            *self.score_sheets,
            *self.feedback,
            *self.certificates,
            *((self.guide,) if self.guide is not None else ()),
            *self.declarations,
            *self.attendance,
        )
