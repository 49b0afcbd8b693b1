"""A judge's score sheet for one team, filled entirely from the keyboard."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.access import Actor
from juryapp.domain.clock import Clock, local_now, system_clock
from juryapp.domain.formatting import format_score
from juryapp.domain.messages import JuryError, current_language
from juryapp.gui.errors import show_error
from juryapp.gui.judge.criterion_row import (
    MUTED_STYLE,
    CriterionRow,
    criterion_name,
)
from juryapp.gui.judge.score_entry import ScoreEdit, plain_number
from juryapp.gui.judge.sheet_display import SAVED_STYLE, SheetDisplay
from juryapp.gui.ops import Ops
from juryapp.services.scoring import ScoringService, SheetView

__all__ = ["ScoreSheetPage"]


class ScoreSheetPage(SheetDisplay):
    """Each keystroke that completes a score is saved at once through the scoring service.

    Saves run in order on the changes worker, each its own durable transaction; a typed
    score shows at once, and "Saved ✓" only once every save before it is committed. A save
    that is refused puts back the last committed value and says why.
    """

    back_requested = Signal()
    loaded = Signal(str)  # team code: the sheet is read and shown
    saved = Signal()  # every score, note or submission asked for so far is committed
    submitted = Signal(str)  # team code

    def __init__(  # noqa: PLR0915 - builds the page
        self,
        scoring: ScoringService,
        ops: Ops,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(parent)
        self._scoring, self._ops, self._actor, self._clock = scoring, ops, actor, clock
        self._view: SheetView | None = None
        self._rows: list[CriterionRow] = []
        self._saved_at: datetime | None = None
        self._sheet_note = ""
        self._unsaved = 0  # saves asked for and not committed (or refused) yet
        self._submit_when_saved = False

        self.institution = QLabel(self)
        font = self.institution.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.institution.setFont(font)
        self.institution.setWordWrap(True)
        self.team_details = QLabel(self)
        self.team_details.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._help = QLabel(self)
        self._help.setWordWrap(True)
        self._help.setStyleSheet(MUTED_STYLE)

        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(4, 2)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self._scroll.setWidget(self._grid_host)

        self.sheet_note = QLineEdit(self)
        self._sheet_note_label = QLabel(self)
        self._sheet_note_label.setBuddy(self.sheet_note)
        self.sheet_note.editingFinished.connect(self._save_sheet_note)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.total = QLabel(self)
        total_font = self.total.font()
        total_font.setPointSize(total_font.pointSize() + 4)
        total_font.setBold(True)
        self.total.setFont(total_font)
        self.saved_label = QLabel(self)
        self.saved_label.setStyleSheet(SAVED_STYLE)
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.back_requested)
        self.submit_button = QPushButton(self)
        self.submit_button.clicked.connect(self.submit)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested)

        note_row = QHBoxLayout()
        note_row.addWidget(self._sheet_note_label)
        note_row.addWidget(self.sheet_note, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.total)
        bottom.addSpacing(12)
        bottom.addWidget(self.saved_label)
        bottom.addStretch(1)
        bottom.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(self.institution)
        layout.addWidget(self.team_details)
        layout.addWidget(self.status)
        layout.addWidget(self._help)
        layout.addWidget(self._scroll, 1)
        layout.addLayout(note_row)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self._header_labels = [QLabel(self._grid_host) for _ in range(5)]
        for column, label in enumerate(self._header_labels):
            label.setStyleSheet("font-weight: bold;")
            self._grid.addWidget(label, 0, column)
        self._retranslate()

    # -- loading ---------------------------------------------------------------------------
    @property
    def view(self) -> SheetView | None:
        return self._view

    def score_edits(self) -> list[ScoreEdit]:
        return [row.score for row in self._rows]

    def note_edits(self) -> list[QLineEdit]:
        return [row.note for row in self._rows]

    @property
    def saving(self) -> bool:
        """Whether saves asked for are still on their way to the database."""
        return self._unsaved > 0

    def load(self, team_code: str) -> None:
        """Read the signed-in judge's sheet for ``team_code`` off the GUI thread, then show it
        (``loaded``); a refusal is shown in a dialog."""
        judge = self._actor.judge_code
        assert judge is not None
        scoring, actor = self._scoring, self._actor
        self._ops.query(self, lambda: scoring.sheet(actor, judge, team_code)).success(
            self._show_loaded
        ).run()

    def _show_loaded(self, view: SheetView) -> None:
        self._submit_when_saved = False
        self._build(view)
        self._apply(view)
        self.message.clear()
        self.saved_label.clear()
        self.focus_first_open()
        self.loaded.emit(view.team_code)

    def reload(self) -> None:
        """Take in changes made elsewhere (a reopened or corrected sheet) without a rebuild."""
        view = self._view
        if view is None or self._busy_typing():
            return
        scoring, actor, judge, team = self._scoring, self._actor, view.judge_code, view.team_code

        def show(fresh: SheetView) -> None:
            current = self._view
            if current is None or (current.judge_code, current.team_code) != (judge, team):
                return  # another sheet is open by now
            if not self._busy_typing() and fresh != current:
                self._apply(fresh)

        self._ops.query(self, lambda: scoring.sheet(actor, judge, team)).success(show).failure(
            lambda _exc: None
        ).run()

    def _busy_typing(self) -> bool:
        return self._unsaved > 0 or any(row.score.pending for row in self._rows)

    def _build(self, view: SheetView) -> None:
        for row in self._rows:
            for widget in (row.title, row.weight, row.details, row.score, row.points, row.note):
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self._rows = []
        for index, line in enumerate(view.lines):
            row = CriterionRow(line.criterion, self._grid_host)
            grid_row = 1 + index * 2
            self._grid.addWidget(row.title, grid_row, 0)
            self._grid.addWidget(row.weight, grid_row, 1)
            self._grid.addWidget(row.score, grid_row, 2, 2, 1, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(row.points, grid_row, 3)
            self._grid.addWidget(row.note, grid_row, 4)
            self._grid.addWidget(row.details, grid_row + 1, 0, 1, 2)
            row.score.commit_requested.connect(
                lambda value, position=index: self._commit(position, value)
            )
            row.score.refused.connect(lambda typed, position=index: self._refuse(position, typed))
            row.score.move_requested.connect(
                lambda delta, position=index: self._move(position, delta)
            )
            row.note.editingFinished.connect(lambda position=index: self._save_note(position))
            self._rows.append(row)
        self._grid.setRowStretch(1 + len(view.lines) * 2, 1)
        # Tab walks score, note, next score…; the sheet note and Submit close the round.
        chain: list[QWidget] = []
        for row in self._rows:
            chain += [row.score, row.note]
        chain += [self.sheet_note, self.submit_button, self.back_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._relabel_rows()

    def _apply(self, view: SheetView) -> None:
        self._view = view
        lang = current_language()
        editable = view.editable
        for row, line in zip(self._rows, view.lines, strict=True):
            row.saved_value = line.value
            if not row.score.pending:  # never cut short a score being typed
                row.score.set_value(line.value)
            row.score.setReadOnly(not editable)
            row.points.setText("" if line.points is None else format_score(line.points, lang))
            if not row.note.hasFocus():
                row.note.setText(line.note)
            row.saved_note = line.note
            row.note.setReadOnly(not editable)
        if not self.sheet_note.hasFocus():
            self.sheet_note.setText(view.note)
        self._sheet_note = view.note
        self.sheet_note.setReadOnly(not editable)
        self.submit_button.setVisible(editable)
        self._show_header()
        self._show_total()

    # -- saving ----------------------------------------------------------------------------
    def _shown(self) -> tuple[str, str] | None:
        view = self._view
        return None if view is None else (view.judge_code, view.team_code)

    def _save(self, work: Callable[[], SheetView | None], refused: Callable[[], None]) -> None:
        """One save on the changes worker; ``refused`` puts the field back if it fails (and
        the sheet is still the one shown)."""
        shown = self._shown()

        def put_back() -> None:
            if self._shown() == shown:
                refused()

        self._unsaved += 1
        self._show_saved()
        self._ops.change(self, work).success(self._one_saved).failure(
            lambda exc: self._one_refused(exc, put_back)
        ).run()

    def _one_saved(self, fresh: SheetView | None) -> None:
        self._unsaved -= 1
        if fresh is not None and (fresh.judge_code, fresh.team_code) == self._shown():
            if self._unsaved:
                self._take_committed(fresh)
            else:
                self._apply(fresh)
        if self._unsaved == 0:
            self._saved_at = local_now(self._clock)
            self.message.clear()
            self._show_saved()
            self.saved.emit()
            if self._submit_when_saved:
                self._submit_when_saved = False
                self._ask_submit()

    def _take_committed(self, fresh: SheetView) -> None:
        """While later saves are on their way: what is committed, without touching the fields."""
        for row, line in zip(self._rows, fresh.lines, strict=True):
            row.saved_value = line.value
            if row.score.value == line.value:
                lang = current_language()
                row.points.setText("" if line.points is None else format_score(line.points, lang))

    def _one_refused(self, exc: BaseException, refused: Callable[[], None]) -> None:
        self._unsaved -= 1
        self._submit_when_saved = False
        if not isinstance(exc, JuryError):
            show_error(self, exc)
        else:
            self._error(str(exc))
        refused()
        self._show_saved()

    def _commit(self, position: int, value: Decimal | None) -> None:
        view = self._view
        if view is None or not view.editable:
            return
        row = self._rows[position]
        row.score.set_value(value)  # shown at once; saved (and acknowledged) in order
        scoring, actor = self._scoring, self._actor
        judge, team, code = view.judge_code, view.team_code, row.criterion.code
        self._save(
            lambda: scoring.set_score(actor, judge, team, code, value),
            lambda: row.score.set_value(row.saved_value),
        )
        if value is not None:
            self._move(position, 1)

    def _refuse(self, position: int, typed: str) -> None:
        criterion = self._rows[position].criterion
        lang = current_language()
        scale = self.tr("{low} to {high}").format(
            low=plain_number(criterion.scale_min, lang),
            high=plain_number(criterion.scale_max, lang),
        )
        if criterion.scale_step != 1:
            scale = self.tr("{scale} in steps of {step}").format(
                scale=scale, step=plain_number(criterion.scale_step, lang)
            )
        self._error(
            self.tr(
                '"{typed}" is not a score for {code} {name}: use {scale}. Nothing was saved.'
            ).format(
                typed=typed,
                code=criterion.code,
                name=criterion_name(criterion, lang),
                scale=scale,
            )
        )

    def _save_note(self, position: int) -> None:
        view = self._view
        row = self._rows[position]
        if view is None or not view.editable or row.note.text() == row.saved_note:
            return
        scoring, actor, note, value = self._scoring, self._actor, row.note.text(), row.score.value
        judge, team, code = view.judge_code, view.team_code, row.criterion.code
        row.saved_note = note  # not asked for twice; put back below if refused
        previous = self._view.lines[position].note if self._view else ""

        def refused() -> None:
            row.saved_note = previous

        self._save(lambda: scoring.set_score(actor, judge, team, code, value, note=note), refused)

    def _save_sheet_note(self) -> None:
        view = self._view
        if view is None or not view.editable or self.sheet_note.text() == self._sheet_note:
            return
        scoring, actor, note = self._scoring, self._actor, self.sheet_note.text()
        judge, team = view.judge_code, view.team_code
        previous, self._sheet_note = self._sheet_note, note

        def save() -> SheetView:
            scoring.set_note(actor, judge, team, note)
            return scoring.sheet(actor, judge, team)

        def refused() -> None:
            self._sheet_note = previous

        self._save(save, refused)

    def submit(self) -> None:
        """Save what waits in the fields, then (once committed) ask and hand the sheet in."""
        view = self._view
        if view is None or not view.editable:
            return
        for row in self._rows:
            row.score.commit_pending()
        self._save_sheet_note()
        if self._unsaved:
            self._submit_when_saved = True
            return
        self._ask_submit()

    def _ask_submit(self) -> None:
        view = self._view
        if view is None or not view.editable:
            return
        missing = [line.criterion.code for line in view.lines if line.value is None]
        if missing:
            self._error(
                self.tr("Not submitted: no score yet for {codes}.").format(codes=", ".join(missing))
            )
            self._focus_row(next(i for i, ln in enumerate(view.lines) if ln.value is None))
            return
        if self.confirm_box(view).exec() != QMessageBox.StandardButton.Yes:
            return
        scoring, actor, judge, team = self._scoring, self._actor, view.judge_code, view.team_code

        def submitted(fresh: SheetView | None) -> None:
            self._one_saved(fresh)
            self.submitted.emit(team)

        self._unsaved += 1
        self._ops.change(self, lambda: scoring.submit(actor, judge, team)).success(
            submitted
        ).failure(lambda exc: self._one_refused(exc, lambda: None)).run()

    def confirm_box(self, view: SheetView) -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Submit the score sheet"))
        box.setText(
            self.tr("Submit your score sheet for {institution}? Total: {total}.").format(
                institution=view.institution, total=self._total_text(view)
            )
        )
        box.setInformativeText(
            self.tr(
                "After submitting you cannot change it any more; only the secretariat can "
                "correct it, with a reason on record."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    # -- moving ----------------------------------------------------------------------------
    def _move(self, position: int, delta: int) -> None:
        target = position + delta
        if target >= len(self._rows):
            if self.submit_button.isVisible():
                self.submit_button.setFocus()
            return
        self._focus_row(max(0, target))

    def _focus_row(self, position: int) -> None:
        edit = self._rows[position].score
        edit.setFocus(Qt.FocusReason.TabFocusReason)
        self._scroll.ensureWidgetVisible(edit, 40, 60)

    def focus_first_open(self) -> None:
        if not self._rows or self._view is None:
            return
        for position, line in enumerate(self._view.lines):
            if line.value is None:
                self._focus_row(position)
                return
        self._focus_row(0)
