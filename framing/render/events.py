"""Events found in a corpus, as a rich table and as plain data."""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from framing.events import Event, Grouping

__all__ = ["EventsView", "grouping_to_dict"]


class EventsView:
    """The events covered by most articles first, then a count of the rest."""

    def __init__(self, grouping: Grouping, *, top: int) -> None:
        self.grouping = grouping
        self.top = top

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        grouping = self.grouping
        events = grouping.events
        shared = sum(1 for event in events if len(event.outlets) > 1)
        alone = sum(1 for event in events if len(event.articles) == 1)
        yield Text(
            f"{_count(grouping.articles, 'article')} in {_count(len(events), 'event')}: "
            f"{shared:,} covered by two or more outlets, {alone:,} with a single article.",
            style="bold",
        )
        table = Table(title="Events, most articles first", title_justify="left", expand=True)
        table.add_column("Event", no_wrap=True)
        table.add_column("Dates", max_width=10)
        table.add_column("Art.", justify="right")
        table.add_column("Label (most central title) and keywords", ratio=3, min_width=20)
        table.add_column("Outlets", ratio=2, min_width=10, overflow="fold")
        for event in events[: self.top]:
            table.add_row(
                event.id,
                _dates(event),
                str(len(event.articles)),
                Text(event.label) + Text(f"\n{', '.join(event.keywords)}", style="dim"),
                Text(", ".join(event.outlets)),
            )
        hidden = len(events) - self.top
        table.caption = (
            f"Grouped by TF-IDF similarity of title and lead (mean cosine >= "
            f"{grouping.threshold:g}, average linkage) within {grouping.window_days} days."
            + (f" {hidden:,} more events in --json." if hidden > 0 else "")
        )
        yield table
        outlets = {member.outlet for event in events for member in event.articles}
        if len(outlets) == 1:
            yield Text(
                f"Only one outlet ({next(iter(outlets))}): events are found, but there is no "
                "other outlet to compare it with.",
                style="yellow",
            )


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def _dates(event: Event) -> str:
    if event.start is None:
        return "undated"
    if event.start == event.end:
        return event.start.isoformat()
    return f"{event.start.isoformat()} to {event.end.isoformat() if event.end else ''}"


def grouping_to_dict(grouping: Grouping) -> dict[str, Any]:
    """The grouping as plain data: settings, then every event with its articles."""
    return {
        "threshold": grouping.threshold,
        "window_days": grouping.window_days,
        "articles": grouping.articles,
        "undated": grouping.undated,
        "candidate_pairs": grouping.candidate_pairs,
        "events": [
            {
                "id": event.id,
                "label": event.label,
                "keywords": list(event.keywords),
                "start": event.start.isoformat() if event.start else None,
                "end": event.end.isoformat() if event.end else None,
                "outlets": list(event.outlets),
                "articles": [
                    {
                        "id": member.id,
                        "outlet": member.outlet,
                        "title": member.title,
                        "date": member.date.isoformat() if member.date else None,
                    }
                    for member in event.articles
                ],
            }
            for event in grouping.events
        ],
    }
