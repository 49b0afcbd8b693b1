"""Names of files built from data (codes, names), valid everywhere and kept in their folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from juryapp.domain.messages import FileProblemError, Text

MAX_NAME = 120  # characters; well inside every file system's limit, suffix included
# Names Windows keeps for devices, with or without a suffix ("NUL.pdf" is the device too).
WINDOWS_RESERVED = frozenset(
    (
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        *(f"{port}{n}" for port in ("COM", "LPT") for n in "123456789¹²³"),
    )
)  # fmt: skip
# Separators, what Windows forbids, control characters and lone surrogates (not encodable).
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\ud800-\udfff]')


def safe_file_name(name: str) -> str:
    """``name`` made a single file name that Windows, macOS and Linux all accept.

    Separators and forbidden characters become ``_``; a leading dot (a hidden file, or
    ``..``) and the trailing dots and spaces Windows would drop are replaced; a device name
    such as ``CON`` or ``nul.pdf`` gets a leading ``_``; an overlong name is shortened
    before its suffix.
    """
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip()
    cleaned = cleaned.rstrip(". ")
    if cleaned.startswith("."):
        cleaned = "_" + cleaned[1:]
    if cleaned.split(".", 1)[0].rstrip(" ").upper() in WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    if len(cleaned) > MAX_NAME:
        stem, dot, suffix = cleaned.rpartition(".")
        if dot and 0 < len(suffix) <= 10:
            cleaned = stem[: MAX_NAME - len(suffix) - 1].rstrip(". ") + "." + suffix
        else:
            cleaned = cleaned[:MAX_NAME].rstrip(". ")
    return cleaned or "_"


def output_path(folder: Path, name: str) -> Path:
    """Where a file named from data goes in ``folder``: its safe name, checked to be there.

    The check also follows links, so a file of that name planted as a link to elsewhere is
    refused rather than written through.
    """
    path = folder / safe_file_name(name)
    if path.resolve().parent != folder.resolve():
        raise FileProblemError(
            Text(
                "nama berkas ini akan menulis di luar folder {f}; tidak ada yang ditulis",
                "this file name would write outside the folder {f}; nothing was written",
            ).format(f=folder.name),
            file=path.name,
        )
    return path
