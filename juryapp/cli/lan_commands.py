"""Commands for the LAN: the hub listening for judges' logs, a laptop pushing its own."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp.cli.common import Subparsers, say
from juryapp.cli.laptop_commands import hub_key
from juryapp.cli.session import acting
from juryapp.domain.messages import NotFoundError, PermissionDeniedError, StateError, Text
from juryapp.reports.fingerprint import normal_fingerprint

if TYPE_CHECKING:
    from juryapp.bootstrap import Services


def _require_lan() -> None:
    """A build without the LAN libraries says so instead of a traceback."""
    try:
        import aiohttp  # noqa: F401
        import zeroconf  # noqa: F401
    except ImportError:
        raise StateError(
            Text(
                "pustaka transport LAN (aiohttp, zeroconf) tidak terpasang bersama aplikasi ini",
                "the LAN transport's libraries (aiohttp, zeroconf) are not installed with this app",
            )
        ) from None


def cmd_serve_hub(services: Services, args: argparse.Namespace) -> int:
    """Listen on the LAN until interrupted (or for ``--seconds``), merging pushed logs."""
    import time

    _require_lan()

    from juryapp.lan.discovery import Advertisement
    from juryapp.lan.server import HubServer
    from juryapp.lan.tls import hub_certificate

    actor = acting(services, args, change=True)
    key = hub_key(services, actor)
    certificate = hub_certificate(Path(args.tls_folder) if args.tls_folder else None)
    enrol = frozenset(normal_fingerprint(f) for f in args.enrol or ())
    server = HubServer(
        services, actor, key, certificate, host=args.host, port=args.port, enrol=enrol
    )
    port = server.start()
    advertisement = None
    if not args.no_mdns:
        uid = services.hub.convention_uid(actor)
        advertisement = Advertisement(uid, port, certificate.sha256)
    say(
        Text(
            "Hub mendengarkan di {h}:{p} (TLS). SHA-256 sertifikatnya: {c}",
            "The hub listens on {h}:{p} (TLS). Its certificate's SHA-256: {c}",
        ),
        h=args.host,
        p=port,
        c=certificate.sha256,
    )
    try:
        deadline = time.monotonic() + args.seconds if args.seconds else None
        while deadline is None or time.monotonic() < deadline:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        if advertisement is not None:
            advertisement.close()
        server.stop()
    say(Text("{n} log digabung.", "{n} logs merged."), n=server.merges)
    return 0


def cmd_push_scores(services: Services, args: argparse.Namespace) -> int:
    """Push the signed-in judge's log to the hub once (the app does it after every change)."""
    _require_lan()
    from juryapp.lan.client import PushError, push_once

    actor = acting(services, args, change=False)
    judge = actor.judge_code
    if judge is None:
        raise PermissionDeniedError(Text("masuk sebagai juri", "sign in as a judge"))
    address, pin = services.laptop.hub()
    if args.hub:
        address = args.hub
    if not address:
        from juryapp.lan.discovery import find_hub

        found = find_hub(services.hub.convention_uid(actor))
        address = found.address if found else ""
    if not address or not pin:
        raise NotFoundError(
            Text(
                "alamat atau sertifikat hub tidak ada di paket; sebut --hub ALAMAT:PORT",
                "the package names no hub address or certificate; give --hub HOST:PORT",
            )
        )
    status = services.laptop.status(actor, judge)
    try:
        received = push_once(services, actor, judge, address, pin, status.received or 0)
    except PushError as exc:
        print(f"juryapp: {address}: {exc}", file=sys.stderr)
        return 1
    say(
        Text("Diterima sekretariat s.d. #{n}", "Received by the secretariat up to #{n}"),
        n=received,
    )
    return 0


def register(sub: Subparsers) -> None:
    serve = sub.add_parser("serve-hub", help="listen on the LAN for judges' logs (hub)")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on")  # noqa: S104
    serve.add_argument("--port", type=int, default=8743)
    serve.add_argument("--tls-folder", help="where the hub's certificate is kept")
    serve.add_argument(
        "--enrol", action="append", metavar="FINGERPRINT", help="judges' keys already compared"
    )
    serve.add_argument("--no-mdns", action="store_true", help="do not announce the hub")
    serve.add_argument("--seconds", type=float, help="stop after this long")
    serve.set_defaults(run=cmd_serve_hub)
    push = sub.add_parser("push-scores", help="send the judge's log to the hub over the LAN")
    push.add_argument("--hub", help="the hub's address, HOST:PORT (default: the package's)")
    push.set_defaults(run=cmd_push_scores)
