"""Saves screenshots of a judge's own laptop and the hub's "Judges' laptops" screen (demo)."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from contextlib import closing
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from juryapp.bootstrap import Services, bootstrap
from juryapp.domain.access import Actor
from juryapp.gui.i18n import install_translators
from juryapp.services.demo import DEMO_PASSPHRASE, load_demo

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)
TEAM = "RSS-04"  # the demo leaves J1's sheet of the last team empty


def _laptop(path: Path, package: bytes) -> tuple[Services, Actor]:
    services = bootstrap(path)
    services.laptop.import_package(package, "paket.jurypkg")
    judge = services.accounts.sign_in("j1", "1111")
    services.judge_keys.after_sign_in(judge, "1111")
    return services, judge


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from juryapp.gui.judge.judge_area import JudgeArea  # noqa: PLC0415
    from juryapp.gui.secretariat import SecretariatWindow  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory() as folder:
        hub = bootstrap(Path(folder) / "hub.sqlite3")
        load_demo(hub.database, hub.setup, hub.accounts, hub.keys)
        sek = hub.accounts.sign_in("sekretariat", "jakbar2024")
        key = hub.keys.unlock(sek, DEMO_PASSPHRASE)
        package = hub.hub.export_package(sek, key)
        laptop_path = Path(folder) / "laptop.sqlite3"
        laptop, judge = _laptop(laptop_path, package)
        for code, value in (("K1", 4), ("K2", 3), ("K3", 5), ("K4", 4)):
            laptop.scoring.set_score(judge, "J1", TEAM, code, Decimal(value))
        copy = Path(folder) / "salinan.sqlite3"
        with closing(sqlite3.connect(laptop_path)) as src, closing(sqlite3.connect(copy)) as dst:
            src.backup(dst)
        laptop.scoring.set_score(judge, "J1", TEAM, "K5", Decimal(3))
        bundle = laptop.laptop.export_scores(judge, "J1").data
        parsed = hub.hub.read(bundle, "nilai-J1.jurylog")
        hub.judge_keys.enrol(sek, "J1", parsed.public_key, parsed.fingerprint)
        receipt = hub.hub.merge(sek, bundle, "nilai-J1.jurylog", key).receipt
        assert receipt is not None
        laptop.laptop.import_receipt(receipt, "nilai-J1.jurylog.receipt")
        for code, value in (("K6", 4), ("K7", 2)):
            laptop.scoring.set_score(judge, "J1", TEAM, code, Decimal(value))
        restored, again = _laptop(copy, package)
        restored.scoring.set_score(again, "J1", TEAM, "K5", Decimal(1))
        hub.hub.merge(sek, restored.laptop.export_scores(again, "J1").data, "salinan", key)

        area = JudgeArea(laptop, judge)
        area.resize(*SIZE)
        area.show()
        laptop.runner.settle()  # the queue is read off the GUI thread, as in the app
        area.open_team(TEAM)
        laptop.runner.settle()
        path = args.out / f"judge-laptop{'' if args.lang == 'id' else '-en'}.png"
        area.grab().save(str(path))
        print(path)

        window = SecretariatWindow(hub, sek)
        window.resize(*SIZE)
        window.show()
        window.show_page(window.RECEIVED)
        hub.runner.settle()
        path = args.out / f"laptops-received{'' if args.lang == 'id' else '-en'}.png"
        window.grab().save(str(path))
        print(path)
        for services in (hub, laptop, restored):
            services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
