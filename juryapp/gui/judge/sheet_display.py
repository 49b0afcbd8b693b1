"""What a judge's score sheet shows: its header, total, save state and labels in both languages."""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from juryapp.domain.formatting import format_score
from juryapp.domain.kinds import SheetStatus
from juryapp.domain.messages import current_language
from juryapp.gui.judge.criterion_row import MUTED_STYLE, CriterionRow
from juryapp.gui.judge.score_entry import plain_number
from juryapp.services.scoring import SheetView

ERROR_STYLE = "color: #b00020; font-weight: bold;"
SAVED_STYLE = "color: #1b6e3a; font-weight: bold;"


class SheetDisplay(QWidget):
    """The showing half of ``ScoreSheetPage``: the page builds the widgets and keeps the sheet
    (``_view``) and its save state; this fills the labels from them."""

    _view: SheetView | None
    _rows: list[CriterionRow]
    _unsaved: int
    _saved_at: datetime | None
    _header_labels: list[QLabel]
    _help: QLabel
    _sheet_note_label: QLabel
    message: QLabel
    total: QLabel
    saved_label: QLabel
    institution: QLabel
    team_details: QLabel
    status: QLabel
    back_button: QPushButton
    submit_button: QPushButton

    def _apply(self, view: SheetView) -> None:
        raise NotImplementedError

    # -- showing ---------------------------------------------------------------------------
    def _error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def _total_text(self, view: SheetView) -> str:
        if view.total is not None:
            return format_score(view.total, current_language())
        # Incomplete: the running sum of what is scored so far.
        points = [line.points for line in view.lines if line.points is not None]
        return format_score(sum(points, Fraction(0)), current_language()) if points else "—"

    def _show_total(self) -> None:
        if self._view is None:
            return
        self.total.setText(
            self.tr("Total: {total}  ({filled} of {count} criteria)").format(
                total=self._total_text(self._view),
                filled=self._view.filled,
                count=len(self._view.lines),
            )
        )

    def _show_saved(self) -> None:
        if self._unsaved:  # not yet committed: not in the colour that says it is
            self.saved_label.setStyleSheet(MUTED_STYLE)
            self.saved_label.setText(self.tr("Saving…"))
            return
        self.saved_label.setStyleSheet(SAVED_STYLE)
        if self._saved_at is None:
            self.saved_label.clear()
            return
        self.saved_label.setText(
            self.tr("Saved ✓ {time}").format(time=self._saved_at.strftime("%H.%M.%S"))
        )

    def _show_header(self) -> None:
        view = self._view
        if view is None:
            return
        self.institution.setText(view.institution)
        self.team_details.setText(
            self.tr("{title} — category: {category}").format(
                title=view.title, category=view.category
            )
        )
        if view.conflict:
            text = self.tr("Excluded (conflict of interest): you do not score this team.")
            style = ERROR_STYLE
        elif view.status in (SheetStatus.SUBMITTED, SheetStatus.CONFIRMED):
            text = self.tr("Submitted — this sheet can no longer be changed.")
            style = SAVED_STYLE
        else:
            text = self.tr("Draft — every score is saved as soon as you type it.")
            style = MUTED_STYLE
        self.status.setText(text)
        self.status.setStyleSheet(style)

    def _relabel_rows(self) -> None:
        lang = current_language()
        for row in self._rows:
            row.relabel(
                lang,
                plain_number(row.criterion.weight, lang),
                self.tr("Note on {code} (optional)").format(code=row.criterion.code),
            )

    def _retranslate(self) -> None:
        headers = (
            self.tr("Criterion"),
            self.tr("Weight"),
            self.tr("Score"),
            self.tr("Value"),
            self.tr("Note"),
        )
        for label, text in zip(self._header_labels, headers, strict=True):
            label.setText(text)
        self._help.setText(
            self.tr(
                "Type a digit to score; it is saved at once and the next criterion opens. "
                "Up/Down or Tab move, Backspace clears, Ctrl+Enter submits, Esc goes back."
            )
        )
        self._sheet_note_label.setText(self.tr("Note on the whole sheet:"))
        self.back_button.setText(self.tr("← Back to the list"))
        self.submit_button.setText(self.tr("Submit (Ctrl+Enter)"))
        self._relabel_rows()
        if self._view is not None:
            self._apply(self._view)
        self._show_saved()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
