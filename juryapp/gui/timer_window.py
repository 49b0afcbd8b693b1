"""The presentation and Q&A countdown shown to the room on a projector or second screen."""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

__all__ = [
    "Clock",
    "Phase",
    "PresentationTimer",
    "TimerDurations",
    "TimerState",
    "format_countdown",
]

Clock = Callable[[], int]
"""Monotonic milliseconds; injected by tests so they need not wait 15 minutes."""

_TICK_MS = 100
# The widest text the countdown shows; the font is sized so that it fits.
_WIDEST_COUNTDOWN = "+88:88"


class Phase(enum.Enum):
    PRESENTATION = "presentation"
    QA = "qa"


class TimerState(enum.Enum):
    NORMAL = "normal"
    WARNING = "warning"
    OVERTIME = "overtime"


@dataclass(frozen=True)
class TimerDurations:
    """Length of each phase and of the amber warning before the end, in seconds."""

    presentation_s: int = 15 * 60
    qa_s: int = 15 * 60
    warning_s: int = 2 * 60

    def __post_init__(self) -> None:
        if self.presentation_s <= 0 or self.qa_s <= 0:
            raise ValueError("each phase must last at least one second")
        if self.warning_s < 0:
            raise ValueError("the warning time cannot be negative")

    def of(self, phase: Phase) -> int:
        return self.presentation_s if phase is Phase.PRESENTATION else self.qa_s


@dataclass(frozen=True)
class _Colours:
    background: QColor
    text: QColor


# Whole-screen colour changes are what a presenter notices from the stage, not digits alone.
COLOURS: dict[TimerState, _Colours] = {
    TimerState.NORMAL: _Colours(QColor("#0f1b2d"), QColor("#ffffff")),
    TimerState.WARNING: _Colours(QColor("#ffb300"), QColor("#1a1a1a")),
    TimerState.OVERTIME: _Colours(QColor("#c62828"), QColor("#ffffff")),
}


def format_countdown(remaining_ms: int) -> str:
    """``mm:ss`` left, rounded up so "00:00" appears only at the end; then ``+mm:ss`` over."""
    if remaining_ms > 0:
        seconds = math.ceil(remaining_ms / 1000)
        return f"{seconds // 60:02d}:{seconds % 60:02d}"
    over = -remaining_ms // 1000
    if over == 0:
        return "00:00"
    return f"+{over // 60:02d}:{over % 60:02d}"


def _state_for(remaining_ms: int, warning_ms: int) -> TimerState:
    if remaining_ms <= 0:
        return TimerState.OVERTIME
    if remaining_ms <= warning_ms:
        return TimerState.WARNING
    return TimerState.NORMAL


class PresentationTimer(QWidget):
    """Countdown for one team: presentation, then questions and answers.

    Time is read from a monotonic clock at each tick instead of being counted in ticks,
    so a busy event loop delays the display but never makes the time drift.

    Keys: Space start/pause, N next phase, R reset, F or F11 full screen, Esc leave it.
    """

    phase_changed = Signal(object)  # Phase
    state_changed = Signal(object)  # TimerState
    running_changed = Signal(bool)
    time_up = Signal(object)  # Phase whose time has just run out

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        convention: str = "",
        durations: TimerDurations | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        if clock is None:
            elapsed = QElapsedTimer()
            elapsed.start()
            clock = elapsed.elapsed  # the bound method keeps the QElapsedTimer alive
        self._clock = clock
        self._durations = durations or TimerDurations()
        self._phase = Phase.PRESENTATION
        self._running = False
        self._banked_ms = 0  # time run in this phase before the last start
        self._started_at = 0
        self._state = TimerState.NORMAL
        self._time_up_sent = False

        self._ticker = QTimer(self)
        self._ticker.setInterval(_TICK_MS)
        self._ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self._ticker.timeout.connect(self.refresh)

        self._convention = self._label("convention")
        self._caption = self._label("caption")
        self._institution = self._label("institution", wrap=True)
        self._title = self._label("title", wrap=True)
        self._phase_label = self._label("phase")
        self._countdown = self._label("countdown")
        self._countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self._status = self._label("status")
        self._keys = self._label("keys", wrap=True)

        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self._convention)
        layout.addWidget(self._caption)
        layout.addWidget(self._institution)
        layout.addWidget(self._title)
        layout.addStretch(1)
        layout.addWidget(self._phase_label)
        layout.addWidget(self._countdown, 6)
        layout.addStretch(1)
        layout.addWidget(self._status)
        layout.addWidget(self._keys)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.setMinimumSize(480, 270)
        self.set_convention(convention)
        self._caption.setVisible(False)  # until a team is set
        self._apply_colours(TimerState.NORMAL)
        self._retranslate()
        self.refresh()

    def _label(self, name: str, *, wrap: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(wrap)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    # --- what the room sees -------------------------------------------------------------

    def set_convention(self, name: str) -> None:
        self._convention.setText(name)
        self._convention.setVisible(bool(name))

    def set_team(self, institution: str, innovation_title: str) -> None:
        """Who is presenting: the room reads it above the countdown."""
        self._institution.setText(institution)
        self._title.setText(innovation_title)
        self._institution.setVisible(bool(institution))
        self._caption.setVisible(bool(institution))
        self._title.setVisible(bool(innovation_title))
        self._fit_fonts()

    def set_durations(self, durations: TimerDurations) -> None:
        self._durations = durations
        self.refresh()

    def durations(self) -> TimerDurations:
        return self._durations

    def convention_text(self) -> str:
        return self._convention.text()

    def team_text(self) -> tuple[str, str]:
        return self._institution.text(), self._title.text()

    def phase_text(self) -> str:
        return self._phase_label.text()

    def countdown_text(self) -> str:
        return self._countdown.text()

    def status_text(self) -> str:
        return self._status.text()

    def keys_text(self) -> str:
        return self._keys.text()

    def caption_text(self) -> str:
        return self._caption.text()

    # --- the clock ----------------------------------------------------------------------

    def phase(self) -> Phase:
        return self._phase

    def state(self) -> TimerState:
        return self._state

    def is_running(self) -> bool:
        return self._running

    def elapsed_ms(self) -> int:
        if self._running:
            return self._banked_ms + self._clock() - self._started_at
        return self._banked_ms

    def remaining_ms(self) -> int:
        """Time left in this phase; negative once it runs over."""
        return self._durations.of(self._phase) * 1000 - self.elapsed_ms()

    def start(self) -> None:
        if self._running:
            return
        self._started_at = self._clock()
        self._running = True
        self._ticker.start()
        self.refresh()
        self.running_changed.emit(True)

    def pause(self) -> None:
        if not self._running:
            return
        self._banked_ms = self.elapsed_ms()
        self._running = False
        self._ticker.stop()
        self.refresh()
        self.running_changed.emit(False)

    def toggle(self) -> None:
        if self._running:
            self.pause()
        else:
            self.start()

    def next_phase(self) -> None:
        """Go to questions and answers, keeping the clock running if it was."""
        if self._phase is Phase.QA:
            return
        self._enter_phase(Phase.QA)

    def reset(self) -> None:
        """Back to the start of the presentation, stopped: ready for the next team."""
        was_running = self._running
        self._running = False
        self._ticker.stop()
        self._enter_phase(Phase.PRESENTATION)
        if was_running:
            self.running_changed.emit(False)

    def _enter_phase(self, phase: Phase) -> None:
        self._phase = phase
        self._banked_ms = 0
        self._started_at = self._clock()
        self._time_up_sent = False
        self._retranslate()
        self.refresh()
        self.phase_changed.emit(phase)

    def refresh(self) -> None:
        """Show the time as the clock says now; the ticker calls it, tests may too."""
        remaining = self.remaining_ms()
        text = format_countdown(remaining)
        if self._countdown.text() != text:
            self._countdown.setText(text)
        state = _state_for(remaining, self._durations.warning_s * 1000)
        if state is not self._state:
            self._state = state
            self._apply_colours(state)
            self.state_changed.emit(state)
        if remaining <= 0 and not self._time_up_sent:
            self._time_up_sent = True
            self.time_up.emit(self._phase)
        self._update_status()

    def _apply_colours(self, state: TimerState) -> None:
        colours = COLOURS[state]
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, colours.background)
        palette.setColor(QPalette.ColorRole.WindowText, colours.text)
        self.setPalette(palette)

    # --- language -----------------------------------------------------------------------

    def _phase_name(self, phase: Phase) -> str:
        if phase is Phase.PRESENTATION:
            return self.tr("Presentation")
        return self.tr("Questions and answers")

    def _update_status(self) -> None:
        if self._running:
            text = ""
        elif self.elapsed_ms() == 0:
            text = self.tr("Ready: press Space to start")
        else:
            text = self.tr("Paused: press Space to continue")
        if self._status.text() != text:
            self._status.setText(text)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Presentation timer"))
        self._caption.setText(self.tr("Presenting now"))
        self._keys.setText(
            self.tr(
                "Space: start or pause · N: questions and answers · R: back to the start · "
                "F: full screen · Esc: leave full screen"
            )
        )
        self._phase_label.setText(self._phase_name(self._phase))
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- keys and screens ---------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Space:
            # Holding Space must not flicker between running and paused.
            if not event.isAutoRepeat():
                self.toggle()
        elif key == Qt.Key.Key_N:
            self.next_phase()
        elif key == Qt.Key.Key_R:
            self.reset()
        elif key in (Qt.Key.Key_F, Qt.Key.Key_F11):
            self.toggle_full_screen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.leave_full_screen()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.toggle_full_screen()
        event.accept()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.leave_full_screen()
        else:
            self.setCursor(Qt.CursorShape.BlankCursor)
            self.showFullScreen()

    def leave_full_screen(self) -> None:
        self.unsetCursor()
        self.showNormal()

    def show_on_presentation_screen(
        self, control: QWidget | None = None, *, full_screen_if_single: bool = False
    ) -> QScreen:
        """Open full screen on a screen other than the control window's (the projector).

        With a single screen the timer opens as a normal window, so the operator keeps
        the control window within reach, unless ``full_screen_if_single`` is set.
        """
        here = control.screen() if control is not None else QGuiApplication.primaryScreen()
        others = [screen for screen in QGuiApplication.screens() if screen is not here]
        target = others[0] if others else here
        self.setScreen(target)
        area = target.availableGeometry()
        if others or full_screen_if_single:
            self.setGeometry(target.geometry())
            self.setCursor(Qt.CursorShape.BlankCursor)
            self.showFullScreen()
        else:
            self.resize(area.width() * 2 // 3, area.height() * 2 // 3)
            self.move(area.center() - self.rect().center())
            self.show()
        self.raise_()
        self.activateWindow()
        return target

    # --- sizing -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_fonts()

    def _fit_fonts(self) -> None:
        height = max(self.height(), 1)
        width = max(self.width(), 1)
        # Long innovation titles wrap onto more lines, so they get a smaller face.
        title_share = 0.045 if len(self._title.text()) <= 80 else 0.036
        self._convention.setFont(self._font(height * 0.038))
        self._caption.setFont(self._font(height * 0.028))
        self._keys.setFont(self._font(height * 0.022))
        self._institution.setFont(self._font(height * 0.055, bold=True))
        self._title.setFont(self._font(height * title_share))
        self._phase_label.setFont(self._font(height * 0.075, bold=True))
        self._status.setFont(self._font(height * 0.028))

        countdown = self._font(height * 0.40, bold=True)
        countdown.setFeature(QFont.Tag("tnum"), 1)  # digits of equal width: no jitter
        wide = QFontMetricsF(countdown).horizontalAdvance(_WIDEST_COUNTDOWN)
        if wide > width * 0.92:
            countdown.setPixelSize(max(int(countdown.pixelSize() * width * 0.92 / wide), 8))
        self._countdown.setFont(countdown)
        margin = int(min(width, height) * 0.03)
        self._layout.setContentsMargins(margin, margin, margin, margin)

    def _font(self, pixels: float, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(int(pixels), 8))
        font.setBold(bold)
        return font
