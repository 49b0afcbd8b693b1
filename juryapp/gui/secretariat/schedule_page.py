"""Jadwal: the presentation order per day, reordering, now/next and the presentation timer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.clock import Clock, local_now
from juryapp.domain.formatting import format_time
from juryapp.domain.model import ConventionSpec, Team
from juryapp.gui.ops import Reload
from juryapp.gui.secretariat.common import Notice, lang
from juryapp.gui.secretariat.schedule_model import INSTITUTION, TITLE, ScheduleModel
from juryapp.gui.tables import fit_to_visible_rows
from juryapp.gui.timer_window import PresentationTimer, TimerDurations
from juryapp.services.changes import Change
from juryapp.services.results import LockState


@dataclass(frozen=True)
class NowNext:
    now: Team | None
    next: Team | None


def now_and_next(spec: ConventionSpec, teams: list[Team], moment: datetime) -> NowNext:
    """The team presenting at ``moment`` (the last slot already started) and the one after."""
    day = next((i for i, d in enumerate(spec.days, 1) if d.date == moment.date()), None)
    if day is None:
        upcoming = [
            t
            for i, d in enumerate(spec.days, 1)
            if d.date > moment.date()
            for t in teams
            if t.day == i
        ]
        return NowNext(None, upcoming[0] if upcoming else None)
    today = [t for t in teams if t.day == day and t.time is not None]
    started = [t for t in today if t.time is not None and t.time <= moment.time()]
    waiting = [t for t in today if t.time is not None and t.time > moment.time()]
    return NowNext(started[-1] if started else None, waiting[0] if waiting else None)


class SchedulePage(QWidget):
    WATCHES = frozenset({Change.SETUP, Change.RESULTS})
    saved = Signal()
    unsaved_changed = Signal(bool)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._ops, self._actor = services, services.runner, actor
        self._clock: Clock = services.clock
        self._saving = False
        self._spec: ConventionSpec | None = None
        self.timer_window: PresentationTimer | None = None
        self.locked = False
        self._was_dirty = False

        self.model = ScheduleModel(self)
        self.view = QTableView(self)
        fit_to_visible_rows(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(INSTITUTION, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(INSTITUTION, 260)

        self.up_button, self.down_button = QPushButton(self), QPushButton(self)
        self.save_button, self.revert_button = QPushButton(self), QPushButton(self)
        self.timer_button = QPushButton(self)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._revert)
        self.timer_button.clicked.connect(self.open_timer)
        QShortcut(QKeySequence("Ctrl+Up"), self.view, lambda: self.move_selected(-1))
        QShortcut(QKeySequence("Ctrl+Down"), self.view, lambda: self.move_selected(1))
        self.model.dataChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.now_box = QGroupBox(self)
        self.now_label, self.next_label = QLabel(self.now_box), QLabel(self.now_box)
        for label in (self.now_label, self.next_label):
            label.setWordWrap(True)
        now_layout = QVBoxLayout(self.now_box)
        now_layout.addWidget(self.now_label)
        now_layout.addWidget(self.next_label)
        now_layout.addWidget(self.timer_button)
        now_layout.addStretch(1)
        self.notice = Notice(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self._reload = Reload(
            self._ops, self, self._read, self._show_read, failed=self.notice.read_failed, slow=True
        )
        self._lay_out()

    def _lay_out(self) -> None:
        self.locked_note = QLabel(self)
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet(
            "QLabel { background: #fff1c4; border: 1px solid #d9a400; padding: 6px; }"
        )
        self.locked_note.hide()
        self.view.selectionModel().selectionChanged.connect(self._follow_selection)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.revert_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.locked_note)
        left.addWidget(self.view, 1)
        left.addWidget(self.hint)
        left.addLayout(buttons)
        left.addWidget(self.notice)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.now_box, 1)

        self._ticker = QTimer(self)
        self._ticker.setInterval(30_000)
        self._ticker.timeout.connect(self.update_now)
        self._ticker.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.up_button.setText(self.tr("Move u&p"))
        self.down_button.setText(self.tr("Move do&wn"))
        self.save_button.setText(self.tr("&Save order"))
        self.revert_button.setText(self.tr("&Undo changes"))
        self.timer_button.setText(self.tr("Open presentation &timer"))
        self.timer_button.setToolTip(
            self.tr(
                "The timer shows the team selected in the list (or the one presenting now). "
                "Keys: Space start/pause, N questions, R reset, F full screen, Esc leave it."
            )
        )
        self.locked_note.setText(
            self.tr("The results are locked: the order can be read but not changed.")
        )
        self.now_box.setTitle(self.tr("Now and next"))
        self.hint.setText(
            self.tr(
                "Drag a team to a new place, or select it and press Ctrl+Up / Ctrl+Down. "
                "Each day keeps its time slots; the team in a place takes its time."
            )
        )
        self.update_now()

    def set_clock(self, clock: Clock) -> None:
        self._clock = clock
        self.update_now()

    def refresh(self) -> None:
        """Read the lock and, unless a reordering waits to be saved, the set-up."""
        self._reload.request()

    def _read(self) -> Callable[[], tuple[LockState, ConventionSpec | None]]:
        setup, results, keep = self._services.setup, self._services.results, self.model.dirty
        # a reordering not saved yet is never thrown away: the set-up is not even read
        return lambda: (results.lock_state(), None if keep else setup.spec())

    def _show_read(self, loaded: tuple[LockState, ConventionSpec | None]) -> None:
        state, spec = loaded
        self.notice.read_ok()
        self.set_locked(state.locked)
        if spec is not None and not self.model.dirty and spec != self._spec:
            self._spec = spec
            self.model.set_spec(spec)
        self.update_now()

    def _revert(self) -> None:
        self.model.dirty = False
        self._spec = None
        self.refresh()
        self._update_buttons()

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self.locked_note.setVisible(locked)
        self.view.setDragEnabled(not locked)
        self.view.setAcceptDrops(not locked)
        self._update_buttons()

    def has_unsaved(self) -> bool:
        return self.model.dirty

    def unsaved_name(self) -> str:
        return self.tr("the Schedule screen")

    def discard(self) -> None:
        self._revert()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.model.dirty and not self.locked)
        self.revert_button.setEnabled(self.model.dirty)
        self.up_button.setEnabled(not self.locked)
        self.down_button.setEnabled(not self.locked)
        if self.model.dirty != self._was_dirty:
            self._was_dirty = self.model.dirty
            self.unsaved_changed.emit(self.model.dirty)
        self.update_now()

    def move_selected(self, step: int) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or self.locked:
            return
        row = rows[0].row()
        if self.model.move_row(row, step):
            self.view.selectRow(row + step)

    def save(self, then: Callable[[], object] | None = None) -> bool:
        """Save the order off the GUI thread (False if nothing could be); ``then`` once saved."""
        if self._spec is None or self._saving:
            return False
        spec, setup, actor = self.model.updated_spec(), self._services.setup, self._actor
        self._saving = True
        self._ops.change(self, lambda: setup.update(actor, spec)).success(
            lambda _none: self._saved(then)
        ).failure(self._not_saved).run()
        return True

    def _saved(self, then: Callable[[], object] | None) -> None:
        self._saving = False
        self.model.dirty = False
        self._spec = None
        # Read again now: the watcher may have reported this change while the edits still
        # counted as unsaved, and that read left the set-up unread.
        self.refresh()
        self._update_buttons()
        self.notice.show_info(self.tr("The presentation order is saved."))
        self.saved.emit()
        if then is not None:
            then()

    def _not_saved(self, exc: BaseException) -> None:
        self._saving = False
        self.notice.refused(exc)

    def current(self) -> NowNext:
        if self._spec is None:
            return NowNext(None, None)
        return now_and_next(self._spec, self.model.teams(), local_now(self._clock))

    def update_now(self) -> None:
        state = self.current()

        def describe(team: Team | None) -> str:
            if team is None:
                return "—"
            when = format_time(team.time, lang()) if team.time is not None else ""
            return f"<b>{team.code}</b> {team.institution}<br><i>{team.title}</i><br>{when}"

        self.now_label.setText(self.tr("<b>Presenting now</b>") + "<br>" + describe(state.now))
        self.next_label.setText(self.tr("<b>Next</b>") + "<br>" + describe(state.next))

    def open_timer(self) -> PresentationTimer | None:
        """The countdown for the team presenting now (or next), on the projector if present."""
        spec = self._spec
        if spec is None:
            return None
        durations = TimerDurations(
            presentation_s=spec.scoring.presentation_minutes * 60,
            qa_s=spec.scoring.qa_minutes * 60,
        )
        if self.timer_window is None:
            self.timer_window = PresentationTimer(convention=spec.info.name, durations=durations)
        else:
            self.timer_window.set_durations(durations)
        self._show_on_timer(self.selected_team() or self.current().now or self.current().next)
        self.timer_window.show_on_presentation_screen(self)
        return self.timer_window

    def selected_team(self) -> Team | None:
        rows = self.view.selectionModel().selectedRows()
        teams = self.model.teams()
        return teams[rows[0].row()] if rows and rows[0].row() < len(teams) else None

    def _show_on_timer(self, team: Team | None) -> None:
        if self.timer_window is not None and team is not None:
            self.timer_window.set_team(f"{team.code} · {team.institution}", team.title)

    def _follow_selection(self) -> None:
        """An open timer follows the team chosen in the list (the next one to present)."""
        timer = self.timer_window
        if timer is not None and timer.isVisible() and not timer.is_running():
            self._show_on_timer(self.selected_team())

    def close_timer(self) -> None:
        if self.timer_window is not None:
            self.timer_window.close()
