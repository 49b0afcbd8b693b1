"""The hub's LAN endpoint in a process of its own, beside the secretariat's screens.

Served from a thread of the desktop app, every push (TLS, the bundle's signatures checked, the
merge written) runs Python in the app's own interpreter, and the GUI thread waits for it at
each call it makes into Python: the reason the long reads moved to ``juryapp/reckoner.py``.
Here the same :class:`~juryapp.lan.server.HubServer` runs in a second process, at a lower
priority, on the same database; what it merges reaches the screens through the audit trail,
as a merge from the command line does. A database only this process can open (in memory) is
served from a thread as before.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from juryapp.lan.server import HubServer

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.domain.access import Actor
    from juryapp.lan.tls import HubCertificate
    from juryapp.reports.convention_key import ConventionKey

__all__ = ["HubProcess"]

log = logging.getLogger(__name__)

# How long the new process may take to open the database and listen.
_START_TIMEOUT_S = 60.0
# How long it may take to finish the merge under way once told to stop.
_STOP_TIMEOUT_S = 15.0
# How much less of the processor than the app the endpoint's process asks for (Unix nice).
_LOWER_PRIORITY = 5


class HubProcess:
    """Start and stop the hub's endpoint as :class:`HubServer` does, in a second process."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        key: ConventionKey,
        certificate: HubCertificate,
        *,
        host: str,
        port: int,
    ) -> None:
        self._services, self._actor, self._key = services, actor, key
        self._certificate, self._host, self._port = certificate, host, port
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._here: HubServer | None = None
        self.port = 0

    def start(self) -> int:
        """Listen now; returns the port. Whatever stops it listening is raised here."""
        target = self._services.target
        if target is None:  # a database in memory: nobody else can open it
            self._here = HubServer(
                self._services,
                self._actor,
                self._key,
                self._certificate,
                host=self._host,
                port=self._port,
            )
            self.port = self._here.start()
            return self.port
        context = multiprocessing.get_context("spawn")  # never fork a process with Qt threads
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve,
            args=(
                theirs,
                os.fspath(target),
                self._actor,
                self._key,
                self._certificate,
                self._host,
                self._port,
            ),
            name="juryapp-hub",
            daemon=True,  # ends with the app, however the app ends
        )
        try:
            process.start()
        finally:
            theirs.close()
        self._process, self._connection = process, ours
        try:
            if not ours.poll(_START_TIMEOUT_S):
                raise TimeoutError("the hub's process did not start listening")
            status, value = ours.recv()
        except BaseException:
            self.stop()
            raise
        if status != "ok":
            self.stop()
            raise value
        self.port = int(value)
        return self.port

    def process_id(self) -> int | None:
        """The serving process's id while it runs (None when served from a thread)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def stop(self) -> None:
        """Stop listening, once the merge under way (if any) is written."""
        if self._here is not None:
            self._here.stop()
            self._here = None
        connection, process = self._connection, self._process
        self._connection = self._process = None
        if connection is not None:
            connection.close()  # the process stops when its end of the pipe closes
        if process is not None:
            process.join(_STOP_TIMEOUT_S)
            if process.is_alive():
                log.warning("the hub's process did not stop in time; ending it")
                process.terminate()
                process.join(_STOP_TIMEOUT_S)


def _serve(
    connection: Connection,
    target: str,
    actor: Actor,
    key: ConventionKey,
    certificate: HubCertificate,
    host: str,
    port: int,
) -> None:
    """The second process: serve ``target`` until the app closes the pipe or ends."""
    from juryapp.bootstrap import bootstrap  # noqa: PLC0415

    _yield_to_the_screens()
    services = bootstrap(target)
    server = HubServer(services, actor, key, certificate, host=host, port=port)
    try:
        try:
            listening = server.start()
        except Exception as exc:  # refused as it would be in the app: raised there again
            connection.send(("failed", _crossing(exc)))
            return
        connection.send(("ok", listening))
        with contextlib.suppress(EOFError, OSError):
            connection.recv()  # nothing is ever sent: this returns when the pipe closes
    finally:
        server.stop()
        services.close()


def _yield_to_the_screens() -> None:
    """A lower scheduling priority than the app's: on a laptop whose cores are busy (a
    reckoning, a merge), the GUI thread gets the processor first; a push waits a little."""
    if hasattr(os, "nice"):  # not on Windows, where the process keeps the app's priority
        with contextlib.suppress(OSError):
            os.nice(_LOWER_PRIORITY)


def _crossing(exc: Exception) -> Any:
    """``exc`` if it survives pickling, else a plain error saying what it was."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own bytes, just made
    except Exception:  # anything unpicklable is described instead
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
