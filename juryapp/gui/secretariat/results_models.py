"""Table models of the results screen: ranking, one team's judges, and the four methods."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont

from juryapp.domain.kinds import Method
from juryapp.domain.results import CategoryResult, MarkStatus, Results, TeamResult
from juryapp.gui.prepared_rows import PreparedRows, PreparedRowsModel
from juryapp.gui.secretariat.common import CODE_ROLE, lang, score_text
from juryapp.gui.tables import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

RANK, CODE, INSTITUTION, TITLE, SCORE, JUDGES, ADVANCES, TIE = range(8)
COMPARE_TEAM = 0  # then one column per method
_RANKING_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ToolTipRole,
    CODE_ROLE,
)
_COMPARE_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole,
    CODE_ROLE,
    int(Qt.ItemDataRole.UserRole) + 30,  # CompareModel.DIFFERS_ROLE
)


def _compare_text(result: TeamResult | None) -> str:
    if result is None or result.rank is None:
        return "—"
    return f"{'=' if result.tied else ''}{result.rank}  ({score_text(result.score)})"


def method_name(method: Method) -> str:
    names = {
        Method.MEAN: QCoreApplication.translate("Methods", "Mean"),
        Method.TRIMMED: QCoreApplication.translate("Methods", "Trimmed mean"),
        Method.MEDIAN: QCoreApplication.translate("Methods", "Median"),
        Method.ZSCORE: QCoreApplication.translate("Methods", "Z-score"),
    }
    return names[method]


@cache
def _brush(colour: str) -> QBrush:
    """One brush per colour, shared by every cell that shows it."""
    return QBrush(QColor(colour))


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGNMENT: list[object] = [
    _RIGHT if column in (RANK, SCORE, JUDGES) else None for column in range(8)
]
_PLAIN: list[object] = [None] * 8


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


_ADVANCES_BOLD: list[object] = [_bold() if column == ADVANCES else None for column in range(8)]


@dataclass(frozen=True)
class _RankingRow:
    """One team's cells, one list per role in the order of ``_RANKING_ROLES``, and its sort key."""

    cells: tuple[list[object], ...]
    sort_key: tuple[object, ...]


class RankingModel(PreparedRowsModel):
    """One category's ranking; every cell worked out once per reckoning (hundreds of teams
    at a large convention, shown again every few seconds while scores arrive). A team whose
    shown values did not change keeps the cells worked out before, kept for each category:
    while judges save, a reckoning changes a few teams of hundreds."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(8, parent)
        self._partners: dict[str, tuple[str, ...]] = {}
        # by category: the secretariat goes from one category to another and back
        self._made: dict[str, dict[tuple[object, ...], _RankingRow]] = {}
        self._made_in = ""  # the language the kept cells are in
        self._to_keep: list[CategoryResult] = []
        self._keeping = QTimer(self)
        self._keeping.setSingleShot(True)
        self._keeping.setInterval(0)
        self._keeping.timeout.connect(self._keep_next)

    def set_category(self, category: CategoryResult | None) -> None:
        self.show_rows(self._prepared(category))

    def keep_soon(self, categories: list[CategoryResult]) -> None:
        """Work out these categories' cells one at a time between events, so that showing
        one later only looks them up: the first showing of a category of hundreds of teams
        was the slowest step of the screen. Replaces what was still to do."""
        self._to_keep = list(categories)
        self._keeping.start()

    def _keep_next(self) -> None:
        if self._to_keep:
            self._prepared(self._to_keep.pop(0))
        if self._to_keep:
            self._keeping.start()

    def _prepared(self, category: CategoryResult | None) -> PreparedRows:
        self._partners = {}
        for group in category.ties if category is not None else ():
            for code in group.teams:
                self._partners[code] = tuple(c for c in group.teams if c != code)
        teams = category.teams if category is not None else ()
        prepared = PreparedRows(
            codes=[team.code for team in teams],
            items=list(teams),
            by_role={role: [] for role in _RANKING_ROLES},
        )
        if self._made_in != lang():
            self._made, self._made_in = {}, lang()
        code = category.code if category is not None else ""
        before, made = self._made.get(code, {}), {}
        grids = [prepared.by_role[role] for role in _RANKING_ROLES]
        for team in teams:
            key = self._shown_values(team)
            row = before.get(key) or self._row(team)
            made[key] = row
            for grid, cells in zip(grids, row.cells, strict=True):
                grid.append(cells)
            prepared.sort_keys.append(row.sort_key)
        self._made[code] = made
        return prepared

    def _shown_values(self, team: TeamResult) -> tuple[object, ...]:
        """Everything a team's row shows or sorts by: equal values, equal cells."""
        return (
            team.code,
            team.rank,
            team.institution,
            team.title,
            # a fraction's own hash is worked out in Python; its two integers hash in C
            None if team.score is None else (team.score.numerator, team.score.denominator),
            team.judges_counted,
            team.judges_expected,
            team.advances,
            team.tied,
            team.tied_with,
            team.tie_broken_by,
            team.cut_line_tie,
            self._partners.get(team.code, ()),
        )

    def _row(self, team: TeamResult) -> _RankingRow:
        tie = self.tie_text(team)
        tips: list[object] = [None] * 8
        tips[INSTITUTION], tips[TITLE], tips[TIE] = (
            team.institution or None,
            team.title or None,
            tie or None,
        )
        cells: tuple[list[object], ...] = (
            [
                "" if team.rank is None else str(team.rank),
                team.code,
                team.institution,
                team.title,
                score_text(team.score),
                f"{team.judges_counted}/{team.judges_expected}",
                self.tr("Advances") if team.advances else "",
                tie,
            ],
            self._backgrounds(team),
            _ALIGNMENT,
            _ADVANCES_BOLD if team.advances else _PLAIN,
            tips,
            [team.code] * 8,
        )
        sort_key = (
            team.rank if team.rank is not None else 10_000,
            team.code,
            team.institution,
            team.title,
            float(team.score) if team.score is not None else -1.0,
            team.judges_counted,
            int(team.advances),
            tie,
        )
        return _RankingRow(cells, sort_key)

    @staticmethod
    def _backgrounds(team: TeamResult) -> list[object]:
        if team.cut_line_tie:
            return [_brush("#fde2e2")] * 8
        line: list[object] = [None] * 8
        if team.advances:
            line[ADVANCES] = _brush("#b8e6b8")
        if team.tied or team.tie_broken_by:
            line[TIE] = _brush("#fff1c4")
        if not team.complete:
            line[JUDGES] = _brush("#ffd98a")
        return line

    def team_at(self, row: int) -> TeamResult:
        team = self.item_at(row)
        assert isinstance(team, TeamResult)
        return team

    def tie_text(self, team: TeamResult) -> str:
        """'Tied' and what settled it: a criterion, the jury, or nothing yet."""
        if team.cut_line_tie:
            return self.tr("Tied at the quota line — jury decision needed")
        if team.tied and team.tie_broken_by == "jury":
            return self.tr("Tied, shared place by jury decision")
        if team.tied:
            return self.tr("Tied (shared rank) with {teams}").format(
                teams=", ".join(team.tied_with)
            )
        others = ", ".join(self._partners.get(team.code, ()))
        if team.tie_broken_by == "jury":
            return self.tr("Tied with {teams}, decided by the jury").format(teams=others)
        if team.tie_broken_by:
            return self.tr("Tied with {teams}, broken by {criterion}").format(
                teams=others, criterion=team.tie_broken_by
            )
        return ""

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("Rank"),
            self.tr("Code"),
            self.tr("Institution"),
            self.tr("Innovation title"),
            self.tr("Final score"),
            self.tr("Judges"),
            self.tr("Result"),
            self.tr("Tie"),
        )
        return headers[section] if 0 <= section < len(headers) else None


class BreakdownModel(QAbstractTableModel):
    """One team's judges: their totals, why some are left out, and who is far from the panel."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._team: TeamResult | None = None
        self._names: dict[str, str] = {}

    def set_team(self, team: TeamResult | None, names: dict[str, str]) -> None:
        self.beginResetModel()
        self._team, self._names = team, dict(names)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self._team is None else len(self._team.marks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def _status(self, status: MarkStatus) -> str:
        texts = {
            MarkStatus.COUNTED: self.tr("counted"),
            MarkStatus.CONFLICT: self.tr("excluded: conflict of interest"),
            MarkStatus.ABSTAINED: self.tr("excluded: abstained"),
            MarkStatus.MISSING: self.tr("excluded: not handed in yet"),
        }
        return texts[status]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: PLR0911 - one branch per column and role
        if not index.isValid() or self._team is None:
            return None
        mark = self._team.marks[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == 0:
                return f"{mark.judge} — {self._names.get(mark.judge, '')}"
            if column == 1:
                if role == SORT_ROLE:
                    return float(mark.total) if mark.total is not None else -1.0
                return score_text(mark.total)
            if column == 2:
                return self._status(mark.status)
            return self.tr("far from the panel mean") if mark.outlier else ""
        if role == Qt.ItemDataRole.BackgroundRole and mark.outlier:
            return QBrush(QColor("#fde2e2"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CODE_ROLE:
            return mark.judge
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Judge"), self.tr("Total"), self.tr("Counted?"), self.tr("Flag"))
        return headers[section] if 0 <= section < len(headers) else None


class CompareModel(PreparedRowsModel):
    """Each team's rank and score under every method; cells that differ from the chosen one
    are highlighted, so the jury sees whether the method matters."""

    DIFFERS_ROLE = int(Qt.ItemDataRole.UserRole) + 30

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(1 + len(Method), parent)
        self._chosen = Method.MEAN

    def set_results(self, results: dict[Method, Results], category: str, chosen: Method) -> None:
        header_changed = chosen is not self._chosen
        self._chosen = chosen
        by_method = {
            method: {t.code: t for c in r.categories if c.code == category for t in c.teams}
            for method, r in results.items()
        }
        teams = list(by_method.get(chosen, {}).values())
        prepared = PreparedRows(
            codes=[team.code for team in teams],
            items=list(teams),
            by_role={role: [] for role in _COMPARE_ROLES},
        )
        grids, differs_tip = prepared.by_role, self.tr("The rank differs from the chosen method")
        highlight = _brush("#ffd98a")
        for base in teams:
            others = [by_method.get(method, {}).get(base.code) for method in Method]
            differs = [other is not None and other.rank != base.rank for other in others]
            grids[Qt.ItemDataRole.DisplayRole].append(
                [f"{base.code}  {base.institution}", *(_compare_text(o) for o in others)]
            )
            grids[self.DIFFERS_ROLE].append([False, *differs])
            grids[Qt.ItemDataRole.BackgroundRole].append(
                [None, *(highlight if d else None for d in differs)]
            )
            grids[Qt.ItemDataRole.ToolTipRole].append(
                [None, *(differs_tip if d else None for d in differs)]
            )
            grids[CODE_ROLE].append([base.code] * self.columnCount())
            prepared.sort_keys.append(
                (
                    base.code,
                    *(o.rank if o is not None and o.rank is not None else 10_000 for o in others),
                )
            )
        self.show_rows(prepared)
        if header_changed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, len(Method))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == COMPARE_TEAM:
            return self.tr("Team")
        methods = list(Method)
        if 0 < section <= len(methods):
            name = method_name(methods[section - 1])
            return f"{name} ✱" if methods[section - 1] is self._chosen else name
        return None
