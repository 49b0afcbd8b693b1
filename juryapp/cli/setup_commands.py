"""Commands that create and change the convention: demo, init, imports, templates, accounts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from juryapp.cli.common import Command, Subparsers, say
from juryapp.cli.session import acting, new_secret, passphrase
from juryapp.domain.access import require_secretariat
from juryapp.domain.kinds import ACCOUNT_ROLES, Role
from juryapp.domain.messages import StateError, Text

if TYPE_CHECKING:
    from juryapp.bootstrap import Services

TEMPLATE_KINDS = ("judges", "scores", "teams")


def cmd_demo(services: Services, args: argparse.Namespace) -> int:
    from juryapp.persistence.database import reset
    from juryapp.persistence.engine import describe
    from juryapp.services.demo import DEMO_PASSPHRASE, load_demo

    if services.database.has_convention() or services.accounts.has_accounts():
        if not args.force:
            raise StateError(
                Text(
                    "basis data {db} tidak kosong; tambahkan --force untuk menimpanya",
                    "the database {db} is not empty; add --force to overwrite it",
                ).format(db=describe(services.database.engine))
            )
        if not (services.database.has_convention() and services.setup.overview().is_demo):
            # emptying a real convention is the secretariat's decision, on the record
            require_secretariat(acting(services, args, change=True))
        reset(services.database)
    info = load_demo(
        services.database,
        services.setup,
        services.accounts,
        services.keys,
        complete=args.complete,
    )
    say(
        Text("Konvensi demo dibuat di {db}", "Demo convention created in {db}"),
        db=describe(services.database.engine),
    )
    say(
        Text(
            "Akun demo (nama pengguna / kata sandi atau PIN):",
            "Demo accounts (username / passphrase or PIN):",
        )
    )
    for person in info.credentials:
        print(f"  {person.username:<13} {person.secret:<12} {person.display_name}")
    say(
        Text(
            "Frasa sandi kunci tanda tangan: {p}",
            "Signing key passphrase: {p}",
        ),
        p=DEMO_PASSPHRASE,
    )
    if info.pending is None:
        say(
            Text(
                "Semua lembar terisi dan dikonfirmasi; hasil siap dikunci dan dicetak.",
                "Every sheet is filled in and confirmed; the results can be locked and printed.",
            )
        )
    else:
        say(
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
    from juryapp.services.keys import check_passphrase

    spec = read_convention_file(Path(args.file))
    if not services.accounts.has_accounts():
        raise StateError(
            Text(
                "belum ada akun: buat dulu akun sekretariat pertama dengan juryapp add-user NAMA",
                "there are no accounts yet: first create the first secretariat account with "
                "juryapp add-user NAME",
            )
        )
    actor = acting(services, args, change=True)
    require_secretariat(actor)
    secret = passphrase(twice=True)
    check_passphrase(secret)  # before anything is written
    services.setup.create(actor, spec)
    key = services.keys.create(actor, secret)
    say(
        Text(
            "Konvensi '{n}' dibuat: {t} tim, {j} juri, {c} kategori.",
            "Convention '{n}' created: {t} teams, {j} judges, {c} categories.",
        ),
        n=spec.info.name,
        t=len(spec.teams),
        j=len(spec.judges),
        c=len(spec.categories),
    )
    say(
        Text(
            "Kunci tanda tangan dibuat; sidik jarinya {f} (dicetak pada Berita Acara).",
            "Signing key created; its fingerprint is {f} (printed on the minutes).",
        ),
        f=key.fingerprint,
    )
    return 0


def cmd_export_convention(services: Services, args: argparse.Namespace) -> int:
    from juryapp.interchange.convention_writer import write_convention_file

    acting(services, args, change=False)  # a wrong --user secret is refused even here
    write_convention_file(services.setup.spec(), Path(args.file))
    say(Text("Berkas konvensi ditulis: {f}", "Convention file written: {f}"), f=args.file)
    return 0


def _import(kind: str) -> Command:
    def run(services: Services, args: argparse.Namespace) -> int:
        method = getattr(services.imports, f"import_{kind}")
        summary = method(acting(services, args, change=True), Path(args.file))
        abstained = (
            Text("; {n} tidak menilai dicatat", "; {n} abstentions recorded").format(
                n=summary.abstained
            )
            if summary.abstained
            else Text("", "")
        )
        say(
            Text(
                "{f}: {r} baris diimpor ({a} baru, {c} diubah, {u} sama{b}).",
                "{f}: {r} rows imported ({a} new, {c} changed, {u} unchanged{b}).",
            ),
            f=Path(args.file).name,
            r=summary.rows,
            a=summary.added,
            c=summary.changed,
            u=summary.unchanged,
            b=abstained,
        )
        return 0

    return run


def cmd_template(services: Services | None, args: argparse.Namespace) -> int:
    from juryapp.interchange.columns import TEMPLATES
    from juryapp.interchange.tabular import write_table

    columns = TEMPLATES[args.kind]
    write_table(Path(args.file), [c.key for c in columns], [])
    say(Text("Templat {k} ditulis: {f}", "{k} template written: {f}"), k=args.kind, f=args.file)
    return 0


def cmd_add_user(services: Services, args: argparse.Namespace) -> int:
    role = Role(args.role)
    if not services.accounts.has_accounts():
        if role is not Role.SECRETARIAT:
            raise StateError(
                Text(
                    "akun pertama harus akun sekretariat",
                    "the first account must be a secretariat account",
                )
            )
        services.accounts.create_first(args.username, new_secret(), display_name=args.name or "")
        say(
            Text(
                "Akun sekretariat pertama {u} dibuat; akun lain dibuat dengan --user {u}.",
                "First secretariat account {u} created; create the others with --user {u}.",
            ),
            u=args.username,
        )
        return 0
    actor = acting(services, args, change=True)
    services.accounts.create(
        actor,
        args.username,
        new_secret(),
        role=role,
        display_name=args.name or "",
        judge_code=args.judge,
    )
    say(Text("Akun {u} dibuat.", "Account {u} created."), u=args.username)
    return 0


def register(sub: Subparsers) -> None:
    demo = sub.add_parser("demo", help="create the demo convention")
    demo.add_argument("--force", action="store_true", help="empty a non-empty database first")
    demo.add_argument(
        "--complete",
        action="store_true",
        help="fill the sheet left to try and confirm every sheet, ready to lock and print",
    )
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
    user = sub.add_parser(
        "add-user",
        help="create an account (its secret from JURYAPP_NEW_SECRET or asked; the first "
        "secretariat account needs no --user)",
    )
    user.add_argument("username")
    user.add_argument("--role", choices=[r.value for r in ACCOUNT_ROLES], default="secretariat")
    user.add_argument("--judge", help="judge code, for a judge account")
    user.add_argument("--name", help="name shown in the app")
    user.set_defaults(run=cmd_add_user)
