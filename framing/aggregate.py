"""Mergeable per-outlet aggregates of article analyses.

They hold only counts and sums, as integers (real values in fixed point, 1e-9 resolution), so
merging is exactly associative and commutative: a streamed, multi-core or cluster run gives the
same numbers bit for bit. The bootstrap replicates are sums too (see `framing._bootstrap`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from framing._bootstrap import DEFAULT_REPLICATES, two_stage_means
from framing.actors.portrayal import ScoredMention
from framing.analysers import ArticleAnalysis

__all__ = [
    "ACTOR_REPLICATES",
    "SCALE",
    "ActorAggregate",
    "CorpusAggregate",
    "GroupKey",
    "OutletAggregate",
    "aggregate",
]

SCALE = 10**9
# Fewer replicates per (outlet, actor) than per outlet: there are many more such pairs.
ACTOR_REPLICATES = 200
GroupKey = tuple[str | None, str]  # (event, outlet)
ActorKey = tuple[str | None, str, str]  # (event, outlet, actor key)


def _fixed(value: float) -> int:
    return round(value * SCALE)


@dataclass
class OutletAggregate:
    """Sums over one outlet's articles (within one event, or overall)."""

    categories: tuple[str, ...]
    replicates: int = DEFAULT_REPLICATES
    articles: int = 0
    words: int = 0
    sentences: int = 0
    negative_sentences: int = 0
    positive_sentences: int = 0
    tone_sum: int = 0
    framed_articles: int = 0
    frame_share_sums: list[int] = field(default_factory=list)
    primary_frames: Counter[str] = field(default_factory=Counter)
    word_counts: Counter[str] = field(default_factory=Counter)
    tone_replicate_weights: np.ndarray = field(default=None)  # type: ignore[assignment]
    tone_replicate_sums: np.ndarray = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if not self.frame_share_sums:
            self.frame_share_sums = [0] * len(self.categories)
        if self.tone_replicate_weights is None:
            self.tone_replicate_weights = np.zeros(self.replicates, dtype=np.int64)
        if self.tone_replicate_sums is None:
            self.tone_replicate_sums = np.zeros(self.replicates, dtype=np.int64)

    def add(self, analysis: ArticleAnalysis, *, seed: int) -> None:
        """Add one article's analysis."""
        tone = analysis.tone
        self.articles += 1
        self.words += analysis.n_words
        self.sentences += len(tone.compounds)
        self.negative_sentences += tone.negative
        self.positive_sentences += tone.positive
        self.tone_sum += _fixed(tone.mean)
        if analysis.frames.primary is not None:
            self.framed_articles += 1
            self.primary_frames[analysis.frames.primary] += 1
            for index, share in enumerate(analysis.frames.shares):
                self.frame_share_sums[index] += _fixed(share)
        self.word_counts.update(analysis.word_counts)
        if tone.compounds:
            weights, means = two_stage_means(
                np.asarray(tone.compounds), seed, analysis.article.content_key, self.replicates
            )
            fixed_means = np.rint(means * SCALE).astype(np.int64)
            self.tone_replicate_weights += weights.astype(np.int64)
            self.tone_replicate_sums += weights.astype(np.int64) * fixed_means

    def merge(self, other: OutletAggregate) -> OutletAggregate:
        """A new aggregate holding both; associative, with the empty aggregate as identity."""
        if other.categories != self.categories or other.replicates != self.replicates:
            raise ValueError("cannot merge aggregates built with different frames or replicates")
        return OutletAggregate(
            categories=self.categories,
            replicates=self.replicates,
            articles=self.articles + other.articles,
            words=self.words + other.words,
            sentences=self.sentences + other.sentences,
            negative_sentences=self.negative_sentences + other.negative_sentences,
            positive_sentences=self.positive_sentences + other.positive_sentences,
            tone_sum=self.tone_sum + other.tone_sum,
            framed_articles=self.framed_articles + other.framed_articles,
            frame_share_sums=[
                a + b for a, b in zip(self.frame_share_sums, other.frame_share_sums, strict=True)
            ],
            primary_frames=self.primary_frames + other.primary_frames,
            word_counts=self.word_counts + other.word_counts,
            tone_replicate_weights=self.tone_replicate_weights + other.tone_replicate_weights,
            tone_replicate_sums=self.tone_replicate_sums + other.tone_replicate_sums,
        )


@dataclass
class ActorAggregate:
    """Sums over one outlet's mentions of one actor: counts, sentiment, labels, replicates."""

    replicates: int = ACTOR_REPLICATES
    articles: int = 0
    mentions: int = 0
    sentiment_counts: Counter[str] = field(default_factory=Counter)
    score_sum: int = 0  # sum over articles of the article's mean mention score
    names: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    labels: Counter[tuple[str, str]] = field(default_factory=Counter)
    replicate_weights: np.ndarray = field(default=None)  # type: ignore[assignment]
    replicate_sums: np.ndarray = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.replicate_weights is None:
            self.replicate_weights = np.zeros(self.replicates, dtype=np.int64)
        if self.replicate_sums is None:
            self.replicate_sums = np.zeros(self.replicates, dtype=np.int64)

    def add(self, mentions: list[ScoredMention], *, seed: int, article_key: str) -> None:
        """Add one article's mentions of the actor."""
        scores = np.asarray([m.score for m in mentions])
        self.articles += 1
        self.mentions += len(mentions)
        self.score_sum += _fixed(float(scores.mean()))
        for scored in mentions:
            self.sentiment_counts[scored.label] += 1
            self.names[scored.mention.actor] += 1
            self.kinds[scored.mention.kind] += 1
            self.labels.update((label.kind, label.text) for label in scored.labels)
        key = hashlib.blake2b(
            f"{article_key}|{mentions[0].mention.key}".encode(), digest_size=16
        ).hexdigest()
        weights, means = two_stage_means(scores, seed, key, self.replicates)
        self.replicate_weights += weights.astype(np.int64)
        self.replicate_sums += weights.astype(np.int64) * np.rint(means * SCALE).astype(np.int64)

    def merge(self, other: ActorAggregate) -> ActorAggregate:
        """A new aggregate holding both; associative, with the empty aggregate as identity."""
        return ActorAggregate(
            replicates=self.replicates,
            articles=self.articles + other.articles,
            mentions=self.mentions + other.mentions,
            sentiment_counts=self.sentiment_counts + other.sentiment_counts,
            score_sum=self.score_sum + other.score_sum,
            names=self.names + other.names,
            kinds=self.kinds + other.kinds,
            labels=self.labels + other.labels,
            replicate_weights=self.replicate_weights + other.replicate_weights,
            replicate_sums=self.replicate_sums + other.replicate_sums,
        )


@dataclass
class CorpusAggregate:
    """Outlet aggregates keyed by (event, outlet), with the settings they were built with."""

    categories: tuple[str, ...]
    seed: int = 0
    replicates: int = DEFAULT_REPLICATES
    groups: dict[GroupKey, OutletAggregate] = field(default_factory=dict)
    actors: dict[ActorKey, ActorAggregate] = field(default_factory=dict)

    def add(self, analysis: ArticleAnalysis) -> None:
        """Add one article's analysis to its (event, outlet) group and its actors."""
        article = analysis.article
        key = (article.event, article.outlet)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = OutletAggregate(self.categories, self.replicates)
        group.add(analysis, seed=self.seed)
        by_actor: dict[str, list[ScoredMention]] = {}
        for scored in analysis.mentions:
            by_actor.setdefault(scored.mention.key, []).append(scored)
        for actor, mentions in by_actor.items():
            tally = self.actors.get((*key, actor))
            if tally is None:
                tally = self.actors[(*key, actor)] = ActorAggregate()
            tally.add(mentions, seed=self.seed, article_key=article.content_key)

    def merge(self, other: CorpusAggregate) -> CorpusAggregate:
        """A new aggregate holding both; associative and commutative."""
        if (other.categories, other.seed, other.replicates) != (
            self.categories,
            self.seed,
            self.replicates,
        ):
            raise ValueError("cannot merge aggregates built with different settings")
        groups = dict(self.groups)
        for key, theirs in other.groups.items():
            ours = groups.get(key)
            groups[key] = ours.merge(theirs) if ours else theirs
        actors = dict(self.actors)
        for actor_key, tally in other.actors.items():
            mine = actors.get(actor_key)
            actors[actor_key] = mine.merge(tally) if mine else tally
        return CorpusAggregate(self.categories, self.seed, self.replicates, groups, actors)

    def events(self) -> list[str | None]:
        """The distinct events, in sorted order (None, for articles without one, last)."""
        found = {event for event, _ in self.groups}
        return sorted(found, key=lambda e: (e is None, e or ""))

    def outlets(self) -> dict[str, OutletAggregate]:
        """Outlet aggregates merged over all events, sorted by outlet."""
        return self._merged_by_outlet(lambda event: True)

    def outlets_in(self, event: str | None) -> dict[str, OutletAggregate]:
        """Outlet aggregates for one event, sorted by outlet."""
        return self._merged_by_outlet(lambda group_event: group_event == event)

    def _merged_by_outlet(self, keep: Callable[[str | None], bool]) -> dict[str, OutletAggregate]:
        merged: dict[str, OutletAggregate] = {}
        for (event, outlet), group in self.groups.items():
            if keep(event):
                merged[outlet] = merged[outlet].merge(group) if outlet in merged else group
        return dict(sorted(merged.items()))


def aggregate(
    analyses: Iterable[ArticleAnalysis],
    *,
    categories: tuple[str, ...],
    seed: int = 0,
    replicates: int = DEFAULT_REPLICATES,
) -> CorpusAggregate:
    """Aggregate a stream of analyses."""
    result = CorpusAggregate(categories, seed, replicates)
    for analysis in analyses:
        result.add(analysis)
    return result
