"""Terminal tables for the comparison's statistics, cues, sourcing and coverage sections."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from framing.analysers.cues import CUE_LABELS
from framing.compare import EventMean, GroupComparison, Interval
from framing.neardup import DuplicateGroup
from framing.omission import ContentUnit
from framing.stats import ContingencyTest

__all__ = [
    "coverage_tables",
    "cue_table",
    "event_means_table",
    "frame_test_tables",
    "has_intervals",
    "interval_cell",
    "near_duplicates_table",
    "sourcing_table",
]

_UNITS_SHOWN = 15
_LABEL_WIDTH = 44
_ALONE_SHOWN = 2
_VOICES_SHOWN = 4
_SHORT_CUE_LABELS = {
    "hedge": "Hedges",
    "factive": "Factives",
    "assertive": "Assertives",
    "intensifier": "Intensifiers",
    "subjective": "Loaded words",
}


def interval_cell(
    interval: Interval, *, percent: bool = False, digits: int = 1, below: bool = True
) -> Text:
    """An estimate with its interval below it ("n/a" where there is none).

    ``below=False`` leaves the interval line out, for tables in which no figure has one.
    """
    scale, suffix = (100, "%") if percent else (1, "")
    text = Text(f"{interval.estimate * scale:.{digits}f}{suffix}")
    if not below:
        return text
    if interval.low is None or interval.high is None:
        return text + Text("\nn/a", style="dim")
    bounds = f"{interval.low * scale:.{digits}f}–{interval.high * scale:.{digits}f}"
    return text + Text(f"\n{bounds}", style="dim")


def has_intervals(intervals: Iterable[Interval]) -> bool:
    """Whether any of the intervals has bounds (if none has, tables leave the line out)."""
    return any(interval.low is not None for interval in intervals)


def frame_test_tables(group: GroupComparison, scope: str) -> list[Table | Text]:
    """The test of the outlets' primary frames, the matrix of pairwise Jensen-Shannon
    distances, and the pairwise tests when any pair could be tested."""
    outlets = list(group.outlets)
    test = group.frame_test
    if test is None or test.result is None:
        summary = Text(f"Primary frames by outlet: {test.note if test else 'no test'}.")
    else:
        summary = Text("Primary frames by outlet: ") + _test_text(test.result, None, "")
    pairs = {(pair.outlet_a, pair.outlet_b): pair for pair in group.frame_distances}
    matrix = Table(title=f"Frame distances between outlets ({scope})", title_justify="left")
    matrix.add_column("Outlet", overflow="fold")
    for index in range(1, len(outlets)):
        matrix.add_column(str(index), justify="right", no_wrap=True)
    shown_bounds = has_intervals(pair.distance for pair in group.frame_distances)
    for row, name in enumerate(outlets[1:], start=1):
        cells: list[Text | str] = [Text(f"{row + 1} {name}")]
        for column in range(1, len(outlets)):
            pair = pairs.get((outlets[column - 1], name)) if column <= row else None
            if pair is None:
                cells.append("")
                continue
            cell = interval_cell(pair.distance, digits=2, below=shown_bounds)
            if pair.p_adjusted is not None and pair.p_adjusted < 0.05:
                cell = Text("*", style="bold") + cell
            cells.append(cell)
        matrix.add_row(*cells)
    legend = "; ".join(f"{i} = {name}" for i, name in enumerate(outlets, start=1))
    matrix.caption = (
        "Jensen-Shannon distance (base 2; 0 = same, 1 = disjoint) between the outlets' mean "
        "frame shares"
        + (", with its 95% interval from resampling articles" if shown_bounds else "")
        + "; * = primary frames differ, Holm-adjusted p < .05. "
        f"{legend}."
    )
    found: list[Table | Text] = [summary, matrix] if len(outlets) > 1 else [summary]
    tested = [pair for pair in group.frame_distances if pair.result is not None]
    if tested:
        table = Table(title=f"Pairwise primary-frame tests ({scope})", title_justify="left")
        table.add_column("Outlets", overflow="fold")
        table.add_column("Test", overflow="fold")
        for pair in tested:
            table.add_row(
                Text(f"{pair.outlet_a} vs {pair.outlet_b}"),
                _test_text(pair.result, pair.p_adjusted, pair.note),
            )
        found.append(table)
    elif len(outlets) > 1:
        notes = {pair.note for pair in group.frame_distances}
        found.append(Text(f"Pairwise tests: {'; '.join(sorted(notes))}.", style="dim"))
    found.append(
        Text(
            "Tests: Pearson's chi-square on the articles' primary frames (outlets x frames), p "
            "from 9,999 seeded permutations (asymptotic above 5,000 articles), Cramér's V as "
            "the effect size; pairs' p-values Holm-adjusted over all pairs.",
            style="dim",
        )
    )
    return found


def _test_text(result: ContingencyTest | None, adjusted: float | None, note: str) -> Text:
    if result is None:
        return Text(note or "no test", style="dim")
    text = f"χ²({result.df}) = {result.chi2:.1f}, n = {result.n}, p = {_p(result.p_value)}"
    if adjusted is not None:
        text += f", Holm p = {_p(adjusted)}"
    text += f", V = {result.cramers_v:.2f}"
    significant = (adjusted if adjusted is not None else result.p_value) < 0.05
    return Text(text, style="bold" if significant else "")


def _p(value: float) -> str:
    return "< .001" if value < 0.001 else f"{value:.3f}".lstrip("0")


def cue_table(group: GroupComparison, scope: str) -> Table:
    """Each cue category's rate per 1,000 words by outlet, with intervals."""
    table = Table(title=f"Epistemic and evaluative cues per 1,000 words ({scope})")
    table.title_justify = "left"
    table.add_column("Cue", no_wrap=True)
    for name in group.outlets:
        table.add_column(Text(name), justify="right", overflow="fold", min_width=9)
    categories = next(iter(group.outlets.values())).cue_rates if group.outlets else {}
    below = has_intervals(r for o in group.outlets.values() for r in o.cue_rates.values())
    for category in categories:
        cells: list[Text | str] = [_SHORT_CUE_LABELS.get(category, category)]
        cells += [
            interval_cell(result.cue_rates[category], below=below)
            for result in group.outlets.values()
        ]
        table.add_row(*cells)
    table.caption = (
        "; ".join(f"{_SHORT_CUE_LABELS[c]}: {CUE_LABELS[c].lower()}" for c in _SHORT_CUE_LABELS)
        + ". Matches of the shipped cue lexicons (README), quoted and negated ones included, "
        "per 1,000 words"
        + (
            "; below, the 95% interval from resampling articles (n/a with one article)."
            if below
            else "; intervals need 2+ articles per outlet."
        )
    )
    return table


def sourcing_table(group: GroupComparison, scope: str) -> Table:
    """Who each outlet quotes: attribution rate, direct and anonymous shares, top voices."""
    table = Table(title=f"Sourcing: who is given voice ({scope})", title_justify="left")
    table.add_column("Outlet", overflow="fold")
    table.add_column("Attrib.\nper 1k", justify="right", no_wrap=True)
    table.add_column("Direct\nquotes", justify="right", no_wrap=True)
    table.add_column("Anony-\nmous", justify="right", no_wrap=True)
    table.add_column("Most quoted (attributions)", overflow="fold")
    below = has_intervals(o.sourcing.per_1000_words for o in group.outlets.values())
    for name, result in group.outlets.items():
        sourcing = result.sourcing
        voices = ", ".join(
            f"{voice.name} ({voice.attributions})" for voice in sourcing.voices[:_VOICES_SHOWN]
        )
        table.add_row(
            Text(f"{name}\n({sourcing.attributions})"),
            interval_cell(sourcing.per_1000_words, below=below),
            interval_cell(sourcing.direct_share, percent=True, digits=0, below=below),
            interval_cell(sourcing.anonymous_share, percent=True, digits=0, below=below),
            Text(voices or "-"),
        )
    table.caption = (
        "Attributions: quotations and reported speech with a speaker ('said', 'told', "
        "'according to'); shares are of attributions; 95% intervals resample articles. "
        "Speakers are resolved to actors where possible."
    )
    return table


def event_means_table(means: tuple[EventMean, ...]) -> Table:
    """Each outlet's figures averaged over the events it covers, with intervals over events."""
    table = Table(title="Over all events: each outlet's mean of its per-event figures")
    table.title_justify = "left"
    table.add_column("Outlet", overflow="fold", min_width=14)
    columns = (
        ("Events", None, False, 0),
        ("Tone", "tone", False, 2),
        ("Neg.", "sentences:negative", True, 0),
        ("Hedges", "cue:hedge", False, 1),
        ("Loaded", "cue:subjective", False, 1),
        ("Attrib.\nper 1k", "sources:per_1000_words", False, 1),
        ("Anony-\nmous", "sources:anonymous_share", True, 0),
    )
    for header, *_ in columns:
        table.add_column(header, justify="right", no_wrap=True)
    for mean in means:
        cells: list[Text | str] = [Text(mean.outlet), str(mean.events)]
        for _, key, percent, digits in columns[1:]:
            figure = mean.figures.get(key) if key else None
            cells.append(
                interval_cell(figure, percent=percent, digits=digits) if figure else Text("-")
            )
        table.add_row(*cells)
    table.caption = (
        "Every event shared by two or more outlets weighs the same, so outlets that cover "
        "more events do not dominate; below each mean, the 95% interval from resampling "
        "events. Hedges and loaded words per 1,000 words. All figures in --json and --csv."
    )
    return table


_DUPLICATES_SHOWN = 10


def near_duplicates_table(groups: tuple[DuplicateGroup, ...], threshold: float) -> Table:
    """Groups of near-identical articles published by several outlets."""
    table = Table(title="Near-duplicate articles across outlets (syndicated copy)")
    table.title_justify = "left"
    table.add_column("Outlets", overflow="fold")
    table.add_column("Similarity", justify="right", no_wrap=True)
    table.add_column("Titles", overflow="fold")
    for group in groups[:_DUPLICATES_SHOWN]:
        titles = "\n".join(sorted({_clip(title, 70) for _, _, title in group.articles}))
        table.add_row(
            Text(", ".join(group.outlets)), f"{group.similarity:.2f}", Text(titles or "-")
        )
    hidden = len(groups) - _DUPLICATES_SHOWN
    table.caption = (
        f"{len(groups)} group{'s' if len(groups) != 1 else ''} of articles whose texts share "
        f"at least {threshold:.0%} of their five-word sequences (estimated Jaccard, MinHash), "
        "in two or more outlets. Each copy counts for its outlet, so wire copy makes outlets "
        "look alike." + (f" {hidden} more in --json and --csv." if hidden > 0 else "")
    )
    return table


def coverage_tables(group: GroupComparison, scope: str) -> list[Table | Text]:
    """The coverage matrix of the most widely carried units, then what each outlet alone has."""
    coverage = group.coverage
    if coverage is None:
        return [Text(f"Omission ({scope}): {group.coverage_note}", style="dim")]
    matrix = Table(title=f"Coverage of content units ({scope})", title_justify="left")
    matrix.add_column("#", justify="right")
    matrix.add_column("Content unit (a sentence of it)", max_width=_LABEL_WIDTH, no_wrap=True)
    for index in range(1, len(coverage.outlets) + 1):
        matrix.add_column(Text(f"{index}", style="bold"), justify="center")
    for unit in coverage.units[:_UNITS_SHOWN]:
        marks = ["●" if outlet in unit.outlets else "·" for outlet in coverage.outlets]
        matrix.add_row(str(unit.id), Text(_clip(unit.label), overflow="ellipsis"), *marks)
    legend = "; ".join(f"{i} = {o}" for i, o in enumerate(coverage.outlets, start=1))
    matrix.caption = (
        f"{len(coverage.units)} units (sentences or clauses of different articles linked when "
        f"their mean TF-IDF cosine similarity is at least {coverage.threshold:.2f}); the "
        f"{min(_UNITS_SHOWN, len(coverage.units))} most widely carried shown. {legend}. "
        + (group.coverage_note or "")
    )
    alone = Table(title=f"What each outlet alone reports, or alone leaves out ({scope})")
    alone.title_justify = "left"
    alone.add_column("Outlet", overflow="fold")
    alone.add_column("Alone reports", overflow="fold")
    alone.add_column("Alone omits", overflow="fold")
    for outlet in coverage.outlets:
        alone.add_row(
            Text(outlet),
            _unit_list(coverage.alone_reports(outlet)),
            _unit_list(coverage.alone_omits(outlet)),
        )
    alone.caption = (
        "'Omits' means no sentence similar enough was found, not proof of absence; "
        "--json and --csv list every unit."
    )
    return [matrix, alone]


def _unit_list(units: tuple[ContentUnit, ...]) -> Text:
    if not units:
        return Text("-")
    shown = "\n".join(f"#{u.id} {_clip(u.label, 60)}" for u in units[:_ALONE_SHOWN])
    more = len(units) - _ALONE_SHOWN
    return Text(f"{len(units)} units\n{shown}" + (f"\n… {more} more" if more > 0 else ""))


def _clip(text: str, width: int = _LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
