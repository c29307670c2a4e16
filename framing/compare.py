"""Turn outlet aggregates into a comparison: estimates with intervals, frame shares, keyness."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from framing.actors.portrayal import SENTIMENT_LABELS
from framing.actors.resolve import merge_map
from framing.aggregate import SCALE, ActorAggregate, ActorKey, CorpusAggregate, OutletAggregate
from framing.corpus.accounting import Accounting

__all__ = [
    "ActorOutlet",
    "ActorResult",
    "Comparison",
    "DistinctiveWord",
    "GroupComparison",
    "Interval",
    "OutletResult",
    "compare",
    "log_odds_dirichlet",
]

CONFIDENCE = 0.95
DEFAULT_TOP_WORDS = 10
MIN_WORD_COUNT = 2


@dataclass(frozen=True)
class Interval:
    """A point estimate with a percentile bootstrap interval (None where it cannot be had)."""

    estimate: float
    low: float | None
    high: float | None


@dataclass(frozen=True)
class DistinctiveWord:
    """A word over-used by one outlet: its log-odds z-score and its counts there and elsewhere."""

    word: str
    z: float
    count: int
    other_count: int


@dataclass(frozen=True)
class OutletResult:
    """One outlet's figures within one comparison."""

    outlet: str
    articles: int
    words: int
    sentences: int
    tone: Interval
    negative_sentence_share: float
    positive_sentence_share: float
    framed_articles: int
    frame_shares: dict[str, float]
    primary_frame: str | None
    primary_frame_counts: dict[str, int]
    distinctive_words: tuple[DistinctiveWord, ...]


@dataclass(frozen=True)
class ActorOutlet:
    """How one outlet portrays one actor: mentions, sentiment toward it, the labels it uses.

    ``score`` is the mean over articles of each article's mean mention score
    (p(positive) - p(negative), -1 to +1), with a two-stage bootstrap interval; ``shares`` are
    the shares of mentions whose most probable sentiment is negative, neutral, positive.
    """

    outlet: str
    articles: int
    mentions: int
    score: Interval
    shares: dict[str, float]
    labels: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class ActorResult:
    """One actor across the outlets of a comparison."""

    actor: str
    key: str
    kind: str
    mentions: int
    articles: int
    outlets: dict[str, ActorOutlet]


@dataclass(frozen=True)
class GroupComparison:
    """Outlets compared within one event, or over the whole corpus (``event`` is None)."""

    event: str | None
    outlets: dict[str, OutletResult]
    actors: tuple[ActorResult, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """The whole comparison: over the corpus, per event (when there are several), and how the
    inputs were accounted for."""

    overall: GroupComparison
    events: tuple[GroupComparison, ...]
    categories: tuple[str, ...]
    accounting: Accounting
    settings: dict[str, Any] = field(default_factory=dict)


def compare(
    aggregate: CorpusAggregate,
    accounting: Accounting,
    *,
    top_words: int = DEFAULT_TOP_WORDS,
    settings: Mapping[str, Any] | None = None,
) -> Comparison:
    """Compare outlets over the whole corpus and, when it names several events, within each."""
    merged_keys = merge_map(*_actor_kinds(aggregate.actors))
    overall = _compare_group(None, aggregate.outlets(), aggregate.categories, top_words)
    overall = replace(overall, actors=_compare_actors(aggregate.actors, merged_keys, _ALL))
    events = aggregate.events()
    per_event: tuple[GroupComparison, ...] = ()
    if len(events) > 1:
        per_event = tuple(
            replace(
                _compare_group(event, aggregate.outlets_in(event), aggregate.categories, top_words),
                actors=_compare_actors(aggregate.actors, merged_keys, event),
            )
            for event in events
        )
    return Comparison(
        overall=overall,
        events=per_event,
        categories=aggregate.categories,
        accounting=accounting,
        settings={
            "seed": aggregate.seed,
            "bootstrap_replicates": aggregate.replicates,
            "confidence": CONFIDENCE,
            **(settings or {}),
        },
    )


def _compare_group(
    event: str | None,
    outlets: Mapping[str, OutletAggregate],
    categories: tuple[str, ...],
    top_words: int,
) -> GroupComparison:
    pooled: Counter[str] = Counter()
    for group in outlets.values():
        pooled.update(group.word_counts)
    results = {
        name: _outlet_result(name, group, categories, pooled, top_words)
        for name, group in outlets.items()
    }
    return GroupComparison(event, results)


def _outlet_result(
    name: str,
    group: OutletAggregate,
    categories: tuple[str, ...],
    pooled: Counter[str],
    top_words: int,
) -> OutletResult:
    shares = {
        category: (total / SCALE / group.framed_articles if group.framed_articles else 0.0)
        for category, total in zip(categories, group.frame_share_sums, strict=True)
    }
    primary = None
    if group.framed_articles:
        primary = max(categories, key=lambda c: (shares[c], -categories.index(c)))
    others = pooled - group.word_counts
    distinctive = () if not others else log_odds_dirichlet(group.word_counts, others, pooled)
    sentences = group.sentences or 1
    return OutletResult(
        outlet=name,
        articles=group.articles,
        words=group.words,
        sentences=group.sentences,
        tone=Interval(
            group.tone_sum / SCALE / group.articles if group.articles else 0.0,
            *_percentile_interval(group.tone_replicate_sums, group.tone_replicate_weights),
        ),
        negative_sentence_share=group.negative_sentences / sentences,
        positive_sentence_share=group.positive_sentences / sentences,
        framed_articles=group.framed_articles,
        frame_shares=shares,
        primary_frame=primary,
        primary_frame_counts=dict(sorted(group.primary_frames.items())),
        distinctive_words=tuple(distinctive[:top_words]),
    )


MAX_LABELS = 8
_ALL = object()  # every event, as opposed to the articles without one (event None)


def _actor_kinds(
    actors: Mapping[ActorKey, ActorAggregate],
) -> tuple[dict[str, str], dict[str, int]]:
    """Each actor key's most frequent kind, and its number of mentions."""
    kinds: dict[str, Counter[str]] = {}
    mentions: Counter[str] = Counter()
    for (_, _, key), tally in actors.items():
        kinds.setdefault(key, Counter()).update(tally.kinds)
        mentions[key] += tally.mentions
    return {key: counts.most_common(1)[0][0] for key, counts in kinds.items()}, dict(mentions)


def _compare_actors(
    actors: Mapping[ActorKey, ActorAggregate], merged_keys: Mapping[str, str], event: object
) -> tuple[ActorResult, ...]:
    """Actors of one event (or of all, with ``_ALL``) by outlet, most mentioned first."""
    by_actor: dict[str, dict[str, ActorAggregate]] = {}
    for (actor_event, outlet, key), tally in actors.items():
        if event is not _ALL and actor_event != event:
            continue
        outlets = by_actor.setdefault(merged_keys.get(key, key), {})
        outlets[outlet] = outlets[outlet].merge(tally) if outlet in outlets else tally
    results = []
    for key, outlets in by_actor.items():
        names: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for tally in outlets.values():
            names.update(tally.names)
            kinds.update(tally.kinds)
        display = max(names, key=lambda n: (len(n.split()) > 1, names[n], n))
        results.append(
            ActorResult(
                actor=display,
                key=key,
                kind=kinds.most_common(1)[0][0],
                mentions=sum(t.mentions for t in outlets.values()),
                articles=sum(t.articles for t in outlets.values()),
                outlets={name: _actor_outlet(name, t) for name, t in sorted(outlets.items())},
            )
        )
    results.sort(key=lambda r: (-r.mentions, r.actor))
    return tuple(results)


def _actor_outlet(outlet: str, tally: ActorAggregate) -> ActorOutlet:
    total = tally.mentions or 1
    return ActorOutlet(
        outlet=outlet,
        articles=tally.articles,
        mentions=tally.mentions,
        score=Interval(
            tally.score_sum / SCALE / tally.articles if tally.articles else 0.0,
            *_percentile_interval(tally.replicate_sums, tally.replicate_weights),
        ),
        shares={label: tally.sentiment_counts[label] / total for label in SENTIMENT_LABELS},
        labels=tuple(
            (kind, text, count)
            for (kind, text), count in sorted(tally.labels.items(), key=lambda kv: (-kv[1], kv[0]))[
                :MAX_LABELS
            ]
        ),
    )


def _percentile_interval(
    sums: np.ndarray, weights: np.ndarray
) -> tuple[float | None, float | None]:
    """The central 95% of the replicate means (replicates with no weight are left out)."""
    usable = weights > 0
    if usable.sum() < 2:
        return None, None
    means = sums[usable] / weights[usable] / SCALE
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def log_odds_dirichlet(
    counts: Mapping[str, int],
    other_counts: Mapping[str, int],
    prior_counts: Mapping[str, int],
    *,
    min_count: int = MIN_WORD_COUNT,
) -> list[DistinctiveWord]:
    """Words over-used in ``counts`` relative to ``other_counts``, most distinctive first.

    The weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and
    Quinn (2008, eq. 22), z-scored by its approximate standard deviation; the prior is
    ``prior_counts`` (here the pooled counts of all compared outlets). Only words used at least
    ``min_count`` times in ``counts`` and with a positive z are returned.
    """
    n_i = sum(counts.values())
    n_j = sum(other_counts.values())
    alpha_0 = sum(prior_counts.values())
    found: list[DistinctiveWord] = []
    for word, y_i in counts.items():
        if y_i < min_count:
            continue
        alpha = prior_counts.get(word, 0)
        if alpha <= 0:
            continue
        y_j = other_counts.get(word, 0)
        delta = math.log((y_i + alpha) / (n_i + alpha_0 - y_i - alpha)) - math.log(
            (y_j + alpha) / (n_j + alpha_0 - y_j - alpha)
        )
        z = delta / math.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
        if z > 0:
            found.append(DistinctiveWord(word, z, y_i, y_j))
    found.sort(key=lambda w: (-w.z, w.word))
    return found
