"""The letterhead logo in set-up: a preview, a button to choose an image and one to remove it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from juryapp.domain.validation import logo_problem
from juryapp.gui.secretariat.common import say

PREVIEW = 56  # pixels: about the size the logo is printed at, on a laptop screen


class LogoField(QWidget):
    """Holds the logo's bytes; ``changed`` is emitted when a person chooses or removes one."""

    changed = Signal()
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logo: bytes | None = None
        self.preview = QLabel(self)
        self.preview.setFixedSize(PREVIEW, PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("QLabel { border: 1px solid #b0b0b0; background: white; }")
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self._ask)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.retranslate()
        self._show()

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("C&hoose image…"))
        self.remove_button.setText(self.tr("Remove"))
        self.preview.setToolTip(self.tr("PNG or JPEG, printed at the left of the letterhead"))
        self._show()

    def set_logo(self, logo: bytes | None) -> None:
        """Show a stored logo (without emitting ``changed``)."""
        self.logo = logo
        self._show()

    def choose(self, path: Path) -> bool:
        """Take the image at ``path`` as the logo; a file that is not a usable image is refused."""
        try:
            data = path.read_bytes()
        except OSError:
            self.refused.emit(self.tr("{file} cannot be read.").format(file=path.name))
            return False
        problem = logo_problem(data)
        if problem is not None or QImage.fromData(data).isNull():
            reason = say(problem) if problem is not None else self.tr("the image is damaged")
            self.refused.emit(f"{path.name}: {reason}")
            return False
        self.logo = data
        self._show()
        self.changed.emit()
        return True

    def remove(self) -> None:
        if self.logo is None:
            return
        self.logo = None
        self._show()
        self.changed.emit()

    def _ask(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo for the letterhead"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.choose(Path(name))

    def _show(self) -> None:
        self.remove_button.setEnabled(self.logo is not None)
        if self.logo is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("no logo"))
            return
        image = QImage.fromData(self.logo)
        self.preview.setText("")
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                PREVIEW - 4,
                PREVIEW - 4,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
