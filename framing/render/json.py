"""The comparison as one JSON document (plain data for pandas, R and jq)."""

from __future__ import annotations

import json
from typing import Any

from framing.analysers.frames import FRAME_LABELS
from framing.compare import ActorResult, Comparison, GroupComparison, Interval, OutletResult

__all__ = ["actors_to_list", "comparison_to_dict", "comparison_to_json"]


def comparison_to_json(comparison: Comparison) -> str:
    """Serialise the comparison to a JSON string."""
    return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2)


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as nested dicts: ``outlets`` keyed by name, plus ``accounting``."""
    document: dict[str, Any] = {
        "settings": comparison.settings,
        "accounting": comparison.accounting.to_dict(),
        "frames": [
            {"id": category, "label": FRAME_LABELS.get(category, category)}
            for category in comparison.categories
        ],
        "outlets": _outlets(comparison.overall),
    }
    document["actors"] = actors_to_list(comparison.overall.actors)
    if comparison.events:
        document["events"] = [
            {
                "event": group.event,
                "outlets": _outlets(group),
                "actors": actors_to_list(group.actors),
            }
            for group in comparison.events
        ]
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


def _outlet(result: OutletResult) -> dict[str, Any]:
    return {
        "articles": result.articles,
        "words": result.words,
        "sentences": result.sentences,
        "tone": _interval(result.tone),
        "negative_sentence_share": result.negative_sentence_share,
        "positive_sentence_share": result.positive_sentence_share,
        "framed_articles": result.framed_articles,
        "frame_shares": result.frame_shares,
        "primary_frame": result.primary_frame,
        "primary_frame_counts": result.primary_frame_counts,
        "distinctive_words": [
            {"word": w.word, "z": w.z, "count": w.count, "other_count": w.other_count}
            for w in result.distinctive_words
        ],
    }


def _interval(interval: Interval) -> dict[str, float | None]:
    return {"mean": interval.estimate, "low": interval.low, "high": interval.high}
