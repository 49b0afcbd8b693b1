"""The new-convention wizard's steps, the spreadsheets it reads, its accounts and checklist."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester

from juryapp.bootstrap import Services
from juryapp.domain.kinds import TotalFormula
from juryapp.domain.model import Category, ConventionInfo, Judge
from juryapp.gui.secretariat.info_form import CONVENTION_FIELDS, InfoForm
from juryapp.gui.wizard import ConventionWizard
from juryapp.interchange.tabular import write_table
from juryapp.resources import resource

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]


@pytest.fixture
def wizard(qtbot, tmp_path: Path, services_for: Callable[[Path], Services]) -> ConventionWizard:
    made = ConventionWizard(services_for(tmp_path / "kosong.sqlite3"))
    qtbot.addWidget(made)
    made.show()
    return made


def test_the_details_form_has_every_field_of_convention_info(qtbot) -> None:
    form = InfoForm()
    qtbot.addWidget(form)
    names = {f.name for f in fields(ConventionInfo)}
    assert set(form.editors) == names  # a field added to ConventionInfo appears by itself
    info = ConventionInfo("Konvensi 2025", city="Jakarta", max_team_members=9)
    form.set_info(info)
    assert form.info(ConventionInfo("lama")) == info
    letterhead = {n for n, e in form.editors.items() if e.parent() is form.letterhead_box}
    assert letterhead == names - set(CONVENTION_FIELDS)


def test_a_new_convention_starts_from_the_standard_rubric(
    qtmodeltester: ModelTester, wizard: ConventionWizard
) -> None:
    rubric = wizard.rubric
    assert [c.code for c in rubric.editor.criteria.records] == [f"K{i}" for i in range(1, 9)]
    assert rubric.editor.tie_break.chain() == ("K5", "K3", "K8")
    spec = wizard.built_spec()
    assert spec.scoring.total_formula is TotalFormula.PROPORTIONAL  # "bobot × skor ÷ 5"
    assert rubric.isComplete()
    rubric.empty.setChecked(True)
    assert rubric.editor.criteria.rowCount() == 0 and not rubric.isComplete()
    assert rubric.use_file(resource("demo", "convention.toml"))
    assert rubric.from_file.isChecked() and rubric.editor.criteria.rowCount() == 8
    qtmodeltester.check(rubric.editor.criteria)


def test_a_broken_convention_file_is_refused_with_where(
    wizard: ConventionWizard, tmp_path: Path
) -> None:
    broken = tmp_path / "lama.toml"
    broken.write_text("format = 'juryapp-convention'\nformat_version = 1\n", encoding="utf-8")
    assert not wizard.rubric.use_file(broken)
    assert wizard.rubric.notice.text().startswith("lama.toml")
    assert wizard.rubric.editor.criteria.rowCount() == 8  # the standard one stays


def test_teams_from_a_spreadsheet_are_taken_whole_or_refused_whole(
    qtmodeltester: ModelTester, wizard: ConventionWizard, tmp_path: Path
) -> None:
    wizard.categories.categories.add(Category("PKM", "Puskesmas", 3))
    wizard.days.days.add()  # day 1, which the file's schedule refers to
    good = tmp_path / "tim.csv"
    rows: list[list[object]] = [
        ["PKM-01", "Puskesmas A", "PKM", "Inovasi A", 1, 1],
        ["PKM-02", "Puskesmas B", "PKM", "Inovasi B", 1, 2],
    ]
    write_table(good, ["kode", "institusi", "kategori", "judul", "hari", "urutan"], rows)
    assert wizard.teams.import_file(good), wizard.teams.notice.text()
    assert [t.code for t in wizard.teams.teams.records] == ["PKM-01", "PKM-02"]
    qtmodeltester.check(wizard.teams.teams)
    bad = tmp_path / "salah.csv"
    write_table(
        bad,
        ["kode", "institusi", "kategori", "judul"],
        [["PKM-03", "Puskesmas C", "PKM", "C"], ["RS-01", "RS D", "TIDAK-ADA", "D"]],
    )
    assert not wizard.teams.import_file(bad)
    assert "salah.csv" in wizard.teams.notice.text() and "3" in wizard.teams.notice.text()
    assert [t.code for t in wizard.teams.teams.records] == ["PKM-01", "PKM-02"]


def test_judges_from_a_spreadsheet_without_a_chair_yet(
    wizard: ConventionWizard, tmp_path: Path
) -> None:
    path = tmp_path / "juri.xlsx"
    write_table(path, ["kode", "nama"], [["J1", "dr. Satu"], ["J2", "dr. Dua"]])
    assert wizard.judges.import_file(path)
    assert [j.code for j in wizard.judges.judges.records] == ["J1", "J2"]
    problems = wizard.checklist.problems()
    assert any("ketua" in p.lower() or "chair" in p.lower() for p in problems)
    assert not wizard.checklist.isComplete()  # it cannot be stored without a chair


def test_the_accounts_step_checks_what_was_typed(qtbot, wizard: ConventionWizard) -> None:
    accounts = wizard.accounts
    assert not accounts.isComplete()
    qtbot.keyClicks(accounts.first.username, "rina")
    qtbot.keyClicks(accounts.first.secret, "pendek")
    qtbot.keyClicks(accounts.first.repeat, "pendek")
    assert not accounts.isComplete()  # no passphrase for the signing key yet
    qtbot.keyClicks(accounts.key.secret, "kunci-pendek")
    qtbot.keyClicks(accounts.key.repeat, "kunci-lain!")
    assert accounts.isComplete() and not accounts.validatePage()
    assert "8" in accounts.error.text() and "differ" in accounts.error.text()
    accounts.key.repeat.setText("kunci-pendek")
    for field in (accounts.first.secret, accounts.first.repeat):
        field.setText("kata-sandi-rina")
    qtbot.keyClicks(accounts.second.username, "rina")
    qtbot.keyClicks(accounts.second.secret, "kata-sandi-dua")
    qtbot.keyClicks(accounts.second.repeat, "kata-sandi-dua")
    assert not accounts.validatePage() and "different" in accounts.error.text()
    accounts.second.username.setText("bayu")
    assert accounts.validatePage()


def test_the_checklist_says_what_is_still_missing_and_finish_stores_it(
    qtbot, wizard: ConventionWizard, tmp_path: Path, services_for: Callable[[Path], Services]
) -> None:
    wizard.details.form.editors["name"].setText("Konvensi Mutu 2025")  # type: ignore[attr-defined]
    wizard.categories.categories.add(Category("PKM", "Puskesmas", 3))
    wizard.judges.judges.add(Judge("J1", "dr. Satu"))
    assert not wizard.checklist.isComplete()  # no chair of the jury yet
    wizard.judges.judges.setData(wizard.judges.judges.index(0, 5), "ya")
    wizard.accounts.first.username.setText("rina")
    wizard.accounts.first.secret.setText("kata-sandi-rina")
    wizard.accounts.key.secret.setText("kunci-konvensi-2025")
    wizard.checklist.show_items()
    assert wizard.checklist.isComplete()
    gaps = wizard.checklist.gaps()
    assert any("belum ada tim" in g.lower() for g in gaps)
    assert all(g[0].isupper() for g in gaps)
    with qtbot.waitSignal(wizard.stored, timeout=30_000):
        wizard.accept()
    assert wizard.created is not None and wizard.created.username == "rina"
    stored = services_for(tmp_path / "kosong.sqlite3")
    assert stored.setup.spec().info.name == "Konvensi Mutu 2025"
    rina = stored.accounts.sign_in("rina", "kata-sandi-rina")
    assert stored.keys.unlock(rina, "kunci-konvensi-2025").key_id  # the key, sealed by it
    assert stored.integrity.check(rina).ok
    assert {a.username for a in stored.accounts.accounts()} == {"rina", "j1"}


def test_cancelling_the_wizard_stores_nothing(
    wizard: ConventionWizard, tmp_path: Path, services_for: Callable[[Path], Services]
) -> None:
    wizard.details.form.editors["name"].setText("Konvensi Mutu 2025")  # type: ignore[attr-defined]
    wizard.reject()
    assert wizard.created is None
    assert not services_for(tmp_path / "kosong.sqlite3").database.has_convention()
