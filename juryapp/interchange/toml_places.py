"""Finding the line and key of a problem in a TOML file, for messages that point at it."""

from __future__ import annotations

import re

MAX_NESTING = 16  # arrays and inline tables inside each other; a convention file needs 3
MAX_DIGITS = 4300  # Python reads no longer integer (and no convention needs one)

_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]#]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_MARK = re.compile(rf'"""|\'\'\'|[\'"#\n\[\]{{}}=]|\d[\d_]{{{MAX_DIGITS},}}')


def key_on_line(text: str, line: int) -> str | None:
    """The key a line sets, or the table its header opens."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    header = _HEADER.match(lines[line - 1])
    if header is not None:
        return header[2]
    key = _KEY.match(lines[line - 1])
    return key[1].strip() if key is not None else None


def decode_error_place(message: str, text: str) -> tuple[int | None, str | None]:
    """The line and key a ``tomllib.TOMLDecodeError`` points at (its message is English)."""
    found = _AT.search(message)
    if found is None:  # "at end of document"
        line = text.count("\n") + 1
        return line, None
    line = int(found[1])
    return line, key_on_line(text, line)


def first_bomb(text: str) -> tuple[str, int, str | None] | None:
    """("nesting" or "digits", line, key) of the first value nested deeper than
    ``MAX_NESTING`` or with more than ``MAX_DIGITS`` digits, skipping strings and comments."""
    depth = 0
    line = 1
    line_start = 0
    key: str | None = None
    position = 0
    while (match := _MARK.search(text, position)) is not None:
        mark, position = match.group(), match.end()
        if mark == "\n":
            line += 1
            line_start = position
        elif mark in ("[", "{"):
            depth += 1
            if depth > MAX_NESTING:
                return ("nesting", line, key)
        elif mark in ("]", "}"):
            depth = max(0, depth - 1)
        elif mark == "=":
            if depth == 0:
                key = text[line_start : match.start()].strip() or key
        elif mark == "#":
            end = text.find("\n", position)
            position = len(text) if end < 0 else end
        elif mark in ('"""', "'''", '"', "'"):
            end = _string_end(text, position, mark)
            line += text.count("\n", position, end)
            position = end
        else:
            return ("digits", line, key)
    return None


def _string_end(text: str, start: int, quote: str) -> int:
    position = start
    while True:
        end = text.find(quote, position)
        if end < 0:
            return len(text)
        if quote in ('"', '"""') and _escaped(text, end):
            position = end + 1
            continue
        return end + len(quote)


def _escaped(text: str, index: int) -> bool:
    slashes = 0
    while index - slashes - 1 >= 0 and text[index - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def line_of(text: str, where: str) -> int | None:
    """The line of a place such as ``teams[3].category`` (or of its table when the key is
    missing there), as ``[[teams]]`` headers and ``key = value`` lines place it."""
    tables: dict[str, int] = {}  # array-of-tables path -> how many seen so far
    current = ""
    best: tuple[int, int] | None = None  # (how much of ``where`` it matches, line)
    for number, raw in enumerate(text.splitlines(), 1):
        header = _HEADER.match(raw)
        if header is not None:
            current = _table_path(header[1] == "[[", header[2], tables, current)
            best = _better(best, where, current, number)
            continue
        key = _KEY.match(raw)
        if key is not None:
            name = key[1].strip().strip("\"'")
            best = _better(best, where, f"{current}.{name}".lstrip("."), number)
    return best[1] if best is not None else None


def _table_path(array: bool, name: str, tables: dict[str, int], current: str) -> str:
    parts = [p.strip().strip("\"'") for p in name.split(".")]
    path = ""
    for index, part in enumerate(parts):
        plain = f"{_plain(path)}.{part}".lstrip(".")
        last = index == len(parts) - 1
        if last and array:
            tables[plain] = tables.get(plain, 0) + 1
            # a new element: forget the counts of arrays nested in the previous one
            for other in [k for k in tables if k.startswith(plain + ".")]:
                del tables[other]
        count = tables.get(plain)
        path = f"{path}.{part}".lstrip(".") + (f"[{count}]" if count else "")
    return path


def _plain(path: str) -> str:
    return re.sub(r"\[\d+\]", "", path)


def _better(
    best: tuple[int, int] | None, where: str, here: str, line: int
) -> tuple[int, int] | None:
    if where == here or where.startswith(here + ".") or where.startswith(here + "["):
        score = len(here)
        if best is None or score > best[0]:
            return (score, line)
    return best
