"""Corrections, reopening and abstentions on the paper-entry page, and how its changes run."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.formatting import parse_decimal
from juryapp.domain.messages import JuryError
from juryapp.domain.model import ConventionSpec
from juryapp.gui import dialogs
from juryapp.gui.ops import Ops
from juryapp.gui.secretariat.common import Notice, error_text
from juryapp.gui.secretariat.correction_dialog import CorrectionDialog
from juryapp.services.scoring import SheetView


class SheetCorrections(QWidget):
    """What changes a handed-in sheet after the fact; the page (``PaperEntryPage``) supplies
    the sheet shown, its choices and notice, and reads the sheet again afterwards."""

    confirmed = Signal()  # one or more sheets were confirmed (or settled by an abstention)

    _services: Services
    _ops: Ops
    _actor: Actor
    _spec: ConventionSpec | None
    sheet: SheetView | None
    judge: QComboBox
    team: QComboBox
    notice: Notice

    def _read_sheet(self) -> None:
        raise NotImplementedError

    def _show_if_current(self, view: SheetView) -> None:
        raise NotImplementedError

    def _change(
        self, work: Callable[[], object], done: Callable[[object], object] | None = None
    ) -> None:
        """A change to a sheet off the GUI thread; the lists follow through the watcher."""
        op = self._ops.change(self, work).failure(self.notice.refused)
        if done is not None:
            op.success(done)
        op.run()

    def _refusal(self, exc: JuryError | ValueError, typed: str) -> str:
        if isinstance(exc, JuryError):
            return error_text(exc)
        return self.tr("'{text}' is not a number (e.g. 4 or 4,5)").format(text=typed)

    # -- corrections, reopening and abstentions ---------------------------------------------
    def correct(self, code: str, typed: str, reason: str) -> bool:
        """Correct a handed-in score off the GUI thread; False if ``typed`` is not a number."""
        judge, team = self.judge.currentData(), self.team.currentData()
        try:
            value = parse_decimal(typed)
        except ValueError as exc:
            self.notice.show_error(self._refusal(exc, typed))
            return False
        scoring, actor = self._services.scoring, self._actor

        def corrected(view: object) -> None:
            assert isinstance(view, SheetView)
            self._show_if_current(view)
            self.notice.show_info(
                self.tr("Score corrected; the sheet needs a fresh confirmation by someone else.")
            )

        self._change(lambda: scoring.correct(actor, judge, team, code, value, reason), corrected)
        return True

    def reopen(self, reason: str) -> None:
        judge, team = self.judge.currentData(), self.team.currentData()
        scoring, actor = self._services.scoring, self._actor

        def reopened(_none: object) -> None:
            self._read_sheet()
            self.notice.show_info(self.tr("Sheet reopened as a draft."))

        self._change(lambda: scoring.reopen(actor, judge, team, reason), reopened)

    def abstain(self, reason: str) -> None:
        """Record (or, with an empty reason, undo) that the judge does not score this team."""
        judge, team = self.judge.currentData(), self.team.currentData()
        scoring, actor = self._services.scoring, self._actor

        def recorded(_none: object) -> None:
            self._read_sheet()
            self.notice.show_info(
                self.tr("Recorded: {judge} does not score {team} ({reason}).").format(
                    judge=judge, team=team, reason=reason.strip()
                )
                if reason.strip()
                else self.tr("{judge} scores {team} again.").format(judge=judge, team=team)
            )
            self.confirmed.emit()

        self._change(lambda: scoring.abstain(actor, judge, team, reason), recorded)

    def _ask_correction(self) -> None:
        if self._spec is None:
            return
        dialog = CorrectionDialog(self._spec.criteria, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.correct(*dialog.choice())
        dialog.deleteLater()

    def _ask_reopen(self) -> None:
        reason = dialogs.ask_reason(
            self,
            self.tr("Reopen sheet"),
            self.tr("Why is the sheet given back as a draft?"),
            self.tr("&Reopen the sheet"),
        )
        if reason is not None:
            self.reopen(reason)

    def _ask_abstain(self) -> None:
        if self.sheet is None:
            return
        if self.sheet.abstained:
            if dialogs.confirm(
                self,
                self.tr("Undo 'did not score'"),
                self.tr("{judge} will be expected to score {team} again.").format(
                    judge=self.sheet.judge_code, team=self.sheet.team_code
                ),
                self.tr("&Expect a score again"),
            ):
                self.abstain("")
            return
        reason = dialogs.ask_reason(
            self,
            self.tr("Judge did not score the team"),
            self.tr(
                "{judge} does not score {team}: the team's score comes from the other judges "
                "and the documents say why. Reason (e.g. absent, left early):"
            ).format(judge=self.sheet.judge_code, team=self.sheet.team_code),
            self.tr("&Record it"),
        )
        if reason is not None:
            self.abstain(reason)
