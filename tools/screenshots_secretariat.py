"""Saves screenshots of the secretariat screens on a fresh demo database (1366×768, offscreen)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from juryapp.bootstrap import open_services
from juryapp.gui.i18n import install_translators
from juryapp.services.demo import load_demo

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from juryapp.gui.secretariat import SecretariatWindow  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(Path(folder) / "demo.sqlite3")
        try:
            demo = load_demo(services.database, services.setup, services.accounts)
            actor = services.accounts.sign_in("sekretariat", "jakbar2024")
            window = SecretariatWindow(services, actor)
            window.resize(*SIZE)
            window.show()

            def shoot(name: str) -> None:
                for _ in range(3):
                    app.processEvents()
                path = args.out / name
                window.grab().save(str(path))
                print(path)

            window.show_page(window.DASHBOARD)
            shoot("dashboard.png")
            window.open_sheet(*demo.pending)
            for code, score in zip(("K1", "K2", "K3"), ("4", "3", "5"), strict=True):
                window.paper.save_score(code, score)
            shoot("paper-entry.png")
            window.show_page(window.RESULTS)
            window.results.select_category("PKM")
            window.results.ranking_view.selectRow(1)
            shoot("results.png")
            window.show_page(window.SETUP)
            window.setup.tabs.setCurrentWidget(window.setup.rubric)
            shoot("setup-rubric.png")
            # Mid-morning of the first day, so the now/next panel has something to show.
            window.schedule.set_clock(lambda: datetime(2024, 9, 18, 10, 50))
            window.show_page(window.SCHEDULE)
            window.schedule.view.selectRow(4)
            shoot("schedule.png")
            # Last, because it locks the results: the signed print and its fingerprint.
            services.publishing.lock(actor, "rekap final untuk pleno")
            window.show_page(window.PRINT)
            window.print.set_output_folder(Path(folder) / "juryapp-dokumen")
            task = window.print.create_pdfs()
            if task is not None:
                loop = QEventLoop()
                task.finished.connect(loop.quit)
                loop.exec()
            shoot("print.png")
            window.close()
        finally:
            services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
