"""Checking signed PDFs and QR codes: with nothing but the file, and against a database if any."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp.cli.common import Subparsers
from juryapp.domain.access import Actor
from juryapp.domain.messages import FileProblemError, Text, ValidationError

if TYPE_CHECKING:
    from juryapp.bootstrap import Services
    from juryapp.reports.document_check import CheckResult
    from juryapp.services.verification import Verification


def cmd_verify(_services: Services | None, args: argparse.Namespace) -> int:
    """Each file checked alone; then, when a database is there, compared with it too.

    Opens a database only if one exists already (``--db``/``JURYAPP_DB`` or the default
    path), so a stranger checking a copied file never gets a database file made for them.
    """
    from juryapp.reports.document_check import check_pdf

    expected = _expected_key(args.key)
    target = _database_to_compare(args.db)
    services = None
    if target is not None:
        from juryapp.bootstrap import bootstrap

        services = bootstrap(target)
    status = 0
    try:
        for name in args.files:
            path = Path(name)
            try:
                data = path.read_bytes()
            except OSError as exc:
                _say(Text("{f}: tidak dapat dibaca ({e})", "{f}: cannot be read ({e})"),
                     f=name, e=exc.strerror or exc)  # fmt: skip
                status = 1
                continue
            result = check_pdf(data, expected)
            _report(path.name, result)
            if not result.ok:
                status = 1
            if services is not None:
                comparison = services.verification.verify(Actor.reader(), path)
                for line in database_lines(comparison):
                    print(f"  {line}")
                if not comparison.ok:
                    status = 1
    finally:
        if services is not None:
            services.close()
    return status


def _is_file(path: Path) -> bool | None:
    """Whether ``path`` is a file; None when it cannot even be a file's name (too long for
    the system, or holding a NUL), as a code's text copied with its prefix changed is."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return None


def cmd_verify_qr(_services: Services | None, args: argparse.Namespace) -> int:
    """A QR code's text as a phone's scanner shows it, or the codes in a photo or scan."""
    from juryapp.reports.claims import CLAIM_PREFIX
    from juryapp.reports.convention_key import QR_PREFIX
    from juryapp.reports.document_check import check_claim_text
    from juryapp.reports.qr_reader import read_qr_file

    expected = _expected_key(args.key)
    source: str = args.source
    if source.strip().startswith((CLAIM_PREFIX, QR_PREFIX + ":")):
        found = [(str(Text("kode QR", "QR code")), source)]
    else:
        path = Path(source)
        named_a_file = _is_file(path)
        if named_a_file is None:  # too long or not a name at all: text, not a file
            named_a_file = False
        elif not named_a_file and (path.suffix or len(path.parts) > 1):
            raise FileProblemError(Text("berkas tidak ada", "no such file"), file=source)
        if not named_a_file:
            raise ValidationError(
                Text(
                    "'{s}' bukan kode juryapp (diawali {p}) dan bukan berkas gambar",
                    "'{s}' is neither a juryapp code (starting {p}) nor an image file",
                ).format(s=source[:60], p=CLAIM_PREFIX)
            )
        texts = read_qr_file(path)
        if not texts:
            _say(Text("{f}: tidak ada kode QR yang terbaca", "{f}: no QR code could be read"),
                 f=path.name)  # fmt: skip
            return 1
        several = len(texts) > 1
        found = [
            (f"{path.name} ({n})" if several else path.name, text)
            for n, text in enumerate(texts, start=1)
        ]
    status = 0
    for label, text in found:
        result = check_claim_text(text, expected)
        _report(label, result)
        if not result.ok:
            status = 1
    return status


def _expected_key(key: str | None) -> str | None:
    if key is None:
        return None
    from juryapp.reports.fingerprint import normal_fingerprint

    return normal_fingerprint(key)


def _database_to_compare(db: str | None) -> str | None:
    """The database to compare files with: the one named if it exists (an error if it does
    not), else the default one if it exists, else none."""
    from juryapp.persistence.engine import default_database_path, resolve_url

    if not db:
        default = default_database_path()
        return str(default) if default.is_file() else None
    url = resolve_url(db)
    if url.get_backend_name() != "sqlite":
        return db  # a server: nothing is created by connecting to it
    database = url.database or ""
    if database and database != ":memory:" and Path(database).is_file():
        return db
    raise ValidationError(
        Text(
            "basis data {db} tidak ada; tanpa --db (dan JURYAPP_DB), berkas diperiksa tanpa "
            "basis data",
            "there is no database {db}; without --db (and JURYAPP_DB) the files are checked "
            "on their own",
        ).format(db=database or db)
    )


def _report(label: str, result: CheckResult) -> None:
    print(f"{label}: {result.verdict}")
    for problem in result.problems:
        print(f"  - {problem}")
    for note in result.notes():
        print(f"  {note}")


def _say(text: Text, **values: object) -> None:
    print(str(text.format(**values)))


def database_lines(report: Verification) -> list[Text]:
    """How a file compares with the database at hand, one line each."""
    verdict = report.verdict
    lines: list[Text] = []
    if verdict.matches_trusted_key is None:
        lines.append(
            Text(
                "basis data ini belum memiliki kunci tanda tangan",
                "this database has no signing key yet",
            )
        )
    elif verdict.matches_trusted_key:
        lines.append(
            Text(
                "ditandatangani kunci konvensi di basis data ini",
                "signed with the convention key in this database",
            )
        )
    else:
        lines.append(
            Text(
                "- tidak ditandatangani kunci konvensi di basis data ini",
                "- not signed with the convention key in this database",
            )
        )
    if not verdict.intact:
        return lines
    if report.matches_database:
        lines.append(
            Text(
                "sesuai dengan hasil versi {v} di basis data ini",
                "matches results version {v} in this database",
            ).format(v=report.database_version)
        )
    else:
        lines.append(
            Text(
                "- berbeda dari hasil di basis data ini (basis data: versi {v}, {f})",
                "- differs from the results in this database (database: version {v}, {f})",
            ).format(v=report.database_version, f=report.database_fingerprint)
        )
    if not report.database_locked:
        lines.append(
            Text(
                "- hasil di basis data ini tidak dalam keadaan terkunci",
                "- the results in this database are not locked",
            )
        )
    for finding in report.seal_findings[:3]:
        lines.append(
            Text(
                "- basis data ini tidak lagi sama dengan segelnya: {f}",
                "- this database no longer matches its seal: {f}",
            ).format(f=finding)
        )
    return lines


def _language_option(parser: argparse.ArgumentParser) -> None:
    # also after the command, where a person checking one file naturally types it
    parser.add_argument(
        "--lang", choices=("id", "en"), default=argparse.SUPPRESS, help="language of the report"
    )


def register(sub: Subparsers) -> None:
    verify = sub.add_parser(
        "verify",
        help="check signed result PDFs, with no database needed (and against one if there)",
    )
    verify.add_argument("files", nargs="+", metavar="FILE.pdf")
    verify.add_argument(
        "--key",
        metavar="FINGERPRINT",
        help="the key fingerprint printed on the signed minutes; any other signer fails",
    )
    _language_option(verify)
    verify.set_defaults(run=cmd_verify, needs_db=False)
    verify_qr = sub.add_parser(
        "verify-qr", help="check a result document's QR code: its text, or a photo or scan"
    )
    verify_qr.add_argument("source", metavar="TEXT|IMAGE")
    verify_qr.add_argument(
        "--key",
        metavar="FINGERPRINT",
        help="the key fingerprint printed on the signed minutes; any other signer fails",
    )
    _language_option(verify_qr)
    verify_qr.set_defaults(run=cmd_verify_qr, needs_db=False)
