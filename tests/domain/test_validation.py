"""Every refusal of a set-up names where the problem is, and a coherent set-up passes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from juryapp.domain.kinds import JudgeRole
from juryapp.domain.messages import Text, ValidationError
from juryapp.domain.model import (
    Abstention,
    Category,
    Conflict,
    ConventionDay,
    ConventionSpec,
    Criterion,
    Judge,
    LevelDescriptor,
)
from juryapp.domain.validation import (
    CODE_MAX,
    LOGO_MAX_BYTES,
    SpecProblemsError,
    check_spec,
    code_problem,
    logo_problem,
    text_problem,
    validate_spec,
)
from tests.domain.builders import criterion, default_criteria, make_spec, team

PNG = b"\x89PNG\r\n\x1a\n" + bytes(20)


def base() -> ConventionSpec:
    """A coherent set-up: two days, a chair, a conflict, an abstention, scheduled teams."""
    spec = make_spec(("T1", "T2", "T3"), ("J1", "J2", "J3"))
    return replace(
        spec,
        info=replace(spec.info, max_team_members=5),
        days=(ConventionDay(date(2024, 9, 18)), ConventionDay(date(2024, 9, 19))),
        judges=(replace(spec.judges[0], role=JudgeRole.CHAIR), *spec.judges[1:]),
        teams=tuple(
            replace(t, day=1 + i % 2, order=1 + i // 2, members=("Ani",), pillar="referral")
            for i, t in enumerate(spec.teams)
        ),
        conflicts=(
            Conflict("J2", team="T1", reason="pernah membimbing"),
            Conflict("J3", institution="institusi t2"),  # case and spacing do not matter
        ),
        abstentions=(Abstention("J1", "T3", "sakit"),),
        criteria=(
            replace(
                spec.criteria[0],
                levels=(LevelDescriptor(Decimal(1), "Kurang", "Poor", "jarang", "rarely"),),
            ),
            *spec.criteria[1:],
        ),
    )


def only(spec: ConventionSpec) -> tuple[str, str]:
    """The one problem found, as where and the English text."""
    return only_text(spec)[:2]


def only_text(spec: ConventionSpec) -> tuple[str, str, str]:
    """The one problem found, as where and the text in English and in Indonesian."""
    problems = check_spec(spec)
    assert len(problems) == 1, problems
    where, text = problems[0]
    assert text.id and text.id != text.en  # said in Indonesian first, English second
    return where, text.en, text.id


def test_a_coherent_set_up_has_no_problem() -> None:
    spec = base()
    assert check_spec(spec) == []
    validate_spec(spec)
    # an empty judges list needs no chair yet; a conflict by institution covers its teams
    assert check_spec(replace(spec, judges=(), conflicts=(), abstentions=())) == []


def _criterion(index: int, **changes: object) -> Callable[[ConventionSpec], ConventionSpec]:
    def change(spec: ConventionSpec) -> ConventionSpec:
        criteria = list(spec.criteria)
        criteria[index] = replace(criteria[index], **changes)  # type: ignore[arg-type]
        return replace(spec, criteria=tuple(criteria))

    return change


def _team(index: int, **changes: object) -> Callable[[ConventionSpec], ConventionSpec]:
    def change(spec: ConventionSpec) -> ConventionSpec:
        teams = list(spec.teams)
        teams[index] = replace(teams[index], **changes)  # type: ignore[arg-type]
        return replace(spec, teams=tuple(teams))

    return change


# the weights of the default rubric stay at 100 in each case that changes one: K1 (10) and
# K2 (10) trade their weight
def _weights(k1: str, k2: str) -> Callable[[ConventionSpec], ConventionSpec]:
    def change(spec: ConventionSpec) -> ConventionSpec:
        return _criterion(1, weight=Decimal(k2))(_criterion(0, weight=Decimal(k1))(spec))

    return change


REFUSALS: dict[str, tuple[Callable[[ConventionSpec], ConventionSpec], str, str]] = {
    "no name": (
        lambda s: replace(s, info=replace(s.info, name="  ")),
        "convention.name",
        "the convention needs a name",
    ),
    "no member allowed": (
        lambda s: replace(
            s,
            info=replace(s.info, max_team_members=0),
            teams=tuple(replace(t, members=()) for t in s.teams),
        ),
        "convention.max_team_members",
        "must be at least 1",
    ),
    "a logo that is no image": (
        lambda s: replace(s, info=replace(s.info, logo=b"GIF89a")),
        "convention.logo",
        "the logo must be a PNG or JPEG image",
    ),
    "a negative quota": (
        lambda s: replace(s, categories=(Category("PKM", "Puskesmas", -1),)),
        "categories[1].quota",
        "the quota cannot be negative",
    ),
    "a weight of zero": (
        _weights("20", "0"),
        "criteria[2].weight",
        "the weight must be above 0",
    ),
    "a negative weight": (
        _weights("25", "-5"),
        "criteria[2].weight",
        "the weight must be above 0",
    ),
    "weights not totalling 100": (
        _criterion(0, weight=Decimal("10.5")),
        "criteria",
        "the weights total 100.5, not 100",
    ),
    "a maximum equal to the minimum": (
        _criterion(2, scale_max=Decimal(1)),
        "criteria[3].scale_max",
        "the scale maximum must be above its minimum",
    ),
    "a maximum below the minimum": (
        _criterion(2, scale_min=Decimal(4), scale_max=Decimal(2)),
        "criteria[3].scale_max",
        "the scale maximum must be above its minimum",
    ),
    "a step that does not divide the range": (
        _criterion(3, scale_step=Decimal("1.5")),  # 1–5: a range of 4
        "criteria[4].scale_step",
        "the scale step must divide the scale range",
    ),
    "a step of zero": (
        _criterion(3, scale_step=Decimal(0)),
        "criteria[4].scale_step",
        "the scale step must divide the scale range",
    ),
    "a negative step": (
        _criterion(3, scale_step=Decimal(-1)),
        "criteria[4].scale_step",
        "the scale step must divide the scale range",
    ),
    "a negative scale": (
        _criterion(4, scale_min=Decimal(-1)),
        "criteria[5].scale_min",
        "the scale cannot be negative",
    ),
    "an unknown tie-break criterion": (
        lambda s: replace(s, scoring=replace(s.scoring, tie_break=("K5", "K9"))),
        "scoring.tie_break",
        "criterion 'K9' is not in the rubric",
    ),
    "a negative trim": (
        lambda s: replace(s, scoring=replace(s.scoring, trim=-1)),
        "scoring.trim",
        "cannot be negative",
    ),
    "no chair": (
        lambda s: replace(s, judges=tuple(replace(j, role=JudgeRole.MEMBER) for j in s.judges)),
        "judges",
        "there must be exactly one jury chair (0 found)",
    ),
    "two chairs": (
        lambda s: replace(s, judges=tuple(replace(j, role=JudgeRole.CHAIR) for j in s.judges)),
        "judges",
        "there must be exactly one jury chair (3 found)",
    ),
    "a team in an unknown category": (
        _team(1, category="RS"),
        "teams[2].category",
        "unknown category 'RS'",
    ),
    "a team without an institution": (
        _team(2, institution=" "),
        "teams[3].institution",
        "the institution is required",
    ),
    "an unknown pillar": (
        _team(0, pillar="tidak-ada"),
        "teams[1].pillar",
        "unknown pillar 'tidak-ada'; use one of primary-care, referral, resilience, "
        "financing, workforce, technology",
    ),
    "too many members": (
        _team(0, members=("A", "B", "C", "D", "E", "F")),
        "teams[1].members",
        "6 members, more than the limit of 5",
    ),
    "a day the convention does not have": (
        _team(0, day=3),
        "teams[1].day",
        "there is no day 3",
    ),
    "day zero": (
        _team(0, day=0, order=None),
        "teams[1].day",
        "there is no day 0",
    ),
    "two teams in one slot": (
        _team(2, day=1, order=1),  # T1 is first on day 1
        "teams",
        "2 teams share order 1 on day 1",
    ),
    "a duplicate team code": (
        _team(1, code="T1"),
        "teams",
        "code 'T1' is used twice",
    ),
    "a code that would hide its file": (
        lambda s: replace(s, judges=(*s.judges, Judge(".J4", "Juri"))),
        "judges[4].code",
        f"code '.J4' may hold only letters A–Z, digits, '-', '_' and '.' (not first), "
        f"at most {CODE_MAX} characters",
    ),
    "a control character in a title": (
        _team(0, title="Inovasi\x1b[31m"),
        "teams[1].title",
        "holds the control character U+001B at position 8; type the text again",
    ),
    "a line break in a name": (
        lambda s: replace(s, info=replace(s.info, name="Konvensi\nMutu")),
        "convention.name",
        "must not hold a line break or a tab; write it on one line",
    ),
    "a tab in a level's label": (
        _criterion(
            1,
            levels=(
                LevelDescriptor(Decimal(1), "Kurang", "Poor", "baris satu\nbaris dua"),
                LevelDescriptor(Decimal(5), "Sangat\tbaik", "Very good"),
            ),
        ),
        "criteria[2].levels[2].label",
        "must not hold a line break or a tab; write it on one line",
    ),
    "a member's name with an escape": (
        _team(1, members=("Ani", "Budi\x1b")),
        "teams[2].members",
        "holds the control character U+001B at position 5; type the text again",
    ),
    "a conflict's reason with a bell": (
        lambda s: replace(s, conflicts=(Conflict("J2", team="T1", reason="alasan\n\x07"),)),
        "conflicts[1].reason",
        "holds the control character U+0007 at position 8; type the text again",
    ),
    "a duplicate criterion code": (
        _criterion(1, code="K1"),
        "criteria",
        "code 'K1' is used twice",
    ),
    "a conflict with an unknown judge": (
        lambda s: replace(s, conflicts=(Conflict("J9", team="T1"),)),
        "conflicts[1].judge",
        "unknown judge 'J9'",
    ),
    "a conflict with an unknown team": (
        lambda s: replace(s, conflicts=(Conflict("J2", team="T9"),)),
        "conflicts[1].team",
        "unknown team 'T9'",
    ),
    "a conflict naming both a team and an institution": (
        lambda s: replace(s, conflicts=(Conflict("J2", team="T1", institution="Institusi T1"),)),
        "conflicts[1]",
        "give either team or institution",
    ),
    "a conflict naming neither": (
        lambda s: replace(s, conflicts=(Conflict("J2"),)),
        "conflicts[1]",
        "give either team or institution",
    ),
    "an abstention by an unknown judge": (
        lambda s: replace(s, abstentions=(Abstention("J9", "T3", "sakit"),)),
        "abstentions[1].judge",
        "unknown judge 'J9'",
    ),
    "an abstention from an unknown team": (
        lambda s: replace(s, abstentions=(Abstention("J1", "T9", "sakit"),)),
        "abstentions[1].team",
        "unknown team 'T9'",
    ),
    "an abstention already covered by a conflict": (
        lambda s: replace(s, abstentions=(Abstention("J3", "T2", "sakit"),)),
        "abstentions[1]",
        "judge J3 is already excluded from T2 by a conflict of interest",
    ),
    "an abstention given twice": (
        lambda s: replace(s, abstentions=(*s.abstentions, Abstention("J1", "T3", "izin"))),
        "abstentions[2]",
        "J1/T3 is given twice",
    ),
    "an abstention without a reason": (
        lambda s: replace(s, abstentions=(Abstention("J1", "T3", " "),)),
        "abstentions[1].reason",
        "a reason is required",
    ),
    "an abstention whose reason holds a tab": (
        lambda s: replace(s, abstentions=(Abstention("J1", "T3", "sakit\tdemam"),)),
        "abstentions[1].reason",
        "must not hold a line break or a tab; write it on one line",
    ),
}


# what each refusal says in Indonesian, the language shown first
INDONESIAN: dict[str, str] = {
    "a duplicate criterion code": "kode 'K1' dipakai lebih dari sekali",
    "no name": "nama konvensi wajib diisi",
    "no member allowed": "harus paling sedikit 1",
    "a logo that is no image": "logo harus berupa gambar PNG atau JPEG",
    "a negative quota": "kuota tidak boleh negatif",
    "a weight of zero": "bobot harus lebih dari 0",
    "a negative weight": "bobot harus lebih dari 0",
    "weights not totalling 100": "jumlah bobot 100.5, seharusnya 100",
    "a maximum equal to the minimum": "skala maksimum harus di atas minimum",
    "a maximum below the minimum": "skala maksimum harus di atas minimum",
    "a step that does not divide the range": "langkah skala harus membagi rentang skala",
    "a step of zero": "langkah skala harus membagi rentang skala",
    "a negative step": "langkah skala harus membagi rentang skala",
    "a negative scale": "skala tidak boleh negatif",
    "an unknown tie-break criterion": "kriteria 'K9' tidak ada di rubrik",
    "a negative trim": "tidak boleh negatif",
    "no chair": "harus ada tepat satu ketua dewan juri (ada 0)",
    "two chairs": "harus ada tepat satu ketua dewan juri (ada 3)",
    "a team in an unknown category": "kategori 'RS' tidak dikenal",
    "a team without an institution": "institusi wajib diisi",
    "an unknown pillar": (
        "pilar 'tidak-ada' tidak dikenal; pilih primary-care, referral, resilience, "
        "financing, workforce, technology"
    ),
    "too many members": "6 anggota, melebihi batas 5",
    "a day the convention does not have": "hari ke-3 tidak ada",
    "day zero": "hari ke-0 tidak ada",
    "two teams in one slot": "2 tim mendapat urutan 1 pada hari ke-1",
    "a duplicate team code": "kode 'T1' dipakai lebih dari sekali",
    "a code that would hide its file": (
        "kode '.J4' hanya boleh berisi huruf A–Z, angka, '-', '_' dan '.' (bukan di "
        "awal), paling banyak 40 karakter"
    ),
    "a control character in a title": (
        "berisi karakter kendali U+001B di posisi 8; ketik ulang teksnya"
    ),
    "a line break in a name": "tidak boleh berisi baris baru atau tab; tulis dalam satu baris",
    "a tab in a level's label": "tidak boleh berisi baris baru atau tab; tulis dalam satu baris",
    "a member's name with an escape": (
        "berisi karakter kendali U+001B di posisi 5; ketik ulang teksnya"
    ),
    "a conflict's reason with a bell": (
        "berisi karakter kendali U+0007 di posisi 8; ketik ulang teksnya"
    ),
    "a conflict with an unknown judge": "juri 'J9' tidak dikenal",
    "a conflict with an unknown team": "tim 'T9' tidak dikenal",
    "a conflict naming both a team and an institution": "isi salah satu: team atau institution",
    "a conflict naming neither": "isi salah satu: team atau institution",
    "an abstention by an unknown judge": "juri 'J9' tidak dikenal",
    "an abstention from an unknown team": "tim 'T9' tidak dikenal",
    "an abstention already covered by a conflict": (
        "juri J3 sudah dikecualikan dari T2 karena konflik kepentingan"
    ),
    "an abstention given twice": "J1/T3 disebut dua kali",
    "an abstention without a reason": "alasan wajib diisi",
    "an abstention whose reason holds a tab": (
        "tidak boleh berisi baris baru atau tab; tulis dalam satu baris"
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_each_refusal_names_where_and_why(case: str) -> None:
    change, where, why = REFUSALS[case]
    assert only_text(change(base())) == (where, why, INDONESIAN[case])


def test_no_criteria_is_one_problem_not_a_total_of_zero() -> None:
    assert only_text(
        replace(base(), criteria=(), scoring=replace(base().scoring, tie_break=()))
    ) == ("criteria", "the rubric has no criteria", "rubrik belum memiliki kriteria")


def test_validate_spec_raises_every_problem_with_the_first_in_its_message() -> None:
    spec = _team(0, day=3)(replace(base(), info=replace(base().info, name="")))
    with pytest.raises(SpecProblemsError) as caught:
        validate_spec(spec)
    assert [where for where, _ in caught.value.problems] == ["convention.name", "teams[1].day"]
    assert isinstance(caught.value, ValidationError)
    assert caught.value.text.en == "convention.name: the convention needs a name (and 1 more)"
    assert caught.value.text.id == "convention.name: nama konvensi wajib diisi (dan 1 lainnya)"
    with pytest.raises(SpecProblemsError) as one:
        validate_spec(_team(0, day=3)(base()))
    assert one.value.text == Text(
        "teams[1].day: hari ke-3 tidak ada", "teams[1].day: there is no day 3"
    )


def test_a_description_may_span_lines_but_a_name_may_not() -> None:
    spec = _criterion(0, description="baris satu\nbaris dua\tdengan tab")(base())
    assert check_spec(spec) == []
    assert only(_criterion(0, name="Kriteria\tK1")(base()))[0] == "criteria[1].name"
    bell = _criterion(0, description="bunyi \x07")(base())
    assert only(bell) == (
        "criteria[1].description",
        "holds the control character U+0007 at position 7; type the text again",
    )


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("PKM-01", True),
        ("a_b.c", True),
        ("X" * CODE_MAX, True),
        ("X" * (CODE_MAX + 1), False),
        ("", False),
        ("  ", False),
        (".hidden", False),
        ("..", False),
        ("a/b", False),
        ("kode spasi", False),
        ("é", False),
    ],
)
def test_codes(code: str, ok: bool) -> None:
    assert (code_problem(code) is None) is ok


def test_an_empty_code_is_said_to_be_required() -> None:
    problem = code_problem(" ")
    assert problem == Text("kode wajib diisi", "the code is required")


def test_text_problems() -> None:
    assert text_problem("Puskesmas Kecamatan Kebon Jeruk — inovasi “SI CANTIK”") is None
    assert text_problem("dua\nbaris", lines=True) is None
    assert text_problem("\r", lines=True) is None
    assert text_problem("tab\tdi sini", lines=True) is None
    for text in ("dua\nbaris", "a\rb", "tab\t"):
        problem = text_problem(text)
        assert problem is not None and "line break" in problem.en
    nul = text_problem("ab\x00", lines=True)
    assert nul is not None and nul.en.startswith("holds the control character U+0000 at position 3")
    c1 = text_problem("\x85")
    assert c1 is not None and "U+0085 at position 1" in c1.en
    assert text_problem("\x7f") is not None and text_problem("\xa0") is None


def test_logos() -> None:
    assert logo_problem(None) is None
    assert logo_problem(PNG) is None
    assert logo_problem(b"\xff\xd8\xff\xe0" + bytes(10)) is None  # JPEG
    assert logo_problem(PNG + bytes(LOGO_MAX_BYTES - len(PNG))) is None  # at the limit
    too_big = logo_problem(PNG + bytes(LOGO_MAX_BYTES))
    assert too_big == Text(
        "berkas logo terlalu besar (paling besar 2 MB)", "the logo file is too large (at most 2 MB)"
    )
    not_an_image = logo_problem(b"<svg/>")
    assert not_an_image is not None and "PNG or JPEG" in not_an_image.en


# --- a score on the scale ------------------------------------------------------------------


def _refused(c: Criterion, value: str) -> str:
    with pytest.raises(ValidationError) as caught:
        c.check_score(Decimal(value))
    return caught.value.text.en


def test_scores_on_a_scale_whose_minimum_is_not_a_multiple_of_its_step() -> None:
    # 1 to 4 in steps of 1.5: 1, 2.5 and 4; 3 is a multiple of 1.5 but not on this scale
    c = criterion("K1", 100, lo=1, hi=4, step="1.5")
    assert (
        check_spec(
            replace(base(), criteria=(c,), scoring=replace(base().scoring, tie_break=("K1",)))
        )
        == []
    )
    for value in ("1", "2.5", "4", "2.50"):
        c.check_score(Decimal(value))
    assert _refused(c, "3") == "score 3 for K1 must be 1 plus a multiple of 1.5"
    assert _refused(c, "1.5") == "score 1.5 for K1 must be 1 plus a multiple of 1.5"
    with pytest.raises(ValidationError) as caught:
        c.check_score(Decimal(3))
    assert caught.value.text == Text(
        "skor 3 untuk K1 harus kelipatan 1.5 dari 1",
        "score 3 for K1 must be 1 plus a multiple of 1.5",
    )


def test_scores_off_the_scale_or_not_numbers_are_refused() -> None:
    c = criterion("K2", 100, lo=0, hi=10, step="0.5")
    for value in ("0", "0.5", "9.5", "10"):
        c.check_score(Decimal(value))
    assert _refused(c, "10.5") == "score 10.5 for K2 is outside the scale 0–10"
    assert _refused(c, "-0.5") == "score -0.5 for K2 is outside the scale 0–10"
    assert _refused(c, "0.25") == "score 0.25 for K2 must be 0 plus a multiple of 0.5"
    for value in ("NaN", "Infinity", "-Infinity"):
        assert _refused(c, value) == "invalid score"
    with pytest.raises(ValidationError) as caught:
        c.check_score(Decimal("10.5"))
    assert caught.value.text.id == "skor 10.5 untuk K2 di luar skala 0–10"
    with pytest.raises(ValidationError) as caught:
        c.check_score(Decimal("NaN"))
    assert caught.value.text == Text("skor tidak valid", "invalid score")


def test_the_default_rubric_is_coherent() -> None:
    assert sum(c.weight for c in default_criteria()) == 100
    assert team("T1").category == "PKM"
    assert Judge("J1", "Juri").role is JudgeRole.MEMBER


def test_the_edges_of_each_limit_are_accepted() -> None:
    spec = base()
    edges = {
        "one member allowed": replace(spec, info=replace(spec.info, max_team_members=1)),
        "a quota of zero": replace(spec, categories=(replace(spec.categories[0], quota=0),)),
        "a weight below one": _weights("19.5", "0.5")(spec),
        "a scale from zero": _criterion(4, scale_min=Decimal(0))(spec),
        "no trim": replace(spec, scoring=replace(spec.scoring, trim=0)),
        # J2's conflict with T1 does not stop J1 abstaining from it
        "an abstention beside another judge's conflict": replace(
            spec, abstentions=(Abstention("J1", "T1", "sakit"),)
        ),
    }
    for name, edge in edges.items():
        assert check_spec(edge) == [], name


def _in_category(**changes: object) -> Callable[[ConventionSpec], ConventionSpec]:
    return lambda s: replace(s, categories=(replace(s.categories[0], **changes),))  # type: ignore[arg-type]


def _in_level(**changes: object) -> Callable[[ConventionSpec], ConventionSpec]:
    def change(spec: ConventionSpec) -> ConventionSpec:
        first = spec.criteria[0]
        level = replace(first.levels[0], **changes)  # type: ignore[arg-type]
        return _criterion(0, levels=(level,))(spec)

    return change


# texts of one line (a name, a label, a title) and of several (a description, a reason)
ONE_LINE = {
    "categories[1].name": _in_category(name="Puskesmas\nKecamatan"),
    "categories[1].name_en": _in_category(name_en="Health\ncentres"),
    "criteria[1].name_en": _criterion(0, name_en="Method\nused"),
    "criteria[1].levels[1].label_en": _in_level(label_en="Very\npoor"),
    "teams[1].institution": _team(0, institution="Puskesmas\nKebon Jeruk"),
    "teams[1].title": _team(0, title="SI\nCANTIK"),
    "teams[1].programme": _team(0, programme="UKM\nesensial"),
    "teams[1].members": _team(0, members=("Ani\nBudi",)),
    "conflicts[2].institution": lambda s: replace(
        s, conflicts=(s.conflicts[0], Conflict("J3", institution="institusi\nt2"))
    ),
}
SEVERAL_LINES = {
    "convention.theme": lambda s: replace(s, info=replace(s.info, theme="Tema\nbaris dua")),
    "criteria[1].description_en": _criterion(0, description_en="first\nsecond"),
    "criteria[1].levels[1].description_en": _in_level(description_en="first\nsecond"),
    "criteria[1].levels[1].description": _in_level(description="satu\ndua"),
    "conflicts[1].reason": lambda s: replace(
        s, conflicts=(replace(s.conflicts[0], reason="satu\ndua"), s.conflicts[1])
    ),
}


@pytest.mark.parametrize("where", list(ONE_LINE))
def test_a_line_break_is_refused_in_a_text_of_one_line(where: str) -> None:
    assert only(ONE_LINE[where](base())) == (
        where,
        "must not hold a line break or a tab; write it on one line",
    )


@pytest.mark.parametrize("where", list(SEVERAL_LINES))
def test_a_line_break_is_kept_in_a_text_of_several_lines(where: str) -> None:
    assert check_spec(SEVERAL_LINES[where](base())) == []
