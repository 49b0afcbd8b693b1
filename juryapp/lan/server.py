"""The hub on the venue LAN: an HTTPS endpoint (aiohttp) where judges' laptops push their logs.

``POST /v1/log`` takes a score bundle (the same bytes as on a USB stick), merges it whole or
refuses it whole, and answers with the signed receipt (200) or one line saying why (403: the
key is not enrolled or not this judge's; 422: anything else refused). ``GET /v1/hello`` names
the convention. Merges run one at a time on a worker thread, never on the event loop.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiohttp import web

from juryapp.domain.messages import JuryError, PermissionDeniedError
from juryapp.lan.tls import HubCertificate
from juryapp.services.log_merge import KeyRefusedError

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.domain.access import Actor
    from juryapp.reports.convention_key import ConventionKey

DEFAULT_PORT = 8743
MAX_BUNDLE = 64 << 20


@dataclass
class Waiting:
    """Keys that pushed before a person enrolled them: shown so that someone compares them."""

    keys: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # fingerprint → judge, key
    lock: threading.Lock = field(default_factory=threading.Lock)


class HubServer:
    """Serves one hub database on the LAN from a background thread until ``stop``."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        key: ConventionKey | None,
        certificate: HubCertificate,
        *,
        host: str = "0.0.0.0",  # noqa: S104 - the venue's LAN is the point
        port: int = DEFAULT_PORT,
        enrol: frozenset[str] = frozenset(),
    ) -> None:
        self._services, self._actor, self._key = services, actor, key
        self._certificate, self._host, self._port = certificate, host, port
        self._enrol = enrol  # fingerprints a person already compared (serve-hub --enrol)
        self.waiting = Waiting()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hub-merge")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self.merges = 0

    def start(self) -> int:
        """Listen now; returns the port (useful when 0 asked for any free one)."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._listen())
            except BaseException as exc:  # reported to start()
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._close())
            loop.close()

        self._thread = threading.Thread(target=run, name="hub-lan", daemon=True)
        self._thread.start()
        ready.wait(30)
        if failure:
            raise failure[0]
        return self.port

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
        self._writer.shutdown(wait=True)
        self._loop = self._thread = None

    async def _listen(self) -> None:
        app = web.Application(client_max_size=MAX_BUNDLE)
        app.router.add_post("/v1/log", self._push)
        app.router.add_get("/v1/hello", self._hello)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self._certificate.certificate, self._certificate.private_key)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port, ssl_context=context)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _hello(self, request: web.Request) -> web.Response:
        loop = asyncio.get_running_loop()
        overview = await loop.run_in_executor(self._writer, self._services.setup.overview)
        return web.json_response({"convention": overview.name, "format": 1})

    async def _push(self, request: web.Request) -> web.Response:
        data = await request.read()
        name = f"LAN {request.remote or '?'}"
        loop = asyncio.get_running_loop()
        try:
            receipt = await loop.run_in_executor(self._writer, self._merge, data, name)
        except (PermissionDeniedError, KeyRefusedError) as exc:
            return web.Response(status=403, text=str(exc))
        except JuryError as exc:
            return web.Response(status=422, text=str(exc))
        return web.Response(body=receipt, content_type="application/octet-stream")

    def _merge(self, data: bytes, name: str) -> bytes:
        hub = self._services.hub
        bundle = hub.read(data, name)
        enrolled = {k.fingerprint for k in self._services.judge_keys.enrolled(self._actor)}
        if bundle.fingerprint not in enrolled:
            if bundle.fingerprint in self._enrol:
                self._services.judge_keys.enrol(
                    self._actor, bundle.judge, bundle.public_key, bundle.fingerprint
                )
            else:
                with self.waiting.lock:
                    self.waiting.keys[bundle.fingerprint] = (bundle.judge, bundle.public_key)
        imported = hub.merge(self._actor, data, name, self._key)
        self.merges += 1
        return imported.receipt or b""
