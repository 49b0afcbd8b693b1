"""Fuzzing every parser: whatever the bytes, rows or a one-line refusal, never another error.

Each parser gets ``FUZZ_EXAMPLES`` examples in a normal run; a run of the slow tests alone
(``pytest -m slow``), or ``JURYAPP_FUZZ_EXAMPLES``, gives each at least 5,000.
"""

from __future__ import annotations

import os
import sqlite3
import zipfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from juryapp.domain.access import Actor
from juryapp.domain.messages import FileProblemError, JuryError, set_language
from juryapp.interchange.columns import SCORE_COLUMNS, TEAM_COLUMNS
from juryapp.interchange.convention_file import read_convention_file
from juryapp.interchange.tabular import read_table, write_table
from juryapp.persistence.backup import copy_database
from juryapp.resources import resource
from juryapp.services.backups import verify_backup
from juryapp.services.imports import ImportService
from tests.figures import record
from tests.services.conftest import CRITERIA, Stack

FUZZ_EXAMPLES = 100
SLOW_EXAMPLES = 5_000
DEMO = resource("demo", "convention.toml").read_bytes()
pytestmark = pytest.mark.slow


@pytest.fixture
def examples(request: pytest.FixtureRequest) -> int:
    chosen = os.environ.get("JURYAPP_FUZZ_EXAMPLES")
    if chosen:
        return int(chosen)
    return SLOW_EXAMPLES if request.config.option.markexpr.strip() == "slow" else FUZZ_EXAMPLES


def fuzz(
    name: str, examples: int, strategy: st.SearchStrategy[object]
) -> Callable[[Callable[[object], None]], None]:
    """Run ``check`` on ``examples`` generated values and report how many ran."""

    def run(check: Callable[[object], None]) -> None:
        seen = [0]

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def each(value: object) -> None:
            seen[0] += 1
            check(value)

        each()
        record(f"fuzz {name}", examples=seen[0], asked=examples)

    return run


def one_line_refusal(error: FileProblemError, file: str) -> None:
    assert error.file == file
    for lang in ("id", "en"):
        set_language(lang)
        text = str(error)
        assert "\n" not in text and file in text
    set_language("id")


def mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """``data`` with bytes flipped, cut, repeated or spliced in, as damage and hostility do."""
    size = len(data)
    flip = st.tuples(st.integers(0, size - 1), st.integers(1, 255)).map(
        lambda p: data[: p[0]] + bytes([data[p[0]] ^ p[1]]) + data[p[0] + 1 :]
    )
    cut = st.integers(0, size).map(lambda n: data[:n])
    splice = st.tuples(st.integers(0, size), st.binary(max_size=64)).map(
        lambda p: data[: p[0]] + p[1] + data[p[0] :]
    )
    repeat = st.tuples(st.integers(0, size), st.integers(0, 400)).map(
        lambda p: data[: p[0]] + data[p[0] : p[0] + p[1]] * 3 + data[p[0] :]
    )
    return st.one_of(flip, cut, splice, repeat, st.lists(flip, max_size=1).map(lambda _: data))


def test_fuzz_csv_bytes(tmp_path: Path, examples: int) -> None:
    path = tmp_path / "nilai.csv"

    def check(data: object) -> None:
        assert isinstance(data, bytes)
        path.write_bytes(data)
        try:
            read_table(path, SCORE_COLUMNS, complete_rows=True)
        except FileProblemError as exc:
            one_line_refusal(exc, path.name)

    cells = st.sampled_from(
        ["J1", "PKM-01", "K1", "4", "4,5", '"', ";", ",", "\t", "\n", "\r\n", "judge", "team",
         "criterion", "score", "note", "abstain", "=1+1", "\x00", "\ufeff", "ñ", "sep=;"]
    )  # fmt: skip
    text = st.lists(cells, max_size=60).map(lambda parts: "".join(parts).encode("utf-8"))
    fuzz("CSV", examples, st.one_of(text, st.binary(max_size=300)))(check)


def test_fuzz_xlsx_bytes(tmp_path: Path, examples: int) -> None:
    good = tmp_path / "baik.xlsx"
    write_table(good, ["code", "institution", "category", "title"], [["PKM-09", "A", "PKM", "B"]])
    path = tmp_path / "tim.xlsx"

    def check(data: object) -> None:
        assert isinstance(data, bytes)
        path.write_bytes(data)
        try:
            read_table(path, TEAM_COLUMNS)
        except FileProblemError as exc:
            one_line_refusal(exc, path.name)

    fuzz("XLSX", examples, mutations(good.read_bytes()))(check)


def test_fuzz_convention_files(tmp_path: Path, examples: int) -> None:
    path = tmp_path / "konvensi.toml"
    lines = DEMO.split(b"\n")
    edited = st.tuples(
        st.integers(0, len(lines) - 1),
        st.sampled_from([b"", b"[[teams]]", b"x = [[[", b'code = "../x"', b"weight = inf",
                         b"quota = -1", b'name = "\\u0000"', b"[convention]", b"}", b"\\"]),
    ).map(lambda p: b"\n".join([*lines[: p[0]], p[1], *lines[p[0] + 1 :]]))  # fmt: skip

    def check(data: object) -> None:
        assert isinstance(data, bytes)
        path.write_bytes(data)
        try:
            read_convention_file(path)
        except FileProblemError as exc:
            one_line_refusal(exc, path.name)

    fuzz("convention files", examples, st.one_of(edited, mutations(DEMO)))(check)


@pytest.mark.sqlite_only  # a PostgreSQL hub is backed up with pg_dump
def test_fuzz_backups(stack: Stack, tmp_path: Path, examples: int) -> None:
    good = tmp_path / "baik.sqlite3"
    copy_database(stack.path, good)
    with closing(sqlite3.connect(good)) as db:
        db.execute("VACUUM")
    path = tmp_path / "cadangan.sqlite3"
    original = good.read_bytes()

    def check(data: object) -> None:
        assert isinstance(data, bytes)
        path.write_bytes(data)
        verdict = verify_backup(path)  # never raises: a bad file is a verdict
        if data == original:
            assert verdict.ok

    fuzz("backups", examples, mutations(good.read_bytes()))(check)


def test_fuzz_score_imports(stack: Stack, sek1: Actor, tmp_path: Path, examples: int) -> None:
    """Rows from the convention's own codes and near misses: imported whole or refused whole."""
    imports = ImportService(stack.database, stack.setup)
    path = tmp_path / "nilai.csv"
    row = st.tuples(
        st.sampled_from(["J1", "J2", "J5", "J9", "", "j1"]),
        st.sampled_from(["PKM-01", "PKM-06", "RSS-02", "X", ""]),
        st.sampled_from([*CRITERIA, "K9", ""]),
        st.sampled_from(["1", "3", "5", "4,5", "0", "6", "", "x", "1e3"]),
        st.sampled_from(["", "baik", "x\x00"]),
        st.sampled_from(["", "", "", "sakit"]),
    )

    def state() -> tuple[int, int]:
        with stack.database.reading() as session:
            return (
                session.execute(text("SELECT count(*) FROM score")).scalar_one(),
                session.execute(text("SELECT seq FROM audit_head")).scalar_one(),
            )

    def check(rows: object) -> None:
        assert isinstance(rows, list)
        write_table(path, ["judge", "team", "criterion", "score", "note", "abstain"], rows)
        before = state()
        try:
            imports.import_scores(sek1, path)
        except FileProblemError as exc:
            one_line_refusal(exc, path.name)
            assert state() == before
        except JuryError as exc:  # a handed-in sheet, a locked result…
            assert "\n" not in str(exc)
            assert state() == before

    fuzz("score imports", examples, st.lists(row, max_size=12))(check)


def test_the_workbook_the_xlsx_fuzzer_mutates_is_read(tmp_path: Path) -> None:
    good = tmp_path / "baik.xlsx"
    write_table(good, ["code", "institution", "category", "title"], [["PKM-09", "A", "PKM", "B"]])
    assert zipfile.is_zipfile(good)
    assert [r.values["code"] for r in read_table(good, TEAM_COLUMNS)] == ["PKM-09"]
