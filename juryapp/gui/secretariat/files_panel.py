"""Imports of teams, judges and scores, their empty templates, and convention files in and out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.messages import JuryError
from juryapp.gui import dialogs
from juryapp.gui.errors import show_error
from juryapp.gui.ops import Progress, Task
from juryapp.gui.secretariat.common import Notice, error_text, lang
from juryapp.interchange.convention_file import read_convention_file
from juryapp.interchange.convention_writer import write_convention_file
from juryapp.services.imports import ImportSummary

_TABLES = "CSV / Excel (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)"
_CONVENTION = "TOML (*.toml)"
IMPORTS = ("teams", "judges", "scores")
CHANGES = ("teams", "judges", "scores", "convention-in")  # refused while results are locked


def template_headings(kind: str, language: str) -> list[str]:
    """The headings of an empty import sheet, in the person's language (both are read back)."""
    from juryapp.interchange.columns import TEMPLATES  # noqa: PLC0415

    return [
        c.aliases[1] if language == "id" and len(c.aliases) > 1 else c.key for c in TEMPLATES[kind]
    ]


def write_template(kind: str, path: Path, language: str) -> None:
    from juryapp.interchange.tabular import write_table  # noqa: PLC0415

    write_table(path, template_headings(kind, language), [])


class FilesPanel(QWidget):
    imported = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._ops, self._actor = services, services.runner, actor
        self.task: Task | None = None
        self.notice = Notice(self)
        self.buttons: dict[str, QPushButton] = {}
        self.templates: dict[str, QPushButton] = {}
        grid = QGridLayout()
        self._explanations: dict[str, QLabel] = {}
        for row, key in enumerate(("teams", "judges", "scores", "convention-in", "convention-out")):
            button = QPushButton(self)
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            label = QLabel(self)
            label.setWordWrap(True)
            self.buttons[key], self._explanations[key] = button, label
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
            if key in IMPORTS:
                template = QPushButton(self)
                template.clicked.connect(lambda _checked=False, k=key: self._save_template(k))
                self.templates[key] = template
                grid.addWidget(template, row, 2)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        self._read_only = False
        self._retranslate()

    def _retranslate(self) -> None:
        texts = {
            "teams": (self.tr("Import &teams…"), self.tr("Add or update teams by code.")),
            "judges": (self.tr("Import &judges…"), self.tr("Add or update judges by code.")),
            "scores": (
                self.tr("Import s&cores…"),
                self.tr("Paper sheets typed into a spreadsheet; complete sheets are handed in."),
            ),
            "convention-in": (
                self.tr("&Open convention file…"),
                self.tr("Replace the whole set-up with a convention file (scores stay)."),
            ),
            "convention-out": (
                self.tr("Sa&ve convention file…"),
                self.tr("Write the set-up to a file to share or to start next year's edition."),
            ),
        }
        for key, (button, explanation) in texts.items():
            self.buttons[key].setText(button)
            self._explanations[key].setText(explanation)
        for template in self.templates.values():
            template.setText(self.tr("Empty template…"))
            template.setToolTip(
                self.tr("Save an empty spreadsheet with the right headings, to fill in and import.")
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._enable()

    def _choose(self, key: str) -> None:
        title = self.buttons[key].text().replace("&", "")
        if key == "convention-out":
            path = dialogs.save_file(self, title, _CONVENTION, "konvensi.toml", "toml")
        else:
            pattern = _CONVENTION if key == "convention-in" else _TABLES
            path = dialogs.open_file(self, title, pattern)
        if path is not None:
            self.start(key, path)

    def _save_template(self, kind: str) -> None:
        names = {
            "teams": self.tr("teams"),
            "judges": self.tr("judges"),
            "scores": self.tr("scores"),
        }
        path = dialogs.save_file(
            self,
            self.tr("Empty template for {what}").format(what=names[kind]),
            "Excel (*.xlsx);;CSV (*.csv)",
            f"{names[kind]}.xlsx",
            "xlsx",
        )
        if path is not None:
            self.save_template(kind, path)

    def save_template(self, kind: str, path: Path) -> Task:
        """Write an empty sheet off the GUI thread (the spreadsheet library loads slowly)."""
        language = lang()
        return (
            self._ops.job(self, lambda _progress: write_template(kind, path, language))
            .success(
                lambda _none: self.notice.show_info(
                    self.tr("{file}: empty template written.").format(file=path.name)
                )
            )
            .failure(self._failed)
            .run()
        )

    def work_for(self, key: str, path: Path) -> Callable[[Progress], object]:
        services, actor = self._services, self._actor

        def run(progress: Progress) -> object:
            progress.report(0, 0, path.name)
            if key == "teams":
                return services.imports.import_teams(actor, path)
            if key == "judges":
                return services.imports.import_judges(actor, path)
            if key == "scores":
                return services.imports.import_scores(actor, path)
            if key == "convention-in":
                services.setup.update(actor, read_convention_file(path))
                return None
            write_convention_file(services.setup.spec(), path)
            return None

        return run

    def start(self, key: str, path: Path) -> Task:
        """Run one import or export on a worker thread; the result appears in the notice.

        An import is a change, run in line with every other change; an export only reads.
        """
        for button in self.buttons.values():
            button.setEnabled(False)
        self.task = (
            self._ops.job(self, self.work_for(key, path), changes=key in CHANGES)
            .success(lambda result: self._done(path, result))
            .failure(self._failed)
            .with_progress(self.tr("Working on {file}…").format(file=path.name))
            .run()
        )
        return self.task

    def _done(self, path: Path, result: object) -> None:
        self._enable()
        if isinstance(result, ImportSummary):
            self.notice.show_info(
                self.tr("{file}: {rows} rows, {added} added, {changed} changed.").format(
                    file=path.name, rows=result.rows, added=result.added, changed=result.changed
                )
            )
        else:
            self.notice.show_info(self.tr("{file}: done.").format(file=path.name))
        self.imported.emit()

    def _failed(self, exc: BaseException) -> None:
        self._enable()
        if isinstance(exc, JuryError):
            self.notice.show_error(error_text(exc))
        else:
            show_error(self, exc)

    def _enable(self) -> None:
        for key, button in self.buttons.items():
            button.setEnabled(not (self._read_only and key in CHANGES))
