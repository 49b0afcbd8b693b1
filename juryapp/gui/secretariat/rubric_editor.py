"""The rubric: criteria whose weights total 100, what judges read, levels, the scoring rules."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QEvent, QItemSelection, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
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
from juryapp.gui.secretariat.tie_break_list import TieBreakList

FULL_WEIGHT = Decimal(100)
NAME, NAME_EN = 1, 2  # the criteria table's name columns


def _blank_criterion(row: int) -> Criterion:
    return Criterion(code=f"K{row + 1}", name="", weight=Decimal(0))


def _blank_level(row: int) -> LevelDescriptor:
    return LevelDescriptor(score=Decimal(row + 1), label="")


class RubricEditor(QWidget):
    changed = Signal()
    edited = Signal()  # anything the person changed: criteria, texts, levels, rules

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criteria: RecordModel[Criterion] = RecordModel(
            criterion_columns(), _blank_criterion, self
        )
        self.levels: RecordModel[LevelDescriptor] = RecordModel(level_columns(), _blank_level, self)
        self.criteria_editor = TableEditor(self.criteria, self, noun=lambda: self.tr("criterion"))
        self.levels_editor = TableEditor(
            self.levels, self, noun=lambda: self.tr("level"), shortcuts=False
        )
        self.total = QLabel(self)
        self.total.setObjectName("weight-total")
        self.criteria_editor.buttons.addWidget(self.total)
        self.criteria.edited.connect(self._update_total)
        self.criteria.modelReset.connect(self._update_total)
        self.criteria.edited.connect(self._criteria_edited)
        self.criteria.modelReset.connect(self._refresh_chain)
        self.criteria_editor.view.selectionModel().selectionChanged.connect(self._criterion_chosen)
        self.criteria.modelReset.connect(self._fit_names)
        self.levels.edited.connect(self._levels_edited)
        self._row = -1
        self.description = QPlainTextEdit(self)
        self.description_en = QPlainTextEdit(self)
        for text in (self.description, self.description_en):
            text.textChanged.connect(self._description_edited)
            text.setMinimumHeight(48)
        self._build_rules()
        self._lay_out()
        self._retranslate()

    def _build_rules(self) -> None:
        self.method = QComboBox(self)
        for method in Method:
            self.method.addItem(method_name(method), method.value)
        self.trim = QSpinBox(self)
        self.trim.setRange(0, 5)
        self.formula = QComboBox(self)
        self.formula.addItem("", TotalFormula.RANGE.value)
        self.formula.addItem("", TotalFormula.PROPORTIONAL.value)
        self.tie_break = TieBreakList(self)
        self.outlier = QDoubleSpinBox(self)
        self.outlier.setRange(0, 100)
        self.outlier.setDecimals(1)
        self.presentation = QSpinBox(self)
        self.qa = QSpinBox(self)
        for spin in (self.presentation, self.qa):
            spin.setRange(1, 120)
        for combo in (self.method, self.formula):
            combo.currentIndexChanged.connect(self.edited)
        for spin in (self.trim, self.presentation, self.qa):
            spin.valueChanged.connect(self.edited)
        self.outlier.valueChanged.connect(self.edited)
        self.tie_break.changed.connect(self.edited)

    def _lay_out(self) -> None:
        self.settings_box = QGroupBox(self)
        self._settings = QFormLayout(self.settings_box)
        self._labels = [QLabel(self.settings_box) for _ in range(7)]
        fields = (
            self.method, self.trim, self.formula, self.tie_break, self.outlier,
            self.presentation, self.qa,
        )  # fmt: skip
        for label, field in zip(self._labels, fields, strict=True):
            label.setBuddy(field)
            self._settings.addRow(label, field)

        self.selected_box = QGroupBox(self)
        self.selected_tabs = QTabWidget(self.selected_box)
        texts = QWidget(self.selected_box)
        self._description_label, self._description_en_label = QLabel(texts), QLabel(texts)
        self._description_label.setBuddy(self.description)
        self._description_en_label.setBuddy(self.description_en)
        texts_layout = QVBoxLayout(texts)
        for widget in (
            self._description_label, self.description,
            self._description_en_label, self.description_en,
        ):  # fmt: skip
            texts_layout.addWidget(widget)
        self.selected_tabs.addTab(texts, "")
        self.selected_tabs.addTab(self.levels_editor, "")
        QVBoxLayout(self.selected_box).addWidget(self.selected_tabs)

        self.criteria_box = QGroupBox(self)
        QVBoxLayout(self.criteria_box).addWidget(self.criteria_editor)
        bottom = QHBoxLayout()
        bottom.addWidget(self.selected_box, 1)
        bottom.addWidget(self.settings_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.criteria_box, 5)
        layout.addLayout(bottom, 4)

    def _retranslate(self) -> None:
        self.criteria_box.setTitle(self.tr("Criteria (double-click or type to edit)"))
        self.settings_box.setTitle(self.tr("Scoring rules"))
        self.formula.setItemText(0, self.tr("Range: lowest score is worth 0"))
        self.formula.setItemText(1, self.tr("Proportional: weight × score ÷ highest"))
        for index, method in enumerate(Method):
            self.method.setItemText(index, method_name(method))
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
        self._description_label.setText(self.tr("What judges read about it (Indonesian)"))
        self._description_en_label.setText(self.tr("What judges read about it (English)"))
        self.selected_tabs.setTabText(0, self.tr("Description"))
        self.selected_tabs.setTabText(1, self.tr("Level descriptors"))
        self.criteria.set_columns(criterion_columns())
        self.levels.set_columns(level_columns())
        # A spin box keeps the locale it was made with: give it the one the language brings.
        for spin in (self.trim, self.outlier, self.presentation, self.qa):
            spin.setLocale(QLocale())
        self._show_selected_title()
        self._update_total()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def load(self, criteria: tuple[Criterion, ...], scoring: ScoringSettings) -> None:
        widgets = (self.method, self.trim, self.formula, self.outlier, self.presentation, self.qa)
        for widget in widgets:
            widget.blockSignals(True)
        self.criteria.set_records(criteria)
        self.levels.set_records(())
        self._row = -1
        self.method.setCurrentIndex(self.method.findData(scoring.method.value))
        self.trim.setValue(scoring.trim)
        self.formula.setCurrentIndex(self.formula.findData(scoring.total_formula.value))
        self.tie_break.set_chain(criteria, scoring.tie_break)
        self.outlier.setValue(float(scoring.outlier_threshold))
        self.presentation.setValue(scoring.presentation_minutes)
        self.qa.setValue(scoring.qa_minutes)
        for widget in widgets:
            widget.blockSignals(False)
        if criteria:
            self.criteria_editor.view.selectRow(0)
        self._show_selected()

    def _fit_names(self) -> None:
        """Short columns fit their contents; the two names share what is left."""
        header = self.criteria_editor.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(header.count()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column in (NAME, NAME_EN)
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)

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

    def _criteria_edited(self) -> None:
        self._refresh_chain()
        self.edited.emit()

    def _refresh_chain(self) -> None:
        self.tie_break.set_chain(self.criteria.records, self.tie_break.chain())

    def _criterion_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        self._row = rows[0].row() if rows else -1
        self._show_selected()

    def _selected(self) -> Criterion | None:
        records = self.criteria.records
        return records[self._row] if 0 <= self._row < len(records) else None

    def _show_selected(self) -> None:
        criterion = self._selected()
        self.levels.set_records(criterion.levels if criterion is not None else ())
        for text, value in (
            (self.description, criterion.description if criterion else ""),
            (self.description_en, criterion.description_en if criterion else ""),
        ):
            text.blockSignals(True)
            text.setPlainText(value)
            text.setEnabled(criterion is not None)
            text.blockSignals(False)
        self._show_selected_title()

    def _show_selected_title(self) -> None:
        criterion = self._selected()
        if criterion is None:
            self.selected_box.setTitle(self.tr("Selected criterion"))
        else:
            self.selected_box.setTitle(
                self.tr("Selected criterion: {code} {name}").format(
                    code=criterion.code, name=criterion.name.replace("&", "&&")
                )
            )

    def _levels_edited(self) -> None:
        criterion = self._selected()
        if criterion is not None:
            self.criteria.replace_record(self._row, replace(criterion, levels=self.levels.records))

    def _description_edited(self) -> None:
        criterion = self._selected()
        if criterion is not None:
            self.criteria.replace_record(
                self._row,
                replace(
                    criterion,
                    description=self.description.toPlainText().strip(),
                    description_en=self.description_en.toPlainText().strip(),
                ),
            )

    def scoring(self, current: ScoringSettings) -> ScoringSettings:
        return replace(
            current,
            method=Method(self.method.currentData()),
            trim=self.trim.value(),
            total_formula=TotalFormula(self.formula.currentData()),
            tie_break=self.tie_break.chain(),
            outlier_threshold=Decimal(str(round(self.outlier.value(), 1))),
            presentation_minutes=self.presentation.value(),
            qa_minutes=self.qa.value(),
        )

    def set_read_only(self, read_only: bool) -> None:
        self.criteria_editor.set_read_only(read_only)
        self.levels_editor.set_read_only(read_only)
        for text in (self.description, self.description_en):
            text.setReadOnly(read_only)
        for widget in (
            self.method,
            self.trim,
            self.formula,
            self.outlier,
            self.presentation,
            self.qa,
        ):
            widget.setEnabled(not read_only)
        self.tie_break.set_read_only(read_only)
