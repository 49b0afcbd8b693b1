"""The prepared, immutable data every printed document is rendered from (filled by a service)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Literal, TypeAlias

# Free texts held here (names, titles, remarks, tie descriptions, the method's name) are
# already in the document's language: the service that fills these objects chooses them.
# Numbers stay exact (Fraction or Decimal) and dates stay dates; the renderers format both
# with juryapp.domain.formatting in the language of the DocumentStamp.

Exact: TypeAlias = Fraction | Decimal
Lang: TypeAlias = Literal["id", "en"]
Paper: TypeAlias = Literal["A4", "F4"]


@dataclass(frozen=True)
class Header:
    """The organiser's letterhead and the convention, shared by every document of a set."""

    convention_name: str
    theme: str
    organiser: str  # "Suku Dinas Kesehatan Kota Administrasi Jakarta Barat"
    organiser_head_title: str  # "Kepala Suku Dinas Kesehatan …"
    organiser_head_name: str
    organiser_head_nip: str
    venue: str  # "Ruang MH Thamrin, Kantor Walikota Kota Administrasi Jakarta Barat"
    city: str  # the place in "Jakarta, 18 September 2024"
    logo_path: Path | None
    next_level: str  # "Tingkat Provinsi DKI Jakarta"; empty when nobody advances anywhere
    parent_body: str = ""  # first line of the letterhead: "Pemerintah Provinsi …"
    address: str = ""  # last line of the letterhead: street, telephone, e-mail


@dataclass(frozen=True)
class DocumentStamp:
    """How and when one printing happened; the same stamp goes on every page of it."""

    lang: Lang
    printed_at: datetime
    draft: bool
    results_version: int
    results_fingerprint: str  # hex digest of the results the document was printed from
    key_id: str | None = None  # the signing key, when the PDF is signed
    certificate_fingerprint: str | None = None
    qr_payload: str | None = None  # what the footer QR code says; no code when None
    paper: Paper = "A4"


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


class MarkKind(StrEnum):
    """Why one judge's total does or does not count in a recap row."""

    COUNTED = "counted"
    CONFLICT = "conflict"  # printed as "—": the judge may not score this team
    ABSTAINED = "abstained"
    MISSING = "missing"  # no submitted sheet yet; only a draft recap can hold one


@dataclass(frozen=True)
class JudgeTotal:
    total: Exact | None  # None unless kind is COUNTED
    kind: MarkKind = MarkKind.COUNTED


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


@dataclass(frozen=True)
class MinutesWinner:
    rank: int
    shared_rank: bool
    team_code: str
    institution: str
    title: str
    score: Exact
    advances: bool


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
    tie_decisions: tuple[str, ...]
    method: str
    time: time | None = None


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
    judge_number: int  # printed as "Juri 1": notes never name the judge
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


DocumentData: TypeAlias = ScoreSheetData | RecapData | MinutesData | CertificateData | FeedbackData


@dataclass(frozen=True)
class DocumentSet:
    """Everything one printing of the results holds, in the order it is printed."""

    score_sheets: tuple[ScoreSheetData, ...] = ()
    recaps: tuple[RecapData, ...] = ()
    minutes: MinutesData | None = None
    certificates: tuple[CertificateData, ...] = ()
    feedback: tuple[FeedbackData, ...] = ()

    def documents(self) -> tuple[DocumentData, ...]:
        head: tuple[DocumentData, ...] = (*self.score_sheets, *self.recaps)
        middle: tuple[DocumentData, ...] = (self.minutes,) if self.minutes is not None else ()
        return (*head, *middle, *self.certificates, *self.feedback)
