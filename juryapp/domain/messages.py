"""Bilingual texts and the error types a person can act on (Indonesian first, English second)."""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("id", "en")
_current = {"lang": "id"}

QUOTE_LIMIT = 60
# C0 controls, DEL and C1 controls: never shown raw, since they can hide, reorder or erase
# what a terminal or a dialog prints around them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def set_language(lang: str) -> None:
    """Choose the language that ``str(Text)`` and error messages use from now on."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _current["lang"] = lang


def current_language() -> str:
    return _current["lang"]


@dataclass(frozen=True)
class Text:
    """One message in Indonesian (``id``) and English (``en``)."""

    id: str
    en: str

    def format(self, **values: Any) -> Text:
        """Fill the placeholders; a value that is itself a ``Text`` goes in each language."""
        if not any(isinstance(value, Text) for value in values.values()):
            return Text(self.id.format(**values), self.en.format(**values))
        ids = {k: v.id if isinstance(v, Text) else v for k, v in values.items()}
        ens = {k: v.en if isinstance(v, Text) else v for k, v in values.items()}
        return Text(self.id.format(**ids), self.en.format(**ens))

    def in_language(self, lang: str) -> str:
        return self.en if lang == "en" else self.id

    def __str__(self) -> str:
        return self.in_language(current_language())


def shown(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value from a file or a person as a message may quote it: one line, no control
    characters, at most ``limit`` characters (a longer one is cut and ends with "…")."""
    text = _CONTROL.sub(_visible, str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _visible(match: re.Match[str]) -> str:
    character = match.group()
    return " " if character in "\t\r\n" else "\ufffd"


def one_line(text: str) -> str:
    """A message on a single line: line breaks and the spaces around them become one space."""
    return _LINE_BREAKS.sub(" ", text).strip()


class JuryError(Exception):
    """Base of every error juryapp reports to a person instead of a traceback."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.id)
        self.text = text

    def __str__(self) -> str:
        return one_line(str(self.text))

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised in the second process that reckons (juryapp/reckoner.py) and again in the
        # app: pickled with its Text and every attribute, not just the message id.
        return _rebuilt, (type(self), self.text.id, self.__dict__)


def _rebuilt(kind: type[JuryError], message_id: str, state: dict[str, Any]) -> JuryError:
    error = kind.__new__(kind)
    Exception.__init__(error, message_id)
    error.__dict__.update(state)
    return error


class ValidationError(JuryError):
    """Input that breaks a rule of the convention (a score off the scale, weights not 100…)."""


class NotFoundError(JuryError):
    """A code or record that does not exist."""


class PermissionDeniedError(JuryError):
    """The signed-in user's role does not allow the action."""


class StateError(JuryError):
    """The action does not fit the current state (a submitted sheet, locked results…)."""


class AuthenticationError(JuryError):
    """Wrong credentials or a locked account."""


class FileProblemError(JuryError):
    """A file that cannot be used, with where in it the problem is."""

    def __init__(
        self,
        text: Text,
        *,
        file: str,
        row: int | None = None,
        column: str | None = None,
        lines: bool = False,
    ) -> None:
        """``row`` and ``column`` say where in the file; in a text file (``lines``) they are
        the line and the key, and are named so."""
        super().__init__(text)
        self.file = file
        self.row = row
        self.column = column
        self.lines = lines

    def location(self, lang: str) -> str:
        parts = [shown(self.file, 2 * QUOTE_LIMIT)]
        if self.row is not None:
            word = ("line" if self.lines else "row") if lang == "en" else "baris"
            parts.append(f"{word} {self.row}")
        if self.column is not None:
            word = (
                ("key" if self.lines else "column")
                if lang == "en"
                else ("kunci" if self.lines else "kolom")
            )
            parts.append(f"{word} '{shown(self.column)}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        lang = current_language()
        return one_line(f"{self.location(lang)}: {self.text.in_language(lang)}")


class StorageError(JuryError):
    """A file or folder that cannot be written or read: which one, and what to do."""


_OS_REASONS: dict[int, Text] = {
    errno.ENOSPC: Text("disk penuh", "the disk is full"),
    errno.EDQUOT: Text("kuota disk habis", "the disk quota is used up"),
    errno.EROFS: Text("media hanya-baca", "the medium is read-only"),
    errno.EACCES: Text("tidak ada izin", "permission denied"),
    errno.EPERM: Text("tidak diizinkan", "not permitted"),
    errno.ENOENT: Text("tidak ditemukan", "not found"),
    errno.ENOTDIR: Text("bagian jalurnya bukan folder", "a part of the path is not a folder"),
    errno.EISDIR: Text("ini sebuah folder", "it is a folder"),
    errno.EEXIST: Text("sudah ada", "it already exists"),
    errno.EIO: Text("kesalahan baca/tulis perangkat", "a device input/output error"),
    errno.ENAMETOOLONG: Text("nama terlalu panjang", "the name is too long"),
    errno.EINVAL: Text("nama atau jalur tidak sah", "the name or path is not valid"),
    errno.EBUSY: Text("sedang dipakai", "it is in use"),
    errno.EFBIG: Text("berkas terlalu besar", "the file is too large"),
}
_OS_ADVICE: dict[int, Text] = {
    errno.ENOSPC: Text(
        "kosongkan ruang disk atau pilih folder di disk lain",
        "free some disk space or choose a folder on another disk",
    ),
    errno.EDQUOT: Text(
        "kosongkan ruang atau pilih folder lain", "free some space or choose another folder"
    ),
    errno.EROFS: Text(
        "pilih folder yang dapat ditulisi (bukan CD atau flashdisk terkunci)",
        "choose a folder that can be written (not a CD or a locked USB stick)",
    ),
    errno.EACCES: Text(
        "pilih folder lain atau tutup berkas itu di program lain",
        "choose another folder or close the file in other programs",
    ),
    errno.EIO: Text(
        "periksa flashdisk atau kabelnya, lalu coba lagi",
        "check the USB stick or its cable, then try again",
    ),
}
_GENERIC_ADVICE = Text("periksa folder itu lalu coba lagi", "check that folder, then try again")


def os_reason(exc: OSError) -> Text:
    """What the system answered, in both languages (its own text is always English)."""
    known = _OS_REASONS.get(exc.errno or 0)
    if known is not None:
        return known
    name = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    return Text(f"kesalahan sistem {name}", f"system error {name}")


def storage_error(exc: OSError, path: object, *, reading: bool = False) -> StorageError:
    """``exc`` as one line naming the file or folder, what went wrong and what to do."""
    advice = _OS_ADVICE.get(exc.errno or 0, _GENERIC_ADVICE)
    if exc.errno == errno.EACCES and reading:
        advice = Text(
            "periksa izin berkas itu atau tutup di program lain",
            "check the file's permissions or close it in other programs",
        )
    where = shown(path, 4 * QUOTE_LIMIT)
    reason = os_reason(exc)
    verb = (
        Text("tidak dapat dibaca", "cannot be read")
        if reading
        else Text("tidak dapat ditulis", "cannot be written")
    )
    return StorageError(
        Text(
            f"{where} {verb.id}: {reason.id}; {advice.id}",
            f"{where} {verb.en}: {reason.en}; {advice.en}",
        )
    )
