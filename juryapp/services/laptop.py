"""A judge's own laptop: made from a convention package, every score change appended to the
judge's signed log, the log exported as a bundle, and the secretariat's receipts kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_own_sheet
from juryapp.domain.commands import Abstain, Command
from juryapp.domain.kinds import Role
from juryapp.domain.messages import FileProblemError, NotFoundError, StateError, Text
from juryapp.persistence.database import Database
from juryapp.persistence.tables import (
    ConventionRow,
    JudgeKeyRow,
    JudgeRow,
    LaptopRow,
    LogEventRow,
    ReceiptRow,
    SigningKeyRow,
    UserRow,
)
from juryapp.services import audit
from juryapp.services.convention_package import Package, read_package
from juryapp.services.judge_keys import Signers, is_laptop
from juryapp.services.log_format import GENESIS, read_event, read_receipt, sign_event, write_bundle
from juryapp.services.setup import apply_spec, write_convention
from juryapp.services.snapshot import convention_row

PACKAGE_ACTOR = "paket-konvensi"


class LogWriter:
    """The scoring service's hook: on a judge's laptop, each change becomes a signed event in
    the same transaction as the change itself, so the log and the sheets never disagree."""

    def __init__(self, signers: Signers) -> None:
        self._signers = signers

    def __call__(self, session: Session, actor: Actor, command: Command) -> None:
        if isinstance(command, Abstain):
            return  # the secretariat's decision, recorded at the secretariat's laptop
        connection = session.connection()
        if not is_laptop(connection):
            return
        opened = self._signers.get(command.judge)
        if opened is None or actor.judge_code != command.judge:
            raise StateError(
                Text(
                    "kunci tanda tangan Anda belum dibuka: keluar lalu masuk lagi dengan PIN",
                    "your signing key is not open: sign out and sign in again with your PIN",
                )
            )
        found = connection.execute(
            select(
                JudgeKeyRow.judge_id,
                JudgeKeyRow.fingerprint,
                select(ConventionRow.uid).limit(1).scalar_subquery(),
            )
            .join(JudgeRow, JudgeRow.id == JudgeKeyRow.judge_id)
            .where(JudgeRow.code == command.judge, JudgeKeyRow.retired_at.is_(None))
        ).first()
        if found is None or found[1] != opened.fingerprint:
            raise StateError(
                Text(
                    "kunci yang terbuka bukan kunci juri ini di laptop ini; masuk lagi",
                    "the open key is not this judge's key on this laptop; sign in again",
                )
            )
        judge_id, fingerprint, convention = found
        last = connection.execute(
            select(LogEventRow.seq, LogEventRow.hash)
            .where(LogEventRow.judge_id == judge_id)
            .order_by(LogEventRow.seq.desc())
            .limit(1)
        ).first()
        seq, prev = (last[0] + 1, last[1]) if last is not None else (1, GENESIS)
        event = sign_event(opened.key, convention, command.judge, seq, prev, command)
        connection.execute(
            LogEventRow.__table__.insert(),  # type: ignore[attr-defined]
            {
                "judge_id": judge_id,
                "seq": seq,
                "hash": event.hash,
                "prev_hash": prev,
                "body": event.body,
                "signature": event.signature,
                "key_fingerprint": fingerprint,
                "state": "applied",
                "received_at": audit.now(),
            },
        )


@dataclass(frozen=True)
class PackageSummary:
    convention: str
    fingerprint: str  # the convention key's, to compare with the secretariat's screen
    judges: int
    teams: int
    updated: bool  # a newer package of a convention this laptop already had


@dataclass(frozen=True)
class ExportedBundle:
    judge_code: str
    data: bytes
    events: int
    last: int


@dataclass(frozen=True)
class LogStatus:
    """How far the secretariat has a judge's log, by the receipts this laptop holds."""

    judge_code: str
    fingerprint: str | None  # the judge's key on this laptop
    last: int  # the newest event of the log
    received: int | None  # "received by the secretariat up to #N"; None: no receipt yet
    received_at: datetime | None
    missing: tuple[tuple[int, int], ...]  # held back at the secretariat behind a gap
    set_aside: int
    not_received: tuple[str, ...]  # teams with changes the secretariat does not have yet


class LaptopService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- the package ----------------------------------------------------------------------------
    def import_package(self, data: bytes, file: str) -> PackageSummary:
        """Make this database a judge's laptop from a package, or bring it up to a newer one.

        Anyone holding the laptop may do it: the package is signed by the convention key, and
        once a laptop holds that key, only packages signed by the same key are accepted.
        """
        package = read_package(data, file)
        with self._db.writing() as session:
            existing = session.scalar(select(ConventionRow).limit(1))
            if existing is None:
                _first_package(session, package)
                updated = False
            else:
                _refuse_other(session, package, existing, file)
                apply_spec(session, package.spec)
                audit.record_setup(
                    session,
                    PACKAGE_ACTOR,
                    "package.update",
                    package.convention,
                    package=package.sha256,
                )
                updated = True
            _accounts(session, package)
            laptop = session.scalar(select(LaptopRow).limit(1))
            if laptop is None:
                laptop = LaptopRow(id=1, package_sha256="", imported_at=audit.now())
                session.add(laptop)
            laptop.package_sha256, laptop.imported_at = package.sha256, audit.now()
            laptop.hub_address, laptop.hub_certificate = (
                package.hub_address,
                package.hub_certificate,
            )
            audit.record_accounts(
                session,
                PACKAGE_ACTOR,
                "package.import",
                package.convention,
                package=package.sha256,
                accounts=len(package.accounts),
            )
        return PackageSummary(
            convention=package.spec.info.name,
            fingerprint=package.fingerprint,
            judges=len(package.spec.judges),
            teams=len(package.spec.teams),
            updated=updated,
        )

    # -- the log --------------------------------------------------------------------------------
    def hub(self) -> tuple[str, str]:
        """The hub's LAN address and certificate fingerprint from the package ("" without)."""
        with self._db.reading() as session:
            row = session.scalar(select(LaptopRow).limit(1))
            return ("", "") if row is None else (row.hub_address, row.hub_certificate)

    def judges_with_logs(self) -> list[str]:
        with self._db.reading() as session:
            return list(
                session.scalars(
                    select(JudgeRow.code)
                    .where(JudgeRow.id.in_(select(LogEventRow.judge_id).distinct()))
                    .order_by(JudgeRow.code)
                )
            )

    def export_scores(self, actor: Actor, judge_code: str, after: int = 0) -> ExportedBundle:
        """The judge's log as a bundle's bytes (write them with ``write_atomically``): the whole
        log, or from event ``after`` + 1 on (what the LAN pushes after a receipt)."""
        require_own_sheet(actor, judge_code, change=False)
        with self._db.reading() as session:
            if not is_laptop(session.connection()):
                raise StateError(
                    Text(
                        "basis data ini bukan laptop juri (dibuat dari paket konvensi)",
                        "this database is not a judge's laptop (made from a convention package)",
                    )
                )
            public_key = bytes(_key(session, judge_code).public_key)
            events = session.execute(
                select(LogEventRow.body, LogEventRow.signature)
                .join(JudgeRow, JudgeRow.id == LogEventRow.judge_id)
                .where(JudgeRow.code == judge_code, LogEventRow.seq > after)
                .order_by(LogEventRow.seq)
            ).all()
            uid = convention_row(session).uid
        pairs = [(bytes(body), bytes(signature)) for body, signature in events]
        data = write_bundle(uid, judge_code, public_key, pairs)
        return ExportedBundle(judge_code, data, len(pairs), after + len(pairs))

    # -- receipts --------------------------------------------------------------------------------
    def import_receipt(self, data: bytes, file: str) -> LogStatus:
        """Keep a receipt the secretariat signed, once its signature and log position hold."""
        from juryapp.reports.convention_key import verify_payload  # noqa: PLC0415

        receipt = read_receipt(data, file)
        with self._db.writing() as session:
            uid = convention_row(session).uid
            certificates = session.scalars(select(SigningKeyRow.certificate_pem)).all()
            if receipt.convention != uid or not any(
                verify_payload(c, receipt.body, receipt.signature) for c in certificates
            ):
                raise FileProblemError(
                    Text(
                        "tanda terima ini tidak ditandatangani kunci konvensi ini",
                        "this receipt is not signed by this convention's key",
                    ),
                    file=file,
                )
            judge_id = session.scalar(select(JudgeRow.id).where(JudgeRow.code == receipt.judge))
            held = session.scalar(
                select(LogEventRow.hash).where(
                    LogEventRow.judge_id == judge_id, LogEventRow.seq == receipt.seq
                )
            )
            if judge_id is None or (receipt.seq and held != receipt.hash):
                raise FileProblemError(
                    Text(
                        "tanda terima menyebut peristiwa #{n} yang tidak ada di log laptop ini",
                        "the receipt names event #{n}, which this laptop's log does not hold",
                    ).format(n=receipt.seq),
                    file=file,
                )
            session.add(
                ReceiptRow(
                    judge_id=judge_id,
                    seq=receipt.seq,
                    hash=receipt.hash,
                    issued_at=receipt.issued_at,
                    body=receipt.body,
                    signature=receipt.signature,
                )
            )
        return self.status(Actor.reader(), receipt.judge)

    def status(self, actor: Actor, judge_code: str) -> LogStatus:
        """What the judge's indicator shows: received up to #N, and what is not yet."""
        require_own_sheet(actor, judge_code, change=False)
        with self._db.reading() as session:
            judge_id = session.scalar(select(JudgeRow.id).where(JudgeRow.code == judge_code))
            if judge_id is None:
                raise NotFoundError(
                    Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(c=judge_code)
                )
            key = session.scalar(
                select(JudgeKeyRow.fingerprint).where(
                    JudgeKeyRow.judge_id == judge_id, JudgeKeyRow.retired_at.is_(None)
                )
            )
            latest = session.scalar(
                select(ReceiptRow)
                .where(ReceiptRow.judge_id == judge_id)
                .order_by(ReceiptRow.seq.desc(), ReceiptRow.issued_at.desc())
                .limit(1)
            )
            received = latest.seq if latest is not None else 0
            later = session.execute(
                select(LogEventRow.seq, LogEventRow.body, LogEventRow.signature)
                .where(LogEventRow.judge_id == judge_id, LogEventRow.seq > received)
                .order_by(LogEventRow.seq)
            ).all()
            teams = sorted({read_event(bytes(b), bytes(s))[1].command.team for _, b, s in later})
            last = later[-1][0] if later else received
            extra = None if latest is None else read_receipt_fields(latest)
            return LogStatus(
                judge_code=judge_code,
                fingerprint=key,
                last=last,
                received=None if latest is None else latest.seq,
                received_at=None if latest is None else latest.issued_at,
                missing=extra[0] if extra else (),
                set_aside=extra[1] if extra else 0,
                not_received=tuple(teams),
            )


def read_receipt_fields(row: ReceiptRow) -> tuple[tuple[tuple[int, int], ...], int]:
    from juryapp.services.log_format import write_receipt  # noqa: PLC0415

    receipt = read_receipt(write_receipt(bytes(row.body), bytes(row.signature)), "")
    return receipt.missing, receipt.set_aside


def _key(session: Session, judge_code: str) -> JudgeKeyRow:
    row = session.scalar(
        select(JudgeKeyRow)
        .join(JudgeRow, JudgeRow.id == JudgeKeyRow.judge_id)
        .where(JudgeRow.code == judge_code, JudgeKeyRow.retired_at.is_(None))
    )
    if row is None:
        raise NotFoundError(
            Text(
                "juri {j} belum memiliki kunci di laptop ini: masuk sekali dengan PIN",
                "judge {j} has no key on this laptop yet: sign in once with the PIN",
            ).format(j=judge_code)
        )
    return row


def _first_package(session: Session, package: Package) -> None:
    write_convention(session, package.spec, is_demo=package.is_demo)
    convention_row(session).uid = package.convention
    session.add(
        SigningKeyRow(
            key_id=package.fingerprint.replace("-", "").lower(),
            fingerprint=package.fingerprint,
            certificate_pem=package.certificate_pem,
            sealed_private_key=None,
            created_at=audit.now(),
            retired_reason="",
        )
    )
    audit.record_setup(
        session,
        PACKAGE_ACTOR,
        "convention.create",
        package.spec.info.name,
        package=package.sha256,
        laptop=True,
    )


def _refuse_other(session: Session, package: Package, existing: ConventionRow, file: str) -> None:
    if session.scalar(select(LaptopRow.id).limit(1)) is None:
        raise FileProblemError(
            Text(
                "basis data ini milik sekretariat; paket konvensi dibuka di laptop juri",
                "this database is the secretariat's; a convention package opens on a judge's "
                "laptop",
            ),
            file=file,
        )
    known = set(session.scalars(select(SigningKeyRow.certificate_pem)))
    if existing.uid != package.convention or package.certificate_pem not in known:
        raise FileProblemError(
            Text(
                "paket ini dari konvensi lain atau ditandatangani kunci lain ({f})",
                "this package is from another convention or signed by another key ({f})",
            ).format(f=package.fingerprint),
            file=file,
        )


def _accounts(session: Session, package: Package) -> None:
    judges = dict(session.execute(select(JudgeRow.code, JudgeRow.id)).all())
    users = {u.username: u for u in session.scalars(select(UserRow))}
    for account in package.accounts:
        user = users.get(account.username)
        if user is None:
            user = UserRow(username=account.username, role=Role.JUDGE.value, created_at=audit.now())
            session.add(user)
        user.display_name = account.display_name
        user.judge_id = judges.get(account.judge)
        user.password_hash = account.password_hash
    session.flush()


__all__ = [
    "ExportedBundle",
    "LaptopService",
    "LogStatus",
    "LogWriter",
    "PackageSummary",
]
