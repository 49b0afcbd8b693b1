"""Periksa keaslian dokumen: anyone checks a result PDF or QR code, with no sign-in or database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.messages import FileProblemError, JuryError, current_language
from juryapp.gui.errors import show_error
from juryapp.gui.ops import Ops, Progress, Task
from juryapp.reports.document_check import CheckResult, Standing

__all__ = ["Checked", "VerifyDialog"]

# Background, ink and border of the verdict: green, amber (nothing to compare the key with
# yet) and red; the words say the same for whoever does not see the colours.
_COLOURS = {
    Standing.GENUINE: ("#e3f4e8", "#14532d", "#1b6e3a"),
    Standing.INTACT: ("#fff4d6", "#5c3d00", "#b07d00"),
    Standing.INVALID: ("#fbe4e4", "#7f1212", "#a11b1b"),
}
_FINGERPRINT_POINTS = 22


@dataclass(frozen=True)
class Checked:
    """One checked file or code: its result, or why it could not be checked at all."""

    label: str  # the file's name, or "QR code"
    result: CheckResult | None
    error: str = ""


def _check_pdf_file(path: Path, key: str | None) -> list[Checked]:
    from juryapp.reports.document_check import check_pdf  # noqa: PLC0415

    return [Checked(path.name, check_pdf(path.read_bytes(), key))]


def _check_image_file(path: Path, key: str | None, nothing: str) -> list[Checked]:
    from juryapp.reports.document_check import check_claim_text  # noqa: PLC0415
    from juryapp.reports.qr_reader import read_qr_file  # noqa: PLC0415

    texts = read_qr_file(path)
    if not texts:
        return [Checked(path.name, None, nothing)]
    several = len(texts) > 1
    return [
        Checked(f"{path.name} ({n})" if several else path.name, check_claim_text(text, key))
        for n, text in enumerate(texts, start=1)
    ]


def _check_text(text: str, key: str | None, label: str) -> list[Checked]:
    from juryapp.reports.document_check import check_claim_text  # noqa: PLC0415

    return [Checked(label, check_claim_text(text, key))]


class ResultView(QFrame):
    """One verdict: its words in colour, what it certifies, the signer's key in large type."""

    def __init__(self, checked: Checked, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checked = checked
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        bold = self.verdict.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.4)
        self.verdict.setFont(bold)
        layout.addWidget(self.verdict)
        self.certifies = self._text_label()
        layout.addWidget(self.certifies)
        self.key_caption = QLabel(self)
        layout.addWidget(self.key_caption)
        self.fingerprint = QLabel(self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(_FINGERPRINT_POINTS)
        font.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(font)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        self.findings = self._text_label()
        layout.addWidget(self.findings)
        self.retranslate()

    def _text_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def standing(self) -> Standing:
        result = self.checked.result
        return Standing.INVALID if result is None else result.standing

    def retranslate(self) -> None:
        checked, result = self.checked, self.checked.result
        lang = current_language()
        words = {
            Standing.GENUINE: self.tr("VALID: signed with the key you gave"),
            Standing.INTACT: self.tr("INTACT: compare the key below with the printed minutes"),
            Standing.INVALID: self.tr("NOT VALID"),
        }
        self.verdict.setText(f"{checked.label} — {words[self.standing]}")
        background, ink, border = _COLOURS[self.standing]
        self.verdict.setStyleSheet(
            f"background: {background}; color: {ink}; border: 2px solid {border};"
            " border-radius: 4px; padding: 8px;"
        )
        if result is not None and result.certifies is not None:
            self.certifies.setText(
                self.tr("It certifies: {words}").format(words=result.certifies.in_language(lang))
            )
        self.certifies.setVisible(result is not None and result.certifies is not None)
        signer = result.signer_fingerprint if result is not None else None
        self.key_caption.setText(self.tr("Signed with the key whose fingerprint is:"))
        self.fingerprint.setText(signer or "")
        self.key_caption.setVisible(signer is not None)
        self.fingerprint.setVisible(signer is not None)
        lines = [checked.error] if checked.error else []
        if result is not None:
            lines += [f"• {problem.in_language(lang)}" for problem in result.problems]
            if result.results_fingerprint and result.standing is not Standing.INVALID:
                lines.append(
                    self.tr("Results fingerprint: {f}").format(f=result.results_fingerprint)
                )
            if result.standing is Standing.GENUINE:
                lines.append(self.tr("It matches the key fingerprint you typed."))
            elif result.standing is Standing.INTACT:
                lines.append("")  # what to do next, apart from the facts
                lines.append(
                    self.tr(
                        "The file is unchanged since it was signed, but anyone can sign a file: "
                        "it is genuine only if this fingerprint is the one printed on the "
                        "minutes (Berita Acara) the jury signed. Type that fingerprint above to "
                        "have it compared."
                    )
                )
        self.findings.setText("\n".join(lines))
        self.findings.setVisible(bool(lines))


class VerifyDialog(QDialog):
    """Choose a PDF, paste a QR code's text or open a photo of one; see the verdict in words."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.setMinimumWidth(640)
        self.task: Task | None = None
        self.results: list[ResultView] = []
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self._build_inputs(layout)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        self._build_results(layout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_buttons()
        self.retranslate()

    def _build_inputs(self, layout: QVBoxLayout) -> None:
        self.key_label = QLabel(self)
        self.key = QLineEdit(self)
        self.key.setPlaceholderText("7K3M-Q9XA-…")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.key.font().pointSizeF() * 1.2)
        self.key.setFont(font)
        self.key_label.setBuddy(self.key)
        layout.addWidget(self.key_label)
        layout.addWidget(self.key)

        files = QHBoxLayout()
        self.pdf_button = QPushButton(self)
        self.pdf_button.clicked.connect(self._choose_pdf)
        self.image_button = QPushButton(self)
        self.image_button.clicked.connect(self._choose_image)
        files.addWidget(self.pdf_button)
        files.addWidget(self.image_button)
        files.addStretch(1)
        layout.addLayout(files)

        self.code_label = QLabel(self)
        self.code = QPlainTextEdit(self)
        self.code.setTabChangesFocus(True)
        self.code.setFixedHeight(self.code.fontMetrics().lineSpacing() * 4)
        self.code_label.setBuddy(self.code)
        self.check_code_button = QPushButton(self)
        self.check_code_button.clicked.connect(self.check_code)
        self.code.textChanged.connect(self._update_buttons)
        layout.addWidget(self.code_label)
        layout.addWidget(self.code)
        code_row = QHBoxLayout()
        code_row.addStretch(1)
        code_row.addWidget(self.check_code_button)
        layout.addLayout(code_row)

    def _build_results(self, layout: QVBoxLayout) -> None:
        holder = QWidget(self)
        self.results_layout = QVBoxLayout(holder)
        self.results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        scroll.setMinimumHeight(260)
        layout.addWidget(scroll, 1)

    # -- checks ---------------------------------------------------------------------------
    def check_pdf(self, path: Path) -> Task | None:
        """Check a PDF file off the GUI thread; the verdict replaces the one shown."""
        return self._start(lambda key: _check_pdf_file(path, key))

    def check_image(self, path: Path) -> Task | None:
        """Read the QR codes in an image file and check each."""
        nothing = self.tr("No QR code could be read in this image.")
        return self._start(lambda key: _check_image_file(path, key, nothing))

    def check_code(self) -> Task | None:
        """Check the QR code text typed or pasted into the box."""
        text = self.code.toPlainText().strip()
        if not text:
            return None
        label = self.tr("QR code")
        return self._start(lambda key: _check_text(text, key, label))

    def _start(self, check: Callable[[str | None], list[Checked]]) -> Task | None:
        try:
            key = self._expected_key()
        except JuryError as exc:
            self._show([Checked(self.tr("Key fingerprint"), None, str(exc))])
            self.key.setFocus()
            return None
        self._set_busy(True)

        def work(_progress: Progress) -> list[Checked]:
            return check(key)

        self.task = self._ops.job(self, work).success(self._show).failure(self._failed).run()
        return self.task

    def set_ops(self, ops: Ops) -> None:
        """Where checks run from now on (the window opened another database)."""
        self._ops = ops

    def _expected_key(self) -> str | None:
        """The typed fingerprint in its printed form, None if none; ValidationError if it is
        not a fingerprint."""
        from juryapp.reports.fingerprint import normal_fingerprint  # noqa: PLC0415

        typed = self.key.text().strip()
        return normal_fingerprint(typed) if typed else None

    def _show(self, checked: list[Checked]) -> None:
        self._set_busy(False)
        for view in self.results:
            self.results_layout.removeWidget(view)
            view.deleteLater()
        self.results = []
        for position, item in enumerate(checked):
            view = ResultView(item, self)
            self.results_layout.insertWidget(position, view)
            self.results.append(view)

    def _failed(self, exc: BaseException) -> None:
        """A file that is gone or is no image is said where the verdict goes; a bug is not."""
        self._set_busy(False)
        lang = current_language()
        if isinstance(exc, FileProblemError):
            self._show([Checked(exc.file, None, exc.text.in_language(lang))])
        elif isinstance(exc, JuryError):
            self._show([Checked(self.tr("File"), None, exc.text.in_language(lang))])
        elif isinstance(exc, OSError):
            name = Path(str(exc.filename or "")).name or self.tr("File")
            self._show([Checked(name, None, exc.strerror or str(exc))])
        else:
            show_error(self, exc)

    def _set_busy(self, busy: bool) -> None:
        self.status.setText(self.tr("Checking…") if busy else "")
        for button in (self.pdf_button, self.image_button):
            button.setEnabled(not busy)
        self._update_buttons(busy=busy)

    def _update_buttons(self, busy: bool = False) -> None:
        running = busy or (self.task is not None and self.task.is_running)
        self.check_code_button.setEnabled(bool(self.code.toPlainText().strip()) and not running)

    def _choose_pdf(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a signed PDF"), "", self.tr("PDF files (*.pdf)")
        )
        if name:
            self.check_pdf(Path(name))

    def _choose_image(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a photo or scan of a QR code"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)"),
        )
        if name:
            self.check_image(Path(name))

    # -- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check a document"))
        self.intro.setText(
            self.tr(
                "Check a signed result PDF, or the QR code printed on a result document. "
                "No sign-in and no database are needed: the file or the code is enough."
            )
        )
        self.key_label.setText(
            self.tr("&Key fingerprint printed on the minutes (Berita Acara), if you have it:")
        )
        self.pdf_button.setText(self.tr("Choose a &PDF…"))
        self.image_button.setText(self.tr("Open a QR code &image…"))
        self.code_label.setText(self.tr("Or paste the &text a phone's QR scanner shows:"))
        self.check_code_button.setText(self.tr("&Check the code"))
        for view in self.results:
            view.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
