"""Saves screenshots of the secretariat screens on a fresh demo database (1366×768)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from juryapp.bootstrap import Services, bootstrap
from juryapp.gui.i18n import install_translators
from juryapp.services.demo import DEMO_PASSPHRASE, load_demo

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)


def settle(_app: QApplication, services: Services) -> None:
    """Until every read and save the screens asked for is done and shown (off the GUI
    thread, as in the app)."""
    services.runner.settle()


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 - one shot after another
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--lang", default="id", choices=("id", "en"), help="id writes NAME.png, en NAME-en.png"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "id" else "-en"

    from juryapp.gui.secretariat import SecretariatWindow  # noqa: PLC0415

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    font = app.font()
    font.setPointSize(max(font.pointSize(), 11))
    app.setFont(font)
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory() as folder:
        services = bootstrap(Path(folder) / "demo.sqlite3")
        try:
            demo = load_demo(services.database, services.setup, services.accounts, services.keys)
            actor = services.accounts.sign_in("sekretariat", "jakbar2024")
            second = services.accounts.sign_in("sekretariat2", "jakbar2024b")
            window = SecretariatWindow(services, actor)
            window.resize(*SIZE)
            window.show()

            def shoot(name: str, widget: QWidget | None = None) -> None:
                settle(app, services)
                path = args.out / f"{name}{suffix}.png"
                (widget or window).grab().save(str(path))
                print(path)

            def dialog_shot(name: str, make: Callable[[], QWidget | None]) -> None:
                dialog = make()
                if dialog is None:
                    return
                dialog.show()
                shoot(name, dialog)
                dialog.close()
                dialog.deleteLater()

            window.show_page(window.DASHBOARD)
            shoot("dashboard")
            assert demo.pending is not None
            window.open_sheet(*demo.pending)
            settle(app, services)
            for code, score in zip(("K1", "K2", "K3"), ("4", "3", "5"), strict=True):
                window.paper.save_score(code, score)
            shoot("paper-entry")
            window.open_sheet("J2", "RSUD-01")  # a laptop sheet: values, not boxes
            shoot("paper-laptop-sheet")
            window.open_sheet(*demo.pending)
            settle(app, services)
            for code in window.paper.fields:
                window.paper.save_score(code, "4")
            window.paper.submit()
            settle(app, services)
            checker = SecretariatWindow(services, second)
            checker.resize(*SIZE)
            checker.open_sheet(*demo.pending)
            settle(app, services)

            def reentry() -> QWidget | None:
                made: list[QWidget] = []
                checker.paper.reentry_ready.connect(made.append)
                checker.paper.ask_for_reentry()
                settle(app, services)
                if not made:
                    return None
                dialog = made[0]
                for code, field in dialog.fields.items():  # type: ignore[attr-defined]
                    field.setText("3" if code == "K4" else "4")
                dialog.compare()  # type: ignore[attr-defined]
                settle(app, services)
                dialog.resize(760, 640)
                return dialog

            dialog_shot("paper-reentry", reentry)
            window.show_page(window.RESULTS)
            settle(app, services)  # the rankings arrive from the worker
            window.results.select_category("PKM")
            window.results.ranking_view.selectRow(1)
            shoot("results")
            window.results.details.setCurrentWidget(window.results.compare_view)
            settle(app, services)  # every method reckoned once the tab is open
            shoot("results-methods")
            window.results.details.setCurrentIndex(0)

            def lock_dialog() -> QWidget | None:
                made: list[QWidget] = []
                window.results.lock_dialog_ready.connect(made.append)
                window.results.ask_for_lock_dialog()
                settle(app, services)
                if made:
                    made[0].resize(900, 520)
                return made[0] if made else None

            dialog_shot("lock-dialog", lock_dialog)
            window.show_page(window.SETUP)
            shoot("setup-details")
            window.setup.tabs.setCurrentWidget(window.setup.rubric)
            shoot("setup-rubric")
            window.setup.tabs.setCurrentWidget(window.setup.conflict_editor)
            shoot("setup-conflicts")
            # Mid-morning of the first day, so the now/next panel has something to show.
            window.schedule.set_clock(lambda: datetime(2024, 9, 18, 10, 50))
            window.show_page(window.SCHEDULE)
            window.schedule.view.selectRow(4)
            shoot("schedule")
            timer = window.schedule.open_timer()
            assert timer is not None
            timer.resize(*SIZE)
            shoot("timer", timer)
            window.schedule.close_timer()
            window.show_page(window.ACCOUNTS)
            window.accounts.view.selectRow(2)
            shoot("accounts")
            # Last, because it locks the results: the signed print and its fingerprint.
            services.scoring.abstain(actor, *demo.pending, "juri berhalangan hadir")
            services.locking.lock(actor, "rekap final untuk pleno", DEMO_PASSPHRASE)
            window.show_page(window.PRINT)  # the window's watcher saw the lock
            settle(app, services)
            window.print.set_output_folder(Path(folder) / "juryapp-dokumen")
            window.print.create_pdfs(passphrase=DEMO_PASSPHRASE)
            shoot("print")
            window.show_page(window.SETUP)
            shoot("setup-locked")
            checker.close()
            window.close()
        finally:
            services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
