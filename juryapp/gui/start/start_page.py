"""The page shown while the database holds no convention: create one, open one, or the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.access import Actor
from juryapp.gui.errors import show_error
from juryapp.gui.worker import Progress, run_in_background

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.services.demo import DemoInfo

__all__ = ["FIRST_RUN_ACTOR", "StartPage"]

# Nobody can sign in before a convention and its accounts exist; whoever sets the laptop
# up acts for the secretariat, as the operator at the command line does.
# Whoever opens an empty database creates its convention; accounts come next.
FIRST_RUN_ACTOR = Actor.founder()


class StartPage(QWidget):
    convention_ready = Signal()
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
        self.create_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.demo_button = QPushButton(self)
        self._status = QLabel(self)
        self._status.setWordWrap(True)
        for button in (self.create_button, self.open_button, self.demo_button):
            button.setMinimumHeight(48)
            button.setMinimumWidth(420)
        self.create_button.clicked.connect(self._choose_convention_file)
        self.open_button.clicked.connect(self._choose_database)
        self.demo_button.clicked.connect(self.open_demo)

        column = QVBoxLayout()
        column.addWidget(self._title)
        column.addWidget(self._intro)
        column.addSpacing(16)
        column.addWidget(self.create_button)
        column.addWidget(self.open_button)
        column.addWidget(self.demo_button)
        column.addWidget(self._status)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(column)
        layout.setAlignment(column, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._retranslate()

    def set_services(self, services: Services) -> None:
        self._services = services

    # -- actions ---------------------------------------------------------------------------
    def _choose_convention_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a convention file"),
            "",
            self.tr("Convention files (*.toml);;All files (*)"),
        )
        if path:
            self.create_from_file(Path(path))

    def _choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a convention database"),
            "",
            self.tr("juryapp databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_database.emit(path)

    def create_from_file(self, path: Path) -> bool:
        """Create the convention a convention file describes; False (after a dialog) if not."""
        from juryapp.interchange.convention_file import read_convention_file  # noqa: PLC0415

        try:
            spec = read_convention_file(path)
            self._services.setup.create(FIRST_RUN_ACTOR, spec)
        except Exception as exc:
            show_error(self, exc)
            return False
        self.convention_ready.emit()
        return True

    def open_demo(self) -> None:
        """Fill this empty database with the demo convention, off the GUI thread."""
        services = self._services
        self._set_busy(True)

        def work(progress: Progress) -> DemoInfo:
            from juryapp.services.demo import load_demo  # noqa: PLC0415

            progress.report(0, 0, "")
            return load_demo(services.database, services.setup, services.accounts, services.keys)

        run_in_background(
            self,
            work,
            self._demo_done,
            self._demo_failed,
            title=self.tr("Preparing the demo convention…"),
        )

    def _demo_done(self, info: DemoInfo) -> None:
        self._set_busy(False)
        self.demo_loaded.emit(info)
        self.convention_ready.emit()

    def _demo_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.create_button, self.open_button, self.demo_button):
            button.setEnabled(not busy)
        self._status.setText(self.tr("Preparing the demo convention…") if busy else "")

    # -- language --------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self._title.setText(self.tr("No convention yet"))
        self._intro.setText(
            self.tr(
                "This database is empty. Create the convention from the file the secretariat "
                "prepared, open another database, or try the demo convention."
            )
        )
        self.create_button.setText(self.tr("Create a convention from a convention file…"))
        self.open_button.setText(self.tr("Open a convention database…"))
        self.demo_button.setText(self.tr("Open the demo"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
