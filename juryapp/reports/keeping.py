"""A table kept with its heading and with what follows it: signatures never stand alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table

_EPSILON = 0.01  # points: room for rounding when a table is split at an exact row boundary


class KeepRowsWith(Flowable):  # type: ignore[misc]
    """A table that never leaves its heading or its closing lines alone on a page.

    ``before`` (a heading) goes onto a page only with at least ``head_rows`` of the table's
    body rows; ``after`` (notes, then the signatures) only with at least ``tail_rows`` of them,
    so a page never holds signatures and nothing they sign. Between the two, the table splits
    over pages as any table does, repeating its header rows. When the rows and ``after``
    together are taller than a fresh page there is nothing left to keep, and they flow on.
    """

    def __init__(
        self,
        table: Table,
        *,
        before: Sequence[Flowable] = (),
        after: Sequence[Flowable] = (),
        head_rows: int = 2,
        tail_rows: int = 2,
    ) -> None:
        super().__init__()
        self.table = table
        self.before = list(before)
        self.after = list(after)
        self.head_rows = head_rows if self.before else 0
        self.tail_rows = tail_rows if self.after else 0
        self._sizes: list[tuple[float, float]] = []

    def _items(self) -> list[Flowable]:
        return [*self.before, self.table, *self.after]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._sizes = []
        total = 0.0
        for item in self._items():
            room = availHeight - total if item is self.table else 1e9
            width, height = item.wrap(availWidth, max(room, 1.0))
            self._sizes.append((width, height))
            total += item.getSpaceBefore() + height + item.getSpaceAfter()
        self.width, self.height = availWidth, total
        return availWidth, total

    def draw(self) -> None:
        y = self.height
        for item, (width, height) in zip(self._items(), self._sizes, strict=True):
            y -= item.getSpaceBefore() + height
            item.drawOn(self.canv, 0, y, _sW=self.width - width)
            y -= item.getSpaceAfter()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        before = sum(self._height_of(item, availWidth) for item in self.before)
        room = availHeight - before
        table = self.table
        body = len(table._cellvalues) - _header_rows(table)
        _, height = table.wrap(availWidth, max(room, 1.0))
        if height <= room:
            # the rows fit, what follows them does not: take the last rows over with it
            keep = body - self.tail_rows
        else:
            parts = table.split(availWidth, room) if room > 0 else []
            natural = len(parts[0]._cellvalues) - _header_rows(table) if len(parts) == 2 else 0
            keep = min(natural, body - self.tail_rows)
            if keep == natural and keep >= max(self.head_rows, 1):
                return [*self.before, parts[0], self._rest(parts[1])]
        if keep < max(self.head_rows, 1):
            # too few rows for this page: all of it goes to the next, unless this page is a
            # fresh one, where waiting would only leave a page empty
            return self._flowing() if self._at_top() else []
        first, rest = self._split_rows(table, availWidth, max(room, 1.0), keep)
        if first is None or rest is None:
            return self._flowing() if self._at_top() else []
        return [*self.before, first, self._rest(rest)]

    def _rest(self, rest: Table) -> Flowable:
        return KeepRowsWith(rest, after=self.after, tail_rows=self.tail_rows)

    def _split_rows(
        self, table: Table, width: float, room: float, keep: int
    ) -> tuple[Table | None, Table | None]:
        """``table`` cut after ``keep`` body rows, all of which fit in ``room``."""
        rows = _header_rows(table) + keep
        table.wrap(width, room)
        heights = table._rowHeights[:rows]
        if len(heights) < rows or any(h is None for h in heights):
            return None, None
        parts = table.split(width, sum(heights) + _EPSILON)
        if len(parts) != 2 or len(parts[0]._cellvalues) != rows:
            return None, None
        return parts[0], parts[1]

    def _flowing(self) -> list[Flowable]:
        return self._items()

    def _at_top(self) -> bool:
        if getattr(self, "_postponed", False):
            return True
        frame = getattr(getattr(self.canv, "_doctemplate", None), "frame", None)
        return bool(getattr(frame, "_atTop", False))

    @staticmethod
    def _height_of(item: Flowable, width: float) -> float:
        _, height = item.wrap(width, 1e9)
        return float(item.getSpaceBefore() + height + item.getSpaceAfter())


def _header_rows(table: Table) -> int:
    repeat: Any = table.repeatRows
    if isinstance(repeat, int):
        return repeat
    return len(repeat)
