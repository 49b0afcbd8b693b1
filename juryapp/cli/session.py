"""Who runs a command: ``--user NAME`` signed in with a secret, or an anonymous reader."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from juryapp.domain.access import Actor
from juryapp.domain.messages import AuthenticationError, PermissionDeniedError, Text

if TYPE_CHECKING:
    from juryapp.bootstrap import Services

SECRET_VARIABLE = "JURYAPP_SECRET"  # noqa: S105 - the name of a variable, not a secret
NEW_SECRET_VARIABLE = "JURYAPP_NEW_SECRET"  # noqa: S105
PASSPHRASE_VARIABLE = "JURYAPP_PASSPHRASE"  # noqa: S105
NEW_PASSPHRASE_VARIABLE = "JURYAPP_NEW_PASSPHRASE"  # noqa: S105


def acting(services: Services, args: argparse.Namespace, *, change: bool) -> Actor:
    """The signed-in user of ``--user``; without it a reader, refused for a changing command.

    A reading command on a database that cannot be written reads as a reader: a sign-in is
    recorded in the audit trail, which such a database cannot take.
    """
    if args.user and not change and services.ensure_open().database.read_only is not None:
        return Actor.reader()
    if args.user:
        secret = _secret(
            SECRET_VARIABLE,
            Text("Kata sandi atau PIN {u}: ", "Passphrase or PIN of {u}: ").format(u=args.user),
        )
        actor = services.accounts.sign_in(args.user, secret)
        # on a judge's own laptop the PIN also opens the judge's signing key (made at the
        # first sign-in there), so that every change this command makes is signed
        services.judge_keys.after_sign_in(actor, secret)
        return actor
    if change:
        raise PermissionDeniedError(
            Text(
                "perintah ini mengubah data: masuk dengan --user NAMA (kata sandi dari "
                "JURYAPP_SECRET atau ditanyakan)",
                "this command changes data: sign in with --user NAME (the secret from "
                "JURYAPP_SECRET, or asked for)",
            )
        )
    return Actor.reader()


def passphrase(*, twice: bool = False) -> str:
    """The signing key's passphrase: from ``JURYAPP_PASSPHRASE`` or asked for."""
    prompt = Text("Frasa sandi kunci tanda tangan: ", "Signing key passphrase: ")
    return _secret(PASSPHRASE_VARIABLE, prompt, twice=twice)


def new_passphrase() -> str:
    """A new passphrase for the signing key: from ``JURYAPP_NEW_PASSPHRASE`` or asked twice."""
    prompt = Text("Frasa sandi baru kunci tanda tangan: ", "New signing key passphrase: ")
    return _secret(NEW_PASSPHRASE_VARIABLE, prompt, twice=True)


def new_secret() -> str:
    """A new account's passphrase or PIN: from ``JURYAPP_NEW_SECRET`` or asked for twice."""
    prompt = Text("Kata sandi atau PIN akun baru: ", "New account's passphrase or PIN: ")
    return _secret(NEW_SECRET_VARIABLE, prompt, twice=True)


def _secret(variable: str, prompt: Text, *, twice: bool = False) -> str:
    given = os.environ.get(variable)
    if given:
        return given
    if not sys.stdin.isatty():
        raise AuthenticationError(
            Text(
                "tidak ada rahasia: isi variabel {v} atau jalankan di terminal",
                "no secret given: set {v} or run the command in a terminal",
            ).format(v=variable)
        )
    first = getpass.getpass(str(prompt))
    if twice and getpass.getpass(str(Text("Ulangi: ", "Again: "))) != first:
        raise AuthenticationError(Text("kedua isian tidak sama", "the two entries differ"))
    return first
