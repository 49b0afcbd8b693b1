"""The page shown while the database holds no convention: create one, open one, or the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.access import Actor
from juryapp.gui import dialogs
from juryapp.gui.errors import show_error
from juryapp.gui.ops import Progress

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.gui.wizard import ConventionWizard
    from juryapp.services.demo import DemoInfo

__all__ = ["FIRST_RUN_ACTOR", "StartPage"]

# Nobody can sign in before a convention and its accounts exist; whoever sets the laptop
# up acts for the secretariat, as the operator at the command line does.
# Whoever opens an empty database creates its convention; accounts come next.
FIRST_RUN_ACTOR = Actor.founder()
COLUMN_WIDTH = 560


class StartPage(QWidget):
    convention_ready = Signal()
    convention_created = Signal(object)  # wizard.Created: who signs in first, judges' PINs
    open_database = Signal(str)  # path of another database file the person chose
    demo_loaded = Signal(object)  # DemoInfo

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._title = QLabel(self)
        font = self._title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self._title.setFont(font)
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.new_button.setDefault(True)
        self.create_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.demo_button = QPushButton(self)
        self.complete_demo_button = QPushButton(self)
        self._status = QLabel(self)
        self._status.setWordWrap(True)
        self._buttons = (
            self.new_button,
            self.create_button,
            self.open_button,
            self.demo_button,
            self.complete_demo_button,
        )
        for button in self._buttons:
            button.setMinimumHeight(44)
        self.new_button.setMinimumHeight(56)
        font = self.new_button.font()
        font.setBold(True)
        self.new_button.setFont(font)
        self.new_button.clicked.connect(self.new_convention)
        self.create_button.clicked.connect(self._choose_convention_file)
        self.open_button.clicked.connect(self._choose_database)
        self.demo_button.clicked.connect(lambda _checked=False: self.open_demo())
        self.complete_demo_button.clicked.connect(lambda: self.open_demo(complete=True))

        # A column of fixed width: a wrapped text inside a centred layout is given the
        # height of its unwrapped width and came out clipped through its lines.
        column_widget = QWidget(self)
        column_widget.setFixedWidth(COLUMN_WIDTH)
        column = QVBoxLayout(column_widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._title)
        column.addWidget(self._intro)
        column.addSpacing(16)
        for button in self._buttons:
            column.addWidget(button)
            if button is self.new_button:
                column.addSpacing(12)
        column.addWidget(self._status)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(column_widget)
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(centred)
        layout.addStretch(2)
        self._retranslate()

    def set_services(self, services: Services) -> None:
        self._services = services

    # -- actions ---------------------------------------------------------------------------
    def new_wizard(self) -> ConventionWizard:
        """The new-convention wizard over this (empty) database, built but not shown."""
        from juryapp.gui.wizard import ConventionWizard  # noqa: PLC0415

        return ConventionWizard(self._services, self.window())

    def new_convention(self) -> None:
        wizard = self.new_wizard()
        wizard.exec()
        self.wizard_done(wizard)

    def wizard_done(self, wizard: ConventionWizard) -> None:
        if wizard.created is not None:
            self.convention_ready.emit()
            self.convention_created.emit(wizard.created)
        wizard.deleteLater()

    def _choose_convention_file(self) -> None:
        path = dialogs.open_file(
            self,
            self.tr("Choose a convention file"),
            self.tr("Convention files (*.toml);;All files (*)"),
        )
        if path is not None:
            self.create_from_file(path)

    def _choose_database(self) -> None:
        path = dialogs.open_file(
            self,
            self.tr("Open a convention database"),
            self.tr("juryapp databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path is not None:
            self.open_database.emit(str(path))

    def create_from_file(self, path: Path) -> None:
        """Create the convention a convention file describes (off the GUI thread); a file
        that cannot be used is reported in a dialog."""
        setup = self._services.setup

        def work(_progress: Progress) -> None:
            from juryapp.interchange.convention_file import read_convention_file  # noqa: PLC0415

            setup.create(FIRST_RUN_ACTOR, read_convention_file(path))

        self._set_busy(True, self.tr("Creating the convention…"))
        self._services.runner.job(self, work, changes=True).success(
            lambda _none: self._created_from_file()
        ).failure(self._demo_failed).run()

    def _created_from_file(self) -> None:
        self._set_busy(False)
        self.convention_ready.emit()

    def open_demo(self, *, complete: bool = False) -> None:
        """Fill this empty database with the demo convention, off the GUI thread.

        The complete demo has every sheet filled in and confirmed, ready to lock and print.
        """
        services = self._services
        self._set_busy(True, self.tr("Preparing the demo convention…"))

        def work(progress: Progress) -> DemoInfo:
            from juryapp.services.demo import load_demo  # noqa: PLC0415

            progress.report(0, 0, "")
            return load_demo(
                services.database,
                services.setup,
                services.accounts,
                services.keys,
                complete=complete,
            )

        services.runner.job(self, work, changes=True).success(self._demo_done).failure(
            self._demo_failed
        ).with_progress(self.tr("Preparing the demo convention…")).run()

    def _demo_done(self, info: DemoInfo) -> None:
        self._set_busy(False)
        self.demo_loaded.emit(info)
        self.convention_ready.emit()

    def _demo_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for button in self._buttons:
            button.setEnabled(not busy)
        self._status.setText(text if busy else "")

    # -- language --------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self._title.setText(self.tr("No convention yet"))
        self._intro.setText(
            self.tr(
                "This database is empty. Set up a new convention step by step, create it from "
                "a convention file, open another database, or try the demo convention."
            )
        )
        # The wrapped text's whole height at the column's width, in either language.
        self._intro.setMinimumHeight(self._intro.heightForWidth(COLUMN_WIDTH))
        self.new_button.setText(self.tr("&New convention…"))
        self.create_button.setText(self.tr("&Create a convention from a convention file…"))
        self.open_button.setText(self.tr("&Open a convention database…"))
        self.demo_button.setText(self.tr("Open the &demo (one sheet left to score)"))
        self.complete_demo_button.setText(
            self.tr("Open the co&mplete demo (every sheet confirmed)")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
