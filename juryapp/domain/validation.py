"""Checks that a convention set-up is coherent before anything is stored."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from juryapp.domain.kinds import JudgeRole
from juryapp.domain.messages import Text, ValidationError, shown
from juryapp.domain.model import PILLARS, ConventionSpec

CODE_MAX = 40  # the width of every code column in the database
# Codes end up in file names, folder listings and messages: letters, digits, "-", "_" and ".",
# never first a ".", which would hide the file or, doubled, climb out of its folder.
_CODE = re.compile(rf"[A-Za-z0-9_-][A-Za-z0-9._-]{{0,{CODE_MAX - 1}}}")
# C0 and C1 control characters (NUL, escape, backspace…) and DEL; a text of several lines
# may keep tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def code_problem(code: str) -> Text | None:
    """Why ``code`` cannot be a code, or None when it can."""
    if not code.strip():
        return Text("kode wajib diisi", "the code is required")
    if _CODE.fullmatch(code) is None:
        return Text(
            "kode '{c}' hanya boleh berisi huruf A–Z, angka, '-', '_' dan '.' (bukan di awal), "
            "paling banyak {n} karakter",
            "code '{c}' may hold only letters A–Z, digits, '-', '_' and '.' (not first), "
            "at most {n} characters",
        ).format(c=shown(code), n=CODE_MAX)
    return None


def text_problem(text: str, *, lines: bool = False) -> Text | None:
    """Why ``text`` cannot be stored (a control character), or None when it can.

    ``lines``: the text may span several lines (descriptions, notes, reasons).
    """
    found = (_CONTROL_IN_LINES if lines else _CONTROL).search(text)
    if found is None:
        return None
    character = found.group()
    if character in "\r\n\t":
        return Text(
            "tidak boleh berisi baris baru atau tab; tulis dalam satu baris",
            "must not hold a line break or a tab; write it on one line",
        )
    return Text(
        "berisi karakter kendali U+{u:04X} di posisi {p}; ketik ulang teksnya",
        "holds the control character U+{u:04X} at position {p}; type the text again",
    ).format(u=ord(character), p=found.start() + 1)


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
    _check_texts(spec, problems)
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
    _check_abstentions(spec, problems)
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
                    c=shown(code)
                ),
            )
        for i, code in enumerate(codes):
            problem = code_problem(code)
            if problem is not None:
                problems.add(f"{table}[{i + 1}].code", problem)


def _check_texts(spec: ConventionSpec, problems: _Problems) -> None:
    """No control character in any text of the set-up (codes are checked on their own)."""
    info = spec.info
    fields: list[tuple[str, str, bool]] = [
        (f"convention.{name}", getattr(info, name), name == "theme")
        for name in (
            "name", "theme", "organiser", "organiser_head_title", "organiser_head_name",
            "organiser_head_nip", "venue", "city", "next_level", "minutes_number",
        )
    ]  # fmt: skip
    for i, category in enumerate(spec.categories, 1):
        fields += [(f"categories[{i}].name", category.name, False)]
        fields += [(f"categories[{i}].name_en", category.name_en, False)]
    for i, c in enumerate(spec.criteria, 1):
        where = f"criteria[{i}]"
        fields += [(f"{where}.name", c.name, False), (f"{where}.name_en", c.name_en, False)]
        fields += [(f"{where}.description", c.description, True)]
        fields += [(f"{where}.description_en", c.description_en, True)]
        for k, level in enumerate(c.levels, 1):
            at = f"{where}.levels[{k}]"
            fields += [
                (f"{at}.label", level.label, False),
                (f"{at}.label_en", level.label_en, False),
            ]
            fields += [(f"{at}.description", level.description, True)]
            fields += [(f"{at}.description_en", level.description_en, True)]
    for i, j in enumerate(spec.judges, 1):
        for name in ("name", "affiliation", "position", "nip"):
            fields.append((f"judges[{i}].{name}", getattr(j, name), False))
    for i, team in enumerate(spec.teams, 1):
        for name in ("institution", "title", "pillar", "programme"):
            fields.append((f"teams[{i}].{name}", getattr(team, name), False))
        fields += [(f"teams[{i}].members", member, False) for member in team.members]
    for i, conflict in enumerate(spec.conflicts, 1):
        fields.append((f"conflicts[{i}].institution", conflict.institution or "", False))
        fields.append((f"conflicts[{i}].reason", conflict.reason, True))
    for where, text, lines in fields:
        problem = text_problem(text, lines=lines)
        if problem is not None:
            problems.add(where, problem)


def _check_conflicts(spec: ConventionSpec, problems: _Problems) -> None:
    judge_codes = {j.code for j in spec.judges}
    team_codes = {t.code for t in spec.teams}
    for i, conflict in enumerate(spec.conflicts, 1):
        where = f"conflicts[{i}]"
        if conflict.judge not in judge_codes:
            problems.add(
                f"{where}.judge",
                Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(
                    c=shown(conflict.judge)
                ),
            )
        if (conflict.team is None) == (conflict.institution is None):
            problems.add(
                where,
                Text("isi salah satu: team atau institution", "give either team or institution"),
            )
        elif conflict.team is not None and conflict.team not in team_codes:
            problems.add(
                f"{where}.team",
                Text("tim '{c}' tidak dikenal", "unknown team '{c}'").format(
                    c=shown(conflict.team)
                ),
            )


def _check_abstentions(spec: ConventionSpec, problems: _Problems) -> None:
    judges = {j.code for j in spec.judges}
    teams = {t.code: t for t in spec.teams}
    seen: set[tuple[str, str]] = set()
    for i, abstention in enumerate(spec.abstentions, 1):
        where = f"abstentions[{i}]"
        team = teams.get(abstention.team)
        if abstention.judge not in judges:
            problems.add(
                f"{where}.judge",
                Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(
                    c=shown(abstention.judge)
                ),
            )
        elif team is None:
            problems.add(
                f"{where}.team",
                Text("tim '{c}' tidak dikenal", "unknown team '{c}'").format(
                    c=shown(abstention.team)
                ),
            )
        elif any(c.judge == abstention.judge and c.covers(team) for c in spec.conflicts):
            problems.add(
                where,
                Text(
                    "juri {j} sudah dikecualikan dari {t} karena konflik kepentingan",
                    "judge {j} is already excluded from {t} by a conflict of interest",
                ).format(j=abstention.judge, t=abstention.team),
            )
        elif (abstention.judge, abstention.team) in seen:
            problems.add(
                where,
                Text("{j}/{t} disebut dua kali", "{j}/{t} is given twice").format(
                    j=abstention.judge, t=abstention.team
                ),
            )
        seen.add((abstention.judge, abstention.team))
        problem = (
            Text("alasan wajib diisi", "a reason is required")
            if not abstention.reason.strip()
            else text_problem(abstention.reason)
        )
        if problem is not None:
            problems.add(f"{where}.reason", problem)


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
                ).format(c=shown(code)),
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
                    c=shown(team.category)
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
                ).format(p=shown(team.pillar), all=", ".join(PILLARS)),
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
