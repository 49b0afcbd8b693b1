"""Bilingual texts and the error types a person can act on (Indonesian first, English second)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGUAGES = ("id", "en")
_current = {"lang": "id"}


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
        return Text(self.id.format(**values), self.en.format(**values))

    def in_language(self, lang: str) -> str:
        return self.en if lang == "en" else self.id

    def __str__(self) -> str:
        return self.in_language(current_language())


class JuryError(Exception):
    """Base of every error juryapp reports to a person instead of a traceback."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.id)
        self.text = text

    def __str__(self) -> str:
        return str(self.text)


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
        self, text: Text, *, file: str, row: int | None = None, column: str | None = None
    ) -> None:
        super().__init__(text)
        self.file = file
        self.row = row
        self.column = column

    def location(self, lang: str) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"{'row' if lang == 'en' else 'baris'} {self.row}")
        if self.column is not None:
            parts.append(f"{'column' if lang == 'en' else 'kolom'} '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        lang = current_language()
        return f"{self.location(lang)}: {self.text.in_language(lang)}"
