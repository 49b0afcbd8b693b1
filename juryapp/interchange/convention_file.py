"""Reading and writing a whole convention set-up as a TOML file (see docs/convention-file.md)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from datetime import date, time
from decimal import Decimal, InvalidOperation
from io import BytesIO
from pathlib import Path
from typing import Any, TypeVar

import tomli_w

from juryapp.domain.kinds import JudgeRole, Method, TotalFormula
from juryapp.domain.messages import FileProblemError, Text
from juryapp.domain.model import (
    Category,
    Conflict,
    ConventionDay,
    ConventionInfo,
    ConventionSpec,
    Criterion,
    Judge,
    LevelDescriptor,
    ScoringSettings,
    Team,
)
from juryapp.domain.validation import (
    LOGO_MAX_BYTES,
    check_spec,
    logo_problem,
    logo_too_large,
)
from juryapp.interchange.files import write_atomically

FORMAT = "juryapp-convention"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20_000_000
T = TypeVar("T")


class _Reader:
    """Typed access to one TOML table, naming the exact key when something is wrong."""

    def __init__(self, file: str, where: str, table: Mapping[str, Any]) -> None:
        self.file, self.where, self.table = file, where, table

    def fail(self, key: str, text: Text) -> FileProblemError:
        return FileProblemError(text, file=self.file, column=f"{self.where}.{key}".lstrip("."))

    def get(self, key: str, kind: type[T], default: T | None = None) -> T:
        if key not in self.table:
            if default is None:
                raise self.fail(key, Text("wajib diisi", "is required"))
            return default
        value = self.table[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if kind is int and isinstance(value, bool):
            value = None
        if not isinstance(value, kind):
            raise self.fail(
                key,
                Text("harus berupa {k}, bukan {v!r}", "must be a {k}, not {v!r}").format(
                    k=_kind_name(kind), v=value
                ),
            )
        return value

    def text(self, key: str, default: str | None = "") -> str:
        return self.get(key, str, default).strip()

    def decimal(self, key: str, default: Decimal | None = None) -> Decimal:
        if key not in self.table and default is not None:
            return default
        value = self.table.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(key, Text("harus berupa angka", "must be a number"))
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            raise self.fail(key, Text("harus berupa angka", "must be a number")) from None
        if not number.is_finite():
            raise self.fail(key, Text("harus berupa angka", "must be a number"))
        return number

    def choice(self, key: str, parse: Callable[[str], T], default: str) -> T:
        raw = self.text(key, default)
        try:
            return parse(raw)
        except ValueError:
            raise self.fail(
                key, Text("nilai '{v}' tidak dikenal", "unknown value '{v}'").format(v=raw)
            ) from None

    def items(self, key: str) -> list[_Reader]:
        rows = self.get(key, list, [])
        readers = []
        for i, row in enumerate(rows, 1):
            if not isinstance(row, dict):
                raise self.fail(f"{key}[{i}]", Text("harus berupa tabel", "must be a table"))
            readers.append(_Reader(self.file, f"{self.where}.{key}[{i}]".lstrip("."), row))
        return readers


def _kind_name(kind: type) -> str:
    return {str: "teks", int: "bilangan bulat", float: "angka", list: "daftar", date: "tanggal",
            time: "jam", dict: "tabel"}.get(kind, kind.__name__)  # fmt: skip


def read_convention_file(path: Path) -> ConventionSpec:
    """Parse and validate a convention file; any problem names the file and the key."""
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FileProblemError(Text("berkas terlalu besar", "the file is too large"), file=name)
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise FileProblemError(
            Text("berkas tidak ditemukan", "file not found"), file=name
        ) from None
    except UnicodeDecodeError:
        raise FileProblemError(
            Text("berkas harus berenkode UTF-8", "the file must be UTF-8 encoded"), file=name
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise FileProblemError(
            Text("bukan TOML yang sah: {e}", "not valid TOML: {e}").format(e=exc), file=name
        ) from None
    spec = parse_convention(data, name, folder=path.parent)
    problems = check_spec(spec)
    if problems:
        where, text = problems[0]
        raise FileProblemError(text, file=name, column=where)
    return spec


def parse_convention(
    data: Mapping[str, Any], file: str, folder: Path | None = None
) -> ConventionSpec:
    """The set-up a parsed convention file holds; its logo file is looked for in ``folder``."""
    root = _Reader(file, "", data)
    if root.text("format", FORMAT) != FORMAT:
        raise root.fail(
            "format", Text("bukan berkas konvensi juryapp", "not a juryapp convention file")
        )
    version = root.get("format_version", int, FORMAT_VERSION)
    if version > FORMAT_VERSION:
        raise root.fail(
            "format_version",
            Text(
                "versi {v} lebih baru dari yang dikenal aplikasi ini ({k})",
                "version {v} is newer than this app knows ({k})",
            ).format(v=version, k=FORMAT_VERSION),
        )
    c = _Reader(file, "convention", root.get("convention", dict))
    info = ConventionInfo(
        name=c.text("name", None),
        theme=c.text("theme"),
        organiser=c.text("organiser"),
        organiser_head_title=c.text("organiser_head_title"),
        organiser_head_name=c.text("organiser_head_name"),
        organiser_head_nip=c.text("organiser_head_nip"),
        venue=c.text("venue"),
        city=c.text("city"),
        next_level=c.text("next_level"),
        minutes_number=c.text("minutes_number"),
        max_team_members=c.get("max_team_members", int, 7),
        parent_body=c.text("parent_body"),
        parent_office=c.text("parent_office"),
        address=c.text("address"),
        telephone=c.text("telephone"),
        email=c.text("email"),
        website=c.text("website"),
        organiser_head_rank=c.text("organiser_head_rank"),
        next_level_en=c.text("next_level_en"),
        logo=_logo(c, folder),
    )
    s = _Reader(file, "scoring", root.get("scoring", dict, {}))
    scoring = ScoringSettings(
        method=s.choice("method", Method, "mean"),
        trim=s.get("trim", int, 1),
        total_formula=s.choice("total_formula", TotalFormula, "range"),
        tie_break=tuple(str(x) for x in s.get("tie_break", list, [])),
        outlier_threshold=s.decimal("outlier_threshold", Decimal(15)),
        presentation_minutes=s.get("presentation_minutes", int, 15),
        qa_minutes=s.get("qa_minutes", int, 15),
    )
    return ConventionSpec(
        info=info,
        days=tuple(
            ConventionDay(d.get("date", date), d.get("start", time) if "start" in d.table else None)
            for d in root.items("days")
        ),
        scoring=scoring,
        categories=tuple(
            Category(
                r.text("code", None), r.text("name", None), r.get("quota", int), r.text("name_en")
            )
            for r in root.items("categories")
        ),
        criteria=tuple(_criterion(r) for r in root.items("criteria")),
        judges=tuple(
            Judge(
                code=r.text("code", None),
                name=r.text("name", None),
                affiliation=r.text("affiliation"),
                position=r.text("position"),
                nip=r.text("nip"),
                role=r.choice("role", JudgeRole, "member"),
            )
            for r in root.items("judges")
        ),
        teams=tuple(_team(r) for r in root.items("teams")),
        conflicts=tuple(
            Conflict(
                judge=r.text("judge", None),
                team=r.text("team") or None,
                institution=r.text("institution") or None,
                reason=r.text("reason"),
            )
            for r in root.items("conflicts")
        ),
    )


def _logo(c: _Reader, folder: Path | None) -> bytes | None:
    """The image a ``logo`` key names, relative to the convention file's folder."""
    name = c.text("logo")
    if not name:
        return None
    path = (folder or Path.cwd()) / name
    try:
        too_large = path.stat().st_size > LOGO_MAX_BYTES
        data = b"" if too_large else path.read_bytes()
    except OSError:
        raise c.fail(
            "logo",
            Text("berkas logo '{f}' tidak dapat dibaca", "cannot read the logo file '{f}'").format(
                f=name
            ),
        ) from None
    problem = logo_too_large() if too_large else logo_problem(data) or _undecodable(data)
    if problem is not None:
        raise c.fail("logo", problem)
    return data


def _undecodable(data: bytes) -> Text | None:
    """Why an image with the right signature still cannot be printed, if it cannot."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415  (only for a logo)

    try:
        with Image.open(BytesIO(data)) as image:
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        return Text("gambar logo rusak", "the logo image is damaged")
    return None


def _criterion(r: _Reader) -> Criterion:
    return Criterion(
        code=r.text("code", None),
        name=r.text("name", None),
        name_en=r.text("name_en"),
        description=r.text("description"),
        description_en=r.text("description_en"),
        weight=r.decimal("weight"),
        scale_min=r.decimal("scale_min", Decimal(1)),
        scale_max=r.decimal("scale_max", Decimal(5)),
        scale_step=r.decimal("scale_step", Decimal(1)),
        levels=tuple(
            LevelDescriptor(
                score=lv.decimal("score"),
                label=lv.text("label", None),
                label_en=lv.text("label_en"),
                description=lv.text("description"),
                description_en=lv.text("description_en"),
            )
            for lv in r.items("levels")
        ),
    )


def _team(r: _Reader) -> Team:
    members = r.get("members", list, [])
    if not all(isinstance(m, str) for m in members):
        raise r.fail("members", Text("harus berupa daftar nama", "must be a list of names"))
    return Team(
        code=r.text("code", None),
        institution=r.text("institution", None),
        category=r.text("category", None),
        title=r.text("title", None),
        pillar=r.text("pillar"),
        programme=r.text("programme"),
        members=tuple(m.strip() for m in members if m.strip()),
        day=r.get("day", int) if "day" in r.table else None,
        order=r.get("order", int) if "order" in r.table else None,
        time=r.get("time", time) if "time" in r.table else None,
    )


def to_document(spec: ConventionSpec, logo_name: str = "") -> dict[str, Any]:
    """The TOML document for a set-up; reading it back gives the same set-up.

    The logo is an image file of its own beside the convention file, named ``logo_name``.
    """

    def number(value: Decimal) -> int | float:
        return int(value) if value == value.to_integral_value() else float(value)

    def drop_empty(table: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in table.items() if v not in ("", None, [], ())}

    info = spec.info
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "convention": drop_empty(
            {
                "name": info.name,
                "theme": info.theme,
                "organiser": info.organiser,
                "organiser_head_title": info.organiser_head_title,
                "organiser_head_name": info.organiser_head_name,
                "organiser_head_nip": info.organiser_head_nip,
                "venue": info.venue,
                "city": info.city,
                "next_level": info.next_level,
                "minutes_number": info.minutes_number,
                "max_team_members": info.max_team_members,
                "parent_body": info.parent_body,
                "parent_office": info.parent_office,
                "address": info.address,
                "telephone": info.telephone,
                "email": info.email,
                "website": info.website,
                "organiser_head_rank": info.organiser_head_rank,
                "next_level_en": info.next_level_en,
                "logo": logo_name if info.logo is not None else "",
            }
        ),
        "scoring": {
            "method": spec.scoring.method.value,
            "trim": spec.scoring.trim,
            "total_formula": spec.scoring.total_formula.value,
            "tie_break": list(spec.scoring.tie_break),
            "outlier_threshold": float(spec.scoring.outlier_threshold),
            "presentation_minutes": spec.scoring.presentation_minutes,
            "qa_minutes": spec.scoring.qa_minutes,
        },
        "days": [drop_empty({"date": d.date, "start": d.start}) for d in spec.days],
        "categories": [
            drop_empty({"code": c.code, "name": c.name, "name_en": c.name_en, "quota": c.quota})
            for c in spec.categories
        ],
        "criteria": [
            drop_empty(
                {
                    "code": c.code,
                    "name": c.name,
                    "name_en": c.name_en,
                    "description": c.description,
                    "description_en": c.description_en,
                    "weight": number(c.weight),
                    "scale_min": number(c.scale_min),
                    "scale_max": number(c.scale_max),
                    "scale_step": number(c.scale_step),
                    "levels": [
                        drop_empty(
                            {
                                "score": number(lv.score),
                                "label": lv.label,
                                "label_en": lv.label_en,
                                "description": lv.description,
                                "description_en": lv.description_en,
                            }
                        )
                        for lv in c.levels
                    ],
                }
            )
            for c in spec.criteria
        ],
        "judges": [
            drop_empty(
                {
                    "code": j.code,
                    "name": j.name,
                    "affiliation": j.affiliation,
                    "position": j.position,
                    "nip": j.nip,
                    "role": j.role.value,
                }
            )
            for j in spec.judges
        ],
        "teams": [
            drop_empty(
                {
                    "code": t.code,
                    "institution": t.institution,
                    "category": t.category,
                    "title": t.title,
                    "pillar": t.pillar,
                    "programme": t.programme,
                    "members": list(t.members),
                    "day": t.day,
                    "order": t.order,
                    "time": t.time,
                }
            )
            for t in spec.teams
        ],
        "conflicts": [
            drop_empty(
                {"judge": c.judge, "team": c.team, "institution": c.institution, "reason": c.reason}
            )
            for c in spec.conflicts
        ],
    }


def logo_file_name(path: Path, logo: bytes) -> str:
    """Where the logo of a convention file is written: ``convention-logo.png`` beside it."""
    suffix = ".png" if logo.startswith(b"\x89PNG") else ".jpg"
    return f"{path.stem}-logo{suffix}"


def write_convention_file(spec: ConventionSpec, path: Path) -> None:
    """Write atomically: a pulled USB stick leaves the old file or the new one, never half.

    A logo goes into its own image file beside the convention file, written first, so the
    convention file never names an image that is not there.
    """
    logo_name = ""
    if spec.info.logo is not None:
        logo_name = logo_file_name(path, spec.info.logo)
        write_atomically(path.with_name(logo_name), spec.info.logo)
    write_atomically(path, tomli_w.dumps(to_document(spec, logo_name)).encode())
