"""The wizard's middle steps: teams and judges (typed or from a spreadsheet), conflicts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QVBoxLayout

from juryapp.domain.messages import JuryError
from juryapp.domain.model import Conflict, ConventionSpec, Judge, Team, same_institution
from juryapp.gui import dialogs
from juryapp.gui.secretariat.common import Notice, error_text, lang
from juryapp.gui.secretariat.delegates import ChoiceDelegate
from juryapp.gui.secretariat.files_panel import write_template
from juryapp.gui.secretariat.record_model import RecordModel
from juryapp.gui.secretariat.setup_columns import conflict_columns, judge_columns, team_columns
from juryapp.gui.secretariat.table_editor import TableEditor
from juryapp.gui.wizard.setup_pages import Page

TABLES = "CSV / Excel (*.csv *.xlsx)"
SpecSource = Callable[[], ConventionSpec]


class _ImportingPage(Page):
    """A table typed by hand or filled from a spreadsheet, with an empty template to fill."""

    kind = ""

    def __init__(self, spec: SpecSource) -> None:
        super().__init__()
        self._spec = spec
        self.notice = Notice(self)
        self.import_button = QPushButton(self)
        self.template_button = QPushButton(self)
        self.import_button.clicked.connect(self._choose_file)
        self.template_button.clicked.connect(self._save_template)

    def _lay_out(self, editor: TableEditor[Team] | TableEditor[Judge]) -> None:
        editor.buttons.addWidget(self.import_button)
        editor.buttons.addWidget(self.template_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(editor, 1)

    def _label_buttons(self) -> None:
        self.import_button.setText(self.tr("&Import from a spreadsheet…"))
        self.template_button.setText(self.tr("Empty &template…"))

    def _choose_file(self) -> None:
        path = dialogs.open_file(self, self.import_button.text().replace("&", ""), TABLES)
        if path is not None:
            self.import_file(path)

    def _save_template(self) -> None:
        path = dialogs.save_file(
            self, self.template_button.text().replace("&", ""), "Excel (*.xlsx);;CSV (*.csv)",
            f"{self.kind}.xlsx", "xlsx",
        )  # fmt: skip
        if path is None:
            return
        try:
            write_template(self.kind, path, lang())
        except (JuryError, OSError) as exc:
            self.notice.show_error(str(exc))
            return
        self.notice.show_info(self.tr("{file}: empty template written.").format(file=path.name))

    def import_file(self, path: Path) -> bool:  # pragma: no cover - each page has its own
        raise NotImplementedError


class TeamsPage(_ImportingPage):
    kind = "teams"

    def __init__(self, spec: SpecSource, categories: Callable[[], list[tuple[str, str]]]) -> None:
        super().__init__(spec)
        self.teams: RecordModel[Team] = RecordModel(team_columns(7), self._blank, self)
        self.editor = TableEditor(self.teams, self, noun=lambda: self.tr("team"))
        self.editor.view.setItemDelegateForColumn(2, ChoiceDelegate(categories, self.editor.view))
        self._categories = categories
        self._lay_out(self.editor)
        self.retranslate()

    def _blank(self, row: int) -> Team:
        choices = self._categories()
        return Team(f"T{row + 1:02}", "", choices[0][0] if choices else "", "")

    def retranslate(self) -> None:
        self.setTitle(self.tr("Participating teams"))
        self.setSubTitle(
            self.tr(
                "Type the teams, or import them from a spreadsheet (save the empty template, "
                "fill it in Excel, import it). Day and order give the presentation schedule."
            )
        )
        self.teams.set_columns(team_columns(self._spec().info.max_team_members))
        self._label_buttons()

    def initializePage(self) -> None:  # noqa: N802
        self.teams.set_columns(team_columns(self._spec().info.max_team_members))

    def import_file(self, path: Path) -> bool:
        from juryapp.services.setup_files import teams_in_file  # noqa: PLC0415

        try:
            merged = teams_in_file(path, self._spec())
        except JuryError as exc:
            self.notice.show_error(error_text(exc))
            return False
        before = {t.code for t in self.teams.records}
        self.teams.set_records(merged.teams)
        self.teams.edited.emit()
        added = sum(1 for t in merged.teams if t.code not in before)
        self.notice.show_info(
            self.tr("{file}: {n} teams in all, {added} new.").format(
                file=path.name, n=len(merged.teams), added=added
            )
        )
        return True


class JudgesPage(_ImportingPage):
    kind = "judges"

    def __init__(self, spec: SpecSource) -> None:
        super().__init__(spec)
        self.judges: RecordModel[Judge] = RecordModel(
            judge_columns(set()), lambda row: Judge(f"J{row + 1}", ""), self
        )
        self.editor = TableEditor(self.judges, self, noun=lambda: self.tr("judge"))
        self._lay_out(self.editor)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Judges"))
        self.setSubTitle(
            self.tr(
                "Type the judges or import them. Write the name with degrees as it is printed "
                "under the signature; put ✓ (or 'ya') in Chair for the chair of the jury."
            )
        )
        self.judges.set_columns(judge_columns(set()))
        self._label_buttons()

    def import_file(self, path: Path) -> bool:
        from juryapp.services.setup_files import judges_in_file  # noqa: PLC0415

        try:
            merged = judges_in_file(path, self._spec())
        except JuryError as exc:
            self.notice.show_error(error_text(exc))
            return False
        self.judges.set_records(merged.judges)
        self.judges.edited.emit()
        self.notice.show_info(
            self.tr("{file}: {n} judges.").format(file=path.name, n=len(merged.judges))
        )
        return True


class ConflictsPage(Page):
    def __init__(self, spec: SpecSource) -> None:
        super().__init__()
        self._spec = spec
        self.conflicts: RecordModel[Conflict] = RecordModel(conflict_columns(), self._blank, self)
        self.editor = TableEditor(
            self.conflicts, self, noun=lambda: self.tr("conflict of interest")
        )
        view = self.editor.view
        view.setItemDelegateForColumn(
            0,
            ChoiceDelegate(lambda: [(j.code, f"{j.code} — {j.name}") for j in spec().judges], view),
        )
        view.setItemDelegateForColumn(
            1,
            ChoiceDelegate(
                lambda: (
                    [("", "—")] + [(t.code, f"{t.code} — {t.institution}") for t in spec().teams]
                ),
                view,
            ),
        )
        view.setItemDelegateForColumn(
            2,
            ChoiceDelegate(
                lambda: (
                    [("", "—")] + [(i, i) for i in sorted({t.institution for t in spec().teams})]
                ),
                view,
                free=True,
            ),
        )
        self.suggest_button = QPushButton(self)
        self.suggest_button.clicked.connect(self.suggest)
        self.editor.buttons.addWidget(self.suggest_button)
        self.notice = Notice(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.editor, 1)
        self.retranslate()

    def _blank(self, _row: int) -> Conflict:
        spec = self._spec()
        judge = spec.judges[0].code if spec.judges else ""
        team = spec.teams[0].code if spec.teams else None
        return Conflict(judge=judge, team=team, institution=None if team else "")

    def retranslate(self) -> None:
        self.setTitle(self.tr("Conflicts of interest"))
        self.setSubTitle(
            self.tr(
                "A judge does not score a team of their own institution. Pick the judge, then "
                "either one team or a whole institution."
            )
        )
        self.suggest_button.setText(self.tr("Su&ggest from affiliations"))
        self._name()

    def initializePage(self) -> None:  # noqa: N802
        self._name()

    def _name(self) -> None:
        spec = self._spec()
        self.conflicts.set_columns(
            conflict_columns(
                {j.code: j.name for j in spec.judges}, {t.code: t.institution for t in spec.teams}
            )
        )

    def suggest(self) -> int:
        """Judge ↔ institution pairs where a judge's affiliation is a team's institution."""
        spec = self._spec()
        known = {(c.judge, c.team, c.institution) for c in self.conflicts.records}
        added = 0
        for judge in spec.judges:
            for institution in sorted({t.institution for t in spec.teams}):
                if not judge.affiliation or not same_institution(judge.affiliation, institution):
                    continue
                if (judge.code, None, institution) not in known:
                    self.conflicts.add(Conflict(judge.code, institution=institution))
                    added += 1
        self.notice.show_info(
            self.tr("{n} conflicts suggested from the judges' affiliations.").format(n=added)
        )
        return added
