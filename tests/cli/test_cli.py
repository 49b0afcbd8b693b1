"""The command line, as a secretariat operator uses it: every command, good and bad files."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from pypdf import PdfReader

from juryapp.cli.main import main, parse_arguments
from juryapp.domain.messages import FileProblemError
from juryapp.interchange.columns import TEMPLATES
from juryapp.interchange.tabular import Column, read_table, write_table
from juryapp.reports.verification_file import read_verification_file, sha256_of
from tests.credentials import DEMO_SECRETARIAT, signed_in

AUDIT_COLUMNS = [
    Column(key, (key,), required=key != "subject")
    for key in ("seq", "at", "actor", "action", "subject", "details", "hash")
]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database, made with SQLite's backup API."""
    target = tmp_path / "demo.sqlite3"
    with sqlite3.connect(demo_template) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


# A fresh database's first secretariat user, and the passphrase of the key they create.
FRESH_ADMIN = {
    "JURYAPP_USER": "admin",
    "JURYAPP_SECRET": "kata-sandi-admin",
    "JURYAPP_NEW_SECRET": "kata-sandi-admin",
    "JURYAPP_PASSPHRASE": "frasa-sandi-konvensi",
}


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> int:
    """A command as the demo's secretariat user (or as ``env``), messages in English."""
    with signed_in(env):
        return main(["--db", str(db), "--lang", "en", *args])


def anonymous(db: Path, *args: str) -> int:
    """A command run without signing in."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("JURYAPP_USER", "JURYAPP_SECRET", "JURYAPP_PASSPHRASE"):
            patch.delenv(name, raising=False)
        return main(["--db", str(db), "--lang", "en", *args])


def new_convention(db: Path, convention_file: Path) -> int:
    """``add-user`` for the first account, then ``init`` as that user."""
    assert run(db, "add-user", "admin", env=FRESH_ADMIN) == 0
    return run(db, "init", str(convention_file), env=FRESH_ADMIN)


def table_counts(db: Path) -> dict[str, int]:
    """Rows per table; audit events apart from sign-ins (signing in is recorded too)."""
    with sqlite3.connect(db) as connection:
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("team", "judge", "sheet", "score")
        }
        counts["audit_event"] = connection.execute(
            "SELECT count(*) FROM audit_event WHERE action != 'account.sign_in'"
        ).fetchone()[0]
        return counts


def test_demo_then_results_json_has_three_categories_and_fifteen_ranked_teams(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(demo_db, "results", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["quota"] for c in data["categories"]] == [3, 3, 1]
    teams = [t for c in data["categories"] for t in c["teams"]]
    assert len(teams) == 15
    assert all(t["rank"] is not None and 0 <= t["score"] <= 100 for t in teams)
    pkm = {t["code"]: t for t in data["categories"][0]["teams"]}
    # PKM-01 and PKM-05 both finish on 78,00; K5 puts PKM-01 second.
    assert pkm["PKM-01"]["score"] == pkm["PKM-05"]["score"] == 78.0
    assert (pkm["PKM-01"]["rank"], pkm["PKM-05"]["rank"]) == (2, 3)
    assert pkm["PKM-01"]["tie_broken_by"] == "K5"
    assert sum(t["advances"] for t in data["categories"][0]["teams"]) == 3
    rss = data["categories"][2]["teams"]
    assert [t["code"] for t in rss if t["advances"]] == ["RSS-03"]


def test_demo_refuses_a_non_empty_database_without_force(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = table_counts(demo_db)
    assert run(demo_db, "demo") != 0
    assert "--force" in capsys.readouterr().err
    assert table_counts(demo_db) == before
    assert run(demo_db, "demo", "--force") == 0


def test_demo_prints_the_accounts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path / "x.sqlite3", "demo") == 0
    out = capsys.readouterr().out
    assert "sekretariat" in out and "1111" in out and "j5" in out


def test_the_plain_demo_cannot_be_locked_and_names_the_sheet_left_to_score(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = table_counts(demo_db)
    assert run(demo_db, "lock", "--reason", "pleno juri") == 2
    err = capsys.readouterr().err
    assert "cannot be locked" in err and "J1 × RSS-04" in err
    assert table_counts(demo_db) == before


def test_the_complete_demo_locks_and_prints_with_no_other_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lengkap.sqlite3"
    assert run(db, "demo", "--complete") == 0
    out = capsys.readouterr().out
    assert "Every sheet is filled in and confirmed" in out
    assert table_counts(db)["sheet"] == 72  # 15 teams × 5 judges − 3 conflicts of interest
    assert run(db, "lock") == 0
    assert run(db, "report", "--out", str(tmp_path / "pdf"), "--documents", "minutes") == 0
    assert any((tmp_path / "pdf").glob("*.pdf"))


def _two_places(exact: str) -> str:
    """A score the JSON gives as an exact fraction, rounded half up as the results print it."""
    value = Fraction(exact)
    rounded = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    return str(rounded)


RANKED_LINE = re.compile(r"^\s+(\d+|-)\s+(\S+)\s+(\S+)\s", re.MULTILINE)


def test_results_as_text_follow_the_method_asked_for(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = {}
    for method in ("mean", "trimmed", "median", "zscore"):
        assert run(demo_db, "results", "--json", "--method", method) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["method"] == method
        assert run(demo_db, "results", "--method", method) == 0
        text = capsys.readouterr().out
        assert "Puskesmas Kecamatan Grogol Petamburan" in text
        # every team of the JSON, in its order, with its rank and score, and nothing else
        expected = [
            (str(t["rank"]), _two_places(t["score_exact"]), t["code"])
            for c in data["categories"]
            for t in c["teams"]
        ]
        assert RANKED_LINE.findall(text) == expected
        tables[method] = expected
    # the demo's four methods rank or score its teams differently, so a method not passed on
    # to the results would show here
    assert len({tuple(table) for table in tables.values()}) == 4
    assert tables["mean"][0] == ("1", "83.50", "PKM-03")
    assert tables["median"][0] == ("1", "81.25", "PKM-03")


def test_results_text_in_indonesian_uses_decimal_comma(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo_db), "results"]) == 0
    out = capsys.readouterr().out
    assert "78,00" in out and "lolos" in out


def test_export_then_init_round_trips_the_convention(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "konvensi.toml"
    assert run(demo_db, "export-convention", str(exported)) == 0
    fresh = tmp_path / "fresh.sqlite3"
    assert new_convention(fresh, exported) == 0
    second = tmp_path / "again.toml"
    assert anonymous(fresh, "export-convention", str(second)) == 0
    # each file names its own copy of the logo, written beside it
    assert 'logo = "konvensi-logo.png"' in exported.read_text(encoding="utf-8")
    assert exported.read_text(encoding="utf-8").replace("konvensi-logo", "again-logo") == (
        second.read_text(encoding="utf-8")
    )
    logo = (Path(__file__).parents[2] / "resources" / "demo" / "logo.png").read_bytes()
    assert (tmp_path / "konvensi-logo.png").read_bytes() == logo
    assert (tmp_path / "again-logo.png").read_bytes() == logo


def test_init_with_a_bad_file_names_the_key_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Path(__file__).parents[2] / "resources" / "demo" / "convention.toml"
    text = source.read_text(encoding="utf-8").replace('category = "RSUD"', 'category = "RSU"', 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes((source.parent / "logo.png").read_bytes())
    db = tmp_path / "db.sqlite3"
    assert new_convention(db, bad) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "category" in err and "RSU" in err
    assert not db.exists() or table_counts(db)["team"] == 0


@pytest.mark.parametrize("kind", ["teams", "judges", "scores"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_template_writes_headers_that_import_back(tmp_path: Path, kind: str, suffix: str) -> None:
    path = tmp_path / f"{kind}{suffix}"
    assert main(["template", kind, str(path)]) == 0
    assert read_table(path, TEMPLATES[kind]) == []


def test_import_teams_from_indonesian_excel_csv(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "tim.csv"
    csv_file.write_bytes(
        "\ufeffKode Tim;Institusi;Kategori;Judul Inovasi;Pilar;Anggota;Hari;Urutan;Jam\r\n"
        "PKM-09;Puskesmas Kelurahan Duri Kepa;PKM;SIGAP Lansia;primary-care;"
        "Ani;2;8;14.00\r\n".encode()
    )
    assert run(demo_db, "import-teams", str(csv_file)) == 0
    assert table_counts(demo_db)["team"] == 16


def test_import_with_an_unknown_category_names_row_and_column_and_changes_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "teams.csv"
    csv_file.write_text(
        "code,institution,category,title\n"
        "PKM-09,Puskesmas Duri Kepa,PKM,A\n"
        "PKM-10,Puskesmas Kedoya,PUSKESMAS,B\n",
        encoding="utf-8",
    )
    before = table_counts(demo_db)
    assert run(demo_db, "import-teams", str(csv_file)) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "teams.csv" in err and "row 3" in err and "category" in err
    assert table_counts(demo_db) == before


def test_import_judges_xlsx(demo_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "juri.xlsx"
    write_table(
        path,
        ["Kode", "Nama", "Afiliasi", "Jabatan", "NIP", "Peran"],
        [["J6", "Prof. Dr. Siti Ä Rahma, M.Kes.", "Universitas Indonesia", "Dosen", "", "anggota"]],
    )
    assert run(demo_db, "import-judges", str(path)) == 0
    assert table_counts(demo_db)["judge"] == 6


def _pending_rows(judge: str = "J1", team: str = "RSS-04", sep: str = ",") -> str:
    scores = ["4", "4", "3", "4", "5", "4", "3", "4"]
    lines = [sep.join(["judge", "team", "criterion", "score", "note"])]
    lines += [sep.join([judge, team, f"K{i}", s, ""]) for i, s in enumerate(scores, 1)]
    return "\n".join(lines) + "\n"


def test_import_scores_fills_the_pending_sheet_and_replay_is_idempotent(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scores.csv"
    path.write_text(_pending_rows(), encoding="utf-8")
    before = table_counts(demo_db)
    assert run(demo_db, "import-scores", str(path)) == 0
    after = table_counts(demo_db)
    assert after["score"] == before["score"] + 8 and after["sheet"] == before["sheet"] + 1
    assert run(demo_db, "import-scores", str(path)) == 0
    assert table_counts(demo_db)["score"] == after["score"]
    assert "8 unchanged" in capsys.readouterr().out


def _sheet_scores(db: Path, judge: str, team: str) -> dict[str, Decimal]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT criterion.code, score.value FROM score"
            " JOIN sheet ON sheet.id = score.sheet_id"
            " JOIN judge ON judge.id = sheet.judge_id JOIN team ON team.id = sheet.team_id"
            " JOIN criterion ON criterion.id = score.criterion_id"
            " WHERE judge.code = ? AND team.code = ?",
            (judge, team),
        ).fetchall()
    return {code: Decimal(value) for code, value in rows}


def test_import_scores_with_decimal_comma_and_semicolons(demo_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "nilai.csv"
    text = _pending_rows(sep=";").replace(";4;", ";4,0;").replace("K5;5;", "K5;5,00;")
    assert text.count(",0") == 6  # K1, K2, K4, K5, K6, K8 typed with a decimal comma
    path.write_text(text, encoding="utf-8")
    assert _sheet_scores(demo_db, "J1", "RSS-04") == {}
    assert run(demo_db, "import-scores", str(path)) == 0
    assert _sheet_scores(demo_db, "J1", "RSS-04") == {
        f"K{i}": Decimal(v) for i, v in enumerate([4, 4, 3, 4, 5, 4, 3, 4], 1)
    }


@pytest.mark.parametrize(
    ("change", "column"),
    [
        (("K3,3", "K3,7"), "score"),  # off the 1–5 scale
        (("K3,3", "K3,3.5"), "score"),  # between steps
        (("J1,RSS-04,K2", "J9,RSS-04,K2"), "judge"),
        (("RSS-04,K2", "RSS-99,K2"), "team"),
        (("RSS-04,K2", "RSS-04,K22"), "criterion"),
    ],
)
def test_bad_score_rows_are_refused_whole(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: tuple[str, str],
    column: str,
) -> None:
    path = tmp_path / "scores.csv"
    path.write_text(_pending_rows().replace(*change), encoding="utf-8")
    before = table_counts(demo_db)
    assert run(demo_db, "import-scores", str(path)) == 2
    err = capsys.readouterr().err
    assert "scores.csv" in err and "row" in err and column in err
    assert table_counts(demo_db) == before


def test_scores_of_a_conflicted_judge_are_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scores.csv"
    path.write_text(_pending_rows("J5", "RSS-02"), encoding="utf-8")
    assert run(demo_db, "import-scores", str(path)) == 2
    assert "conflict" in capsys.readouterr().err


def test_scores_cannot_overwrite_a_submitted_sheet(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scores.csv"
    path.write_text(_pending_rows("J2", "RSS-03").replace("K1,4", "K1,1"), encoding="utf-8")
    before = table_counts(demo_db)
    assert run(demo_db, "import-scores", str(path)) == 2
    assert "correction" in capsys.readouterr().err
    assert table_counts(demo_db) == before


def test_missing_file_is_a_clear_error(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(demo_db, "import-teams", "/nonexistent/teams.csv") == 2
    assert "teams.csv" in capsys.readouterr().err


def score_the_sheet_left_empty(db: Path, tmp_path: Path) -> None:
    """Import J1's paper sheet for RSS-04, the one sheet the plain demo leaves to score."""
    path = tmp_path / "j1-rss04.csv"
    rows = "".join(f"J1,RSS-04,K{k},4\n" for k in range(1, 9))
    path.write_text("judge,team,criterion,score\n" + rows, encoding="utf-8")
    assert run(db, "import-scores", str(path)) == 0


def test_lock_refuses_unconfirmed_sheets_without_a_reason(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    score_the_sheet_left_empty(demo_db, tmp_path)
    assert run(demo_db, "lock") == 2  # day-two sheets are not confirmed yet
    assert "not confirmed" in capsys.readouterr().err
    assert run(demo_db, "lock", "--reason", "confirmed on the paper recap") == 0


def test_unlock_needs_a_reason_and_raises_the_version(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    score_the_sheet_left_empty(demo_db, tmp_path)
    assert run(demo_db, "lock", "--reason", "accepted") == 0
    with pytest.raises(SystemExit):
        run(demo_db, "unlock")
    assert run(demo_db, "unlock", "--reason", "score typo on PKM-02") == 0
    assert "version 2" in capsys.readouterr().out


def test_database_url_from_environment(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JURYAPP_DB", str(demo_db))
    assert main(["--lang", "en", "results", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["method"] == "mean"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert "juryapp" in capsys.readouterr().out


def test_the_app_is_opened_without_building_the_commands_parsers() -> None:
    args = parse_arguments(["--db", "x.sqlite3", "--lang", "en", "--demo"])
    assert (args.command, args.db, args.lang, args.demo) == (None, "x.sqlite3", "en", True)
    assert parse_arguments(["--db", "x.sqlite3", "results", "--method", "median"]).method == (
        "median"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "fr"],
        ["--db", "x", "--unknown"],
        ["--db", "x", "no-such-command"],
        ["--d", "x"],  # ambiguous: --db or --demo
        ["--db"],
    ],
)
def test_a_wrong_command_line_is_explained_by_the_whole_parser(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_arguments(argv)
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "COMMAND" in error  # the usage of the whole parser, commands included
    assert "error:" in error


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_arguments(["--help"])
    assert "results" in capsys.readouterr().out


def test_changing_commands_need_a_signed_in_user(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "teams.csv"
    csv_file.write_text("code,institution,category,title\nPKM-09,X,PKM,A\n", encoding="utf-8")
    before = table_counts(demo_db)
    for command in (
        ["lock", "--reason", "x"],
        ["unlock", "--reason", "x"],
        ["import-teams", str(csv_file)],
        ["add-user", "sek3"],
        ["export-verification", str(tmp_path / "v.json")],
    ):
        assert anonymous(demo_db, *command) == 2, command
        assert "--user NAME" in capsys.readouterr().err
    assert table_counts(demo_db) == before
    assert anonymous(demo_db, "results", "--json") == 0  # reading needs no account


def test_a_wrong_secret_or_passphrase_is_refused(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong_secret = {**DEMO_SECRETARIAT, "JURYAPP_SECRET": "salah-sekali"}
    assert run(demo_db, "lock", "--reason", "x", env=wrong_secret) == 2
    assert "wrong username" in capsys.readouterr().err
    wrong_key = {**DEMO_SECRETARIAT, "JURYAPP_PASSPHRASE": "frasa-sandi-salah"}
    assert run(demo_db, "lock", "--reason", "x", env=wrong_key) == 2
    assert "wrong passphrase" in capsys.readouterr().err
    assert anonymous(demo_db, "audit", "verify") == 0


def test_judges_cannot_lock_or_add_accounts(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    judge = {"JURYAPP_USER": "j1", "JURYAPP_SECRET": "1111", "JURYAPP_NEW_SECRET": "12345678"}
    assert run(demo_db, "lock", "--reason", "x", env=judge | {"JURYAPP_PASSPHRASE": "x" * 12}) == 2
    assert run(demo_db, "add-user", "sek9", env=judge) == 2
    assert "only a signed-in secretariat user" in capsys.readouterr().err


def test_lock_prints_the_fingerprint_and_head_that_audit_verify_accepts(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    score_the_sheet_left_empty(demo_db, tmp_path)
    assert run(demo_db, "lock", "--reason", "pleno") == 0
    out = capsys.readouterr().out
    fingerprint = re.search(r"fingerprint: ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})", out)
    head = re.search(r"head: (#\d+ · [0-9a-f]{4}…[0-9a-f]{4})", out)
    assert fingerprint and head, out
    assert anonymous(demo_db, "audit", "verify", "--head", head.group(1)) == 0
    assert "no findings" in capsys.readouterr().out
    assert anonymous(demo_db, "key", "show") == 0
    assert fingerprint.group(1) in capsys.readouterr().out
    with sqlite3.connect(demo_db) as connection:
        connection.execute("UPDATE score SET value = '1' WHERE id = 7")
    assert anonymous(demo_db, "audit", "verify") == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("- ") and "differs from the seal" in line for line in lines)


@pytest.mark.parametrize("suffix", [".csv", ".pdf"])
def test_audit_export_writes_every_event(demo_db: Path, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"jejak{suffix}"
    assert anonymous(demo_db, "audit", "export", str(path)) == 0
    with sqlite3.connect(demo_db) as connection:
        events = connection.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    if suffix == ".csv":
        assert len(read_table(path, AUDIT_COLUMNS)) == events
    else:
        text = "".join(page.extract_text() for page in PdfReader(path).pages)
        assert "Audit Trail" in text and "demo.scores" in text


def test_the_verification_file_lists_the_finals(demo_db: Path, tmp_path: Path) -> None:
    score_the_sheet_left_empty(demo_db, tmp_path)
    assert run(demo_db, "lock", "--reason", "pleno") == 0
    assert run(demo_db, "report", "--out", str(tmp_path / "final"), "--documents", "recap") == 0
    published = tmp_path / "verifikasi.json"
    assert run(demo_db, "export-verification", str(published)) == 0
    files = read_verification_file(published.read_bytes(), published.name)
    for pdf in (tmp_path / "final").glob("*.pdf"):
        assert files.document_named_by(sha256_of(pdf.read_bytes())) == pdf.name
    assert files.version == 1
    assert [c["code"] for c in files.body["categories"]] == ["PKM", "RSUD", "RSS"]
    altered = published.read_bytes().replace(b'"rank": 1', b'"rank": 2', 1)
    with pytest.raises(FileProblemError):
        read_verification_file(altered, published.name)


def test_the_report_command_offers_every_kind_of_document() -> None:
    from juryapp.cli.results_commands import DOCUMENT_KINDS  # noqa: PLC0415
    from juryapp.services.publishing import Kind  # noqa: PLC0415

    assert [kind.value for kind in Kind] == DOCUMENT_KINDS


def test_report_writes_only_the_documents_asked_for(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run(demo_db, "report", "--out", str(out), "--quiet", "--documents", "declarations",
               "attendance", "announcement", "judge-recap") == 0  # fmt: skip
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        "all-documents.pdf",  # the announcement and each judge's recap, for printing at once
        "announcement.pdf",
        "attendance.pdf",
        "conflict-of-interest-declarations.pdf",
        *(f"judge-recap-J{n}.pdf" for n in range(1, 6)),
    ]
    assert "9 PDF files" in capsys.readouterr().out


@pytest.mark.slow
def test_lock_report_and_verify_print_no_warning_of_a_library(
    demo_db: Path, tmp_path: Path
) -> None:
    """pyHanko's deprecation warning about DSA keys is not for a secretariat to read."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    def juryapp(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "juryapp", "--db", str(demo_db), *args],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, **DEMO_SECRETARIAT},
        )

    score_the_sheet_left_empty(demo_db, tmp_path)
    out = tmp_path / "out"
    steps = [
        juryapp("lock", "--reason", "pleno"),
        juryapp("report", "--out", str(out), "--quiet", "--documents", "minutes"),
        juryapp("verify", str(out / "berita-acara.pdf")),
    ]
    for step in steps:
        assert "Warning" not in step.stderr and "DSA" not in step.stderr, step.stderr
    assert "UTUH" in steps[-1].stdout
    assert "ditandatangani kunci konvensi di basis data ini" in steps[-1].stdout
