"""The convention's details and letterhead as a form built from ConventionInfo's own fields."""

# A field added to ConventionInfo appears here without a change to this module: its editor
# follows its type (text, number, lines of text, an image) and it joins the letterhead group
# unless it is one of the convention's own details.

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.model import ConventionInfo
from juryapp.domain.validation import logo_problem
from juryapp.gui import dialogs

__all__ = ["CONVENTION_FIELDS", "ImageField", "InfoForm", "field_label"]

# The convention's own details; every other field of ConventionInfo is about the organiser
# and the letterhead the documents print.
CONVENTION_FIELDS = (
    "name", "theme", "venue", "city", "next_level", "minutes_number", "max_team_members",
)  # fmt: skip


def field_label(name: str) -> str:
    """A field's label; a field this module does not know yet reads as its own name."""
    labels = {
        "name": QCoreApplication.translate("InfoForm", "Convention name"),
        "theme": QCoreApplication.translate("InfoForm", "Theme"),
        "venue": QCoreApplication.translate("InfoForm", "Venue and room"),
        "city": QCoreApplication.translate("InfoForm", "City (place of signing)"),
        "next_level": QCoreApplication.translate("InfoForm", "Next level (where winners go)"),
        "minutes_number": QCoreApplication.translate("InfoForm", "Minutes number"),
        "max_team_members": QCoreApplication.translate("InfoForm", "Maximum team members"),
        "organiser": QCoreApplication.translate("InfoForm", "Organiser"),
        "organiser_head_title": QCoreApplication.translate("InfoForm", "Head of organiser (title)"),
        "organiser_head_name": QCoreApplication.translate("InfoForm", "Head of organiser (name)"),
        "organiser_head_nip": QCoreApplication.translate("InfoForm", "Head of organiser (NIP)"),
        "logo": QCoreApplication.translate("InfoForm", "Logo"),
        "letterhead_lines": QCoreApplication.translate("InfoForm", "Parent body (one line each)"),
        "parent_body": QCoreApplication.translate("InfoForm", "Government (first line)"),
        "parent_office": QCoreApplication.translate("InfoForm", "Parent office (second line)"),
        "website": QCoreApplication.translate("InfoForm", "Website"),
        "organiser_head_rank": QCoreApplication.translate("InfoForm", "Head of organiser (rank)"),
        "next_level_en": QCoreApplication.translate("InfoForm", "Next level (in English)"),
        "address": QCoreApplication.translate("InfoForm", "Address"),
        "telephone": QCoreApplication.translate("InfoForm", "Telephone"),
        "phone": QCoreApplication.translate("InfoForm", "Telephone"),
        "email": QCoreApplication.translate("InfoForm", "E-mail"),
        "place_of_signing": QCoreApplication.translate("InfoForm", "Place of signing"),
        "signing_place": QCoreApplication.translate("InfoForm", "Place of signing"),
        "acknowledged_title": QCoreApplication.translate(
            "InfoForm", "'Mengetahui' official (title)"
        ),
        "acknowledged_name": QCoreApplication.translate("InfoForm", "'Mengetahui' official (name)"),
        "acknowledged_nip": QCoreApplication.translate("InfoForm", "'Mengetahui' official (NIP)"),
    }
    return labels.get(name, name.replace("_", " ").capitalize())


def _kind(annotation: Any) -> str:
    """text, number, lines, image or other, from a field's type."""
    if annotation is str:
        return "text"
    if annotation is int:
        return "number"
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is tuple and args and args[0] is str:
        return "lines"
    if origin in (typing.Union, types.UnionType) and bytes in args:
        return "image"
    if annotation is bytes:
        return "image"
    return "other"


class ImageField(QWidget):
    """A small picture (the logo) chosen from a file, shown, and removable."""

    changed = Signal()
    refused = Signal(str)  # why a chosen file cannot be the logo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: bytes | None = None
        self.preview = QLabel(self)
        self.preview.setFixedSize(64, 64)
        self.preview.setStyleSheet("QLabel { border: 1px solid #bbb; background: white; }")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose = QPushButton(self)
        self.clear = QPushButton(self)
        self.choose.clicked.connect(self._choose)
        self.clear.clicked.connect(lambda: self.set_data(None, edited=True))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addWidget(self.choose)
        row.addWidget(self.clear)
        row.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.choose.setText(QCoreApplication.translate("InfoForm", "Choose an image…"))
        self.clear.setText(QCoreApplication.translate("InfoForm", "Remove"))
        if self._data is None:
            self.preview.setText(QCoreApplication.translate("InfoForm", "none"))

    def data(self) -> bytes | None:
        return self._data

    def set_data(self, data: bytes | None, *, edited: bool = False) -> None:
        self._data = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(QByteArray(data)):
            self.preview.setPixmap(
                pixmap.scaled(
                    62,
                    62,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.clear()
            self.preview.setText(QCoreApplication.translate("InfoForm", "none"))
        self.clear.setEnabled(data is not None)
        if edited:
            self.changed.emit()

    def load_file(self, path: Path) -> bool:
        """Take the image in ``path``; False, with the reason in ``refused``, if it cannot be."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.refused.emit(f"{path.name}: {exc.strerror or exc}")
            return False
        problem = logo_problem(data)
        if problem is None and not QPixmap().loadFromData(QByteArray(data)):
            problem = logo_problem(b"")  # the start of an image, but not one Qt can show
        if problem is not None:
            self.refused.emit(f"{path.name}: {problem}")
            return False
        self.set_data(data, edited=True)
        return True

    def _choose(self) -> None:
        path = dialogs.open_file(
            self,
            QCoreApplication.translate("InfoForm", "Choose the logo"),
            QCoreApplication.translate("InfoForm", "Images (*.png *.jpg *.jpeg)"),
        )
        if path is not None:
            self.load_file(path)


class InfoForm(QWidget):
    """Two groups of fields: the convention's details, and the organiser's letterhead."""

    edited = Signal()
    refused = Signal(str)  # why a chosen image was not taken

    def __init__(self, parent: QWidget | None = None, *, fields: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        hints = typing.get_type_hints(ConventionInfo)
        names = [
            f.name for f in dataclasses.fields(ConventionInfo) if not fields or f.name in fields
        ]
        self.details_box = QGroupBox(self)
        self.letterhead_box = QGroupBox(self)
        forms = {
            True: QFormLayout(self.details_box),
            False: QFormLayout(self.letterhead_box),
        }
        self.editors: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._readers: dict[str, Callable[[], object]] = {}
        self._writers: dict[str, Callable[[object], None]] = {}
        for name in names:
            editor = self._editor(name, _kind(hints[name]))
            if editor is None:
                continue
            box = self.details_box if name in CONVENTION_FIELDS else self.letterhead_box
            label = QLabel(box)
            label.setBuddy(editor)
            editor.setParent(box)
            forms[name in CONVENTION_FIELDS].addRow(label, editor)
            self.editors[name], self._labels[name] = editor, label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.details_box)
        layout.addWidget(self.letterhead_box)
        layout.addStretch(1)
        self.details_box.setVisible(forms[True].rowCount() > 0)
        self.letterhead_box.setVisible(forms[False].rowCount() > 0)
        self.retranslate()

    def _editor(self, name: str, kind: str) -> QWidget | None:
        if kind == "text":
            line = QLineEdit(self)
            line.textEdited.connect(self.edited)
            self._readers[name] = lambda: line.text().strip()

            def write_text(value: object) -> None:
                line.setText(str(value))
                line.setCursorPosition(0)  # a long name shows its start, not its end

            self._writers[name] = write_text
            return line
        if kind == "number":
            spin = QSpinBox(self)
            spin.setRange(1, 1000)
            spin.valueChanged.connect(self.edited)
            self._readers[name] = spin.value

            def write_number(value: object) -> None:
                spin.blockSignals(True)
                spin.setValue(int(str(value)))
                spin.blockSignals(False)

            self._writers[name] = write_number
            return spin
        if kind == "lines":
            text = QPlainTextEdit(self)
            text.setMaximumHeight(70)
            text.textChanged.connect(self.edited)
            self._readers[name] = lambda: tuple(
                line.strip() for line in text.toPlainText().splitlines() if line.strip()
            )

            def write_lines(value: object) -> None:
                text.blockSignals(True)
                text.setPlainText("\n".join(value if isinstance(value, tuple) else ()))
                text.blockSignals(False)

            self._writers[name] = write_lines
            return text
        if kind == "image":
            image = ImageField(self)
            image.changed.connect(self.edited)
            image.refused.connect(self.refused)
            self._readers[name] = image.data
            self._writers[name] = lambda value: image.set_data(
                value if isinstance(value, bytes) else None
            )
            return image
        return None  # a kind of field this form cannot edit; the file keeps it

    def retranslate(self) -> None:
        self.details_box.setTitle(QCoreApplication.translate("InfoForm", "The convention"))
        self.letterhead_box.setTitle(
            QCoreApplication.translate(
                "InfoForm", "Organiser and letterhead (printed on the documents)"
            )
        )
        for name, label in self._labels.items():
            label.setText(field_label(name))
        for editor in self.editors.values():
            if isinstance(editor, ImageField):
                editor.retranslate()

    def set_info(self, info: ConventionInfo) -> None:
        for name, write in self._writers.items():
            write(getattr(info, name))

    def info(self, base: ConventionInfo) -> ConventionInfo:
        """``base`` with every field this form edits replaced by what it shows."""
        values: dict[str, Any] = {name: read() for name, read in self._readers.items()}
        return dataclasses.replace(base, **values)

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                editor.setReadOnly(read_only)
            else:
                editor.setEnabled(not read_only)
