"""What each final document certifies: its signed QR claim, and its file's signed information.

Every result document carries a claim of its own — kind, team or judge, rank and score where
it shows one — so a code copied onto another certificate names the wrong team. A judge's
score sheets share their judge's claim: a large convention prints twenty thousand sheets,
each already signed in ink, and a code each would cost more than printing them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from juryapp.domain.formatting import format_score
from juryapp.domain.model import ConventionSpec
from juryapp.domain.results import Results, TeamResult
from juryapp.reports.claims import DocumentClaim, sign_claim
from juryapp.reports.document_info import document_info_entries
from juryapp.reports.document_kinds import DocumentKind
from juryapp.reports.model import (
    AnnouncementData,
    CertificateData,
    DocumentData,
    DocumentSet,
    FeedbackData,
    JudgeRecapData,
    Later,
    MinutesData,
    RecapData,
    RobustnessData,
    ScoreSheetData,
)
from juryapp.services.documents import Kind

if TYPE_CHECKING:
    from juryapp.reports.convention_key import ConventionKey
    from juryapp.services.print_jobs import Job

# The document kind a file of a print run holds; the forms hold no results and claim none.
FILE_KINDS = {
    Kind.MINUTES: DocumentKind.MINUTES,
    Kind.RECAP: DocumentKind.RECAP,
    Kind.ROBUSTNESS: DocumentKind.ROBUSTNESS,
    Kind.ANNOUNCEMENT: DocumentKind.ANNOUNCEMENT,
    Kind.JUDGE_RECAP: DocumentKind.JUDGE_RECAP,
    Kind.SHEETS: DocumentKind.SCORE_SHEET,
    Kind.FEEDBACK: DocumentKind.FEEDBACK,
    Kind.CERTIFICATES: DocumentKind.CERTIFICATE,
}


class Claimer:
    """Signs one claim per document of a final print run, with the run's facts."""

    def __init__(
        self, spec: ConventionSpec, results: Results, key: ConventionKey, version: int
    ) -> None:
        self._spec, self._key, self._version = spec, key, version
        self._teams = {t.code: t for c in results.categories for t in c.teams}
        self._categories = {c.name: c.code for c in spec.categories}
        self._judges = {j.code: j.name for j in spec.judges}
        self._signed: dict[DocumentClaim, str] = {}

    def claim(self, kind: DocumentKind, subject: str, name: str = "", **facts: object) -> str:
        """The text of a signed claim; the same claim is signed once a run."""
        made = DocumentClaim(
            kind,
            self._spec.info.name,
            subject,
            name,
            results_version=self._version,
            **facts,  # type: ignore[arg-type]
        )
        text = self._signed.get(made)
        if text is None:
            text = self._signed[made] = sign_claim(made, self._key).text
        return text

    def team(self, kind: DocumentKind, code: str, category: str, name: str) -> str:
        """A claim about one team: its rank and score as the results have them."""
        team = self._teams.get(code)
        facts = _standing(team) if team is not None else {}
        return self.claim(kind, code, name, category=category, **facts)

    def judge(self, kind: DocumentKind, code: str) -> str:
        return self.claim(kind, code, self._judges.get(code, ""), judge=code)

    def category_code(self, name: str) -> str:
        return self._categories.get(name, "")


def _standing(team: TeamResult) -> dict[str, object]:
    return {
        "rank": team.rank,
        "shared_rank": team.tied,
        "advances": team.advances,
        "score": format_score(team.score) if team.score is not None else "",
    }


def _team_claim(claimer: Claimer, data: DocumentData) -> str | None:
    if isinstance(data, CertificateData):
        kind, name = DocumentKind.CERTIFICATE, data.team_name
    elif isinstance(data, FeedbackData):
        kind, name = DocumentKind.FEEDBACK, data.institution
    else:
        return None
    return claimer.team(kind, data.team_code, data.category_name, name)


def _judge_claim(claimer: Claimer, data: DocumentData) -> str | None:
    if isinstance(data, JudgeRecapData):
        return claimer.judge(DocumentKind.JUDGE_RECAP, data.judge.code)
    if isinstance(data, ScoreSheetData):
        judge = None if data.blank else data.judge  # a paper form holds no results
        return None if judge is None else claimer.judge(DocumentKind.SCORE_SHEET, judge.code)
    return None


def _whole_claim(claimer: Claimer, data: DocumentData) -> str | None:
    """The documents about the whole convention or one category."""
    if isinstance(data, MinutesData):
        return claimer.claim(DocumentKind.MINUTES, data.number, data.header.convention_name)
    if isinstance(data, RecapData):
        code, name = claimer.category_code(data.category_name), data.category_name
        return claimer.claim(DocumentKind.RECAP, code, name, category=name)
    if isinstance(data, AnnouncementData):
        return claimer.claim(DocumentKind.ANNOUNCEMENT, "")
    if isinstance(data, RobustnessData | Later):  # the annex, even when worked out later
        return claimer.claim(DocumentKind.ROBUSTNESS, "")
    return None


def _claim_of(claimer: Claimer, data: DocumentData) -> str | None:
    """The signed claim of one document, or None for one that certifies no results."""
    for claim in (_team_claim, _judge_claim, _whole_claim):
        text = claim(claimer, data)
        if text is not None:
            return text
    return None


Claimed = TypeVar("Claimed", bound=DocumentData)


def _claimed(claimer: Claimer, data: Claimed) -> Claimed:
    text = _claim_of(claimer, data)
    if text is None:
        return data
    # every results document has ``qr_text``; the union type cannot say so
    updated: Any = replace(cast(Any, data), qr_text=text)
    return cast(Claimed, updated)


def with_claims(documents: DocumentSet, claimer: Claimer) -> DocumentSet:
    """The print run's documents, each carrying the QR text of its own signed claim."""

    def each(items: tuple[Claimed, ...]) -> tuple[Claimed, ...]:
        return tuple(_claimed(claimer, item) for item in items)

    def one(item: Claimed | None) -> Claimed | None:
        return None if item is None else _claimed(claimer, item)

    return replace(
        documents,
        score_sheets=each(documents.score_sheets),
        recaps=each(documents.recaps),
        minutes=one(documents.minutes),
        certificates=each(documents.certificates),
        feedback=each(documents.feedback),
        judge_recaps=each(documents.judge_recaps),
        announcement=one(documents.announcement),
        robustness=cast("RobustnessData | Later | None", one(documents.robustness)),
    )


def file_information(
    job: Job | None,
    spec: ConventionSpec,
    key_fingerprint: str,
    version: int,
    fingerprint: str,
) -> dict[str, str]:
    """The signed document-information entries of one file (``None``: a combined file)."""
    kind = FILE_KINDS.get(job.kind) if job is not None else None
    subject = job.bookmark if job is not None else ""
    return document_info_entries(
        convention=spec.info.name,
        kind=kind,
        subject=subject,
        results_version=version,
        results_fingerprint=fingerprint,
        key_fingerprint=key_fingerprint,
    )
