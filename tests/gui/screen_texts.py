"""What a screen says, for tests: every visible text, and the keys its mnemonics take."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QWidget,
    QWizard,
)

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def texts(root: QWidget) -> list[str]:
    """Every text ``root`` and its children show, in a fixed order (hidden ones included, so
    that a text on a tab not shown yet is checked too)."""
    found: list[str] = [f"title: {root.windowTitle()}"]
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QLabel) and widget.text():
            found.append(f"{name} {widget.text()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            found.append(f"{name} {widget.text()} | {widget.toolTip()}")
        elif isinstance(widget, QGroupBox):
            found.append(f"{name} {widget.title()}")
        elif isinstance(widget, QTabWidget):
            found += [f"{name} tab {widget.tabText(i)}" for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            found += [f"{name} item {widget.itemText(i)}" for i in range(widget.count())]
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            found.append(f"{name} hint {widget.placeholderText()}")
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column, no header worth reading
                columns = 0
            found += [
                f"{name} header {model.headerData(c, Qt.Orientation.Horizontal)}"
                for c in range(columns)
            ]
    if isinstance(root, QMainWindow):
        found += [f"menu {a.text()}" for a in root.menuBar().actions()]
    if isinstance(root, QWizard):
        found += [f"page {root.page(i).title()} {root.page(i).subTitle()}" for i in root.pageIds()]
    return found


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text)
    return found.group(1).lower() if found else None


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    """Keys that two visible controls of ``root`` both answer to (Alt+key), with their texts."""
    owners: dict[str, list[str]] = {}
    controls = [w for w in root.findChildren(QWidget) if w.isVisible()]
    for widget in controls:
        text = ""
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        key = mnemonic(text)
        if key:
            owners.setdefault(key, []).append(text)
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            key = mnemonic(action.text())
            if key:
                owners.setdefault(key, []).append(f"menu {action.text()}")
    counts = Counter({k: len(v) for k, v in owners.items()})
    return {key: owners[key] for key, n in counts.items() if n > 1}
