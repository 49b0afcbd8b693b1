"""A row of short values in equal columns, drawn as one table cell: scores by criterion."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from juryapp.reports import fonts
from juryapp.reports.styles import GRID_RULE, INK, RULE

# ReportLab's leading for a string in a table cell, which the strip's rows line up with
_LEADING = 12.0


class ScoreStrip(Flowable):  # type: ignore[misc]
    """Values centred in equal columns, ruled between them, in one table cell.

    A judge's recap lists every team with a score for each criterion: as cells of their own,
    the scores were most of the time of a recap of a thousand teams. Drawn here, a row of
    them costs one text object. Each column holds one or more lines (a header's code and
    weight); ``bold`` is "last" (the total), "all" (a header) or "none". With ``across`` the
    strip holds one text across its width instead, unruled: why a row has no scores. ``depth``
    is the lines the row's other cells take, so that the strip's rules reach the grid.
    """

    def __init__(
        self,
        columns: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float,
        bold: str = "last",
        across: str = "",
        padding: tuple[float, float] = (0.0, 0.0),
        depth: int = 1,
    ) -> None:
        super().__init__()
        self.columns = [tuple(column) for column in columns]
        self.widths = list(widths)
        self.width = sum(self.widths)
        self.size = size
        self.bold = bold
        self.across = across
        # the cell's padding above and below is the strip's own, so its rules reach the grid
        self.top, self.bottom = padding
        # as many lines as its deepest column, or as the row's other cells take
        depth = max([depth, *(len(column) for column in self.columns)])
        self.height = _LEADING * depth + self.top + self.bottom

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        count = len(self.columns)
        canv.saveState()
        text = canv.beginText()
        text.setFillColor(INK)
        if self.across:
            text.setFont(fonts.SANS_ITALIC, self.size)
            x = (self.width - canv.stringWidth(self.across, fonts.SANS_ITALIC, self.size)) / 2
            text.setTextOrigin(x, self._baseline(0, 1))
            text.textOut(self.across)
            canv.drawText(text)
            canv.restoreState()
            return
        left = 0.0
        edges = []
        for index, (column, width) in enumerate(zip(self.columns, self.widths, strict=False)):
            heavy = self.bold == "all" or (self.bold == "last" and index == count - 1)
            font = fonts.SANS_BOLD if heavy else fonts.SANS
            text.setFont(font, self.size)
            for line, value in enumerate(column):
                x = left + (width - canv.stringWidth(value, font, self.size)) / 2
                text.setTextOrigin(x, self._baseline(line, len(column)))
                text.textOut(value)
            left += width
            edges.append(left)
        canv.drawText(text)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(GRID_RULE)
        rules = canv.beginPath()
        for x in edges[:-1]:
            rules.moveTo(x, 0)
            rules.lineTo(x, self.height)
        canv.drawPath(rules, stroke=1, fill=0)
        canv.restoreState()

    def _baseline(self, line: int, lines: int) -> float:
        """The baseline of ``line`` of ``lines``, placed as ReportLab places a cell's strings.

        A middle-aligned table cell puts the first baseline of n lines at
        (bottom + height - top + n × leading) / 2 - size above its foot, the others a
        leading lower each: the strip's values stand level with the row's other cells.
        """
        first = (self.bottom + self.height - self.top + _LEADING * lines) / 2 - self.size
        return first - _LEADING * line
