"""The score field of one criterion: digits commit at once, anything off the scale is refused."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from juryapp.domain.model import Criterion

__all__ = ["ScoreEdit", "plain_number", "scale_values"]

# Beyond this many steps a scale is not listed value by value (it never is in practice).
_MAX_LISTED = 2000


def plain_number(value: Decimal, lang: str) -> str:
    """4 → "4", 4.50 → "4,5" (Indonesian) or "4.5" (English)."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",") if lang == "id" else text


def scale_values(criterion: Criterion) -> list[Decimal]:
    step = criterion.scale_step
    if step <= 0:
        return []
    count = int((criterion.scale_max - criterion.scale_min) / step) + 1
    if count > _MAX_LISTED:
        return []
    return [criterion.scale_min + step * k for k in range(count)]


class ScoreEdit(QLineEdit):
    """Holds one committed score; typing asks the sheet to save, never edits freely.

    On a 1–5 scale one digit is a whole score, so it is committed at once and the sheet
    moves on. On a scale such as 1–10 or with half steps, "1" could still become "10" or
    "1,5": the digits wait for Enter, Tab or the next field.
    """

    commit_requested = Signal(object)  # Decimal, or None to clear
    refused = Signal(str)  # what was typed
    move_requested = Signal(int)  # -1 up, +1 down

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self._values = scale_values(criterion)
        self._texts = {
            text: value
            for value in self._values
            for text in (plain_number(value, "id"), plain_number(value, "en"))
        }
        self._value: Decimal | None = None
        self._pending = ""
        self._lang = "id"
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedWidth(72)
        font = self.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.setFont(font)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    @property
    def value(self) -> Decimal | None:
        return self._value

    @property
    def pending(self) -> str:
        return self._pending

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._show()

    def set_value(self, value: Decimal | None) -> None:
        self._value = value
        self._pending = ""
        self._show()

    def _show(self) -> None:
        if self._pending:
            self.setText(self._pending)
        else:
            self.setText("" if self._value is None else plain_number(self._value, self._lang))

    def parse(self, text: str) -> Decimal | None:
        """The scale value ``text`` names, or None when it names none."""
        if text in self._texts:
            return self._texts[text]
        if self._values:
            return None
        try:  # an unlisted (huge) scale: let the service judge the number
            return Decimal(text.replace(",", "."))
        except InvalidOperation:
            return None

    def _could_grow(self, text: str) -> bool:
        return any(other != text and other.startswith(text) for other in self._texts)

    def _type(self, char: str) -> None:
        candidate = self._pending + char
        value = self.parse(candidate)
        if value is not None and not self._could_grow(candidate):
            self._pending = ""
            self._show()
            self.commit_requested.emit(value)
        elif self._could_grow(candidate) or not self._values:
            self._pending = candidate
            self._show()
        else:
            self._pending = ""
            self._show()
            self.refused.emit(candidate)

    def commit_pending(self) -> None:
        """Commit or refuse what waits in the field (Enter, Tab, leaving it)."""
        if not self._pending:
            return
        candidate, self._pending = self._pending, ""
        self._show()
        value = self.parse(candidate)
        if value is None:
            self.refused.emit(candidate)
        else:
            self.commit_requested.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802, PLR0912 - a key map
        key = event.key()
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            event.ignore()  # shortcuts such as Ctrl+Enter belong to the sheet
            return
        if self.isReadOnly():
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
                return
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.commit_pending()
            self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._pending:
                self.commit_pending()
            else:
                self.move_requested.emit(1)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            if self._pending:
                self._pending = ""
                self._show()
            elif self._value is not None:
                self.commit_requested.emit(None)
        elif text and (text.isdigit() or text in ",."):
            if text.isdigit() and not text.isascii():
                self.refused.emit(text)
            else:
                self._type(text)
        elif text and text.isprintable() and not text.isspace():
            self._pending = ""
            self._show()
            self.refused.emit(text)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
            event.ignore()
        else:
            event.ignore()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.commit_pending()
        super().focusOutEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.selectAll()

    def event(self, event: QEvent) -> bool:
        # Tab leaves the field; whatever waits in it is committed first.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.commit_pending()
        return super().event(event)
