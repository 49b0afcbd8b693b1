"""Who may do what: the role rules every service call is checked against."""

from __future__ import annotations

from dataclasses import dataclass

from juryapp.domain.kinds import Role
from juryapp.domain.messages import PermissionDeniedError, Text


@dataclass(frozen=True)
class Actor:
    """The person behind a service call."""

    username: str
    role: Role
    user_id: int | None = None
    judge_code: str | None = None
    display_name: str = ""

    @classmethod
    def reader(cls) -> Actor:
        """Whoever runs a reading command without signing in: reads, never changes."""
        return cls(username=READER_NAME, role=Role.READER, display_name=READER_NAME)

    @classmethod
    def founder(cls) -> Actor:
        """Whoever opens an empty database: may create its convention, nothing else."""
        return cls(username=FOUNDER_NAME, role=Role.SECRETARIAT, display_name=FOUNDER_NAME)

    @property
    def is_founder(self) -> bool:
        return (
            self.role is Role.SECRETARIAT
            and self.user_id is None
            and (self.username == FOUNDER_NAME)
        )

    @property
    def is_secretariat(self) -> bool:
        """A signed-in secretariat user (an account, so every change has a name on it)."""
        return self.role is Role.SECRETARIAT and self.user_id is not None

    @property
    def reads_everything(self) -> bool:
        """The secretariat, or someone holding the database file, who can read it all anyway."""
        return self.is_secretariat or self.role is Role.READER


READER_NAME = "tanpa-akun"
FOUNDER_NAME = "pembuat-konvensi"


def require_secretariat(actor: Actor) -> None:
    if not actor.is_secretariat:
        raise PermissionDeniedError(
            Text(
                "hanya pengguna sekretariat yang sudah masuk yang boleh melakukan ini "
                "(di baris perintah: --user NAMA)",
                "only a signed-in secretariat user may do this (on the command line: --user NAME)",
            )
        )


def require_reader(actor: Actor) -> None:
    """Reading everything: the secretariat, or a command run by whoever holds the file."""
    if not actor.reads_everything:
        raise PermissionDeniedError(
            Text(
                "juri hanya dapat melihat lembar penilaiannya sendiri dan hasil yang sudah dibuka",
                "a judge can only see their own score sheets and results once released",
            )
        )


def require_own_sheet(actor: Actor, judge_code: str, *, change: bool = True) -> None:
    """A judge reads and writes only their own sheets; the secretariat reads and types all."""
    if actor.is_secretariat or (actor.role is Role.READER and not change):
        return
    if actor.role is not Role.JUDGE:
        raise PermissionDeniedError(
            Text(
                "masuk dulu untuk mengisi lembar penilaian (di baris perintah: --user NAMA)",
                "sign in first to fill in a score sheet (on the command line: --user NAME)",
            )
        )
    if actor.judge_code != judge_code:
        raise PermissionDeniedError(
            Text(
                "juri hanya dapat membuka lembar penilaiannya sendiri",
                "a judge can only open their own score sheets",
            )
        )


def require_different_person(actor: Actor, entered_by: int | None, entered_name: str) -> None:
    """Two-person rule: whoever typed a paper sheet cannot also confirm it."""
    if entered_by is not None and actor.user_id == entered_by:
        raise PermissionDeniedError(
            Text(
                "lembar ini diketik oleh {who}; konfirmasi harus oleh petugas sekretariat lain",
                "{who} typed this sheet; another secretariat user must confirm it",
            ).format(who=entered_name)
        )
