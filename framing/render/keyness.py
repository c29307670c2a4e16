"""A keyness comparison as rich tables: the words and phrases each side over-uses."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from framing.compare import DistinctiveWord
from framing.keyness import Keyness, Side

__all__ = ["KeynessView"]


class KeynessView:
    """Renders a `Keyness`: words, then two-word phrases, each side's most distinctive first."""

    def __init__(self, result: Keyness) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        result = self.result
        scope = f" in event {result.event}" if result.event else ""
        yield Text(
            f"{result.a.name} ({_articles(result.a.articles)}, {result.a.tokens:,} content "
            f"words) vs {result.b.name} ({_articles(result.b.articles)}, "
            f"{result.b.tokens:,}){scope}",
            style="bold",
        )
        for kind in ("words", "phrases"):
            yield _table(result.a, result.b, kind)
            yield _table(result.b, result.a, kind)
        yield Text(
            "z: weighted log-odds ratio with an informative Dirichlet prior (the pooled counts of "
            "both sides), divided by its standard error (Monroe, Colaresi and Quinn 2008); "
            f"|z| > 1.96 is conventionally notable. Terms used fewer than {result.min_count} "
            "times by a side are not listed for it.",
            style="dim",
        )


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def _table(side: Side, other: Side, kind: str) -> Table:
    terms: tuple[DistinctiveWord, ...] = getattr(side, kind)
    title = f"{'Words' if kind == 'words' else 'Two-word phrases'} over-used by {side.name}"
    table = Table(title=title, title_justify="left")
    table.add_column("Term", overflow="fold")
    table.add_column("z", justify="right")
    table.add_column("log-odds", justify="right")
    table.add_column(Text(f"Count ({side.name})"), justify="right", overflow="fold")
    table.add_column(Text(f"Count ({other.name})"), justify="right", overflow="fold")
    for term in terms:
        table.add_row(
            Text(term.word),
            f"{term.z:.2f}",
            f"{term.delta:+.2f}",
            str(term.count),
            str(term.other_count),
        )
    if not terms:
        table.add_row("-", "", "", "", "")
    return table
