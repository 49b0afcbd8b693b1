"""The data of each judge's and each team's documents, and of the forms around the event."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from juryapp.domain.model import ConventionSpec, Criterion
from juryapp.domain.results import CategoryResult, MarkStatus, TeamResult
from juryapp.domain.totals import TotalRule
from juryapp.reports.model import (
    AttendanceData,
    AttendanceRow,
    CriterionLine,
    DeclarationData,
    DeclaredTeam,
    FeedbackData,
    FeedbackLine,
    FeedbackNote,
    Header,
    JudgeInfo,
    JudgeRecapData,
    JudgeRecapGroup,
    JudgeRecapLine,
    LevelLine,
    ScoreSheetData,
    ScoringGuideData,
)
from juryapp.services.wording import formula_text, not_scored_reason, pick

if TYPE_CHECKING:
    from juryapp.services.documents import DocumentInputs

TeamInfo = tuple[str, date | None, int | None, str]  # category name, day, order, title


def _team_index(spec: ConventionSpec, lang: str) -> dict[str, TeamInfo]:
    categories = {c.code: pick(lang, c.name, c.name_en) for c in spec.categories}
    days = {i: d.date for i, d in enumerate(spec.days, 1)}
    return {
        t.code: (categories[t.category], days.get(t.day) if t.day else None, t.order, t.title)
        for t in spec.teams
    }


def score_sheets(
    inputs: DocumentInputs, header: Header, judges: tuple[JudgeInfo, ...]
) -> tuple[ScoreSheetData, ...]:
    spec, lang = inputs.snapshot.spec, inputs.lang
    rule = TotalRule.build(spec.criteria, spec.scoring.total_formula)
    formula = formula_text(spec.criteria, spec.scoring.total_formula, lang)
    teams = {t.code: t for t in spec.teams}
    info = _team_index(spec, lang)
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

    names = {c.code: pick(lang, c.name, c.name_en) for c in spec.criteria}
    result = []
    for sheet in sheets:
        category, day, number, title = info[sheet.team]
        sheet_note, criterion_notes = inputs.notes.get((sheet.judge, sheet.team), ("", {}))
        lines = tuple(
            CriterionLine(
                code=c.code,
                name=names[c.code],
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
                formula=formula,
            )
        )
    return tuple(result)


def blank_forms(spec: ConventionSpec, header: Header, lang: str) -> tuple[ScoreSheetData, ...]:
    """A paper form for each team, with the formula in use and what each score means."""
    info = _team_index(spec, lang)
    formula = formula_text(spec.criteria, spec.scoring.total_formula, lang)
    lines = tuple(_blank_line(c, lang) for c in spec.criteria)
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
            criteria=lines,
            total=None,
            blank=True,
            formula=formula,
        )
        for t in spec.teams
    )


def scoring_guide(spec: ConventionSpec, header: Header, lang: str) -> ScoringGuideData:
    """What each score means on each criterion, for the judges who score on paper."""
    formula = formula_text(spec.criteria, spec.scoring.total_formula, lang)
    return ScoringGuideData(header, tuple(_blank_line(c, lang) for c in spec.criteria), formula)


def _blank_line(criterion: Criterion, lang: str) -> CriterionLine:
    return CriterionLine(
        code=criterion.code,
        name=pick(lang, criterion.name, criterion.name_en),
        weight=criterion.weight,
        scale_min=criterion.scale_min,
        scale_max=criterion.scale_max,
        score=None,
        value=None,
        description=pick(lang, criterion.description, criterion.description_en),
        levels=tuple(
            LevelLine(
                level.score,
                pick(lang, level.label, level.label_en),
                pick(lang, level.description, level.description_en),
            )
            for level in criterion.levels
        ),
    )


def judge_recaps(
    inputs: DocumentInputs, header: Header, judges: tuple[JudgeInfo, ...], signed_on: date
) -> tuple[JudgeRecapData, ...]:
    """Every judge's scores of every team, grouped by category, for one signature each."""
    spec, lang = inputs.snapshot.spec, inputs.lang
    sheets = {(s.judge, s.team): s for s in inputs.snapshot.sheets}
    codes = [c.code for c in spec.criteria]
    formula = formula_text(spec.criteria, spec.scoring.total_formula, lang)
    recaps = []
    for judge in judges:
        groups = []
        for category in inputs.results.categories:
            lines = []
            for team in category.teams:
                mark = next(m for m in team.marks if m.judge == judge.code)
                sheet = sheets.get((judge.code, team.code))
                scores = tuple(sheet.scores.get(code) if sheet else None for code in codes)
                reason = ""
                if mark.status is not MarkStatus.COUNTED:
                    why = not_scored_reason(
                        mark.status, inputs.abstentions.get((judge.code, team.code), ""), lang
                    )
                    reason = pick(lang, f"tidak menilai ({why})", f"did not score ({why})")
                lines.append(
                    JudgeRecapLine(
                        team.code, team.institution, team.title, scores, mark.total, reason
                    )
                )
            lines.sort(key=lambda line: line.team_code)
            groups.append(
                JudgeRecapGroup(pick(lang, category.name, category.name_en), tuple(lines))
            )
        recaps.append(
            JudgeRecapData(
                header=header,
                judge=judge,
                criteria=tuple((c.code, c.weight) for c in spec.criteria),
                groups=tuple(groups),
                signed_on=signed_on,
                formula=formula,
            )
        )
    return tuple(recaps)


def declarations(
    spec: ConventionSpec, header: Header, judges: tuple[JudgeInfo, ...], lang: str, day: date
) -> tuple[DeclarationData, ...]:
    """Each judge's declaration, listing the teams their recorded conflicts cover."""
    categories = {c.code: pick(lang, c.name, c.name_en) for c in spec.categories}
    result = []
    for judge in judges:
        declared: dict[str, DeclaredTeam] = {}
        for conflict in spec.conflicts:
            if conflict.judge != judge.code:
                continue
            for team in spec.teams:
                if conflict.covers(team) and team.code not in declared:
                    declared[team.code] = DeclaredTeam(
                        team.code,
                        team.institution,
                        team.title,
                        categories[team.category],
                        conflict.reason,
                    )
        result.append(DeclarationData(header, judge, tuple(declared.values()), day))
    return tuple(result)


def attendance(
    spec: ConventionSpec,
    header: Header,
    judges: tuple[JudgeInfo, ...],
    keys: Mapping[str, str],
) -> tuple[AttendanceData, ...]:
    """One list per day, with each judge's laptop key fingerprint once it is enrolled, so the
    judge signs beside the code they compared on their own screen."""
    rows = tuple(
        AttendanceRow(judge, keys.get(judge.code, ""))
        for judge in sorted(judges, key=lambda j: not j.is_chair)
    )
    return tuple(
        AttendanceData(header, number, day.date, day.start, spec.info.venue, rows)
        for number, day in enumerate(spec.days, 1)
    )


def feedback(inputs: DocumentInputs, header: Header) -> tuple[FeedbackData, ...]:
    return tuple(
        _feedback(inputs, category, team, header, standing)
        for category in inputs.results.categories
        for standing in [_category_standing(inputs.snapshot.spec, category)]
        for team in category.teams
    )


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
    inputs: DocumentInputs,
    category: CategoryResult,
    team: TeamResult,
    header: Header,
    standing: dict[str, tuple[Fraction, Fraction]],
) -> FeedbackData:
    spec, lang = inputs.snapshot.spec, inputs.lang
    lines = []
    for criterion in spec.criteria:
        mean, best = standing.get(criterion.code, (None, None))
        lines.append(
            FeedbackLine(
                code=criterion.code,
                name=pick(lang, criterion.name, criterion.name_en),
                weight=criterion.weight,
                scale_min=criterion.scale_min,
                scale_max=criterion.scale_max,
                team_mean=team.criterion_means.get(criterion.code),
                category_mean=mean,
                category_best=best,
            )
        )
    return FeedbackData(
        header=header,
        team_code=team.code,
        institution=team.institution,
        title=team.title,
        category_name=pick(lang, category.name, category.name_en),
        team_count=len(category.teams),
        final_score=team.score,
        rank=team.rank,
        shared_rank=team.tied,
        lines=tuple(lines),
        notes=anonymous_notes(inputs, team.code),
    )


def anonymous_notes(inputs: DocumentInputs, team: str) -> tuple[FeedbackNote, ...]:
    """The judges' notes on a team by criterion, in an order that says nothing of who wrote them.

    Within each criterion (and among the general notes, printed last) the order is shuffled
    with a seed taken from the team's code, so a reprint shows the same order.
    """
    spec = inputs.snapshot.spec
    by_criterion: dict[str | None, list[str]] = {c.code: [] for c in spec.criteria}
    by_criterion[None] = []
    for judge in spec.judges:
        sheet_note, per_criterion = inputs.notes.get((judge.code, team), ("", {}))
        for code, text in per_criterion.items():
            by_criterion.setdefault(code, []).append(text)
        if sheet_note.strip():
            by_criterion[None].append(sheet_note)
    seed = int.from_bytes(hashlib.sha256(f"feedback:{team}".encode()).digest()[:8], "big")
    shuffle = random.Random(seed).shuffle  # noqa: S311  (an order, not a secret)
    notes: list[FeedbackNote] = []
    for criterion, texts in by_criterion.items():
        ordered = sorted(texts)  # the same start for the shuffle whatever the judges' order
        shuffle(ordered)
        notes += [FeedbackNote(criterion, text) for text in ordered]
    return tuple(notes)
