"""Entri Kertas: paper sheets typed, handed in, confirmed by a second person, corrected."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.formatting import format_number, parse_decimal
from juryapp.domain.kinds import SheetSource, SheetStatus
from juryapp.domain.messages import JuryError
from juryapp.domain.model import ConventionSpec
from juryapp.gui import dialogs
from juryapp.gui.ops import Reload
from juryapp.gui.secretariat.common import Notice, lang, say, schedule_order
from juryapp.gui.secretariat.paper_corrections import SheetCorrections
from juryapp.gui.secretariat.paper_form import PaperForm, status_text
from juryapp.gui.secretariat.pending_model import PendingModel, pending_sheets
from juryapp.gui.secretariat.reentry_dialog import ReentryDialog
from juryapp.gui.secretariat.waiting_panel import WaitingPanel
from juryapp.services.changes import Change, Changes
from juryapp.services.confirmation import BatchOutcome, BlindSheet, ReentryOutcome, WaitingSheet
from juryapp.services.scoring import SheetView

STATUS_LINES = 6


class PaperEntryPage(SheetCorrections):
    """Every read and save runs off the GUI thread; the sheet shown follows what was saved."""

    WATCHES = frozenset({Change.SCORES, Change.SETUP})
    reentry_ready = Signal(object)  # the ReentryDialog for the sheet shown, built not shown
    confirmed_judge = Signal(object)  # the BatchOutcome of confirming a judge's laptop sheets

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._ops, self._actor = services, services.runner, actor
        self._spec: ConventionSpec | None = None
        self._wanted: tuple[str, str] | None = None  # a sheet asked for before the set-up came
        self.sheet: SheetView | None = None
        self.reentry: ReentryDialog | None = None

        self.judge = QComboBox(self)
        self.team = QComboBox(self)
        for combo in (self.judge, self.team):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(30)
        self.judge.currentIndexChanged.connect(self.load)
        self.team.currentIndexChanged.connect(self.load)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        # Room for every status line at once, so the form below never jumps.
        self.status.setMinimumHeight(self.fontMetrics().lineSpacing() * STATUS_LINES)
        self.total = QLabel(self)
        self.total.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.notice = Notice(self)
        self.notice.setObjectName("paper-notice")
        policy = self.notice.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.notice.setSizePolicy(policy)
        self.notice.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 14)

        self.form = PaperForm(self)
        self.form.typed.connect(self._field_done)

        self.submit_button = QPushButton(self)
        self.confirm_button = QPushButton(self)
        self.correct_button = QPushButton(self)
        self.reopen_button = QPushButton(self)
        self.abstain_button = QPushButton(self)
        self.submit_button.clicked.connect(self.submit)
        self.confirm_button.clicked.connect(self.confirm)
        self.correct_button.clicked.connect(self._ask_correction)
        self.reopen_button.clicked.connect(self._ask_reopen)
        self.abstain_button.clicked.connect(self._ask_abstain)
        self.waiting = WaitingPanel(self)
        self.waiting.chosen.connect(self.select)
        self.waiting.confirm_judge.connect(self._ask_confirm_judge)
        self._reload = Reload(
            self._ops,
            self,
            self._read,
            self._show_read,
            failed=self.notice.read_failed,
            slow=True,
            builds_here=not services.reckoner.apart,
        )
        self._waiting = Reload(
            self._ops, self, self._read_waiting, self._show_waiting, failed=self.notice.read_failed
        )
        self._lay_out()

    @property
    def pending(self) -> PendingModel:
        return self.waiting.model

    @property
    def pending_view(self) -> QTableView:
        return self.waiting.view

    def _lay_out(self) -> None:
        first, second = QHBoxLayout(), QHBoxLayout()
        for button in (self.submit_button, self.confirm_button):
            first.addWidget(button)
        first.addStretch(1)
        for button in (self.correct_button, self.reopen_button, self.abstain_button):
            second.addWidget(button)
        second.addStretch(1)

        self._choose = QFormLayout()
        self._judge_label, self._team_label = QLabel(self), QLabel(self)
        self._choose.addRow(self._judge_label, self.judge)
        self._choose.addRow(self._team_label, self.team)

        left = QVBoxLayout()
        left.addLayout(self._choose)
        left.addWidget(self.status)
        left.addWidget(self.form)
        left.addWidget(self.total)
        left.addLayout(first)
        left.addLayout(second)
        left.addWidget(self.notice)
        left.addStretch(1)
        self.waiting.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.waiting, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self._judge_label.setText(self.tr("&Judge"))
        self._team_label.setText(self.tr("&Team"))
        self._judge_label.setBuddy(self.judge)
        self._team_label.setBuddy(self.team)
        self.form.setTitle(self.tr("Scores from the paper form (Enter saves and moves on)"))
        self.submit_button.setText(self.tr("&Submit sheet"))
        self.correct_button.setText(self.tr("C&orrect a score…"))
        self.reopen_button.setText(self.tr("&Reopen…"))
        self.waiting.retranslate()
        if self.sheet is not None:
            self._show(self.sheet)
        else:
            self.confirm_button.setText(self.tr("&Confirm…"))
            self.abstain_button.setText(self.tr("Judge did &not score it…"))

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the set-up, the sheets waiting and the sheet shown again (off the GUI thread)."""
        self._reload.request()

    def take_changes(self, changes: Changes) -> None:
        if Change.SETUP in changes.kinds:
            self.refresh()
            return
        self._waiting.request()
        shown = (self.judge.currentData(), self.team.currentData())
        if changes.every_sheet or shown in changes.sheets:
            self._reload_sheet()

    def _read(self) -> Callable[[], tuple[ConventionSpec, tuple[WaitingSheet, ...]]]:
        reckoner, actor = self._services.reckoner, self._actor
        return lambda: reckoner.paper_entry(actor)

    def _show_read(self, loaded: tuple[ConventionSpec, tuple[WaitingSheet, ...]]) -> None:
        spec, waiting = loaded
        self.notice.read_ok()
        if spec != self._spec:
            self._spec = spec
            self._fill_choices(spec)
            self.form.build(spec, self.team, self.submit_button)
        self.waiting.set_rows(pending_sheets(waiting, spec))
        wanted, self._wanted = self._wanted, None
        if wanted is not None:
            self.select(*wanted)
        else:
            self._reload_sheet()

    def _read_waiting(self) -> Callable[[], tuple[WaitingSheet, ...]]:
        confirmation, actor = self._services.confirmation, self._actor
        return lambda: tuple(confirmation.waiting(actor))

    def _show_waiting(self, waiting: tuple[WaitingSheet, ...]) -> None:
        if self._spec is not None:
            self.waiting.set_rows(pending_sheets(waiting, self._spec))

    def _reload_sheet(self) -> None:
        """The sheet shown, read again, unless someone is typing in it."""
        if not any(field.hasFocus() and field.isModified() for field in self.fields.values()):
            self._read_sheet()

    def _fill_choices(self, spec: ConventionSpec) -> None:
        judge, team = self.judge.currentData(), self.team.currentData()
        for combo in (self.judge, self.team):
            combo.blockSignals(True)
            combo.clear()
        for j in spec.judges:
            self.judge.addItem(f"{j.code} — {j.name}", j.code)
        for t in schedule_order(spec):
            self.team.addItem(f"{t.code} — {t.institution}", t.code)
        for combo, value in ((self.judge, judge), (self.team, team)):
            found = combo.findData(value)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def select(self, judge: str, team: str) -> None:
        """Open one judge's sheet for one team (from the dashboard or the waiting list)."""
        if self._spec is None:
            self._wanted = (judge, team)
            self.refresh()
            return
        for combo, value in ((self.judge, judge), (self.team, team)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.load()

    def load(self) -> None:
        """Show the sheet the two lists choose (read off the GUI thread)."""
        self.notice.clear_notice()
        self._read_sheet()

    def _read_sheet(self) -> None:
        judge, team = self.judge.currentData(), self.team.currentData()
        if not judge or not team:
            return
        scoring, actor = self._services.scoring, self._actor
        self.waiting.show_judge(str(judge))

        def show(view: SheetView) -> None:
            # the lists may have moved on to another sheet meanwhile
            if (self.judge.currentData(), self.team.currentData()) == (judge, team):
                self.notice.read_ok()
                self._show(view)

        self._ops.query(self, lambda: scoring.sheet(actor, judge, team)).success(show).failure(
            self.notice.read_failed
        ).run()

    def _show(self, view: SheetView) -> None:
        self.sheet = view
        typable = self._typable(view)
        self.form.show_sheet(view, typable)
        self.form.setTitle(
            self.tr("Scores from the paper form (Enter saves and moves on)")
            if view.source is SheetSource.PAPER or view.status is None
            else self.tr("Scores the judge gave at the laptop (read only here)")
        )
        total = "—" if view.total is None else format_number(view.total, 2, lang())
        self.total.setText(self.tr("Total: {total}").format(total=total))
        self.status.setText(status_text(view))
        handed_in = view.status in (SheetStatus.SUBMITTED, SheetStatus.CONFIRMED)
        self.submit_button.setEnabled(typable and not view.abstained)
        # Confirm stays enabled for a submitted sheet even when this user typed it: pressing
        # it explains the two-person rule instead of leaving a mysteriously grey button.
        self.confirm_button.setEnabled(view.status is SheetStatus.SUBMITTED)
        self.confirm_button.setText(
            self.tr("&Confirm by typing it again…")
            if view.source is SheetSource.PAPER
            else self.tr("&Confirm this laptop sheet")
        )
        self.correct_button.setEnabled(handed_in)
        self.reopen_button.setEnabled(handed_in)
        self.abstain_button.setEnabled(
            not view.conflict and view.status is not SheetStatus.CONFIRMED
        )
        self.abstain_button.setText(
            self.tr("&Undo 'did not score'…")
            if view.abstained
            else self.tr("Judge did &not score it…")
        )

    def _typable(self, view: SheetView) -> bool:
        return view.editable and not (view.status is not None and view.source is SheetSource.JUDGE)

    # -- typing -------------------------------------------------------------------------------
    @property
    def fields(self) -> dict[str, QLineEdit]:
        return self.form.fields

    def _field_done(self, code: str) -> None:
        field = self.fields[code]
        if field.isReadOnly() or not field.isModified():
            return
        if self.save_score(code, field.text()) and not self.form.focus_after(code):
            self.submit_button.setFocus()

    def save_score(self, code: str, typed: str) -> bool:
        """Save one criterion's score (an empty field clears it) off the GUI thread; False if
        what was typed is not a number (nothing is sent)."""
        judge, team = self.judge.currentData(), self.team.currentData()
        try:
            value: Decimal | None = parse_decimal(typed) if typed.strip() else None
        except ValueError as exc:
            self._score_refused(code, typed, exc)
            return False
        scoring, actor = self._services.scoring, self._actor

        def saved(view: SheetView) -> None:
            self.notice.clear_notice()
            self._show_if_current(view)

        self._ops.change(self, lambda: scoring.set_score(actor, judge, team, code, value)).success(
            saved
        ).failure(lambda exc: self._score_refused(code, typed, exc)).run()
        return True

    def _score_refused(self, code: str, typed: str, exc: BaseException) -> None:
        if not isinstance(exc, (JuryError, ValueError)):
            self.notice.refused(exc)
            return
        self.notice.show_error(self._refusal(exc, typed))
        self.fields[code].selectAll()

    def _show_if_current(self, view: SheetView) -> None:
        if (view.judge_code, view.team_code) == (
            self.judge.currentData(),
            self.team.currentData(),
        ):
            self._show(view)

    def submit(self) -> None:
        judge, team = self.judge.currentData(), self.team.currentData()
        scoring, actor = self._services.scoring, self._actor

        def submitted(view: object) -> None:
            assert isinstance(view, SheetView)
            self._show_if_current(view)
            self.notice.show_info(
                self.tr("Sheet handed in. Another secretariat user must now type it again.")
            )

        self._change(lambda: scoring.submit(actor, judge, team), submitted)

    # -- the second person --------------------------------------------------------------------
    def confirm(self) -> None:
        """A laptop sheet is confirmed at once; a paper sheet by typing it again."""
        if self.sheet is not None and self.sheet.source is SheetSource.PAPER:
            self.ask_for_reentry(offer=True)
            return
        judge, team = self.judge.currentData(), self.team.currentData()
        scoring, actor = self._services.scoring, self._actor
        self._change(
            lambda: scoring.confirm(actor, judge, team),
            lambda _view: self._confirmed(judge, team, self.tr("Sheet confirmed.")),
        )

    def _confirmed(self, judge: str, team: str, message: str) -> None:
        """After a confirmation: on to the next sheet that waits ("confirm and next")."""
        following = self.waiting.next_after(judge, team)
        if following is not None:
            self.select(following.judge, following.team)
            message += " " + self.tr("Next: {judge} × {team}.").format(
                judge=following.judge, team=following.team
            )
        else:
            self._read_sheet()
        self.notice.show_info(message)
        self.confirmed.emit()

    def ask_for_reentry(self, *, offer: bool = False) -> None:
        """The blind re-entry form for the paper sheet shown: read off the GUI thread, then
        handed out by ``reentry_ready`` and, with ``offer``, shown."""
        judge, team = self.judge.currentData(), self.team.currentData()
        confirmation, actor = self._services.confirmation, self._actor
        self._ops.query(self, lambda: confirmation.blind_sheet(actor, judge, team)).success(
            lambda blind: self._reentry_known(blind, offer)
        ).failure(self.notice.refused).run()

    def _reentry_known(self, blind: BlindSheet, offer: bool) -> None:
        dialog = ReentryDialog(self._services.confirmation, self._ops, self._actor, blind, self)
        dialog.compared.connect(self._compared)
        self.reentry_ready.emit(dialog)
        if offer:
            self.reentry = dialog
            dialog.exec()
            self.reentry = None
            dialog.deleteLater()

    def _compared(self, outcome: ReentryOutcome) -> None:
        if outcome.confirmed:
            self._confirmed(
                outcome.sheet.judge_code,
                outcome.sheet.team_code,
                self.tr("Both entries agree: the sheet is confirmed."),
            )

    def confirm_by_reentry(self, typed: dict[str, str]) -> bool:
        """The second entry of the paper sheet shown, typed as text (what the dialog sends);
        False if one is not a number (nothing is sent)."""
        judge, team = self.judge.currentData(), self.team.currentData()
        try:
            values = {code: parse_decimal(text) for code, text in typed.items()}
        except ValueError as exc:
            self.notice.show_error(self._refusal(exc, ""))
            return False
        confirmation, actor = self._services.confirmation, self._actor

        def compared(outcome: object) -> None:
            assert isinstance(outcome, ReentryOutcome)
            if outcome.confirmed:
                self._confirmed(judge, team, self.tr("Both entries agree: the sheet is confirmed."))
                return
            self._show_if_current(outcome.sheet)
            self.notice.show_error(
                self.tr("The entries differ on {codes}; nothing was changed.").format(
                    codes=", ".join(d.criterion.code for d in outcome.differences)
                )
            )

        self._change(lambda: confirmation.confirm_by_reentry(actor, judge, team, values), compared)
        return True

    def confirm_judge(self, judge: str) -> None:
        """Confirm every laptop sheet ``judge`` handed in (``confirmed_judge`` tells how many)."""
        confirmation, actor = self._services.confirmation, self._actor

        def done(outcome: object) -> None:
            assert isinstance(outcome, BatchOutcome)
            message = self.tr("{n} laptop sheets of {judge} confirmed.").format(
                n=len(outcome.confirmed), judge=judge
            )
            if outcome.refused:
                refused = "; ".join(f"{team}: {say(text)}" for team, text in outcome.refused)
                self.notice.show_error(
                    message + " " + self.tr("Not confirmed: {list}").format(list=refused)
                )
            else:
                self.notice.show_info(message)
            self._read_sheet()
            self.confirmed.emit()
            self.confirmed_judge.emit(outcome)

        self._change(lambda: confirmation.confirm_judge(actor, judge), done)

    def _ask_confirm_judge(self, judge: str) -> None:
        teams = [sheet.team for sheet in self.waiting.laptop_sheets(judge)]
        if teams and dialogs.confirm(
            self,
            self.tr("Confirm a judge's laptop sheets"),
            self.tr("Confirm these {n} sheets {judge} handed in at a laptop: {teams}?").format(
                n=len(teams), judge=judge, teams=", ".join(teams)
            ),
            self.tr("&Confirm {n} sheets").format(n=len(teams)),
            self.tr("Open each one first if you have not looked through them yet."),
        ):
            self.confirm_judge(judge)
