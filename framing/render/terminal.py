"""The comparison as rich tables: outlets and tone, frame shares, distinctive words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from framing.analysers.frames import FRAME_LABELS
from framing.compare import Comparison, GroupComparison, Interval
from framing.corpus.accounting import Accounting
from framing.render.sections import (
    coverage_tables,
    cue_table,
    event_means_table,
    frame_test_tables,
    has_intervals,
    interval_cell,
    near_duplicates_table,
    sourcing_table,
)

__all__ = ["AccountingView", "ComparisonView"]

_WORDS_SHOWN = 6
_PHRASES_SHOWN = 4
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
        if len(comparison.overall.outlets) == 1:
            yield Text(
                f"Only one outlet ({next(iter(comparison.overall.outlets))}): its figures are "
                "shown, but there is no other outlet to compare it with.",
                style="yellow",
            )
        yield from _group_tables(
            comparison.overall, comparison.categories, "all articles", by_model=by_model
        )
        if comparison.event_means:
            yield event_means_table(comparison.event_means)
        if comparison.near_duplicates:
            yield near_duplicates_table(
                comparison.near_duplicates, comparison.settings["near_duplicate_threshold"]
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
        if accounting.excluded:
            reasons = Counter(excluded.reason for excluded in accounting.excluded)
            listed = "; ".join(f"{reason}: {count}" for reason, count in reasons.most_common())
            yield Text(
                f"  {len(accounting.excluded)} loaded article(s) left out of the English-only "
                f"analysis ({listed}); see --json for which.",
                style="yellow",
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
    yield from frame_test_tables(group, scope)
    yield _words_table(group, scope)
    yield cue_table(group, scope)
    yield sourcing_table(group, scope)
    if group.actors:
        yield _actor_table(group, scope)
        yield _label_table(group, scope)
    yield from coverage_tables(group, scope)


def _outlet_table(group: GroupComparison, scope: str) -> Table:
    table = Table(title=f"Outlets and tone ({scope})", title_justify="left")
    table.add_column("Outlet", overflow="fold")
    for header in ("Articles", "Words", "Tone", "95% CI", "Neg.", "Pos."):
        table.add_column(header, justify="right", no_wrap=True)
    below = has_intervals(r.negative_sentence_share for r in group.outlets.values())
    for name, result in group.outlets.items():
        table.add_row(
            Text(name),
            f"{result.articles:,}",
            f"{result.words:,}",
            f"{result.tone.estimate:+.3f}",
            _interval_text(result.tone),
            interval_cell(result.negative_sentence_share, percent=True, digits=0, below=below),
            interval_cell(result.positive_sentence_share, percent=True, digits=0, below=below),
        )
    table.caption = (
        "Tone: mean VADER compound of sentences, averaged over articles (-1 to +1); "
        "95% CI: two-stage bootstrap (articles, then sentences); Neg./Pos.: share of "
        "sentences with compound <= -0.05 / >= +0.05, with the interval from resampling "
        "articles below (n/a with one article)."
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
            share = result.frame_shares[category]
            cell = _share_text(share)
            if result.primary_frame == category:
                cell = Text("* ", style="bold green") + cell
                cell.stylize("bold green")
            cells.append(cell)
        table.add_row(*cells)
    if by_model:
        table.caption = (
            "The trained model's class probabilities for each article (normalised), averaged "
            "over articles; * marks each outlet's primary frame; (95% interval, resampling "
            "articles)."
        )
    else:
        table.caption = (
            "Share of each article's frame-cue weight, averaged over articles with any cue; "
            "* marks each outlet's primary frame; in brackets the 95% interval from resampling "
            "articles. Policy Frames Codebook (Boydstun et al. 2014)."
        )
    return table


def _share_text(share: Interval) -> Text:
    if not share.estimate and not share.high:
        return Text("-")
    text = Text(f"{share.estimate:.0%}")
    if share.low is not None and share.high is not None:
        text.append(f" ({share.low * 100:.0f}–{share.high * 100:.0f})", style="dim")
    return text


def _words_table(group: GroupComparison, scope: str) -> Table:
    table = Table(title=f"Distinctive words and phrases ({scope})", title_justify="left")
    table.add_column("Outlet", overflow="fold")
    table.add_column("Words and two-word phrases over-used relative to the other outlets (z)")
    for name, result in group.outlets.items():
        words = _join(f"{w.word} {w.z:.1f}" for w in result.distinctive_words[:_WORDS_SHOWN])
        phrases = _join(f"{w.word} {w.z:.1f}" for w in result.distinctive_bigrams[:_PHRASES_SHOWN])
        table.add_row(Text(name), Text(f"{words or '-'}\n") + Text(phrases or "-", style="cyan"))
    table.caption = (
        "Words, then phrases (cyan): weighted log-odds with an informative Dirichlet prior "
        "(Monroe et al. 2008); |z| > 1.96 is conventionally notable. framing keyness compares "
        "two outlets in full."
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
