"""The sentences documents print about results: ties, remarks, absences, methods and formulas."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from juryapp.domain.formatting import format_number, format_score
from juryapp.domain.kinds import Method, TotalFormula
from juryapp.domain.model import ConventionSpec, Criterion
from juryapp.domain.results import (
    CategoryResult,
    MarkStatus,
    TeamResult,
    TieDecision,
    TieGroup,
)

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
SHORT_METHOD_NAMES = {
    Method.MEAN: ("Rata-rata", "Mean"),
    Method.TRIMMED: ("Terpangkas", "Trimmed"),
    Method.MEDIAN: ("Median", "Median"),
    Method.ZSCORE: ("Skor-z", "Z-score"),
}


def pick(lang: str, id_text: str, en_text: str) -> str:
    return en_text if lang == "en" and en_text else id_text


def listing(items: Sequence[str], lang: str) -> str:
    """``A``, ``A dan B``, ``A, B dan C`` (English: ``and``)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + pick(lang, " dan ", " and ") + items[-1]


def formula_text(criteria: Sequence[Criterion], formula: TotalFormula, lang: str) -> str:
    """How one criterion's value is worked out, as the score sheets print it."""
    value, weight, score = (
        pick(lang, "Nilai", "Value"),
        pick(lang, "Bobot", "Weight"),
        pick(lang, "Skor", "Score"),
    )
    scales = {(c.scale_min, c.scale_max) for c in criteria}
    if len(scales) != 1:
        low, high = pick(lang, "skor terendah", "lowest score"), pick(lang, "tertinggi", "highest")
        if formula is TotalFormula.RANGE:
            return f"{value} = {weight} × ({score} − {low}) ÷ ({high} − {low})"
        return f"{value} = {weight} × {score} ÷ {high}"
    ((low_score, high_score),) = scales
    low_text = _plain(low_score, lang)
    if formula is TotalFormula.RANGE:
        span = _plain(high_score - low_score, lang)
        if low_score == 0:
            return f"{value} = {weight} × {score} ÷ {span}"
        return f"{value} = {weight} × ({score} − {low_text}) ÷ {span}"
    return f"{value} = {weight} × {score} ÷ {_plain(high_score, lang)}"


def _plain(number: object, lang: str) -> str:
    exact = Fraction(str(number))
    return format_number(exact, 0 if exact.denominator == 1 else 2, lang)


# --- ties -----------------------------------------------------------------------------------


def tie_sentences(spec: ConventionSpec, category: CategoryResult, lang: str) -> tuple[str, ...]:
    """Each tie of a category in words: who, with which score, and what settled it.

    Criteria that separated the teams are given with each team's mean score on them, so the
    reader sees a rule at work; a decision of the jury is given as one, with its reason.
    """
    teams = {team.code: team for team in category.teams}
    criteria = {c.code: c for c in spec.criteria}
    return tuple(
        _tie_sentence(tie, teams, criteria, spec.scoring.tie_break, lang) for tie in category.ties
    )


def _tie_sentence(
    tie: TieGroup,
    teams: Mapping[str, TeamResult],
    criteria: Mapping[str, Criterion],
    chain: tuple[str, ...],
    lang: str,
) -> str:
    members = [teams[code] for code in tie.teams]
    names = listing([team.institution for team in members], lang)
    score = members[0].score
    shown = format_score(score, lang) if score is not None else "—"
    parts = [
        pick(
            lang,
            f"{names} memperoleh nilai akhir yang sama, {shown}.",
            f"{names} finished level on a final score of {shown}.",
        )
    ]
    used = [code for code in tie.resolved_by if code != "jury" and code in criteria]
    for code in used:
        name = pick(lang, criteria[code].name, criteria[code].name_en)
        values = listing(
            [f"{team.institution} {_mean(team, code, lang)}" for team in members], lang
        )
        parts.append(
            pick(
                lang,
                f"Menurut kriteria penentu {code} ({name}), rata-rata skornya: {values}.",
                f"On the tie-break criterion {code} ({name}) their mean scores were: {values}.",
            )
        )
    parts += _level_sentences(tie, teams, [code for code in chain if code in criteria], lang)
    if tie.decision is not None:
        parts.append(_decision_sentence(tie.decision, teams, lang))
    if len({team.rank for team in members}) > 1:
        placed = sorted(members, key=lambda team: (team.rank or 0, team.code))
        places = listing([_placed(team, lang) for team in placed], lang)
        parts.append(pick(lang, f"Hasilnya: {places}.", f"The outcome: {places}."))
    return " ".join(parts)


def _level_sentences(
    tie: TieGroup, teams: Mapping[str, TeamResult], chain: list[str], lang: str
) -> list[str]:
    """The teams level after the whole chain, with their values, and what became of them."""
    groups = list(tie.still_tied)
    if tie.decision is not None and not any(set(g) == tie.decision.teams for g in groups):
        # level until the jury decided: their values show there was nothing else to go by
        groups.insert(0, tuple(code for code in tie.teams if code in tie.decision.teams))
    parts = []
    for group in groups:
        tied = [teams[code] for code in group]
        tied_names = listing([team.institution for team in tied], lang)
        if chain:
            values = "; ".join(f"{code} {_mean(tied[0], code, lang)}" for code in chain)
            parts.append(
                pick(
                    lang,
                    f"Rata-rata skor {tied_names} pada seluruh kriteria penentu juga sama "
                    f"({values}).",
                    f"{tied_names} were also level on every tie-break criterion ({values}).",
                )
            )
        if tie.decision is not None and set(group) == tie.decision.teams:
            continue  # the jury's decision, with its reason, follows
        if tie.crosses_cut_line and tie.decision is None:
            parts.append(
                pick(
                    lang,
                    "Karena nilai yang sama itu melintasi batas kuota lolos, keputusan Dewan Juri "
                    "diperlukan dan belum dicatat.",
                    "As the level scores straddle the quota line, a decision of the Jury is "
                    "needed and has not been recorded.",
                )
            )
        else:
            rank = tied[0].rank
            parts.append(
                pick(
                    lang,
                    f"{tied_names} berbagi peringkat {rank}.",
                    f"{tied_names} share rank {rank}.",
                )
            )
    return parts


def _decision_sentence(decision: TieDecision, teams: Mapping[str, TeamResult], lang: str) -> str:
    reason = decision.reason or pick(lang, "tanpa alasan tercatat", "no reason recorded")
    if decision.shared:
        decided = listing([teams[code].institution for code in sorted(decision.teams)], lang)
        said = pick(
            lang,
            f"Dewan Juri menetapkan {decided} sebagai juara bersama",
            f"The Jury decided that {decided} share the place",
        )
    elif len(decision.order) == 2:
        first, second = (teams[code].institution for code in decision.order)
        said = pick(
            lang,
            f"Dewan Juri menetapkan {first} di atas {second}",
            f"The Jury placed {first} above {second}",
        )
    else:
        order = listing([teams[code].institution for code in decision.order], lang)
        said = pick(
            lang, f"Dewan Juri menetapkan urutan {order}", f"The Jury set the order {order}"
        )
    return pick(lang, f"{said}, dengan alasan: “{reason}”.", f"{said}, because: “{reason}”.")


def _placed(team: TeamResult, lang: str) -> str:
    return pick(
        lang, f"{team.institution} peringkat {team.rank}", f"{team.institution} rank {team.rank}"
    )


def _mean(team: TeamResult, code: str, lang: str) -> str:
    value = team.criterion_means.get(code)
    return format_number(value, 2, lang) if value is not None else "—"


# --- remarks and absences -------------------------------------------------------------------


def remark(team: TeamResult, lang: str) -> str:
    """The recap's Keterangan for one team, after its advancement: ties and missing judges."""
    notes = []
    if team.tie_broken_by and team.tie_broken_by != "jury":
        notes.append(
            pick(
                lang,
                f"nilai sama, ditentukan kriteria {team.tie_broken_by}",
                f"level score, settled by criterion {team.tie_broken_by}",
            )
        )
    elif team.tie_broken_by == "jury":
        notes.append(pick(lang, "ditetapkan Dewan Juri", "decided by the Jury"))
    if team.cut_line_tie:
        notes.append(
            pick(
                lang,
                "nilai sama di batas kuota; menunggu keputusan Dewan Juri",
                "level at the quota line; awaiting the Jury's decision",
            )
        )
    if team.judges_counted < team.judges_expected:
        notes.append(
            pick(
                lang,
                f"dinilai {team.judges_counted} dari {team.judges_expected} juri",
                f"scored by {team.judges_counted} of {team.judges_expected} judges",
            )
        )
    return "; ".join(notes)


def not_scored_reason(status: MarkStatus, abstain_reason: str, lang: str) -> str:
    """Why a judge's total is not in a team's score, in a few words."""
    if status is MarkStatus.CONFLICT:
        return pick(lang, "konflik kepentingan", "conflict of interest")
    if status is MarkStatus.ABSTAINED:
        return abstain_reason or pick(lang, "tanpa alasan tercatat", "no reason recorded")
    return pick(lang, "lembar penilaian tidak diserahkan", "no score sheet handed in")
