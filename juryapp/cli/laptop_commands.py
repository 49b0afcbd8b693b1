"""Commands for judges at their own laptops and the secretariat's hub: packages, bundles,
receipts, forks, and scoring from the command line."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp.cli.common import Subparsers, say
from juryapp.cli.session import acting, passphrase
from juryapp.domain.commands import Channel, Command, Origin, SetNote, SetScore, Submit
from juryapp.domain.messages import (
    JuryError,
    NotFoundError,
    PermissionDeniedError,
    Text,
)

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.domain.access import Actor
    from juryapp.reports.convention_key import ConventionKey

BUNDLE_SUFFIX = ".jurylog"
RECEIPT_SUFFIX = ".receipt"


def hub_key(services: Services, actor: Actor) -> ConventionKey:
    """The convention key, opened once for this command with ``JURYAPP_PASSPHRASE``."""
    return services.keys.unlock(actor, passphrase())


def cmd_export_package(services: Services, args: argparse.Namespace) -> int:
    from juryapp.interchange.files import write_atomically

    actor = acting(services, args, change=True)
    address, pin = args.hub_address or "", args.hub_certificate or ""
    if address and not pin:  # the hub's own certificate, made now if it is the first time
        from juryapp.lan.tls import hub_certificate

        pin = hub_certificate(Path(args.tls_folder) if args.tls_folder else None).sha256
    data = services.hub.export_package(
        actor, hub_key(services, actor), hub_address=address, hub_certificate=pin
    )
    write_atomically(Path(args.file), data)
    key = services.keys.active(actor)
    say(
        Text(
            "Paket konvensi ditulis ke {f}. Sidik jari kunci konvensi: {k} — bandingkan dengan "
            "layar laptop juri setelah paket dibuka.",
            "Convention package written to {f}. Convention key fingerprint: {k} — compare it "
            "with the judge's laptop screen once the package is opened.",
        ),
        f=args.file,
        k=key.fingerprint if key else "—",
    )
    return 0


def cmd_import_package(services: Services, args: argparse.Namespace) -> int:
    path = Path(args.file)
    summary = services.laptop.import_package(path.read_bytes(), str(path))
    say(
        Text(
            "{what} '{n}': {t} tim, {j} juri. Sidik jari kunci konvensi: {k} — sama dengan "
            "yang di layar sekretariat?",
            "{what} '{n}': {t} teams, {j} judges. Convention key fingerprint: {k} — the same "
            "as on the secretariat's screen?",
        ),
        what=Text("Paket diperbarui", "Package updated")
        if summary.updated
        else Text("Laptop juri dibuat untuk", "Judge's laptop made for"),
        n=summary.convention,
        t=summary.teams,
        j=summary.judges,
        k=summary.fingerprint,
    )
    return 0


def cmd_export_scores(services: Services, args: argparse.Namespace) -> int:
    from juryapp.interchange.files import write_atomically

    actor = acting(services, args, change=False)
    target = Path(args.path)
    judges = [args.judge] if args.judge else services.laptop.judges_with_logs()
    if actor.judge_code is not None and not args.judge:
        judges = [actor.judge_code]
    if not judges:
        raise NotFoundError(
            Text("belum ada nilai di laptop ini", "there are no scores on this laptop yet")
        )
    if len(judges) > 1 and not target.is_dir():
        raise PermissionDeniedError(
            Text(
                "beberapa juri memakai laptop ini ({j}): sebut --judge KODE atau beri folder",
                "several judges use this laptop ({j}): name --judge CODE or give a folder",
            ).format(j=", ".join(judges))
        )
    for code in judges:
        bundle = services.laptop.export_scores(actor, code)
        path = target / f"nilai-{code}{BUNDLE_SUFFIX}" if target.is_dir() else target
        write_atomically(path, bundle.data)
        say(
            Text(
                "{j}: {n} peristiwa ditulis ke {f}",
                "{j}: {n} events written to {f}",
            ),
            j=code,
            n=bundle.events,
            f=path,
        )
    return 0


def cmd_import_bundles(services: Services, args: argparse.Namespace) -> int:
    from juryapp.interchange.files import write_atomically

    actor = acting(services, args, change=True)
    key = hub_key(services, actor)
    refused = 0
    files: list[tuple[bytes, str]] = []
    for name in args.files:
        try:
            files.append((Path(name).read_bytes(), name))
        except OSError as exc:
            refused += 1
            print(f"juryapp: {name}: {exc.strerror}", file=sys.stderr)
    if args.enrol:
        _enrol(services, actor, files, set(args.enrol))
    for (_, name), imported in zip(files, services.hub.merge_all(actor, files, key), strict=True):
        path = Path(name)
        if isinstance(imported, JuryError):
            refused += 1
            print(f"juryapp: {imported}", file=sys.stderr)
            continue
        result = imported.result
        say(
            Text(
                "{f}: juri {j}, {n} peristiwa, {new} baru; diterima s.d. #{u}",
                "{f}: judge {j}, {n} events, {new} new; received up to #{u}",
            ),
            f=path.name,
            j=result.judge,
            n=result.events,
            new=result.new,
            u=result.upto,
        )
        for first, last in result.missing:
            say(
                Text("  belum diterima: #{a}–#{b}", "  not received yet: #{a}–#{b}"),
                a=first,
                b=last,
            )
        for seq in result.forks:
            say(
                Text(
                    "  PERCABANGAN pada #{n}: dua peristiwa berbeda bernomor sama; tidak ada yang "
                    "ditimpa — putuskan dengan juryapp settle-fork",
                    "  FORK at #{n}: two different events with the same number; nothing was "
                    "overwritten — decide with juryapp settle-fork",
                ),
                n=seq,
            )
        if imported.receipt is not None:
            receipt_path = path.with_name(path.name + RECEIPT_SUFFIX)
            if args.receipts:
                receipt_path = Path(args.receipts) / receipt_path.name
            write_atomically(receipt_path, imported.receipt)
            say(Text("  tanda terima: {f}", "  receipt: {f}"), f=receipt_path)
    return 1 if refused else 0


def _enrol(
    services: Services, actor: Actor, files: list[tuple[bytes, str]], fingerprints: set[str]
) -> None:
    """Enrol the keys of the bundles whose fingerprint a person typed after comparing it."""
    known = {k.fingerprint for k in services.judge_keys.enrolled(actor)}
    for data, name in files:
        try:
            bundle = services.hub.read(data, name)
        except JuryError:
            continue  # the merge reports it
        if bundle.fingerprint in known or bundle.fingerprint not in fingerprints:
            continue
        services.judge_keys.enrol(actor, bundle.judge, bundle.public_key, bundle.fingerprint)
        known.add(bundle.fingerprint)
        say(
            Text("Kunci {k} didaftarkan untuk juri {j}.", "Key {k} enrolled for judge {j}."),
            k=bundle.fingerprint,
            j=bundle.judge,
        )


def cmd_import_receipt(services: Services, args: argparse.Namespace) -> int:
    for name in args.files:
        path = Path(name)
        status = services.laptop.import_receipt(path.read_bytes(), str(path))
        _print_status(status)
    return 0


def cmd_log_status(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=False)
    judges = [actor.judge_code] if actor.judge_code else services.laptop.judges_with_logs()
    for code in judges:
        if code is not None:
            _print_status(services.laptop.status(actor, code))
    return 0


def _print_status(status: object) -> None:
    from juryapp.services.laptop import LogStatus

    assert isinstance(status, LogStatus)
    if status.received is None:
        say(
            Text(
                "{j}: log sampai #{n}; belum ada tanda terima dari sekretariat",
                "{j}: log up to #{n}; no receipt from the secretariat yet",
            ),
            j=status.judge_code,
            n=status.last,
        )
    else:
        say(
            Text(
                "{j}: diterima sekretariat s.d. #{r} (log sampai #{n})",
                "{j}: received by the secretariat up to #{r} (log up to #{n})",
            ),
            j=status.judge_code,
            r=status.received,
            n=status.last,
        )
    if status.not_received:
        say(
            Text("  belum diterima: {t}", "  not received yet: {t}"),
            t=", ".join(status.not_received),
        )


def cmd_received(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=False)
    for row in services.hub.received(actor):
        when = row.last_received.strftime("%Y-%m-%d %H:%M") if row.last_received else "—"
        gaps = ", ".join(f"#{a}–#{b}" for a, b in row.missing) or "—"
        print(
            f"{row.judge_code:<6} {row.fingerprint or '—':<25} #{row.upto:<6} {when:<17} "
            f"{gaps}  {row.set_aside}  {row.open_forks}"
        )
    return 0


def cmd_forks(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=False)
    for fork in services.hub.forks(actor):
        state = fork.decision or str(Text("belum diputuskan", "not decided"))
        print(f"[{fork.id}] {fork.judge_code} #{fork.seq}: {state}")
        print("   " + str(Text("diterapkan:", "applied:")) + " " + "; ".join(fork.applied_branch))
        print("   " + str(Text("lainnya:", "other:")) + " " + "; ".join(fork.other_branch))
    return 0


def cmd_settle_fork(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=True)
    services.hub.settle_fork(
        actor, args.fork, take_other=args.branch == "other", reason=args.reason
    )
    say(Text("Keputusan dicatat.", "The decision is recorded."))
    return 0


def parse_scores(pairs: list[str]) -> list[tuple[str, Decimal | None]]:
    """``K1=4 K2=3,5 K3=`` → criterion and value (empty clears); a comma is a decimal point."""
    scores: list[tuple[str, Decimal | None]] = []
    for pair in pairs:
        code, equals, text = pair.partition("=")
        try:
            if not equals or not code:
                raise InvalidOperation
            value = Decimal(text.replace(",", ".")) if text.strip() else None
        except InvalidOperation:
            raise NotFoundError(
                Text(
                    "'{p}' bukan KRITERIA=NILAI (mis. K1=4)",
                    "'{p}' is not CRITERION=VALUE (e.g. K1=4)",
                ).format(p=pair)
            ) from None
        scores.append((code.strip().upper(), value))
    return scores


def cmd_score(services: Services, args: argparse.Namespace) -> int:
    """Score from the command line, one committed change per criterion as the sheet saves."""
    actor = acting(services, args, change=True)
    judge = args.judge or actor.judge_code
    if judge is None:
        raise PermissionDeniedError(Text("sebut --judge KODE", "name the judge with --judge CODE"))
    from juryapp.services import audit

    origin = Origin(Channel.COMMAND_LINE)
    commands: list[Command] = [
        SetScore(judge, args.team, code, value, None, audit.now(), origin)
        for code, value in parse_scores(args.scores)
    ]
    if args.note is not None:
        commands.append(SetNote(judge, args.team, args.note, audit.now(), origin))
    if args.submit:
        commands.append(Submit(judge, args.team, audit.now(), origin))
    view = None
    for command in commands:
        view = services.scoring.execute(actor, command)
    if view is None:
        view = services.scoring.sheet(actor, judge, args.team)
    total = "—" if view.total is None else f"{float(view.total):.2f}"
    say(
        Text(
            "{j} × {t}: {f} dari {n} kriteria, total {s}, status {st}",
            "{j} × {t}: {f} of {n} criteria, total {s}, status {st}",
        ),
        j=judge,
        t=args.team,
        f=view.filled,
        n=len(view.lines),
        s=total,
        st=view.status.value if view.status else "—",
    )
    return 0


def register(sub: Subparsers) -> None:
    package = sub.add_parser(
        "export-package", help="write the convention package for judges' laptops (hub)"
    )
    package.add_argument("file")
    package.add_argument("--hub-address", help="the hub's LAN address, host:port")
    package.add_argument(
        "--hub-certificate",
        help="SHA-256 of the hub's TLS certificate, hex (default: this hub's own)",
    )
    package.add_argument("--tls-folder", help="where the hub's certificate is kept")
    package.set_defaults(run=cmd_export_package)

    opened = sub.add_parser("import-package", help="make this database a judge's laptop")
    opened.add_argument("file")
    opened.set_defaults(run=cmd_import_package)

    scores = sub.add_parser(
        "export-scores", help="write a judge's signed log as a bundle (judge's laptop)"
    )
    scores.add_argument("path", help="a FILE, or a folder for one file per judge")
    scores.add_argument("--judge", help="the judge whose log to write")
    scores.set_defaults(run=cmd_export_scores)

    bundles = sub.add_parser(
        "import-scores-bundle", help="merge judges' bundles and write signed receipts (hub)"
    )
    bundles.add_argument("files", nargs="+")
    bundles.add_argument(
        "--enrol",
        action="append",
        metavar="FINGERPRINT",
        help="enrol a judge's key first, after comparing this fingerprint with their screen",
    )
    bundles.add_argument("--receipts", help="folder for the receipts (default: beside each)")
    bundles.set_defaults(run=cmd_import_bundles)

    receipts = sub.add_parser("import-receipt", help="keep the secretariat's receipts (laptop)")
    receipts.add_argument("files", nargs="+")
    receipts.set_defaults(run=cmd_import_receipt)

    status = sub.add_parser("log-status", help="how far the secretariat has received each log")
    status.set_defaults(run=cmd_log_status)

    received = sub.add_parser("received", help="which judges the hub holds, and up to when")
    received.set_defaults(run=cmd_received)
    forks = sub.add_parser("forks", help="list forks in judges' logs")
    forks.set_defaults(run=cmd_forks)
    settle = sub.add_parser("settle-fork", help="record the decision on a fork")
    settle.add_argument("fork", type=int, help="the fork's number in juryapp forks")
    settle.add_argument("branch", choices=("applied", "other"), help="the branch to keep")
    settle.add_argument("--reason", required=True)
    settle.set_defaults(run=cmd_settle_fork)

    score = sub.add_parser("score", help="score a team: TEAM K1=4 K2=3 … [--note] [--submit]")
    score.add_argument("team")
    score.add_argument("scores", nargs="*", metavar="K=V")
    score.add_argument("--note", help="the sheet's note")
    score.add_argument("--submit", action="store_true", help="hand the sheet in afterwards")
    score.add_argument("--judge", help="the judge (the secretariat typing a paper sheet)")
    score.set_defaults(run=cmd_score)
