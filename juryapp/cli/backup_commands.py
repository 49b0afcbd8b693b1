"""Commands that copy the database out and put a copy back: backup and restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp.cli.common import Subparsers, say
from juryapp.cli.session import acting
from juryapp.domain.messages import FileProblemError, Text

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.services.backups import BackupCheck


def _describe(check: BackupCheck) -> Text:
    locked = Text(", hasil terkunci", ", results locked") if check.locked else Text("", "")
    return Text(
        "konvensi '{c}', skema {r}, {n} peristiwa audit utuh{l}",
        "convention '{c}', schema {r}, {n} audit events intact{l}",
    ).format(c=check.convention, r=check.revision, n=check.audit_events, l=locked)


def cmd_backup(services: Services, args: argparse.Namespace) -> int:
    check = services.backups.back_up_to(acting(services, args, change=False), Path(args.file))
    if not check.ok:  # the copy just written does not hold up: say so, never pretend
        raise FileProblemError(check.problems[0], file=Path(args.file).name)
    say(
        Text(
            "Cadangan ditulis dan diperiksa: {f} ({d}).", "Backup written and checked: {f} ({d})."
        ),
        f=args.file,
        d=_describe(check),
    )
    return 0


def cmd_restore(services: Services, args: argparse.Namespace) -> int:
    from juryapp.services.backups import verify_backup

    source = Path(args.file)
    # A bad file is refused before anyone is asked for a secret (and before the sign-in is
    # recorded), so a refusal leaves the database exactly as it was.
    check = verify_backup(source)
    if not check.ok:
        raise FileProblemError(check.problems[0], file=source.name)
    if args.check:
        say(Text("{f}: dapat dipulihkan ({d}).", "{f}: can be restored ({d})."), f=source.name,
            d=_describe(check))  # fmt: skip
        return 0
    restored = services.backups.restore(acting(services, args, change=True), source)
    say(
        Text(
            "Dipulihkan dari {f} ({d}); basis data sebelumnya disimpan sebagai {k}.",
            "Restored from {f} ({d}); the previous database is kept as {k}.",
        ),
        f=source.name,
        d=_describe(restored.check),
        k=restored.kept,
    )
    return 0


def warn_about_storage(services: Services) -> None:
    """One line on stderr when the database sits on removable media or a network share."""
    if services.database.path is None:
        return
    warning = services.backups.storage_warning()
    if warning is not None:
        print(f"juryapp: {warning}", file=sys.stderr)


def register(sub: Subparsers) -> None:
    backup = sub.add_parser(
        "backup", help="write a checked copy of the database (SQLite's backup API)"
    )
    backup.add_argument("file", help="where the copy goes, e.g. on a USB stick")
    backup.set_defaults(run=cmd_backup)
    restore = sub.add_parser(
        "restore", help="replace the database with a checked backup (the old one is kept)"
    )
    restore.add_argument("file")
    restore.add_argument("--check", action="store_true", help="only check the backup")
    restore.set_defaults(run=cmd_restore)
