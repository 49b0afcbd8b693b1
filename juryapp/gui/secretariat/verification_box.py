"""A message box that says in plain words whether a result PDF can be trusted, and why not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from juryapp.reports.pdf_problem import PdfProblem
from juryapp.services.verification import Verification


class VerificationBox(QMessageBox):
    """Shows one :class:`Verification`: the verdict first, then each reason and the details."""

    def __init__(self, path: Path, report: Verification, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.report = path, report
        self.setWindowTitle(self.tr("Verify a PDF"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        if report.ok:
            self.setIcon(QMessageBox.Icon.Information)
            self.verdict = self.tr("Valid")
            summary = self.tr(
                "{verdict}: {file} is signed with this convention's key, has not been changed "
                "since it was signed, and certifies the locked results in this database."
            )
        else:
            self.setIcon(QMessageBox.Icon.Warning)
            self.verdict = self.tr("Not valid")
            summary = self.tr("{verdict}: {file} cannot be trusted as a result document.")
        self.setText(summary.format(verdict=self.verdict, file=path.name))
        self.setInformativeText("\n".join(self.details()))
        self.setStandardButtons(QMessageBox.StandardButton.Close)

    def details(self) -> list[str]:
        """The reasons and facts under the verdict, one line each."""
        report, verdict = self.report, self.report.verdict
        lines = [f"• {self.problem_text(problem)}" for problem in verdict.problems]
        if verdict.signed and not report.matches_database:
            lines.append(
                "• "
                + self.tr("The results in this database differ from the ones the file certifies.")
            )
        if verdict.signed and not report.database_locked:
            lines.append("• " + self.tr("The results in this database are not locked."))
        if lines:
            lines.append("")
        if report.version is None:
            lines.append(self.tr("The file certifies no version of the results."))
        else:
            lines.append(
                self.tr("The file certifies results version {n}.").format(n=report.version)
            )
        lines.append(
            self.tr("This database holds results version {n} ({state}).").format(
                n=report.database_version,
                state=self.tr("locked") if report.database_locked else self.tr("open"),
            )
        )
        lines.append(
            self.tr("Matches this database: {answer}").format(
                answer=self.tr("yes") if report.matches_database else self.tr("no")
            )
        )
        if verdict.signed:
            lines.append(self.tr("Signed with key {key}").format(key=verdict.key_id or "?"))
            lines.append(
                self.tr("Signing key fingerprint: {fingerprint}").format(
                    fingerprint=verdict.signer_certificate_fingerprint or "?"
                )
            )
        return lines

    def problem_text(self, problem: str) -> str:
        texts: dict[str, str] = {
            PdfProblem.UNREADABLE: self.tr("The file is damaged or is not a PDF."),
            PdfProblem.NOT_SIGNED: self.tr("The file is not signed."),
            PdfProblem.SIGNATURE_UNREACHABLE: self.tr(
                "The signature was removed or cannot be reached."
            ),
            PdfProblem.SIGNATURE_DAMAGED: self.tr("The signature is damaged."),
            PdfProblem.CONTENT_MODIFIED: self.tr("The content was changed after signing."),
            PdfProblem.UPDATED_AFTER_SIGNING: self.tr("The file was updated after signing."),
            PdfProblem.PARTIAL_COVERAGE: self.tr("The signature does not cover the whole file."),
            PdfProblem.SEVERAL_SIGNATURES: self.tr("The file has more than one signature."),
            PdfProblem.OTHER_KEY: self.tr("It was signed with a different key."),
            PdfProblem.OTHER_CERTIFICATE: self.tr(
                "The signer's certificate differs from this convention's certificate."
            ),
            PdfProblem.NOT_TRUSTED: self.tr("The signer's certificate is not valid."),
        }
        return texts.get(problem, problem)
