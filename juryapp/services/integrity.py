"""Checking that nothing was changed behind the app's back: chain, replay, set-up, seal, keys.

``juryapp audit verify`` and the secretariat's screens run ``IntegrityService.check``. Each
finding is one line. What it catches, and what it cannot (see docs/trust.md):

- the chain: an edited, deleted, inserted or reordered event, a missing or moved head;
- the replay: every sheet's latest recorded state must equal the tables, so a score, note or
  status changed without an event (or an event changed without the tables) is found;
- the set-up: the digest recorded by the last set-up event must equal the set-up now;
- the seal: signed by a known key, content unaltered, sealed audit head still in the chain,
  and, while locked, the database equal to what was sealed (each difference named);
- a printed head (from the signed minutes) that the chain must still hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, or_, select

from juryapp.domain.access import Actor, require_reader
from juryapp.domain.messages import Text, ValidationError
from juryapp.persistence.database import Database
from juryapp.persistence.tables import AuditHeadRow, AuditRow, ConventionRow
from juryapp.services import audit, state
from juryapp.services.seal import Finding, SealInfo, latest_seal, printed_head, seal_findings
from juryapp.services.snapshot import convention_row

MAX_SHEETS_LISTED = 12
BASELINE = "audit.baseline"


@dataclass(frozen=True)
class IntegrityReport:
    events: int
    head: str  # "#1234 · 3f9a…c2e1", as the minutes print it; "" for an empty trail
    head_hash: str
    seal: SealInfo | None
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings


@dataclass(frozen=True)
class AuditEvent:
    """One event as the audit screen and the annex show it."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str
    details: str
    hash: str


class IntegrityService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def check(self, actor: Actor, *, printed: str | None = None) -> IntegrityReport:
        """Every check at once; ``printed`` is a head read off signed minutes, if any."""
        require_reader(actor)
        with self._db.reading() as session:
            connection = session.connection()
            findings, events, head = check_trail(connection)
            findings += seal_findings(connection)
            if printed:
                findings += _printed_head_findings(connection, printed)
            seal = latest_seal(connection)
        return IntegrityReport(
            events=events,
            head=printed_head(head[0], head[1]) if head else "",
            head_hash=head[1] if head else "",
            seal=seal,
            findings=tuple(findings),
        )

    def export(self, actor: Actor, path: Path, *, lang: str = "id") -> int:
        """Write the trail to ``path``: a table (.csv, .xlsx) or a readable annex (.pdf)."""
        from juryapp.interchange.files import write_atomically  # noqa: PLC0415

        report = self.check(actor)
        events = self.events(actor)
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            from juryapp.reports.audit_annex import (  # noqa: PLC0415
                AnnexEvent,
                AuditAnnex,
                render_audit_annex,
            )

            with self._db.reading() as session:
                name = convention_row(session).name
            annex = AuditAnnex(
                convention=name,
                head=report.head,
                head_hash=report.head_hash,
                findings=tuple(str(f.text.in_language(lang)) for f in report.findings),
                events=[AnnexEvent(**vars(e)) for e in events],
                lang=lang,
            )
            write_atomically(path, render_audit_annex(annex))
        elif suffix in (".csv", ".xlsx"):
            from juryapp.interchange.tabular import write_table  # noqa: PLC0415

            write_table(
                path,
                ["seq", "at", "actor", "action", "subject", "details", "hash"],
                ([e.seq, e.at, e.actor, e.action, e.subject, e.details, e.hash] for e in events),
            )
        else:
            raise ValidationError(
                Text(
                    "{f}: pilih nama berkas berakhiran .csv, .xlsx atau .pdf",
                    "{f}: choose a file name ending in .csv, .xlsx or .pdf",
                ).format(f=path.name)
            )
        return len(events)

    def events(self, actor: Actor, *, since: int = 0, limit: int | None = None) -> list[AuditEvent]:
        """The trail, oldest first, for the audit screen and the annex."""
        require_reader(actor)
        query = select(AuditRow).where(AuditRow.seq > since).order_by(AuditRow.seq)
        if limit is not None:
            query = query.limit(limit)
        with self._db.reading() as session:
            return [
                AuditEvent(
                    r.seq,
                    r.at.isoformat(sep=" ", timespec="seconds"),
                    r.actor,
                    r.action,
                    r.subject,
                    r.details,
                    r.hash,
                )
                for r in session.scalars(query)
            ]


def check_trail(connection: Connection) -> tuple[list[Finding], int, tuple[int, str] | None]:
    """Chain, replay and set-up findings, the number of events and the chain's head."""
    stored_head = connection.execute(
        select(AuditHeadRow.seq, AuditHeadRow.hash, AuditHeadRow.format).where(AuditHeadRow.id == 1)
    ).first()
    walk = _Walk(replayable=stored_head is None or stored_head[2] >= 2)
    for event in _events(connection):
        walk.step(*event)
    findings = walk.findings
    head = walk.head
    has_convention = connection.execute(select(ConventionRow.id).limit(1)).first() is not None
    findings += _start_and_head_findings(
        has_convention,
        walk.count,
        walk.first_action,
        None if stored_head is None else (stored_head[0], stored_head[1]),
        None if walk.broken else head,
    )
    if not has_convention:
        return findings, walk.count, head
    if walk.replayable:
        findings += _replay_findings(walk.projected, state.sheet_states(connection))
    elif walk.recorded_state:
        findings.append(_finding(
            "replay", "kepala jejak audit menyebut jejak ini dibuat versi lama, padahal "
            "peristiwanya mencatat keadaan seperti versi ini: kepala diubah di luar aplikasi",
            "the audit head says this trail was made by an older version, yet its events "
            "record the state as this version does: the head was changed outside the app",
        ))  # fmt: skip
    else:
        findings.append(_finding(
            "replay", "jejak audit ini dibuat versi lama dan belum punya titik awal pemutaran "
            "ulang; buka basis data dengan aplikasi ini sekali", "this audit trail was made by "
            "an older version and has no replay baseline yet; open the database in the app once",
        ))  # fmt: skip
    if walk.last_setup is not None and walk.last_setup[1] != state.setup_digest(connection):
        findings.append(_finding(
            "setup", "pengaturan (nama, rubrik, tim, juri, kunci, status kunci) berbeda dari "
            "perubahan tercatat terakhir (#{n}): diubah tanpa tercatat", "the set-up (names, "
            "rubric, teams, judges, keys, lock state) differs from the last recorded change "
            "(#{n}): it was changed without a record", n=walk.last_setup[0],
        ))  # fmt: skip
    if walk.last_sealed_keys is not None and walk.last_sealed_keys[1] != state.sealed_keys_digest(
        connection
    ):
        findings.append(_finding(
            "key", "bagian rahasia kunci tanda tangan yang tersegel berbeda dari perubahan "
            "tercatat terakhir (#{n}): diganti tanpa tercatat, mis. dikembalikan dari salinan "
            "lama dengan frasa sandi lama", "the signing key's sealed private half differs "
            "from the last recorded change (#{n}): replaced without a record, e.g. put back "
            "from an older copy that opens with an earlier passphrase",
            n=walk.last_sealed_keys[0],
        ))  # fmt: skip
    if walk.last_accounts is not None and walk.last_accounts[1] != state.accounts_digest(
        connection
    ):
        findings.append(_finding(
            "accounts", "akun pengguna berbeda dari perubahan tercatat terakhir (#{n}): akun "
            "ditambah atau diubah tanpa tercatat", "the user accounts differ from the last "
            "recorded change (#{n}): an account was added or changed without a record",
            n=walk.last_accounts[0],
        ))  # fmt: skip
    return findings, walk.count, head


class _Walk:
    """One pass over the trail: the chain's hashes, and the state each event leaves behind."""

    def __init__(self, *, replayable: bool) -> None:
        self.findings: list[Finding] = []
        self.replayable = replayable
        self.prev, self.expected, self.count = audit.GENESIS, 1, 0
        self.broken = False
        self.first_action: str | None = None
        self.projected: dict[str, Any] = {}
        self.last_setup: tuple[int, str] | None = None
        self.last_accounts: tuple[int, str] | None = None
        self.last_sealed_keys: tuple[int, str] | None = None
        self.account_rows: dict[str, Any] | None = None
        self.recorded_state = False  # an event records state: made by a replaying version

    @property
    def head(self) -> tuple[int, str] | None:
        return (self.expected - 1, self.prev) if self.count else None

    def step(
        self,
        seq: int,
        at: datetime,
        actor: str,
        action: str,
        subject: str,
        details: str,
        prev_hash: str,
        digest: str,
    ) -> None:
        if not self.broken:
            computed = audit.digest_of(self.prev, seq, at, actor, action, subject, details)
            if seq != self.expected or prev_hash != self.prev or digest != computed:
                self.findings.append(_finding(
                    "chain", "jejak audit rusak pada peristiwa #{n}: diubah, dihapus, disisipkan "
                    "atau diurutkan ulang", "the audit trail breaks at event #{n}: edited, "
                    "deleted, inserted or reordered", n=self.expected,
                ))  # fmt: skip
                self.broken = True
            self.prev, self.expected = digest, self.expected + 1
        self.first_action = self.first_action or action
        self.count += 1
        try:
            body = json.loads(details)
        except ValueError:
            return
        self.recorded_state = self.recorded_state or not audit.RECORDED_STATE.isdisjoint(body)
        self._replay(seq, action, subject, body)

    def _replay(self, seq: int, action: str, subject: str, body: dict[str, Any]) -> None:
        if action == BASELINE:
            self.projected = dict(body.get("sheets", {}))
            self.replayable = True
        elif "sheets" in body:
            self.projected.update(body["sheets"])
        if "criteria" in body:  # a criterion removed from the rubric takes its scores along
            kept = set(body["criteria"])
            for sheet in self.projected.values():
                sheet["scores"] = {c: v for c, v in sheet.get("scores", {}).items() if c in kept}
        if "setup" in body:
            self.last_setup = (seq, body["setup"])
        if "sealed_keys" in body:
            self.last_sealed_keys = (seq, body["sealed_keys"])
        if "accounts" in body:
            self.last_accounts = (seq, body["accounts"])
        rows = body.get(audit.ACCOUNT_ROWS)
        if isinstance(rows, dict):
            self._check_accounts(seq, action, subject, rows)

    def _check_accounts(self, seq: int, action: str, subject: str, rows: dict[str, Any]) -> None:
        """An event about one account may add or change that account alone: any other one
        added or changed since the previous accounts event was changed without a record
        (by then, the sign-in of a changed account is refused)."""
        earlier, self.account_rows = self.account_rows, rows
        if earlier is None or action in audit.ACCOUNTS_FROM_ELSEWHERE:
            return
        for username, digest in sorted(rows.items()):
            if username != subject and earlier.get(username) != digest:
                self.findings.append(_finding(
                    ACCOUNT_HISTORY, "akun '{u}' ditambah atau diubah tanpa tercatat sebelum "
                    "peristiwa #{n}", "account '{u}' was added or changed without a record "
                    "before event #{n}", u=username, n=seq,
                ))  # fmt: skip


def _start_and_head_findings(
    has_convention: bool,
    count: int,
    first_action: str | None,
    stored_head: tuple[int, str] | None,
    walked_head: tuple[int, str] | None,
) -> list[Finding]:
    findings: list[Finding] = []
    if has_convention and count == 0:
        findings.append(_finding(
            "chain", "jejak audit kosong padahal konvensi ada: jejak itu dihapus",
            "the audit trail is empty although the convention exists: it was wiped",
        ))  # fmt: skip
    elif has_convention and first_action not in ("account.create", "convention.create"):
        findings.append(_finding(
            "chain", "jejak audit tidak dimulai dengan pembuatan akun atau konvensi: awalnya "
            "dipotong", "the audit trail does not start with the first account or the "
            "convention's creation: it was cut",
        ))  # fmt: skip
    if stored_head is None and count:
        findings.append(_finding(
            "chain", "kepala jejak audit hilang", "the audit trail's head record is missing",
        ))  # fmt: skip
    elif stored_head is not None and walked_head is not None and stored_head != walked_head:
        findings.append(_finding(
            "chain", "kepala jejak audit tidak cocok dengan peristiwa terakhir (#{s}): peristiwa "
            "terakhir dihapus atau kepala dipindah", "the audit trail's head does not match its "
            "last event (#{s}): events were deleted at the end or the head was moved",
            s=stored_head[0],
        ))  # fmt: skip
    return findings


def _events(connection: Connection) -> Iterator[tuple[Any, ...]]:
    # yield_per for this statement only: set on the connection, it would stay for the rest
    # of the caller's transaction (a lock's writes would then go through a server cursor)
    rows = connection.execute(
        select(
            AuditRow.seq,
            AuditRow.at,
            AuditRow.actor,
            AuditRow.action,
            AuditRow.subject,
            AuditRow.details,
            AuditRow.prev_hash,
            AuditRow.hash,
        ).order_by(AuditRow.seq),
        execution_options={"yield_per": 2000},
    )
    yield from rows


def _replay_findings(projected: dict[str, Any], tables: dict[str, Any]) -> list[Finding]:
    differing = sorted(k for k in set(projected) | set(tables) if projected.get(k) != tables.get(k))
    findings = [_sheet_difference(key, projected.get(key), tables.get(key)) for key in differing]
    if len(findings) > MAX_SHEETS_LISTED:
        more = len(findings) - MAX_SHEETS_LISTED
        findings = findings[:MAX_SHEETS_LISTED]
        findings.append(_finding(
            "replay", "… dan {n} lembar lain berbeda dari jejak audit",
            "… and {n} more sheets differ from the audit trail", n=more,
        ))  # fmt: skip
    return findings


def _sheet_difference(key: str, recorded: Any, stored: Any) -> Finding:
    if recorded is None:
        return _finding(
            "replay", "lembar {k} ada di tabel tetapi tidak pernah tercatat di jejak audit",
            "sheet {k} is in the tables but was never recorded in the audit trail", k=key,
        )  # fmt: skip
    if stored is None:
        return _finding(
            "replay", "lembar {k} tercatat di jejak audit tetapi hilang dari tabel",
            "sheet {k} is recorded in the audit trail but missing from the tables", k=key,
        )  # fmt: skip
    for code in sorted(set(recorded["scores"]) | set(stored["scores"])):
        was, now = recorded["scores"].get(code), stored["scores"].get(code)
        if was != now:
            return _finding(
                "replay", "lembar {k}, {c}: tabel berisi {b}, jejak audit {a} — diubah tanpa "
                "tercatat", "sheet {k}, {c}: the table holds {b}, the audit trail {a} — "
                "changed without a record", k=key, c=code, a=_score(was), b=_score(now),
            )  # fmt: skip
    fields = [f for f in ("status", "abstained", "reason", "note") if recorded[f] != stored[f]]
    return _finding(
        "replay", "lembar {k}: {f} berbeda dari jejak audit — diubah tanpa tercatat",
        "sheet {k}: {f} differs from the audit trail — changed without a record",
        k=key, f=", ".join(fields),
    )  # fmt: skip


def _score(entry: Any) -> str:
    if entry is None:
        return "—"
    value, note = entry
    shown = "—" if value is None else str(value)
    return f"{shown} ({note[:20]})" if note else shown


def _printed_head_findings(connection: Connection, printed: str) -> list[Finding]:
    """A head as printed ("#1234 · 3f9a…c2e1") or in full ("1234:<64 hex>") must be in the chain."""
    text = printed.strip().lstrip("#")
    seq_text, _, rest = text.replace("·", ":").replace(" ", "").partition(":")
    wrong = _finding(
        "anchor", "'{p}' bukan kepala jejak audit (mis. #1234 · 3f9a…c2e1)",
        "'{p}' is not an audit head (e.g. #1234 · 3f9a…c2e1)", p=printed[:60],
    )  # fmt: skip
    if not seq_text.isdigit() or not rest:
        return [wrong]
    digest = connection.execute(select(AuditRow.hash).where(AuditRow.seq == int(seq_text))).scalar()
    start, _, end = rest.partition("…")
    matches = digest is not None and (
        digest == rest if not end else digest.startswith(start) and digest.endswith(end)
    )
    if matches:
        return []
    return [_finding(
        "anchor", "jejak audit tidak memuat kepala tercetak {p}: jejak sebelum titik itu ditulis "
        "ulang", "the audit trail does not hold the printed head {p}: what came before it was "
        "rewritten", p=printed.strip(),
    )]  # fmt: skip


def ensure_baseline(database: Database) -> bool:
    """Give a trail begun by an older version a replay baseline; True if one was written.

    Never over a trail whose events already record state (a version that replays wrote
    them): a head marked older by hand would otherwise have the tables as they now are,
    changed or not, taken as the replay's start. The check names it instead."""
    with database.writing() as session:
        connection = session.connection()
        head = connection.execute(
            select(AuditHeadRow.format).where(AuditHeadRow.id == 1).with_for_update()
        ).scalar()
        if head is None or head >= 2 or _records_state(connection):
            return False
        audit.append(
            connection,
            "juryapp",
            BASELINE,
            "",
            sheets=state.sheet_states(connection),
            setup=state.setup_digest(connection),
            criteria=state.criterion_codes(connection),
        )
        connection.execute(
            AuditHeadRow.__table__.update().where(AuditHeadRow.id == 1).values(format=2)  # type: ignore[attr-defined]
        )
        return True


def _records_state(connection: Connection) -> bool:
    details = AuditRow.__table__.c.details
    recorded = or_(*(details.like(f'%"{key}":%') for key in sorted(audit.RECORDED_STATE)))
    return connection.execute(select(details).where(recorded).limit(1)).first() is not None


# The kind of finding about an account changed, in the past, outside an event about it: kept
# apart from the findings about the tables as they are now, which refuse a lock.
ACCOUNT_HISTORY = "account_history"


def _finding(kind: str, indonesian: str, english: str, **values: object) -> Finding:
    return Finding(kind, Text(indonesian, english).format(**values))
