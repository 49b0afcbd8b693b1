"""Accounts and sign-in: Argon2id hashes and a lockout that survives a restart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.kinds import ACCOUNT_ROLES, Role
from juryapp.domain.messages import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    Text,
    ValidationError,
)
from juryapp.persistence.database import Database
from juryapp.persistence.tables import JudgeRow, UserRow
from juryapp.services import audit
from juryapp.services.snapshot import convention_row

MAX_ATTEMPTS = 5
LOCK_MINUTES = 5  # the first lockout; each further one without a good sign-in doubles it
LONGEST_LOCK = timedelta(hours=24)
MIN_PASSPHRASE = 8
MIN_PIN = 6
DEMO_PIN = 4  # the demo's accounts, for a newcomer to type


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
    def __init__(self, database: Database, hasher: PasswordHasher | None = None) -> None:
        self._db = database
        self._hasher = hasher or make_hasher()

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
                created_at=audit.now(),
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
                    created_at=audit.now(),
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
            now = audit.now()
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
        now = audit.now()
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
