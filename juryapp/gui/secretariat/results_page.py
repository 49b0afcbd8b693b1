"""Hasil: rankings per category and method, ties, judges' breakdown, release and lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from juryapp.bootstrap import Services
from juryapp.domain.access import Actor
from juryapp.domain.formatting import format_number
from juryapp.domain.kinds import Method
from juryapp.domain.results import CategoryResult, Results
from juryapp.gui import dialogs
from juryapp.gui.ops import Reload
from juryapp.gui.secretariat.common import CODE_ROLE, Notice, lang
from juryapp.gui.secretariat.lock_dialog import LockDialog
from juryapp.gui.secretariat.results_models import (
    ADVANCES,
    CODE,
    INSTITUTION,
    JUDGES,
    RANK,
    SCORE,
    TIE,
    TITLE,
    BreakdownModel,
    CompareModel,
    RankingModel,
    method_name,
)
from juryapp.gui.secretariat.tie_dialog import TieDecisionDialog
from juryapp.gui.tables import fit_to_texts, fit_to_visible_rows, sorting_proxy
from juryapp.reckoner import Rankings
from juryapp.services.changes import Change, Changes
from juryapp.services.readiness import Readiness
from juryapp.services.results import LockState


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    fit_to_visible_rows(view)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    return view


class SecretariatResultsPage(QWidget):
    """Rankings are worked out off the GUI thread (seconds at 1,000 teams): while scores keep
    arriving, one reckoning runs at a time and the next starts once it is shown."""

    WATCHES = frozenset({Change.SCORES, Change.SETUP, Change.RESULTS})
    lock_changed = Signal()
    open_sheet = Signal(str, str)  # judge, team: a sheet the lock dialog sent the person to
    lock_dialog_ready = Signal(object)  # the LockDialog over what is open, built not shown

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._ops, self._actor = services, services.runner, actor
        self.results: Results | None = None
        self._compare: dict[Method, Results] = {}  # each method's ranks, no marks
        self._rankings: Rankings | None = None  # the last read, with its method's judges' marks
        self._names: dict[str, str] = {}
        self._names_stale = True  # the judges' names are read again with the next rankings
        self.lock_state: LockState | None = None

        self.category = QComboBox(self)
        # Wide enough for "RSUD — Rumah Sakit Umum Daerah": the name tells categories apart.
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category.setMinimumContentsLength(28)
        self.method = QComboBox(self)
        for method in Method:
            self.method.addItem(method_name(method), method.value)
        self.category.currentIndexChanged.connect(self._show_category)
        self.method.currentIndexChanged.connect(self._method_chosen)
        self.kendall = QLabel(self)
        self.release_button = QPushButton(self)
        self.release_button.clicked.connect(self._ask_release)
        self.lock_button = QPushButton(self)
        self.lock_button.clicked.connect(self._ask_lock)
        self.lock_dialog: LockDialog | None = None
        self.version = QLabel(self)

        self._build_banner()
        self.notice = Notice(self)
        # Reckoning every method takes seconds at 1,000 teams: while scores keep arriving,
        # the page rests as long as the last reckoning took before the next one.
        self._reload = Reload(
            self._ops,
            self,
            self._read,
            self._show_read,
            failed=self.notice.read_failed,
            slow=True,
            builds_here=not services.reckoner.apart,
            rest=1.0,
        )

        self.ranking = RankingModel(self)
        self.ranking_view = _table(self)
        self.ranking_view.setModel(self.ranking)
        header = self.ranking_view.horizontalHeader()
        # Sized from the prepared texts when new rankings arrive (_fit_columns): Qt's own
        # resize-to-contents asks the model about the visible rows each time it sizes the
        # columns, a call into Python per cell that may wait while a worker runs Python.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Institution and title at readable widths (full text in the tooltip); the tie note,
        # as long as the two, takes what is left rather than squeezing the title's heading.
        for column, width in ((INSTITUTION, 260), (TITLE, 240)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(TIE, QHeaderView.ResizeMode.Stretch)
        self.ranking_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.ranking_view.selectionModel().selectionChanged.connect(self._team_chosen)

        self.breakdown = BreakdownModel(self)
        self.breakdown_view = _table(self)
        self.breakdown_view.setModel(sorting_proxy(self, self.breakdown))
        self.breakdown_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.breakdown_view.horizontalHeader().setStretchLastSection(True)
        self.compare = CompareModel(self)
        self.compare_view = _table(self)
        self.compare_view.setModel(self.compare)
        # In the chosen method's order until a heading is clicked.
        self.compare_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.compare_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.details = QTabWidget(self)
        self.details.addTab(self.breakdown_view, "")
        self.details.addTab(self.compare_view, "")
        self.details.currentChanged.connect(self._details_shown)

        self._lay_out()

    def _build_banner(self) -> None:
        self.banner = QWidget(self)
        self.banner.setStyleSheet("background: #c62828; color: white;")
        self.banner.setAutoFillBackground(True)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setStyleSheet("font-weight: bold; color: white; padding: 4px;")
        self.decide_button = QPushButton(self.banner)
        self.decide_button.setStyleSheet("background: white; color: #8e1b1b; padding: 4px 10px;")
        self.decide_button.clicked.connect(self._ask_decision)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(6, 4, 6, 4)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.decide_button)
        self.banner.hide()

    def _lay_out(self) -> None:
        self._category_label, self._method_label = QLabel(self), QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self._category_label)
        top.addWidget(self.category)
        top.addWidget(self._method_label)
        top.addWidget(self.method)
        top.addWidget(self.kendall, 1)
        # The state and its two actions on their own line: in Indonesian one line held them
        # only in a window wider than a 1366-pixel screen.
        state = QHBoxLayout()
        state.addWidget(self.version, 1)
        state.addWidget(self.release_button)
        state.addWidget(self.lock_button)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.ranking_view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(state)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self._category_label.setText(self.tr("&Category"))
        self._category_label.setBuddy(self.category)
        self._method_label.setText(self.tr("&Method"))
        self._method_label.setBuddy(self.method)
        self.banner_text.setText(self.tr("Tied at the quota line — jury decision needed"))
        self.decide_button.setText(self.tr("Record &decision…"))
        self.details.setTabText(0, self.tr("Judges of the selected team"))
        self.details.setTabText(1, self.tr("All four methods side by side"))
        for index, method in enumerate(Method):
            self.method.setItemText(index, method_name(method))
        if self.results is not None:
            self._show_category()  # Kendall's W and the tie banner, in the new language
        self._show_lock()

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Work the rankings out again (off the GUI thread) and show them when done."""
        self._names_stale = True
        self._reload.request()

    def take_changes(self, changes: Changes) -> None:
        """New scores need the rankings again but not the judges' names, which come with the
        whole set-up: reading it each time cost a thousand teams' rows per reckoning."""
        if Change.SETUP in changes.kinds:
            self._names_stale = True
        self._reload.request()

    def _read(self) -> Callable[[], Rankings]:
        reckoner, actor = self._services.reckoner, self._actor
        method = Method(self.method.currentData())
        # Every method only while the side-by-side tab is open: a quarter of the work
        # otherwise, which counts while scores keep arriving at a large convention.
        every = self.details.currentWidget() is self.compare_view
        with_names, self._names_stale = self._names_stale or not self._names, False
        return lambda: reckoner.rankings(actor, method, every=every, with_names=with_names)

    def _show_read(self, loaded: Rankings) -> None:
        self._compare, self._rankings, self.lock_state = loaded.by_method, loaded, loaded.lock
        judge_names = loaded.judge_names
        if judge_names is not None:
            self._names = judge_names
        self.notice.read_ok()
        self.results = self._compare[Method(self.method.currentData())]
        names = [f"{c.code} — {c.name}" for c in self.results.categories]
        if names != [self.category.itemText(i) for i in range(self.category.count())]:
            chosen = self.category.currentData()
            self.category.blockSignals(True)
            self.category.clear()
            for name, category in zip(names, self.results.categories, strict=True):
                self.category.addItem(name, category.code)
            self.category.setCurrentIndex(max(self.category.findData(chosen), 0))
            self.category.blockSignals(False)
        self._show_category()
        self._show_lock()
        shown = self.category.currentData()
        self.ranking.keep_soon([c for c in self.results.categories if c.code != shown])

    def _method_chosen(self) -> None:
        method = Method(self.method.currentData())
        if method in self._compare:  # its ranks at once
            self.results = self._compare[method]
            self._show_category()
        # and each judge's marks once read again
        if self._rankings is None or self._rankings.method is not method:
            self.refresh()

    def _details_shown(self) -> None:
        if self.details.currentWidget() is self.compare_view and len(self._compare) < len(Method):
            self.refresh()
        self._show_compare()

    def _show_compare(self) -> None:
        """The methods side by side, worked out only while their tab is open."""
        if self.details.currentWidget() is not self.compare_view:
            return
        category = self.current_category()
        self.compare.set_results(
            self._compare, category.code if category else "", Method(self.method.currentData())
        )

    def current_category(self) -> CategoryResult | None:
        if self.results is None:
            return None
        code = self.category.currentData()
        return next((c for c in self.results.categories if c.code == code), None)

    def select_category(self, code: str) -> None:
        self.category.setCurrentIndex(self.category.findData(code))

    def select_method(self, method: Method) -> None:
        self.method.setCurrentIndex(self.method.findData(method.value))

    def _show_category(self) -> None:
        category = self.current_category()
        selected = self._selected_team()
        self.ranking.set_category(category)
        self._fit_columns()
        self._show_compare()
        if category is None:
            self.kendall.setText("")
            self.banner.hide()
            return
        if category.kendall_w is None:
            self.kendall.setText(self.tr("Kendall's W: —"))
        else:
            self.kendall.setText(
                self.tr("Kendall's W: {w} ({judges} judges, {teams} teams)").format(
                    w=format_number(category.kendall_w, 2, lang()),
                    judges=category.kendall_judges,
                    teams=category.kendall_teams,
                )
            )
        self.banner.setVisible(category.cut_line_tie)
        self._reselect(selected)
        self._show_breakdown()  # rows updated in place keep their selection, not their marks

    def _fit_columns(self) -> None:
        """The short columns as wide as their widest text or heading, measured in one go."""
        fit_to_texts(self.ranking_view, self.ranking, (RANK, CODE, SCORE, JUDGES), bold=(ADVANCES,))

    def _selected_team(self) -> str | None:
        rows = self.ranking_view.selectionModel().selectedRows()
        return str(rows[0].data(CODE_ROLE)) if rows else None

    def _reselect(self, code: str | None) -> None:
        """The team selected before (the first if none was): rows updated in place keep their
        selection, a new category or new teams do not."""
        if code is not None and self._selected_team() == code:
            return
        row = self.ranking.row_of(code) if code is not None else 0
        if row is not None and row < self.ranking.rowCount():
            self.ranking_view.selectRow(row)

    def _team_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_breakdown()

    def _show_breakdown(self) -> None:
        """The selected team's judges, with their marks under the method shown."""
        category, code, read = self.current_category(), self._selected_team(), self._rankings
        team = next((t for t in category.teams if t.code == code), None) if category else None
        if team is not None and read is not None:
            method = Method(self.method.currentData())
            team = replace(team, marks=read.marks_of(team.code) if read.method is method else ())
        self.breakdown.set_team(team, self._names)

    def _show_lock(self) -> None:
        state = self.lock_state
        if state is None:
            return
        seen = (
            self.tr("judges can see them") if state.released else self.tr("judges cannot see them")
        )
        self.version.setText(
            self.tr("Version {n} · {state} · {seen}").format(
                n=state.version,
                state=self.tr("locked") if state.locked else self.tr("open"),
                seen=seen,
            )
        )
        # Each button names what it does, not the state it is in.
        self.lock_button.setText(
            self.tr("&Unlock the results…") if state.locked else self.tr("&Lock the results…")
        )
        self.release_button.setText(
            self.tr("&Withhold from judges…") if state.released else self.tr("Show to &judges…")
        )

    # -- actions ------------------------------------------------------------------------------
    def _change(self, work: Callable[[], object], done: Callable[[object], object]) -> None:
        """A change off the GUI thread, then ``done`` with its result; the rankings follow
        when the window's watcher reports the change."""
        self._ops.change(self, work).success(done).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        self.notice.refused(exc)
        self._show_lock()

    def set_released(self, released: bool) -> None:
        results, actor = self._services.results, self._actor
        self._change(lambda: results.set_released(actor, released), lambda _none: None)

    def _ask_release(self) -> None:
        state = self.lock_state
        if state is None:
            return
        if state.released:
            asked = dialogs.confirm(
                self,
                self.tr("Withhold the results"),
                self.tr("Hide the rankings from the judges' screens again?"),
                self.tr("&Withhold from judges"),
            )
        else:
            asked = dialogs.confirm(
                self,
                self.tr("Show the results to judges"),
                self.tr(
                    "Every judge will see the rankings of every category on their screen, "
                    "from now on. Show them?"
                ),
                self.tr("&Show to judges"),
            )
        if asked:
            self.set_released(not state.released)

    def lock(self, reason: str, passphrase: str) -> None:
        """Lock and seal the results; the passphrase opens (or, the first time, makes) the key."""
        locking, actor = self._services.locking, self._actor

        def locked(state: object) -> None:
            assert isinstance(state, LockState)
            self.notice.show_info(self.tr("Results locked (version {n}).").format(n=state.version))
            self.lock_changed.emit()

        self._change(lambda: locking.lock(actor, reason, passphrase), locked)

    def unlock(self, reason: str) -> None:
        locking, actor = self._services.locking, self._actor

        def unlocked(state: object) -> None:
            assert isinstance(state, LockState)
            self.notice.show_info(
                self.tr("Results unlocked; they are now version {n}.").format(n=state.version)
            )
            self.lock_changed.emit()

        self._change(lambda: locking.unlock(actor, reason), unlocked)

    def ask_for_lock_dialog(self, *, offer: bool = False) -> None:
        """Find what is open (off the GUI thread), then build the lock dialog over it
        (``lock_dialog_ready``) and, with ``offer``, show it."""
        readiness, actor = self._services.readiness, self._actor
        self._ops.query(self, lambda: readiness.before_lock(actor)).slow().success(
            lambda found: self._readiness_known(found, offer)
        ).failure(self.notice.refused).run()

    def _readiness_known(self, readiness: Readiness, offer: bool) -> None:
        if self.lock_state is None:
            return
        dialog = LockDialog(readiness, self.lock_state.version, self)
        dialog.go_to_sheet.connect(self.open_sheet)
        dialog.go_to_category.connect(self.show_tie)
        self.lock_dialog_ready.emit(dialog)
        if offer:
            self._offer_lock(dialog)

    def _ask_lock(self) -> None:
        if self.lock_state is not None and self.lock_state.locked:
            reason = dialogs.ask_reason(
                self,
                self.tr("Unlock the results"),
                self.tr(
                    "Unlocking lets scores and the set-up change again and makes version {n}. "
                    "Documents already printed stay version {m}. Why are the results unlocked?"
                ).format(n=self.lock_state.version + 1, m=self.lock_state.version),
                self.tr("&Unlock the results"),
            )
            if reason is not None:
                self.unlock(reason)
            return
        self.ask_for_lock_dialog(offer=True)

    def _offer_lock(self, dialog: LockDialog) -> None:
        self.lock_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.lock(dialog.reason.text(), dialog.passphrase.text())
        self.lock_dialog = None
        dialog.deleteLater()

    def show_tie(self, category: str) -> None:
        """The category whose tie at the quota line waits for the jury's decision."""
        self.select_category(category)
        self.banner.setFocus()

    def tied_at_cut_line(self) -> list[tuple[str, str]]:
        category = self.current_category()
        if category is None:
            return []
        return [(t.code, t.institution) for t in category.teams if t.cut_line_tie]

    def decide(self, ordering: list[str], shared: bool, reason: str) -> bool:
        """Record the jury's decision on the tie shown (off the GUI thread); False if none."""
        category = self.current_category()
        if category is None:
            return False
        results, actor, code = self._services.results, self._actor, category.code
        self._change(
            lambda: results.decide_tie(actor, code, ordering, shared=shared, reason=reason),
            lambda _none: self.notice.show_info(self.tr("The jury's decision is recorded.")),
        )
        return True

    def _ask_decision(self) -> None:
        dialog = TieDecisionDialog(self.tied_at_cut_line(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.decide(*dialog.decision())
        dialog.deleteLater()
