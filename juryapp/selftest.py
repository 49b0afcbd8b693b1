"""``juryapp --self-test``: checks an installed or frozen app end to end, offline."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfmetrics

from juryapp import __version__
from juryapp.bootstrap import Services, bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Method, Role
from juryapp.interchange.columns import SCORE_COLUMNS
from juryapp.interchange.tabular import read_table, write_table
from juryapp.persistence.migrate import current_revision, head_revision
from juryapp.reckoner import marks_by_team, ranks_only
from juryapp.reports.fonts import SANS, register_fonts
from juryapp.resources import resource, resources_dir
from juryapp.services.demo import DEMO_PASSPHRASE, load_demo

__all__ = ["SelfTest", "StepFailedError", "run_self_test"]

REQUIRED_FONTS = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic.ttf",
    "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold.ttf",
)
REQUIRED_CATALOGUES = ("juryapp_id.qm", "judge_id.qm", "secretariat_id.qm")
LOCK_REASON = "self-test"


class StepFailedError(Exception):
    """A check inside a step did not hold."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailedError(message)


@dataclass
class SelfTest:
    """Runs named steps in order, printing one line per step; later steps need earlier ones."""

    out: TextIO
    failures: list[str] = field(default_factory=list)

    def step(self, name: str, action: Callable[[], str | None]) -> bool:
        # The name goes out before the work, so a crash inside Qt still shows which step it was.
        self.out.write(f"{name:<14}")
        self.out.flush()
        started = time.perf_counter()
        try:
            detail = action()
        except Exception as exc:
            elapsed = time.perf_counter() - started
            self.out.write(f"FAILED  {elapsed:6.2f} s  {type(exc).__name__}: {exc}\n")
            if os.environ.get("JURYAPP_SELF_TEST_TRACEBACK"):
                traceback.print_exc(file=self.out)
            self.out.flush()
            self.failures.append(name)
            return False
        elapsed = time.perf_counter() - started
        self.out.write(f"OK      {elapsed:6.2f} s  {detail or ''}".rstrip() + "\n")
        self.out.flush()
        return True


def _environment() -> str:
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    return f"juryapp {__version__} ({frozen}), Python {sys.version.split()[0]}, {sys.platform}"


def _check_resources() -> str:
    folder = resources_dir()
    _check(folder.is_dir(), f"no resources folder at {folder}")
    for name in REQUIRED_FONTS:
        path = resource("fonts", name)
        _check(path.is_file() and path.stat().st_size > 0, f"missing font {path}")
    for name in REQUIRED_CATALOGUES:
        path = resource("i18n", name)
        _check(path.is_file() and path.stat().st_size > 0, f"missing translation {path}")
    for name in ("convention.toml", "scores.csv"):
        _check(resource("demo", name).is_file(), f"missing demo file {name}")
    return str(folder)


def _check_fonts() -> str:
    register_fonts()
    face = pdfmetrics.getFont(SANS)
    width = pdfmetrics.stringWidth("Ṡêlamat", SANS, 10)
    _check(width > 0, "the document font measures no width")
    # without it ReportLab falls back to Python silently, and a print run is slower for it
    _check(bool(getattr(rl_accel, "_c_funcs", None)), "ReportLab's C accelerator is missing")
    return f"{len(REQUIRED_FONTS)} faces, {face.fontName}, C accelerator"


def _check_spreadsheet(folder: Path) -> str:
    """A score template written and read back as .xlsx: openpyxl and the XML reader."""
    path = folder / "scores.xlsx"
    headers = [column.key for column in SCORE_COLUMNS]
    row = [f"{column.key}-1" for column in SCORE_COLUMNS]
    write_table(path, headers, [row])
    rows = read_table(path, SCORE_COLUMNS)
    _check(len(rows) == 1, f"read {len(rows)} rows back instead of 1")
    _check(list(rows[0].values.values()) == row, "the cells read back differ")
    return f"{len(headers)} columns"


def _run_services(test: SelfTest, database: Path, out_dir: Path) -> bool:
    """Database, demo, results, lock, documents and verification on one temporary database."""
    opened: list[Services] = []
    signed_in: list[Actor] = []
    written: list[Path] = []

    def open_database() -> str:
        opened.append(bootstrap(database))
        revision = current_revision(opened[0].database.engine)
        _check(revision is not None and revision == head_revision(), "schema not at head")
        return f"schema {revision}"

    def demo() -> str:
        services = opened[0]
        info = load_demo(
            services.database, services.setup, services.accounts, services.keys, complete=True
        )
        _check(services.database.has_convention(), "the demo left no convention")
        first = info.credentials[0]
        signed_in.append(services.accounts.sign_in(first.username, first.secret))
        return f"{len(info.credentials)} accounts"

    def results() -> str:
        computed = opened[0].results.compute(signed_in[0])
        _check(len(computed.categories) > 0, "no categories in the results")
        return f"{len(computed.categories)} categories"

    def reckoning() -> str:
        """The rankings read in a second process, as the desktop app reads them."""
        apart = bootstrap(database, reads_apart=True)
        opened.append(apart)
        method = Method.MEAN
        read = apart.reckoner.rankings(signed_in[0], method)
        pid = apart.reckoner.process_id()
        _check(pid is not None and pid != os.getpid(), "no second process answered")
        here = opened[0].results.compute(signed_in[0], method)
        same = read.by_method == {method: ranks_only(here)} and read.marks == marks_by_team(here)
        _check(same, "the second process reckoned differently")
        return f"process {pid}, {len(here.categories)} categories"

    def lock() -> str:
        services = opened[0]
        state = services.locking.lock(signed_in[0], LOCK_REASON, DEMO_PASSPHRASE)
        report = services.integrity.check(signed_in[0])
        _check(report.ok, f"audit: {'; '.join(map(str, report.findings))}")
        return f"version {state.version}, sealed at {report.head}"

    def publish() -> str:
        files = opened[0].publishing.publish(signed_in[0], out_dir, passphrase=DEMO_PASSPHRASE)
        _check(len(files) > 0, "no documents written")
        unsigned = [f.path.name for f in files if not f.signed]
        _check(not unsigned, f"unsigned: {', '.join(unsigned)}")
        written.extend(f.path for f in files)
        size = sum(p.stat().st_size for p in written)
        return f"{len(files)} PDF files, {size // 1024} KiB"

    def verify() -> str:
        _check(bool(written), "nothing to verify")
        check = opened[0].verification.verify
        refused = [p.name for p in written if not check(signed_in[0], p).ok]
        _check(not refused, f"not verified: {', '.join(refused)}")
        return f"{len(written)} signatures valid"

    try:
        for name, action in (
            ("database", open_database),
            ("demo", demo),
            ("results", results),
            ("reckoning", reckoning),
            ("lock", lock),
            ("documents", publish),
            ("verify", verify),
        ):
            if not test.step(name, action):
                return False
    finally:
        for services in opened:
            services.close()
    return True


def _qt_platform() -> str:
    """The platform plugin to try: the one asked for, the native one, or offscreen."""
    asked = os.environ.get("QT_QPA_PLATFORM")
    if asked:
        return asked
    has_display = sys.platform in ("win32", "darwin") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if not has_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen"
    return "native"


def _check_qt(database: Path, folder: Path) -> str:
    """Qt, its platform plugin, the translations and the main window (never shown)."""
    platform = _qt_platform()
    # Qt loads inside its step, so a broken Qt (a missing plugin or library) fails this step
    # with a reason instead of the whole self-test, and the other steps run without it.
    from PySide6.QtCore import QTranslator  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from juryapp.gui.app_window import AppWindow  # noqa: PLC0415
    from juryapp.gui.launch import apply_language  # noqa: PLC0415
    from juryapp.gui.settings import AppSettings  # noqa: PLC0415

    # Imported by name at run time, so a freezer cannot see it: check it is in the build.
    importlib.import_module("juryapp.gui.secretariat").SecretariatWindow  # noqa: B018

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    for name in REQUIRED_CATALOGUES:
        translator = QTranslator()
        _check(translator.load(str(resource("i18n", name))), f"Qt cannot load {name}")
    apply_language(app, "id")
    services = bootstrap(database)
    settings = AppSettings(folder / "settings.ini")
    window = AppWindow(
        services, settings, database_path=database, switch_language=lambda _lang: None
    )
    try:
        window.enter(Actor(username="selftest", role=Role.SECRETARIAT, user_id=1))
        _check(window.actor is not None, "sign-in did not open the secretariat screens")
        app.processEvents()
        window.sign_out()
    finally:
        window.close()
        window.close_services()
        window.deleteLater()
        app.processEvents()
    return f"{app.platformName()} (asked: {platform}), Qt window built"


def _remove_scratch(folder: Path) -> str:
    """Remove the scratch folder: nothing may still be writing in it once the app closed
    (a database opened again after closing would leave its -wal file behind)."""
    try:
        shutil.rmtree(folder)
    except OSError as exc:
        left = sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))
        raise OSError(f"{exc.strerror}; still written to: {', '.join(left[:5])}") from exc
    return "nothing left open"


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check in a temporary folder; 0 only if all of them passed."""
    stream = out if out is not None else sys.stdout
    test = SelfTest(stream)
    stream.write(f"{_environment()}\n")
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="juryapp-selftest-"))
    database = folder / "selftest.sqlite3"
    test.step("resources", _check_resources)
    test.step("fonts", _check_fonts)
    test.step("spreadsheet", lambda: _check_spreadsheet(folder))
    if _run_services(test, database, folder / "documents"):
        test.step("qt", lambda: _check_qt(database, folder))
    else:
        test.failures.append("qt (not run)")
    test.step("closed", lambda: _remove_scratch(folder))
    total = time.perf_counter() - started
    if test.failures:
        stream.write(f"self-test FAILED in {total:.1f} s: {', '.join(test.failures)}\n")
        return 1
    stream.write(f"self-test passed in {total:.1f} s\n")
    return 0
