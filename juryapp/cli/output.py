"""Turning results into the text table and the JSON that ``juryapp results`` prints."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from juryapp.domain.formatting import format_score
from juryapp.domain.results import Results, TeamResult


def _exact(value: Fraction | None) -> str | None:
    if value is None:
        return None
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )


def team_json(team: TeamResult) -> dict[str, Any]:
    return {
        "code": team.code,
        "name": team.institution,
        "title": team.title,
        "rank": team.rank,
        "score": float(team.score) if team.score is not None else None,
        "score_exact": _exact(team.score),
        "z": team.z,
        "advances": team.advances,
        "tied": team.tied,
        "tied_with": list(team.tied_with),
        "tie_broken_by": team.tie_broken_by,
        "cut_line_tie": team.cut_line_tie,
        "judges_counted": team.judges_counted,
        "judges_expected": team.judges_expected,
        "judges": {
            m.judge: {
                "status": m.status.value,
                "total": float(m.total) if m.total is not None else None,
                "outlier": m.outlier,
            }
            for m in team.marks
        },
    }


def results_json(results: Results) -> dict[str, Any]:
    return {
        "method": results.method.value,
        "categories": [
            {
                "code": c.code,
                "name": c.name,
                "name_en": c.name_en,
                "quota": c.quota,
                "cut_line_tie": c.cut_line_tie,
                "kendall_w": c.kendall_w,
                "teams": [team_json(t) for t in c.teams],
                "ties": [
                    {
                        "teams": list(tie.teams),
                        "resolved_by": list(tie.resolved_by),
                        "still_tied": [list(g) for g in tie.still_tied],
                        "crosses_cut_line": tie.crosses_cut_line,
                        "decision_reason": tie.decision.reason if tie.decision else None,
                    }
                    for tie in c.ties
                ],
            }
            for c in results.categories
        ],
        "missing": [{"judge": j, "team": t} for j, t in results.missing],
    }


def results_text(results: Results, lang: str) -> str:
    en = lang == "en"
    lines: list[str] = []
    for c in results.categories:
        title = c.name_en if en and c.name_en else c.name
        quota = "quota" if en else "kuota"
        lines.append(f"{title} ({quota} {c.quota})")
        for t in c.teams:
            rank = "-" if t.rank is None else str(t.rank)
            score = "-" if t.score is None else format_score(t.score, lang)
            flags = []
            if t.advances:
                flags.append("advances" if en else "lolos")
            if t.tied:
                flags.append(("tied with " if en else "seri dengan ") + ", ".join(t.tied_with))
            if t.cut_line_tie:
                flags.append("TIE AT CUT LINE" if en else "SERI DI BATAS KUOTA")
            if t.tie_broken_by:
                flags.append(("tie broken by " if en else "seri diputus oleh ") + t.tie_broken_by)
            if not t.complete:
                flags.append(
                    f"{t.judges_counted}/{t.judges_expected} " + ("judges" if en else "juri")
                )
            lines.append(
                f"  {rank:>3}  {score:>6}  {t.code:<9} {t.institution}"
                + (f"  [{'; '.join(flags)}]" if flags else "")
            )
        lines.append("")
    if results.missing:
        label = "Missing sheets" if en else "Lembar belum masuk"
        lines.append(f"{label}: " + ", ".join(f"{j}/{t}" for j, t in results.missing))
    return "\n".join(lines).rstrip() + "\n"
