"""The wizard's first steps: details and letterhead, days, categories, rubric and rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from juryapp.domain.kinds import TotalFormula
from juryapp.domain.messages import JuryError
from juryapp.domain.model import (
    Category,
    ConventionDay,
    ConventionInfo,
    ConventionSpec,
    ScoringSettings,
)
from juryapp.gui import dialogs
from juryapp.gui.secretariat.common import Notice, error_text
from juryapp.gui.secretariat.delegates import DateDelegate
from juryapp.gui.secretariat.info_form import InfoForm
from juryapp.gui.secretariat.record_model import RecordModel
from juryapp.gui.secretariat.rubric_editor import RubricEditor
from juryapp.gui.secretariat.setup_columns import category_columns, day_columns
from juryapp.gui.secretariat.table_editor import TableEditor

# A new convention totals scores as Indonesian forms print them ("bobot × skor"), the rule a
# judge can work out on the paper form.
NEW_SCORING = ScoringSettings(total_formula=TotalFormula.PROPORTIONAL)


class Page(QWizardPage):
    """A step that relabels itself when the language changes."""

    def retranslate(self) -> None:  # pragma: no cover - every step overrides it
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DetailsPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.form = InfoForm(self)
        self.form.set_info(ConventionInfo(name=""))
        self.form.edited.connect(self.completeChanged)
        self.problem = QLabel(self)  # why a chosen logo was not taken
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("QLabel { color: #8e1b1b; }")
        self.form.refused.connect(self.problem.setText)
        self.form.edited.connect(self.problem.clear)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The convention and its organiser"))
        self.setSubTitle(
            self.tr(
                "Name the convention. The organiser, its head and the city are printed on "
                "the minutes and certificates; they can be filled in later too."
            )
        )
        self.form.retranslate()

    def info(self) -> ConventionInfo:
        return self.form.info(ConventionInfo(name=""))

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.info().name.strip())


class DaysPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.days: RecordModel[ConventionDay] = RecordModel(day_columns(), self._next_day, self)
        self.editor = TableEditor(self.days, self, noun=lambda: self.tr("day"))
        self.editor.view.setItemDelegateForColumn(0, DateDelegate(self.editor.view))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.editor)
        self.retranslate()

    def _next_day(self, _row: int) -> ConventionDay:
        records = self.days.records
        if not records:
            return ConventionDay(date.today() + timedelta(days=30))
        return ConventionDay(records[-1].date + timedelta(days=1), records[-1].start)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Days of the convention"))
        self.setSubTitle(
            self.tr("Add a row per day of presentations. Double-click a date to pick it.")
        )
        self.note.setText(
            self.tr(
                "The venue and room are on the first step. The start time is the first "
                "presentation of the day, e.g. 08.30."
            )
        )
        self.days.set_columns(day_columns())


class CategoriesPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.categories: RecordModel[Category] = RecordModel(
            category_columns(), lambda row: Category(f"CAT{row + 1}", "", 1), self
        )
        self.editor = TableEditor(self.categories, self, noun=lambda: self.tr("category"))
        self.categories.edited.connect(self.completeChanged)
        QVBoxLayout(self).addWidget(self.editor)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Categories and their quotas"))
        self.setSubTitle(
            self.tr(
                "Each category is ranked on its own. The quota is how many of its best teams go "
                "on to the next level (for example 3 Puskesmas, 3 RSUD, 1 private hospital)."
            )
        )
        self.categories.set_columns(category_columns())

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.categories.records)


class RubricPage(Page):
    """The rubric from the standard one, from last year's convention file, or from nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.standard = QRadioButton(self)
        self.from_file = QRadioButton(self)
        self.empty = QRadioButton(self)
        self.choose = QPushButton(self)
        self.choose.clicked.connect(self._choose_file)
        group = QButtonGroup(self)
        for button in (self.standard, self.from_file, self.empty):
            group.addButton(button)
        self.standard.setChecked(True)
        self.standard.toggled.connect(self._standard_toggled)
        self.empty.toggled.connect(self._empty_toggled)
        self.from_file.toggled.connect(self._file_toggled)
        self.editor = RubricEditor(self)
        self.editor.changed.connect(self.completeChanged)
        self.notice = Notice(self)
        choices = QHBoxLayout()
        for widget in (self.standard, self.from_file, self.choose, self.empty):
            choices.addWidget(widget)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.notice)
        layout.addWidget(self.editor, 1)
        self.retranslate()
        self.use_standard()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Rubric and scoring rules"))
        self.setSubTitle(
            self.tr(
                "Start from the standard rubric (8 criteria, weights totalling 100), from last "
                "year's convention file, or from nothing; then change what you need."
            )
        )
        self.standard.setText(self.tr("&Standard rubric"))
        self.from_file.setText(self.tr("From a convention fi&le"))
        self.choose.setText(self.tr("Choose…"))
        self.empty.setText(self.tr("&Empty"))

    def _standard_toggled(self, on: bool) -> None:
        if on:
            self.use_standard()

    def _empty_toggled(self, on: bool) -> None:
        if on:
            self.use_empty()

    def _file_toggled(self, on: bool) -> None:
        if on:
            self._choose_file()

    def use_standard(self) -> None:
        from juryapp.interchange.convention_file import read_convention_file  # noqa: PLC0415
        from juryapp.resources import resource  # noqa: PLC0415

        # The bundled rubric is the one the demo convention uses.
        standard = read_convention_file(resource("demo", "convention.toml"))
        self.editor.load(
            standard.criteria, replace(NEW_SCORING, tie_break=standard.scoring.tie_break)
        )

    def use_empty(self) -> None:
        self.editor.load((), NEW_SCORING)

    def _choose_file(self) -> None:
        path = dialogs.open_file(self, self.tr("Last year's convention file"), "TOML (*.toml)")
        if path is not None:
            self.use_file(path)

    def use_file(self, path: Path) -> bool:
        """The rubric and scoring rules of another convention file (nothing else of it)."""
        from juryapp.interchange.convention_file import read_convention_file  # noqa: PLC0415

        try:
            other = read_convention_file(path)
        except JuryError as exc:
            self.notice.show_error(error_text(exc))
            return False
        self.from_file.blockSignals(True)
        self.from_file.setChecked(True)
        self.from_file.blockSignals(False)
        self.editor.load(other.criteria, other.scoring)
        self.notice.show_info(
            self.tr("The rubric of {file}: {n} criteria.").format(
                file=path.name, n=len(other.criteria)
            )
        )
        return True

    def apply_to(self, spec: ConventionSpec) -> ConventionSpec:
        return replace(
            spec,
            criteria=self.editor.criteria.records,
            scoring=self.editor.scoring(spec.scoring),
        )

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.editor.criteria.records) and self.editor.weights_ok()
