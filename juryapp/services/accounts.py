"""Accounts and sign-in: Argon2id hashes and a lockout that survives a restart."""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.clock import Clock, stored_now, system_clock
from juryapp.domain.kinds import ACCOUNT_ROLES, Role
from juryapp.domain.messages import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    StateError,
    Text,
    ValidationError,
)
from juryapp.persistence.database import Database
from juryapp.persistence.tables import JudgeRow, UserRow
from juryapp.services import audit, state
from juryapp.services.snapshot import convention_row

MAX_ATTEMPTS = 5
LOCK_MINUTES = 5  # the first lockout; each further one without a good sign-in doubles it
LONGEST_LOCK = timedelta(hours=24)
MIN_PASSPHRASE = 8
MIN_PIN = 6  # the least a judge may choose, and what the app hands out
PIN_DIGITS = MIN_PIN
DEMO_PIN = 4  # the demo's accounts, for a newcomer to type


@dataclass(frozen=True)
class IssuedPin:
    """A PIN just given to a judge: shown once, printed on a slip, never stored in the clear."""

    username: str
    display_name: str
    judge_code: str
    pin: str


def generate_pin() -> str:
    """Six random digits that nobody would guess first (no 111111, 123456 or 987654)."""
    while True:
        pin = f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}"
        if not guessable_pin(pin):
            return pin


def guessable_pin(pin: str) -> bool:
    """A PIN made of one or two digits, or of a run of consecutive digits either way."""
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    return len(set(pin)) <= 2 or steps in ({1}, {-1})


@dataclass(frozen=True)
class AccountView:
    username: str
    display_name: str
    role: Role
    judge_code: str | None
    locked: bool


def make_hasher() -> PasswordHasher:
    # Argon2id, 64 MiB, 3 passes, 4 lanes: RFC 9106's second choice, above OWASP's minimum.
    return PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)


class AccountService:
    """Accounts and sign-in; lockouts start and end by ``clock``."""

    def __init__(
        self,
        database: Database,
        hasher: PasswordHasher | None = None,
        clock: Clock = system_clock,
    ) -> None:
        self._db = database
        self._hasher = hasher or make_hasher()
        self._clock = clock

    def _now(self) -> datetime:
        return stored_now(self._clock)

    def has_accounts(self) -> bool:
        """Whether anyone can sign in yet (the first account is made without signing in)."""
        with self._db.reading() as session:
            return session.scalar(select(UserRow.id).limit(1)) is not None

    def create_first(self, username: str, secret: str, *, display_name: str = "") -> Actor:
        """The database's first secretariat account, the only one made without signing in.

        Returns the new user, signed in, so that they can go on to create the convention.
        """
        username = username.strip()
        _check_username(username)
        _check_secret(secret, Role.SECRETARIAT)
        with self._db.writing() as session:
            if session.scalar(select(UserRow.id).limit(1)) is not None:
                raise PermissionDeniedError(
                    Text(
                        "basis data ini sudah memiliki akun; masuk sebagai sekretariat untuk "
                        "menambah akun",
                        "this database already has accounts; sign in as the secretariat to add one",
                    )
                )
            user = UserRow(
                username=username,
                display_name=display_name or username,
                role=Role.SECRETARIAT.value,
                password_hash=self._hasher.hash(secret),
                created_at=self._now(),
            )
            session.add(user)
            session.flush()
            audit.record_accounts(
                session, username, "account.create", username, role="secretariat", first=True
            )
            return Actor(
                username=username,
                role=Role.SECRETARIAT,
                user_id=user.id,
                display_name=user.display_name,
            )

    def create(
        self,
        actor: Actor,
        username: str,
        secret: str,
        *,
        role: Role,
        display_name: str = "",
        judge_code: str | None = None,
        demo_pin: bool = False,
    ) -> None:
        """A new account, made by a signed-in secretariat user.

        ``demo_pin`` accepts the demo's short PINs, and only in the demo convention.
        """
        require_secretariat(actor)
        username = username.strip()
        _check_username(username)
        if role not in ACCOUNT_ROLES:
            raise ValidationError(Text("peran tidak dikenal", "unknown role"))
        _check_secret(secret, role, shortest=DEMO_PIN if demo_pin else MIN_PIN)
        with self._db.writing() as session:
            if demo_pin and not convention_row(session).is_demo:
                raise PermissionDeniedError(
                    Text("PIN pendek hanya untuk demo", "short PINs are for the demo only")
                )
            if session.scalar(select(UserRow.id).where(UserRow.username == username)):
                raise ValidationError(
                    Text("nama pengguna '{u}' sudah dipakai", "username '{u}' is taken").format(
                        u=username
                    )
                )
            judge_id = None
            if role is Role.JUDGE:
                judge = session.scalar(select(JudgeRow).where(JudgeRow.code == judge_code))
                if judge is None:
                    raise NotFoundError(
                        Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(c=judge_code)
                    )
                judge_id = judge.id
                display_name = display_name or judge.name
            session.add(
                UserRow(
                    username=username,
                    display_name=display_name or username,
                    role=role.value,
                    judge_id=judge_id,
                    password_hash=self._hasher.hash(secret),
                    created_at=self._now(),
                )
            )
            audit.record_accounts(session, actor, "account.create", username, role=role.value)

    def set_secret(self, actor: Actor, username: str, secret: str) -> None:
        require_secretariat(actor)
        with self._db.writing() as session:
            user = _user(session, username)
            _check_secret(secret, Role(user.role))
            user.password_hash = self._hasher.hash(secret)
            user.failed_attempts, user.locked_until = 0, None
            audit.record_accounts(session, actor, "account.reset", username)

    def sign_in(self, username: str, secret: str) -> Actor:
        """Check a passphrase or PIN; repeated failures lock the account for a while."""
        refused = AuthenticationError(
            Text("nama pengguna atau PIN/kata sandi salah", "wrong username or PIN/passphrase")
        )
        with self._db.writing() as session:
            user = session.scalar(select(UserRow).where(UserRow.username == username.strip()))
            if user is None:
                self._hasher.hash(secret)  # same cost as a real check: no username probing
                raise refused
            _refuse_if_changed_without_record(session, user.username)
            now = self._now()
            if user.locked_until is not None and user.locked_until > now:
                minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
                audit.record_accounts(
                    session, user.username, "account.refused_locked", user.username
                )
                session.commit()  # attempts on a locked account stay on record
                raise AuthenticationError(
                    Text(
                        "akun terkunci karena terlalu banyak percobaan salah; "
                        "coba lagi {m} menit lagi",
                        "the account is locked after too many wrong attempts; try again in {m} min",
                    ).format(m=minutes)
                )
            try:
                self._hasher.verify(user.password_hash, secret)
            except (VerificationError, InvalidHashError):
                user.failed_attempts += 1
                if user.failed_attempts >= MAX_ATTEMPTS:
                    lasts = lockout_length(user.lockouts)
                    user.locked_until = now + lasts
                    user.failed_attempts = 0
                    user.lockouts += 1
                    audit.record_accounts(
                        session,
                        user.username,
                        "account.locked",
                        user.username,
                        minutes=int(lasts.total_seconds() // 60),
                        lockouts=user.lockouts,
                    )
                else:
                    audit.record_accounts(session, user.username, "account.failed", user.username)
                session.commit()  # the failure must count even though we raise
                raise refused from None
            user.failed_attempts, user.locked_until, user.lockouts = 0, None, 0
            if self._hasher.check_needs_rehash(user.password_hash):
                user.password_hash = self._hasher.hash(secret)
            judge_code = (
                session.scalar(select(JudgeRow.code).where(JudgeRow.id == user.judge_id))
                if user.judge_id
                else None
            )
            audit.record_accounts(session, user.username, "account.sign_in", user.username)
            return Actor(
                username=user.username,
                role=Role(user.role),
                user_id=user.id,
                judge_code=judge_code,
                display_name=user.display_name,
            )

    def accounts(self, actor: Actor | None = None) -> list[AccountView]:
        """Every account (no secrets): for the sign-in list and the secretariat's accounts page."""
        now = self._now()
        with self._db.reading() as session:
            rows = session.execute(
                select(UserRow, JudgeRow.code)
                .outerjoin(JudgeRow, JudgeRow.id == UserRow.judge_id)
                .order_by(UserRow.role.desc(), UserRow.username)
            )
            return [
                AccountView(
                    u.username,
                    u.display_name,
                    Role(u.role),
                    code,
                    u.locked_until is not None and u.locked_until > now,
                )
                for u, code in rows
            ]

    # -- accounts managed from the desktop app ---------------------------------------------
    def create_judge_accounts(
        self, actor: Actor, judge_codes: Sequence[str] | None = None
    ) -> list[IssuedPin]:
        """An account with a fresh six-digit PIN for each judge (all without one, by default).

        The username is the judge's code in lower case. Every account is created in one
        transaction, so either all the slips printed afterwards are valid or none is.
        """
        require_secretariat(actor)
        with self._db.reading() as session:
            judges = session.execute(
                select(JudgeRow.id, JudgeRow.code, JudgeRow.name).order_by(JudgeRow.code)
            ).all()
            users = {u.username: u.judge_id for u in session.scalars(select(UserRow))}
        have_account = {judge_id for judge_id in users.values() if judge_id is not None}
        known = {code for _, code, _ in judges}
        unknown = sorted(set(judge_codes or ()) - known)
        if unknown:
            raise NotFoundError(
                Text("juri '{c}' tidak dikenal", "unknown judge '{c}'").format(c=unknown[0])
            )
        wanted = [
            (judge_id, code, name)
            for judge_id, code, name in judges
            if judge_id not in have_account and (judge_codes is None or code in judge_codes)
        ]
        issued: list[tuple[IssuedPin, int, str]] = []
        taken = set(users)
        for judge_id, code, name in wanted:
            username = _free_username(code.lower(), taken)
            taken.add(username)
            pin = generate_pin()
            # Hashing takes a fraction of a second each: done before the write transaction.
            issued.append((IssuedPin(username, name, code, pin), judge_id, self._hasher.hash(pin)))
        with self._db.writing() as session:
            names = [slip.username for slip, _, _ in issued]
            ids = [judge_id for _, judge_id, _ in issued]
            if session.scalar(
                select(UserRow.id).where(UserRow.username.in_(names) | UserRow.judge_id.in_(ids))
            ):
                raise StateError(
                    Text(
                        "akun juri baru saja dibuat di tempat lain; muat ulang dan coba lagi",
                        "judge accounts were just created elsewhere; reload and try again",
                    )
                )
            for slip, judge_id, hashed in issued:
                session.add(
                    UserRow(
                        username=slip.username,
                        display_name=slip.display_name or slip.username,
                        role=Role.JUDGE.value,
                        judge_id=judge_id,
                        password_hash=hashed,
                        created_at=self._now(),
                    )
                )
                audit.record_accounts(
                    session, actor, "account.create", slip.username, role=Role.JUDGE.value
                )
        return [slip for slip, _, _ in issued]

    def issue_pin(self, actor: Actor, username: str) -> IssuedPin:
        """Give a judge a new six-digit PIN (a forgotten one), which also lifts a lockout."""
        require_secretariat(actor)
        pin = generate_pin()
        hashed = self._hasher.hash(pin)
        with self._db.writing() as session:
            user = _user(session, username)
            if user.role != Role.JUDGE.value or user.judge_id is None:
                raise ValidationError(
                    Text(
                        "PIN baru hanya untuk akun juri; sekretariat memakai kata sandi",
                        "new PINs are for judges' accounts; the secretariat uses passphrases",
                    )
                )
            code = session.scalar(select(JudgeRow.code).where(JudgeRow.id == user.judge_id))
            user.password_hash = hashed
            user.failed_attempts, user.locked_until, user.lockouts = 0, None, 0
            audit.record_accounts(session, actor, "account.reset", username, generated=True)
            return IssuedPin(user.username, user.display_name, code or "", pin)

    def lift_lockout(self, actor: Actor, username: str) -> None:
        """Let a locked-out person try again now; the secretariat's action stays on record."""
        require_secretariat(actor)
        with self._db.writing() as session:
            user = _user(session, username)
            was_locked = user.locked_until is not None and user.locked_until > self._now()
            user.failed_attempts, user.locked_until, user.lockouts = 0, None, 0
            audit.record_accounts(session, actor, "account.unlock", username, was_locked=was_locked)

    def change_own_secret(self, actor: Actor, current: str, new: str) -> None:
        """A signed-in person replaces their own PIN or passphrase, knowing the current one."""
        if actor.user_id is None:
            raise PermissionDeniedError(
                Text("masuk dulu dengan akun Anda", "sign in with your own account first")
            )
        with self._db.writing() as session:
            user = session.get(UserRow, actor.user_id)
            if user is None or user.username != actor.username:
                raise NotFoundError(
                    Text("pengguna '{u}' tidak ada", "no user '{u}'").format(u=actor.username)
                )
            role = Role(user.role)
            try:
                self._hasher.verify(user.password_hash, current)
            except (VerificationError, InvalidHashError):
                audit.record_accounts(session, actor, "account.change_refused", user.username)
                session.commit()  # the refused attempt stays on record even though we raise
                raise AuthenticationError(
                    Text("PIN/kata sandi lama salah", "the current PIN/passphrase is wrong")
                ) from None
            _check_new_secret(new, role)
            user.password_hash = self._hasher.hash(new)
            audit.record_accounts(session, actor, "account.change_secret", user.username)


def _free_username(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def _check_new_secret(secret: str, role: Role) -> None:
    """A chosen PIN has at least six digits and is not one a stranger would try first."""
    if role is Role.JUDGE and (
        not (secret.isascii() and secret.isdigit())
        or len(secret) < PIN_DIGITS
        or guessable_pin(secret)
    ):
        raise ValidationError(
            Text(
                "PIN baru harus berupa angka, paling sedikit {n} digit, dan tidak mudah ditebak "
                "(bukan 111111 atau 123456)",
                "a new PIN must be digits, at least {n} of them, and not easy to guess "
                "(not 111111 or 123456)",
            ).format(n=PIN_DIGITS)
        )
    _check_secret(secret, role)


def _user(session: Session, username: str) -> UserRow:
    user = session.scalar(select(UserRow).where(UserRow.username == username))
    if user is None:
        raise NotFoundError(Text("pengguna '{u}' tidak ada", "no user '{u}'").format(u=username))
    return user


def lockout_length(earlier_lockouts: int) -> timedelta:
    """5 minutes for the first lockout, then 10, 20, 40… up to a day."""
    lasts: timedelta = timedelta(minutes=LOCK_MINUTES) * 2 ** min(earlier_lockouts, 16)
    return min(lasts, LONGEST_LOCK)


def _check_username(username: str) -> None:
    if (
        not username
        or len(username) > 80
        or any(c.isspace() or not c.isprintable() for c in username)
    ):
        raise ValidationError(
            Text(
                "nama pengguna wajib diisi, tanpa spasi, paling panjang 80 karakter",
                "a username is required, without spaces, at most 80 characters",
            )
        )


def _check_secret(secret: str, role: Role, *, shortest: int = MIN_PIN) -> None:
    if role is Role.JUDGE:
        if not (secret.isascii() and secret.isdigit() and len(secret) >= shortest):
            raise ValidationError(
                Text(
                    "PIN juri harus berupa angka, paling sedikit {n} digit",
                    "a judge's PIN must be digits, at least {n} of them",
                ).format(n=shortest)
            )
    elif len(secret) < MIN_PASSPHRASE:
        raise ValidationError(
            Text(
                "kata sandi sekretariat paling sedikit {n} karakter",
                "a secretariat passphrase needs at least {n} characters",
            ).format(n=MIN_PASSPHRASE)
        )


def _refuse_if_changed_without_record(session: Session, username: str) -> None:
    """Refuse a sign-in to an account that differs from what the trail last recorded of it:
    its secret, role or lockout set with sqlite3 by someone holding the file. Signing in would
    otherwise record the changed account as the account's state. The refusal is recorded,
    without taking the accounts' state as recorded."""
    connection = session.connection()
    recorded = audit.recorded_account(connection, username)
    if recorded is None or recorded == state.account_digests(connection).get(username):
        return
    audit.append(connection, username, CHANGED_WITHOUT_RECORD, username)
    session.commit()
    raise AuthenticationError(
        Text(
            "akun ini diubah di luar aplikasi tanpa tercatat; masuk ditolak. Sekretariat "
            "memeriksanya dengan 'juryapp audit verify'",
            "this account was changed outside the app without a record; sign-in refused. "
            "The secretariat can see what changed with 'juryapp audit verify'",
        )
    )


# The event of a sign-in refused because the account was changed without a record.
CHANGED_WITHOUT_RECORD = "security.account_changed"
