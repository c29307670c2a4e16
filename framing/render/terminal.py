"""The comparison as rich tables: outlets and tone, frame shares, distinctive words."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from framing.analysers.frames import FRAME_LABELS
from framing.compare import Comparison, GroupComparison, Interval
from framing.corpus.accounting import Accounting

__all__ = ["AccountingView", "ComparisonView"]

_WORDS_SHOWN = 6
_ACTORS_SHOWN = 10
_LABELLED_ACTORS = 4
# Short row labels so six or more outlet columns fit in 100 columns; full labels are in --json.
_SHORT_FRAME_LABELS = {
    "capacity_and_resources": "Capacity & resources",
    "fairness_and_equality": "Fairness & equality",
    "legality_constitutionality_jurisprudence": "Legality",
    "policy_prescription_evaluation": "Policy prescription",
    "crime_and_punishment": "Crime & punishment",
    "security_and_defense": "Security & defense",
    "health_and_safety": "Health & safety",
    "external_regulation_reputation": "External reputation",
}


class ComparisonView:
    """Renders a Comparison: the corpus-wide tables, then each event's when there are several."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        comparison = self.comparison
        by_model = comparison.settings.get("frame_method") == "model"
        yield from _group_tables(
            comparison.overall, comparison.categories, "all articles", by_model=by_model
        )
        for group in comparison.events:
            yield Text(f"\nEvent: {group.event or '(no event given)'}", style="bold")
            yield from _group_tables(
                group, comparison.categories, group.event or "no event", by_model=by_model
            )


class AccountingView:
    """One line of counts, then each skipped input and each kind of warning."""

    def __init__(self, accounting: Accounting, *, limit: int = 20) -> None:
        self.accounting = accounting
        self.limit = limit

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        accounting = self.accounting
        yield Text(
            f"{accounting.loaded} articles loaded, {accounting.duplicates} exact duplicates "
            f"merged, {len(accounting.skipped)} inputs skipped."
        )
        for skipped in accounting.skipped[: self.limit]:
            yield Text(f"  skipped {skipped.source}: {skipped.reason}", style="yellow")
        hidden = len(accounting.skipped) - self.limit
        if hidden > 0:
            yield Text(f"  ... and {hidden} more skipped (see --json for all)", style="yellow")
        for summary in accounting.warnings.values():
            example = summary.example
            yield Text(
                f"  warning ({summary.count}x) {summary.kind}: e.g. {example.source}: "
                f"{example.message}",
                style="dim yellow",
            )


def _group_tables(
    group: GroupComparison, categories: tuple[str, ...], scope: str, *, by_model: bool
) -> RenderResult:
    yield _outlet_table(group, scope)
    yield _frame_table(group, categories, scope, by_model=by_model)
    yield _words_table(group, scope)
    if group.actors:
        yield _actor_table(group, scope)
        yield _label_table(group, scope)


def _outlet_table(group: GroupComparison, scope: str) -> Table:
    table = Table(title=f"Outlets and tone ({scope})", title_justify="left")
    table.add_column("Outlet", overflow="fold")
    for header in ("Articles", "Words", "Tone", "95% CI", "Neg.", "Pos."):
        table.add_column(header, justify="right", no_wrap=True)
    for name, result in group.outlets.items():
        table.add_row(
            Text(name),
            f"{result.articles:,}",
            f"{result.words:,}",
            f"{result.tone.estimate:+.3f}",
            _interval_text(result.tone),
            f"{result.negative_sentence_share:.0%}",
            f"{result.positive_sentence_share:.0%}",
        )
    table.caption = (
        "Tone: mean VADER compound of sentences, averaged over articles (-1 to +1); "
        "95% CI: two-stage bootstrap (articles, then sentences); Neg./Pos.: share of "
        "sentences with compound <= -0.05 / >= +0.05."
    )
    return table


def _frame_table(
    group: GroupComparison, categories: tuple[str, ...], scope: str, *, by_model: bool
) -> Table:
    table = Table(title=f"Frame shares ({scope})", title_justify="left")
    table.add_column("Frame", no_wrap=True)
    outlets = list(group.outlets.values())
    for result in outlets:
        table.add_column(Text(result.outlet), justify="right", overflow="fold")
    for category in categories:
        label = _SHORT_FRAME_LABELS.get(category) or FRAME_LABELS.get(category, category)
        cells: list[Text | str] = [label]
        for result in outlets:
            share = result.frame_shares.get(category, 0.0)
            if result.primary_frame == category:
                cells.append(Text(f"* {share:.0%}", style="bold green"))
            else:
                cells.append(f"{share:.0%}" if share else "-")
        table.add_row(*cells)
    if by_model:
        table.caption = (
            "The trained model's class probabilities for each article (normalised), averaged "
            "over articles; * marks each outlet's primary frame."
        )
    else:
        table.caption = (
            "Share of each article's frame-cue weight, averaged over articles with any cue; "
            "* marks each outlet's primary frame. Policy Frames Codebook (Boydstun et al. 2014)."
        )
    return table


def _words_table(group: GroupComparison, scope: str) -> Table:
    table = Table(title=f"Distinctive words ({scope})", title_justify="left")
    table.add_column("Outlet", overflow="fold")
    table.add_column("Words over-used relative to the other outlets (z-score)", overflow="fold")
    for name, result in group.outlets.items():
        words = _join(f"{w.word} {w.z:.1f}" for w in result.distinctive_words[:_WORDS_SHOWN])
        table.add_row(Text(name), Text(words or "-"))
    table.caption = (
        "Weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008); "
        "|z| > 1.96 is conventionally notable."
    )
    return table


def _actor_table(group: GroupComparison, scope: str) -> Table:
    table = Table(title=f"Sentiment toward actors ({scope})", title_justify="left")
    table.add_column("Actor", overflow="fold", max_width=20)
    outlets = list(group.outlets)
    for outlet in outlets:
        table.add_column(Text(outlet), justify="right", overflow="fold", min_width=11)
    for actor in group.actors[:_ACTORS_SHOWN]:
        cells: list[Text] = [Text(f"{actor.actor} ({actor.mentions})")]
        for outlet in outlets:
            portrayal = actor.outlets.get(outlet)
            if portrayal is None:
                cells.append(Text("-"))
                continue
            interval = portrayal.score
            low_high = (
                f"{interval.low:+.2f}…{interval.high:+.2f}"
                if interval.low is not None and interval.high is not None
                else "n/a"
            )
            cells.append(Text(f"{interval.estimate:+.2f} ({portrayal.mentions})\n{low_high}"))
        table.add_row(*cells)
    table.caption = (
        "Mean sentiment toward the actor, p(positive) - p(negative) per mention, averaged per "
        "article then over articles (-1 to +1), (mentions), and below it the 95% CI (bootstrap "
        "of articles, then mentions). Most mentioned actors first."
    )
    return table


def _label_table(group: GroupComparison, scope: str) -> Table:
    table = Table(title=f"How outlets name the main actors ({scope})", title_justify="left")
    table.add_column("Actor", overflow="fold")
    table.add_column("Outlet", overflow="fold")
    table.add_column("Labels (count)", overflow="fold")
    for actor in group.actors[:_LABELLED_ACTORS]:
        for outlet, portrayal in actor.outlets.items():
            if portrayal.labels:
                labels = ", ".join(f"{text} ({count})" for _, text, count in portrayal.labels)
                table.add_row(Text(actor.actor), Text(outlet), Text(labels))
    table.caption = "Titles, modifiers, appositions and predicates attached to the mentions."
    return table


def _interval_text(interval: Interval) -> str:
    if interval.low is None or interval.high is None:
        return "n/a"
    return f"[{interval.low:+.3f}, {interval.high:+.3f}]"


def _join(parts: Iterable[str]) -> str:
    return ", ".join(parts)
