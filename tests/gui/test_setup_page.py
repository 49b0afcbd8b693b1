"""Tests of the secretariat's set-up page: the rubric, teams, letterhead, conflicts and files."""

# The fixtures are imported from secretariat_fixtures, so their names reappear as arguments.
# ruff: noqa: F811

from __future__ import annotations

import os
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from juryapp.gui.secretariat import SecretariatWindow
from juryapp.gui.secretariat.info_form import ImageField
from juryapp.resources import resource
from tests.gui.conftest import settle
from tests.gui.secretariat_fixtures import Demo, demo, window, window2  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A Qt warning is a bug in the widget or the test, as in qutebrowser.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # The services still call Result.tuples(), deprecated in SQLAlchemy 2.1; not ours to fix.
    pytest.mark.filterwarnings("ignore:The Result.tuples:DeprecationWarning"),
]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_setup_page_fits_a_laptop_screen_with_its_save_button(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    """The details and letterhead scroll; the page never asks for more than a 1366 × 768
    screen leaves under the menus and the status bar."""
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    window.resize(1366, 680)
    window.show()
    qtbot.waitExposed(window)
    page = window.setup
    assert page.minimumSizeHint().height() <= 640
    assert window.height() <= 680
    save = page.save_button
    assert save.isVisible() and save.mapTo(window, save.rect().bottomLeft()).y() <= window.height()


def test_rubric_editor_refuses_weights_other_than_100(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    rubric = window.setup.rubric
    weight = rubric.criteria.index(0, 3)
    assert rubric.criteria.setData(weight, "20")
    assert "110" in rubric.total.text()
    assert not window.setup.save()
    assert not window.setup.notice.isHidden() and "100" in window.setup.notice.text()
    assert demo.services.setup.spec().criteria[0].weight == Decimal(10)
    # Moving the ten points elsewhere makes it acceptable again.
    assert rubric.criteria.setData(rubric.criteria.index(7, 3), "10")
    assert "100" in rubric.total.text()
    assert window.setup.save()
    settle(qtbot, demo.services)
    saved = demo.services.setup.spec().criteria
    assert (saved[0].weight, saved[7].weight) == (Decimal(20), Decimal(10))


def test_setup_problems_are_listed(qtbot: QtBot, window: SecretariatWindow, demo: Demo) -> None:
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    teams = window.setup.teams
    assert teams.setData(teams.index(0, 2), "XYZ")  # a category that does not exist
    window.setup.save()
    settle(qtbot, demo.services)
    assert window.setup.has_unsaved()
    assert window.setup.problems.count() >= 1
    # Where the problem is, in words, and the message as a sentence: no teams[1].category.
    expected = "Teams, row 1, Category: Kategori 'XYZ' tidak dikenal"
    assert window.setup.problems.item(0).text() == expected
    assert demo.services.setup.spec().teams[0].category == "PKM"


def test_team_size_warning_and_details_save(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    setup = window.setup
    members = "; ".join(f"Anggota {i}" for i in range(9))
    assert setup.teams.setData(setup.teams.index(0, 4), members)
    assert not setup.team_warning.isHidden()
    assert "PKM-01" in setup.team_warning.text()
    assert setup.teams.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    setup.revert()
    settle(qtbot, demo.services)
    assert setup.team_warning.isHidden()
    setup.info_fields["venue"].setText("Aula Kantor Wali Kota")
    setup.info_fields["venue"].textEdited.emit("Aula Kantor Wali Kota")
    assert setup.save()
    settle(qtbot, demo.services)
    assert demo.services.setup.spec().info.venue == "Aula Kantor Wali Kota"
    assert not setup.has_unsaved()


def test_letterhead_fields_and_logo_are_saved(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo, tmp_path: Path
) -> None:
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    setup = window.setup
    logo_field = setup.info.editors["logo"]
    assert isinstance(logo_field, ImageField)
    assert logo_field.data() == demo.services.setup.spec().info.logo  # the demo's own logo
    for name, text in (("parent_office", "Dinas Kesehatan"), ("website", "sudinkes.example.id")):
        setup.info_fields[name].setText(text)
        setup.info_fields[name].textEdited.emit(text)
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_bytes(b"GIF89a and more")
    assert not logo_field.load_file(not_an_image)
    assert "PNG" in setup.notice.text()
    logo_field.clear.click()
    assert setup.dirty
    assert setup.save()
    settle(qtbot, demo.services)
    # the page reads the saved set-up again when the window's watcher reports the change
    qtbot.waitUntil(lambda: setup.spec is not None and not setup.dirty)
    info = demo.services.setup.spec().info
    assert (info.parent_office, info.website, info.logo) == (
        "Dinas Kesehatan",
        "sudinkes.example.id",
        None,
    )
    logo = tmp_path / "baru.png"
    logo.write_bytes(resource("demo", "logo.png").read_bytes())
    assert logo_field.load_file(logo)
    assert setup.save()
    settle(qtbot, demo.services)
    assert demo.services.setup.spec().info.logo == logo.read_bytes()


def test_conflict_suggestions_and_signatures(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo
) -> None:
    spec = demo.services.setup.spec()
    judges = tuple(
        replace(j, affiliation="RSUD Cengkareng") if j.code == "J4" else j for j in spec.judges
    )
    demo.services.setup.update(demo.sek1, replace(spec, judges=judges))
    window.show_page(window.SETUP)
    settle(qtbot, demo.services)
    before = window.setup.conflicts.rowCount()
    window.setup.suggest_conflicts()
    settle(qtbot, demo.services)
    assert window.setup.conflicts.rowCount() == before + 1
    assert "1" in window.setup.notice.text()
    assert window.setup.save()
    settle(qtbot, demo.services)
    assert any(
        c.judge == "J4" and c.institution == "RSUD Cengkareng"
        for c in demo.services.setup.spec().conflicts
    )
    window.setup.store_signature("J1", b"\x89PNG fake")
    settle(qtbot, demo.services)
    assert "J1" in demo.services.setup.signatures()
    assert window.setup.judges.index(0, 6).data() == "✓"


def test_import_errors_name_the_file_and_row(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo, tmp_path: Path
) -> None:
    path = tmp_path / "tim.csv"
    path.write_text(
        "kode,institusi,kategori,judul\nPKM-09,Puskesmas Baru,TIDAK-ADA,Inovasi\n",
        encoding="utf-8",
    )
    files = window.setup.files
    task = files.start("teams", path)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert not files.notice.isHidden()
    assert re.search(
        r"tim\.csv, (baris|row) 2, (kolom|column) '(kategori|category)'", files.notice.text()
    )
    assert "PKM-09" not in {team.code for team in demo.services.setup.spec().teams}


def test_convention_file_round_trip(
    qtbot: QtBot, window: SecretariatWindow, demo: Demo, tmp_path: Path
) -> None:
    path = tmp_path / "konvensi.toml"
    task = window.setup.files.start("convention-out", path)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    before = demo.services.setup.spec()
    first = before.teams[0]
    exported = path.read_text(encoding="utf-8")
    assert exported.count(f'"{first.title}"') == 1
    path.write_text(exported.replace(f'"{first.title}"', '"Judul yang diubah"'), "utf-8")
    task = window.setup.files.start("convention-in", path)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert "konvensi.toml" in window.setup.files.notice.text()
    after = demo.services.setup.spec()
    # the one change made in the file is read, and everything else comes back as it was
    assert after.teams[0] == replace(first, title="Judul yang diubah")
    assert replace(after, teams=before.teams) == before
    assert after.teams[1:] == before.teams[1:]


# --- schedule ------------------------------------------------------------------------------
