"""``juryapp``: the command line, and the entry point that opens the desktop app."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp import __version__
from juryapp.domain.access import Actor
from juryapp.domain.kinds import Method, Role
from juryapp.domain.messages import JuryError, StateError, Text, set_language

if TYPE_CHECKING:
    from juryapp.bootstrap import Services

# Database, spreadsheet and document libraries load inside the commands that use them, so
# that opening the desktop app through this entry point does not wait for them.
TEMPLATE_KINDS = ("judges", "scores", "teams")

Command = Callable[["Services", argparse.Namespace], int]


def _say(text: Text, **values: object) -> None:
    print(str(text.format(**values) if values else text))


def cmd_demo(services: Services, args: argparse.Namespace) -> int:
    from juryapp.persistence.database import reset
    from juryapp.persistence.engine import describe
    from juryapp.services.demo import load_demo

    if services.database.has_convention():
        if not args.force:
            raise StateError(
                Text(
                    "basis data {db} tidak kosong; tambahkan --force untuk menimpanya",
                    "the database {db} is not empty; add --force to overwrite it",
                ).format(db=describe(services.database.engine))
            )
        reset(services.database)
    info = load_demo(services.database, services.setup, services.accounts)
    _say(
        Text("Konvensi demo dibuat di {db}", "Demo convention created in {db}"),
        db=describe(services.database.engine),
    )
    _say(
        Text(
            "Akun demo (nama pengguna / kata sandi atau PIN):",
            "Demo accounts (username / passphrase or PIN):",
        )
    )
    for person in info.credentials:
        print(f"  {person.username:<13} {person.secret:<12} {person.display_name}")
    _say(
        Text(
            "Lembar {j} × {t} sengaja dibiarkan kosong untuk dicoba.",
            "Sheet {j} × {t} is left empty for you to try.",
        ),
        j=info.pending[0],
        t=info.pending[1],
    )
    return 0


def cmd_init(services: Services, args: argparse.Namespace) -> int:
    from juryapp.interchange.convention_file import read_convention_file

    spec = read_convention_file(Path(args.file))
    services.setup.create(Actor.console(), spec)
    _say(
        Text(
            "Konvensi '{n}' dibuat: {t} tim, {j} juri, {c} kategori.",
            "Convention '{n}' created: {t} teams, {j} judges, {c} categories.",
        ),
        n=spec.info.name,
        t=len(spec.teams),
        j=len(spec.judges),
        c=len(spec.categories),
    )
    return 0


def cmd_export_convention(services: Services, args: argparse.Namespace) -> int:
    from juryapp.interchange.convention_file import write_convention_file

    write_convention_file(services.setup.spec(), Path(args.file))
    _say(Text("Berkas konvensi ditulis: {f}", "Convention file written: {f}"), f=args.file)
    return 0


def _import(kind: str) -> Command:
    def run(services: Services, args: argparse.Namespace) -> int:
        method = getattr(services.imports, f"import_{kind}")
        summary = method(Actor.console(), Path(args.file))
        _say(
            Text(
                "{f}: {r} baris diimpor ({a} baru, {c} diubah, {u} sama).",
                "{f}: {r} rows imported ({a} new, {c} changed, {u} unchanged).",
            ),
            f=Path(args.file).name,
            r=summary.rows,
            a=summary.added,
            c=summary.changed,
            u=summary.unchanged,
        )
        return 0

    return run


def cmd_template(services: Services | None, args: argparse.Namespace) -> int:
    from juryapp.interchange.columns import TEMPLATES
    from juryapp.interchange.tabular import write_table

    columns = TEMPLATES[args.kind]
    write_table(Path(args.file), [c.key for c in columns], [])
    _say(Text("Templat {k} ditulis: {f}", "{k} template written: {f}"), k=args.kind, f=args.file)
    return 0


def cmd_results(services: Services, args: argparse.Namespace) -> int:
    from juryapp.cli.output import results_json, results_text

    method = Method(args.method) if args.method else None
    results = services.results.compute(Actor.console(), method)
    if args.json:
        print(json.dumps(results_json(results), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(results_text(results, args.lang))
    return 0


def cmd_add_user(services: Services, args: argparse.Namespace) -> int:
    import getpass

    secret = os.environ.get("JURYAPP_SECRET") or getpass.getpass("PIN / passphrase: ")
    services.accounts.create(
        Actor.console(),
        args.username,
        secret,
        role=Role(args.role),
        display_name=args.name or "",
        judge_code=args.judge,
    )
    _say(Text("Akun {u} dibuat.", "Account {u} created."), u=args.username)
    return 0


def cmd_lock(services: Services, args: argparse.Namespace) -> int:
    state = services.publishing.lock(Actor.console(), args.reason or "")
    key = services.publishing.signing_key()
    _say(Text("Hasil versi {v} dikunci.", "Results version {v} locked."), v=state.version)
    if key is not None:
        _say(
            Text(
                "Kunci tanda tangan {k}; sidik jari sertifikat {f}",
                "Signing key {k}; certificate fingerprint {f}",
            ),
            k=key.key_id,
            f=key.certificate_fingerprint,
        )
    return 0


def cmd_report(services: Services, args: argparse.Namespace) -> int:
    from juryapp.services.publishing import Kind

    kinds = [Kind(k) for k in args.documents] if args.documents else None

    def progress(done: int, total: int, name: str) -> None:
        if name and not args.quiet:
            print(f"[{done + 1}/{total}] {name}", file=sys.stderr)

    written = services.publishing.publish(
        Actor.console(),
        Path(args.out),
        lang=args.lang,
        kinds=kinds,
        paper=args.paper,
        progress=progress,
    )
    signed = sum(1 for w in written if w.signed)
    _say(
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


def cmd_verify(services: Services, args: argparse.Namespace) -> int:
    from juryapp.cli.output import verification_text

    status = 0
    for name in args.files:
        report = services.publishing.verify(Path(name))
        print(verification_text(Path(name).name, report, args.lang))
        if not report.ok:
            status = 1
    return status


def cmd_unlock(services: Services, args: argparse.Namespace) -> int:
    state = services.results.unlock(Actor.console(), args.reason)
    _say(
        Text(
            "Kunci dibuka; versi hasil sekarang {v}.", "Unlocked; the results are now version {v}."
        ),
        v=state.version,
    )
    return 0


def _with_app_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``parser`` with the options that come before any command (or open the app)."""
    parser.add_argument("--version", action="version", version=f"juryapp {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offline (temporary database, documents, Qt) and exit",
    )
    parser.add_argument(
        "--db",
        default=os.environ.get("JURYAPP_DB"),
        help="database file or URL (default: JURYAPP_DB, else the user's data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=os.environ.get("JURYAPP_LANG", "id"),
        help="language of messages and documents (default id)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo convention (its own database, created on first use)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _with_app_options(
        argparse.ArgumentParser(
            prog="juryapp",
            description="Penilaian juri konvensi mutu kesehatan / jury scoring for health "
            "conventions",
        )
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="create the demo convention")
    demo.add_argument("--force", action="store_true", help="empty a non-empty database first")
    demo.set_defaults(run=cmd_demo)
    init = sub.add_parser("init", help="create a convention from a convention file")
    init.add_argument("file")
    init.set_defaults(run=cmd_init)
    export = sub.add_parser("export-convention", help="write the set-up as a convention file")
    export.add_argument("file")
    export.set_defaults(run=cmd_export_convention)
    for kind in ("teams", "judges", "scores"):
        command = sub.add_parser(f"import-{kind}", help=f"import {kind} from CSV or XLSX")
        command.add_argument("file")
        command.set_defaults(run=_import(kind))
    template = sub.add_parser("template", help="write an empty spreadsheet with the headers")
    template.add_argument("kind", choices=TEMPLATE_KINDS)
    template.add_argument("file")
    template.set_defaults(run=cmd_template, needs_db=False)
    results = sub.add_parser("results", help="rankings per category")
    results.add_argument("--method", choices=[m.value for m in Method])
    results.add_argument("--json", action="store_true")
    results.set_defaults(run=cmd_results)
    user = sub.add_parser(
        "add-user", help="create an account (secret from JURYAPP_SECRET or asked)"
    )
    user.add_argument("username")
    user.add_argument("--role", choices=[r.value for r in Role], default="secretariat")
    user.add_argument("--judge", help="judge code, for a judge account")
    user.add_argument("--name", help="name shown in the app")
    user.set_defaults(run=cmd_add_user)
    lock = sub.add_parser("lock", help="lock the results")
    lock.add_argument("--reason", help="why unconfirmed sheets are accepted")
    lock.set_defaults(run=cmd_lock)
    report = sub.add_parser("report", help="write the result documents as PDF files")
    report.add_argument("--out", required=True, help="folder for the PDF files")
    report.add_argument(
        "--documents",
        nargs="+",
        choices=["sheets", "blank", "recap", "minutes", "certificates", "feedback"],
        help="only these documents (default: all)",
    )
    report.add_argument("--paper", choices=["A4", "F4"], default="A4")
    report.add_argument("--quiet", action="store_true", help="no progress lines")
    report.set_defaults(run=cmd_report)
    verify = sub.add_parser("verify", help="check signed result PDFs against this database")
    verify.add_argument("files", nargs="+")
    verify.set_defaults(run=cmd_verify)
    unlock = sub.add_parser("unlock", help="unlock the results (raises the version)")
    unlock.add_argument("--reason", required=True)
    unlock.set_defaults(run=cmd_unlock)
    return parser


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line read; one without a command, which opens the app, is read without
    building every command's parser (9 ms of the desktop app's start)."""
    options_only = _with_app_options(
        # no abbreviations here: an ambiguous one would be reported by this parser's usage
        argparse.ArgumentParser(
            prog="juryapp", add_help=False, exit_on_error=False, allow_abbrev=False
        )
    )
    try:
        args, rest = options_only.parse_known_args(argv)
    except argparse.ArgumentError:  # a wrong value: the whole parser says what is wrong
        return build_parser().parse_args(argv)
    if rest:  # a command, or a request for help
        return build_parser().parse_args(argv)
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    # a document worker process of the frozen app starts here too: run its task and stop
    multiprocessing.freeze_support()
    args = parse_arguments(argv)
    set_language(args.lang)
    if args.self_test:
        from juryapp.selftest import run_self_test

        return run_self_test()
    if args.demo and not args.db:
        from juryapp.persistence.engine import default_database_path

        args.db = str(default_database_path().with_name("demo.sqlite3"))
    if args.command is None:
        if args.demo:
            failed = _ensure_demo(args.db)
            if failed:
                return failed
        from juryapp.gui.launch import run_gui

        return run_gui(args.db, args.lang)
    services: Services | None = None
    try:
        if getattr(args, "needs_db", True):
            from juryapp.bootstrap import open_services

            services = open_services(args.db)
        code: int = args.run(services, args)
        return code
    except JuryError as exc:
        print(f"juryapp: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"juryapp: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return 2
    finally:
        if services is not None:
            services.close()


def _ensure_demo(target: str) -> int:
    """Create the demo database the first time ``--demo`` is used."""
    from juryapp.bootstrap import open_services
    from juryapp.services.demo import load_demo

    try:
        services = open_services(target)
        try:
            if not services.database.has_convention():
                load_demo(services.database, services.setup, services.accounts)
        finally:
            services.close()
    except JuryError as exc:
        print(f"juryapp: {exc}", file=sys.stderr)
        return 2
    return 0


def main_gui() -> int:
    """Entry point of the windowed launcher: no console, straight to the app."""
    return main(sys.argv[1:] or [])


if __name__ == "__main__":
    sys.exit(main())
