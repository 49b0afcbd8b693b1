"""The File menu's "Back up to…" and "Restore…", and the backups made every few minutes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from juryapp.domain.messages import JuryError, current_language
from juryapp.gui.errors import show_error

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.domain.access import Actor
    from juryapp.gui.worker import Task
    from juryapp.services.backups import BackupCheck, Restored

log = logging.getLogger(__name__)

_BACKUPS = "juryapp (*.sqlite3 *.db)"


def _run(
    services: Services,
    parent: QObject,
    work: Callable[[], object],
    done: Callable[[object], None],
    failed: Callable[[BaseException], None],
    title: str | None = None,
) -> Task:
    """Back-up work off the GUI thread, in line with the changes (a backup taken after the
    import asked before it; a restore after every save)."""
    op = services.runner.job(parent, lambda _progress: work(), changes=True)
    if title is not None:
        op.with_progress(title)
    return op.success(done).failure(failed).run()


class BackupMenu(QObject):
    """Backing up and restoring from the File menu, and a backup every few minutes while
    anything changes. ``before_restore`` signs out and stops watching the database;
    ``after_restore`` shows the sign-in page of the restored database."""

    restored = Signal(object)  # Restored

    def __init__(
        self,
        parent: QWidget,
        services: Callable[[], Services],
        actor: Callable[[], Actor | None],
        before_restore: Callable[[], None],
        after_restore: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._services = services
        self._actor = actor
        self._before_restore = before_restore
        self._after_restore = after_restore
        self._warned = False
        self.back_up_action = QAction(parent)
        self.back_up_action.triggered.connect(self.choose_backup)
        self.restore_action = QAction(parent)
        self.restore_action.triggered.connect(self.choose_restore)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.back_up_if_changed)
        self.retranslate()

    # -- state ------------------------------------------------------------------------------
    def _allowed(self) -> bool:
        actor = self._actor()
        services = self._services()
        return (
            actor is not None
            and actor.is_secretariat
            and services.is_open
            and services.database.path is not None
        )

    def update(self) -> None:
        allowed = self._allowed()
        self.back_up_action.setEnabled(allowed)
        writable = allowed and self._services().database.read_only is None
        self.restore_action.setEnabled(writable)

    def start(self, minutes: int | None = None) -> None:
        """Back up every ``minutes`` (default: the service's period) while the app is open."""
        from juryapp.services.backups import PERIODIC_MINUTES  # noqa: PLC0415

        self.timer.start((minutes or PERIODIC_MINUTES) * 60_000)

    def stop(self) -> None:
        self.timer.stop()

    def retranslate(self) -> None:
        self.back_up_action.setText(self.tr("&Back up to…"))
        self.restore_action.setText(self.tr("&Restore…"))
        self.update()

    # -- backing up -------------------------------------------------------------------------
    def choose_backup(self) -> None:
        database = self._services().database.path
        if database is None:
            return
        stamp = datetime.now().strftime("%Y-%m-%d_%H-%M")
        suggested = str(Path.home() / f"{database.stem}-{stamp}.sqlite3")
        name, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Back up to"), suggested, _BACKUPS
        )
        if name:
            self.back_up_to(Path(name))

    def back_up_to(self, target: Path) -> None:
        services, actor = self._services(), self._actor()
        if actor is None:
            return
        _run(
            services,
            self._window,
            lambda: services.backups.back_up_to(actor, target),
            lambda check: self._backed_up(target, cast("BackupCheck", check)),
            lambda exc: show_error(self._window, exc),
            self.tr("Backing up…"),
        )

    def _backed_up(self, target: Path, check: BackupCheck) -> None:
        box = QMessageBox(self._window)
        if check.ok:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(self.tr("Backup written and checked:\n{file}").format(file=target))
        else:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(
                self.tr("The backup was written but does not hold up: {problem}").format(
                    problem=check.problems[0].in_language(current_language())
                )
            )
        box.setWindowTitle(self.tr("Back up to"))
        box.open()

    def back_up_if_changed(self) -> None:
        """The periodic backup, on the worker so that it queues behind any import."""
        services = self._services()
        if not services.is_open or services.database.path is None:
            return
        if services.database.read_only is not None:
            return
        _run(
            services,
            self._window,
            services.backups.back_up_if_changed,
            lambda _made: self._succeeded(),
            self._failed,
        )

    def _succeeded(self) -> None:
        self._warned = False

    def _failed(self, exc: BaseException) -> None:
        log.warning("periodic backup failed", exc_info=exc)
        if self._warned:  # once until a backup works again
            return
        self._warned = True
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Automatic backup failed"))
        reason = (
            exc.text.in_language(current_language()) if isinstance(exc, JuryError) else str(exc)
        )
        box.setText(
            self.tr(
                "The automatic backup failed: {reason}. Scores are still saved; use File → "
                "Back up to… to save a copy elsewhere."
            ).format(reason=reason)
        )
        box.open()

    # -- restoring --------------------------------------------------------------------------
    def choose_restore(self) -> None:
        services = self._services()
        start = services.backups.folder() if services.database.path is not None else Path.home()
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Restore"),
            str(start if start.is_dir() else Path.home()),
            _BACKUPS,
        )
        if name:
            self.check_then_restore(Path(name))

    def check_then_restore(self, source: Path) -> None:
        from juryapp.services.backups import verify_backup  # noqa: PLC0415

        services = self._services()
        _run(
            services,
            self._window,
            lambda: verify_backup(source),
            lambda check: self._confirm(source, cast("BackupCheck", check)),
            lambda exc: show_error(self._window, exc),
            self.tr("Checking the backup…"),
        )

    def confirm_text(self, check: BackupCheck) -> str:
        locked = self.tr("locked") if check.locked else self.tr("not locked")
        return self.tr(
            "Replace everything in this database with the backup {file}?\n\n"
            "Convention: {name}\nResults: version {version}, {locked}\n"
            "Audit trail: {events} events, unbroken\n\n"
            "The database as it is now is kept in {folder}. Everyone is signed out."
        ).format(
            file=check.path.name,
            name=check.convention,
            version=check.results_version,
            locked=locked,
            events=check.audit_events,
            folder=self._services().backups.folder(),
        )

    def _confirm(self, source: Path, check: BackupCheck) -> None:
        if not check.ok:
            box = QMessageBox(self._window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Restore"))
            box.setText(
                self.tr("{file} cannot be restored: {problem}").format(
                    file=source.name,
                    problem=check.problems[0].in_language(current_language()),
                )
            )
            box.exec()
            return
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore"))
        box.setText(self.confirm_text(check))
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is restore:
            self.restore(source)

    def restore(self, source: Path) -> None:
        services, actor = self._services(), self._actor()
        if actor is None:
            return
        self._before_restore()
        _run(
            services,
            self._window,
            lambda: services.backups.restore(actor, source),
            lambda result: self._restored(cast("Restored", result)),
            self._restore_failed,
            self.tr("Restoring…"),
        )

    def _restored(self, result: Restored) -> None:
        self._after_restore()
        self.restored.emit(result)

    def _restore_failed(self, exc: BaseException) -> None:
        self._after_restore()
        show_error(self._window, exc)
