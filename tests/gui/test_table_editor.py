"""The set-up's editable tables: columns sized to what they hold, when they can be seen."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from juryapp.gui.secretariat.record_model import Column, RecordModel
from juryapp.gui.secretariat.table_editor import MAX_COLUMN_WIDTH, TableEditor


def editor_on_second_tab(qtbot: QtBot) -> tuple[QTabWidget, TableEditor[str]]:
    columns = [Column("Nama", lambda text: text), Column("Huruf", lambda text: str(len(text)))]
    model: RecordModel[str] = RecordModel(columns, lambda _r: "")  # the last column stretches
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "first")
    editor = TableEditor(model, tabs)
    tabs.addTab(editor, "second")
    tabs.resize(900, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs, editor


def test_a_table_out_of_sight_is_sized_to_its_contents_when_shown(qtbot: QtBot) -> None:
    tabs, editor = editor_on_second_tab(qtbot)
    narrow = editor.view.columnWidth(0)
    editor.model.set_records(["Puskesmas Kecamatan Kebon Jeruk " * 2, "RSUD Cengkareng"])
    assert editor.view.columnWidth(0) == narrow  # not measured while nobody can see it
    tabs.setCurrentIndex(1)
    assert narrow < editor.view.columnWidth(0) <= MAX_COLUMN_WIDTH


def test_a_table_in_sight_is_sized_at_once_and_never_wider_than_the_limit(qtbot: QtBot) -> None:
    tabs, editor = editor_on_second_tab(qtbot)
    tabs.setCurrentIndex(1)
    editor.model.set_records(["RSUD"])
    short = editor.view.columnWidth(0)
    editor.model.set_records(["Rumah Sakit Umum Daerah Kalideres " * 4])
    assert short < editor.view.columnWidth(0) == MAX_COLUMN_WIDTH
