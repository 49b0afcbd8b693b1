"""`juryapp verify` and `verify-qr` as a stranger runs them: only the file and a key."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import qrcode

from juryapp.cli.main import main
from juryapp.domain.access import Actor
from juryapp.reports.claims import DocumentClaim, sign_claim
from juryapp.reports.convention_key import ConventionKey, create_convention_key
from juryapp.reports.document_kinds import DocumentKind
from juryapp.reports.fingerprint import fingerprint_of_certificate
from tests.credentials import signed_in
from tests.reports.test_claims import binary_of, text_of
from tests.reports.test_document_check import signed_certificate

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def key() -> ConventionKey:
    return create_convention_key("Konvensi Mutu Bidang Kesehatan Jakarta Barat 2024", "Sudinkes")


@pytest.fixture(scope="module")
def attacker() -> ConventionKey:
    return create_convention_key("Konvensi Mutu Bidang Kesehatan Jakarta Barat 2024", "Sudinkes")


def fingerprint(key: ConventionKey) -> str:
    return fingerprint_of_certificate(key.certificate_pem)


@pytest.fixture(scope="module")
def demo_final(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The demo locked and its certificates printed by the app: (database, a PDF, key)."""
    folder = tmp_path_factory.mktemp("demo-final")
    db = folder / "demo.sqlite3"
    assert main(["--db", str(db), "demo", "--complete"]) == 0
    out = folder / "out"
    with signed_in():
        assert main(["--db", str(db), "lock", "--reason", "uji"]) == 0
        assert main(["--db", str(db), "report", "--out", str(out), "--documents",
                     "certificates", "--quiet"]) == 0  # fmt: skip
    from juryapp.bootstrap import bootstrap  # noqa: PLC0415

    services = bootstrap(db)
    try:
        signing = services.keys.active(Actor.reader())
    finally:
        services.close()
    assert signing is not None
    pdf = sorted(p for p in out.rglob("*.pdf") if "semua" not in p.name)[0]
    return db, pdf, signing.fingerprint


@pytest.fixture
def no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No --db, no JURYAPP_DB, and a user data folder with nothing in it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("JURYAPP_DB", raising=False)
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home))
    return home


def files_under(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())


def stranger(args: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """The command run as someone with the file and nothing else would run it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JURYAPP", "XDG_"))}
    env |= {"HOME": str(home), "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    return subprocess.run(
        [sys.executable, "-m", "juryapp.cli.main", *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


# --- a copied PDF in an empty folder ---------------------------------------------------------


def test_a_final_pdf_copied_to_an_empty_folder_verifies_with_the_right_key_and_no_database(
    demo_final: tuple[Path, Path, str], tmp_path: Path
) -> None:
    _, pdf, genuine = demo_final
    folder, home = tmp_path / "empty", tmp_path / "home"
    folder.mkdir()
    home.mkdir()
    copy = folder / "piagam.pdf"
    shutil.copyfile(pdf, copy)

    right = stranger(["verify", "piagam.pdf", "--key", genuine.lower().replace("-", " ")],
                     folder, home)  # fmt: skip
    assert right.returncode == 0, right.stdout + right.stderr
    assert right.stdout.splitlines()[0] == "piagam.pdf: SAH"
    assert f"kunci penanda tangan: {genuine}" in right.stdout
    assert "sesuai dengan kunci yang diharapkan" in right.stdout
    assert "basis data" not in right.stdout  # nothing to compare with, and nothing made up

    wrong = create_convention_key("Konvensi", "Sudinkes")
    refused = stranger(["--lang", "en", "verify", "piagam.pdf", "--key", fingerprint(wrong)],
                       folder, home)  # fmt: skip
    assert refused.returncode == 1
    assert refused.stdout.splitlines()[:2] == [
        "piagam.pdf: NOT VALID",
        f"  - signed by key {genuine}, not by the expected key {fingerprint(wrong)}",
    ]
    assert files_under(folder, home) == [copy]  # no database, no settings, nothing


def test_a_pdf_signed_with_an_attackers_own_key_fails_with_the_genuine_key(
    key: ConventionKey, attacker: ConventionKey, tmp_path: Path, no_database: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    forged = tmp_path / "piagam-palsu.pdf"
    forged.write_bytes(signed_certificate(attacker))
    assert main(["verify", str(forged)]) == 0  # intact under its own key: it says so, no more
    out = capsys.readouterr().out
    assert out.startswith("piagam-palsu.pdf: UTUH, KUNCI BELUM DICOCOKKAN\n")
    assert f"kunci penanda tangan: {fingerprint(attacker)}" in out
    assert "cocokkan sidik jari kunci ini dengan yang tercetak pada Berita Acara" in out

    assert main(["verify", str(forged), "--key", fingerprint(key), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert (
        f"signed by key {fingerprint(attacker)}, not by the expected key {fingerprint(key)}" in out
    )
    assert "certifies" not in out
    assert files_under(no_database) == []


def test_every_file_gets_its_verdict_and_any_bad_one_fails_the_run(
    key: ConventionKey, tmp_path: Path, no_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "a.pdf"
    good.write_bytes(signed_certificate(key))
    damaged = tmp_path / "b.pdf"
    damaged.write_bytes(good.read_bytes()[:-2000])
    missing = tmp_path / "c.pdf"
    code = main(["--lang", "en", "verify", str(good), str(damaged), str(missing),
                 "--key", fingerprint(key)])  # fmt: skip
    assert code == 1
    verdicts = [line for line in capsys.readouterr().out.splitlines() if not line[0].isspace()]
    assert verdicts == [
        "a.pdf: VALID",
        "b.pdf: NOT VALID",
        f"{missing}: cannot be read (No such file or directory)",
    ]


def test_a_bad_key_or_a_missing_database_is_refused_before_any_file_is_read(
    key: ConventionKey, tmp_path: Path, no_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(signed_certificate(key))
    assert main(["verify", str(pdf), "--key", "1234"]) == 2
    assert "bukan sidik jari kunci" in capsys.readouterr().err
    absent = tmp_path / "tidak-ada.sqlite3"
    assert main(["--db", str(absent), "verify", str(pdf)]) == 2
    assert "tidak ada" in capsys.readouterr().err
    assert not absent.exists()


def test_with_the_secretariats_database_the_comparison_is_printed_too(
    demo_final: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, pdf, genuine = demo_final
    assert main(["--db", str(db), "--lang", "en", "verify", str(pdf), "--key", genuine]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{pdf.name}: VALID"
    assert "  matches results version 1 in this database" in lines


# --- QR codes --------------------------------------------------------------------------------


def claim_text(key: ConventionKey, rank: int = 1) -> str:
    claim = DocumentClaim(
        DocumentKind.CERTIFICATE, "KMBK Jakarta Barat 2024", "PKM-03",
        "Puskesmas Kecamatan Kalideres", "Puskesmas", rank=rank, score="87,50",
        results_version=2,
    )  # fmt: skip
    return sign_claim(claim, key).text


def test_verify_qr_text_with_the_right_and_a_wrong_key(
    key: ConventionKey, attacker: ConventionKey, no_database: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    text = claim_text(key)
    assert main(["verify-qr", text, "--key", fingerprint(key)]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "kode QR: SAH",
        "  mengesahkan: Piagam Penghargaan: PKM-03 Puskesmas Kecamatan Kalideres, Juara I "
        "kategori Puskesmas, nilai 87,50, hasil versi 2, KMBK Jakarta Barat 2024",
    ]
    resigned = claim_text(attacker)
    assert main(["verify-qr", resigned, "--key", fingerprint(key), "--lang", "en"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "QR code: NOT VALID",
        f"  - signed by key {fingerprint(attacker)}, not by the expected key {fingerprint(key)}",
        f"  signer's key: {fingerprint(attacker)}",
    ]
    cut = text_of(binary_of(text)[:-3])  # the signature's last three bytes lost
    assert main(["verify-qr", cut, "--lang", "en"]) == 1
    assert "  - the code is cut short" in capsys.readouterr().out
    assert files_under(no_database) == []


def test_verify_qr_reads_the_code_in_an_image(
    key: ConventionKey, tmp_path: Path, no_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "foto piagam.png"
    buffer = io.BytesIO()
    qrcode.make(claim_text(key, rank=2), box_size=4).save(buffer)
    image.write_bytes(buffer.getvalue())
    assert main(["--lang", "en", "verify-qr", str(image), "--key", fingerprint(key)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("foto piagam.png: VALID\n")
    assert "Second place, Puskesmas category" in out


def test_verify_qr_says_what_is_wrong_with_what_it_was_given(
    tmp_path: Path, no_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = tmp_path / "kosong.png"
    buffer = io.BytesIO()
    qrcode.make("https://example.org").save(buffer)
    blank.write_bytes(buffer.getvalue())
    assert main(["--lang", "en", "verify-qr", str(blank)]) == 1
    assert "not a juryapp code" in capsys.readouterr().out
    assert main(["--lang", "en", "verify-qr", str(tmp_path / "hilang.jpg")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["--lang", "en", "verify-qr", "hello"]) == 2
    assert "neither a juryapp code" in capsys.readouterr().err
    # a whole code's text with its prefix changed is longer than any file name can be
    for text in ("juryapp:" + "A" * 300, "\u200bJURYAPP:" + "A" * 300, "JURYAPP" + "\0" * 3):
        assert main(["--lang", "en", "verify-qr", text]) == 2
        said = capsys.readouterr().err
        assert "neither a juryapp code" in said and "cannot be" not in said
    text = tmp_path / "teks.png"
    text.write_text("bukan gambar")
    assert main(["--lang", "en", "verify-qr", str(text)]) == 2
    assert "not an image that can be read" in capsys.readouterr().err


def test_a_database_at_the_default_path_is_compared_with(
    demo_final: tuple[Path, Path, str], no_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, pdf, genuine = demo_final
    default = no_database / "juryapp" / "juryapp.sqlite3"  # XDG_DATA_HOME/juryapp/…
    default.parent.mkdir()
    shutil.copyfile(db, default)
    assert main(["verify", str(pdf), "--key", genuine]) == 0
    assert "  sesuai dengan hasil versi 1 di basis data ini" in capsys.readouterr().out
