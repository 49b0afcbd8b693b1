"""The rubric: criteria with weights that must total 100, level descriptors and scoring rules."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.formatting import format_number
from juryapp.domain.kinds import Method, TotalFormula
from juryapp.domain.model import Criterion, LevelDescriptor, ScoringSettings
from juryapp.gui.secretariat.common import lang
from juryapp.gui.secretariat.record_model import RecordModel
from juryapp.gui.secretariat.results_models import method_name
from juryapp.gui.secretariat.setup_columns import criterion_columns, level_columns
from juryapp.gui.secretariat.table_editor import TableEditor

FULL_WEIGHT = Decimal(100)


def _blank_criterion(row: int) -> Criterion:
    return Criterion(code=f"K{row + 1}", name="", weight=Decimal(0))


def _blank_level(row: int) -> LevelDescriptor:
    return LevelDescriptor(score=Decimal(row + 1), label="")


class RubricEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criteria: RecordModel[Criterion] = RecordModel(
            criterion_columns(), _blank_criterion, self
        )
        self.levels: RecordModel[LevelDescriptor] = RecordModel(level_columns(), _blank_level, self)
        self.criteria_editor = TableEditor(self.criteria, self)
        self.levels_editor = TableEditor(self.levels, self)
        header = self.criteria_editor.view.horizontalHeader()
        for column in (1, 2):  # the names share the room left by the short columns
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.total = QLabel(self)
        self.total.setObjectName("weight-total")
        self.criteria_editor.buttons.addWidget(self.total)
        self.criteria.edited.connect(self._update_total)
        self.criteria.modelReset.connect(self._update_total)
        self.criteria_editor.view.selectionModel().selectionChanged.connect(self._criterion_chosen)
        self.levels.edited.connect(self._levels_edited)
        self._level_row = -1

        self.method = QComboBox(self)
        for method in Method:
            self.method.addItem(method_name(method), method.value)
        self.trim = QSpinBox(self)
        self.trim.setRange(0, 5)
        self.formula = QComboBox(self)
        self.formula.addItem("", TotalFormula.RANGE.value)
        self.formula.addItem("", TotalFormula.PROPORTIONAL.value)
        self.tie_break = QLineEdit(self)
        self.outlier = QDoubleSpinBox(self)
        self.outlier.setRange(0, 100)
        self.outlier.setDecimals(1)
        self.presentation = QSpinBox(self)
        self.qa = QSpinBox(self)
        for spin in (self.presentation, self.qa):
            spin.setRange(1, 120)
        self.settings_box = QGroupBox(self)
        self._settings = QFormLayout(self.settings_box)
        self._labels = [QLabel(self.settings_box) for _ in range(7)]
        for label, field in zip(
            self._labels,
            (
                self.method,
                self.trim,
                self.formula,
                self.tie_break,
                self.outlier,
                self.presentation,
                self.qa,
            ),
            strict=True,
        ):
            label.setBuddy(field)
            self._settings.addRow(label, field)

        self.levels_box = QGroupBox(self)
        levels_layout = QVBoxLayout(self.levels_box)
        levels_layout.addWidget(self.levels_editor)
        self.criteria_box = QGroupBox(self)
        criteria_layout = QVBoxLayout(self.criteria_box)
        criteria_layout.addWidget(self.criteria_editor)

        right = QVBoxLayout()
        right.addWidget(self.settings_box)
        right.addWidget(self.levels_box, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.criteria_box, 3)
        layout.addLayout(right, 2)
        self._retranslate()

    def _retranslate(self) -> None:
        self.criteria_box.setTitle(self.tr("Criteria (double-click or type to edit)"))
        self.levels_box.setTitle(self.tr("Level descriptors of the selected criterion"))
        self.settings_box.setTitle(self.tr("Scoring rules"))
        self.formula.setItemText(0, self.tr("Range: lowest score is worth 0"))
        self.formula.setItemText(1, self.tr("Proportional: weight × score ÷ highest"))
        texts = (
            self.tr("Scoring &method"),
            self.tr("Trim (judges dropped at each end)"),
            self.tr("Total &formula"),
            self.tr("&Tie-break order"),
            self.tr("Outlier distance (points)"),
            self.tr("Presentation (minutes)"),
            self.tr("Q&&A (minutes)"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.tie_break.setPlaceholderText(self.tr("criterion codes, e.g. K5, K3, K8"))
        self._update_total()

    def load(self, criteria: tuple[Criterion, ...], scoring: ScoringSettings) -> None:
        self.criteria.set_records(criteria)
        self.levels.set_records(())
        self._level_row = -1
        self.method.setCurrentIndex(self.method.findData(scoring.method.value))
        self.trim.setValue(scoring.trim)
        self.formula.setCurrentIndex(self.formula.findData(scoring.total_formula.value))
        self.tie_break.setText(", ".join(scoring.tie_break))
        self.outlier.setValue(float(scoring.outlier_threshold))
        self.presentation.setValue(scoring.presentation_minutes)
        self.qa.setValue(scoring.qa_minutes)
        if criteria:
            self.criteria_editor.view.selectRow(0)

    def weight_total(self) -> Decimal:
        return sum((c.weight for c in self.criteria.records), Decimal(0))

    def weights_ok(self) -> bool:
        return self.weight_total() == FULL_WEIGHT

    def _update_total(self) -> None:
        total = format_number(self.weight_total(), 0 if self.weight_total() % 1 == 0 else 2, lang())
        if self.weights_ok():
            self.total.setText(self.tr("Total weight: {total} ✓").format(total=total))
            self.total.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            self.total.setText(self.tr("Total weight: {total} — must be 100").format(total=total))
            self.total.setStyleSheet("color: #c62828; font-weight: bold;")
        self.changed.emit()

    def _criterion_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        self._level_row = rows[0].row() if rows else -1
        if 0 <= self._level_row < len(self.criteria.records):
            self.levels.set_records(self.criteria.records[self._level_row].levels)
        else:
            self.levels.set_records(())

    def _levels_edited(self) -> None:
        if 0 <= self._level_row < len(self.criteria.records):
            criterion = self.criteria.records[self._level_row]
            self.criteria.replace_record(
                self._level_row, replace(criterion, levels=self.levels.records)
            )

    def scoring(self, current: ScoringSettings) -> ScoringSettings:
        codes = tuple(
            c.strip() for c in self.tie_break.text().replace(";", ",").split(",") if c.strip()
        )
        return replace(
            current,
            method=Method(self.method.currentData()),
            trim=self.trim.value(),
            total_formula=TotalFormula(self.formula.currentData()),
            tie_break=codes,
            outlier_threshold=Decimal(str(self.outlier.value())),
            presentation_minutes=self.presentation.value(),
            qa_minutes=self.qa.value(),
        )
