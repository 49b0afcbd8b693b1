"""Reading a whole convention set-up from a TOML file (see docs/convention-file.md)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from datetime import date, time
from decimal import Decimal, InvalidOperation
from io import BytesIO
from pathlib import Path
from typing import Any, TypeVar

from juryapp.domain.kinds import JudgeRole, Method, TotalFormula
from juryapp.domain.messages import FileProblemError, Text, os_reason, shown
from juryapp.domain.model import (
    Abstention,
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
from juryapp.interchange.toml_places import (
    MAX_DIGITS,
    MAX_NESTING,
    decode_error_place,
    first_bomb,
    line_of,
)

FORMAT = "juryapp-convention"
FORMAT_VERSION = 1
# A convention of a thousand teams takes about 430 KB. tomllib slows down more than in
# proportion to size (an array of 5 MB took 107 s here, one of 2 MB 2 s), so files stop at 2 MB.
MAX_FILE_BYTES = 2_000_000
T = TypeVar("T")


class _Reader:
    """Typed access to one TOML table, naming the exact key when something is wrong."""

    def __init__(self, file: str, where: str, table: Mapping[str, Any]) -> None:
        self.file, self.where, self.table = file, where, table
        self.used: set[str] = set()
        self.children: list[_Reader] = []

    def refuse_unknown(self) -> None:
        """A key nobody reads is a typo (``organizer``) whose value would be lost in silence."""
        for key in self.table:
            if key not in self.used:
                known = ", ".join(sorted(self.used)) or "-"
                raise self.fail(
                    key,
                    Text("kunci '{k}' tidak dikenal di sini; yang dikenal: {a}",
                         "key '{k}' is not known here; the known keys are {a}").format(
                        k=shown(key), a=shown(known, 200)),
                )  # fmt: skip
        for child in self.children:
            child.refuse_unknown()

    def fail(self, key: str, text: Text) -> FileProblemError:
        return FileProblemError(text, file=self.file, column=f"{self.where}.{key}".lstrip("."))

    def get(self, key: str, kind: type[T], default: T | None = None) -> T:
        self.used.add(key)
        if key not in self.table:
            if default is None:
                raise self.fail(key, Text("wajib diisi", "is required"))
            return default
        value = self.table[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(
                key,
                Text("harus berupa {k}, bukan {v}", "must be a {k}, not {v}").format(
                    k=_kind_name(kind), v=shown(repr(value), 40)
                ),
            )
        return value

    def text(self, key: str, default: str | None = "") -> str:
        return self.get(key, str, default).strip()

    def decimal(self, key: str, default: Decimal | None = None) -> Decimal:
        self.used.add(key)
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
                key, Text("nilai '{v}' tidak dikenal", "unknown value '{v}'").format(v=shown(raw))
            ) from None

    def items(self, key: str) -> list[_Reader]:
        rows = self.get(key, list, [])
        readers = []
        for i, row in enumerate(rows, 1):
            if not isinstance(row, dict):
                raise self.fail(f"{key}[{i}]", Text("harus berupa tabel", "must be a table"))
            readers.append(_Reader(self.file, f"{self.where}.{key}[{i}]".lstrip("."), row))
        self.children += readers
        return readers

    def child(self, key: str, *, required: bool = True) -> _Reader:
        """The reader of the table under ``key`` (an empty one when it may be left out)."""
        table = self.get(key, dict) if required else self.get(key, dict, {})
        reader = _Reader(self.file, f"{self.where}.{key}".lstrip("."), table)
        self.children.append(reader)
        return reader


_KIND_NAMES = {
    str: Text("teks", "text"),
    int: Text("bilangan bulat", "whole number"),
    float: Text("angka", "number"),
    list: Text("daftar", "list"),
    date: Text("tanggal", "date"),
    time: Text("jam", "time"),
    dict: Text("tabel", "table"),
}


def _kind_name(kind: type) -> Text:
    return _KIND_NAMES.get(kind, Text(kind.__name__, kind.__name__))


def read_convention_file(path: Path) -> ConventionSpec:
    """Parse and validate a convention file; any problem is one line naming the file, and the
    line and key where it can be told."""
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FileProblemError(
                Text("berkas terlalu besar (batasnya {n} MB)", "the file is too large (the "
                     "limit is {n} MB)").format(n=MAX_FILE_BYTES // 1_000_000),
                file=name,
            )  # fmt: skip
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise FileProblemError(
            Text("berkas tidak ditemukan", "file not found"), file=name
        ) from None
    except UnicodeDecodeError:
        raise FileProblemError(
            Text("berkas harus berenkode UTF-8", "the file must be UTF-8 encoded"), file=name
        ) from None
    except OSError as exc:
        raise FileProblemError(
            Text("berkas tidak dapat dibaca: {r}", "the file cannot be read: {r}").format(
                r=os_reason(exc)
            ),
            file=name,
        ) from None
    data = _parsed(text, name)
    try:
        spec = parse_convention(data, name, folder=path.parent)
    except FileProblemError as exc:
        raise _placed(exc, text) from None
    problems = check_spec(spec)
    if problems:
        where, problem = problems[0]
        raise _placed(FileProblemError(problem, file=name, column=where), text)
    return spec


def _parsed(text: str, name: str) -> dict[str, Any]:
    """The TOML document, or one line saying where and why it is not valid TOML."""
    bomb = first_bomb(text)
    if bomb is not None:
        kind, line, key = bomb
        problem = (
            Text(
                "nilai bersarang lebih dari {n} tingkat", "a value nested deeper than {n} levels"
            ).format(n=MAX_NESTING)
            if kind == "nesting"
            else Text("angka lebih dari {n} digit", "a number of more than {n} digits").format(
                n=MAX_DIGITS
            )
        )
        raise FileProblemError(problem, file=name, row=line, column=key, lines=True)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        place, at = decode_error_place(str(exc), text)
        raise FileProblemError(
            Text(
                "bukan TOML yang sah; periksa tanda petik, kurung dan tanda = di baris ini",
                "not valid TOML; check the quotes, brackets and = sign on this line",
            ),
            file=name,
            row=place,
            column=at,
            lines=True,
        ) from None
    except (RecursionError, ValueError, MemoryError):  # guarded above; never a traceback
        raise FileProblemError(
            Text("bukan TOML yang dapat dibaca", "not TOML that can be read"), file=name
        ) from None


def _placed(exc: FileProblemError, text: str) -> FileProblemError:
    """``exc`` with the line of its key (``teams[3].category``) in the file's text."""
    where = exc.column or ""
    return FileProblemError(
        exc.text, file=exc.file, row=line_of(text, where) if where else None, column=exc.column,
        lines=True,
    )  # fmt: skip


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
    c = root.child("convention")
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
    s = root.child("scoring", required=False)
    scoring = ScoringSettings(
        method=s.choice("method", Method, "mean"),
        trim=s.get("trim", int, 1),
        total_formula=s.choice("total_formula", TotalFormula, "range"),
        tie_break=tuple(str(x) for x in s.get("tie_break", list, [])),
        outlier_threshold=s.decimal("outlier_threshold", Decimal(15)),
        presentation_minutes=s.get("presentation_minutes", int, 15),
        qa_minutes=s.get("qa_minutes", int, 15),
    )
    spec = ConventionSpec(
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
        abstentions=tuple(
            Abstention(r.text("judge", None), r.text("team", None), r.text("reason", None))
            for r in root.items("abstentions")
        ),
    )
    root.refuse_unknown()
    return spec


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
