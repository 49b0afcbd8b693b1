"""Corpus cases built in code: workbooks, bombs, convention files and spoilt backups."""

from __future__ import annotations

import sqlite3
import struct
import zipfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from juryapp.persistence.backup import copy_database
from juryapp.resources import resource
from tests.corpus.model import Case, Expect

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER = ("judge", "team", "criterion", "score")
LAUGHS = (
    '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]>"
)


def _cells(number: int, values: tuple[str, ...]) -> str:
    return "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
        if v
    )


def _sheet(rows: str, before: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{before}<worksheet xmlns="{MAIN}"><sheetData>'
        f'<row r="1">{_cells(1, HEADER)}</row>{rows}</sheetData></worksheet>'
    )


def _package(path: Path, sheet: str, *, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
            f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets><sheet name="Nilai" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
            f'Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def _score_row(number: int, score: str, criterion: str = "K1") -> str:
    return f'<row r="{number}">{_cells(number, ("J1", "PKM-01", criterion))}{score}</row>'


def _xlsx(name: str, build: Callable[[Path], Path]) -> Callable[[Path, Path], Path]:
    return lambda folder, _database: build(folder / name)


def _good(path: Path) -> Path:
    rows = "".join(_score_row(n, f'<c r="D{n}"><v>4</v></c>', f"K{n - 1}") for n in range(2, 10))
    return _package(path, _sheet(rows))


def _formula(path: Path) -> Path:
    return _package(path, _sheet(_score_row(2, '<c r="D2"><f>2+3</f><v>1</v></c>')))


def _shared_formula(path: Path) -> Path:
    return _package(path, _sheet(_score_row(2, '<c r="D2"><f t="shared" si="0"/><v>4</v></c>')))


def _laughs(path: Path) -> Path:
    return _package(path, _sheet(_score_row(2, '<c r="D2"><v>4</v></c>'), LAUGHS))


def _external_entity(path: Path) -> Path:
    before = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    return _package(
        path, _sheet(_score_row(2, '<c r="D2" t="inlineStr"><is><t>&e;</t></is></c>'), before)
    )


def _zip_bomb(path: Path) -> Path:
    """A workbook with a part that unpacks to 50 MB from about 50 KB."""
    _good(path)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("xl/worksheets/padding.xml", "w") as part,
    ):
        chunk = b"<c/>" * 262_144
        for _ in range(50):
            part.write(chunk)
    return path


def _cut(path: Path) -> Path:
    data = _good(path).read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _flipped(path: Path) -> Path:
    data = bytearray(_good(path).read_bytes())
    start = data.find(b"PK\x03\x04", 100) + 60
    for offset in range(start, start + 40):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def _lying_sizes(path: Path) -> Path:
    """A central directory that claims a tiny sheet: the CRC check must still refuse it."""
    data = bytearray(_good(path).read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        (length,) = struct.unpack_from("<H", data, at + 28)
        if data[at + 46 : at + 46 + length].endswith(b"sheet1.xml"):
            struct.pack_into("<I", data, at + 24, 10)  # uncompressed size
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def _many_parts(path: Path) -> Path:
    return _package(path, _sheet(""), extra={f"x/{i}": b"" for i in range(10_001)})


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


XLSX_CASES: list[tuple[str, Callable[[Path], Path], Expect, int | None, str | None]] = [
    ("plain-values.xlsx", _good, "accepted", None, None),
    ("formula-cell.xlsx", _formula, "refused", 2, "score"),
    ("shared-formula.xlsx", _shared_formula, "refused", 2, "score"),
    ("billion-laughs.xlsx", _laughs, "refused", None, None),
    ("external-entity.xlsx", _external_entity, "refused", None, None),
    ("zip-bomb.xlsx", _zip_bomb, "refused", None, None),
    ("cut-short.xlsx", _cut, "refused", None, None),
    ("flipped-bytes.xlsx", _flipped, "refused", None, None),
    ("lying-directory.xlsx", _lying_sizes, "refused", None, None),
    ("too-many-parts.xlsx", _many_parts, "refused", None, None),
    ("text-named-xlsx.xlsx", lambda p: _text(p, "judge,team\n"), "refused", None, None),
]


# --- convention files, as the demo's file changed in one place -----------------------------

DEMO = resource("demo", "convention.toml").read_text(encoding="utf-8")


def _demo(change: Callable[[str], str | bytes]) -> Callable[[Path, Path], Path]:
    def make(folder: Path, _database: Path) -> Path:
        path = folder / "konvensi.toml"
        # the file names its logo, an image beside it
        (folder / "logo.png").write_bytes(resource("demo", "logo.png").read_bytes())
        changed = change(DEMO)
        path.write_bytes(changed.encode() if isinstance(changed, str) else changed)
        return path

    return make


CONVENTION_CASES: list[tuple[str, Callable[[str], str | bytes], Expect, str | None]] = [
    ("the demo", lambda t: t, "accepted", None),
    (
        "nested arrays",
        lambda t: t.replace("theme = ", "x = " + "[" * 50_000 + "]" * 50_000 + "\ntheme = ", 1),
        "refused",
        "x",
    ),
    (
        "nested tables",
        lambda t: t.replace(
            "theme = ", "x = " + "{a = " * 3_000 + "1" + "}" * 3_000 + "\ntheme = ", 1
        ),
        "refused",
        "x",
    ),
    (
        "5,000-digit integer",
        lambda t: t.replace("max_team_members = 7", "max_team_members = 1" + "0" * 5_000),
        "refused",
        "max_team_members",
    ),
    ("over 2 MB", lambda t: t + "# " + "x" * 2_100_000 + "\n", "refused", None),
    ("not UTF-8", lambda t: t.replace("Jakarta", "Jakärta", 1).encode("cp1252"), "refused", None),
    ("syntax error", lambda t: t.replace("quota = 3", "quota = ", 1), "refused", "quota"),
    (
        "wrong type",
        lambda t: t.replace("max_team_members = 7", 'max_team_members = "tujuh"'),
        "refused",
        "convention.max_team_members",
    ),
    (
        "another format",
        lambda t: t.replace('format = "juryapp-convention"', 'format = "other"'),
        "refused",
        "format",
    ),
    (
        "newer version",
        lambda t: t.replace("format_version = 1", "format_version = 99"),
        "refused",
        "format_version",
    ),
    (
        "path traversal code",
        lambda t: t.replace('code = "PKM-01"', 'code = "../../../../tmp/x/evil"', 1),
        "refused",
        "teams[1].code",
    ),
    (
        "NUL in a name",
        lambda t: t.replace('name = "Konvensi', 'name = "Kon\\u0000vensi', 1),
        "refused",
        "convention.name",
    ),
    (
        "escape in a title",
        lambda t: t.replace('\ntitle = "', '\ntitle = "\\u001b[2J', 1),
        "refused",
        "teams[1].title",
    ),
    (
        "weights not 100",
        lambda t: t.replace("weight = 20", "weight = 25", 1),
        "refused",
        "criteria",
    ),
    (
        "unknown key",
        lambda t: t.replace("organiser = ", "organizer = ", 1),
        "refused",
        "convention.organizer",
    ),
    (
        "unknown abstention team",
        lambda t: t + '\n[[abstentions]]\njudge = "J1"\nteam = "X"\nreason = "sakit"\n',
        "refused",
        "abstentions[1].team",
    ),
    ("infinite weight", lambda t: t.replace("weight = 20", "weight = inf", 1), "refused", None),
    (
        "date out of range",
        lambda t: t.replace("date = 2024-09-18", "date = 2024-13-45", 1),
        "refused",
        None,
    ),
]


# --- backups, spoilt after a backup of the database they are restored into -------------------


def _backup(spoil: Callable[[Path], None]) -> Callable[[Path, Path], Path]:
    def make(folder: Path, database: Path) -> Path:
        path = folder / "cadangan.sqlite3"
        copy_database(database, path)
        spoil(path)
        return path

    return make


def _sql(*statements: str) -> Callable[[Path], None]:
    def spoil(path: Path) -> None:
        with closing(sqlite3.connect(path)) as db:
            db.execute("PRAGMA foreign_keys=OFF")
            for statement in statements:
                db.execute(statement)
            db.commit()

    return spoil


def _bytes(change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(change(path.read_bytes()))


def _page_spoilt(data: bytes) -> bytes:
    """Bit rot over the audit trail's first event, wherever its page lies: the record that
    holds the chain's start (a previous hash of 64 zeros) and the bytes around it."""
    at = data.find(b"0" * 64)
    assert at > 0, "the first audit event is not in the file"
    spoilt = bytearray(data)
    spoilt[at - 100 : at + 150] = b"\xa5" * 250
    return bytes(spoilt)


BACKUP_CASES: list[tuple[str, Callable[[Path], None], Expect]] = [
    ("a true backup", lambda _path: None, "accepted"),
    ("empty file", _bytes(lambda _d: b""), "refused"),
    ("a CSV file", _bytes(lambda _d: b"judge,team,criterion,score\nJ1,PKM-01,K1,4\n"), "refused"),
    ("cut short", _bytes(lambda d: d[: len(d) // 2]), "refused"),
    ("a damaged page", _bytes(_page_spoilt), "refused"),
    (
        "a planted trigger",
        _sql("CREATE TRIGGER t AFTER INSERT ON score BEGIN DELETE FROM audit_event; END"),
        "refused",
    ),
    ("an extra table", _sql("CREATE TABLE pintu_belakang (x TEXT)"), "refused"),
    ("a view in place of a table", _sql("CREATE VIEW v AS SELECT 1"), "refused"),
    ("an edited audit event", _sql("UPDATE audit_event SET actor = 'x' WHERE seq = 2"), "refused"),
    ("a deleted audit event", _sql("DELETE FROM audit_event WHERE seq = 3"), "refused"),
    ("the audit trail wiped", _sql("DELETE FROM audit_event", "DELETE FROM audit_head"), "refused"),
    (
        "an unknown schema revision",
        _sql("UPDATE alembic_version SET version_num = 'zz99'"),
        "refused",
    ),
    ("no convention", _sql("DELETE FROM convention"), "refused"),
    (
        "a name that is not UTF-8",
        _sql("UPDATE convention SET name = CAST(X'4b84' AS TEXT)"),
        "refused",
    ),
    (
        "a weight that is no number",
        _sql("UPDATE criterion SET weight = 'x' WHERE id = 1"),
        "refused",
    ),
    (
        "a time that is no time",
        _sql("UPDATE audit_event SET at = 'kemarin' WHERE seq = 1"),
        "refused",
    ),
    (
        "a score of no sheet",
        _sql(
            "INSERT INTO score (sheet_id, criterion_id, value, note, updated_at) "
            "VALUES (99999, 1, '4', '', '2024-09-18')"
        ),
        "refused",
    ),
]


def generated_cases() -> list[Case]:
    cases = [
        Case("scores", name, _xlsx(name, build), expect, row, column)
        for name, build, expect, row, column in XLSX_CASES
    ]
    cases += [
        Case("convention", name, _demo(change), expect, None, key)
        for name, change, expect, key in CONVENTION_CASES
    ]
    cases += [Case("backup", name, _backup(spoil), expect) for name, spoil, expect in BACKUP_CASES]
    return cases
