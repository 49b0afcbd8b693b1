"""The audit trail on screen: the check's verdict and findings, the head, the events, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.messages import JuryError, current_language
from juryapp.gui.errors import show_error
from juryapp.gui.secretariat.common import error_text
from juryapp.gui.tables import fit_to_visible_rows

if TYPE_CHECKING:
    from juryapp.domain.access import Actor
    from juryapp.gui.ops import Ops
    from juryapp.services.integrity import AuditEvent, IntegrityReport, IntegrityService

__all__ = ["AuditDialog", "EventsModel", "report_summary"]

SHOWN_EVENTS = 2000  # the newest ones; the export holds them all

Index = QModelIndex | QPersistentModelIndex


class EventsModel(QAbstractTableModel):
    """The newest audit events, newest first."""

    COLUMNS = ("seq", "at", "actor", "action", "subject")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events: list[AuditEvent] = []

    def set_events(self, events: list[AuditEvent]) -> None:
        self.beginResetModel()
        self._events = list(reversed(events))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{event.details}\n{event.hash}"
        return str(getattr(event, self.COLUMNS[index.column()]))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            self.tr("No."),
            self.tr("Time (UTC)"),
            self.tr("By"),
            self.tr("Action"),
            self.tr("Subject"),
        )
        return names[section]


def report_summary(report: IntegrityReport) -> str:
    """One sentence: intact, or how many findings."""
    if report.ok:
        return QCoreApplication.translate(
            "AuditDialog",
            "Intact: {n} events, head {head}. The score tables match the audit trail and the "
            "seal; nothing was changed behind the app's back.",
        ).format(n=report.events, head=report.head or "—")
    return QCoreApplication.translate(
        "AuditDialog",
        "{count} findings: the database was changed outside the app, or its trail rewritten. "
        "Do not print final documents until this is explained.",
    ).format(count=len(report.findings))


class AuditDialog(QDialog):
    """Runs the check off the GUI thread, shows what it found, and exports the trail."""

    checked = Signal(object)  # the IntegrityReport

    def __init__(
        self, integrity: IntegrityService, ops: Ops, actor: Actor, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._integrity, self._ops, self._actor = integrity, ops, actor
        self.report: IntegrityReport | None = None
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(900, 600)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.findings = QLabel(self)
        self.findings.setWordWrap(True)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.seal = QLabel(self)
        self.seal.setWordWrap(True)
        self.printed = QLineEdit(self)
        self.printed.setPlaceholderText(
            self.tr("Head printed on the signed minutes, e.g. #1234 · 3f9a…c2e1")
        )
        self.check_button = QPushButton(self.tr("&Check again"), self)
        self.check_button.clicked.connect(self.check)
        self.model = EventsModel(self)
        self.events = QTableView(self)
        fit_to_visible_rows(self.events)
        self.events.setModel(self.model)
        self.events.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.events.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.events.verticalHeader().hide()
        self.events.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.clicked.connect(self._ask_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        printed_row = QHBoxLayout()
        printed_row.addWidget(self.printed, 1)
        printed_row.addWidget(self.check_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        for widget in (self.verdict, self.findings, self.seal):
            layout.addWidget(widget)
        layout.addLayout(printed_row)
        layout.addWidget(self.events, 1)
        layout.addLayout(bottom)
        self.check()

    def check(self) -> None:
        integrity, actor, printed = self._integrity, self._actor, self.printed.text().strip()
        self.check_button.setEnabled(False)
        self.verdict.setText(self.tr("Checking the audit trail…"))

        def work(_progress: object) -> tuple[IntegrityReport, list[AuditEvent]]:
            report = integrity.check(actor, printed=printed or None)
            events = integrity.events(actor, since=max(0, report.events - SHOWN_EVENTS))
            return report, events

        self._ops.job(self, work).success(self._show).failure(self._failed).run()

    def _show(self, result: tuple[IntegrityReport, list[AuditEvent]]) -> None:
        report, events = result
        self.report = report
        self.check_button.setEnabled(True)
        colour = "#1b6e3a" if report.ok else "#b00020"
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.verdict.setText(report_summary(report))
        lang = current_language()
        self.findings.setText("\n".join(f"• {f.text.in_language(lang)}" for f in report.findings))
        self.findings.setVisible(not report.ok)
        if report.seal is not None:
            self.seal.setText(
                self.tr(
                    "Latest seal: results version {v}, sealed by {who}, key {key}, audit head "
                    "{head}."
                ).format(
                    v=report.seal.version,
                    who=report.seal.sealed_by,
                    key=report.seal.key_fingerprint,
                    head=report.seal.head,
                )
            )
        else:
            self.seal.setText(self.tr("The results have not been sealed yet."))
        self.model.set_events(events)
        self.events.resizeColumnsToContents()
        self.checked.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        if isinstance(exc, JuryError):
            self.verdict.setText(error_text(exc))
        else:
            show_error(self, exc)

    def export(self, path: Path) -> None:
        integrity, actor, lang = self._integrity, self._actor, current_language()
        self._ops.job(self, lambda _progress: integrity.export(actor, path, lang=lang)).success(
            lambda count: self.seal.setText(
                self.tr("{n} events written to {file}.").format(n=count, file=path)
            )
        ).failure(self._failed).with_progress(self.tr("Writing the audit trail…")).run()

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit trail"),
            "jejak-audit.pdf",
            self.tr("PDF annex (*.pdf);;Spreadsheet (*.xlsx);;CSV (*.csv)"),
        )
        if name:
            self.export(Path(name))
