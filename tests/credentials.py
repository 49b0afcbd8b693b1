"""The demo's credentials for command-line tests: who signs in, and the key's passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from juryapp.services.demo import DEMO_PASSPHRASE, SECRETARIAT

SEKRETARIAT, SEKRETARIAT2 = ((user, secret) for user, secret, _name in SECRETARIAT)
DEMO_SECRETARIAT = {
    "JURYAPP_USER": SEKRETARIAT[0],
    "JURYAPP_SECRET": SEKRETARIAT[1],
    "JURYAPP_PASSPHRASE": DEMO_PASSPHRASE,
}


@contextmanager
def signed_in(environment: dict[str, str] | None = None) -> Iterator[None]:
    """Run command-line calls as the demo's first secretariat user (or as ``environment``)."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (environment or DEMO_SECRETARIAT).items():
            patch.setenv(name, value)
        yield
