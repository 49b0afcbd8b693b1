"""The PDF files the last print wrote, as a Qt table model."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from juryapp.gui.tables import SORT_ROLE
from juryapp.services.publishing import Kind, Written

Index = QModelIndex | QPersistentModelIndex

PATH_ROLE = Qt.ItemDataRole.UserRole + 30  # the file's full path, as text

FILE, DOCUMENT, SIGNED = range(3)

# The combined files publish() writes after the separate ones.
ALL_DOCUMENTS = "all"
ALL_CERTIFICATES = "all-certificates"


def kind_name(kind: str) -> str:
    """What a document kind is called on the print screen."""
    names = {
        Kind.MINUTES: QCoreApplication.translate("DocumentKinds", "Minutes of the jury"),
        Kind.RECAP: QCoreApplication.translate("DocumentKinds", "Score recap"),
        Kind.ROBUSTNESS: QCoreApplication.translate(
            "DocumentKinds", "Robustness annex (methods, each judge left out)"
        ),
        Kind.ANNOUNCEMENT: QCoreApplication.translate(
            "DocumentKinds", "Announcement of the winners"
        ),
        Kind.JUDGE_RECAP: QCoreApplication.translate("DocumentKinds", "Each judge's recap"),
        Kind.SHEETS: QCoreApplication.translate("DocumentKinds", "Judges' score sheets"),
        Kind.FEEDBACK: QCoreApplication.translate("DocumentKinds", "Feedback sheets"),
        Kind.CERTIFICATES: QCoreApplication.translate("DocumentKinds", "Certificates of award"),
        Kind.BLANK: QCoreApplication.translate("DocumentKinds", "Blank score forms"),
        Kind.DECLARATIONS: QCoreApplication.translate(
            "DocumentKinds", "Conflict-of-interest declarations"
        ),
        Kind.ATTENDANCE: QCoreApplication.translate("DocumentKinds", "Attendance lists"),
        ALL_DOCUMENTS: QCoreApplication.translate(
            "DocumentKinds", "Plain-paper documents in one file, for duplex printing"
        ),
        ALL_CERTIFICATES: QCoreApplication.translate(
            "DocumentKinds", "All certificates in one file, for card stock"
        ),
    }
    return names.get(kind, kind)


class WrittenFilesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Written, ...] = ()

    def set_files(self, files: list[Written]) -> None:
        self.beginResetModel()
        self._rows = tuple(files)
        self.endResetModel()

    def file_at(self, row: int) -> Written:
        return self._rows[row]

    def files(self) -> tuple[Written, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        written = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(written, index.column())
        if role == SORT_ROLE:
            return self._sort_value(written, index.column())
        if role == PATH_ROLE or (role == Qt.ItemDataRole.ToolTipRole and index.column() == FILE):
            return str(written.path)
        return None

    def _display(self, written: Written, column: int) -> str:
        if column == FILE:
            return written.path.name
        if column == DOCUMENT:
            return kind_name(written.kind)
        return self.tr("Yes") if written.signed else self.tr("No (draft)")

    @staticmethod
    def _sort_value(written: Written, column: int) -> str | int:
        if column == FILE:
            return written.path.name
        if column == DOCUMENT:
            # The order of the print screen, the combined file last.
            kinds: list[str] = [*Kind, ALL_DOCUMENTS]
            return kinds.index(written.kind) if written.kind in kinds else len(kinds)
        return int(written.signed)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == FILE:
            return self.tr("File")
        if section == DOCUMENT:
            return self.tr("Document")
        if section == SIGNED:
            return self.tr("Signed")
        return None
