"""Judges' laptops: which logs the hub holds and up to when, importing bundles, and forks.

The convention key signs the package and the receipts. It is opened with the passphrase the
first time this screen needs it and kept in memory for the hub session: it goes when the
secretariat user signs out (the screen is destroyed with their area).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from juryapp.domain.access import Actor
from juryapp.domain.messages import JuryError
from juryapp.gui.errors import show_error
from juryapp.gui.ops import Reload
from juryapp.gui.passphrase import ask_passphrase
from juryapp.gui.secretariat.received_models import (
    APPLIED,
    DECISION,
    FORK_ID_ROLE,
    NAME,
    OTHER,
    ForksModel,
    ReceivedModel,
)
from juryapp.gui.tables import heading, read_only_sortable, sorting_proxy
from juryapp.services.changes import Change

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.reports.convention_key import ConventionKey
    from juryapp.services.hub import ForkView, Imported, ReceivedJudge
    from juryapp.services.log_format import Bundle

__all__ = ["ReceivedPage"]

log = logging.getLogger(__name__)

RECEIPT_SUFFIX = ".receipt"
LAN_PORT = 8743  # the hub's port on the venue LAN (the packages name it)
LAN_HOST = "0.0.0.0"  # noqa: S104 - every interface: the venue's LAN is the point


@dataclass(frozen=True)
class _Read:
    """A bundle read and checked before anything is written: is its key enrolled yet?"""

    path: Path
    data: bytes
    bundle: Bundle
    enrolled: bool


class ReceivedPage(QWidget):
    """The hub's view of the judges' logs. Every service call runs off the GUI thread."""

    WATCHES = frozenset({Change.LAPTOPS})

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self._ops = services.runner
        self._key: ConventionKey | None = None
        self._reload: Reload[tuple[tuple[ReceivedJudge, ...], tuple[ForkView, ...]]] = Reload(
            self._ops, self, self._read, self._show, failed=lambda exc: show_error(self, exc)
        )
        self._title = heading(self)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_bundles)
        self.package_button = QPushButton(self)
        self.package_button.clicked.connect(self.export_package)
        self.listen_button = QPushButton(self)
        self.listen_button.setCheckable(True)
        self.listen_button.toggled.connect(self.listen)
        self.lan = QLabel(self)
        self.lan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lan.setWordWrap(True)
        self.qr = QLabel(self)
        self._serving: tuple[object, object] | None = None  # the server and its announcement
        self._lan_hub = ("", "")  # address and certificate SHA-256 while listening
        self.destroyed.connect(lambda *_: _stop(self._serving))

        self.model = ReceivedModel(self)
        self.table = _table(self, sorting_proxy(self, self.model))
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)

        self._forks_title = heading(self, 2)
        self.forks_model = ForksModel(self)
        self.forks = _table(self, self.forks_model)
        header = self.forks.horizontalHeader()
        for column in (APPLIED, OTHER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DECISION, QHeaderView.ResizeMode.ResizeToContents)
        self.keep_button = QPushButton(self)
        self.keep_button.clicked.connect(lambda: self.settle(take_other=False))
        self.take_button = QPushButton(self)
        self.take_button.clicked.connect(lambda: self.settle(take_other=True))

        self._lay_out()
        self.retranslate()
        self.refresh()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.package_button)
        buttons.addWidget(self.listen_button)
        buttons.addStretch(1)
        fork_buttons = QHBoxLayout()
        fork_buttons.addStretch(1)
        fork_buttons.addWidget(self.keep_button)
        fork_buttons.addWidget(self.take_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addLayout(buttons)
        lan = QHBoxLayout()
        lan.addWidget(self.lan, 1)
        lan.addWidget(self.qr)
        layout.addLayout(lan)
        layout.addWidget(self.table, 3)
        layout.addWidget(self._forks_title)
        layout.addWidget(self.forks, 1)
        layout.addLayout(fork_buttons)

    # -- what the page shows ------------------------------------------------------------------
    def refresh(self) -> None:
        """Read again, off the GUI thread, what the hub holds."""
        self._reload.request()

    def _read(self) -> Callable[[], tuple[tuple[ReceivedJudge, ...], tuple[ForkView, ...]]]:
        hub, actor = self._services.hub, self._actor
        return lambda: (tuple(hub.received(actor)), tuple(hub.forks(actor)))

    def _show(self, read: tuple[tuple[ReceivedJudge, ...], tuple[ForkView, ...]]) -> None:
        received, forks = read
        self.model.set_rows(received)
        self.forks_model.set_rows(forks)
        waiting = any(not fork.decision for fork in forks)
        self.keep_button.setEnabled(waiting)
        self.take_button.setEnabled(waiting)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Judges' laptops"))
        self._hint.setText(
            self.tr(
                "Scores typed at the judges' own laptops arrive as signed bundles (on a USB "
                "stick). Importing one never overwrites anything: an event already held changes "
                "nothing, a missing one is shown, and two different events with the same number "
                "wait below for your decision. Each import writes a signed receipt beside the "
                "bundle for the judge's laptop."
            )
        )
        self.import_button.setText(self.tr("Import score bundles…"))
        self.package_button.setText(self.tr("Export convention package…"))
        self._forks_title.setText(self.tr("Forks: two different events with the same number"))
        self.listen_button.setText(self.tr("Listen on the venue LAN"))
        self.keep_button.setText(self.tr("Keep the applied branch…"))
        self.take_button.setText(self.tr("Take the other branch…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        self.forks_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)

    # -- the venue LAN ----------------------------------------------------------------------------
    def listen(self, on: bool) -> None:
        """Start or stop listening for judges' laptops on the LAN (TLS, announced by mDNS)."""
        if not on:
            serving = self._serving
            if serving is not None:
                # off the GUI thread (the endpoint's process ends after the merge under way,
                # 0.1 s or more), and in line with the changes, so that listening again waits
                self._ops.change(self, lambda: _stop(serving)).failure(
                    lambda exc: show_error(self, exc)
                ).run()
            self._serving, self._lan_hub = None, ("", "")
            self.lan.clear()
            self.qr.clear()
            return
        try:
            import juryapp.lan.server  # noqa: F401, PLC0415
        except ImportError:
            self.lan.setText(self.tr("This build of the app has no LAN transport."))
            self.listen_button.setChecked(False)
            return
        self._with_key(self._start_listening, lambda: self.listen_button.setChecked(False))

    def _start_listening(self, key: ConventionKey) -> None:
        services, actor = self._services, self._actor

        def start() -> tuple[object, object, str, str]:
            from juryapp.lan.discovery import Advertisement, own_address  # noqa: PLC0415
            from juryapp.lan.hub_process import HubProcess  # noqa: PLC0415
            from juryapp.lan.tls import hub_certificate  # noqa: PLC0415

            certificate = hub_certificate()
            # in a process of its own: laptops' pushes never hold up the screens
            server = HubProcess(services, actor, key, certificate, host=LAN_HOST, port=LAN_PORT)
            try:
                port = server.start()
                uid = services.hub.convention_uid(actor)
                address = own_address()
                advertisement = Advertisement(uid, port, certificate.sha256, [address])
            except BaseException:
                server.stop()
                raise
            return server, advertisement, f"{address}:{port}", certificate.sha256

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.listen_button.setChecked(False)

        self._ops.query(self, start).success(self._listening).failure(failed).run()

    def _listening(self, started: tuple[object, object, str, str]) -> None:
        server, advertisement, address, pin = started
        if not self.listen_button.isChecked():  # turned off meanwhile
            _stop((server, advertisement))
            return
        self._serving = (server, advertisement)
        self._lan_hub = (address, pin)  # pin: the SHA-256 of the hub's certificate
        self.lan.setText(
            self.tr(
                "Listening on {address}. Packages exported now name this address; laptops "
                "check the hub's certificate: {pin}"
            ).format(address=address, pin=pin)
        )
        self.qr.setPixmap(qr_pixmap(f"juryapp-hub {address} {pin}"))

    # -- the key for this hub session --------------------------------------------------------
    def _with_key(
        self,
        then: Callable[[ConventionKey], object],
        otherwise: Callable[[], object] = lambda: None,
    ) -> None:
        """Call ``then`` with the convention key, opened first with the passphrase (its
        memory-hard derivation runs off the GUI thread); ``otherwise`` if it is not opened."""
        if self._key is not None:
            then(self._key)
            return
        passphrase = ask_passphrase(self, self.tr("Signing receipts and packages"))
        if passphrase is None:
            otherwise()
            return
        keys, actor = self._services.keys, self._actor

        def opened(key: ConventionKey) -> None:
            self._key = key
            then(key)

        def refused(exc: BaseException) -> None:
            show_error(self, exc)
            otherwise()

        self._ops.query(self, lambda: keys.unlock(actor, passphrase)).success(opened).failure(
            refused
        ).run()

    # -- actions ------------------------------------------------------------------------------
    def export_package(self) -> None:

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export convention package"),
            "konvensi.jurypkg",
            self.tr("Convention packages (*.jurypkg)"),
        )
        if name:
            self._with_key(lambda key: self._write_package(Path(name), key))

    def _write_package(self, path: Path, key: ConventionKey) -> None:
        from juryapp.interchange.files import write_atomically  # noqa: PLC0415

        services, actor = self._services, self._actor
        address, pin = self._lan_hub  # while listening, laptops learn where and whom

        def write() -> str:
            data = services.hub.export_package(actor, key, hub_address=address, hub_certificate=pin)
            write_atomically(path, data)
            active = services.keys.active(actor)
            return active.fingerprint if active else "—"

        def written(fingerprint: str) -> None:
            QMessageBox.information(
                self,
                self.tr("Convention package"),
                self.tr(
                    "Written to {file}. Open it on each judge's laptop and compare the "
                    "convention key's fingerprint shown there with this one:\n\n{key}"
                ).format(file=str(path), key=fingerprint),
            )

        self._ops.query(self, write).success(written).run()

    def import_bundles(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import score bundles"),
            "",
            self.tr("Score bundles (*.jurylog)"),
        )
        if names:
            paths = [Path(name) for name in names]
            self._with_key(lambda key: self._import_next(paths, key, []))

    def _import_next(self, paths: list[Path], key: ConventionKey, lines: list[str]) -> None:
        """Bundles one at a time, each merged whole (or refused whole) off the GUI thread;
        a key not yet enrolled is asked about here in between. The lines say what happened."""
        if not paths:
            self.refresh()
            QMessageBox.information(self, self.tr("Score bundles"), "\n".join(lines))
            return
        path, rest = paths[0], paths[1:]
        hub, judge_keys, actor = self._services.hub, self._services.judge_keys, self._actor

        def read() -> _Read:
            data = path.read_bytes()
            bundle = hub.read(data, str(path))
            enrolled = {k.fingerprint for k in judge_keys.enrolled(actor)}
            return _Read(path, data, bundle, bundle.fingerprint in enrolled)

        def next_with(line: str) -> None:
            self._import_next(rest, key, [*lines, line])

        def failed(exc: BaseException) -> None:
            next_with(_problem_line(path, exc))

        def checked(found: _Read) -> None:
            enrol = not found.enrolled
            if enrol and not self._ask_enrol(found.bundle, path):
                next_with(
                    self.tr("{file}: not imported, the key was not enrolled").format(file=path.name)
                )
                return
            self._ops.change(
                self, lambda: _merge(self._services, actor, found, key, enrol)
            ).success(lambda imported: next_with(self._merged_line(path, imported))).failure(
                failed
            ).run()

        self._ops.query(self, read).success(checked).failure(failed).run()

    def _merged_line(self, path: Path, imported: Imported) -> str:
        result = imported.result
        line = self.tr("{file}: judge {judge}, {new} new events, received up to #{upto}").format(
            file=path.name, judge=result.judge, new=result.new, upto=result.upto
        )
        if result.missing:
            line += " — " + self.tr("missing {ranges}").format(
                ranges=", ".join(f"#{a}–#{b}" for a, b in result.missing)
            )
        if result.forks:
            line += " — " + self.tr("FORK at {events}: nothing overwritten, decide below").format(
                events=", ".join(f"#{n}" for n in result.forks)
            )
        return line

    def _ask_enrol(self, bundle: Bundle, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("A judge's key"),
            self.tr(
                "{file} is signed by a key not yet enrolled for judge {judge}. Its fingerprint "
                "is:\n\n{key}\n\nIs it exactly the one on the judge's laptop screen? Enrol it "
                "only if it is."
            ).format(file=path.name, judge=bundle.judge, key=bundle.fingerprint),
        )
        return answer == QMessageBox.StandardButton.Yes

    def settle(self, *, take_other: bool) -> None:
        index = self.forks.currentIndex()
        fork_id = index.siblingAtColumn(0).data(FORK_ID_ROLE) if index.isValid() else None
        if fork_id is None:
            QMessageBox.information(self, self.tr("Forks"), self.tr("Choose a fork first."))
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Decision on a fork"),
            self.tr("Why? (recorded in the audit trail)"),
        )
        if not ok or not reason.strip():
            return
        hub, actor, why = self._services.hub, self._actor, reason.strip()

        def decided(_result: object = None) -> None:
            self.refresh()

        def refused(exc: BaseException) -> None:
            show_error(self, exc)
            self.refresh()

        fork = int(fork_id)
        self._ops.change(
            self, lambda: hub.settle_fork(actor, fork, take_other=take_other, reason=why)
        ).success(decided).failure(refused).run()


def _merge(
    services: Services, actor: Actor, found: _Read, key: ConventionKey, enrol: bool
) -> Imported:
    """Enrol the bundle's key if the secretariat said so, merge it, write its receipt."""
    from juryapp.interchange.files import write_atomically  # noqa: PLC0415

    bundle = found.bundle
    if enrol:
        services.judge_keys.enrol(actor, bundle.judge, bundle.public_key, bundle.fingerprint)
    imported = services.hub.merge(actor, found.data, str(found.path), key)
    if imported.receipt is not None:
        receipt = found.path.with_name(found.path.name + RECEIPT_SUFFIX)
        write_atomically(receipt, imported.receipt)
    return imported


def _problem_line(path: Path, exc: BaseException) -> str:
    """Why one bundle was not imported, in one line (a bug is logged with its traceback)."""
    if isinstance(exc, JuryError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{path.name}: {exc.strerror}"
    log.error("importing %s failed", path, exc_info=exc)
    return f"{path.name}: {exc}"


def _stop(serving: tuple[object, object] | None) -> None:
    if serving is not None:
        server, advertisement = serving
        advertisement.close()  # type: ignore[attr-defined]
        server.stop()  # type: ignore[attr-defined]


def qr_pixmap(text: str, module: int = 3) -> QPixmap:
    """``text`` as a QR code a phone can read, drawn black on white."""
    import qrcode  # noqa: PLC0415

    code = qrcode.QRCode(border=2)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * module
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * module, y * module, module, module, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


def _table(parent: QWidget, model: object) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)  # type: ignore[arg-type]
    read_only_sortable(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    return table
