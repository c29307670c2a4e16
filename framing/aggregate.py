"""Mergeable per-outlet aggregates of article analyses.

They hold only counts and sums, as integers (real values in fixed point, 1e-9 resolution), so
merging is exactly associative and commutative: a streamed, multi-core or cluster run gives the
same numbers bit for bit. The bootstrap replicates are sums too (see `framing._bootstrap`).
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from framing._bootstrap import DEFAULT_REPLICATES, SCALE
from framing._ratios import ClusterMeans, RatioSums
from framing.actor_tallies import ActorTallies
from framing.actors.gazetteer import actor_key
from framing.actors.portrayal import ScoredMention
from framing.analysers import ArticleAnalysis
from framing.analysers.cues import CUE_CATEGORIES
from framing.analysers.sourcing import Attribution
from framing.neardup import NearDuplicates
from framing.terms import TermCounts, TermTable

__all__ = [
    "SCALE",
    "CorpusAggregate",
    "GroupKey",
    "OutletAggregate",
    "aggregate",
]

ANONYMOUS = "(anonymous or unnamed)"
UNIDENTIFIED = "(speaker not identified)"
_PER_THOUSAND = 1000
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
# Articles per event kept for aligning their content (`framing.omission`): the ones with the
# smallest content keys, a deterministic sample that merges exactly.
MAX_EVENT_ARTICLES = 200
# Word and phrase counts held in memory by all groups together (16 bytes each) before the
# groups holding the most spill theirs to disk (`TermCounts.spill`), down to half of this.
SPILL_TERMS = 1 << 22
# Articles added between two checks of that bound.
_CHECK_EVERY = 256
GroupKey = tuple[str | None, str]  # (event, outlet)


def _fixed(value: float) -> int:
    return round(value * SCALE)


@dataclass
class OutletAggregate:
    """Sums over one outlet's articles (within one event, or overall)."""

    categories: tuple[str, ...]
    replicates: int = DEFAULT_REPLICATES
    seed: int = 0
    articles: int = 0
    words: int = 0
    sentences: int = 0
    tone_sum: int = 0
    framed_articles: int = 0
    primary_frames: Counter[str] = field(default_factory=Counter)
    word_counts: TermCounts = field(default_factory=TermCounts)
    bigram_counts: TermCounts = field(default_factory=TermCounts)
    voices: Counter[tuple[str, str]] = field(default_factory=Counter)
    measures: RatioSums = field(default=None)  # type: ignore[assignment]
    tone: ClusterMeans = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.measures is None:
            self.measures = RatioSums(
                measure_names(self.categories),
                self.replicates,
                self.seed,
                denominator_of=measure_denominators(self.categories),
            )
        if self.tone is None:
            self.tone = ClusterMeans(self.replicates, self.seed)

    def add(self, analysis: ArticleAnalysis) -> None:
        """Add one article's analysis."""
        tone = analysis.tone
        key = analysis.article.content_key
        self.articles += 1
        self.words += analysis.n_words
        self.sentences += len(tone.compounds)
        self.tone_sum += _fixed(tone.mean)
        if analysis.frames.primary is not None:
            self.framed_articles += 1
            self.primary_frames[analysis.frames.primary] += 1
        self.word_counts.update(analysis.word_counts)
        self.bigram_counts.update(analysis.bigram_counts)
        self.voices.update(_voice(attribution) for attribution in analysis.attributions)
        self.measures.add(key, *article_measures(analysis))
        if tone.compounds:
            self.tone.add(key, tone.compounds)

    def merge(self, other: OutletAggregate) -> OutletAggregate:
        """A new aggregate holding both; associative, with the empty aggregate as identity."""
        merged = OutletAggregate(self.categories, self.replicates, self.seed)
        merged.absorb(self)
        merged.absorb(other)
        return merged

    def absorb(self, other: OutletAggregate) -> None:
        """Add ``other`` into this aggregate in place (linear in ``other``'s size)."""
        if (other.categories, other.replicates, other.seed) != (
            self.categories,
            self.replicates,
            self.seed,
        ):
            raise ValueError("cannot merge aggregates built with different frames or settings")
        self.articles += other.articles
        self.words += other.words
        self.sentences += other.sentences
        self.tone_sum += other.tone_sum
        self.framed_articles += other.framed_articles
        self.primary_frames.update(other.primary_frames)
        self.word_counts.absorb(other.word_counts)
        self.bigram_counts.absorb(other.bigram_counts)
        self.voices.update(other.voices)
        self.measures = self.measures.merge(other.measures)
        self.tone.absorb(other.tone)


def measure_names(categories: tuple[str, ...]) -> tuple[str, ...]:
    """The ratio measures kept per outlet, in the order `article_measures` gives them."""
    return (
        *(f"frame:{category}" for category in categories),
        "sentences:negative",
        "sentences:positive",
        *(f"cue:{category}" for category in CUE_CATEGORIES),
        "sources:per_1000_words",
        "sources:direct_share",
        "sources:anonymous_share",
    )


def measure_denominators(categories: tuple[str, ...]) -> tuple[int, ...]:
    """The denominator column of each of `measure_names`: framed articles, sentences, words,
    attributions (so the replicates keep 4 denominator columns, not one per measure)."""
    framed, sentences, words, attributions = range(4)
    return (
        *([framed] * len(categories)),
        sentences,
        sentences,
        *([words] * len(CUE_CATEGORIES)),
        words,
        attributions,
        attributions,
    )


def article_measures(analysis: ArticleAnalysis) -> tuple[list[float], list[int]]:
    """One article's numerators and denominators of `measure_names`.

    Frame shares count over framed articles; sentence shares over sentences; cue and source
    rates are per 1,000 words; the direct and anonymous shares are over attributions.
    """
    frames = analysis.frames
    framed = int(frames.primary is not None)
    tone = analysis.tone
    words = analysis.n_words
    cues = analysis.cues.counts if analysis.cues is not None else {}
    attributions = analysis.attributions
    direct = sum(a.kind == "direct" for a in attributions)
    anonymous = sum(a.anonymous for a in attributions)
    numerators = [
        *(share if framed else 0.0 for share in frames.shares),
        float(tone.negative),
        float(tone.positive),
        *(_PER_THOUSAND * cues.get(category, 0) for category in CUE_CATEGORIES),
        float(_PER_THOUSAND * len(attributions)),
        float(direct),
        float(anonymous),
    ]
    sentences = len(tone.compounds)
    denominators = [
        *([framed] * len(frames.shares)),
        sentences,
        sentences,
        *([words] * len(CUE_CATEGORIES)),
        words,
        len(attributions),
        len(attributions),
    ]
    return numerators, denominators


def _voice(attribution: Attribution) -> tuple[str, str]:
    """Who an attribution gives voice to: (actor key, name), or ("", "anonymous") if unnamed."""
    if attribution.anonymous:
        return ("", ANONYMOUS)
    if attribution.actor is not None:
        return (attribution.actor, attribution.actor_name or attribution.speaker)
    unresolved_pronoun = attribution.speaker.lower() in _PRONOUNS and not attribution.antecedent
    if not attribution.speaker or unresolved_pronoun:
        return ("", UNIDENTIFIED)
    return (actor_key(attribution.speaker), attribution.speaker)


@dataclass(frozen=True)
class StoredArticle:
    """What omission analysis needs of an article: its key, outlet, title and sentences."""

    key: str
    outlet: str
    title: str
    sentences: tuple[str, ...]


@dataclass
class EventSample:
    """An event's articles for content alignment: at most `MAX_EVENT_ARTICLES`, those with the
    smallest content keys (a bottom-k sample: deterministic, and it merges exactly)."""

    articles: tuple[StoredArticle, ...] = ()
    seen: int = 0

    def add(self, article: StoredArticle) -> None:
        """Keep the article if it is among the `MAX_EVENT_ARTICLES` smallest keys seen."""
        self.seen += 1
        full = len(self.articles) >= MAX_EVENT_ARTICLES
        if not full or article.key < self.articles[-1].key:
            self.articles = _bottom(self.articles, (article,))

    def merge(self, other: EventSample) -> EventSample:
        """A new sample of both; associative and commutative."""
        return EventSample(_bottom(self.articles, other.articles), self.seen + other.seen)


def _bottom(
    ours: tuple[StoredArticle, ...], theirs: tuple[StoredArticle, ...]
) -> tuple[StoredArticle, ...]:
    merged = {article.key: article for article in (*ours, *theirs)}
    return tuple(merged[key] for key in sorted(merged)[:MAX_EVENT_ARTICLES])


@dataclass
class CorpusAggregate:
    """Outlet aggregates keyed by (event, outlet), with the settings they were built with.

    With ``keep_articles``, it also keeps each event's sentences (a bounded sample, see
    `EventSample`) for the omission analysis of the compare stage. ``near_duplicates`` holds a
    MinHash signature of every article (about 300 bytes each) to find syndicated copies.
    ``actors`` holds the actor tallies, spilled to disk beyond a bound (`ActorTallies`); the
    groups' word and phrase counts spill to disk beyond `SPILL_TERMS` (`spill_terms_if_full`).
    """

    categories: tuple[str, ...]
    seed: int = 0
    replicates: int = DEFAULT_REPLICATES
    keep_articles: bool = True
    groups: dict[GroupKey, OutletAggregate] = field(default_factory=dict)
    actors: ActorTallies = field(default=None)  # type: ignore[assignment]
    event_articles: dict[str | None, EventSample] = field(default_factory=dict)
    near_duplicates: NearDuplicates = field(default=None)  # type: ignore[assignment]
    terms: TermTable = field(default_factory=TermTable)
    _unchecked: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.near_duplicates is None:
            self.near_duplicates = NearDuplicates(seed=self.seed)
        if self.actors is None:
            self.actors = ActorTallies(self.seed)

    def add(self, analysis: ArticleAnalysis) -> None:
        """Add one article's analysis to its (event, outlet) group and its actors."""
        article = analysis.article
        key = (article.event, article.outlet)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = OutletAggregate(self.categories, self.replicates, self.seed)
        group.add(analysis)
        self.terms.add(analysis.word_counts)
        self.terms.add(analysis.bigram_counts)
        by_actor: dict[str, list[ScoredMention]] = {}
        for scored in analysis.mentions:
            by_actor.setdefault(scored.mention.key, []).append(scored)
        for actor, mentions in by_actor.items():
            self.actors.add((*key, actor), mentions, article_key=article.content_key)
        self.near_duplicates.add(article.content_key, article.outlet, article.title, article.text)
        if self.keep_articles:
            sample = self.event_articles.setdefault(article.event, EventSample())
            sample.add(
                StoredArticle(
                    article.content_key, article.outlet, article.title, analysis.sentences
                )
            )
        self._unchecked += 1
        if self._unchecked >= _CHECK_EVERY:
            self.spill_terms_if_full()

    def merge(self, other: CorpusAggregate) -> CorpusAggregate:
        """A new aggregate holding both, leaving both as they were; associative and
        commutative. (The streaming engines use `absorb`, which does not copy.)"""
        merged = CorpusAggregate(self.categories, self.seed, self.replicates, self.keep_articles)
        merged.absorb(copy.deepcopy(self))
        merged.absorb(copy.deepcopy(other))
        return merged

    def absorb(self, other: CorpusAggregate) -> None:
        """Add ``other`` into this aggregate in place, linear in ``other``'s size (``other``
        must not be used afterwards: its parts may now be shared)."""
        if (other.categories, other.seed, other.replicates, other.keep_articles) != (
            self.categories,
            self.seed,
            self.replicates,
            self.keep_articles,
        ):
            raise ValueError("cannot merge aggregates built with different settings")
        for key, theirs in other.groups.items():
            ours = self.groups.get(key)
            if ours is None:
                self.groups[key] = theirs
            else:
                ours.absorb(theirs)
        self.actors.absorb(other.actors)
        for event, sample in other.event_articles.items():
            known = self.event_articles.get(event)
            self.event_articles[event] = known.merge(sample) if known else sample
        self.near_duplicates.absorb(other.near_duplicates)
        self.terms.absorb(other.terms)
        self._unchecked += other._unchecked + 1
        if self._unchecked >= _CHECK_EVERY:
            self.spill_terms_if_full()

    def spill_terms_if_full(self) -> None:
        """If the groups hold more than `SPILL_TERMS` word and phrase counts in memory, spill
        those of the groups holding the most to disk until half that is left. Spilled counts
        are the same counts: only where they are kept changes."""
        self._unchecked = 0
        held = [
            (counts.memory_terms(), counts)
            for group in self.groups.values()
            for counts in (group.word_counts, group.bigram_counts)
        ]
        in_memory = sum(size for size, _ in held)
        if in_memory <= SPILL_TERMS:
            return
        for size, counts in sorted(held, key=lambda item: -item[0]):
            if in_memory <= SPILL_TERMS // 2:
                break
            counts.spill()
            in_memory -= size

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
                if outlet not in merged:
                    merged[outlet] = OutletAggregate(self.categories, self.replicates, self.seed)
                merged[outlet].absorb(group)
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
