"""Tables answered from prepared grids: sorting on prepared keys, rows updated in place."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from juryapp.gui.prepared_rows import PreparedRows, PreparedRowsModel
from juryapp.gui.tables import SORT_ROLE

DISPLAY = Qt.ItemDataRole.DisplayRole


def rows(scores: dict[str, int]) -> PreparedRows:
    """Teams and their scores: column 0 the code, column 1 the score."""
    codes = list(scores)
    return PreparedRows(
        codes=codes,
        items=[(code, scores[code]) for code in codes],
        by_role={DISPLAY: [[code, str(scores[code])] for code in codes]},
        sort_keys=[(code, scores[code]) for code in codes],
    )


def shown(model: PreparedRowsModel) -> list[tuple[str, str]]:
    return [
        (str(model.index(r, 0).data()), str(model.index(r, 1).data()))
        for r in range(model.rowCount())
    ]


def test_the_model_sorts_on_its_keys_and_keeps_equal_rows_in_their_order(
    qtmodeltester: ModelTester,
) -> None:
    model = PreparedRowsModel(2)
    model.show_rows(rows({"B": 10, "A": 9, "C": 10, "D": 8}))
    assert shown(model) == [("B", "10"), ("A", "9"), ("C", "10"), ("D", "8")]  # as given
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [code for code, _ in shown(model)] == ["B", "C", "A", "D"]  # B before C, as given
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [code for code, _ in shown(model)] == ["D", "A", "B", "C"]
    model.sort(0)
    assert [code for code, _ in shown(model)] == ["A", "B", "C", "D"]
    assert model.index(1, 1).data(SORT_ROLE) == 10
    assert model.code_at(2) == "C" and model.item_at(2) == ("C", 10) and model.row_of("D") == 3
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None  # a role not prepared
    qtmodeltester.check(model, force_py=True)


def test_new_scores_for_the_same_teams_update_in_place_and_the_selection_follows_its_team(
    qtbot: QtBot,
) -> None:
    model = PreparedRowsModel(2)
    model.show_rows(rows({"A": 9, "B": 8, "C": 7}))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSortingEnabled(True)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    view.selectRow(2)  # C, the lowest
    current = QPersistentModelIndex(model.index(2, 1))
    resets, moves, changes = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.layoutChanged.connect(lambda: moves.append(1))
    model.dataChanged.connect(lambda *_: changes.append(1))

    model.show_rows(rows({"A": 9, "B": 8, "C": 7}))  # read again, nothing new
    assert (resets, moves) == ([], []) and changes

    model.show_rows(rows({"A": 9, "B": 8, "C": 12}))  # C overtakes both
    assert resets == [] and moves == [1]
    assert shown(model) == [("C", "12"), ("A", "9"), ("B", "8")]  # still sorted by score
    selected = view.selectionModel().selectedRows()
    assert [model.code_at(i.row()) for i in selected] == ["C"]  # the selection moved with C
    assert current.row() == 0 and current.data() == "12"

    model.show_rows(rows({"A": 9, "B": 8, "E": 1}))  # another team: a new table
    assert resets == [1] and view.selectionModel().selectedRows() == []
    assert shown(model) == [("A", "9"), ("B", "8"), ("E", "1")]
