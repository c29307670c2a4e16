"""Tables of actors: prominence per outlet, and one actor's portrayal article by article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from framing.actors.articles import ArticlePortrayal
from framing.compare import ActorResult

__all__ = ["ActorArticlesView", "ProminenceView", "portrayals_to_list"]


class ProminenceView:
    """Actors by number of mentions, with each outlet's mentions and articles."""

    def __init__(self, actors: Sequence[ActorResult], outlets: Sequence[str], *, top: int) -> None:
        self.actors = actors
        self.outlets = outlets
        self.top = top

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.actors:
            yield Text("No actor was found in this corpus.")
            return
        table = Table(title="Actors by prominence (mentions; articles)", title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("Actor", no_wrap=True)
        table.add_column("Kind", overflow="fold")
        table.add_column("All", justify="right")
        for outlet in self.outlets:
            table.add_column(Text(outlet), justify="right", overflow="fold")
        for rank, actor in enumerate(self.actors[: self.top], start=1):
            cells = [
                str(rank),
                Text(actor.actor),
                actor.kind,
                f"{actor.mentions}; {actor.articles}",
            ]
            for outlet in self.outlets:
                portrayal = actor.outlets.get(outlet)
                cells.append(f"{portrayal.mentions}; {portrayal.articles}" if portrayal else "-")
            table.add_row(*cells)
        hidden = len(self.actors) - self.top
        if hidden > 0:
            table.caption = f"{hidden} less mentioned actors not shown (--top, or --json for all)."
        yield table


class ActorArticlesView:
    """One actor, article by article: mentions, sentiment shares, mean score, labels."""

    def __init__(self, name: str, records: Sequence[ArticlePortrayal]) -> None:
        self.name = name
        self.records = records

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = Table(title=Text(f"{self.name}: portrayal by article"), title_justify="left")
        for header in ("Article", "Outlet", "Mentions", "Neg.", "Neu.", "Pos.", "Score", "Labels"):
            justify = "right" if header in ("Mentions", "Neg.", "Neu.", "Pos.", "Score") else "left"
            table.add_column(header, justify=justify, overflow="fold")
        for record in self.records:
            table.add_row(
                Text(record.article_id),
                Text(record.outlet),
                str(record.mentions),
                f"{record.shares['negative']:.0%}",
                f"{record.shares['neutral']:.0%}",
                f"{record.shares['positive']:.0%}",
                f"{record.score:+.2f}",
                Text(", ".join(text for _, text, _ in record.labels[:4]) or "-"),
            )
        table.caption = "Score: mean over mentions of p(positive) - p(negative), -1 to +1."
        yield table


def portrayals_to_list(records: Sequence[ArticlePortrayal]) -> list[dict[str, Any]]:
    """Per-article records as plain data."""
    return [
        {
            "article_id": r.article_id,
            "outlet": r.outlet,
            "title": r.title,
            "actor": r.actor,
            "mentions": r.mentions,
            "shares": r.shares,
            "score": r.score,
            "labels": [{"kind": k, "text": t, "count": c} for k, t, c in r.labels],
        }
        for r in records
    ]
