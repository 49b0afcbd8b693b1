"""``juryapp``: the command line, and the entry point that opens the desktop app."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from juryapp import __version__
from juryapp.domain.messages import JuryError, set_language

if TYPE_CHECKING:
    from juryapp.bootstrap import Services

# Database, spreadsheet and document libraries load inside the commands that use them, and
# the command modules only once a command is given, so that opening the desktop app through
# this entry point does not wait for them.


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
        "--user",
        default=os.environ.get("JURYAPP_USER"),
        help="act as this account (its secret from JURYAPP_SECRET, else asked); needed by "
        "every command that changes data",
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
    from juryapp.cli import audit_commands, laptop_commands, results_commands, setup_commands

    for commands in (setup_commands, results_commands, audit_commands, laptop_commands):
        commands.register(sub)
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
                load_demo(services.database, services.setup, services.accounts, services.keys)
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
