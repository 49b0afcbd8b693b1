"""The time the application acts on: a clock that tests can replace with one they move."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

__all__ = ["Clock", "local_now", "stored_now", "system_clock"]

# A clock answers with an aware datetime; the system's in UTC.
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def stored_now(clock: Clock) -> datetime:
    """The clock's time as the database stores times: UTC without a zone."""
    return clock().astimezone(UTC).replace(tzinfo=None)


def local_now(clock: Clock) -> datetime:
    """The clock's time on this computer's wall clock, without a zone (schedules, labels)."""
    return clock().astimezone().replace(tzinfo=None)
