"""Preparing the immutable data of every result document from the stored convention."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from juryapp.domain.formatting import roman
from juryapp.domain.kinds import JudgeRole, Method
from juryapp.domain.model import ConventionSpec
from juryapp.domain.results import CategoryResult, MarkStatus, Results, TeamResult
from juryapp.domain.totals import TotalRule
from juryapp.reports.model import (
    CertificateData,
    CriterionLine,
    DocumentSet,
    FeedbackData,
    FeedbackLine,
    FeedbackNote,
    Header,
    JudgeInfo,
    JudgeTotal,
    MarkKind,
    MinutesCategory,
    MinutesData,
    MinutesWinner,
    RecapData,
    RecapRow,
    ScoreSheetData,
)
from juryapp.services.results import Snapshot

METHOD_NAMES = {
    Method.MEAN: ("Rata-rata nilai seluruh juri", "Mean of all judges' totals"),
    Method.TRIMMED: (
        "Rata-rata terpangkas (nilai tertinggi dan terendah tidak dihitung)",
        "Trimmed mean (highest and lowest totals dropped)",
    ),
    Method.MEDIAN: ("Median nilai juri", "Median of the judges' totals"),
    Method.ZSCORE: (
        "Skor-z per juri, dikembalikan ke skala nilai",
        "Per-judge z-scores rescaled to the score range",
    ),
}
PODIUM = 3  # Juara I–III get certificates even where fewer teams advance


@dataclass(frozen=True)
class DocumentInputs:
    snapshot: Snapshot
    results: Results
    notes: Mapping[tuple[str, str], tuple[str, Mapping[str, str]]]
    signatures: Mapping[str, bytes]
    lang: str


def _pick(lang: str, id_text: str, en_text: str) -> str:
    return en_text if lang == "en" and en_text else id_text


def header_of(spec: ConventionSpec) -> Header:
    info = spec.info
    return Header(
        convention_name=info.name,
        theme=info.theme,
        organiser=info.organiser,
        organiser_head_title=info.organiser_head_title,
        organiser_head_name=info.organiser_head_name,
        organiser_head_nip=info.organiser_head_nip,
        venue=info.venue,
        city=info.city,
        logo_path=None,
        next_level=info.next_level,
    )


def build_document_set(inputs: DocumentInputs) -> DocumentSet:
    spec, results, lang = inputs.snapshot.spec, inputs.results, inputs.lang
    header = header_of(spec)
    judges = tuple(
        JudgeInfo(
            code=j.code,
            name=j.name,
            affiliation=j.affiliation,
            position=j.position,
            nip=j.nip,
            is_chair=j.role is JudgeRole.CHAIR,
            signature_png=inputs.signatures.get(j.code),
        )
        for j in spec.judges
    )
    last_day = spec.days[-1].date if spec.days else date.today()
    sheets = _score_sheets(inputs, header, judges)
    blanks = _blank_forms(spec, header)
    recaps = tuple(
        _recap(category, header, judges, lang, results.method, last_day)
        for category in results.categories
    )
    minutes = _minutes(spec, results, header, judges, lang, last_day)
    chair = next((j for j in judges if j.is_chair), judges[0] if judges else None)
    certificates = _certificates(spec, results, header, chair, lang, last_day) if chair else ()
    feedback = tuple(
        _feedback(spec, category, team, header, inputs, standing)
        for category in results.categories
        for standing in [_category_standing(spec, category)]
        for team in category.teams
    )
    return DocumentSet(
        score_sheets=sheets + blanks,
        recaps=recaps,
        minutes=minutes,
        certificates=certificates,
        feedback=feedback,
    )


def _team_index(spec: ConventionSpec) -> dict[str, tuple[str, date | None, int | None, str]]:
    categories = {c.code: c for c in spec.categories}
    days = {i: d.date for i, d in enumerate(spec.days, 1)}
    return {
        t.code: (
            categories[t.category].name,
            days.get(t.day) if t.day else None,
            t.order,
            t.title,
        )
        for t in spec.teams
    }


def _score_sheets(
    inputs: DocumentInputs, header: Header, judges: tuple[JudgeInfo, ...]
) -> tuple[ScoreSheetData, ...]:
    spec = inputs.snapshot.spec
    rule = TotalRule.build(spec.criteria, spec.scoring.total_formula)
    teams = {t.code: t for t in spec.teams}
    info = _team_index(spec)
    by_code = {j.code: j for j in judges}
    order = {t.code: i for i, t in enumerate(spec.teams)}
    sheets = sorted(
        (s for s in inputs.snapshot.sheets if s.scores and not s.abstained),
        key=lambda s: (order[s.team], s.judge),
    )
    # A rubric has few distinct scores per criterion: each one's points are worked out once.
    values: dict[tuple[str, Decimal], Fraction] = {}

    def value_of(code: str, score: Decimal) -> Fraction:
        key = (code, score)
        found = values.get(key)
        if found is None:
            found = values[key] = rule.criterion_value(code, score)
        return found

    result = []
    for sheet in sheets:
        category, day, number, title = info[sheet.team]
        sheet_note, criterion_notes = inputs.notes.get((sheet.judge, sheet.team), ("", {}))
        lines = tuple(
            CriterionLine(
                code=c.code,
                name=_pick(inputs.lang, c.name, c.name_en),
                weight=c.weight,
                scale_min=c.scale_min,
                scale_max=c.scale_max,
                score=sheet.scores.get(c.code),
                value=value_of(c.code, sheet.scores[c.code]) if c.code in sheet.scores else None,
                note=criterion_notes.get(c.code, ""),
            )
            for c in spec.criteria
        )
        result.append(
            ScoreSheetData(
                header=header,
                judge=by_code[sheet.judge],
                team_code=sheet.team,
                institution=teams[sheet.team].institution,
                category_name=category,
                title=title,
                day_date=day,
                order=number,
                criteria=lines,
                total=rule.total(sheet.scores),
                notes=sheet_note,
            )
        )
    return tuple(result)


def _blank_forms(spec: ConventionSpec, header: Header) -> tuple[ScoreSheetData, ...]:
    info = _team_index(spec)
    return tuple(
        ScoreSheetData(
            header=header,
            judge=None,
            team_code=t.code,
            institution=t.institution,
            category_name=info[t.code][0],
            title=t.title,
            day_date=info[t.code][1],
            order=t.order,
            criteria=tuple(
                CriterionLine(c.code, c.name, c.weight, c.scale_min, c.scale_max, None, None)
                for c in spec.criteria
            ),
            total=None,
            blank=True,
        )
        for t in spec.teams
    )


def tie_sentences(category: CategoryResult, lang: str) -> tuple[str, ...]:
    """One sentence per tie: who was level and what settled it (or that nothing did)."""
    sentences = []
    for tie in category.ties:
        teams = ", ".join(tie.teams)
        criteria = [c for c in tie.resolved_by if c != "jury"]
        parts = [_pick(lang, f"Nilai akhir {teams} sama", f"{teams} finished level")]
        if criteria:
            parts.append(
                _pick(
                    lang,
                    "diputus dengan kriteria " + ", ".join(criteria),
                    "broken by criterion " + ", ".join(criteria),
                )
            )
        if tie.decision is not None:
            verdict = (
                _pick(lang, "juara bersama", "a shared place")
                if tie.decision.shared
                else " > ".join(tie.decision.order)
            )
            parts.append(
                _pick(
                    lang,
                    f"keputusan dewan juri: {verdict} ({tie.decision.reason})",
                    f"jury decision: {verdict} ({tie.decision.reason})",
                )
            )
        for group in tie.still_tied:
            parts.append(
                _pick(
                    lang,
                    f"{', '.join(group)} tetap berbagi peringkat",
                    f"{', '.join(group)} keep a shared rank",
                )
            )
        if tie.crosses_cut_line and tie.still_tied and tie.decision is None:
            parts.append(
                _pick(
                    lang,
                    "melintasi batas kuota, menunggu keputusan dewan juri",
                    "across the quota line, awaiting the jury's decision",
                )
            )
        sentences.append("; ".join(parts) + ".")
    return tuple(sentences)


def _remark(team: TeamResult, lang: str) -> str:
    notes = []
    if team.tie_broken_by and team.tie_broken_by != "jury":
        notes.append(
            _pick(
                lang, f"seri, diputus {team.tie_broken_by}", f"tie broken by {team.tie_broken_by}"
            )
        )
    elif team.tie_broken_by == "jury":
        notes.append(_pick(lang, "keputusan dewan juri", "jury decision"))
    if team.cut_line_tie:
        notes.append(_pick(lang, "seri di batas kuota", "tied at the quota line"))
    if team.judges_counted < team.judges_expected:
        notes.append(
            _pick(
                lang,
                f"{team.judges_counted} dari {team.judges_expected} juri",
                f"{team.judges_counted} of {team.judges_expected} judges",
            )
        )
    return "; ".join(notes)


_KIND = {
    MarkStatus.COUNTED: MarkKind.COUNTED,
    MarkStatus.CONFLICT: MarkKind.CONFLICT,
    MarkStatus.ABSTAINED: MarkKind.ABSTAINED,
    MarkStatus.MISSING: MarkKind.MISSING,
}


def _recap(
    category: CategoryResult,
    header: Header,
    judges: tuple[JudgeInfo, ...],
    lang: str,
    method: Method,
    signed_on: date,
) -> RecapData:
    rows = tuple(
        RecapRow(
            order_no=i,
            team_code=t.code,
            institution=t.institution,
            title=t.title,
            judge_totals=tuple(JudgeTotal(m.total, _KIND[m.status]) for m in t.marks),
            final_score=t.score,
            rank=t.rank,
            shared_rank=t.tied,
            advances=t.advances,
            remark=_remark(t, lang),
        )
        for i, t in enumerate(category.teams, 1)
    )
    return RecapData(
        header=header,
        category_name=_pick(lang, category.name, category.name_en),
        quota=category.quota,
        judges=judges,
        rows=rows,
        ties=tie_sentences(category, lang),
        method=_pick(lang, *METHOD_NAMES[method]),
        signed_on=signed_on,
    )


def _minutes(
    spec: ConventionSpec,
    results: Results,
    header: Header,
    judges: tuple[JudgeInfo, ...],
    lang: str,
    day: date,
) -> MinutesData:
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
            )
            for t in category.teams
            if t.rank is not None and t.score is not None and t.rank <= listed
        )
        categories.append(
            MinutesCategory(
                name=_pick(lang, category.name, category.name_en),
                quota=category.quota,
                team_count=len(category.teams),
                winners=winners,
            )
        )
        ties += tie_sentences(category, lang)
    return MinutesData(
        header=header,
        number=spec.info.minutes_number,
        date=day,
        place=spec.info.venue,
        jury=judges,
        categories=tuple(categories),
        tie_decisions=tuple(ties),
        method=_pick(lang, *METHOD_NAMES[results.method]),
    )


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
            achievement = ""
            if team.advances and spec.info.next_level:
                achievement = _pick(
                    lang, f"Lolos ke {spec.info.next_level}", f"Advances to {spec.info.next_level}"
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
                    category_name=_pick(lang, category.name, category.name_en),
                    rank=team.rank,
                    shared_rank=team.tied,
                    achievement=achievement,
                    date=day,
                    chair=chair,
                )
            )
    return tuple(certificates)


def _category_standing(
    spec: ConventionSpec, category: CategoryResult
) -> dict[str, tuple[Fraction, Fraction]]:
    """Each criterion's mean and best score across a category's teams, where any was scored."""
    standing = {}
    for criterion in spec.criteria:
        values = [
            t.criterion_means[criterion.code]
            for t in category.teams
            if criterion.code in t.criterion_means
        ]
        if values:
            standing[criterion.code] = (Fraction(sum(values), len(values)), max(values))
    return standing


def _feedback(
    spec: ConventionSpec,
    category: CategoryResult,
    team: TeamResult,
    header: Header,
    inputs: DocumentInputs,
    standing: dict[str, tuple[Fraction, Fraction]],
) -> FeedbackData:
    lines = []
    for criterion in spec.criteria:
        mean, best = standing.get(criterion.code, (None, None))
        lines.append(
            FeedbackLine(
                code=criterion.code,
                name=_pick(inputs.lang, criterion.name, criterion.name_en),
                weight=criterion.weight,
                scale_min=criterion.scale_min,
                scale_max=criterion.scale_max,
                team_mean=team.criterion_means.get(criterion.code),
                category_mean=mean,
                category_best=best,
            )
        )
    notes = []
    for number, judge in enumerate(spec.judges, 1):
        sheet_note, per_criterion = inputs.notes.get((judge.code, team.code), ("", {}))
        notes += [FeedbackNote(number, code, text) for code, text in per_criterion.items()]
        if sheet_note.strip():
            notes.append(FeedbackNote(number, None, sheet_note))
    return FeedbackData(
        header=header,
        team_code=team.code,
        institution=team.institution,
        title=team.title,
        category_name=_pick(inputs.lang, category.name, category.name_en),
        team_count=len(category.teams),
        final_score=team.score,
        rank=team.rank,
        shared_rank=team.tied,
        lines=tuple(lines),
        notes=tuple(notes),
    )
