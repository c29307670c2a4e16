"""The ``framing`` command: one click group; each command lives in its own module."""

from __future__ import annotations

import click

from framing import __version__
from framing._collector import collect_less

__all__ = ["main"]


class _Group(click.Group):
    """The command group, with Ctrl-C turned into one line and exit code 130."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(
                "\nInterrupted: stopped before finishing. Output files are written whole or not "
                "at all, so none was left half-written.",
                err=True,
            )
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main() -> None:
    """Compare how news outlets frame the same event: frames, tone and word choice."""
    collect_less()


# Each command module registers itself on main when imported.
from framing.cli import (  # noqa: E402
    actors,
    classify,
    compare,
    convert,
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
    "convert",
    "events",
    "frames",
    "keyness",
    "suggest",
    "topics",
    "train",
]
