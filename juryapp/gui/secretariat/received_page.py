"""Judges' laptops: which logs the hub holds and up to when, importing bundles, and forks.

The convention key signs the package and the receipts. It is opened with the passphrase the
first time this screen needs it and kept in memory for the hub session: it goes when the
secretariat user signs out (the screen is destroyed with their area).
"""

from __future__ import annotations

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

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.reports.signing import ConventionKey

__all__ = ["ReceivedPage"]

RECEIPT_SUFFIX = ".receipt"
LAN_PORT = 8743  # the hub's port on the venue LAN (the packages name it)
LAN_HOST = "0.0.0.0"  # noqa: S104 - every interface: the venue's LAN is the point


class ReceivedPage(QWidget):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self._key: ConventionKey | None = None
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
        try:
            forks = tuple(self._services.hub.forks(self._actor))
            self.model.set_rows(tuple(self._services.hub.received(self._actor)))
            self.forks_model.set_rows(forks)
        except JuryError as exc:
            show_error(self, exc)
            return
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
            _stop(self._serving)
            self._serving, self._lan_hub = None, ("", "")
            self.lan.clear()
            self.qr.clear()
            return
        key = self._convention_key()
        try:
            from juryapp.lan.discovery import Advertisement, own_address  # noqa: PLC0415
            from juryapp.lan.server import HubServer  # noqa: PLC0415
            from juryapp.lan.tls import hub_certificate  # noqa: PLC0415
        except ImportError:
            self.lan.setText(self.tr("This build of the app has no LAN transport."))
            key = None
        if key is None:
            self.listen_button.setChecked(False)
            return
        certificate = hub_certificate()
        server = HubServer(
            self._services, self._actor, key, certificate, host=LAN_HOST, port=LAN_PORT
        )
        try:
            port = server.start()
            uid = self._services.hub.convention_uid(self._actor)
            advertisement = Advertisement(uid, port, certificate.sha256, [own_address()])
        except (OSError, JuryError) as exc:
            server.stop()
            show_error(self, exc)
            self.listen_button.setChecked(False)
            return
        self._serving = (server, advertisement)
        address = f"{own_address()}:{port}"
        self._lan_hub = (address, certificate.sha256)
        self.lan.setText(
            self.tr(
                "Listening on {address}. Packages exported now name this address; laptops "
                "check the hub's certificate: {pin}"
            ).format(address=address, pin=certificate.sha256)
        )
        self.qr.setPixmap(qr_pixmap(f"juryapp-hub {address} {certificate.sha256}"))

    # -- the key for this hub session --------------------------------------------------------
    def _convention_key(self) -> ConventionKey | None:
        if self._key is None:
            passphrase = ask_passphrase(self, self.tr("Signing receipts and packages"))
            if passphrase is None:
                return None
            try:
                self._key = self._services.keys.unlock(self._actor, passphrase)
            except JuryError as exc:
                show_error(self, exc)
                return None
        return self._key

    # -- actions ------------------------------------------------------------------------------
    def export_package(self) -> None:
        from juryapp.interchange.files import write_atomically  # noqa: PLC0415

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export convention package"),
            "konvensi.jurypkg",
            self.tr("Convention packages (*.jurypkg)"),
        )
        key = self._convention_key() if name else None
        if key is None:
            return
        try:
            address, pin = self._lan_hub  # while listening, laptops learn where and whom
            data = self._services.hub.export_package(
                self._actor, key, hub_address=address, hub_certificate=pin
            )
            write_atomically(Path(name), data)
            active = self._services.keys.active(self._actor)
        except (JuryError, OSError) as exc:
            show_error(self, exc)
            return
        QMessageBox.information(
            self,
            self.tr("Convention package"),
            self.tr(
                "Written to {file}. Open it on each judge's laptop and compare the convention "
                "key's fingerprint shown there with this one:\n\n{key}"
            ).format(file=name, key=active.fingerprint if active else "—"),
        )

    def import_bundles(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import score bundles"),
            "",
            self.tr("Score bundles (*.jurylog)"),
        )
        key = self._convention_key() if names else None
        if key is None:
            return
        lines = [self._import_one(Path(name), key) for name in names]
        self.refresh()
        QMessageBox.information(self, self.tr("Score bundles"), "\n".join(lines))

    def _import_one(self, path: Path, key: ConventionKey) -> str:
        """One bundle merged whole (or refused whole); the line that says what happened."""
        from juryapp.interchange.files import write_atomically  # noqa: PLC0415

        try:
            data = path.read_bytes()
            bundle = self._services.hub.read(data, str(path))
            enrolled = {k.fingerprint for k in self._services.judge_keys.enrolled(self._actor)}
            if bundle.fingerprint not in enrolled and not self._enrol(bundle, path):
                return self.tr("{file}: not imported, the key was not enrolled").format(
                    file=path.name
                )
            imported = self._services.hub.merge(self._actor, data, str(path), key)
            if imported.receipt is not None:
                write_atomically(path.with_name(path.name + RECEIPT_SUFFIX), imported.receipt)
        except (JuryError, OSError) as exc:
            return str(exc) if isinstance(exc, JuryError) else f"{path.name}: {exc.strerror}"
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

    def _enrol(self, bundle: object, path: Path) -> bool:
        from juryapp.services.log_format import Bundle  # noqa: PLC0415

        assert isinstance(bundle, Bundle)
        answer = QMessageBox.question(
            self,
            self.tr("A judge's key"),
            self.tr(
                "{file} is signed by a key not yet enrolled for judge {judge}. Its fingerprint "
                "is:\n\n{key}\n\nIs it exactly the one on the judge's laptop screen? Enrol it "
                "only if it is."
            ).format(file=path.name, judge=bundle.judge, key=bundle.fingerprint),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._services.judge_keys.enrol(
            self._actor, bundle.judge, bundle.public_key, bundle.fingerprint
        )
        return True

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
        try:
            self._services.hub.settle_fork(
                self._actor, int(fork_id), take_other=take_other, reason=reason.strip()
            )
        except JuryError as exc:
            show_error(self, exc)
        self.refresh()


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
