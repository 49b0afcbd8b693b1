"""Checks that a convention set-up is coherent before anything is stored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from juryapp.domain.kinds import JudgeRole
from juryapp.domain.messages import Text, ValidationError
from juryapp.domain.model import PILLARS, ConventionSpec


class SpecProblemsError(ValidationError):
    """Every problem found in a set-up, each with where it is (e.g. ``teams[3].category``)."""

    def __init__(self, problems: list[tuple[str, Text]]) -> None:
        first_where, first = problems[0]
        more = len(problems) - 1
        suffix = (
            Text("", "")
            if not more
            else Text(" (dan {n} lainnya)", " (and {n} more)").format(n=more)
        )
        super().__init__(
            Text(f"{first_where}: {first.id}{suffix.id}", f"{first_where}: {first.en}{suffix.en}")
        )
        self.problems = problems


LOGO_MAX_BYTES = 2_000_000
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


def logo_problem(logo: bytes | None) -> Text | None:
    """Why a logo cannot go on the letterhead, or None when it can (or there is none)."""
    if logo is None:
        return None
    if not logo.startswith(_IMAGE_SIGNATURES):
        return Text(
            "logo harus berupa gambar PNG atau JPEG", "the logo must be a PNG or JPEG image"
        )
    if len(logo) > LOGO_MAX_BYTES:
        return logo_too_large()
    return None


def logo_too_large() -> Text:
    return Text(
        "berkas logo terlalu besar (paling besar {n} MB)",
        "the logo file is too large (at most {n} MB)",
    ).format(n=LOGO_MAX_BYTES // 1_000_000)


def _duplicates(codes: Iterable[str]) -> list[str]:
    return [code for code, n in Counter(codes).items() if n > 1]


class _Problems(list[tuple[str, Text]]):
    def add(self, where: str, text: Text) -> None:
        self.append((where, text))


def check_spec(spec: ConventionSpec) -> list[tuple[str, Text]]:
    """All the problems of a set-up; an empty list means it can be stored."""
    problems = _Problems()
    if not spec.info.name.strip():
        problems.add(
            "convention.name", Text("nama konvensi wajib diisi", "the convention needs a name")
        )
    if spec.info.max_team_members < 1:
        problems.add(
            "convention.max_team_members", Text("harus paling sedikit 1", "must be at least 1")
        )
    logo = logo_problem(spec.info.logo)
    if logo is not None:
        problems.add("convention.logo", logo)
    _check_codes(spec, problems)
    for i, category in enumerate(spec.categories, 1):
        if category.quota < 0:
            problems.add(
                f"categories[{i}].quota",
                Text("kuota tidak boleh negatif", "the quota cannot be negative"),
            )
    _check_rubric(spec, problems)
    chairs = sum(1 for j in spec.judges if j.role is JudgeRole.CHAIR)
    if spec.judges and chairs != 1:
        problems.add(
            "judges",
            Text(
                "harus ada tepat satu ketua dewan juri (ada {n})",
                "there must be exactly one jury chair ({n} found)",
            ).format(n=chairs),
        )
    _check_teams(spec, problems)
    _check_conflicts(spec, problems)
    return list(problems)


def _check_codes(spec: ConventionSpec, problems: _Problems) -> None:
    for table, codes in (
        ("categories", [c.code for c in spec.categories]),
        ("criteria", [c.code for c in spec.criteria]),
        ("judges", [j.code for j in spec.judges]),
        ("teams", [t.code for t in spec.teams]),
    ):
        for code in _duplicates(codes):
            problems.add(
                table,
                Text("kode '{c}' dipakai lebih dari sekali", "code '{c}' is used twice").format(
                    c=code
                ),
            )
        for i, code in enumerate(codes):
            if not code.strip():
                problems.add(
                    f"{table}[{i + 1}].code", Text("kode wajib diisi", "the code is required")
                )


def _check_conflicts(spec: ConventionSpec, problems: _Problems) -> None:
    judge_codes = {j.code for j in spec.judges}
    team_codes = {t.code for t in spec.teams}
    for i, conflict in enumerate(spec.conflicts, 1):
        where = f"conflicts[{i}]"
        if conflict.judge not in judge_codes:
            problems.add(
                f"{where}.judge",
                Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(c=conflict.judge),
            )
        if (conflict.team is None) == (conflict.institution is None):
            problems.add(
                where,
                Text("isi salah satu: team atau institution", "give either team or institution"),
            )
        elif conflict.team is not None and conflict.team not in team_codes:
            problems.add(
                f"{where}.team",
                Text("tim '{c}' tidak dikenal", "unknown team '{c}'").format(c=conflict.team),
            )


def _check_rubric(spec: ConventionSpec, problems: _Problems) -> None:
    if not spec.criteria:
        problems.add(
            "criteria", Text("rubrik belum memiliki kriteria", "the rubric has no criteria")
        )
        return
    total = sum(c.weight for c in spec.criteria)
    if total != 100:
        problems.add(
            "criteria",
            Text("jumlah bobot {t}, seharusnya 100", "the weights total {t}, not 100").format(
                t=total
            ),
        )
    for i, c in enumerate(spec.criteria, 1):
        where = f"criteria[{i}]"
        if c.weight <= 0:
            problems.add(
                f"{where}.weight", Text("bobot harus lebih dari 0", "the weight must be above 0")
            )
        if c.scale_max <= c.scale_min:
            problems.add(
                f"{where}.scale_max",
                Text(
                    "skala maksimum harus di atas minimum",
                    "the scale maximum must be above its minimum",
                ),
            )
        elif c.scale_step <= 0 or (c.scale_max - c.scale_min) % c.scale_step:
            problems.add(
                f"{where}.scale_step",
                Text(
                    "langkah skala harus membagi rentang skala",
                    "the scale step must divide the scale range",
                ),
            )
        if c.scale_min < 0:
            problems.add(
                f"{where}.scale_min",
                Text("skala tidak boleh negatif", "the scale cannot be negative"),
            )
    codes = {c.code for c in spec.criteria}
    for code in spec.scoring.tie_break:
        if code not in codes:
            problems.add(
                "scoring.tie_break",
                Text(
                    "kriteria '{c}' tidak ada di rubrik", "criterion '{c}' is not in the rubric"
                ).format(c=code),
            )
    if spec.scoring.trim < 0:
        problems.add("scoring.trim", Text("tidak boleh negatif", "cannot be negative"))


def _check_teams(spec: ConventionSpec, problems: _Problems) -> None:
    categories = {c.code for c in spec.categories}
    slots: Counter[tuple[int, int]] = Counter()
    for i, team in enumerate(spec.teams, 1):
        where = f"teams[{i}]"
        if team.category not in categories:
            problems.add(
                f"{where}.category",
                Text("kategori '{c}' tidak dikenal", "unknown category '{c}'").format(
                    c=team.category
                ),
            )
        if not team.institution.strip():
            problems.add(
                f"{where}.institution", Text("institusi wajib diisi", "the institution is required")
            )
        if team.pillar and team.pillar not in PILLARS:
            problems.add(
                f"{where}.pillar",
                Text(
                    "pilar '{p}' tidak dikenal; pilih {all}",
                    "unknown pillar '{p}'; use one of {all}",
                ).format(p=team.pillar, all=", ".join(PILLARS)),
            )
        if len(team.members) > spec.info.max_team_members:
            problems.add(
                f"{where}.members",
                Text(
                    "{n} anggota, melebihi batas {m}", "{n} members, more than the limit of {m}"
                ).format(n=len(team.members), m=spec.info.max_team_members),
            )
        if team.day is not None:
            if not 1 <= team.day <= len(spec.days):
                problems.add(
                    f"{where}.day",
                    Text("hari ke-{d} tidak ada", "there is no day {d}").format(d=team.day),
                )
            if team.order is not None:
                slots[(team.day, team.order)] += 1
    for (day, order), n in slots.items():
        if n > 1:
            problems.add(
                "teams",
                Text(
                    "{n} tim mendapat urutan {o} pada hari ke-{d}",
                    "{n} teams share order {o} on day {d}",
                ).format(n=n, o=order, d=day),
            )


def validate_spec(spec: ConventionSpec) -> None:
    problems = check_spec(spec)
    if problems:
        raise SpecProblemsError(problems)
