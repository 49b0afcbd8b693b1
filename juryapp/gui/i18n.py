"""Loads the Qt Linguist translations and switches the interface language at run time."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from juryapp.domain import messages
from juryapp.resources import resources_dir

__all__ = [
    "SOURCE_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "install_translators",
    "resources_dir",
    "translations_dir",
]

log = logging.getLogger(__name__)

# Source strings in the code are English; Indonesian is the default interface language.
SOURCE_LANGUAGE = "en"
SUPPORTED_LANGUAGES = messages.LANGUAGES

_TRANSLATOR_NAME = "juryapp-translator"

# Qt ships no qtbase_id.qm, so its standard buttons would stay English in an Indonesian
# window. Listing Qt's own source texts here lets lupdate put them in juryapp_id.ts under
# Qt's contexts, and our translator then answers for them. The file dialogs are Qt's widget
# dialogs (gui/dialogs.py), whose texts are these; the list was taken from the texts Qt
# 6.8–6.11 asks its translator for while those dialogs, wizards and edit menus are shown.
_QT_STANDARD_TEXTS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QProgressDialog", "Cancel"),
    QT_TRANSLATE_NOOP("QWizard", "< &Back"),
    QT_TRANSLATE_NOOP("QWizard", "&Next >"),
    QT_TRANSLATE_NOOP("QWizard", "&Finish"),
    QT_TRANSLATE_NOOP("QWizard", "Cancel"),
    QT_TRANSLATE_NOOP("QWizard", "Commit"),
    QT_TRANSLATE_NOOP("QWizard", "&Help"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directories"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
)


class _Disambiguated(QTranslator):
    """Answers for the few Qt texts that carry a disambiguation, which lupdate cannot read
    from Python: it asks for the same words under a context of ours, found in our catalogue."""

    # None is Qt's null string, "not translated here": an empty string would be taken as the
    # translation and blank every other text.
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if disambiguation != "All other platforms":
            return None
        if (context, source) == ("QFileSystemModel", "Type"):
            return QCoreApplication.translate("QtTexts", "Type")
        if (context, source) == ("QAbstractFileIconProvider", "Folder"):
            return QCoreApplication.translate("QtTexts", "Folder")
        return None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def _locale_for(lang: str) -> QLocale:
    # Numbers in a spin box read as the same number printed elsewhere in that language
    # (domain.formatting): 15,0 in Indonesian, 15.0 in English. British English keeps the
    # day-month-year order Indonesians write dates in.
    if lang == "id":
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _remove_installed(app: QCoreApplication) -> None:
    for translator in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def _load(app: QCoreApplication, name: str, folder: str) -> QTranslator | None:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    if not translator.load(name, folder):
        translator.setParent(None)
        return None
    app.installTranslator(translator)
    return translator


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Switch the interface to ``lang``, replacing translators installed by an earlier call.

    Installing or removing a translator sends every widget a ``LanguageChange`` event, so
    open windows that retranslate in ``changeEvent`` follow the switch at once. Domain
    messages (``JuryError`` texts) follow too.
    """
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"unsupported language {lang!r}; use one of {', '.join(SUPPORTED_LANGUAGES)}"
        )
    # The locale and the domain language first: widgets read them while retranslating.
    QLocale.setDefault(_locale_for(lang))
    messages.set_language(lang)
    _remove_installed(app)
    installed: list[QTranslator] = []
    if lang == SOURCE_LANGUAGE:
        return installed
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = _load(app, f"qtbase_{lang}", qt_folder)
    if qt_translator is not None:
        installed.append(qt_translator)
    # Ours are installed last, so they are asked first and can fill in texts qtbase lacks.
    for catalogue in sorted(translations_dir().glob(f"*_{lang}.qm")):
        own = _load(app, catalogue.stem, str(translations_dir()))
        if own is not None:
            installed.append(own)
    if installed:
        extra = _Disambiguated(app)
        extra.setObjectName(_TRANSLATOR_NAME)
        app.installTranslator(extra)
        installed.append(extra)
    if not installed:
        log.warning("no *_%s.qm in %s; the interface stays English", lang, translations_dir())
    return installed
