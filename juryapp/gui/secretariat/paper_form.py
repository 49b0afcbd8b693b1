"""The paper form's scores: one field per criterion with its weight and the points it adds."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from juryapp.domain.formatting import format_number
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.model import ConventionSpec
from juryapp.gui.secretariat.common import lang
from juryapp.services.scoring import SheetView

# A score shown but not typable here (a laptop sheet, a handed-in one) must not look like a box
# that takes typing.
READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"] { background: transparent; border: none; color: #222; }'
)


def typed(value: Decimal | None) -> str:
    """A stored score as a person would type it: "4", or "4,5" on a half-point scale."""
    if value is None:
        return ""
    places = 0 if value == value.to_integral_value() else 1
    return format_number(value, places, lang())


translate = QCoreApplication.translate


def status_text(view: SheetView) -> str:
    """What the paper-entry screen says about the sheet shown (rich text, a line each)."""

    # In the page's own context, so that its translations follow the texts here.
    states = {
        None: translate("PaperEntryPage", "not started"),
        SheetStatus.DRAFT: translate("PaperEntryPage", "draft"),
        SheetStatus.SUBMITTED: translate("PaperEntryPage", "submitted, waiting for confirmation"),
        SheetStatus.CONFIRMED: translate("PaperEntryPage", "confirmed"),
    }
    parts = [
        f"<b>{view.team_code}</b> {view.institution} — <i>{view.title}</i>",
        translate("PaperEntryPage", "Judge: {name}").format(name=view.judge_name),
        translate("PaperEntryPage", "Status: {state}").format(state=states[view.status]),
    ]
    if view.status is not None:
        source = (
            translate("PaperEntryPage", "paper form")
            if view.source is SheetSource.PAPER
            else translate("PaperEntryPage", "judge laptop (read only here)")
        )
        parts.append(translate("PaperEntryPage", "Source: {source}").format(source=source))
    if view.entered_by:
        parts.append(translate("PaperEntryPage", "Typed by: {who}").format(who=view.entered_by))
    if view.confirmed_by:
        parts.append(
            translate("PaperEntryPage", "Confirmed by: {who}").format(who=view.confirmed_by)
        )
    if view.conflict:
        parts.append(
            translate("PaperEntryPage", "Conflict of interest: this judge does not score this team")
        )
    if view.abstained:
        parts.append(translate("PaperEntryPage", "Recorded: the judge did not score this team"))
    return "<br>".join(parts)


class PaperForm(QGroupBox):
    typed = Signal(str)  # a criterion's field was left after typing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(READ_ONLY_STYLE)
        self._grid = QGridLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        self._points: dict[str, QLabel] = {}

    def build(self, spec: ConventionSpec, before: QWidget, after: QWidget) -> None:
        """One row per criterion, in the tab order from ``before`` to ``after``."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.fields.clear()
        self._points.clear()
        previous = before
        for row, criterion in enumerate(spec.criteria):
            # "&" in a criterion name is text, not a keyboard mnemonic.
            name = QLabel(f"{criterion.code}  {criterion.name}".replace("&", "&&"), self)
            name.setWordWrap(True)
            weight = QLabel(format_number(criterion.weight, 0, lang()), self)
            field = QLineEdit(self)
            field.setObjectName(f"score-{criterion.code}")
            field.setMaximumWidth(70)
            field.setToolTip("\n".join(f"{typed(lv.score)} {lv.label}" for lv in criterion.levels))
            field.setPlaceholderText(f"{typed(criterion.scale_min)}–{typed(criterion.scale_max)}")
            name.setBuddy(field)
            points = QLabel(self)
            points.setMinimumWidth(50)
            field.editingFinished.connect(lambda code=criterion.code: self.typed.emit(code))
            for column, widget in enumerate((name, weight, field, points)):
                self._grid.addWidget(widget, row, column)
            self.fields[criterion.code] = field
            self._points[criterion.code] = points
            QWidget.setTabOrder(previous, field)
            previous = field
        QWidget.setTabOrder(previous, after)
        self._grid.setColumnStretch(0, 1)

    def show_sheet(self, view: SheetView, typable: bool) -> None:
        for line in view.lines:
            field = self.fields.get(line.criterion.code)
            if field is None:
                continue
            field.setText(typed(line.value))
            field.setModified(False)
            field.setReadOnly(not typable)
            field.style().unpolish(field)  # the read-only look follows the property
            field.style().polish(field)
            points = self._points[line.criterion.code]
            points.setText("" if line.points is None else format_number(line.points, 2, lang()))

    def focus_after(self, code: str) -> bool:
        """Move to the next criterion's field; False after the last one."""
        codes = list(self.fields)
        following = codes.index(code) + 1
        if following >= len(codes):
            return False
        self.fields[codes[following]].setFocus()
        self.fields[codes[following]].selectAll()
        return True
