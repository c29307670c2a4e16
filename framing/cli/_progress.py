"""Progress bars on stderr for the steps that can take more than a moment."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


@contextmanager
def counting_progress(description: str, unit: str) -> Iterator[Callable[..., None]]:
    """A spinner with a running count of ``unit`` and the elapsed time, on stderr.

    Yields a callback that counts one more each time it is called (whatever its arguments). It
    shows only on a terminal, so ``--json`` pipes and CI logs stay clean, and clears when done.
    """
    console = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        TextColumn("{task.completed:,} " + unit),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        task = bar.add_task(description, total=None)

        def advance(*_: Any) -> None:
            bar.advance(task)

        yield advance
