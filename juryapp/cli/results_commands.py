"""Commands about results: rankings, locking and printing the documents."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp.cli.common import Subparsers, say
from juryapp.cli.session import acting, passphrase
from juryapp.domain.kinds import Method
from juryapp.domain.messages import Text

if TYPE_CHECKING:
    from juryapp.bootstrap import Services


def cmd_results(services: Services, args: argparse.Namespace) -> int:
    from juryapp.cli.output import results_json, results_text

    method = Method(args.method) if args.method else None
    results = services.results.compute(acting(services, args, change=False), method)
    if args.json:
        print(json.dumps(results_json(results), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(results_text(results, args.lang))
    return 0


def cmd_lock(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=True)
    state = services.locking.lock(actor, args.reason or "", passphrase())
    key = services.keys.active(actor)
    report = services.integrity.check(actor)
    say(
        Text("Hasil versi {v} dikunci dan disegel.", "Results version {v} locked and sealed."),
        v=state.version,
    )
    if key is not None:
        say(
            Text(
                "Sidik jari kunci tanda tangan: {k} — kepala jejak audit: {h}",
                "Signing key fingerprint: {k} — audit trail head: {h}",
            ),
            k=key.fingerprint,
            h=report.head,
        )
    return 0


def cmd_report(services: Services, args: argparse.Namespace) -> int:
    from juryapp.services.publishing import Kind

    kinds = [Kind(k) for k in args.documents] if args.documents else None

    def progress(done: int, total: int, name: str) -> None:
        if name and not args.quiet:
            print(f"[{done + 1}/{total}] {name}", file=sys.stderr)

    locked = services.results.lock_state().locked
    actor = acting(services, args, change=locked)
    written = services.publishing.publish(
        actor,
        Path(args.out),
        passphrase=passphrase() if locked else None,
        lang=args.lang,
        kinds=kinds,
        paper=args.paper,
        progress=progress,
    )
    signed = sum(1 for w in written if w.signed)
    say(
        Text(
            "{n} berkas PDF ditulis ke {d} ({s} ditandatangani{draft}).",
            "{n} PDF files written to {d} ({s} signed{draft}).",
        ),
        n=len(written),
        d=args.out,
        s=signed,
        draft="" if signed else "; DRAFT",
    )
    return 0


def cmd_unlock(services: Services, args: argparse.Namespace) -> int:
    state = services.locking.unlock(acting(services, args, change=True), args.reason)
    say(
        Text(
            "Kunci dibuka; versi hasil sekarang {v}.", "Unlocked; the results are now version {v}."
        ),
        v=state.version,
    )
    return 0


# The values of juryapp.services.documents.Kind, written out so that building the parser
# loads nothing of the services; tests/cli checks that the two lists agree.
DOCUMENT_KINDS = [
    "minutes",
    "recap",
    "robustness",
    "announcement",
    "judge-recap",
    "sheets",
    "feedback",
    "certificates",
    "blank",
    "declarations",
    "attendance",
]


def register(sub: Subparsers) -> None:
    results = sub.add_parser("results", help="rankings per category")
    results.add_argument("--method", choices=[m.value for m in Method])
    results.add_argument("--json", action="store_true")
    results.set_defaults(run=cmd_results)
    lock = sub.add_parser("lock", help="lock the results")
    lock.add_argument("--reason", help="why unconfirmed sheets are accepted")
    lock.set_defaults(run=cmd_lock)
    report = sub.add_parser("report", help="write the result documents as PDF files")
    report.add_argument("--out", required=True, help="folder for the PDF files")
    report.add_argument(
        "--documents",
        nargs="+",
        choices=DOCUMENT_KINDS,
        help="only these documents (default: all)",
    )
    report.add_argument("--paper", choices=["A4", "F4"], default="A4")
    report.add_argument("--quiet", action="store_true", help="no progress lines")
    report.set_defaults(run=cmd_report)
    unlock = sub.add_parser("unlock", help="unlock the results (raises the version)")
    unlock.add_argument("--reason", required=True)
    unlock.set_defaults(run=cmd_unlock)
