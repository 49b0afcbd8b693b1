"""Cetak: the result documents as PDFs (draft before the lock, signed after) and verification."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.messages import JuryError
from juryapp.gui import dialogs
from juryapp.gui.errors import show_error
from juryapp.gui.ops import Progress, Reload, Task
from juryapp.gui.passphrase import ask_passphrase
from juryapp.gui.secretariat.common import Notice, error_text
from juryapp.gui.secretariat.verification_box import VerificationBox
from juryapp.gui.secretariat.written_model import (
    DOCUMENT,
    FILE,
    PATH_ROLE,
    WrittenFilesModel,
    kind_name,
)
from juryapp.gui.tables import sorting_proxy
from juryapp.reports.model import Paper
from juryapp.services.changes import Change
from juryapp.services.keys import KeyInfo
from juryapp.services.publishing import Kind, Written
from juryapp.services.results import LockState
from juryapp.services.verification import Verification

FOLDER_NAME = "juryapp-dokumen"
_ROWS = 4  # document kinds per column


def default_output_folder() -> Path:
    """A "juryapp-dokumen" folder in the person's Documents (their home if there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / FOLDER_NAME


class PrintPage(QWidget):
    WATCHES = frozenset({Change.RESULTS})
    audit_requested = Signal()  # the audit trail's window, which the secretariat's window owns

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._ops, self._actor = services, services.runner, actor
        self.lock_state: LockState | None = None
        self.key: KeyInfo | None = None
        self.print_task: Task | None = None
        self.verification_box: VerificationBox | None = None
        self._printed_to: Path | None = None

        self._build_state()
        self._build_documents()
        self._build_options()
        self.print_button = QPushButton(self)
        self.print_button.setDefault(True)
        # not connected directly: clicked() passes a bool that would be taken for a passphrase
        self.print_button.clicked.connect(lambda: self.create_pdfs())  # noqa: PLW0108
        self.verify_button = QPushButton(self)
        self.verify_button.clicked.connect(self._ask_verify)
        self.audit_button = QPushButton(self)
        self.audit_button.clicked.connect(self.audit_requested)
        self.notice = Notice(self)
        self._reload = Reload(
            self._ops, self, self._read, self._show_read, failed=self.notice.read_failed
        )
        self._build_files()
        self._lay_out()

    # -- building -----------------------------------------------------------------------------
    def _build_state(self) -> None:
        self.state_box = QGroupBox(self)
        self.state_text = QLabel(self.state_box)
        self.state_text.setWordWrap(True)
        self.state_text.setTextFormat(Qt.TextFormat.PlainText)
        self._fingerprint_label = QLabel(self.state_box)
        self.fingerprint = QLabel(self.state_box)
        self.fingerprint.setTextFormat(Qt.TextFormat.PlainText)
        # Read aloud pair by pair and compared by eye, so every character must be distinct.
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.fingerprint.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._fingerprint_label.setBuddy(self.fingerprint)
        layout = QVBoxLayout(self.state_box)
        layout.addWidget(self.state_text)
        row = QHBoxLayout()
        row.addWidget(self._fingerprint_label)
        row.addWidget(self.fingerprint, 1)
        layout.addLayout(row)

    def _build_documents(self) -> None:
        self.documents_box = QGroupBox(self)
        self.kind_boxes: dict[Kind, QCheckBox] = {}
        grid = QGridLayout(self.documents_box)
        for number, kind in enumerate(Kind):
            box = QCheckBox(self.documents_box)
            box.setChecked(True)
            box.toggled.connect(self._update_buttons)
            self.kind_boxes[kind] = box
            # down the columns, in printing order: results first, then the forms
            grid.addWidget(box, number % _ROWS, number // _ROWS)

    def _build_options(self) -> None:
        self.options_box = QGroupBox(self)
        self.language = QComboBox(self.options_box)
        # Each language named in itself, so it reads the same whatever the interface language.
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.paper = QComboBox(self.options_box)
        self.paper.addItem("A4 (210 × 297 mm)", "A4")
        self.paper.addItem("F4 (215 × 330 mm)", "F4")
        self.folder = QLineEdit(str(default_output_folder()), self.options_box)
        self.folder.textChanged.connect(self._update_buttons)
        self.choose_button = QPushButton(self.options_box)
        self.choose_button.clicked.connect(self._ask_folder)
        self._language_label = QLabel(self.options_box)
        self._language_label.setBuddy(self.language)
        self._paper_label = QLabel(self.options_box)
        self._paper_label.setBuddy(self.paper)
        self._folder_label = QLabel(self.options_box)
        self._folder_label.setBuddy(self.folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        form = QFormLayout(self.options_box)
        form.addRow(self._language_label, self.language)
        form.addRow(self._paper_label, self.paper)
        form.addRow(self._folder_label, folder_row)

    def _build_files(self) -> None:
        self.files_box = QGroupBox(self)
        self.files = WrittenFilesModel(self)
        proxy = sorting_proxy(self, self.files)
        self.files_view = QTableView(self.files_box)
        self.files_view.setModel(proxy)
        self.files_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files_view.verticalHeader().hide()
        self.files_view.setSortingEnabled(True)
        self.files_view.sortByColumn(DOCUMENT, Qt.SortOrder.AscendingOrder)
        header = self.files_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        self.files_view.activated.connect(self._open_file)
        self.open_folder_button = QPushButton(self.files_box)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.files_hint = QLabel(self.files_box)
        self.files_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.files_hint, 1)
        buttons.addWidget(self.open_folder_button)
        layout = QVBoxLayout(self.files_box)
        layout.addWidget(self.files_view, 1)
        layout.addLayout(buttons)

    def _lay_out(self) -> None:
        choices = QHBoxLayout()
        choices.addWidget(self.documents_box, 1)
        choices.addWidget(self.options_box, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.audit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_box)
        layout.addLayout(choices)
        layout.addLayout(actions)
        layout.addWidget(self.notice)
        layout.addWidget(self.files_box, 1)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.state_box.setTitle(self.tr("Results and signature"))
        self._fingerprint_label.setText(self.tr("Certificate &fingerprint:"))
        self.documents_box.setTitle(self.tr("Documents"))
        for kind, box in self.kind_boxes.items():
            box.setText(kind_name(kind))
        self.options_box.setTitle(self.tr("Options"))
        self._language_label.setText(self.tr("&Language of the documents"))
        self._paper_label.setText(self.tr("&Paper"))
        self._folder_label.setText(self.tr("Output fol&der"))
        self.choose_button.setText(self.tr("C&hoose…"))
        self.print_button.setText(self.tr("&Create PDFs"))
        self.verify_button.setText(self.tr("&Verify a PDF…"))
        self.audit_button.setText(self.tr("&Audit trail…"))
        self.files_box.setTitle(self.tr("Files written"))
        self.open_folder_button.setText(self.tr("&Open folder"))
        self._show_hint()
        self._show_state()

    def _show_hint(self) -> None:
        self.files_hint.setText(
            self.tr("Press Enter or double-click a file to open it.")
            if self.files.rowCount()
            else self.tr("Nothing printed yet on this screen.")
        )

    # -- state --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._reload.request()

    def _read(self) -> Callable[[], tuple[LockState, KeyInfo | None]]:
        results, keys, actor = self._services.results, self._services.keys, self._actor
        return lambda: (results.lock_state(), keys.active(actor))

    def _show_read(self, loaded: tuple[LockState, KeyInfo | None]) -> None:
        self.lock_state, self.key = loaded
        self._show_state()

    def _show_state(self) -> None:
        state, key = self.lock_state, self.key
        if state is None:
            return
        signed = state.locked and key is not None
        if not state.locked:
            text = self.tr(
                "Results version {n} are not locked: the PDFs carry a DRAFT watermark and are "
                "not signed. Lock the results on the Results screen to print the final, "
                "signed documents."
            )
        elif key is None:
            text = self.tr(
                "Results version {n} are locked, but this convention has no signing key yet. "
                "Unlock and lock the results again on the Results screen to create it."
            )
        else:
            text = self.tr(
                "Results version {n} are locked: the PDFs are signed with the key below, whose "
                "passphrase is asked for when you create them. The key's fingerprint is printed "
                "on the minutes; anyone compares it to check a file."
            )
        self.state_text.setText(text.format(n=state.version))
        self.fingerprint.setText(key.fingerprint if signed and key else "")
        self._fingerprint_label.setVisible(signed)
        self.fingerprint.setVisible(signed)

    def chosen_kinds(self) -> list[Kind]:
        return [kind for kind, box in self.kind_boxes.items() if box.isChecked()]

    def set_kinds(self, kinds: set[Kind]) -> None:
        for kind, box in self.kind_boxes.items():
            box.setChecked(kind in kinds)

    def output_folder(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def set_output_folder(self, folder: Path) -> None:
        self.folder.setText(str(folder))

    def _update_buttons(self) -> None:
        busy = self.print_task is not None
        self.print_button.setEnabled(
            not busy and bool(self.chosen_kinds()) and bool(self.folder.text().strip())
        )
        self.open_folder_button.setEnabled(self._printed_to is not None)

    # -- printing -----------------------------------------------------------------------------
    def create_pdfs(self, passphrase: str | None = None) -> Task | None:
        """Write the chosen documents off the GUI thread; the list shows them when done.

        Final documents are signed: the key's passphrase is asked for unless given.
        """
        kinds, folder = self.chosen_kinds(), self.output_folder()
        if self.print_task is not None or not kinds or not str(folder).strip():
            return None
        if self.lock_state is not None and self.lock_state.locked and passphrase is None:
            passphrase = ask_passphrase(self, self.tr("Create signed PDFs"))
            if passphrase is None:
                return None
        lang = "en" if self.language.currentData() == "en" else "id"
        paper: Paper = "F4" if self.paper.currentData() == "F4" else "A4"
        services, actor = self._services, self._actor
        # Translated here: the worker thread must not call into widgets.
        writing = self.tr("Writing {file}.pdf…")

        def work(progress: Progress) -> list[Written]:
            def report(done: int, total: int, name: str) -> None:
                progress.report(done, total, writing.format(file=name) if name else "")

            return services.publishing.publish(
                actor,
                folder,
                passphrase=passphrase,
                lang=lang,
                kinds=kinds,
                paper=paper,
                progress=report,
            )

        self.notice.clear_notice()
        self.print_task = (
            self._ops.job(self, work)
            .success(lambda written: self._printed(folder, written))
            .failure(self._print_failed)
            .cancelled(self._print_cancelled)
            .with_progress(self.tr("Creating PDFs…"))
            .run()
        )
        self._update_buttons()
        return self.print_task

    def _printed(self, folder: Path, written: list[Written]) -> None:
        self.print_task = None
        self._printed_to = folder
        self.files.set_files(written)
        signed = sum(1 for w in written if w.signed)
        if signed == len(written):
            message = self.tr("{count} signed PDF files written to {folder}.")
        else:
            message = self.tr("{count} draft PDF files (not signed) written to {folder}.")
        self.notice.show_info(message.format(count=len(written), folder=folder))
        self._show_hint()
        self._update_buttons()

    def _print_failed(self, exc: BaseException) -> None:
        self.print_task = None
        self._update_buttons()
        self._failed(exc)

    def _print_cancelled(self) -> None:
        self.print_task = None
        self._update_buttons()
        self.notice.show_error(
            self.tr("Printing was cancelled. Files written before the cancel stay in the folder.")
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, JuryError):
            self.notice.show_error(error_text(exc))
        else:
            show_error(self, exc)

    def _ask_folder(self) -> None:
        chosen = dialogs.choose_folder(
            self, self.tr("Folder for the PDF files"), self.folder.text()
        )
        if chosen is not None:
            self.set_output_folder(chosen)

    def open_folder(self) -> None:
        if self._printed_to is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._printed_to)))

    def _open_file(self, index: QModelIndex) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(index.data(PATH_ROLE))))

    # -- verification -------------------------------------------------------------------------
    def verify_file(self, path: Path) -> Task:
        """Check ``path`` off the GUI thread, then say in a dialog whether it can be trusted."""
        services, actor = self._services, self._actor

        def work(_progress: Progress) -> Verification:
            return services.verification.verify(actor, path)

        return (
            self._ops.job(self, work)
            .success(lambda report: self._show_verification(path, report))
            .failure(self._failed)
            .with_progress(self.tr("Checking {file}…").format(file=path.name))
            .run()
        )

    def _show_verification(self, path: Path, report: Verification) -> None:
        if self.verification_box is not None:
            self.verification_box.close()
            self.verification_box.deleteLater()
        self.verification_box = VerificationBox(path, report, self)
        self.verification_box.open()

    def _ask_verify(self) -> None:
        start = self._printed_to or self.output_folder()
        chosen = dialogs.open_file(
            self, self.tr("Verify a PDF"), self.tr("PDF files (*.pdf)"), str(start)
        )
        if chosen is not None:
            self.verify_file(chosen)
