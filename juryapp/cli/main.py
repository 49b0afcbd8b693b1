"""``juryapp``: the command line, and the entry point that opens the desktop app."""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from juryapp import __version__
from juryapp.domain.messages import JuryError, set_language, storage_error

if TYPE_CHECKING:
    from juryapp.bootstrap import Services

# Database, spreadsheet and document libraries load inside the commands that use them, and
# the command modules only once a command is given, so that opening the desktop app through
# this entry point does not wait for them.

# Commands that only read: every other command takes the database's writer lock, so that it
# never races the desktop app (or another command) writing the same file.
# (A sub-command that only reads says so with ``reads_only`` in its defaults.)
READING_COMMANDS = frozenset(
    ("results", "verify", "verify-qr", "export-convention", "template", "backup")
)


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
    from juryapp.cli import (
        audit_commands,
        backup_commands,
        lan_commands,
        laptop_commands,
        results_commands,
        setup_commands,
        verify_commands,
    )

    for commands in (
        setup_commands,
        results_commands,
        audit_commands,
        verify_commands,
        backup_commands,
        laptop_commands,
        lan_commands,
    ):
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
    return _run_command(args)


def _run_command(args: argparse.Namespace) -> int:
    """Run a command; a problem a person can fix is one line on stderr and exit status 2."""
    services: Services | None = None
    try:
        if not getattr(args, "needs_db", True):
            return int(args.run(None, args))
        from juryapp.bootstrap import bootstrap

        with _writer_lock(args):
            services = bootstrap(args.db)
            _tell_about_the_database(services, args.command)
            return int(args.run(services, args))
    except JuryError as exc:
        print(f"juryapp: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"juryapp: {storage_error(exc, exc.filename or '?')}", file=sys.stderr)
        return 2
    finally:
        if services is not None:
            services.close()


def reads_only(args: argparse.Namespace) -> bool:
    return args.command in READING_COMMANDS or bool(getattr(args, "reads_only", False))


def _writer_lock(args: argparse.Namespace) -> contextlib.AbstractContextManager[object]:
    """The database's writer lock for a changing command on a SQLite file, else nothing."""
    if reads_only(args):
        return contextlib.nullcontext()
    from juryapp.persistence.engine import resolve_url, sqlite_file
    from juryapp.persistence.instance_lock import InstanceLock

    path = sqlite_file(resolve_url(args.db))
    if path is None:
        return contextlib.nullcontext()
    return InstanceLock(path, f"juryapp {args.command}")


def _tell_about_the_database(services: Services, command: str) -> None:
    """One line on stderr when the database is open read-only, or sits where it can vanish."""
    database = services.ensure_open().database
    if database.read_only is not None:
        print(f"juryapp: {database.read_only}", file=sys.stderr)
    elif command not in READING_COMMANDS:  # a changing command, or a sub-command's group
        from juryapp.cli.backup_commands import warn_about_storage

        warn_about_storage(services)


def _ensure_demo(target: str) -> int:
    """Create the demo database the first time ``--demo`` is used."""
    from juryapp.bootstrap import bootstrap
    from juryapp.services.demo import load_demo

    try:
        services = bootstrap(target)
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
