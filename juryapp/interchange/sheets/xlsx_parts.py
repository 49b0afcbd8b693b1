"""The parts of an XLSX package around its sheet: zip checks, workbook, strings, styles."""

from __future__ import annotations

import lzma
import posixpath
import re
import zipfile
import zlib
from datetime import datetime
from typing import NoReturn
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

from juryapp.domain.messages import FileProblemError
from juryapp.interchange.sheets.common import (
    MAX_PACKING_RATIO,
    MAX_SMALL_PART,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_ENTRIES,
    RATIO_APPLIES_FROM,
    size_text,
)
from juryapp.interchange.sheets.texts import (
    BOMB_ENTRIES,
    BOMB_RATIO,
    BOMB_TOTAL,
    DAMAGED,
    DTD,
    NO_SHEET,
)

_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_RELATION_ID_ATTRIBUTES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships id",
    "http://purl.oclc.org/ooxml/officeDocument/relationships id",
)
ROW, CELL, VALUE, INLINE, TEXT, PHONETIC, STRING_ITEM, FORMULA = range(8)
SHEET_TAGS: dict[str, int] = {}
for _namespace in (*_MAIN_NAMESPACES, ""):
    for _local, _code in (
        ("row", ROW),
        ("c", CELL),
        ("v", VALUE),
        ("is", INLINE),
        ("t", TEXT),
        ("rPh", PHONETIC),
        ("si", STRING_ITEM),
        ("f", FORMULA),
    ):
        SHEET_TAGS[f"{_namespace} {_local}".lstrip()] = _code
DATE, DURATION = 1, 2
_ESCAPED_CHARACTER = re.compile(r"_x([0-9A-Fa-f]{4})_")
# The "_xHHHH_" form is how Excel stores characters XML cannot hold (and CR, which XML
# readers would turn into LF); a literal "_x0041_" is itself escaped as "_x005F_x0041_".
NEEDS_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
BROKEN_XLSX = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    expat.ExpatError,
    NotImplementedError,
    RuntimeError,
)


def unescape(text: str) -> str:
    return _ESCAPED_CHARACTER.sub(lambda match: chr(int(match[1], 16)), text)


def damaged(file: str) -> NoReturn:
    raise FileProblemError(DAMAGED, file=file)


def check_unpacked_sizes(archive: zipfile.ZipFile, file: str) -> None:
    """Refuse zip bombs from the directory alone, before anything is unpacked.

    The sizes in the directory can be trusted: zipfile never returns more bytes than an entry
    declares and fails its CRC check when the data would have been longer.
    """
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise FileProblemError(BOMB_ENTRIES.format(count=len(entries)), file=file)
    total = 0
    for entry in entries:
        total += entry.file_size
        packed = max(entry.compress_size, 1)
        if entry.file_size > RATIO_APPLIES_FROM and entry.file_size > MAX_PACKING_RATIO * packed:
            text = BOMB_RATIO.format(
                part=entry.filename, size=size_text(entry.file_size), packed=size_text(packed)
            )
            raise FileProblemError(text, file=file)
    if total > MAX_UNPACKED_BYTES:
        text = BOMB_TOTAL.format(size=size_text(total), limit=size_text(MAX_UNPACKED_BYTES))
        raise FileProblemError(text, file=file)


def part_info(archive: zipfile.ZipFile, name: str, file: str) -> zipfile.ZipInfo:
    try:
        return archive.getinfo(name)
    except KeyError:
        damaged(file)


def hardened_parser(file: str) -> expat.XMLParserType:
    """An expat parser with defusedxml's rules: no DTD, hence no entities to expand or fetch.

    The parts are parsed with expat directly because the sheet has to stream quickly; the
    handlers below refuse what defusedxml refuses.
    """
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_args: object) -> NoReturn:
        raise FileProblemError(DTD, file=file)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    return parser


def _part_elements(
    archive: zipfile.ZipFile, name: str, file: str
) -> list[tuple[bool, str, dict[str, str]]]:
    """(is start, local name, attributes) of each element of a small part, in document order."""
    member = part_info(archive, name, file)
    if member.file_size > MAX_SMALL_PART:
        damaged(file)
    events: list[tuple[bool, str, dict[str, str]]] = []
    no_attributes: dict[str, str] = {}

    def start(tag: str, attributes: dict[str, str]) -> None:
        events.append((True, tag.rpartition(" ")[2], attributes))

    def end(tag: str) -> None:
        events.append((False, tag.rpartition(" ")[2], no_attributes))

    parser = hardened_parser(file)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(archive.read(member), True)
    return events


def _relationships(archive: zipfile.ZipFile, source: str, file: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, part name) for the part ``source`` ("" for the package)."""
    folder, base = posixpath.split(source)
    related: dict[str, tuple[str, str]] = {}
    for is_start, tag, attributes in _part_elements(
        archive, posixpath.join(folder, "_rels", f"{base}.rels"), file
    ):
        if not is_start or tag != "Relationship" or attributes.get("TargetMode") == "External":
            continue
        target = attributes.get("Target", "")
        if target.startswith("/"):
            name = target.lstrip("/")
        else:
            name = posixpath.normpath(posixpath.join(folder, target))
        related[attributes.get("Id", "")] = (attributes.get("Type", ""), name)
    return related


def workbook_parts(
    archive: zipfile.ZipFile, file: str
) -> tuple[str, datetime, str | None, str | None]:
    """The sheet to read, the date epoch, and the shared-strings and styles parts if any."""
    workbook = next(
        (
            name
            for kind, name in _relationships(archive, "", file).values()
            if kind.endswith("/officeDocument")
        ),
        None,
    )
    if workbook is None:
        damaged(file)
    related = _relationships(archive, workbook, file)
    epoch = WINDOWS_EPOCH
    sheets: list[tuple[bool, str]] = []
    for is_start, tag, attributes in _part_elements(archive, workbook, file):
        if not is_start:
            continue
        if tag == "workbookPr" and attributes.get("date1904", "").lower() in ("1", "true"):
            epoch = MAC_EPOCH
        elif tag == "sheet":
            relation = next(
                (attributes[key] for key in _RELATION_ID_ATTRIBUTES if key in attributes), ""
            )
            kind, name = related.get(relation, ("", ""))
            if kind.endswith("/worksheet"):
                sheets.append((attributes.get("state", "visible") == "visible", name))
    if not sheets:
        raise FileProblemError(NO_SHEET, file=file)
    sheet = next((name for visible, name in sheets if visible), sheets[0][1])
    shared = next((n for k, n in related.values() if k.endswith("/sharedStrings")), None)
    styles = next((n for k, n in related.values() if k.endswith("/styles")), None)
    return sheet, epoch, shared, styles


def shared_strings(archive: zipfile.ZipFile, name: str, file: str) -> list[str]:
    """The workbook's shared strings in order; phonetic guides (``rPh``) are left out."""
    strings: list[str] = []
    pieces: list[str] = []
    collecting = phonetic = False

    def start(tag: str, _attributes: dict[str, str]) -> None:
        nonlocal collecting, phonetic
        code = SHEET_TAGS.get(tag)
        if code == TEXT:
            collecting = not phonetic
        elif code == STRING_ITEM:
            pieces.clear()
        elif code == PHONETIC:
            phonetic = True

    def end(tag: str) -> None:
        nonlocal collecting, phonetic
        code = SHEET_TAGS.get(tag)
        if code == TEXT:
            collecting = False
        elif code == STRING_ITEM:
            text = "".join(pieces)
            strings.append(unescape(text) if "_x" in text else text)
        elif code == PHONETIC:
            phonetic = False

    def characters(data: str) -> None:
        if collecting:
            pieces.append(data)

    parser = hardened_parser(file)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    with archive.open(part_info(archive, name, file)) as stream:
        parser.ParseFile(stream)
    return strings


def style_kinds(archive: zipfile.ZipFile, name: str, file: str) -> dict[str, int]:
    """Cell style index (as written in ``s="…"``) → date or duration, for styles showing one."""
    custom: dict[int, str] = {}
    cell_formats: list[int] = []
    in_formats = in_cell_styles = False
    try:
        for is_start, tag, attributes in _part_elements(archive, name, file):
            if tag == "numFmts":
                in_formats = is_start
            elif tag == "cellXfs":
                in_cell_styles = is_start
            elif is_start and tag == "numFmt" and in_formats:
                custom[int(attributes["numFmtId"])] = attributes.get("formatCode", "")
            elif is_start and tag == "xf" and in_cell_styles:
                cell_formats.append(int(attributes.get("numFmtId", "0")))
    except (KeyError, ValueError):
        damaged(file)
    kinds: dict[str, int] = {}
    for index, format_id in enumerate(cell_formats):
        code = custom.get(format_id) or BUILTIN_FORMATS.get(format_id)
        if code is None:
            continue
        if is_timedelta_format(code):
            kinds[str(index)] = DURATION
        elif is_date_format(code):
            kinds[str(index)] = DATE
    return kinds
