"""The comparison as tidy CSV tables (one row per outlet x measure), for pandas and R.

Every table has ``scope`` ("corpus" for the whole corpus, "event" for one event, and in
``measures.csv`` "event_mean" for an outlet's mean over events, its ``articles`` column then
counting events) and ``event`` columns, so the per-event rows of a multi-event corpus stack
under the corpus-wide ones. Text
cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from framing._atomic import atomic_text
from framing.compare import Comparison, GroupComparison, Interval

__all__ = ["TABLES", "write_comparison_csv"]

TABLES: dict[str, tuple[str, ...]] = {
    "measures.csv": (
        "scope",
        "event",
        "outlet",
        "measure",
        "category",
        "estimate",
        "low",
        "high",
        "articles",
        "unit",
    ),
    "distinctive_terms.csv": (
        "scope",
        "event",
        "outlet",
        "kind",
        "rank",
        "term",
        "z",
        "log_odds",
        "count",
        "other_count",
    ),
    "actors.csv": (
        "scope",
        "event",
        "actor",
        "actor_key",
        "kind",
        "outlet",
        "mentions",
        "articles",
        "score",
        "low",
        "high",
        "share_negative",
        "share_neutral",
        "share_positive",
    ),
    "actor_labels.csv": ("scope", "event", "actor", "outlet", "label_kind", "label", "count"),
    "voices.csv": ("scope", "event", "outlet", "voice", "voice_key", "attributions"),
    "frame_tests.csv": (
        "scope",
        "event",
        "outlets",
        "chi2",
        "df",
        "n",
        "p",
        "p_method",
        "p_chi2",
        "cramers_v",
        "note",
    ),
    "frame_distances.csv": (
        "scope",
        "event",
        "outlet_a",
        "outlet_b",
        "jensen_shannon",
        "low",
        "high",
        "chi2",
        "df",
        "n",
        "p",
        "p_method",
        "p_holm",
        "cramers_v",
        "note",
    ),
    "coverage.csv": ("scope", "event", "unit", "outlet", "covered", "outlets_covering", "label"),
    "near_duplicates.csv": ("group", "similarity", "outlet", "title", "article"),
    "skipped.csv": ("source", "reason"),
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MEASURE_NAMES = {"frame": "frame_share", "cue": "cue_rate", "sentences": "sentence_share"}


def write_comparison_csv(comparison: Comparison, directory: str | os.PathLike[str]) -> list[Path]:
    """Write the tables of `TABLES` into ``directory`` (created if needed); return the paths.

    Each file is written to a temporary name and renamed, so a reader never sees half a table.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    groups = [("corpus", comparison.overall)] + [("event", g) for g in comparison.events]
    rows: dict[str, Iterable[tuple[Any, ...]]] = {
        "measures.csv": chain(_each(groups, _measures), _event_means(comparison)),
        "distinctive_terms.csv": _each(groups, _terms),
        "actors.csv": _each(groups, _actors),
        "actor_labels.csv": _each(groups, _labels),
        "voices.csv": _each(groups, _voices),
        "frame_tests.csv": _each(groups, _frame_tests),
        "frame_distances.csv": _each(groups, _distances),
        "coverage.csv": _each(groups, _coverage),
        "near_duplicates.csv": _near_duplicates(comparison),
        "skipped.csv": ((s.source, s.reason) for s in comparison.accounting.skipped),
    }
    written = []
    for name, header in TABLES.items():
        path = folder / name
        with atomic_text(path) as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows(tuple(_safe(cell) for cell in row) for row in rows[name])
        written.append(path)
    return written


def _each(groups, table) -> Iterator[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    for scope, group in groups:
        event = group.event if group.event is not None else ""
        for row in table(group):
            yield (scope, event, *row)


def _bounds(interval: Interval) -> tuple[float, float | str, float | str]:
    return (
        interval.estimate,
        "" if interval.low is None else interval.low,
        "" if interval.high is None else interval.high,
    )


def _measures(group: GroupComparison) -> Iterator[tuple[Any, ...]]:
    for name, result in group.outlets.items():
        n = result.articles
        yield (name, "tone", "", *_bounds(result.tone), n, "mean compound, -1 to +1")
        yield (
            name,
            "sentence_share",
            "negative",
            *_bounds(result.negative_sentence_share),
            n,
            "share of sentences",
        )
        yield (
            name,
            "sentence_share",
            "positive",
            *_bounds(result.positive_sentence_share),
            n,
            "share of sentences",
        )
        for frame, share in result.frame_shares.items():
            yield (
                name,
                "frame_share",
                frame,
                *_bounds(share),
                result.framed_articles,
                "mean share of frame cues",
            )
        for category, rate in result.cue_rates.items():
            yield (name, "cue_rate", category, *_bounds(rate), n, "per 1,000 words")
        sourcing = result.sourcing
        yield (
            name,
            "sources",
            "per_1000_words",
            *_bounds(sourcing.per_1000_words),
            n,
            "attributions per 1,000 words",
        )
        yield (
            name,
            "sources",
            "direct_share",
            *_bounds(sourcing.direct_share),
            n,
            "share of attributions",
        )
        yield (
            name,
            "sources",
            "anonymous_share",
            *_bounds(sourcing.anonymous_share),
            n,
            "share of attributions",
        )


def _event_means(comparison: Comparison) -> Iterator[tuple[Any, ...]]:
    """Rows of scope "event_mean": each outlet's figures averaged over events."""
    for mean in comparison.event_means:
        for key, figure in mean.figures.items():
            measure, _, category = key.partition(":")
            yield (
                "event_mean",
                "",
                mean.outlet,
                _MEASURE_NAMES.get(measure, measure),
                category,
                *_bounds(figure),
                mean.events,
                "mean over events",
            )


def _near_duplicates(comparison: Comparison) -> Iterator[tuple[Any, ...]]:
    for number, group in enumerate(comparison.near_duplicates, start=1):
        for key, outlet, title in group.articles:
            yield (number, group.similarity, outlet, title, key)


def _terms(group: GroupComparison) -> Iterator[tuple[Any, ...]]:
    for name, result in group.outlets.items():
        for kind, terms in (
            ("word", result.distinctive_words),
            ("bigram", result.distinctive_bigrams),
        ):
            for rank, term in enumerate(terms, start=1):
                yield (
                    name,
                    kind,
                    rank,
                    term.word,
                    term.z,
                    term.delta,
                    term.count,
                    term.other_count,
                )


def _actors(group: GroupComparison) -> Iterator[tuple[Any, ...]]:
    for actor in group.actors:
        for outlet, portrayal in actor.outlets.items():
            yield (
                actor.actor,
                actor.key,
                actor.kind,
                outlet,
                portrayal.mentions,
                portrayal.articles,
                *_bounds(portrayal.score),
                portrayal.shares["negative"],
                portrayal.shares["neutral"],
                portrayal.shares["positive"],
            )


def _labels(group: GroupComparison) -> Iterator[tuple[Any, ...]]:
    for actor in group.actors:
        for outlet, portrayal in actor.outlets.items():
            for kind, text, count in portrayal.labels:
                yield (actor.actor, outlet, kind, text, count)


def _voices(group: GroupComparison) -> Iterator[tuple[Any, ...]]:
    for name, result in group.outlets.items():
        for voice in result.sourcing.voices:
            yield (name, voice.name, voice.key, voice.attributions)


def _frame_tests(group: GroupComparison) -> Iterator[tuple[Any, ...]]:
    test = group.frame_test
    if test is None:
        return
    result = test.result
    if result is None:
        yield ("; ".join(test.outlets), "", "", "", "", "", "", "", test.note)
    else:
        yield (
            "; ".join(test.outlets),
            result.chi2,
            result.df,
            result.n,
            result.p_value,
            result.method,
            result.p_chi2,
            result.cramers_v,
            test.note,
        )


def _distances(group: GroupComparison) -> Iterator[tuple[Any, ...]]:
    for pair in group.frame_distances:
        result = pair.result
        tested: tuple[Any, ...] = ("", "", "", "", "", "", "")
        if result is not None:
            tested = (
                result.chi2,
                result.df,
                result.n,
                result.p_value,
                result.method,
                pair.p_adjusted,
                result.cramers_v,
            )
        yield (pair.outlet_a, pair.outlet_b, *_bounds(pair.distance), *tested, pair.note)


def _coverage(group: GroupComparison) -> Iterator[tuple[Any, ...]]:
    coverage = group.coverage
    if coverage is None:
        return
    for unit in coverage.units:
        for outlet in coverage.outlets:
            yield (unit.id, outlet, int(outlet in unit.outlets), len(unit.outlets), unit.label)


def _safe(cell: Any) -> Any:
    """Neutralise text a spreadsheet would evaluate (OWASP CSV injection advice)."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell
