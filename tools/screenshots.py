"""Saves screenshots of the start page, the wizard, sign-in and the judge's screens."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from juryapp.bootstrap import Services, bootstrap
from juryapp.gui.app_window import AppWindow
from juryapp.gui.launch import apply_language
from juryapp.gui.settings import AppSettings
from juryapp.services.demo import DemoInfo, load_demo

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)
# The demo's second day, so that the sheet left to score belongs to "today".
DEMO_TODAY = date(2024, 9, 19)


@dataclass
class Studio:
    """What every shot gets: the app, a demo database and where to save."""

    app: QApplication
    services: Services
    demo: DemoInfo
    settings: AppSettings
    database: Path
    out: Path
    lang: str

    def main_window(self) -> AppWindow:
        window = AppWindow(
            self.services,
            self.settings,
            database_path=self.database,
            switch_language=lambda lang: apply_language(self.app, lang),
            today=DEMO_TODAY,
        )
        window.resize(*SIZE)
        window.show()
        window.finish_loading()
        self.settle(window.services)
        return window

    def settle(self, services: Services | None = None) -> None:
        """Until the reads and saves the screens asked for are done and shown."""
        (services or self.services).runner.settle()

    def save(self, widget: QWidget, name: str) -> Path:
        self.settle()
        stem, dot, extension = name.rpartition(".")
        path = self.out / (name if self.lang == "id" else f"{stem}-en{dot}{extension}")
        widget.grab().save(str(path))
        print(path)
        return path


Shot = Callable[[Studio], None]
SHOTS: list[Shot] = []


def shot(function: Shot) -> Shot:
    """Register a screenshot; other screens add theirs by importing this and decorating."""
    SHOTS.append(function)
    return function


def empty_window(studio: Studio) -> AppWindow:
    """The main window on a database of its own that holds no convention yet."""
    database = studio.database.with_name("kosong.sqlite3")
    window = AppWindow(
        bootstrap(database),
        studio.settings,
        database_path=database,
        switch_language=lambda lang: apply_language(studio.app, lang),
    )
    window.resize(*SIZE)
    window.show()
    window.finish_loading()
    studio.settle(window.services)
    return window


@shot
def start_and_wizard(studio: Studio) -> None:
    from juryapp.domain.model import Category  # noqa: PLC0415

    window = empty_window(studio)
    studio.save(window, "start.png")
    wizard = window.start_page.new_wizard()
    wizard.resize(1280, 720)
    wizard.show()
    form = wizard.details.form.editors
    for name, text in (
        ("name", "Konvensi Mutu Bidang Kesehatan Kota Administrasi Jakarta Barat 2025"),
        ("theme", "Inovasi Layanan Kesehatan untuk Warga Lanjut Usia"),
        ("organiser", "Suku Dinas Kesehatan Kota Administrasi Jakarta Barat"),
        ("organiser_head_title", "Kepala Suku Dinas Kesehatan Kota Administrasi Jakarta Barat"),
        ("organiser_head_name", "dr. Ratna Sekar Kusumadewi, M.K.M."),
        ("city", "Jakarta"),
    ):
        form[name].setText(text)  # type: ignore[attr-defined]
    studio.save(wizard, "wizard-details.png")
    for code, category, quota in (
        ("PKM", "Puskesmas", 3),
        ("RSUD", "RSUD", 3),
        ("RSS", "RS Swasta", 1),
    ):
        wizard.categories.categories.add(Category(code, category, quota))
    wizard.next()
    wizard.next()
    studio.save(wizard, "wizard-categories.png")
    wizard.next()
    studio.save(wizard, "wizard-rubric.png")
    wizard.next()
    studio.save(wizard, "wizard-teams.png")
    for _ in range(3):
        wizard.next()
    wizard.accounts.first.username.setText("rina")
    studio.save(wizard, "wizard-accounts.png")
    wizard.accounts.first.secret.setText("kata-sandi-rina")
    wizard.accounts.first.repeat.setText("kata-sandi-rina")
    wizard.next()
    studio.save(wizard, "wizard-checklist.png")
    wizard.close()
    window.close_services()
    window.close()


@shot
def sign_in(studio: Studio) -> None:
    window = studio.main_window()
    window.sign_in_page.select_judge("j1")
    studio.save(window, "signin.png")
    window.close()


@shot
def judge_screens(studio: Studio) -> None:
    window = studio.main_window()
    assert studio.demo.pending is not None
    judge, team = studio.demo.pending
    window.enter(studio.services.accounts.sign_in(judge.lower(), "1111"))
    area = window.judge_area
    assert area is not None
    studio.settle()
    area.queue.select_team(team)
    studio.save(window, "judge-queue.png")
    area.open_team(team)
    studio.settle()
    # Three scores typed as a judge would, so the total and "saved" show.
    for position, digit in enumerate("453"):
        QTest.keyClick(area.sheet.score_edits()[position], digit)
    studio.save(window, "judge-sheet.png")
    window.close()


@shot
def verify_dialog(studio: Studio) -> None:
    """The document check, open without signing in, on a certificate's QR code.

    The code is signed with a key made for the picture, so the demo database stays unlocked
    for the other shots.
    """
    from juryapp.domain.access import Actor  # noqa: PLC0415
    from juryapp.domain.formatting import format_score  # noqa: PLC0415
    from juryapp.reports.claims import DocumentClaim, sign_claim  # noqa: PLC0415
    from juryapp.reports.convention_key import create_convention_key  # noqa: PLC0415
    from juryapp.reports.document_kinds import DocumentKind  # noqa: PLC0415
    from juryapp.reports.fingerprint import fingerprint_of_certificate  # noqa: PLC0415

    info = studio.services.setup.spec().info
    category = studio.services.results.compute(Actor.reader()).categories[0]
    winner = category.teams[0]
    assert winner.rank is not None and winner.score is not None
    key = create_convention_key(info.name, info.organiser or info.name)
    claim = DocumentClaim(
        DocumentKind.CERTIFICATE,
        info.name,
        winner.code,
        winner.institution,
        category.name,
        rank=winner.rank,
        advances=winner.advances,
        score=format_score(winner.score, "id"),
        results_version=1,
    )
    window = studio.main_window()
    dialog = window.open_verify_dialog()
    dialog.resize(780, 700)
    dialog.key.setText(fingerprint_of_certificate(key.certificate_pem))
    dialog.code.setPlainText(sign_claim(claim, key).text)
    task = dialog.check_code()
    while task is not None and task.is_running:
        studio.app.processEvents()
    studio.save(dialog, "verify-dialog.png")
    dialog.close()
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--lang", default="id", choices=("id", "en"), help="id writes NAME.png, en NAME-en.png"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    font = app.font()
    font.setPointSize(max(font.pointSize(), 11))
    app.setFont(font)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        apply_language(app, args.lang)
        database = Path(folder) / "demo.sqlite3"
        services = bootstrap(database)
        try:
            demo = load_demo(services.database, services.setup, services.accounts, services.keys)
            studio = Studio(
                app,
                services,
                demo,
                AppSettings(Path(folder) / "juryapp.ini"),
                database,
                args.out,
                args.lang,
            )
            for take in SHOTS:
                take(studio)
        finally:
            services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
