"""A red band across the secretariat's window when the database no longer matches its trail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from juryapp.gui.secretariat.audit_dialog import AuditDialog, report_summary

if TYPE_CHECKING:
    from juryapp.domain.access import Actor
    from juryapp.gui.ops import Ops
    from juryapp.reckoner import Reckoner
    from juryapp.services.integrity import IntegrityReport, IntegrityService


class IntegrityBanner(QFrame):
    """Hidden while every check passes; checked when the secretariat signs in and after a lock."""

    def __init__(
        self,
        integrity: IntegrityService,
        reckoner: Reckoner,
        ops: Ops,
        actor: Actor,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._integrity, self._reckoner, self._ops = integrity, reckoner, ops
        self._actor = actor
        self.report: IntegrityReport | None = None
        self.dialog: AuditDialog | None = None
        self.setStyleSheet(
            "IntegrityBanner { background: #fde2e2; border: 1px solid #c62828; }"
            " QLabel { color: #8e1b1b; font-weight: bold; }"
        )
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.details_button = QPushButton(self)
        self.details_button.clicked.connect(self.open_details)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.details_button)
        self._retranslate()
        self.hide()

    def check(self) -> None:
        """Run every check off the GUI thread; show the band if anything is found."""
        reckoner, actor = self._reckoner, self._actor
        # A failure to check is not a finding: the band stays as it was.
        self._ops.job(self, lambda _progress: reckoner.integrity(actor)).success(
            self.show_report
        ).failure(lambda _exc: None).run()

    def show_report(self, report: IntegrityReport) -> None:
        self.report = report
        self.text.setText("" if report.ok else report_summary(report))
        self.setVisible(not report.ok)

    def open_details(self) -> AuditDialog:
        if self.dialog is None:
            # not the band's child: its red style sheet would colour the whole dialog
            self.dialog = AuditDialog(
                self._integrity, self._ops, self._actor, self.parentWidget() or self
            )
            self.dialog.checked.connect(self.show_report)
        else:
            self.dialog.check()
        self.dialog.show()
        return self.dialog

    def _retranslate(self) -> None:
        self.details_button.setText(self.tr("&Details…"))
        if self.report is not None and not self.report.ok:
            self.text.setText(report_summary(self.report))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
