"""Commands about trust: the audit trail, the signing key, and the published verification file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp.cli.common import Subparsers, say
from juryapp.cli.session import acting, new_passphrase, passphrase
from juryapp.domain.messages import Text

if TYPE_CHECKING:
    from juryapp.bootstrap import Services


def cmd_audit_verify(services: Services, args: argparse.Namespace) -> int:
    """Every check; one line per finding, non-zero exit on any."""
    report = services.integrity.check(acting(services, args, change=False), printed=args.head)
    for finding in report.findings:
        print(f"- {finding}")
    if report.seal is not None:
        say(
            Text(
                "Segel terakhir: hasil versi {v}, kunci {k}, kepala {h}",
                "Latest seal: results version {v}, key {k}, head {h}",
            ),
            v=report.seal.version,
            k=report.seal.key_fingerprint,
            h=report.seal.head,
        )
    if report.ok:
        say(
            Text(
                "Jejak audit utuh: {n} peristiwa, kepala {h}; tabel sama dengan jejak; "
                "tidak ada temuan.",
                "Audit trail intact: {n} events, head {h}; the tables match the trail; "
                "no findings.",
            ),
            n=report.events,
            h=report.head or "—",
        )
        return 0
    say(Text("{n} temuan.", "{n} findings."), n=len(report.findings))
    return 1


def cmd_audit_export(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=False)
    count = services.integrity.export(actor, Path(args.file), lang=args.lang)
    say(
        Text("{n} peristiwa ditulis ke {f}", "{n} events written to {f}"),
        n=count,
        f=args.file,
    )
    return 0


def cmd_key_show(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=False)
    keys = services.keys.all(actor)
    if not keys:
        say(Text("Belum ada kunci tanda tangan.", "There is no signing key yet."))
        return 0
    for key in keys:
        status = (
            Text("aktif", "active")
            if key.active
            else Text("dipensiunkan: {r}", "retired: {r}").format(r=key.retired_reason)
        )
        print(f"{key.fingerprint}  {key.created_at:%Y-%m-%d %H:%M}  {status}")
    return 0


def cmd_key_passphrase(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=True)
    services.keys.change_passphrase(actor, passphrase(), new_passphrase())
    say(Text("Frasa sandi kunci diganti.", "The key's passphrase was changed."))
    return 0


def cmd_key_replace(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=True)
    key = services.keys.replace(actor, new_passphrase(), args.reason)
    say(
        Text(
            "Kunci baru {f}; versi hasil naik. Kunci lagi hasilnya dan cetak ulang Berita Acara.",
            "New key {f}; the results version went up. Lock the results again and reprint "
            "the minutes.",
        ),
        f=key.fingerprint,
    )
    return 0


def cmd_export_verification(services: Services, args: argparse.Namespace) -> int:
    actor = acting(services, args, change=True)
    summary = services.verification.export(actor, Path(args.file), passphrase())
    say(
        Text(
            "Berkas verifikasi hasil versi {v} ditulis ke {f}: {c} kategori, {d} dokumen.",
            "Verification file for results version {v} written to {f}: {c} categories, "
            "{d} documents.",
        ),
        v=summary.version,
        f=args.file,
        c=summary.categories,
        d=summary.documents,
    )
    return 0


def register(sub: Subparsers) -> None:
    audit = sub.add_parser("audit", help="check or export the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser(
        "verify", help="check the trail, the tables and the seal (non-zero exit on a finding)"
    )
    verify.add_argument(
        "--head", help="an audit head printed on signed minutes, e.g. '#1234 · 3f9a…c2e1'"
    )
    verify.set_defaults(run=cmd_audit_verify, reads_only=True)
    export = audit_sub.add_parser("export", help="write the trail as a CSV/XLSX table or a PDF")
    export.add_argument("file", help="FILE.csv, FILE.xlsx or FILE.pdf")
    export.set_defaults(run=cmd_audit_export, reads_only=True)

    key = sub.add_parser("key", help="the convention's signing key")
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    key_sub.add_parser("show", help="list the keys and their fingerprints").set_defaults(
        run=cmd_key_show, reads_only=True
    )
    key_sub.add_parser(
        "passphrase",
        help="change the passphrase (old from JURYAPP_PASSPHRASE, new from "
        "JURYAPP_NEW_PASSPHRASE, or asked)",
    ).set_defaults(run=cmd_key_passphrase)
    replace = key_sub.add_parser(
        "replace", help="make a new key when the passphrase is lost (raises the results version)"
    )
    replace.add_argument("--reason", required=True)
    replace.set_defaults(run=cmd_key_replace)

    published = sub.add_parser(
        "export-verification",
        help="write the signed verification file (public key, results, document hashes)",
    )
    published.add_argument("file")
    published.set_defaults(run=cmd_export_verification)
