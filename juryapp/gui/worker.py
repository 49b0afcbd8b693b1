"""Runs slow work (imports, reports, signing) off the GUI thread and reports back on it."""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

__all__ = ["BackgroundRunner", "Cancelled", "Progress", "Task"]

T = TypeVar("T")

log = logging.getLogger(__name__)

# A dialog for work that ends within this time would only flash on the screen.
_DIALOG_DELAY_MS = 400
# Progress reports closer together than this are merged, so a loop reporting every row
# does not flood the GUI thread's event queue.
_PROGRESS_INTERVAL_S = 0.05


class Cancelled(Exception):  # noqa: N818 - it names what happened, like KeyboardInterrupt
    """Raised inside background work once the person has asked to cancel it."""


class Progress:
    """What background work sees of its task: report progress, notice a cancel request.

    Methods are safe to call from the worker thread; they never touch a widget.
    """

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._last_emit: float | None = None

    @property
    def cancelled(self) -> bool:
        """True once cancel was requested; the work should stop and raise :class:`Cancelled`."""
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        """Tell the GUI how far the work is (``total`` 0 means unknown).

        Raises :class:`Cancelled` when cancel was requested, so a loop that reports
        progress also stops at a safe point without extra code.
        """
        self.raise_if_cancelled()
        now = time.monotonic()
        with self._lock:
            last = total > 0 and done >= total
            recent = self._last_emit is not None and now - self._last_emit < _PROGRESS_INTERVAL_S
            if recent and not last:
                return
            self._last_emit = now
        self._emit(done, total, text)

    def _request_cancel(self) -> None:
        self._cancel.set()


class _Relay(QObject):
    """Signals the worker thread emits; it lives as long as its runner, never per task."""

    progressed = Signal(int, int, int, str)  # task id, done, total, text
    succeeded = Signal(int, object)  # task id, result
    failed = Signal(int, object)  # task id, exception


class Task(QObject):
    """One piece of background work as the GUI sees it; every signal arrives on the GUI thread.

    ``succeeded``/``failed``/``cancelled`` fire after the callbacks ran and ``finished``
    always fires last, whatever the outcome.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        task_id: int,
        parent: QObject,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancelled: Callable[[], None] | None,
        progress: Progress,
    ) -> None:
        # No Qt parent: the runner keeps the task alive until the work is over, even if the
        # window that started it closes first.
        super().__init__(None)
        self.task_id = task_id
        self.progress = progress
        self.dialog: QProgressDialog | None = None
        self._on_success = on_success
        self._on_error = on_error
        self._on_cancelled = on_cancelled
        self._running = True
        self._orphaned = False
        parent.destroyed.connect(self._parent_destroyed)

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def is_cancel_requested(self) -> bool:
        return self.progress.cancelled

    @Slot()
    def cancel(self) -> None:
        """Ask the work to stop; it stops at its next progress report or cancel check."""
        if self._running:
            self.progress._request_cancel()

    @Slot()
    def _parent_destroyed(self) -> None:
        # The window that asked for the result is gone: stop the work if it listens and
        # make sure no callback runs against deleted widgets.
        self._orphaned = True
        self._close_dialog()
        self.cancel()

    def _attach_dialog(self, parent: QObject, title: str) -> None:
        widget = parent if isinstance(parent, QWidget) else None
        dialog = QProgressDialog(widget)
        dialog.setWindowTitle(title)
        dialog.setLabelText(title)
        dialog.setCancelButtonText(QCoreApplication.translate("Task", "Cancel"))
        dialog.setMinimumDuration(_DIALOG_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setRange(0, 0)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        # An unknown total gives no progress report that would show the dialog, so show
        # it ourselves once the work has taken long enough to deserve one.
        QTimer.singleShot(_DIALOG_DELAY_MS, self, self._show_dialog_if_running)

    @Slot()
    def _show_dialog_if_running(self) -> None:
        if self._running and self.dialog is not None and not self.progress.cancelled:
            self.dialog.show()

    def _deliver_progress(self, done: int, total: int, text: str) -> None:
        if not self._running:
            return
        if self.dialog is not None and not self.progress.cancelled:
            self.dialog.setRange(0, max(total, 0))
            self.dialog.setValue(min(done, total) if total > 0 else 0)
            if text:
                self.dialog.setLabelText(text)
        self.progressed.emit(done, total, text)

    def _deliver_result(self, outcome: object, *, failed: bool) -> None:
        self._running = False
        self._close_dialog()
        try:
            if isinstance(outcome, Cancelled):
                log.info("background task %d cancelled", self.task_id)
                if not self._orphaned and self._on_cancelled is not None:
                    self._on_cancelled()
                self.cancelled.emit()
            elif failed:
                exc = cast(BaseException, outcome)
                log.debug("background task %d failed", self.task_id, exc_info=exc)
                if not self._orphaned:
                    self._on_error(exc)
                self.failed.emit(exc)
            else:
                if not self._orphaned:
                    self._on_success(outcome)
                self.succeeded.emit(outcome)
        finally:
            self.finished.emit()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        # The dialog dies with its parent window, which may already be gone.
        if dialog is not None and shiboken6.isValid(dialog):
            # Closing a progress dialog emits canceled(); that is not the person cancelling.
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()


class BackgroundRunner(QObject):
    """Owns the single worker thread; work runs one task at a time, in submission order.

    One worker keeps database writes from different screens from racing each other (one
    session per thread, SQLite writes serialised), the way Anki runs collection operations.
    ``gui/ops.py`` keeps one per lane; screens go through it, never here.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progressed)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)
        self._tasks: dict[int, Task] = {}
        self._ids = itertools.count(1)

    def running_tasks(self) -> list[Task]:
        return list(self._tasks.values())

    def cancel_all(self) -> None:
        for task in self._tasks.values():
            task.cancel()

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for shutdown); results still arrive as signals."""
        return self._pool.waitForDone(msecs)

    def submit(
        self,
        parent: QObject,
        fn: Callable[[Progress], T],
        on_success: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        *,
        title: str | None = None,
        on_cancelled: Callable[[], None] | None = None,
        settled: Callable[[], None] | None = None,
    ) -> Task:
        """Queue ``fn``; ``settled`` runs on the worker thread once it is over, however."""
        task_id = next(self._ids)
        relay = self._relay

        def emit_progress(done: int, total: int, text: str) -> None:
            relay.progressed.emit(task_id, done, total, text)

        progress = Progress(emit_progress)
        task = Task(
            task_id,
            parent,
            cast(Callable[[Any], None], on_success),
            on_error,
            on_cancelled,
            progress,
        )
        self._tasks[task_id] = task
        if title is not None:
            task._attach_dialog(parent, title)

        def work() -> None:
            # Runs on the worker thread: it may only emit the relay's signals.
            failed = False
            try:
                if progress.cancelled:
                    raise Cancelled
                result: object = fn(progress)
            except BaseException as exc:  # every failure, even SystemExit, must reach the GUI
                result, failed = exc, True
            finally:
                if settled is not None:
                    settled()
            (relay.failed if failed else relay.succeeded).emit(task_id, result)

        self._pool.start(work)
        return task

    @Slot(int, int, int, str)
    def _on_progressed(self, task_id: int, done: int, total: int, text: str) -> None:
        task = self._tasks.get(task_id)
        if task is not None:
            task._deliver_progress(done, total, text)

    @Slot(int, object)
    def _on_succeeded(self, task_id: int, result: object) -> None:
        task = self._tasks.pop(task_id, None)
        if task is not None:
            task._deliver_result(result, failed=False)

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc: object) -> None:
        task = self._tasks.pop(task_id, None)
        if task is not None:
            task._deliver_result(exc, failed=True)
