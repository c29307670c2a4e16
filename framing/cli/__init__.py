"""The ``framing`` command: one click group; each command lives in its own module."""

from __future__ import annotations

import click

from framing import __version__

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main() -> None:
    """Compare how news outlets frame the same event: frames, tone and word choice."""


# Each command module registers itself on main when imported.
from framing.cli import (  # noqa: E402
    actors,
    classify,
    compare,
    events,
    frames,
    keyness,
    suggest,
    topics,
    train,
)

__all__ += [
    "actors",
    "classify",
    "compare",
    "events",
    "frames",
    "keyness",
    "suggest",
    "topics",
    "train",
]
