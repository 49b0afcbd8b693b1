"""What every command module shares: the command type and how a result line is printed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from juryapp.domain.messages import Text

if TYPE_CHECKING:
    from juryapp.bootstrap import Services

Command = Callable[["Services", argparse.Namespace], int]
# argparse's private type of the object ``add_subparsers`` returns, named for readability
Subparsers = Any


def say(text: Text, **values: object) -> None:
    """Print one message in the chosen language."""
    print(str(text.format(**values) if values else text))
