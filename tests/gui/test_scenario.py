"""A new organiser runs a whole convention from an empty database, in the app alone."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.kinds import SheetStatus
from juryapp.domain.model import Judge
from juryapp.gui.app_window import AppWindow
from juryapp.gui.secretariat import SecretariatWindow
from juryapp.gui.secretariat.files_panel import template_headings
from juryapp.interchange.convention_file import read_convention_file
from juryapp.interchange.tabular import write_table
from juryapp.resources import resource
from juryapp.services.publishing import Kind
from tests.gui.conftest import settle

pytestmark = [
    pytest.mark.slow,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
]

MakeWindow = Callable[[Path], AppWindow]
CRITERIA = 8
# What every judge gives each team, criterion by criterion: PKM-03 and PKM-04 end level on
# every criterion at places 3 and 4 of a quota of 3, a tie only the jury can settle.
SCORES = {
    "PKM-01": [5] * 8, "PKM-02": [5] * 7 + [4], "PKM-03": [4] * 8, "PKM-04": [4] * 8,
    "PKM-05": [3] * 8, "PKM-06": [3] * 7 + [2], "PKM-07": [2] * 8, "PKM-08": [1] * 8,
    "RSUD-01": [4] * 8, "RSUD-02": [3] * 8, "RSUD-03": [2] * 8,
    "RSS-01": [5] * 8, "RSS-02": [4] * 8, "RSS-03": [3] * 8, "RSS-04": [2] * 8,
}  # fmt: skip
JUDGES = (
    Judge("J1", "Prof. Dr. Wisnu Hardjanto, S.Sos., M.Si.", "Universitas Indonesia"),
    Judge("J2", "dr. Maya Anindita Prameswari, Sp.PK(K), M.Kes.", "RSUPN Cipto Mangunkusumo"),
    Judge("J3", "drg. Rudi Hartono Siregar, M.K.M.", "Dinas Kesehatan DKI Jakarta"),
    Judge("J4", "dr. Fitri Handayani Nasution, M.P.H.", "BPJS Kesehatan"),
    Judge("J5", "Yudha Pratama Kusuma, S.E., M.M., AAAK", "Inovator kesehatan"),
)
CONFLICTS = {("J3", "PKM-04"), ("J2", "RSS-04")}
KEY_PASSPHRASE = "kunci-konvensi-jakbar"
RINA, BAYU = ("rina", "kata-sandi-rina"), ("bayu", "kata-sandi-bayu")


def teams_spreadsheet(path: Path) -> Path:
    """The 15 teams of the demo, typed into the empty template the app hands out."""
    teams = read_convention_file(resource("demo", "convention.toml")).teams
    rows = [
        [
            t.code,
            t.institution,
            t.category,
            t.title,
            t.pillar,
            t.programme,
            "; ".join(t.members),
            t.day,
            t.order,
            f"{t.time.hour:02d}.{t.time.minute:02d}" if t.time else "",
        ]
        for t in teams
    ]
    write_table(path, template_headings("teams", "id"), rows)
    return path


def run_wizard(qtbot, window: AppWindow, tmp_path: Path) -> None:
    wizard = window.start_page.new_wizard()  # a child of the main window, closed with it
    wizard.show()
    assert wizard.windowTitle() == "Konvensi baru"
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Lanjut >"

    details = wizard.details.form.editors
    for name, text in (
        ("name", "Konvensi Mutu Bidang Kesehatan Kota Administrasi Jakarta Barat 2025"),
        ("organiser", "Suku Dinas Kesehatan Kota Administrasi Jakarta Barat"),
        ("organiser_head_name", "dr. Ratna Sekar Kusumadewi, M.K.M."),
        ("city", "Jakarta"),
        ("venue", "Ruang MH Thamrin"),
    ):
        qtbot.keyClicks(details[name], text)
    assert wizard.currentPage().isComplete()
    wizard.next()

    days = wizard.days.days
    for date_text in ("2025-09-17", "2025-09-18"):
        row = days.add()
        assert days.setData(days.index(row, 0), date_text)
        assert days.setData(days.index(row, 1), "08.30")
    assert wizard.days.days.index(0, 0).data() == "Rabu, 17 September 2025"
    wizard.next()

    categories = wizard.categories.categories
    for code, name, quota in (
        ("PKM", "Puskesmas", 3),
        ("RSUD", "RSUD", 3),
        ("RSS", "RS Swasta", 1),
    ):
        row = categories.add()
        for column, text in enumerate((code, name, name, str(quota))):
            assert categories.setData(categories.index(row, column), text)
    wizard.next()

    assert wizard.rubric.standard.isChecked() and wizard.rubric.isComplete()
    assert [c.weight for c in wizard.rubric.editor.criteria.records][:2] == [10, 10]
    wizard.next()

    assert wizard.teams.import_file(teams_spreadsheet(tmp_path / "tim.xlsx"))
    assert wizard.teams.teams.rowCount() == 15
    wizard.next()

    judges = wizard.judges.judges
    for judge in JUDGES:
        row = judges.add()
        for column, text in ((0, judge.code), (1, judge.name), (2, judge.affiliation)):
            assert judges.setData(judges.index(row, column), text)
    assert judges.setData(judges.index(0, 5), "ya")  # J1 chairs the jury
    wizard.next()

    # Conflicts picked from the lists the table offers.
    conflicts = wizard.conflicts
    view = conflicts.editor.view
    for judge, team in sorted(CONFLICTS):
        row = conflicts.conflicts.add()
        for column, value in ((0, judge), (1, team)):
            index = conflicts.conflicts.index(row, column)
            delegate = view.itemDelegateForColumn(column)
            editor = delegate.createEditor(view.viewport(), None, index)  # type: ignore[arg-type]
            editor.setCurrentIndex(editor.findData(value))
            delegate.setModelData(editor, conflicts.conflicts, index)
            editor.deleteLater()
    assert {(c.judge, c.team) for c in conflicts.conflicts.records} == CONFLICTS
    wizard.next()

    accounts = wizard.accounts
    for person, (username, secret), name in (
        (accounts.first, RINA, "Rina Oktaviani"),
        (accounts.second, BAYU, "Bayu Prasetyo"),
    ):
        qtbot.keyClicks(person.username, username)
        qtbot.keyClicks(person.full_name, name)
        qtbot.keyClicks(person.secret, secret)
        qtbot.keyClicks(person.repeat, secret)
    qtbot.keyClicks(accounts.key.secret, KEY_PASSPHRASE)
    qtbot.keyClicks(accounts.key.repeat, KEY_PASSPHRASE)
    wizard.next()

    assert wizard.currentPage() is wizard.checklist
    assert wizard.checklist.problems() == []
    assert wizard.checklist.gaps() == []  # nothing is missing before judging starts
    assert "Tidak ada yang kurang" in wizard.checklist.intro.text()
    with qtbot.waitSignal(wizard.stored, timeout=60_000):
        wizard.accept()
    assert wizard.created is not None and len(wizard.created.pins) == 5
    window.start_page.wizard_done(wizard)
    settle(qtbot, window.services)


def sign_in_secretariat(qtbot, window: AppWindow, username: str, secret: str) -> SecretariatWindow:
    page = window.sign_in_page
    page.show_secretariat()
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClicks(page.passphrase, secret)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    settle(qtbot, window.services)
    area = window.stack.currentWidget()
    assert isinstance(area, SecretariatWindow)
    return area


def laptops_hand_in(services: Services, pins: dict[str, str], skip: set[tuple[str, str]]) -> None:
    """The other judges score at their laptops and hand their sheets in."""
    codes = [f"K{i}" for i in range(1, CRITERIA + 1)]
    for judge in JUDGES:
        actor = services.accounts.sign_in(judge.code.lower(), pins[judge.code])
        for team, values in SCORES.items():
            if (judge.code, team) in CONFLICTS | skip:
                continue
            for code, value in zip(codes, values, strict=True):
                services.scoring.set_score(actor, judge.code, team, code, Decimal(value))
            services.scoring.submit(actor, judge.code, team)


def test_a_new_organiser_runs_a_convention_from_an_empty_database(
    qtbot, make_window: MakeWindow, tmp_path: Path, services_for: Callable[[Path], Services]
) -> None:
    database = tmp_path / "konvensi-2025.sqlite3"
    window = make_window(database)
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.new_button.text() == "Konvensi ba&ru…"

    # 1. The wizard, then the judges' PIN slips printed from the dialog it leaves open.
    run_wizard(qtbot, window, tmp_path)
    assert window.stack.currentWidget() is window.sign_in_page
    assert window.sign_in_page.username.text() == RINA[0]
    slips = window.pins_dialog
    assert slips is not None
    with qtbot.waitSignal(slips.printed, timeout=30_000):  # type: ignore[attr-defined]
        slips.print_to(tmp_path / "slip-pin.pdf")  # type: ignore[attr-defined]
    slip_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "slip-pin.pdf").pages)
    pins = {p.judge_code: p.pin for p in slips.pins}  # type: ignore[attr-defined]
    assert all(f"{pin[:3]} {pin[3:]}" in slip_text for pin in pins.values())
    slips.close()

    # 2. Judge J1 signs in with the PIN from the slip and scores PKM-01 from the keyboard.
    page = window.sign_in_page
    page.show_judge()
    page.select_judge("j1")
    qtbot.keyClicks(page.pin, pins["J1"])
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    settle(qtbot, window.services)
    area = window.judge_area
    assert area is not None
    with qtbot.waitSignal(area.sheet.loaded):
        area.open_team("PKM-01")
    for edit, value in zip(area.sheet.score_edits(), SCORES["PKM-01"], strict=True):
        qtbot.keyClick(edit, str(value))
    settle(qtbot, window.services)  # every score committed before the question is asked

    def accept_submission() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, accept_submission)
    with qtbot.waitSignal(area.sheet.submitted):
        area.sheet.submit()
    settle(qtbot, window.services)
    assert window.sign_out()
    settle(qtbot, window.services)
    assert page.pin.text() == "" and page.username.text() == ""

    # 3. The other laptops hand in their sheets; one judge's is on paper (J5 × RSS-01).
    other = services_for(database)
    laptops_hand_in(other, pins, skip={("J1", "PKM-01"), ("J5", "RSS-01")})

    # 4. Rina types J5's paper sheet for RSS-01 and hands it in.
    sek = sign_in_secretariat(qtbot, window, *RINA)
    sek.open_sheet("J5", "RSS-01")
    settle(qtbot, window.services)
    for code, value in zip(sek.paper.fields, SCORES["RSS-01"], strict=True):
        assert sek.paper.save_score(code, str(value))
    sek.paper.submit()
    settle(qtbot, window.services)
    assert sek.paper.sheet is not None and sek.paper.sheet.status is SheetStatus.SUBMITTED
    assert window.sign_out()
    settle(qtbot, window.services)

    # 5. Bayu types it again without seeing Rina's entry (a slip first, then right).
    sek = sign_in_secretariat(qtbot, window, *BAYU)
    sek.open_sheet("J5", "RSS-01")
    settle(qtbot, window.services)
    with qtbot.waitSignal(sek.paper.reentry_ready) as ready:
        sek.paper.ask_for_reentry()
    dialog = ready.args[0]
    qtbot.addWidget(dialog)
    assert all(field.text() == "" for field in dialog.fields.values())  # blind
    for field, value in zip(dialog.fields.values(), SCORES["RSS-01"], strict=True):
        qtbot.keyClicks(field, str(value))
    dialog.fields["K4"].setText("3")
    with qtbot.waitSignal(dialog.compared):
        assert dialog.compare()
    assert not dialog.confirmed and dialog.differences.rowCount() == 1
    dialog.fields["K4"].setText("5")
    with qtbot.waitSignal(dialog.compared):
        assert dialog.compare()
    assert dialog.confirmed

    # 6. Each judge's laptop sheets confirmed in one action per judge.
    sek.show_page(sek.PAPER)
    for judge in JUDGES:
        with qtbot.waitSignal(sek.paper.confirmed_judge, timeout=20_000) as confirmed:
            sek.paper.confirm_judge(judge.code)
        assert confirmed.args[0].refused == ()
    settle(qtbot, window.services)
    assert sek.paper.pending.rowCount() == 0

    # 7. The tie at the PKM quota line: locking is refused until the jury decides.
    sek.show_page(sek.RESULTS)
    settle(qtbot, window.services)
    results = sek.results
    results.select_category("PKM")
    assert not results.banner.isHidden()
    with qtbot.waitSignal(results.lock_dialog_ready, timeout=20_000) as ready:
        results.ask_for_lock_dialog()
    lock_dialog = ready.args[0]
    assert [i.teams for i in lock_dialog.readiness.items] == [("PKM-03", "PKM-04")]
    assert not lock_dialog.lock_button.isEnabled()
    lock_dialog.deleteLater()
    assert results.decide(["PKM-03", "PKM-04"], False, "sidang pleno: K5 paparan lebih kuat")
    settle(qtbot, window.services)
    assert results.banner.isHidden()

    # 8. Lock through the dialog, which now lists nothing open.
    def press_lock() -> None:
        shown = results.lock_dialog
        assert shown is not None and shown.readiness.items == ()
        assert shown.lock_button.text() == "&Kunci hasil"
        assert not shown.lock_button.isEnabled()  # until the key's passphrase is typed
        qtbot.keyClicks(shown.passphrase, KEY_PASSPHRASE)
        shown.lock_button.click()

    # The dialog opens once what is open is found (off the GUI thread); then it is answered.
    results.lock_dialog_ready.connect(lambda _dialog: QTimer.singleShot(0, press_lock))
    results.lock_button.click()
    settle(qtbot, window.services)
    assert other.results.lock_state().locked

    # 9. Print the signed minutes and recap, and check one.
    sek.show_page(sek.PRINT)
    settle(qtbot, window.services)
    printer = sek.print
    printer.set_kinds({Kind.MINUTES, Kind.RECAP})
    printer.set_output_folder(tmp_path / "dokumen")
    task = printer.create_pdfs(passphrase=KEY_PASSPHRASE)
    assert task is not None
    qtbot.waitUntil(lambda: printer.files.rowCount() > 0, timeout=60_000)
    written = printer.files.files()
    assert written and all(w.signed for w in written)
    assert other.verification.verify(Actor.reader(), written[0].path).ok
    assert other.integrity.check(Actor.reader()).ok  # every step on record, nothing else
    minutes = next(w.path for w in written if w.kind == Kind.MINUTES)
    text = "".join(p.extract_text() for p in PdfReader(minutes).pages)
    assert "PKM-03" in text or "Puskesmas" in text
    assert window.sign_out()
