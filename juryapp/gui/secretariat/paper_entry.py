"""Entri Kertas: typing paper score sheets, handing them in, confirming, correcting, reopening."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.formatting import format_number, parse_decimal
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import JuryError
from juryapp.domain.model import ConventionSpec
from juryapp.gui.secretariat.common import Notice, error_text, lang, schedule_order
from juryapp.gui.secretariat.correction_dialog import CorrectionDialog
from juryapp.gui.secretariat.pending_model import JUDGE_ROLE, PendingModel, pending_sheets
from juryapp.services.scoring import SheetView


class PaperEntryPage(QWidget):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self._spec: ConventionSpec | None = None
        self.sheet: SheetView | None = None
        self.fields: dict[str, QLineEdit] = {}
        self._points: dict[str, QLabel] = {}

        self.judge = QComboBox(self)
        self.team = QComboBox(self)
        self.judge.currentIndexChanged.connect(self.load)
        self.team.currentIndexChanged.connect(self.load)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.total = QLabel(self)
        self.total.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.notice = Notice(self)
        self.notice.setObjectName("paper-notice")

        self._form_box = QGroupBox(self)
        self._grid = QGridLayout(self._form_box)

        self.submit_button = QPushButton(self)
        self.confirm_button = QPushButton(self)
        self.correct_button = QPushButton(self)
        self.reopen_button = QPushButton(self)
        self.submit_button.clicked.connect(self.submit)
        self.confirm_button.clicked.connect(self.confirm)
        self.correct_button.clicked.connect(self._ask_correction)
        self.reopen_button.clicked.connect(self._ask_reopen)
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (
            self.submit_button,
            self.confirm_button,
            self.correct_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self._choose = QFormLayout()
        self._judge_label, self._team_label = QLabel(self), QLabel(self)
        self._choose.addRow(self._judge_label, self.judge)
        self._choose.addRow(self._team_label, self.team)

        left = QVBoxLayout()
        left.addLayout(self._choose)
        left.addWidget(self.status)
        left.addWidget(self._form_box)
        left.addWidget(self.total)
        left.addLayout(buttons)
        left.addWidget(self.notice)
        left.addStretch(1)

        self.pending = PendingModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.pending)
        self.pending_view = QTableView(self)
        self.pending_view.setModel(proxy)
        self.pending_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pending_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pending_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pending_view.horizontalHeader().setStretchLastSection(True)
        self.pending_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.pending_view.verticalHeader().hide()
        self.pending_view.selectionModel().selectionChanged.connect(self._pending_chosen)
        self._pending_title = QLabel(self)
        self._pending_title.setStyleSheet("font-weight: bold;")
        right = QVBoxLayout()
        right.addWidget(self._pending_title)
        right.addWidget(self.pending_view, 1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self._judge_label.setText(self.tr("&Judge"))
        self._team_label.setText(self.tr("&Team"))
        self._judge_label.setBuddy(self.judge)
        self._team_label.setBuddy(self.team)
        self._form_box.setTitle(self.tr("Scores from the paper form (Enter saves and moves on)"))
        self.submit_button.setText(self.tr("&Submit sheet"))
        self.confirm_button.setText(self.tr("&Confirm (second person)"))
        self.correct_button.setText(self.tr("C&orrect a score…"))
        self.reopen_button.setText(self.tr("&Reopen…"))
        self._pending_title.setText(self.tr("Sheets waiting for confirmation"))

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        spec = self.notice.attempt(self._services.setup.spec)
        if spec is None:
            return
        if spec != self._spec:
            self._spec = spec
            self._fill_choices(spec)
            self._build_form(spec)
        progress = self.notice.attempt(lambda: self._services.results.progress(self._actor))
        if progress is not None:
            self.pending.set_rows(pending_sheets(progress, spec))
        if not any(field.hasFocus() and field.isModified() for field in self.fields.values()):
            self.load()

    def _fill_choices(self, spec: ConventionSpec) -> None:
        judge, team = self.judge.currentData(), self.team.currentData()
        for combo in (self.judge, self.team):
            combo.blockSignals(True)
            combo.clear()
        for j in spec.judges:
            self.judge.addItem(f"{j.code} — {j.name}", j.code)
        for t in schedule_order(spec):
            self.team.addItem(f"{t.code} — {t.institution}", t.code)
        for combo, value in ((self.judge, judge), (self.team, team)):
            found = combo.findData(value)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def _build_form(self, spec: ConventionSpec) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.fields.clear()
        self._points.clear()
        previous: QWidget = self.team
        for row, criterion in enumerate(spec.criteria):
            # "&" in a criterion name is text, not a keyboard mnemonic.
            text = f"{criterion.code}  {criterion.name}".replace("&", "&&")
            name = QLabel(text, self._form_box)
            name.setWordWrap(True)
            weight = QLabel(format_number(criterion.weight, 0, lang()), self._form_box)
            field = QLineEdit(self._form_box)
            field.setObjectName(f"score-{criterion.code}")
            field.setMaximumWidth(70)
            field.setToolTip(
                "\n".join(
                    f"{format_number(lv.score, 0, lang())} {lv.label}" for lv in criterion.levels
                )
            )
            field.setPlaceholderText(
                f"{format_number(criterion.scale_min, 0, lang())}–"
                f"{format_number(criterion.scale_max, 0, lang())}"
            )
            name.setBuddy(field)
            points = QLabel(self._form_box)
            field.editingFinished.connect(lambda code=criterion.code: self._field_done(code))
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(weight, row, 1)
            self._grid.addWidget(field, row, 2)
            self._grid.addWidget(points, row, 3)
            self.fields[criterion.code] = field
            self._points[criterion.code] = points
            QWidget.setTabOrder(previous, field)
            previous = field
        QWidget.setTabOrder(previous, self.submit_button)
        self._grid.setColumnStretch(0, 1)

    def select(self, judge: str, team: str) -> None:
        """Open one judge's sheet for one team (from the dashboard or the pending list)."""
        if self._spec is None:
            self.refresh()
        for combo, value in ((self.judge, judge), (self.team, team)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.load()

    def load(self) -> None:
        judge, team = self.judge.currentData(), self.team.currentData()
        if not judge or not team:
            return
        view = self.notice.attempt(lambda: self._services.scoring.sheet(self._actor, judge, team))
        if view is not None:
            self._show(view)

    def _show(self, view: SheetView) -> None:
        self.sheet = view
        for line in view.lines:
            field = self.fields.get(line.criterion.code)
            if field is None:
                continue
            field.setText(_typed(line.value))
            field.setModified(False)
            field.setReadOnly(not self._typable(view))
            points = self._points[line.criterion.code]
            points.setText("" if line.points is None else format_number(line.points, 2, lang()))
        total = "—" if view.total is None else format_number(view.total, 2, lang())
        self.total.setText(self.tr("Total: {total}").format(total=total))
        self.status.setText(self._status_text(view))
        handed_in = view.status in (SheetStatus.SUBMITTED, SheetStatus.CONFIRMED)
        self.submit_button.setEnabled(self._typable(view))
        # Confirm stays enabled for a submitted sheet even when this user typed it: pressing
        # it explains the two-person rule instead of leaving a mysteriously grey button.
        self.confirm_button.setEnabled(view.status is SheetStatus.SUBMITTED)
        self.correct_button.setEnabled(handed_in)
        self.reopen_button.setEnabled(handed_in)

    def _typable(self, view: SheetView) -> bool:
        return view.editable and not (view.status is not None and view.source is SheetSource.JUDGE)

    def _status_text(self, view: SheetView) -> str:
        states = {
            None: self.tr("not started"),
            SheetStatus.DRAFT: self.tr("draft"),
            SheetStatus.SUBMITTED: self.tr("submitted, waiting for confirmation"),
            SheetStatus.CONFIRMED: self.tr("confirmed"),
        }
        parts = [
            f"<b>{view.team_code}</b> {view.institution} — <i>{view.title}</i>",
            self.tr("Judge: {name}").format(name=view.judge_name),
            self.tr("Status: {state}").format(state=states[view.status]),
        ]
        if view.status is not None:
            source = (
                self.tr("paper form")
                if view.source is SheetSource.PAPER
                else self.tr("judge laptop")
            )
            parts.append(self.tr("Source: {source}").format(source=source))
        if view.entered_by:
            parts.append(self.tr("Typed by: {who}").format(who=view.entered_by))
        if view.confirmed_by:
            parts.append(self.tr("Confirmed by: {who}").format(who=view.confirmed_by))
        if view.conflict:
            parts.append(self.tr("Conflict of interest: this judge does not score this team"))
        if view.abstained:
            parts.append(self.tr("The judge abstained"))
        return "<br>".join(parts)

    # -- actions ------------------------------------------------------------------------------
    def _field_done(self, code: str) -> None:
        field = self.fields[code]
        if field.isReadOnly() or not field.isModified():
            return
        if self.save_score(code, field.text()):
            codes = list(self.fields)
            following = codes.index(code) + 1
            if following < len(codes):
                self.fields[codes[following]].setFocus()
                self.fields[codes[following]].selectAll()
            else:
                self.submit_button.setFocus()

    def save_score(self, code: str, typed: str) -> bool:
        """Save one criterion's score at once (an empty field clears it)."""
        judge, team = self.judge.currentData(), self.team.currentData()
        try:
            value: Decimal | None = parse_decimal(typed) if typed.strip() else None
            view = self._services.scoring.set_score(self._actor, judge, team, code, value)
        except (JuryError, ValueError) as exc:
            self.notice.show_error(self._refusal(exc, typed))
            self.fields[code].selectAll()
            return False
        self.notice.clear_notice()
        self._show(view)
        return True

    def _refusal(self, exc: JuryError | ValueError, typed: str) -> str:
        if isinstance(exc, JuryError):
            return error_text(exc)
        return self.tr("'{text}' is not a number (e.g. 4 or 4,5)").format(text=typed)

    def submit(self) -> None:
        judge, team = self.judge.currentData(), self.team.currentData()
        view = self.notice.attempt(lambda: self._services.scoring.submit(self._actor, judge, team))
        if view is not None:
            self._show(view)
            self.notice.show_info(
                self.tr("Sheet handed in. Another secretariat user must now confirm it.")
            )
            self.refresh()

    def confirm(self) -> None:
        judge, team = self.judge.currentData(), self.team.currentData()
        view = self.notice.attempt(lambda: self._services.scoring.confirm(self._actor, judge, team))
        if view is not None:
            self._show(view)
            self.notice.show_info(self.tr("Sheet confirmed."))
            self.refresh()

    def correct(self, code: str, typed: str, reason: str) -> bool:
        judge, team = self.judge.currentData(), self.team.currentData()
        try:
            value = parse_decimal(typed)
            view = self._services.scoring.correct(self._actor, judge, team, code, value, reason)
        except (JuryError, ValueError) as exc:
            self.notice.show_error(self._refusal(exc, typed))
            return False
        self._show(view)
        self.notice.show_info(
            self.tr("Score corrected; the sheet needs a fresh confirmation by someone else.")
        )
        self.refresh()
        return True

    def reopen(self, reason: str) -> bool:
        judge, team = self.judge.currentData(), self.team.currentData()
        try:
            self._services.scoring.reopen(self._actor, judge, team, reason)
        except JuryError as exc:
            self.notice.show_error(error_text(exc))
            return False
        self.notice.show_info(self.tr("Sheet reopened as a draft."))
        self.refresh()
        return True

    def _ask_correction(self) -> None:
        if self._spec is None:
            return
        dialog = CorrectionDialog(self._spec.criteria, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.correct(*dialog.choice())
        dialog.deleteLater()

    def _ask_reopen(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Reopen sheet"), self.tr("Why is the sheet given back as a draft?")
        )
        if ok:
            self.reopen(reason)

    def _pending_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            index = indexes[0]
            self.select(str(index.data(JUDGE_ROLE)), str(index.siblingAtColumn(1).data()))


def _typed(value: Decimal | None) -> str:
    """A stored score as a person would type it: "4", or "4,5" on a half-point scale."""
    if value is None:
        return ""
    places = 0 if value == value.to_integral_value() else 1
    return format_number(value, places, lang())
