"""Blind re-entry: a paper sheet typed again without the first entry; differences side by side."""

from __future__ import annotations

import itertools
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.access import Actor
from juryapp.domain.formatting import format_number, parse_decimal
from juryapp.domain.messages import JuryError
from juryapp.gui.errors import show_error
from juryapp.gui.ops import Ops
from juryapp.gui.secretariat.common import error_text, lang
from juryapp.gui.tables import SORT_ROLE
from juryapp.services.confirmation import (
    BlindSheet,
    ConfirmationService,
    Difference,
    ReentryOutcome,
)

Index = QModelIndex | QPersistentModelIndex


def typed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    places = 0 if value == value.to_integral_value() else 1
    return format_number(value, places, lang())


class DifferencesModel(QAbstractTableModel):
    """Each criterion the two entries disagree on: the first entry beside the second."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Difference, ...] = ()
        self.typist = ""

    def set_differences(self, rows: tuple[Difference, ...], typist: str) -> None:
        self.beginResetModel()
        self._rows, self.typist = rows, typist
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return (
                f"{row.criterion.code}  {row.criterion.name}",
                typed(row.first),
                typed(row.second),
            )[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() > 0:
            return QBrush(QColor("#fde2e2"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("Criterion"),
            self.tr("First entry ({who})").format(who=self.typist),
            self.tr("Your entry"),
        )
        return headers[section] if 0 <= section < len(headers) else None


class ReentryDialog(QDialog):
    """The second entry is compared off the GUI thread; ``compared`` tells the outcome."""

    compared = Signal(object)  # the ReentryOutcome

    def __init__(
        self,
        confirmation: ConfirmationService,
        ops: Ops,
        actor: Actor,
        sheet: BlindSheet,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._confirmation, self._ops, self._actor, self.sheet = confirmation, ops, actor, sheet
        self.confirmed = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        for row, criterion in enumerate(sheet.criteria):
            label = QLabel(f"{criterion.code}  {criterion.name}".replace("&", "&&"), self)
            field = QLineEdit(self)
            field.setMaximumWidth(80)
            field.setPlaceholderText(f"{typed(criterion.scale_min)}–{typed(criterion.scale_max)}")
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            self.fields[criterion.code] = field
        codes = list(self.fields)
        for code, following in itertools.pairwise(codes):
            self.fields[code].returnPressed.connect(self.fields[following].setFocus)
        if codes:
            self.fields[codes[-1]].returnPressed.connect(self.compare)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.settle = QLabel(self)
        self.settle.setWordWrap(True)
        self.differences = DifferencesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.differences)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.hide()
        self.buttons = QDialogButtonBox(self)
        self.compare_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.clicked.connect(self.compare)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.settle)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self._retranslate()
        if sheet.typed_by_me:
            self.error.setText(
                self.tr(
                    "You typed or corrected this sheet yourself; another secretariat user must "
                    "type it again."
                )
            )
            self.compare_button.setEnabled(False)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Confirm a paper sheet by typing it again"))
        self.intro.setText(
            self.tr(
                "<b>{team}</b> {institution} — judge {judge}<br>Type every score from the "
                "paper form again, without looking at the first entry. If both entries are "
                "the same, the sheet is confirmed."
            ).format(
                team=self.sheet.team, institution=self.sheet.institution, judge=self.sheet.judge
            )
        )
        self.compare_button.setText(self.tr("Compare and &confirm"))

    def values(self) -> dict[str, Decimal] | None:
        """The scores typed, or None (after saying which) when one is empty or not a number."""
        values: dict[str, Decimal] = {}
        for code, field in self.fields.items():
            try:
                values[code] = parse_decimal(field.text())
            except ValueError:
                self.error.setText(
                    self.tr("Type the score of {code} as a number (e.g. 4 or 4,5).").format(
                        code=code
                    )
                )
                field.setFocus()
                return None
        return values

    def compare(self) -> bool:
        """Send the second entry (off the GUI thread); False if one is not a number."""
        values = self.values()
        if values is None:
            return False
        confirmation, actor, sheet = self._confirmation, self._actor, self.sheet
        self.compare_button.setEnabled(False)
        self._ops.change(
            self,
            lambda: confirmation.confirm_by_reentry(actor, sheet.judge, sheet.team, values),
        ).success(self._show_outcome).failure(self._refused).run()
        return True

    def _refused(self, exc: BaseException) -> None:
        self.compare_button.setEnabled(True)
        if isinstance(exc, JuryError):
            self.error.setText(error_text(exc))
        else:
            show_error(self, exc)

    def _show_outcome(self, outcome: ReentryOutcome) -> None:
        self.compare_button.setEnabled(True)
        self.error.clear()
        if outcome.confirmed:
            self.confirmed = True
            self.compared.emit(outcome)
            self.accept()
            return
        self.differences.set_differences(outcome.differences, self.sheet.typed_by)
        self.table.show()
        self.settle.setText(
            self.tr(
                "The two entries differ on {n} criteria. Check them on the paper form together: "
                "where the paper agrees with the first entry, correct your own entry here and "
                "compare again; where it agrees with yours, {who} corrects the sheet (Correct a "
                "score…) and you type it again afterwards. Nothing was changed."
            ).format(n=len(outcome.differences), who=self.sheet.typed_by or "—")
        )
        for difference in outcome.differences:
            self.fields[difference.criterion.code].setStyleSheet("background: #fde2e2;")
        self.compared.emit(outcome)
