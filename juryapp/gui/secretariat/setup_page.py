"""Pengaturan: convention details, categories, rubric, teams, judges, conflicts and files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.formatting import format_number
from juryapp.domain.model import (
    Category,
    Conflict,
    ConventionDay,
    ConventionSpec,
    Judge,
    Team,
)
from juryapp.domain.validation import SpecProblemsError
from juryapp.gui.ops import Reload
from juryapp.gui.problems import problem_lines
from juryapp.gui.secretariat.common import Notice, lang
from juryapp.gui.secretariat.delegates import DateDelegate
from juryapp.gui.secretariat.files_panel import FilesPanel
from juryapp.gui.secretariat.info_form import InfoForm
from juryapp.gui.secretariat.record_model import RecordModel
from juryapp.gui.secretariat.rubric_editor import RubricEditor
from juryapp.gui.secretariat.setup_columns import (
    category_columns,
    choose_category,
    choose_conflict_parts,
    conflict_columns,
    day_columns,
    judge_columns,
    team_columns,
)
from juryapp.gui.secretariat.table_editor import TableEditor
from juryapp.gui.signature_pad import SignatureDialog
from juryapp.services.changes import Change
from juryapp.services.results import LockState

LOCKED_STYLE = "QLabel { background: #fff1c4; border: 1px solid #d9a400; padding: 6px; }"


_Loaded = tuple[LockState, ConventionSpec | None, frozenset[str]]


class SetupPage(QWidget):
    WATCHES = frozenset({Change.SETUP, Change.RESULTS})
    saved = Signal()
    unsaved_changed = Signal(bool)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._ops, self._actor = services, services.runner, actor
        self._saving = False
        self.spec: ConventionSpec | None = None
        self.dirty = False
        self.locked = False

        self.info = InfoForm(self)
        self.days: RecordModel[ConventionDay] = RecordModel(
            day_columns(), lambda _row: ConventionDay(date.today()), self
        )
        self.categories: RecordModel[Category] = RecordModel(
            category_columns(), lambda row: Category(f"CAT{row + 1}", "", 1), self
        )
        self.rubric = RubricEditor(self)
        self.teams: RecordModel[Team] = RecordModel(team_columns(7), self._blank_team, self)
        self.signed: set[str] = set()
        self.judges: RecordModel[Judge] = RecordModel(
            judge_columns(self.signed), lambda row: Judge(f"J{row + 1}", ""), self
        )
        self.conflicts: RecordModel[Conflict] = RecordModel(
            conflict_columns(), self._blank_conflict, self
        )
        self.files = FilesPanel(services, actor, self)
        self.files.imported.connect(self._imported)
        self._build_tabs()
        self._lay_out()
        self._reload = Reload(
            self._ops, self, self._read, self._show_read, failed=self.notice.read_failed, slow=True
        )

    # -- building -----------------------------------------------------------------------------
    def _blank_team(self, row: int) -> Team:
        category = self.categories.records[0].code if self.categories.records else ""
        return Team(f"T{row + 1:02}", "", category, "")

    def _blank_conflict(self, _row: int) -> Conflict:
        judge = self.judges.records[0].code if self.judges.records else ""
        team = self.teams.records[0].code if self.teams.records else None
        return Conflict(judge=judge, team=team, institution=None if team else "")

    def _build_tabs(self) -> None:
        self.days_editor = TableEditor(self.days, self, noun=lambda: self.tr("day"))
        self.days_editor.view.setItemDelegateForColumn(0, DateDelegate(self.days_editor.view))
        self.category_editor = TableEditor(self.categories, self, noun=lambda: self.tr("category"))
        self.team_editor = TableEditor(self.teams, self, noun=lambda: self.tr("team"))
        choose_category(self.team_editor.view, self.categories)
        self.judge_editor = TableEditor(self.judges, self, noun=lambda: self.tr("judge"))
        self.signature_button = QPushButton(self)
        self.signature_button.clicked.connect(self._capture_signature)
        self.judge_editor.buttons.addWidget(self.signature_button)
        self.conflict_editor = TableEditor(
            self.conflicts, self, noun=lambda: self.tr("conflict of interest")
        )
        choose_conflict_parts(self.conflict_editor.view, self.judges, self.teams)
        self.suggest_button = QPushButton(self)
        self.suggest_button.clicked.connect(self.suggest_conflicts)
        self.conflict_editor.buttons.addWidget(self.suggest_button)
        self.team_warning = QLabel(self)
        self.team_warning.setStyleSheet("color: #c62828; font-weight: bold;")
        self.team_warning.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._details_tab(), "")
        self.tabs.addTab(self.category_editor, "")
        self.tabs.addTab(self.rubric, "")
        self.tabs.addTab(self._with_note(self.team_editor, self.team_warning), "")
        self.tabs.addTab(self.judge_editor, "")
        self.tabs.addTab(self.conflict_editor, "")
        self.tabs.addTab(self.files, "")

    def _details_tab(self) -> QWidget:
        tab = QWidget(self)
        self._days_label = QLabel(tab)
        self._days_label.setWordWrap(True)
        self.days_editor.view.setMaximumHeight(160)
        # The details and the letterhead are taller than a 768-pixel screen leaves for them:
        # they scroll, so that the page (and its Save button) fits the window.
        details = QScrollArea(tab)
        details.setWidgetResizable(True)
        details.setFrameShape(QFrame.Shape.NoFrame)
        details.setWidget(self.info)
        layout = QHBoxLayout(tab)
        layout.addWidget(details, 3)
        right = QVBoxLayout()
        right.addWidget(self._days_label)
        right.addWidget(self.days_editor)
        right.addStretch(1)
        layout.addLayout(right, 2)
        return tab

    def _with_note(self, editor: QWidget, note: QLabel) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note)
        layout.addWidget(editor, 1)
        return box

    def _lay_out(self) -> None:
        self.save_button, self.revert_button = QPushButton(self), QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.locked_note = QLabel(self)
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet(LOCKED_STYLE)
        self.locked_note.hide()
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
        layout.addWidget(self.locked_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems)
        layout.addLayout(bottom)

        for model in (self.days, self.categories, self.teams, self.judges, self.conflicts):
            model.edited.connect(self._edited)
            model.refused.connect(self.notice.show_error)
        self.rubric.edited.connect(self._edited)
        self.rubric.criteria.refused.connect(self.notice.show_error)
        self.rubric.levels.refused.connect(self.notice.show_error)
        self.info.edited.connect(self._edited)
        self.info.refused.connect(self.notice.show_error)
        self.max_members.valueChanged.connect(self._max_members_changed)
        self.teams.edited.connect(self._update_team_warning)
        self.teams.edited.connect(self._name_conflicts)
        self.judges.edited.connect(self._name_conflicts)
        self.retranslate()
        self._update_buttons()

    @property
    def info_fields(self) -> dict[str, QLineEdit]:
        """The one-line fields of the details, by ConventionInfo field name."""
        return {n: e for n, e in self.info.editors.items() if isinstance(e, QLineEdit)}

    @property
    def max_members(self) -> QSpinBox:
        spin = self.info.editors["max_team_members"]
        assert isinstance(spin, QSpinBox)
        return spin

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
        self.info.retranslate()
        self._days_label.setText(
            self.tr("Convention days: double-click a date to pick it on the calendar")
        )
        # Headers are made in the language of the moment, so new columns replace the old.
        self.days.set_columns(day_columns())
        self.categories.set_columns(category_columns())
        self.teams.set_columns(team_columns(self.max_members.value()))
        self.judges.set_columns(judge_columns(self.signed))
        self._name_conflicts()
        self.signature_button.setText(self.tr("Capture si&gnature…"))
        self.suggest_button.setText(self.tr("Su&ggest from affiliations"))
        self.save_button.setText(self.tr("&Save set-up"))
        self.revert_button.setText(self.tr("&Undo changes"))
        self.locked_note.setText(
            self.tr(
                "The results are locked, so the set-up can be read but not changed. Unlock "
                "the results on the Results screen (with a reason) to change it."
            )
        )
        self._update_team_warning()

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the lock and, unless edits wait to be saved, the set-up (off the GUI thread)."""
        self._reload.request()

    def _read(self) -> Callable[[], _Loaded]:
        # never throw away edits that are not saved yet: the set-up is not even read
        reckoner, with_spec = self._services.reckoner, not self.dirty
        return lambda: reckoner.setup(with_spec=with_spec)

    def _show_read(self, loaded: _Loaded) -> None:
        state, spec, signed = loaded
        self.notice.read_ok()
        self.set_locked(state.locked)
        if spec is None or self.dirty or spec == self.spec:
            return
        self.load(spec, signed)

    def load(self, spec: ConventionSpec, signed: Iterable[str] = ()) -> None:
        self.spec = spec
        self.info.set_info(spec.info)
        self.days.set_records(spec.days)
        self.categories.set_records(spec.categories)
        self.rubric.load(spec.criteria, spec.scoring)
        self.teams.set_columns(team_columns(spec.info.max_team_members))
        self.teams.set_records(spec.teams)
        self.signed.clear()
        self.signed.update(signed)
        self.judges.set_records(spec.judges)
        self.conflicts.set_records(spec.conflicts)
        self._name_conflicts()
        self.problems.hide()
        self._set_dirty(False)
        self._update_team_warning()

    def set_locked(self, locked: bool) -> None:
        """While the results are locked the set-up is shown read-only, with why."""
        self.locked = locked
        self.locked_note.setVisible(locked)
        self.info.set_read_only(locked)
        for editor in (
            self.days_editor,
            self.category_editor,
            self.team_editor,
            self.judge_editor,
            self.conflict_editor,
        ):
            editor.set_read_only(locked)
        self.rubric.set_read_only(locked)
        self.suggest_button.setEnabled(not locked)
        self.files.set_read_only(locked)
        self._update_buttons()

    def revert(self) -> None:
        self._set_dirty(False)
        self.spec = None
        self.notice.clear_notice()
        self.problems.hide()
        self.refresh()

    def discard(self) -> None:
        self.revert()

    def has_unsaved(self) -> bool:
        return self.dirty

    def unsaved_name(self) -> str:
        return self.tr("the Set-up screen")

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self.dirty
        self.dirty = dirty
        self._update_buttons()
        if changed:
            self.unsaved_changed.emit(dirty)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.dirty and not self.locked)
        self.revert_button.setEnabled(self.dirty)

    def _edited(self) -> None:
        if self.spec is not None:
            self._set_dirty(True)

    def _imported(self) -> None:
        self._set_dirty(False)
        self.spec = None
        self.refresh()
        self.saved.emit()

    def _max_members_changed(self, value: int) -> None:
        self.teams.set_columns(team_columns(value))
        self.teams.dataChanged.emit(
            self.teams.index(0, 0),
            self.teams.index(self.teams.rowCount() - 1, self.teams.columnCount() - 1),
        )
        self._update_team_warning()

    def _name_conflicts(self) -> None:
        """Conflicts show the judge's name and the team's institution beside their codes."""
        self.conflicts.set_columns(
            conflict_columns(
                {j.code: j.name for j in self.judges.records},
                {t.code: t.institution for t in self.teams.records},
            )
        )
        if self.conflicts.rowCount():
            self.conflicts.dataChanged.emit(
                self.conflicts.index(0, 0),
                self.conflicts.index(self.conflicts.rowCount() - 1, 1),
            )

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
        return replace(
            self.spec,
            info=self.info.info(self.spec.info),
            days=self.days.records,
            scoring=self.rubric.scoring(self.spec.scoring),
            categories=self.categories.records,
            criteria=self.rubric.criteria.records,
            judges=self.judges.records,
            teams=self.teams.records,
            conflicts=self.conflicts.records,
        )

    def save(self, then: Callable[[], object] | None = None) -> bool:
        """Save the edits off the GUI thread; False if refused before (the weights, nothing
        loaded). ``then`` runs once saved; a refusal from the service is shown here."""
        self.problems.clear()
        self.problems.hide()
        if self.spec is None or self._saving:
            return False
        if not self.rubric.weights_ok():
            self.tabs.setCurrentWidget(self.rubric)
            self.notice.show_error(
                self.tr("The weights add up to {total}, not 100. The set-up was not saved.").format(
                    total=format_number(self.rubric.weight_total(), 2, lang())
                )
            )
            return False
        spec, setup, actor = self.built_spec(), self._services.setup, self._actor
        self._saving = True
        self._ops.change(self, lambda: setup.update(actor, spec)).success(
            lambda _none: self._saved(then)
        ).failure(self._not_saved).run()
        return True

    def _saved(self, then: Callable[[], object] | None) -> None:
        self._saving = False
        self._set_dirty(False)
        self.spec = None
        # Read again now: the watcher may have reported this change while the edits still
        # counted as unsaved, and that read left the set-up unread.
        self.refresh()
        self.notice.show_info(self.tr("The set-up is saved."))
        self.saved.emit()
        if then is not None:
            then()

    def _not_saved(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, SpecProblemsError):
            self.problems.addItems(problem_lines(exc.problems))
            self.problems.show()
            self.notice.show_error(
                self.tr("{n} problems; nothing was saved.").format(n=len(exc.problems))
            )
            return
        self.notice.refused(exc)

    def suggest_conflicts(self) -> None:
        """Add the conflicts the judges' affiliations suggest (read off the GUI thread)."""
        self._ops.query(self, self._services.setup.suggest_conflicts).success(
            self._add_suggestions
        ).failure(self.notice.refused).run()

    def _add_suggestions(self, suggestions: list[Conflict]) -> None:
        known = {(c.judge, c.team, c.institution) for c in self.conflicts.records}
        added = 0
        for conflict in suggestions:
            if (conflict.judge, conflict.team, conflict.institution) not in known:
                self.conflicts.add(conflict)
                added += 1
        self.notice.show_info(
            self.tr("{n} conflicts suggested from the judges' affiliations.").format(n=added)
        )

    def _capture_signature(self) -> None:
        row = self.judge_editor.selected_row()
        if row < 0:
            self.notice.show_error(self.tr("Select a judge first."))
            return
        judge = self.judges.records[row]
        png = SignatureDialog.get_signature(self, signer=judge.name)
        if png is not None:
            self.store_signature(judge.code, png)

    def store_signature(self, judge_code: str, png: bytes) -> None:
        setup, actor = self._services.setup, self._actor
        self._ops.change(self, lambda: setup.set_signature(actor, judge_code, png)).success(
            lambda _none: self._signature_stored(judge_code)
        ).failure(self.notice.refused).run()

    def _signature_stored(self, judge_code: str) -> None:
        self.signed.add(judge_code)
        self.judges.dataChanged.emit(
            self.judges.index(0, 0),
            self.judges.index(self.judges.rowCount() - 1, self.judges.columnCount() - 1),
        )
        self.notice.show_info(self.tr("Signature of {code} stored.").format(code=judge_code))
