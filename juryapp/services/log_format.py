"""A judge's signed log as bytes: events, score bundles and receipts (see docs/score-bundle.md).

No database here: what an event says, how it is signed and chained, and how a bundle file is
written and read back, refusing anything damaged, altered or truncated with one line.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple, NoReturn

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from juryapp.domain.commands import Channel, Command, Origin, SetNote, SetScore, Submit
from juryapp.domain.messages import FileProblemError, Text
from juryapp.reports.fingerprint import fingerprint_of_public_key

BUNDLE_MAGIC = "juryapp-score-bundle"
BUNDLE_VERSION = 1
EVENT_FORMAT = 1
GENESIS = "0" * 64
SIGNATURE_BYTES = 64
_SIGNATURE_B64 = 88
KINDS = ("score", "note", "submit")
MAX_BUNDLE_BYTES = 64 << 20  # 64 MiB: some 200,000 events; anything larger is not a bundle


class LogEvent(NamedTuple):
    """One signed event: ``body`` is exactly what was signed, kept byte for byte.

    A named tuple rather than a frozen dataclass: a merge reads 200,000 of them.
    """

    judge: str
    seq: int
    prev: str
    body: bytes
    signature: bytes
    hash: str
    command: Command


def event_hash(body: bytes, signature: bytes) -> str:
    """What the next event names as its predecessor: it covers the signature as well, so the
    chain ending in one signed event vouches for every earlier event and signature."""
    return hashlib.sha256(body + signature).hexdigest()


def event_body(convention: str, judge: str, seq: int, prev: str, command: Command) -> bytes:
    """The canonical bytes of one event (sorted keys, no spaces, UTF-8)."""
    fields: dict[str, Any] = {
        "format": EVENT_FORMAT,
        "convention": convention,
        "judge": judge,
        "seq": seq,
        "prev": prev,
        "team": command.team,
        "at": command.at.isoformat(timespec="seconds") if command.at else None,
    }
    if isinstance(command, SetScore):
        fields |= {
            "kind": "score",
            "criterion": command.criterion,
            "value": None if command.value is None else str(command.value),
            "note": command.note,
        }
    elif isinstance(command, SetNote):
        fields |= {"kind": "note", "note": command.note}
    elif isinstance(command, Submit):
        fields["kind"] = "submit"
    else:  # an abstention is the secretariat's decision, never in a judge's log
        raise ValueError(f"{type(command).__name__} is not an event of a judge's log")
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign_event(
    key: Ed25519PrivateKey, convention: str, judge: str, seq: int, prev: str, command: Command
) -> LogEvent:
    body = event_body(convention, judge, seq, prev, command)
    signature = key.sign(body)
    return LogEvent(judge, seq, prev, body, signature, event_hash(body, signature), command)


class BadEventError(ValueError):
    """An event whose bytes are not an event of this format."""


_DECODE = json.JSONDecoder().decode
_FROM_LOG = Origin(Channel.LOG)  # the event's number is the LogEvent's


def read_event(body: bytes, signature: bytes) -> tuple[dict[str, Any], LogEvent]:
    """The fields and the event of stored or received bytes (the signature is not checked)."""
    try:
        fields = _DECODE(body.decode("utf-8"))
        if type(fields) is not dict or fields.get("format") != EVENT_FORMAT:
            raise BadEventError("not an event of format 1")
        judge, seq, prev = fields["judge"], fields["seq"], fields["prev"]
        kind, team = fields["kind"], fields["team"]
        if not (type(judge) is type(team) is type(prev) is type(fields["convention"]) is str):
            raise BadEventError("judge, team or previous hash is not text")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1 or len(prev) != 64:
            raise BadEventError("wrong number or previous hash")
        at = datetime.fromisoformat(fields["at"]) if fields.get("at") else None
        origin = _FROM_LOG
        command: Command
        if kind == "score":
            value = fields["value"]
            note = fields.get("note")
            if value is not None and not isinstance(value, str):
                raise BadEventError("the value is not text")
            if note is not None and not isinstance(note, str):
                raise BadEventError("the note is not text")
            command = SetScore(
                judge,
                team,
                str(fields["criterion"]),
                None if value is None else Decimal(value),
                note,
                at,
                origin,
            )
        elif kind == "note" and isinstance(fields.get("note"), str):
            command = SetNote(judge, team, fields["note"], at, origin)
        elif kind == "submit":
            command = Submit(judge, team, at, origin)
        else:
            raise BadEventError(f"unknown kind {kind!r}")
    except (KeyError, TypeError, ValueError, InvalidOperation, UnicodeDecodeError) as exc:
        if isinstance(exc, BadEventError):
            raise
        raise BadEventError(str(exc) or type(exc).__name__) from None
    if len(signature) != SIGNATURE_BYTES:
        raise BadEventError("the signature has the wrong length")
    return fields, LogEvent(judge, seq, prev, body, signature, event_hash(body, signature), command)


# -- bundles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bundle:
    """A judge's log (whole, or from event ``first`` on) as read from a file and checked."""

    convention: str
    judge: str
    public_key: bytes
    fingerprint: str
    events: tuple[LogEvent, ...]
    sha256: str  # of the whole file, named in the merge's audit event

    @property
    def first(self) -> int:
        return self.events[0].seq if self.events else 0

    @property
    def last(self) -> int:
        return self.events[-1].seq if self.events else 0


def write_bundle(
    convention: str,
    judge: str,
    public_key: bytes,
    events: Sequence[tuple[bytes, bytes]],
) -> bytes:
    """The file's bytes: a version line, a header, one line per event, a checksum line.

    Every byte is accounted for: the header is checked against the key and the events and
    must be in its canonical form, each event line is covered by the chain of hashes up to
    the last event's signature, and the closing line is the SHA-256 of all before it.
    """
    first = json.loads(events[0][0])["seq"] if events else 0
    header = {
        "convention": convention,
        "judge": judge,
        "key": base64.b64encode(public_key).decode(),
        "fingerprint": fingerprint_of_public_key(Ed25519PublicKey.from_public_bytes(public_key)),
        "first": first,
        "count": len(events),
    }
    parts = [
        f"{BUNDLE_MAGIC} {BUNDLE_VERSION}\n".encode(),
        _canonical_json(header),
        b"\n",
    ]
    for body, signature in events:
        parts += [body, b"\t", base64.b64encode(signature), b"\n"]
    content = b"".join(parts)
    return content + b"end " + hashlib.sha256(content).hexdigest().encode() + b"\n"


def read_bundle(data: bytes, file: str) -> Bundle:
    """A bundle checked whole: version, checksum, header, every event's form and its place in
    the chain, and the signature of the last event, which vouches for all the others.

    Raises FileProblemError naming the file (and the line) on the first thing wrong.
    """

    def refuse(
        indonesian: str, english: str, line: int | None = None, **values: object
    ) -> NoReturn:
        raise FileProblemError(Text(indonesian, english).format(**values), file=file, row=line)

    content = _frame(data, refuse)
    lines = content.split(b"\n")[1:-1]  # after the version line, before the closing line
    header = _header(lines[0] if lines else b"", refuse)
    count = header["count"]
    if len(lines) - 1 != count:
        refuse(
            "berisi {n} peristiwa, kepalanya menyebut {c}",
            "holds {n} events where its header says {c}",
            n=len(lines) - 1,
            c=count,
        )
    events: list[LogEvent] = []
    prev: str | None = None
    for number, line in enumerate(lines[1:], start=3):
        body, tab, encoded = line.partition(b"\t")
        try:
            signature = _canonical_b64(encoded) if tab else b""
            fields, event = read_event(body, signature)
        except (BadEventError, binascii.Error) as exc:
            refuse("peristiwa tidak terbaca: {e}", "unreadable event: {e}", number, e=exc)
        if fields["convention"] != header["convention"] or event.judge != header["judge"]:
            refuse(
                "peristiwa milik konvensi atau juri lain dari kepala bundel",
                "the event belongs to another convention or judge than the bundle's header",
                number,
            )
        expected = header["first"] + len(events)
        if event.seq != expected or (prev is not None and event.prev != prev):
            refuse(
                "rantai log terputus di peristiwa #{n}: ada yang dihapus, disisipkan atau diubah",
                "the log's chain breaks at event #{n}: something was removed, inserted or altered",
                number,
                n=expected,
            )
        if event.seq == 1 and event.prev != GENESIS:
            refuse("peristiwa #1 tidak mengawali log", "event #1 does not start the log", number)
        events.append(event)
        prev = event.hash
    public_key = header["key"]
    if events:
        try:
            Ed25519PublicKey.from_public_bytes(public_key).verify(
                events[-1].signature, events[-1].body
            )
        except InvalidSignature:
            refuse(
                "tanda tangan peristiwa terakhir (#{n}) tidak sah untuk kunci {k}",
                "the signature of the last event (#{n}) is not valid for key {k}",
                len(lines) + 1,
                n=events[-1].seq,
                k=header["fingerprint"],
            )
    return Bundle(
        convention=header["convention"],
        judge=header["judge"],
        public_key=public_key,
        fingerprint=header["fingerprint"],
        events=tuple(events),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _frame(data: bytes, refuse: Any) -> bytes:
    """The file's content once its version line and closing checksum are right."""
    if len(data) > MAX_BUNDLE_BYTES:
        refuse("terlalu besar untuk sebuah bundel nilai", "too large to be a score bundle")
    first_line, _, _rest = data.partition(b"\n")
    magic, _, version = first_line.decode("ascii", "replace").partition(" ")
    if magic != BUNDLE_MAGIC:
        refuse("bukan bundel nilai juryapp", "not a juryapp score bundle", 1)
    if version.strip() != str(BUNDLE_VERSION):
        refuse(
            "bundel nilai format versi {v}; aplikasi ini membaca versi {r} — ekspor ulang "
            "dengan versi aplikasi yang sama di kedua laptop",
            "score bundle format version {v}; this app reads version {r} — export it again "
            "with the same version of the app on both laptops",
            1,
            v=version.strip()[:10] or "?",
            r=BUNDLE_VERSION,
        )
    content, end_marker, checksum = data.rpartition(b"end ")
    if not end_marker or not checksum.endswith(b"\n") or not content.endswith(b"\n"):
        refuse(
            "berkas terpotong (baris penutup tidak ada): salin ulang dari laptop juri",
            "the file is cut short (no closing line): copy it again from the judge's laptop",
        )
    if hashlib.sha256(content).hexdigest().encode() != checksum.strip():
        refuse(
            "berkas rusak atau diubah (checksum tidak cocok): salin ulang dari laptop juri",
            "the file is damaged or was altered (its checksum does not match): copy it again "
            "from the judge's laptop",
        )
    return content


def _canonical_b64(text: bytes | str) -> bytes:
    """Base64 in the one form the writer produces (Python accepts others that decode alike)."""
    if isinstance(text, bytes) and len(text) == _SIGNATURE_B64 and text[-2:] == b"==":
        # a 64-byte signature: canonical when the bits after the last byte are zero
        if text[-3:-2] in (b"A", b"Q", b"g", b"w"):
            return binascii.a2b_base64(text, strict_mode=True)
        raise binascii.Error("not canonical base64")
    raw = base64.b64decode(text, validate=True)
    if base64.b64encode(raw) != (text.encode() if isinstance(text, str) else text):
        raise binascii.Error("not canonical base64")
    return raw


def _header(line: bytes, refuse: Any) -> dict[str, Any]:
    try:
        header = json.loads(line)
        if _canonical_json(header) != line:
            raise ValueError("not in canonical form")
        key = _canonical_b64(header["key"])
        public = Ed25519PublicKey.from_public_bytes(key)
        fields: dict[str, Any] = {
            "convention": str(header["convention"]),
            "judge": str(header["judge"]),
            "key": key,
            "fingerprint": str(header["fingerprint"]),
            "first": int(header["first"]),
            "count": int(header["count"]),
        }
    except (KeyError, TypeError, ValueError, binascii.Error):
        refuse("kepala bundel tidak terbaca", "the bundle's header cannot be read", 2)
    if fingerprint_of_public_key(public) != fields["fingerprint"]:
        refuse(
            "sidik jari di kepala bundel bukan sidik jari kuncinya",
            "the fingerprint in the bundle's header is not its key's",
            2,
        )
    if fields["count"] < 0 or (fields["count"] and fields["first"] < 1):
        refuse("kepala bundel tidak masuk akal", "the bundle's header makes no sense", 2)
    return fields


def _canonical_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def verify_event(public_key: bytes, event: LogEvent) -> bool:
    """Whether one stored event's own signature holds (for checks after the merge)."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(event.signature, event.body)
    except InvalidSignature:
        return False
    return True


# -- receipts ----------------------------------------------------------------------------------

RECEIPT_MAGIC = "juryapp-receipt"
RECEIPT_VERSION = 1


@dataclass(frozen=True)
class Receipt:
    """The secretariat's signed word that it holds a judge's log up to event ``seq``."""

    convention: str
    judge: str
    key: str  # the judge key's fingerprint
    seq: int
    hash: str  # of event ``seq``; GENESIS when nothing is held yet
    issued_at: datetime
    missing: tuple[tuple[int, int], ...]  # ranges held back behind a gap
    set_aside: int  # events on a fork branch not taken
    body: bytes
    signature: bytes


def receipt_body(
    convention: str,
    judge: str,
    key: str,
    seq: int,
    digest: str,
    issued_at: datetime,
    missing: Iterable[tuple[int, int]] = (),
    set_aside: int = 0,
) -> bytes:
    fields = {
        "format": RECEIPT_VERSION,
        "convention": convention,
        "judge": judge,
        "key": key,
        "seq": seq,
        "hash": digest,
        "issued_at": issued_at.isoformat(timespec="seconds"),
        "missing": [list(r) for r in missing],
        "set_aside": set_aside,
    }
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def write_receipt(body: bytes, signature: bytes) -> bytes:
    return (
        f"{RECEIPT_MAGIC} {RECEIPT_VERSION}\n".encode()
        + body
        + b"\n"
        + base64.b64encode(signature)
        + b"\n"
    )


def read_receipt(data: bytes, file: str) -> Receipt:
    """A receipt's fields; its signature is checked against the convention key by the caller."""
    try:
        magic, body, signature, *rest = data.split(b"\n")
        if magic != f"{RECEIPT_MAGIC} {RECEIPT_VERSION}".encode() or any(rest):
            raise ValueError("not a receipt of version 1")
        fields = json.loads(body)
        return Receipt(
            convention=str(fields["convention"]),
            judge=str(fields["judge"]),
            key=str(fields["key"]),
            seq=int(fields["seq"]),
            hash=str(fields["hash"]),
            issued_at=datetime.fromisoformat(fields["issued_at"]),
            missing=tuple((int(a), int(b)) for a, b in fields["missing"]),
            set_aside=int(fields["set_aside"]),
            body=body,
            signature=base64.b64decode(signature, validate=True),
        )
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise FileProblemError(
            Text(
                "bukan tanda terima juryapp yang utuh ({e})",
                "not a whole juryapp receipt ({e})",
            ).format(e=exc),
            file=file,
        ) from None
