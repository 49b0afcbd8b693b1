"""Captures a judge's handwritten signature with mouse, stylus or finger and exports a PNG."""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageWriter,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["INK_COLOUR", "SignatureDialog", "SignaturePad"]

# Blue-black, like the ink of a pen: on a printed sheet it reads as signed by hand.
INK_COLOUR = QColor("#0d2a6b")

_Point = tuple[QPointF, float]  # position in widget pixels, pen width there

# Closer samples than this add noise, not shape.
_MIN_STEP_PX = 1.0
# How much a new pressure reading moves the pen width; the rest is the previous width, so
# a jittery stylus still draws an even line.
_WIDTH_FOLLOW = 0.35
# Width changes finer than this do not show, and each change costs a draw call.
_WIDTH_STEP = 0.2


class SignaturePad(QWidget):
    """A white card to sign on; each press-drag-release is one stroke that can be undone."""

    changed = Signal()  # a stroke was finished, undone or cleared

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        pen_width: float = 2.6,
        min_width: float = 1.2,
        max_width: float = 4.8,
        ink: QColor = INK_COLOUR,
    ) -> None:
        super().__init__(parent)
        self._pen_width = pen_width
        self._min_width = min_width
        self._max_width = max_width
        self._ink = QColor(ink)
        self._strokes: list[list[_Point]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(300, 120)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Signature pad"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 220)

    # --- content ------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self._strokes

    def stroke_count(self) -> int:
        return len(self._strokes)

    def clear(self) -> None:
        self._drawing = False
        if self._strokes:
            self._strokes.clear()
            self.update()
            self.changed.emit()

    def undo(self) -> None:
        """Remove the last stroke."""
        self._drawing = False
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.changed.emit()

    def ink_bounds(self) -> QRectF:
        """The rectangle the ink covers, pen width included; empty when nothing is drawn."""
        bounds = QRectF()
        for stroke in self._strokes:
            for point, width in stroke:
                half = width / 2
                bounds = bounds.united(QRectF(point.x() - half, point.y() - half, width, width))
        return bounds

    def to_png(self, width_px: int = 600) -> bytes:
        """The signature as a PNG ``width_px`` wide on a transparent background, cropped to
        the ink with a small margin, so it can sit on any signature line."""
        if self.is_empty():
            raise ValueError("the signature pad is empty")
        if width_px < 16:
            raise ValueError("width_px must be at least 16")
        bounds = self.ink_bounds()
        margin = max(bounds.width(), bounds.height()) * 0.04 + 2
        area = bounds.adjusted(-margin, -margin, margin, margin)
        scale = width_px / area.width()
        height_px = max(1, round(area.height() * scale))
        image = QImage(width_px, height_px, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(scale, scale)
            painter.translate(-area.topLeft())
            self._paint_ink(painter)
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(buffer, QByteArray(b"png"))
        if not writer.write(image):
            raise OSError(f"could not encode the signature as PNG: {writer.errorString()}")
        buffer.close()
        return bytes(data.data())

    # --- input --------------------------------------------------------------------------

    def _begin(self, pos: QPointF, width: float) -> None:
        self._drawing = True
        self._strokes.append([(QPointF(pos), width)])
        self.update()

    def _extend(self, pos: QPointF, width: float | None = None) -> None:
        stroke = self._strokes[-1]
        last, last_width = stroke[-1]
        width = last_width if width is None else last_width + (width - last_width) * _WIDTH_FOLLOW
        delta = pos - last
        if abs(delta.x()) + abs(delta.y()) < _MIN_STEP_PX:
            return
        stroke.append((QPointF(pos), width))
        self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.update()
            self.changed.emit()

    def _pressure_width(self, pressure: float) -> float:
        pressure = min(max(pressure, 0.0), 1.0)
        return self._min_width + (self._max_width - self._min_width) * pressure

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), self._pen_width)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drawing:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._drawing:
            self._extend(event.position())
            self._end()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        # Accepting the event stops Qt from also delivering it as a mouse event.
        kind = event.type()
        width = self._pressure_width(event.pressure())
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), width)
        elif kind == QEvent.Type.TabletMove and self._drawing:
            self._extend(event.position(), width)
        elif kind == QEvent.Type.TabletRelease and self._drawing:
            self._end()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Signature pad"))
            self.update()  # the "Sign here" hint is painted, not a label
        super().changeEvent(event)

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_card(painter)
            self._paint_ink(painter)
        finally:
            painter.end()

    def _paint_card(self, painter: QPainter) -> None:
        card = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(QColor("#9aa5b1"), 1))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(card, 6, 6)
        # A signing line with a cross at its start, as on a paper form.
        line_y = card.top() + card.height() * 0.74
        left = card.left() + card.width() * 0.06
        right = card.right() - card.width() * 0.06
        painter.setPen(QPen(QColor("#c3cad3"), 1.2))
        painter.drawLine(QPointF(left, line_y), QPointF(right, line_y))
        cross = 6.0
        painter.setPen(QPen(QColor("#7b8794"), 1.6))
        painter.drawLine(
            QPointF(left, line_y - 2 * cross), QPointF(left + 1.4 * cross, line_y - 0.6 * cross)
        )
        painter.drawLine(
            QPointF(left + 1.4 * cross, line_y - 2 * cross), QPointF(left, line_y - 0.6 * cross)
        )
        if self.is_empty():
            painter.setPen(QColor("#9aa5b1"))
            hint = QRectF(card.left(), card.top(), card.width(), line_y - card.top())
            painter.drawText(hint, Qt.AlignmentFlag.AlignCenter, self.tr("Sign here"))

    def _paint_ink(self, painter: QPainter) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self._strokes:
            self._paint_stroke(painter, stroke)

    def _paint_stroke(self, painter: QPainter, stroke: list[_Point]) -> None:
        if len(stroke) == 1:
            point, width = stroke[0]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._ink)
            painter.drawEllipse(point, width / 2, width / 2)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            return
        # Quadratic pieces from midpoint to midpoint, each sample a control point, give a
        # curve without the corners of a polyline. Consecutive pieces of the same width
        # share one path, so a mouse stroke is one draw call and a stylus stroke a few,
        # while the width still follows the pressure.
        start = stroke[0][0]
        path = QPainterPath(start)
        path_width = _quantise(stroke[1][1])
        for index in range(1, len(stroke)):
            control, width = stroke[index]
            end = (control + stroke[index + 1][0]) / 2 if index + 1 < len(stroke) else control
            width = _quantise(width)
            if width != path_width:
                self._draw_path(painter, path, path_width)
                path = QPainterPath(start)
                path_width = width
            path.quadTo(control, end)
            start = end
        self._draw_path(painter, path, path_width)

    def _draw_path(self, painter: QPainter, path: QPainterPath, width: float) -> None:
        painter.setPen(
            QPen(
                self._ink,
                width,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        painter.drawPath(path)


def _quantise(width: float) -> float:
    return round(width / _WIDTH_STEP) * _WIDTH_STEP


class SignatureDialog(QDialog):
    """Asks for a signature; after ``exec()`` returns Accepted, :meth:`png` holds it."""

    def __init__(
        self, parent: QWidget | None = None, *, signer: str = "", width_px: int = 600
    ) -> None:
        super().__init__(parent)
        self._width_px = width_px
        self._png: bytes | None = None

        self._prompt = QLabel(self)
        self._prompt.setWordWrap(True)
        self._signer = QLabel(signer, self)
        self._signer.setTextFormat(Qt.TextFormat.PlainText)
        font = self._signer.font()
        font.setBold(True)
        self._signer.setFont(font)
        self._signer.setVisible(bool(signer))
        self.pad = SignaturePad(self)

        self._buttons = QDialogButtonBox(self)
        self._ok = self._buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self._cancel = self._buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._undo = QPushButton(self)
        self._clear = QPushButton(self)
        self._undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        for button in (self._undo, self._clear):
            button.setAutoDefault(False)
        self._ok.setDefault(True)

        self._undo.clicked.connect(self.pad.undo)
        self._clear.clicked.connect(self.pad.clear)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self.pad.changed.connect(self._update_buttons)

        # Undo and Clear act on the pad, so they sit apart from OK and Cancel instead of
        # wherever the platform's button box order would put them.
        row = QHBoxLayout()
        row.addWidget(self._undo)
        row.addWidget(self._clear)
        row.addStretch(1)
        row.addWidget(self._buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self._prompt)
        layout.addWidget(self._signer)
        layout.addWidget(self.pad, 1)
        layout.addLayout(row)

        self._retranslate()
        self._update_buttons()

    def png(self) -> bytes | None:
        """The accepted signature, or None if the dialog was cancelled or is still open."""
        return self._png

    @classmethod
    def get_signature(cls, parent: QWidget | None = None, *, signer: str = "") -> bytes | None:
        """Show the dialog modally; the PNG bytes, or None when the person cancelled."""
        dialog = cls(parent, signer=signer)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.png()
            return None
        finally:
            dialog.deleteLater()

    def accept(self) -> None:
        if self.pad.is_empty():
            return
        self._png = self.pad.to_png(self._width_px)
        super().accept()

    def _update_buttons(self) -> None:
        empty = self.pad.is_empty()
        self._ok.setEnabled(not empty)
        self._undo.setEnabled(not empty)
        self._clear.setEnabled(not empty)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Signature"))
        self._prompt.setText(self.tr("Sign inside the box with the mouse, a stylus or a finger."))
        self._ok.setText(self.tr("OK"))
        self._cancel.setText(self.tr("Cancel"))
        self._undo.setText(self.tr("Undo"))
        self._clear.setText(self.tr("Clear"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
