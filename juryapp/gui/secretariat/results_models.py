"""Table models of the results screen: ranking, one team's judges, and the four methods."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from juryapp.domain.kinds import Method
from juryapp.domain.results import CategoryResult, MarkStatus, Results, TeamResult
from juryapp.gui.secretariat.common import CODE_ROLE, score_text
from juryapp.gui.tables import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

RANK, CODE, INSTITUTION, TITLE, SCORE, JUDGES, ADVANCES, TIE = range(8)
COMPARE_TEAM = 0  # then one column per method


def method_name(method: Method) -> str:
    names = {
        Method.MEAN: QCoreApplication.translate("Methods", "Mean"),
        Method.TRIMMED: QCoreApplication.translate("Methods", "Trimmed mean"),
        Method.MEDIAN: QCoreApplication.translate("Methods", "Median"),
        Method.ZSCORE: QCoreApplication.translate("Methods", "Z-score"),
    }
    return names[method]


class RankingModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._category: CategoryResult | None = None
        self._partners: dict[str, tuple[str, ...]] = {}
        self._ties: list[str] = []
        self._sort_keys: list[tuple[object, ...]] = []

    def set_category(self, category: CategoryResult | None) -> None:
        self.beginResetModel()
        self._category = category
        self._partners = {}
        for group in category.ties if category is not None else ():
            for code in group.teams:
                self._partners[code] = tuple(c for c in group.teams if c != code)
        # Worked out once: a sort asks for these twice per comparison, and a category holds
        # hundreds of teams at a large convention.
        self._ties = [self.tie_text(team) for team in category.teams] if category else []
        self._sort_keys = [
            (
                team.rank if team.rank is not None else 10_000,
                team.code,
                team.institution,
                team.title,
                float(team.score) if team.score is not None else -1.0,
                team.judges_counted,
                int(team.advances),
                tie,
            )
            for team, tie in zip(category.teams if category else (), self._ties, strict=True)
        ]
        self.endResetModel()

    def team_at(self, row: int) -> TeamResult:
        assert self._category is not None
        return self._category.teams[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self._category is None:
            return 0
        return len(self._category.teams)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 8

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: PLR0911, PLR0912 - one branch per column and role
        if not index.isValid() or self._category is None:
            return None
        team = self._category.teams[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RANK:
                return "" if team.rank is None else str(team.rank)
            if column == CODE:
                return team.code
            if column == INSTITUTION:
                return team.institution
            if column == TITLE:
                return team.title
            if column == SCORE:
                return score_text(team.score)
            if column == JUDGES:
                return f"{team.judges_counted}/{team.judges_expected}"
            if column == ADVANCES:
                return self.tr("Advances") if team.advances else ""
            if column == TIE:
                return self._ties[index.row()]
        if role == SORT_ROLE:
            return self._sort_keys[index.row()][column]
        if role == CODE_ROLE:
            return team.code
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RANK, SCORE, JUDGES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if team.cut_line_tie:
                return QBrush(QColor("#fde2e2"))
            if column == ADVANCES and team.advances:
                return QBrush(QColor("#b8e6b8"))
            if column == TIE and (team.tied or team.tie_broken_by):
                return QBrush(QColor("#fff1c4"))
            if column == JUDGES and not team.complete:
                return QBrush(QColor("#ffd98a"))
        if role == Qt.ItemDataRole.FontRole and column == ADVANCES and team.advances:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in (INSTITUTION, TITLE, TIE):
            return (team.institution, team.title, self._ties[index.row()])[
                (INSTITUTION, TITLE, TIE).index(column)
            ] or None
        return None

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


class CompareModel(QAbstractTableModel):
    """Each team's rank and score under every method; cells that differ from the chosen one
    are highlighted, so the jury sees whether the method matters."""

    DIFFERS_ROLE = Qt.ItemDataRole.UserRole + 30

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._teams: tuple[TeamResult, ...] = ()
        self._by_method: dict[Method, dict[str, TeamResult]] = {}
        self._chosen = Method.MEAN

    def set_results(self, results: dict[Method, Results], category: str, chosen: Method) -> None:
        self.beginResetModel()
        self._chosen = chosen
        self._by_method = {
            method: {t.code: t for c in r.categories if c.code == category for t in c.teams}
            for method, r in results.items()
        }
        base = self._by_method.get(chosen, {})
        self._teams = tuple(base.values())
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._teams)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 1 + len(Method)

    def _result(self, index: Index) -> tuple[TeamResult, TeamResult | None]:
        base = self._teams[index.row()]
        if index.column() == COMPARE_TEAM:
            return base, None
        method = list(Method)[index.column() - 1]
        return base, self._by_method.get(method, {}).get(base.code)

    def differs(self, index: Index) -> bool:
        base, other = self._result(index)
        return other is not None and other.rank != base.rank

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: PLR0911 - one branch per column and role
        if not index.isValid():
            return None
        base, other = self._result(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == COMPARE_TEAM:
                return f"{base.code}  {base.institution}"
            if other is None or other.rank is None:
                return "—"
            shared = "=" if other.tied else ""
            return f"{shared}{other.rank}  ({score_text(other.score)})"
        if role == SORT_ROLE:
            if index.column() == COMPARE_TEAM:
                return base.code
            return other.rank if other is not None and other.rank is not None else 10_000
        if role == self.DIFFERS_ROLE:
            return self.differs(index)
        if role == Qt.ItemDataRole.BackgroundRole and self.differs(index):
            return QBrush(QColor("#ffd98a"))
        if role == Qt.ItemDataRole.ToolTipRole and self.differs(index):
            return self.tr("The rank differs from the chosen method")
        if role == CODE_ROLE:
            return base.code
        return None

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
