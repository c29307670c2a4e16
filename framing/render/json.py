"""The comparison as one JSON document (plain data for pandas, R and jq)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from framing.analysers.frames import FRAME_LABELS
from framing.compare import (
    ActorResult,
    Comparison,
    DistinctiveWord,
    FrameTest,
    GroupComparison,
    Interval,
    OutletResult,
)
from framing.keyness import Keyness
from framing.omission import Coverage
from framing.stats import ContingencyTest

__all__ = [
    "actors_to_list",
    "comparison_to_dict",
    "comparison_to_json",
    "keyness_to_dict",
    "write_comparison_json",
]


def comparison_to_json(comparison: Comparison) -> str:
    """Serialise the comparison to a JSON string."""
    return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2)


def write_comparison_json(comparison: Comparison, stream: TextIO) -> None:
    """Write the text of `comparison_to_json` to ``stream`` piece by piece, building one
    event's part of the document at a time: a corpus of many events and outlets has a report
    of tens of megabytes, and its nested dicts take ten times that."""
    document = comparison_to_dict(comparison, lazy_events=True)
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(document):
        stream.write(chunk)
    stream.write("\n")


class _Lazy(list):  # type: ignore[type-arg]
    """A list json's (indented, pure-Python) encoder iterates without holding its items."""

    def __init__(self, count: int, items: Callable[[], Iterator[Any]]) -> None:
        super().__init__()
        self._count = count
        self._items = items

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __iter__(self) -> Iterator[Any]:
        return self._items()


def comparison_to_dict(comparison: Comparison, *, lazy_events: bool = False) -> dict[str, Any]:
    """The comparison as nested dicts: ``outlets`` keyed by name, plus ``accounting``.

    With ``lazy_events``, ``events`` is built one event at a time as it is read (for
    `write_comparison_json`)."""
    document: dict[str, Any] = {
        "settings": comparison.settings,
        "accounting": comparison.accounting.to_dict(),
        "frames": [
            {"id": category, "label": FRAME_LABELS.get(category, category)}
            for category in comparison.categories
        ],
        "outlets": _outlets(comparison.overall),
        **_group(comparison.overall),
    }
    document["actors"] = actors_to_list(comparison.overall.actors)
    document["actors_left_out"] = comparison.overall.actors_left_out
    document["near_duplicates"] = [
        {
            "similarity": group.similarity,
            "outlets": list(group.outlets),
            "articles": [
                {"key": key, "outlet": outlet, "title": title}
                for key, outlet, title in group.articles
            ],
        }
        for group in comparison.near_duplicates
    ]
    if comparison.event_means:
        document["event_means"] = {
            mean.outlet: {
                "events": mean.events,
                "figures": {key: _interval(value) for key, value in mean.figures.items()},
            }
            for mean in comparison.event_means
        }
    if comparison.events:

        def events() -> Iterator[dict[str, Any]]:
            for group in comparison.events:
                yield {
                    "event": group.event,
                    "outlets": _outlets(group),
                    "actors": actors_to_list(group.actors),
                    "actors_left_out": group.actors_left_out,
                    **_group(group),
                }

        count = len(comparison.events)
        document["events"] = _Lazy(count, events) if lazy_events else list(events())
    return document


def actors_to_list(actors: tuple[ActorResult, ...]) -> list[dict[str, Any]]:
    """Actors as plain data: per outlet, mentions, sentiment with interval, shares, labels."""
    return [
        {
            "actor": actor.actor,
            "key": actor.key,
            "kind": actor.kind,
            "mentions": actor.mentions,
            "articles": actor.articles,
            "outlets": {
                name: {
                    "mentions": portrayal.mentions,
                    "articles": portrayal.articles,
                    "score": _interval(portrayal.score),
                    "shares": portrayal.shares,
                    "labels": [
                        {"kind": kind, "text": text, "count": count}
                        for kind, text, count in portrayal.labels
                    ],
                }
                for name, portrayal in actor.outlets.items()
            },
        }
        for actor in actors
    ]


def _outlets(group: GroupComparison) -> dict[str, Any]:
    return {name: _outlet(result) for name, result in group.outlets.items()}


def _group(group: GroupComparison) -> dict[str, Any]:
    """The figures of one comparison that are not per outlet: tests, distances, coverage."""
    return {
        "frame_test": _frame_test(group.frame_test) if group.frame_test else None,
        "frame_distances": [
            {
                "outlet_a": pair.outlet_a,
                "outlet_b": pair.outlet_b,
                "jensen_shannon": _interval(pair.distance),
                "test": _test(pair.result),
                "p_holm": pair.p_adjusted,
                "note": pair.note,
            }
            for pair in group.frame_distances
        ],
        "coverage": _coverage(group.coverage) if group.coverage else None,
        "coverage_note": group.coverage_note,
    }


def _frame_test(test: FrameTest) -> dict[str, Any]:
    return {"outlets": list(test.outlets), "test": _test(test.result), "note": test.note}


def _test(result: ContingencyTest | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "chi2": result.chi2,
        "df": result.df,
        "n": result.n,
        "p": result.p_value,
        "p_method": result.method,
        "p_chi2": result.p_chi2,
        "cramers_v": result.cramers_v,
    }


def _coverage(coverage: Coverage) -> dict[str, Any]:
    return {
        "outlets": list(coverage.outlets),
        "threshold": coverage.threshold,
        "units": [
            {
                "id": unit.id,
                "label": unit.label,
                "outlets": list(unit.outlets),
                "sentences": [
                    {"outlet": outlet, "article": key, "sentence": index}
                    for outlet, key, index in unit.sentences
                ],
            }
            for unit in coverage.units
        ],
        "alone_reports": {
            outlet: [unit.id for unit in coverage.alone_reports(outlet)]
            for outlet in coverage.outlets
        },
        "alone_omits": {
            outlet: [unit.id for unit in coverage.alone_omits(outlet)]
            for outlet in coverage.outlets
        },
    }


def _outlet(result: OutletResult) -> dict[str, Any]:
    sourcing = result.sourcing
    return {
        "articles": result.articles,
        "words": result.words,
        "sentences": result.sentences,
        "tone": _interval(result.tone),
        "negative_sentence_share": _interval(result.negative_sentence_share),
        "positive_sentence_share": _interval(result.positive_sentence_share),
        "framed_articles": result.framed_articles,
        "frame_shares": {name: _interval(share) for name, share in result.frame_shares.items()},
        "primary_frame": result.primary_frame,
        "primary_frame_counts": result.primary_frame_counts,
        "cue_rates_per_1000_words": {
            name: _interval(rate) for name, rate in result.cue_rates.items()
        },
        "sourcing": {
            "attributions": sourcing.attributions,
            "per_1000_words": _interval(sourcing.per_1000_words),
            "direct_share": _interval(sourcing.direct_share),
            "anonymous_share": _interval(sourcing.anonymous_share),
            "voices": [
                {"name": voice.name, "key": voice.key, "attributions": voice.attributions}
                for voice in sourcing.voices
            ],
        },
        "distinctive_words": _terms(result.distinctive_words),
        "distinctive_bigrams": _terms(result.distinctive_bigrams),
    }


def _terms(terms: tuple[DistinctiveWord, ...]) -> list[dict[str, Any]]:
    return [
        {
            "term": w.word,
            "z": w.z,
            "log_odds": w.delta,
            "count": w.count,
            "other_count": w.other_count,
        }
        for w in terms
    ]


def keyness_to_dict(result: Keyness) -> dict[str, Any]:
    """A keyness comparison as plain data: each side's size and over-used terms."""
    return {
        "event": result.event,
        "min_count": result.min_count,
        "method": "weighted log-odds, informative Dirichlet prior (Monroe et al. 2008)",
        "sides": [
            {
                "outlet": side.name,
                "articles": side.articles,
                "content_words": side.tokens,
                "bigrams": side.bigrams,
                "words": _terms(side.words),
                "phrases": _terms(side.phrases),
            }
            for side in (result.a, result.b)
        ],
    }


def _interval(interval: Interval) -> dict[str, float | None]:
    return {"mean": interval.estimate, "low": interval.low, "high": interval.high}
