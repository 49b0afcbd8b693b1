"""A judge's laptop pushing its log to the hub over the LAN, quietly retrying while offline.

The hub's certificate is pinned by the SHA-256 the convention package carries: a machine
that is not the hub cannot receive the scores nor answer with a receipt the laptop keeps (the
receipt must be signed by the convention key anyway). Nothing typed depends on the network:
every change is committed to the laptop's own database first, and each push carries every
event after the last receipt, so a push that fails loses nothing.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import aiohttp

from juryapp.domain.messages import JuryError, Text

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.domain.access import Actor

FIRST_RETRY = 0.5  # seconds; doubling while offline
LAST_RETRY = 5.0
TIMEOUT = aiohttp.ClientTimeout(total=30, connect=3)


@dataclass(frozen=True)
class PushState:
    """What the judge's screen says about the connection."""

    connected: bool
    received: int | None  # the last receipt's event number
    offline_since: datetime | None
    refused: str  # the hub's one line when it refused the log (e.g. a key not yet enrolled)


class PushError(Exception):
    """The hub could not be reached (``refused`` False), or refused the log with a line."""

    def __init__(self, message: str, *, refused: bool = False) -> None:
        super().__init__(message)
        self.refused = refused


def push_once(
    services: Services, actor: Actor, judge: str, address: str, pin: str, after: int
) -> int:
    """One push of the events after ``after``: the receipt kept, and its event number.

    Raises PushError when the hub cannot be reached or refuses the log (its line as message).
    """
    return asyncio.run(_push(services, actor, judge, address, pin, after))


async def _push(
    services: Services, actor: Actor, judge: str, address: str, pin: str, after: int
) -> int:
    bundle = services.laptop.export_scores(actor, judge, after)
    fingerprint = aiohttp.Fingerprint(bytes.fromhex(pin))
    try:
        async with (
            aiohttp.ClientSession(timeout=TIMEOUT) as session,
            session.post(f"https://{address}/v1/log", data=bundle.data, ssl=fingerprint) as reply,
        ):
            body = await reply.read()
            status = reply.status
    except aiohttp.ServerFingerprintMismatch:
        raise PushError(
            str(
                Text(
                    "{a} bukan hub sekretariat: sertifikatnya lain dari yang di paket konvensi",
                    "{a} is not the secretariat's hub: its certificate differs from the one in "
                    "the convention package",
                ).format(a=address)
            ),
            refused=True,
        ) from None
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        raise PushError(str(exc) or type(exc).__name__) from None
    if status != 200:
        line = body.decode("utf-8", "replace").strip() or f"HTTP {status}"
        raise PushError(line, refused=True)
    try:
        return services.laptop.import_receipt(body, f"{address} receipt").received or 0
    except JuryError as exc:
        raise PushError(str(exc), refused=True) from None


class LogPusher:
    """Pushes a judge's log after every change (``notify``), from a thread of its own."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        address: str,
        pin: str,
        on_change: Callable[[PushState], None] | None = None,
    ) -> None:
        self._services, self._actor = services, actor
        self._judge = actor.judge_code or ""
        self._address, self._pin = address, pin
        self._on_change = on_change or (lambda state: None)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        status = services.laptop.status(actor, self._judge)
        self._after = status.received or 0
        self.state = PushState(False, status.received, None, "")

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="log-push", daemon=True)
        self._thread.start()
        self.notify()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(10)

    def notify(self) -> None:
        """Something changed: push soon (safe from any thread)."""
        self._wake.set()

    def _run(self) -> None:
        delay = FIRST_RETRY
        pending = False
        while not self._stopping.is_set():
            woken = self._wake.wait(delay if pending else None)
            if self._stopping.is_set():
                return
            self._wake.clear()
            pending = pending or woken
            try:
                received = push_once(
                    self._services, self._actor, self._judge, self._address, self._pin,
                    self._after,
                )  # fmt: skip
            except PushError as exc:
                delay = min(delay * 2, LAST_RETRY) if pending else FIRST_RETRY
                self._set(str(exc) if exc.refused else "", connected=False)
                continue
            except JuryError as exc:  # the laptop's own database: say so, try again later
                self._set(str(exc), connected=False)
                continue
            # a hub that lost events (restored) answers with a lower number: resend from there
            self._after = received
            pending, delay = False, FIRST_RETRY
            self._set("", connected=True, received=received)

    def _set(self, refused: str, *, connected: bool, received: int | None = None) -> None:
        old = self.state
        offline_since = None if connected else (old.offline_since or datetime.now())
        self.state = PushState(
            connected=connected,
            received=received if received is not None else old.received,
            offline_since=offline_since,
            refused=refused,
        )
        self._on_change(self.state)
