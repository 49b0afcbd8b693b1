"""One criterion's line on a judge's score sheet: its name, weight, levels, score and note."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from juryapp.domain.model import Criterion
from juryapp.gui.judge.score_entry import ScoreEdit, plain_number

__all__ = ["CriterionRow", "criterion_name", "levels_line", "levels_tooltip"]

MUTED_STYLE = "color: #555b65;"


def criterion_name(criterion: Criterion, lang: str) -> str:
    return (criterion.name_en or criterion.name) if lang == "en" else criterion.name


def _criterion_description(criterion: Criterion, lang: str) -> str:
    if lang == "en":
        return criterion.description_en or criterion.description
    return criterion.description


def levels_line(criterion: Criterion, lang: str) -> str:
    """ "1 Sangat Kurang · 2 Kurang · …", in the interface language when the file has it."""
    parts = []
    for level in criterion.levels:
        label = (level.label_en or level.label) if lang == "en" else level.label
        parts.append(f"{plain_number(level.score, lang)} {label}")
    return " · ".join(parts)


def levels_tooltip(criterion: Criterion, lang: str) -> str:
    lines = []
    for level in criterion.levels:
        label = (level.label_en or level.label) if lang == "en" else level.label
        described = level.description
        if lang == "en":
            described = level.description_en or level.description
        text = f"{plain_number(level.score, lang)} — {label}"
        lines.append(f"{text}: {described}" if described else text)
    return "\n".join(lines)


class CriterionRow:
    """The widgets of one criterion; the page lays them out in its grid."""

    def __init__(self, criterion: Criterion, parent: QWidget) -> None:
        self.criterion = criterion
        self.title = QLabel(parent)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.weight = QLabel(parent)
        self.weight.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = QLabel(parent)
        self.details.setWordWrap(True)
        self.details.setStyleSheet(MUTED_STYLE)
        self.score = ScoreEdit(criterion, parent)
        self.points = QLabel(parent)
        self.points.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.points.setMinimumWidth(56)
        self.note = QLineEdit(parent)
        self.note.setMinimumWidth(220)
        self.saved_note = ""
        self.saved_value: Decimal | None = None  # as last committed

    def relabel(self, lang: str, weight_text: str, note_hint: str) -> None:
        c = self.criterion
        self.title.setText(f"{c.code}  {criterion_name(c, lang)}")
        self.weight.setText(weight_text)
        description = _criterion_description(c, lang)
        levels = levels_line(c, lang)
        self.details.setText("\n".join(part for part in (description, levels) if part))
        tip = levels_tooltip(c, lang)
        for widget in (self.score, self.title, self.details):
            widget.setToolTip(tip)
        self.note.setPlaceholderText(note_hint)
        self.score.set_language(lang)
