"""Pengaturan: convention details, categories, rubric, teams, judges, conflicts and files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.formatting import format_date, format_number
from juryapp.domain.messages import JuryError
from juryapp.domain.model import (
    Category,
    Conflict,
    ConventionDay,
    ConventionInfo,
    ConventionSpec,
    Judge,
    Team,
)
from juryapp.domain.validation import SpecProblemsError
from juryapp.gui.secretariat.common import Notice, error_text, lang, say
from juryapp.gui.secretariat.files_panel import FilesPanel
from juryapp.gui.secretariat.logo_field import LogoField
from juryapp.gui.secretariat.record_model import Column, RecordModel
from juryapp.gui.secretariat.rubric_editor import RubricEditor
from juryapp.gui.secretariat.setup_columns import (
    category_columns,
    conflict_columns,
    judge_columns,
    team_columns,
)
from juryapp.gui.secretariat.table_editor import TableEditor
from juryapp.gui.signature_pad import SignatureDialog

# The event's details, then the organiser's letterhead and its head, who signs "Mengetahui,"
_EVENT_FIELDS = ("name", "theme", "venue", "city", "next_level", "next_level_en", "minutes_number")
_LETTERHEAD_FIELDS = (
    "parent_body", "parent_office", "organiser", "address", "telephone", "email", "website",
    "organiser_head_title", "organiser_head_name", "organiser_head_rank", "organiser_head_nip",
)  # fmt: skip
_INFO_FIELDS = (*_EVENT_FIELDS, *_LETTERHEAD_FIELDS)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError("YYYY-MM-DD") from exc


def _start(text: str) -> time | None:
    text = text.strip().replace(".", ":")
    return time.fromisoformat(text) if text else None


def day_columns() -> list[Column[ConventionDay]]:
    return [
        Column("", lambda d: d.date.isoformat(), lambda d, t: replace(d, date=_day(t))),
        Column("", lambda d: format_date(d.date, lang())),
        Column(
            "",
            lambda d: "" if d.start is None else d.start.strftime("%H:%M"),
            lambda d, t: replace(d, start=_start(t)),
        ),
    ]


class SetupPage(QWidget):
    saved = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self.spec: ConventionSpec | None = None
        self.dirty = False

        self.info_fields: dict[str, QLineEdit] = {f: QLineEdit(self) for f in _INFO_FIELDS}
        self.logo = LogoField(self)
        self.max_members = QSpinBox(self)
        self.max_members.setRange(1, 50)
        self.days: RecordModel[ConventionDay] = RecordModel(
            day_columns(), lambda _row: ConventionDay(date.today()), self
        )
        self.categories: RecordModel[Category] = RecordModel(
            category_columns(), lambda row: Category(f"CAT{row + 1}", "", 1), self
        )
        self.rubric = RubricEditor(self)
        self.teams: RecordModel[Team] = RecordModel(
            team_columns(7), lambda row: Team(f"T{row + 1:02}", "", "", ""), self
        )
        self.signed: set[str] = set()
        self.judges: RecordModel[Judge] = RecordModel(
            judge_columns(self.signed), lambda row: Judge(f"J{row + 1}", ""), self
        )
        self.conflicts: RecordModel[Conflict] = RecordModel(
            conflict_columns(), lambda _row: Conflict(judge=""), self
        )
        self.files = FilesPanel(services, actor, self)
        self.files.imported.connect(self._imported)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._details_tab(), "")
        self.tabs.addTab(TableEditor(self.categories, self), "")
        self.tabs.addTab(self.rubric, "")
        self.team_warning = QLabel(self)
        self.team_warning.setStyleSheet("color: #c62828; font-weight: bold;")
        self.team_warning.setWordWrap(True)
        self.tabs.addTab(self._with_note(TableEditor(self.teams, self), self.team_warning), "")
        self.judge_editor = TableEditor(self.judges, self)
        self.signature_button = QPushButton(self)
        self.signature_button.clicked.connect(self._capture_signature)
        self.judge_editor.buttons.addWidget(self.signature_button)
        self.tabs.addTab(self.judge_editor, "")
        self.conflict_editor = TableEditor(self.conflicts, self)
        self.suggest_button = QPushButton(self)
        self.suggest_button.clicked.connect(self.suggest_conflicts)
        self.conflict_editor.buttons.addWidget(self.suggest_button)
        self.tabs.addTab(self.conflict_editor, "")
        self.tabs.addTab(self.files, "")

        self._lay_out()

    def _lay_out(self) -> None:
        self.save_button, self.revert_button = QPushButton(self), QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.problems = QListWidget(self)
        self.problems.setMaximumHeight(110)
        self.problems.setStyleSheet("QListWidget { color: #8e1b1b; background: #fde2e2; }")
        self.problems.hide()
        self.notice = Notice(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notice, 3)
        bottom.addStretch(1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems)
        layout.addLayout(bottom)

        for model in (self.days, self.categories, self.teams, self.judges, self.conflicts):
            model.edited.connect(self._edited)
            model.refused.connect(self.notice.show_error)
        self.rubric.criteria.edited.connect(self._edited)
        self.rubric.criteria.refused.connect(self.notice.show_error)
        self.rubric.levels.refused.connect(self.notice.show_error)
        for field in self.info_fields.values():
            field.textEdited.connect(self._edited)
        self.logo.changed.connect(self._edited)
        self.logo.refused.connect(self.notice.show_error)
        self.max_members.valueChanged.connect(self._max_members_changed)
        self.teams.edited.connect(self._update_team_warning)
        self.retranslate()

    def _details_tab(self) -> QWidget:
        tab = QWidget(self)
        self._info_labels = {f: QLabel(tab) for f in (*_INFO_FIELDS, "max_team_members", "logo")}
        self.event_box, self.letterhead_box = QGroupBox(tab), QGroupBox(tab)
        event_form, letterhead_form = QFormLayout(self.event_box), QFormLayout(self.letterhead_box)
        for form, names in ((event_form, _EVENT_FIELDS), (letterhead_form, _LETTERHEAD_FIELDS)):
            for name in names:
                self._info_labels[name].setBuddy(self.info_fields[name])
                form.addRow(self._info_labels[name], self.info_fields[name])
        event_form.addRow(self._info_labels["max_team_members"], self.max_members)
        self._info_labels["logo"].setBuddy(self.logo.choose_button)
        letterhead_form.insertRow(0, self._info_labels["logo"], self.logo)
        self._days_label = QLabel(tab)
        days_editor = TableEditor(self.days, tab)
        days_editor.view.setMaximumHeight(130)
        left = QVBoxLayout()
        left.addWidget(self.event_box)
        left.addWidget(self._days_label)
        left.addWidget(days_editor)
        left.addStretch(1)
        layout = QHBoxLayout(tab)
        layout.addLayout(left, 1)
        layout.addWidget(self.letterhead_box, 1, Qt.AlignmentFlag.AlignTop)
        return tab

    def _with_note(self, editor: QWidget, note: QLabel) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note)
        layout.addWidget(editor, 1)
        return box

    def retranslate(self) -> None:
        titles = (
            self.tr("Convention"),
            self.tr("Categories"),
            self.tr("Rubric"),
            self.tr("Teams"),
            self.tr("Judges"),
            self.tr("Conflicts of interest"),
            self.tr("Import / export"),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        self.event_box.setTitle(self.tr("The event"))
        self.letterhead_box.setTitle(self.tr("Letterhead and acknowledging official"))
        labels = {
            "name": self.tr("Convention name"),
            "theme": self.tr("Theme"),
            "venue": self.tr("Venue"),
            "city": self.tr("Place of signing"),
            "next_level": self.tr("Next level"),
            "next_level_en": self.tr("Next level (in English)"),
            "minutes_number": self.tr("Minutes number"),
            "max_team_members": self.tr("Maximum team members"),
            "logo": self.tr("Logo"),
            "parent_body": self.tr("Government (first line)"),
            "parent_office": self.tr("Parent office (second line)"),
            "organiser": self.tr("Organiser"),
            "address": self.tr("Address"),
            "telephone": self.tr("Telephone"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "organiser_head_title": self.tr("Head of organiser (title)"),
            "organiser_head_name": self.tr("Head of organiser (name)"),
            "organiser_head_rank": self.tr("Head of organiser (rank)"),
            "organiser_head_nip": self.tr("Head of organiser (NIP)"),
        }
        for name, text in labels.items():
            self._info_labels[name].setText(text)
        self.logo.retranslate()
        self._days_label.setText(self.tr("Convention days (date YYYY-MM-DD, start time)"))
        self.days.set_columns(
            [
                replace(c, header=h)
                for c, h in zip(
                    day_columns(), (self.tr("Date"), self.tr("Day"), self.tr("Start")), strict=True
                )
            ]
        )
        self.signature_button.setText(self.tr("Capture &signature…"))
        self.suggest_button.setText(self.tr("Su&ggest from affiliations"))
        self.save_button.setText(self.tr("&Save set-up"))
        self.revert_button.setText(self.tr("&Undo changes"))

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.dirty:
            return  # never throw away edits that are not saved yet
        spec = self.notice.attempt(self._services.setup.spec)
        if spec is None or spec == self.spec:
            return
        self.load(spec)

    def load(self, spec: ConventionSpec) -> None:
        self.spec = spec
        for name, field in self.info_fields.items():
            field.setText(str(getattr(spec.info, name)))
            field.setCursorPosition(0)  # a long name shows its beginning, not its end
        self.logo.set_logo(spec.info.logo)
        self.max_members.blockSignals(True)
        self.max_members.setValue(spec.info.max_team_members)
        self.max_members.blockSignals(False)
        self.days.set_records(spec.days)
        self.categories.set_records(spec.categories)
        self.rubric.load(spec.criteria, spec.scoring)
        self.teams.set_columns(team_columns(spec.info.max_team_members))
        self.teams.set_records(spec.teams)
        self.signed.clear()
        self.signed.update(self._services.setup.signatures())
        self.judges.set_records(spec.judges)
        self.conflicts.set_records(spec.conflicts)
        self.problems.hide()
        self.dirty = False
        self._update_team_warning()

    def revert(self) -> None:
        self.dirty = False
        self.spec = None
        self.notice.clear_notice()
        self.refresh()

    def _edited(self) -> None:
        self.dirty = True

    def _imported(self) -> None:
        self.dirty = False
        self.spec = None
        self.refresh()
        self.saved.emit()

    def _max_members_changed(self, value: int) -> None:
        self._edited()
        self.teams.set_columns(team_columns(value))
        self.teams.dataChanged.emit(
            self.teams.index(0, 0),
            self.teams.index(self.teams.rowCount() - 1, self.teams.columnCount() - 1),
        )
        self._update_team_warning()

    def _update_team_warning(self) -> None:
        limit = self.max_members.value()
        over = [t.code for t in self.teams.records if len(t.members) > limit]
        self.team_warning.setVisible(bool(over))
        self.team_warning.setText(
            self.tr("More than {max} members: {teams}").format(max=limit, teams=", ".join(over))
        )

    # -- building and saving ------------------------------------------------------------------
    def built_spec(self) -> ConventionSpec:
        assert self.spec is not None
        info = replace(
            self.spec.info,
            **{name: field.text().strip() for name, field in self.info_fields.items()},
            max_team_members=self.max_members.value(),
            logo=self.logo.logo,
        )
        assert isinstance(info, ConventionInfo)
        return replace(
            self.spec,
            info=info,
            days=self.days.records,
            scoring=self.rubric.scoring(self.spec.scoring),
            categories=self.categories.records,
            criteria=self.rubric.criteria.records,
            judges=self.judges.records,
            teams=self.teams.records,
            conflicts=self.conflicts.records,
        )

    def save(self) -> bool:
        self.problems.clear()
        self.problems.hide()
        if self.spec is None:
            return False
        if not self.rubric.weights_ok():
            self.tabs.setCurrentWidget(self.rubric)
            self.notice.show_error(
                self.tr("The weights add up to {total}, not 100. The set-up was not saved.").format(
                    total=format_number(self.rubric.weight_total(), 2, lang())
                )
            )
            return False
        spec = self.built_spec()
        try:
            self._services.setup.update(self._actor, spec)
        except SpecProblemsError as exc:
            for where, text in exc.problems:
                self.problems.addItem(f"{where}: {say(text)}")
            self.problems.show()
            self.notice.show_error(
                self.tr("{n} problems; nothing was saved.").format(n=len(exc.problems))
            )
            return False
        except JuryError as exc:
            self.notice.show_error(error_text(exc))
            return False
        self.dirty = False
        self.spec = None
        self.refresh()
        self.notice.show_info(self.tr("The set-up is saved."))
        self.saved.emit()
        return True

    def suggest_conflicts(self) -> int:
        suggestions = self.notice.attempt(self._services.setup.suggest_conflicts) or []
        known = {(c.judge, c.team, c.institution) for c in self.conflicts.records}
        added = 0
        for conflict in suggestions:
            if (conflict.judge, conflict.team, conflict.institution) not in known:
                self.conflicts.add(conflict)
                added += 1
        self.notice.show_info(
            self.tr("{n} conflicts suggested from the judges' affiliations.").format(n=added)
        )
        return added

    def _capture_signature(self) -> None:
        row = self.judge_editor.selected_row()
        if row < 0:
            self.notice.show_error(self.tr("Select a judge first."))
            return
        judge = self.judges.records[row]
        png = SignatureDialog.get_signature(self, signer=judge.name)
        if png is not None:
            self.store_signature(judge.code, png)

    def store_signature(self, judge_code: str, png: bytes) -> bool:
        if not self.notice.run(
            lambda: self._services.setup.set_signature(self._actor, judge_code, png)
        ):
            return False
        self.signed.add(judge_code)
        self.judges.dataChanged.emit(
            self.judges.index(0, 0),
            self.judges.index(self.judges.rowCount() - 1, self.judges.columnCount() - 1),
        )
        self.notice.show_info(self.tr("Signature of {code} stored.").format(code=judge_code))
        return True
