"""Tests of the reusable Qt pieces: worker, error dialogs, timer, signature pad, i18n, settings."""

from __future__ import annotations

import importlib.util
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import (
    QLocale,
    QObject,
    QPoint,
    QPointF,
    QSettings,
    Qt,
    QThread,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QImage, QInputDevice, QPalette, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QPushButton

from juryapp.domain import messages
from juryapp.domain.messages import FileProblemError, Text, ValidationError
from juryapp.gui.errors import build_error_box, install_excepthook, show_error
from juryapp.gui.i18n import install_translators, resources_dir
from juryapp.gui.settings import AppSettings
from juryapp.gui.signature_pad import SignatureDialog, SignaturePad
from juryapp.gui.timer_window import (
    COLOURS,
    Phase,
    PresentationTimer,
    TimerDurations,
    TimerState,
    format_countdown,
)
from juryapp.gui.worker import BackgroundRunner, Cancelled, Progress

# A Qt warning is a bug in the widget or the test, as in qutebrowser.
pytestmark = pytest.mark.qt_log_level_fail("WARNING")

ROOT = Path(__file__).resolve().parents[2]
MINUTE = 60_000


# --- fixtures and fakes -----------------------------------------------------------------


@pytest.fixture(autouse=True)
def english_first(qapp: QApplication) -> Iterator[None]:
    """Each test starts in English, the source language, whatever an outer fixture chose,
    and leaves the languages as it found them."""
    installed = qapp.findChildren(QTranslator, "juryapp-translator")
    previous_domain = messages.current_language()
    previous_ui = previous_domain if installed else "en"
    previous_locale = QLocale()
    install_translators(qapp, "en")
    yield
    install_translators(qapp, previous_ui)
    messages.set_language(previous_domain)
    QLocale.setDefault(previous_locale)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[BackgroundRunner]:
    background = BackgroundRunner()
    yield background
    background.cancel_all()
    assert background.wait_for_done(5000)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Every message box that would have been shown; nothing blocks."""
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


class FakeClock:
    """Monotonic milliseconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> int:
        return self.now

    def advance(self, ms: int) -> None:
        self.now += ms


class Recorder:
    """Collects callback arguments, and the thread each callback ran on."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.threads: list[QThread] = []

    def success(self, value: object) -> None:
        self._record("success", value)

    def error(self, exc: BaseException) -> None:
        self._record("error", exc)

    def cancelled(self) -> None:
        self._record("cancelled", None)

    def _record(self, kind: str, value: object) -> None:
        self.calls.append((kind, value))
        self.threads.append(QThread.currentThread())

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.calls]


# --- worker -----------------------------------------------------------------------------


def test_worker_delivers_the_result_on_the_gui_thread(qtbot, qapp, runner):
    parent = QObject()
    recorder = Recorder()
    worker_threads: list[int] = []

    def work(progress: Progress) -> int:
        worker_threads.append(threading.get_ident())
        return 6 * 7

    task = runner.submit(
        parent,
        work,
        recorder.success,
        recorder.error,
        on_cancelled=recorder.cancelled,
    )
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert recorder.calls == [("success", 42)]
    assert recorder.threads == [qapp.thread()]
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert not task.is_running


def test_worker_delivers_the_exception_with_its_traceback(qtbot, runner):
    recorder = Recorder()

    def work(progress: Progress) -> None:
        raise ValueError("kolom Skor kosong")

    parent = QObject()
    task = runner.submit(parent, work, recorder.success, recorder.error)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert recorder.kinds() == ["error"]
    exc = recorder.calls[0][1]
    assert isinstance(exc, ValueError)
    assert blocker.args == [exc]
    assert exc.__traceback__ is not None


def test_worker_reports_progress(qtbot, runner):
    seen: list[tuple[int, int, str]] = []

    def work(progress: Progress) -> str:
        for done in range(1, 4):
            progress.report(done, 3, f"baris {done}")
        return "selesai"

    parent = QObject()
    task = runner.submit(parent, work, lambda _: None, lambda _: None)
    task.progressed.connect(lambda done, total, text: seen.append((done, total, text)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    # Reports close together are merged, but the first and the last always arrive.
    assert seen[0] == (1, 3, "baris 1")
    assert seen[-1] == (3, 3, "baris 3")


def test_worker_cancel_stops_the_work_without_an_error(qtbot, runner):
    recorder = Recorder()
    gate = threading.Event()
    started = threading.Event()

    def work(progress: Progress) -> str:
        started.set()
        gate.wait(5)
        progress.report(1, 10, "memproses")  # raises Cancelled once cancel was asked
        return "not reached"

    parent = QObject()
    task = runner.submit(
        parent,
        work,
        recorder.success,
        recorder.error,
        on_cancelled=recorder.cancelled,
    )
    qtbot.waitUntil(started.is_set, timeout=5000)
    task.cancel()
    assert task.is_cancel_requested
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        gate.set()
    assert recorder.kinds() == ["cancelled"]


def test_progress_raises_cancelled_when_asked():
    progress = Progress(lambda done, total, text: None)
    progress.raise_if_cancelled()
    progress._request_cancel()
    assert progress.cancelled
    with pytest.raises(Cancelled):
        progress.raise_if_cancelled()


def test_worker_dialog_cancel_button_cancels_the_task(qtbot, runner):
    recorder = Recorder()
    gate = threading.Event()

    def work(progress: Progress) -> None:
        gate.wait(5)
        progress.raise_if_cancelled()

    parent = QMainWindow()
    qtbot.addWidget(parent)
    task = runner.submit(
        parent,
        work,
        recorder.success,
        recorder.error,
        on_cancelled=recorder.cancelled,
        title="Mengimpor nilai",
    )
    assert task.dialog is not None
    assert task.dialog.labelText() == "Mengimpor nilai"
    (cancel_button,) = task.dialog.findChildren(QPushButton)
    assert cancel_button.text() == "Cancel"
    cancel_button.click()
    assert task.is_cancel_requested
    with qtbot.waitSignal(task.finished, timeout=5000):
        gate.set()
    assert recorder.kinds() == ["cancelled"]
    assert task.dialog is None


def test_worker_skips_callbacks_when_the_parent_is_gone(qtbot, runner):
    recorder = Recorder()
    gate = threading.Event()

    def work(progress: Progress) -> int:
        gate.wait(5)
        return 1  # ignores the cancel request: the result must still not be delivered

    parent = QObject()
    task = runner.submit(parent, work, recorder.success, recorder.error)
    del parent  # the window that asked closed while the work ran
    with qtbot.waitSignal(task.finished, timeout=5000):
        gate.set()
    assert recorder.calls == []


def test_worker_runs_tasks_one_at_a_time_in_order(qtbot, runner):
    order: list[str] = []
    parent = QObject()

    def job(name: str) -> Any:
        def work(progress: Progress) -> str:
            order.append(f"{name} start")
            order.append(f"{name} end")
            return name

        return work

    first = runner.submit(parent, job("a"), lambda _: None, lambda _: None)
    second = runner.submit(parent, job("b"), lambda _: None, lambda _: None)
    with qtbot.waitSignals([first.finished, second.finished], timeout=5000):
        pass
    assert order == ["a start", "a end", "b start", "b end"]


# --- error dialogs ----------------------------------------------------------------------

SCORE_TEXT = Text("Skor harus antara 1 dan 5.", "The score must be between 1 and 5.")


def test_jury_error_shows_its_text_in_indonesian(qapp, message_boxes):
    install_translators(qapp, "id")
    show_error(None, ValidationError(SCORE_TEXT))
    (box,) = message_boxes
    assert box.text() == "Skor harus antara 1 dan 5."
    assert box.windowTitle() == "Periksa kembali isian"
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.detailedText() == ""


def test_jury_error_follows_a_switch_to_english(qapp, message_boxes):
    install_translators(qapp, "id")
    install_translators(qapp, "en")
    show_error(None, ValidationError(SCORE_TEXT))
    assert message_boxes[0].text() == "The score must be between 1 and 5."
    assert message_boxes[0].windowTitle() == "Please check the input"


def test_file_problem_names_file_row_and_column(qapp, message_boxes):
    install_translators(qapp, "id")
    exc = FileProblemError(
        Text("Skor bukan angka.", "The score is not a number."),
        file="nilai-juri-2.xlsx",
        row=12,
        column="Skor K3",
    )
    show_error(None, exc)
    box = message_boxes[0]
    assert box.text() == "Skor bukan angka."
    assert box.informativeText() == "Berkas: nilai-juri-2.xlsx\nBaris: 12\nKolom: Skor K3"
    assert box.windowTitle() == "Masalah pada berkas"


def test_unexpected_error_hides_the_traceback_behind_details(qapp, message_boxes):
    try:
        raise RuntimeError("kaboom")
    except RuntimeError as exc:
        show_error(None, exc)
    box = message_boxes[0]
    assert box.icon() == QMessageBox.Icon.Critical
    assert "Traceback" not in box.text() and "kaboom" not in box.text()
    assert "unexpected error" in box.text()
    assert "Traceback (most recent call last)" in box.detailedText()
    assert "RuntimeError: kaboom" in box.detailedText()
    assert "juryapp " in box.detailedText().splitlines()[0]


def test_unexpected_error_in_indonesian_with_translated_details_button(qapp):
    install_translators(qapp, "id")
    box = build_error_box(None, KeyError("x"))
    assert box.windowTitle() == "Kesalahan tak terduga"
    buttons = {button.text() for button in box.findChildren(QPushButton)}
    assert "Tampilkan Detail..." in buttons


def test_os_error_names_the_file(qapp, message_boxes):
    show_error(None, PermissionError(13, "Permission denied", "rekap.pdf"))
    box = message_boxes[0]
    assert box.text() == "The file could not be read or written."
    assert "rekap.pdf" in box.informativeText()
    assert "Permission denied" in box.informativeText()


def test_excepthook_logs_and_shows_the_dialog(qapp, message_boxes, caplog):
    hook = install_excepthook(qapp)
    try:
        assert sys.excepthook is hook
        try:
            raise ZeroDivisionError("division by zero")
        except ZeroDivisionError:
            with caplog.at_level(logging.ERROR, logger="juryapp.gui.errors"):
                sys.excepthook(*sys.exc_info())
    finally:
        hook.uninstall()
    assert sys.excepthook is not hook
    assert len(message_boxes) == 1
    assert "ZeroDivisionError" in message_boxes[0].detailedText()
    assert any(record.levelno == logging.CRITICAL for record in caplog.records)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_becomes_a_dialog(qtbot, qapp, message_boxes):
    hook = install_excepthook(qapp)

    def broken_slot() -> None:
        raise LookupError("tim tidak ada")

    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(message_boxes) == 1, timeout=5000)
    finally:
        hook.uninstall()
    assert "LookupError: tim tidak ada" in message_boxes[0].detailedText()


# --- presentation timer -----------------------------------------------------------------


@pytest.fixture
def timer(qtbot) -> tuple[PresentationTimer, FakeClock]:
    clock = FakeClock()
    widget = PresentationTimer(convention="Konvensi Mutu 2024", clock=clock)
    widget.set_team("Puskesmas Kecamatan Kembangan", "SI CANTIK: cegah anemia remaja putri")
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget, clock


def window_colour(widget: PresentationTimer) -> str:
    return widget.palette().color(QPalette.ColorRole.Window).name()


@pytest.mark.parametrize(
    ("remaining_ms", "text"),
    [
        (15 * MINUTE, "15:00"),
        (15 * MINUTE - 1, "15:00"),
        (61_000, "01:01"),
        (1, "00:01"),
        (0, "00:00"),
        (-999, "00:00"),
        (-1000, "+00:01"),
        (-83_000, "+01:23"),
    ],
)
def test_format_countdown(remaining_ms, text):
    assert format_countdown(remaining_ms) == text


def test_timer_starts_ready_and_counts_down_with_space(qtbot, timer):
    widget, clock = timer
    assert widget.countdown_text() == "15:00"
    assert widget.phase() is Phase.PRESENTATION
    assert widget.phase_text() == "Presentation"
    assert widget.convention_text() == "Konvensi Mutu 2024"
    assert widget.status_text() == "Ready: press Space to start"
    assert window_colour(widget) == COLOURS[TimerState.NORMAL].background.name()

    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.is_running()
    clock.advance(MINUTE)
    widget.refresh()
    assert widget.countdown_text() == "14:00"
    assert widget.status_text() == ""


def test_timer_pause_holds_the_time(qtbot, timer):
    widget, clock = timer
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    clock.advance(30_000)
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert not widget.is_running()
    clock.advance(5 * MINUTE)  # paused: this time does not count
    widget.refresh()
    assert widget.countdown_text() == "14:30"
    assert widget.status_text() == "Paused: press Space to continue"
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    clock.advance(30_000)
    widget.refresh()
    assert widget.countdown_text() == "14:00"


def test_timer_turns_amber_then_red_and_counts_overtime(qtbot, timer):
    widget, clock = timer
    widget.start()
    clock.advance(13 * MINUTE - 1)
    widget.refresh()
    assert widget.state() is TimerState.NORMAL

    with qtbot.waitSignal(widget.state_changed) as changed:
        clock.advance(1)
        widget.refresh()
    assert changed.args == [TimerState.WARNING]
    assert widget.countdown_text() == "02:00"
    assert window_colour(widget) == "#ffb300"

    with qtbot.waitSignal(widget.time_up) as up:
        clock.advance(2 * MINUTE)
        widget.refresh()
    assert up.args == [Phase.PRESENTATION]
    assert widget.countdown_text() == "00:00"
    assert widget.state() is TimerState.OVERTIME
    assert window_colour(widget) == "#c62828"

    clock.advance(83_000)
    widget.refresh()
    assert widget.countdown_text() == "+01:23"


def test_timer_next_phase_keeps_running_and_reset_goes_back(qtbot, timer):
    widget, clock = timer
    widget.start()
    clock.advance(16 * MINUTE)
    widget.refresh()
    assert widget.state() is TimerState.OVERTIME

    with qtbot.waitSignal(widget.phase_changed) as changed:
        qtbot.keyClick(widget, Qt.Key.Key_N)
    assert changed.args == [Phase.QA]
    assert widget.phase_text() == "Questions and answers"
    assert widget.countdown_text() == "15:00"
    assert widget.state() is TimerState.NORMAL
    assert widget.is_running()
    clock.advance(MINUTE)
    widget.refresh()
    assert widget.countdown_text() == "14:00"

    qtbot.keyClick(widget, Qt.Key.Key_N)  # no phase after Q&A
    assert widget.phase() is Phase.QA

    qtbot.keyClick(widget, Qt.Key.Key_R)
    assert widget.phase() is Phase.PRESENTATION
    assert not widget.is_running()
    assert widget.countdown_text() == "15:00"


def test_timer_durations_and_warning_are_configurable(qtbot):
    clock = FakeClock()
    widget = PresentationTimer(
        clock=clock, durations=TimerDurations(presentation_s=7 * 60, qa_s=13 * 60, warning_s=60)
    )
    qtbot.addWidget(widget)
    assert widget.countdown_text() == "07:00"
    widget.start()
    clock.advance(5 * MINUTE)
    widget.refresh()
    assert widget.state() is TimerState.NORMAL  # 2 minutes left, warning is at 1
    clock.advance(MINUTE)
    widget.refresh()
    assert widget.state() is TimerState.WARNING
    widget.next_phase()
    assert widget.countdown_text() == "13:00"
    with pytest.raises(ValueError):
        TimerDurations(presentation_s=0)


def test_timer_full_screen_keys(qtbot, timer):
    widget, _ = timer
    qtbot.keyClick(widget, Qt.Key.Key_F11)
    qtbot.waitUntil(widget.isFullScreen)
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not widget.isFullScreen())
    qtbot.keyClick(widget, Qt.Key.Key_F)
    qtbot.waitUntil(widget.isFullScreen)
    qtbot.keyClick(widget, Qt.Key.Key_F)
    qtbot.waitUntil(lambda: not widget.isFullScreen())


def test_timer_fonts_follow_the_window_size(qtbot, timer):
    widget, _ = timer
    big = widget.findChild(QObject, "countdown").font().pixelSize()
    widget.resize(683, 384)
    small = widget.findChild(QObject, "countdown").font().pixelSize()
    assert small < big
    assert big >= 200  # readable from the back of the room at 1366×768


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_timer_with_one_screen_opens_as_a_window(qtbot, qapp):
    widget = PresentationTimer(clock=FakeClock())
    qtbot.addWidget(widget)
    screen = widget.show_on_presentation_screen()
    assert screen is qapp.primaryScreen()
    assert widget.isVisible() and not widget.isFullScreen()


def test_timer_uses_a_monotonic_clock_by_default(qtbot):
    widget = PresentationTimer()
    qtbot.addWidget(widget)
    widget.start()
    qtbot.waitUntil(lambda: widget.elapsed_ms() > 0, timeout=2000)
    assert widget.remaining_ms() < 15 * MINUTE


# --- signature pad ----------------------------------------------------------------------


def draw_wave(qtbot, pad: SignaturePad, y: int = 100) -> None:
    points = [QPoint(40 + 20 * i, y + (15 if i % 2 else -15)) for i in range(12)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


@pytest.fixture
def pad(qtbot) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(600, 220)
    widget.show()
    return widget


def test_signature_pad_starts_empty(pad):
    assert pad.is_empty()
    with pytest.raises(ValueError):
        pad.to_png()


def test_signature_pad_mouse_drawing_gives_a_cropped_transparent_png(qtbot, pad):
    with qtbot.waitSignal(pad.changed):
        draw_wave(qtbot, pad)
    assert not pad.is_empty()
    data = pad.to_png(width_px=600)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(data, "PNG")
    assert image.width() == 600
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # background stays transparent
    # Cropped to the ink: a 220 px wide, 30 px high wave becomes a wide, low picture.
    assert image.height() < image.width() / 2
    opaque = sum(
        image.pixelColor(x, y).alpha() > 200
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )
    assert opaque > 50


def test_signature_pad_clear_and_undo(qtbot, pad):
    draw_wave(qtbot, pad, y=70)
    draw_wave(qtbot, pad, y=140)
    assert pad.stroke_count() == 2
    with qtbot.waitSignal(pad.changed):
        pad.undo()
    assert pad.stroke_count() == 1
    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.is_empty()


def send_tablet_line(pad: SignaturePad, y: float, pressure: float) -> None:
    device = QPointingDevice(
        "test stylus",
        1,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )
    for kind, x in (
        (QTabletEvent.Type.TabletPress, 100.0),
        (QTabletEvent.Type.TabletMove, 200.0),
        (QTabletEvent.Type.TabletMove, 300.0),
        (QTabletEvent.Type.TabletRelease, 300.0),
    ):
        pos = QPointF(x, y)
        event = QTabletEvent(
            kind,
            device,
            pos,
            pad.mapToGlobal(pos),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad, event)


def test_signature_pad_stylus_pressure_sets_the_width(pad):
    send_tablet_line(pad, 60, pressure=0.05)
    light = pad.ink_bounds().height()
    pad.clear()
    send_tablet_line(pad, 60, pressure=1.0)
    heavy = pad.ink_bounds().height()
    assert pad.stroke_count() == 1
    assert heavy > light * 1.5


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_signature_dialog_returns_png_bytes(qtbot, qapp):
    install_translators(qapp, "id")
    dialog = SignatureDialog(signer="dr. Ratna Sari, M.K.M.")
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = {button.text(): button for button in dialog.findChildren(QPushButton)}
    assert {"Hapus", "Urungkan", "OK", "Batal"} <= set(buttons)
    assert not buttons["OK"].isEnabled()

    dialog.pad.resize(600, 220)
    draw_wave(qtbot, dialog.pad)
    assert buttons["OK"].isEnabled()
    qtbot.mouseClick(buttons["Hapus"], Qt.MouseButton.LeftButton)
    assert dialog.pad.is_empty() and not buttons["OK"].isEnabled()

    draw_wave(qtbot, dialog.pad)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(buttons["OK"], Qt.MouseButton.LeftButton)
    png = dialog.png()
    assert png is not None and png.startswith(b"\x89PNG")


# --- translations -----------------------------------------------------------------------


def test_compiled_indonesian_translation_is_shipped():
    assert (resources_dir() / "i18n" / "juryapp_id.qm").is_file()


def test_language_switch_retranslates_open_widgets(qtbot, qapp):
    widget = PresentationTimer(clock=FakeClock())
    qtbot.addWidget(widget)
    widget.show()
    assert widget.phase_text() == "Presentation"

    installed = install_translators(qapp, "id")
    assert installed
    qtbot.waitUntil(lambda: widget.phase_text() == "Presentasi")
    assert widget.windowTitle() == "Pengatur Waktu Presentasi"
    assert widget.status_text() == "Siap: tekan Spasi untuk memulai"
    assert messages.current_language() == "id"
    assert QLocale().name() == "id_ID"
    widget.next_phase()
    assert widget.phase_text() == "Tanya Jawab"

    install_translators(qapp, "en")
    qtbot.waitUntil(lambda: widget.phase_text() == "Questions and answers")
    assert messages.current_language() == "en"


def test_installing_again_replaces_the_previous_translators(qapp):
    first = install_translators(qapp, "id")
    second = install_translators(qapp, "id")
    assert len(second) == len(first) >= 1  # one per shipped catalogue
    assert len(qapp.findChildren(QTranslator, "juryapp-translator")) == len(second)
    assert install_translators(qapp, "en") == []
    assert qapp.findChildren(QTranslator, "juryapp-translator") == []
    with pytest.raises(ValueError):
        install_translators(qapp, "fr")


def load_i18n_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


# The contexts of the widgets in this file; screens bring their own (CI runs the whole check
# with `python tools/i18n.py update --check`).
SHARED_CONTEXTS = {
    "ErrorDialog",
    "PresentationTimer",
    "QMessageBox",
    "QPlatformTheme",
    "SignatureDialog",
    "SignaturePad",
    "Task",
}


def test_shared_widgets_are_fully_translated():
    tool = load_i18n_tool()
    missing = tool.unfinished(ROOT / "resources" / "i18n" / "juryapp_id.ts")
    assert [item for item in missing if item.context in SHARED_CONTEXTS] == []


def test_i18n_check_finds_unfinished_messages(tmp_path):
    tool = load_i18n_tool()
    ts = tmp_path / "juryapp_id.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="id" sourcelanguage="en">\n'
        "<context><name>Demo</name>\n"
        '<message><location filename="../x.py" line="3"/><source>Done</source>'
        "<translation>Selesai</translation></message>\n"
        "<message><source>Score</source>"
        '<translation type="unfinished"></translation></message>\n'
        "<message><source>Gone</source>"
        '<translation type="vanished">Hilang</translation></message>\n'
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    missing = tool.unfinished(ts)
    assert [(item.context, item.source, item.filename) for item in missing] == [
        ("Demo", "Score", "../x.py")
    ]
    assert tool.report(ts, missing) == 1


# --- settings ---------------------------------------------------------------------------


def test_settings_round_trip(tmp_path):
    path = tmp_path / "juryapp.ini"
    settings = AppSettings(path)
    assert settings.language == "id"
    assert settings.last_database is None
    assert settings.timer_durations == TimerDurations()

    settings.language = "en"
    settings.last_database = tmp_path / "konvensi-2024.sqlite"
    settings.timer_durations = TimerDurations(presentation_s=420, qa_s=780, warning_s=60)
    settings.sync()

    again = AppSettings(path)
    assert again.language == "en"
    assert again.last_database == tmp_path / "konvensi-2024.sqlite"
    assert again.timer_durations == TimerDurations(presentation_s=420, qa_s=780, warning_s=60)

    again.last_database = None
    assert again.last_database is None
    with pytest.raises(ValueError):
        again.language = "jv"


def test_settings_tolerate_a_hand_edited_file(tmp_path):
    path = tmp_path / "juryapp.ini"
    path.write_text("[ui]\nlanguage=klingon\n[timer]\nqa_seconds=lama\n", encoding="utf-8")
    settings = AppSettings(path)
    assert settings.language == "id"
    assert settings.timer_durations.qa_s == 15 * 60


def test_settings_window_geometry_round_trip(qtbot, tmp_path):
    settings = AppSettings(tmp_path / "juryapp.ini")
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(812, 534)
    window.show()
    assert not settings.restore_window(window, "main")
    settings.save_window(window, "main")
    settings.sync()

    restored = QMainWindow()
    qtbot.addWidget(restored)
    assert AppSettings(tmp_path / "juryapp.ini").restore_window(restored, "main")
    # The offscreen platform guesses window frames, so allow a frame's width of slack.
    assert abs(restored.width() - window.width()) <= 20
    assert restored.height() == window.height()


def test_default_settings_use_the_juryapp_ini_under_the_user_folder(tmp_path):
    probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "probe", "probe")
    original = str(Path(probe.fileName()).parent.parent)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    try:
        settings = AppSettings()
        assert settings.file_path == tmp_path / "juryapp" / "juryapp.ini"
    finally:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, original)


# --- the Qt binding itself --------------------------------------------------------------


def test_qt_calls_keep_none_alive(qapp):
    """PySide6 6.12.0 dropped a reference to None per void call; a long session aborted."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 10
