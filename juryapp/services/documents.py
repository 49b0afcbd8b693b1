"""Preparing the immutable data of every result document from the stored convention."""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from juryapp.domain.formatting import roman
from juryapp.domain.kinds import JudgeRole
from juryapp.domain.model import ConventionSpec
from juryapp.domain.results import (
    CategoryResult,
    MarkStatus,
    Results,
    SheetInput,
    TeamResult,
    TieDecision,
)
from juryapp.domain.robustness import Robustness, robustness
from juryapp.reports.model import (
    AnnouncedCategory,
    AnnouncedPlace,
    AnnouncementData,
    CertificateData,
    DocumentSet,
    Header,
    JudgeInfo,
    JudgeTotal,
    Later,
    MarkKind,
    MinutesCategory,
    MinutesData,
    MinutesWinner,
    RecapData,
    RecapRow,
    RobustnessCategory,
    RobustnessData,
    RobustnessRow,
)
from juryapp.services import event_documents
from juryapp.services.results import Snapshot
from juryapp.services.wording import (
    METHOD_NAMES,
    SHORT_METHOD_NAMES,
    listing,
    not_scored_reason,
    pick,
    remark,
    tie_sentences,
)

PODIUM = 3  # Juara I–III get certificates even where fewer teams advance


class Kind(StrEnum):
    """The document kinds ``juryapp report --documents`` accepts, in printing order."""

    MINUTES = "minutes"
    RECAP = "recap"
    ROBUSTNESS = "robustness"
    ANNOUNCEMENT = "announcement"
    JUDGE_RECAP = "judge-recap"
    SHEETS = "sheets"
    FEEDBACK = "feedback"
    CERTIFICATES = "certificates"
    BLANK = "blank"
    DECLARATIONS = "declarations"
    ATTENDANCE = "attendance"


# Printed on plain paper and bound together: the combined file holds these. Certificates go
# on card stock and the forms are printed before or during the event, each on its own.
COMBINED_KINDS = frozenset(
    {
        Kind.MINUTES,
        Kind.RECAP,
        Kind.ROBUSTNESS,
        Kind.ANNOUNCEMENT,
        Kind.JUDGE_RECAP,
        Kind.SHEETS,
        Kind.FEEDBACK,
    }
)
FORM_KINDS = frozenset({Kind.BLANK, Kind.DECLARATIONS, Kind.ATTENDANCE})


@dataclass(frozen=True)
class DocumentInputs:
    snapshot: Snapshot
    results: Results
    notes: Mapping[tuple[str, str], tuple[str, Mapping[str, str]]]
    signatures: Mapping[str, bytes]
    lang: str
    abstentions: Mapping[tuple[str, str], str] = field(default_factory=dict)
    lock_note: str = ""
    kinds: Collection[Kind] = tuple(Kind)  # only these are prepared
    judge_keys: Mapping[str, str] = field(default_factory=dict)  # judge code → key fingerprint


def header_of(spec: ConventionSpec, lang: str = "id") -> Header:
    info = spec.info
    next_level = info.next_level
    if lang == "en" and info.next_level:
        next_level = info.next_level_en or f"next level ({info.next_level})"
    return Header(
        convention_name=info.name,
        theme=info.theme,
        organiser=info.organiser,
        organiser_head_title=info.organiser_head_title,
        organiser_head_name=info.organiser_head_name,
        organiser_head_nip=info.organiser_head_nip,
        venue=info.venue,
        city=info.city,
        next_level=next_level,
        parent_body=tuple(line for line in (info.parent_body, info.parent_office) if line),
        address=info.address,
        telephone=info.telephone,
        email=info.email,
        website=info.website,
        organiser_head_rank=info.organiser_head_rank,
        logo=info.logo,
    )


def judges_of(spec: ConventionSpec, signatures: Mapping[str, bytes]) -> tuple[JudgeInfo, ...]:
    return tuple(
        JudgeInfo(
            code=j.code,
            name=j.name,
            affiliation=j.affiliation,
            position=j.position,
            nip=j.nip,
            is_chair=j.role is JudgeRole.CHAIR,
            signature_png=signatures.get(j.code),
        )
        for j in spec.judges
    )


def build_document_set(inputs: DocumentInputs) -> DocumentSet:
    spec, results, lang = inputs.snapshot.spec, inputs.results, inputs.lang
    kinds = set(inputs.kinds)
    header = header_of(spec, lang)
    judges = judges_of(spec, inputs.signatures)
    first_day = spec.days[0].date if spec.days else date.today()
    last_day = spec.days[-1].date if spec.days else date.today()
    chair = next((j for j in judges if j.is_chair), judges[0] if judges else None)
    sheets = event_documents.score_sheets(inputs, header, judges) if Kind.SHEETS in kinds else ()
    blanks = event_documents.blank_forms(spec, header, lang) if Kind.BLANK in kinds else ()
    return DocumentSet(
        score_sheets=sheets + blanks,
        recaps=tuple(
            _recap(inputs, category, header, judges, last_day) for category in results.categories
        )
        if Kind.RECAP in kinds
        else (),
        minutes=_minutes(inputs, header, judges, last_day) if Kind.MINUTES in kinds else None,
        certificates=_certificates(spec, results, header, chair, lang, last_day)
        if chair and Kind.CERTIFICATES in kinds
        else (),
        feedback=event_documents.feedback(inputs, header) if Kind.FEEDBACK in kinds else (),
        declarations=event_documents.declarations(spec, header, judges, lang, first_day)
        if Kind.DECLARATIONS in kinds
        else (),
        attendance=event_documents.attendance(spec, header, judges, inputs.judge_keys)
        if Kind.ATTENDANCE in kinds
        else (),
        judge_recaps=event_documents.judge_recaps(inputs, header, judges, last_day)
        if Kind.JUDGE_RECAP in kinds
        else (),
        announcement=_announcement(results, header, chair, lang, last_day)
        if Kind.ANNOUNCEMENT in kinds
        else None,
        robustness=_later_robustness(inputs, header) if Kind.ROBUSTNESS in kinds else None,
        guide=event_documents.scoring_guide(spec, header, lang)
        if Kind.BLANK in kinds and any(c.levels or c.description for c in spec.criteria)
        else None,
    )


_KIND = {
    MarkStatus.COUNTED: MarkKind.COUNTED,
    MarkStatus.CONFLICT: MarkKind.CONFLICT,
    MarkStatus.ABSTAINED: MarkKind.ABSTAINED,
    MarkStatus.MISSING: MarkKind.MISSING,
}


def _recap(
    inputs: DocumentInputs,
    category: CategoryResult,
    header: Header,
    judges: tuple[JudgeInfo, ...],
    signed_on: date,
) -> RecapData:
    lang, spec = inputs.lang, inputs.snapshot.spec
    rows = tuple(
        RecapRow(
            order_no=i,
            team_code=t.code,
            institution=t.institution,
            title=t.title,
            judge_totals=tuple(
                JudgeTotal(
                    m.total,
                    _KIND[m.status],
                    outlier=m.outlier,
                    reason=not_scored_reason(
                        m.status, inputs.abstentions.get((m.judge, t.code), ""), lang
                    )
                    if m.status in (MarkStatus.ABSTAINED, MarkStatus.MISSING)
                    else "",
                )
                for m in t.marks
            ),
            final_score=t.score,
            rank=t.rank,
            shared_rank=t.tied,
            advances=t.advances,
            remark=remark(t, lang),
            pending=t.cut_line_tie,
        )
        for i, t in enumerate(category.teams, 1)
    )
    return RecapData(
        header=header,
        category_name=pick(lang, category.name, category.name_en),
        quota=category.quota,
        judges=judges,
        rows=rows,
        ties=tie_sentences(spec, category, lang),
        method=pick(lang, *METHOD_NAMES[inputs.results.method]),
        signed_on=signed_on,
        outlier_threshold=spec.scoring.outlier_threshold,
    )


def _minutes(
    inputs: DocumentInputs, header: Header, judges: tuple[JudgeInfo, ...], day: date
) -> MinutesData:
    spec, results, lang = inputs.snapshot.spec, inputs.results, inputs.lang
    categories = []
    ties: list[str] = []
    for category in results.categories:
        listed = max(PODIUM, category.quota)
        winners = tuple(
            MinutesWinner(
                rank=t.rank,
                shared_rank=t.tied,
                team_code=t.code,
                institution=t.institution,
                title=t.title,
                score=t.score,
                advances=t.advances,
                pending=t.cut_line_tie,
                remark=remark(t, lang),
            )
            for t in category.teams
            if t.rank is not None and t.score is not None and t.rank <= listed
        )
        categories.append(
            MinutesCategory(
                name=pick(lang, category.name, category.name_en),
                quota=category.quota,
                team_count=len(category.teams),
                winners=winners,
            )
        )
        ties += tie_sentences(spec, category, lang)
    return MinutesData(
        header=header,
        number=spec.info.minutes_number,
        date=day,
        place=spec.info.venue,
        jury=judges,
        categories=tuple(categories),
        ties=tuple(ties),
        method=pick(lang, *METHOD_NAMES[results.method]),
        time=spec.days[-1].start if spec.days else None,
        days=tuple(d.date for d in spec.days),
        absences=_absences(inputs, judges),
        lock_note=inputs.lock_note,
    )


def _absences(inputs: DocumentInputs, judges: tuple[JudgeInfo, ...]) -> tuple[str, ...]:
    """Each judge's totals not counted, grouped by judge and reason, in the jury's order."""
    lang = inputs.lang
    teams = [team for category in inputs.results.categories for team in category.teams]
    reasons: dict[str, dict[str, list[TeamResult]]] = {}
    for team in teams:
        for mark in team.marks:
            if mark.status is MarkStatus.COUNTED:
                continue
            why = not_scored_reason(
                mark.status, inputs.abstentions.get((mark.judge, team.code), ""), lang
            )
            reasons.setdefault(mark.judge, {}).setdefault(why, []).append(team)
    sentences = []
    for judge in judges:
        for why, missed in reasons.get(judge.code, {}).items():
            names = listing([f"{team.institution} ({team.code})" for team in missed], lang)
            sentences.append(
                pick(
                    lang,
                    f"{judge.name} tidak menilai {names}: {why}.",
                    f"{judge.name} did not score {names}: {why}.",
                )
            )
    return tuple(sentences)


def _certificates(
    spec: ConventionSpec,
    results: Results,
    header: Header,
    chair: JudgeInfo,
    lang: str,
    day: date,
) -> tuple[CertificateData, ...]:
    certificates: list[CertificateData] = []
    for category in results.categories:
        for team in category.teams:
            if team.rank is None or not (team.advances or team.rank <= PODIUM):
                continue
            if team.cut_line_tie:
                continue  # a place the jury has still to decide goes on no certificate
            achievement = ""
            if team.advances and header.next_level:
                achievement = pick(
                    lang, f"Lolos ke {header.next_level}", f"Advances to the {header.next_level}"
                )
            number = f"{len(certificates) + 1:03d}/PIAGAM/{roman(day.month)}/{day.year}"
            certificates.append(
                CertificateData(
                    header=header,
                    number=number,
                    team_code=team.code,
                    team_name=team.institution,
                    institution=team.institution,
                    title=team.title,
                    category_name=pick(lang, category.name, category.name_en),
                    rank=team.rank,
                    shared_rank=team.tied,
                    achievement=achievement,
                    date=day,
                    chair=chair,
                )
            )
    return tuple(certificates)


def _announcement(
    results: Results, header: Header, chair: JudgeInfo | None, lang: str, day: date
) -> AnnouncementData:
    categories = []
    for category in results.categories:
        listed = max(PODIUM, category.quota)
        places = [
            AnnouncedPlace(
                rank=t.rank,
                shared_rank=t.tied,
                pending=t.cut_line_tie,
                institution=t.institution,
                title=t.title,
                score=t.score,
                advances=t.advances,
            )
            for t in category.teams
            if t.rank is not None and t.score is not None and t.rank <= listed
        ]
        # read out from the lowest place up; teams sharing a place in their usual order
        places.sort(key=lambda place: -place.rank)
        categories.append(
            AnnouncedCategory(pick(lang, category.name, category.name_en), tuple(places))
        )
    return AnnouncementData(header=header, categories=tuple(categories), date=day, chair=chair)


def _later_robustness(inputs: DocumentInputs, header: Header) -> Later:
    """The robustness annex, worked out where it is laid out (in a worker, for a large run).

    It ranks every team again under each method and without each judge: for a thousand
    teams that took longer than all the other documents' data together, and held up every
    worker until it was done.
    """
    snapshot = inputs.snapshot
    return Later(
        functools.partial(
            robustness_data,
            snapshot.spec,
            tuple(snapshot.sheets),
            tuple(snapshot.decisions),
            inputs.results,
            inputs.lang,
            header,
        )
    )


def robustness_data(
    spec: ConventionSpec,
    sheets: Sequence[SheetInput],
    decisions: Sequence[TieDecision],
    results: Results,
    lang: str,
    header: Header,
) -> RobustnessData:
    """The robustness annex's data: every team's place under each method and without each judge."""
    found = robustness(spec, sheets, decisions, results)
    methods = [s for s in found.scenarios if s.without is None]
    names = [pick(lang, *SHORT_METHOD_NAMES[s.method]) for s in methods]
    names += [
        pick(lang, f"tanpa {s.without}", f"w/o {s.without}")
        for s in found.scenarios
        if s.without is not None
    ]
    categories = []
    for category in results.categories:
        rows = []
        for team in category.teams:
            standings = found.standings[team.code]
            rows.append(
                RobustnessRow(
                    team_code=team.code,
                    institution=team.institution,
                    rank=team.rank,
                    advances=team.advances,
                    ranks=tuple(s.rank for s in standings),
                    advancing=tuple(s.advances for s in standings),
                    flag=_dependence(found, team.code, lang),
                )
            )
        categories.append(
            RobustnessCategory(
                pick(lang, category.name, category.name_en), category.quota, tuple(rows)
            )
        )
    return RobustnessData(
        header=header,
        method=pick(lang, *METHOD_NAMES[results.method]),
        scenarios=tuple(names),
        methods=len(methods),
        categories=tuple(categories),
    )


def _dependence(found: Robustness, team: str, lang: str) -> str:
    """What a team's advancement (or else its place) depends on, in words; empty if nothing."""
    for advancement in (True, False):
        methods = found.methods_that_change(team, advancement=advancement)
        judges = found.judges_that_change(team, advancement=advancement)
        if not methods and not judges:
            continue
        what = []
        if methods:
            named = listing([pick(lang, *SHORT_METHOD_NAMES[m]) for m in methods], lang)
            what.append(pick(lang, f"metode ({named})", f"the method ({named})"))
        if judges:
            what.append(
                pick(
                    lang,
                    f"nilai {listing(list(judges), lang)}",
                    f"the totals of {listing(list(judges), lang)}",
                )
            )
        subject = (
            pick(lang, "Kelolosan", "Advancement")
            if advancement
            else pick(lang, "Peringkat", "The place")
        )
        # "metode (…) serta nilai J3 dan J5": the second "dan" belongs to the judges' list
        depends = pick(lang, " serta ", " and on ").join(what)
        return pick(lang, f"{subject} bergantung pada {depends}", f"{subject} depends on {depends}")
    return ""
