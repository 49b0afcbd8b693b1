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
    def console(cls) -> Actor:
        """The operator at the command line, who acts for the secretariat."""
        return cls(username="console", role=Role.SECRETARIAT, display_name="console")

    @property
    def is_secretariat(self) -> bool:
        return self.role is Role.SECRETARIAT


def require_secretariat(actor: Actor) -> None:
    if not actor.is_secretariat:
        raise PermissionDeniedError(
            Text("hanya sekretariat yang boleh melakukan ini", "only the secretariat may do this")
        )


def require_own_sheet(actor: Actor, judge_code: str) -> None:
    """A judge reads and writes only their own sheets; the secretariat reads all."""
    if actor.is_secretariat:
        return
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
