"""A judge's laptop and the hub on the command line: package, scores, bundle, receipt."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from juryapp.cli.laptop_commands import parse_scores
from juryapp.cli.main import main
from juryapp.domain.messages import NotFoundError
from tests.credentials import DEMO_SECRETARIAT, signed_in

JUDGE_1 = {"JURYAPP_USER": "j1", "JURYAPP_SECRET": "1111"}
FINGERPRINT = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def hub_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "hub.sqlite3"
    with sqlite3.connect(demo_template) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> int:
    with signed_in(env):
        return main(["--db", str(db), "--lang", "en", *args])


def anonymous(db: Path, *args: str) -> int:
    with pytest.MonkeyPatch.context() as patch:
        for name in ("JURYAPP_USER", "JURYAPP_SECRET", "JURYAPP_PASSPHRASE"):
            patch.delenv(name, raising=False)
        return main(["--db", str(db), "--lang", "en", *args])


def test_scores_typed_at_a_laptop_reach_the_hub_and_the_receipt_comes_back(
    hub_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, package = tmp_path / "laptop.sqlite3", tmp_path / "paket.jurypkg"
    bundle = tmp_path / "stick" / "nilai-J1.jurylog"
    assert run(hub_db, "export-package", str(package), env=DEMO_SECRETARIAT) == 0
    shown = FINGERPRINT.findall(capsys.readouterr().out)
    assert anonymous(laptop, "import-package", str(package)) == 0
    assert FINGERPRINT.findall(capsys.readouterr().out) == shown  # the same key on both screens

    team = "RSS-04"  # the demo leaves J1's sheet of the last team empty
    scores = [f"K{i}=4" for i in range(1, 9)]
    assert run(laptop, "score", team, "K1=9", env=JUDGE_1) == 2
    assert "outside the scale" in capsys.readouterr().err
    assert run(laptop, "score", team, *scores, "--note", "baik", "--submit", env=JUDGE_1) == 0
    assert "8 of 8 criteria" in capsys.readouterr().out
    assert run(laptop, "score", team, "K1=3", env=JUDGE_1) == 2  # handed in: only the desk
    assert "handed in" in capsys.readouterr().err

    assert run(laptop, "export-scores", str(bundle), env=JUDGE_1) == 0
    assert "10 events" in capsys.readouterr().out
    assert run(hub_db, "import-scores-bundle", str(bundle), env=DEMO_SECRETARIAT) == 1
    refused = capsys.readouterr().err
    assert "not enrolled" in refused and str(bundle) in refused
    key = FINGERPRINT.search(refused)
    assert key is not None
    assert (
        run(
            hub_db, "import-scores-bundle", str(bundle), "--enrol", key.group(),
            env=DEMO_SECRETARIAT,
        )
        == 0
    )  # fmt: skip
    out = capsys.readouterr().out
    assert "received up to #10" in out
    receipt = bundle.with_name(bundle.name + ".receipt")
    assert receipt.exists()

    assert anonymous(laptop, "import-receipt", str(receipt)) == 0
    assert "received by the secretariat up to #10" in capsys.readouterr().out
    assert run(hub_db, "received", env=DEMO_SECRETARIAT) == 0
    assert re.search(rf"J1\s+{key.group()}\s+#10", capsys.readouterr().out)
    assert run(hub_db, "audit", "verify", env=DEMO_SECRETARIAT) == 0
    assert anonymous(laptop, "audit", "verify") == 0


def test_import_package_refuses_a_damaged_file_with_one_line(
    hub_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "paket.jurypkg"
    assert run(hub_db, "export-package", str(package), env=DEMO_SECRETARIAT) == 0
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x04
    package.write_bytes(bytes(data))
    laptop = tmp_path / "laptop.sqlite3"
    assert anonymous(laptop, "import-package", str(package)) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(package) in err


def test_score_pairs_are_read_as_people_type_them() -> None:
    assert parse_scores(["K1=4", "k2=3,5", "K3="]) == [
        ("K1", pytest.approx(4)),
        ("K2", pytest.approx(3.5)),
        ("K3", None),
    ]
    with pytest.raises(NotFoundError):
        parse_scores(["K1:4"])


def test_the_hub_listens_on_the_lan_for_as_long_as_asked_and_says_what_it_merged(
    hub_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listening = (
        "serve-hub", "--host", "127.0.0.1", "--port", "0", "--no-mdns", "--seconds", "0.3",
        "--tls-folder", str(tmp_path / "tls"),
    )  # fmt: skip
    assert run(hub_db, *listening, env=DEMO_SECRETARIAT) == 0
    out = capsys.readouterr().out
    said = re.search(
        r"The hub listens on 127\.0\.0\.1:(\d+) \(TLS\)\. .*SHA-256: ([0-9a-f]{64})", out
    )
    assert said is not None and int(said.group(1)) > 0, out
    assert "0 logs merged." in out
    assert (tmp_path / "tls").is_dir()


def test_only_a_judge_pushes_a_log_to_the_hub(
    hub_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(hub_db, "push-scores", env=DEMO_SECRETARIAT) == 2
    assert "sign in as a judge" in capsys.readouterr().err
