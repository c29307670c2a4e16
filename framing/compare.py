"""Turn outlet aggregates into a comparison: estimates with intervals, frame shares, keyness."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import Any

import numpy as np

from framing._coverage_jobs import CoverageJobs, CoverageResult, event_coverage
from framing.actor_tallies import ActorAggregate, ActorKey, ActorTallies
from framing.actors.portrayal import SENTIMENT_LABELS
from framing.actors.resolve import merge_map
from framing.aggregate import (
    SCALE,
    CorpusAggregate,
    OutletAggregate,
)
from framing.analysers.cues import CUE_CATEGORIES
from framing.corpus.accounting import Accounting
from framing.neardup import DuplicateGroup
from framing.omission import DEFAULT_THRESHOLD, Coverage
from framing.stats import (
    ContingencyTest,
    Rows,
    contingency_test,
    distribution_rows,
    holm,
    jensen_shannon,
    jensen_shannon_between,
)
from framing.terms import DistinctiveWord, TermCounts, TermTable, distinctive_terms

__all__ = [
    "ActorOutlet",
    "ActorResult",
    "Comparison",
    "DistinctiveWord",
    "EventMean",
    "FrameDistance",
    "FrameTest",
    "GroupComparison",
    "Interval",
    "OutletResult",
    "Sourcing",
    "Voice",
    "compare",
    "log_odds_dirichlet",
]

CONFIDENCE = 0.95
# Estimated Jaccard similarity of word 5-shingles above which two articles are the same copy.
NEAR_DUPLICATE_THRESHOLD = 0.8
DEFAULT_TOP_WORDS = 10
MIN_WORD_COUNT = 2
# Above this many pairs of outlets, pairwise frame tests take the asymptotic chi-square p:
# the smallest permutation p (1 / 10,000) times more than 45 pairs can never pass Holm's
# correction at 0.05, so shuffling would cost minutes and decide nothing.
MAX_PERMUTED_PAIRS = 45
# Actors reported per comparison (the corpus and each event), the most mentioned.
MAX_ACTORS = 200


@dataclass(frozen=True)
class Interval:
    """A point estimate with a percentile bootstrap interval (None where it cannot be had)."""

    estimate: float
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Voice:
    """Someone an outlet gives voice to (quotes or paraphrases), and how often."""

    name: str
    key: str
    attributions: int


@dataclass(frozen=True)
class Sourcing:
    """Whom an outlet quotes: attributions per 1,000 words, the direct and anonymous shares
    (each with an article bootstrap interval), and the voices, most quoted first."""

    attributions: int
    per_1000_words: Interval
    direct_share: Interval
    anonymous_share: Interval
    voices: tuple[Voice, ...]


@dataclass(frozen=True)
class OutletResult:
    """One outlet's figures within one comparison.

    Every ratio carries a 95% interval from resampling articles (a two-stage bootstrap of
    articles then sentences for tone); bounds are None where fewer than two articles count.
    """

    outlet: str
    articles: int
    words: int
    sentences: int
    tone: Interval
    negative_sentence_share: Interval
    positive_sentence_share: Interval
    framed_articles: int
    frame_shares: dict[str, Interval]
    primary_frame: str | None
    primary_frame_counts: dict[str, int]
    cue_rates: dict[str, Interval]
    sourcing: Sourcing
    distinctive_words: tuple[DistinctiveWord, ...]
    distinctive_bigrams: tuple[DistinctiveWord, ...] = ()


@dataclass(frozen=True)
class FrameTest:
    """Whether the outlets' primary frames differ: a test over articles, or why there is none.

    The table is outlets x primary frame, counting articles (independent units, unlike cues);
    outlets with fewer than `MIN_OUTLET_ARTICLES` framed articles are left out.
    """

    outlets: tuple[str, ...]
    result: ContingencyTest | None
    note: str = ""


@dataclass(frozen=True)
class FrameDistance:
    """Two outlets' frame distributions compared: the Jensen-Shannon distance of their mean
    frame shares (with a bootstrap interval), and a test of their primary frames with its
    Holm-adjusted p-value over all pairs of the comparison."""

    outlet_a: str
    outlet_b: str
    distance: Interval
    result: ContingencyTest | None
    p_adjusted: float | None
    note: str = ""


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
    actors_left_out: int = 0
    frame_test: FrameTest | None = None
    frame_distances: tuple[FrameDistance, ...] = ()
    coverage: Coverage | None = None
    coverage_note: str = ""


@dataclass(frozen=True)
class EventMean:
    """One outlet's figures averaged over the events it covers, each event weighing the same.

    ``events`` counts the events (covered by two or more outlets) that enter the mean; each
    figure's interval is a percentile bootstrap over those events (None with fewer than two).
    Figures are keyed as in `framing.aggregate.measure_names`, plus ``tone``.
    """

    outlet: str
    events: int
    figures: dict[str, Interval]


@dataclass(frozen=True)
class Comparison:
    """The whole comparison: over the corpus, per event (when there are several), the outlets'
    means over events, the near-duplicate articles found in several outlets (syndicated copy),
    and how the inputs were accounted for."""

    overall: GroupComparison
    events: tuple[GroupComparison, ...]
    categories: tuple[str, ...]
    accounting: Accounting
    settings: dict[str, Any] = field(default_factory=dict)
    event_means: tuple[EventMean, ...] = ()
    near_duplicates: tuple[DuplicateGroup, ...] = ()


def compare(
    aggregate: CorpusAggregate,
    accounting: Accounting,
    *,
    top_words: int = DEFAULT_TOP_WORDS,
    settings: Mapping[str, Any] | None = None,
    progress: Callable[[str], None] | None = None,
    jobs: int = 1,
) -> Comparison:
    """Compare outlets over the whole corpus and, when it names several events, within each.

    ``progress`` is called with a short description before each event's comparison. With
    ``jobs`` > 1, the events' content is aligned in ``jobs - 1`` other processes meanwhile
    (`framing._coverage_jobs`), with the same result.
    """
    events = aggregate.events()
    samples = [aggregate.event_articles.get(event) for event in events] if len(events) > 1 else []
    # The events' alignment starts first, so it runs alongside all of this process's work.
    with CoverageJobs(samples, jobs) as coverages:
        merged_keys = merge_map(*_actor_kinds(aggregate.actors))
        actors = _compare_actors(aggregate.actors, merged_keys, per_event=len(events) > 1)
        overall = _compare_group(None, aggregate.outlets(), aggregate, top_words, merged_keys)
        overall = replace(overall, actors=actors.overall[0], actors_left_out=actors.overall[1])
        if len(events) == 1:
            sample = aggregate.event_articles.get(events[0])
            overall = _with_coverage(overall, event_coverage(sample))
        compared = []
        for event in events if len(events) > 1 else ():
            if progress is not None:
                progress(f"event {event or '(none)'}")
            group = _compare_group(
                event, aggregate.outlets_in(event), aggregate, top_words, merged_keys
            )
            reported, left_out = actors.events.get(event, ((), 0))
            compared.append(replace(group, actors=reported, actors_left_out=left_out))
        found = coverages.results()
    per_event = tuple(map(_with_coverage, compared, found))
    return Comparison(
        overall=overall,
        events=per_event,
        categories=aggregate.categories,
        accounting=accounting,
        event_means=_event_means(per_event, aggregate.seed),
        near_duplicates=tuple(
            group
            for group in aggregate.near_duplicates.groups(threshold=NEAR_DUPLICATE_THRESHOLD)
            if len(group.outlets) > 1
        ),
        settings={
            "seed": aggregate.seed,
            "bootstrap_replicates": aggregate.replicates,
            "confidence": CONFIDENCE,
            "multiple_comparisons": "Holm (1979), over the pairs of outlets of each comparison",
            "omission_threshold": DEFAULT_THRESHOLD,
            "near_duplicate_threshold": NEAR_DUPLICATE_THRESHOLD,
            **(settings or {}),
        },
    )


def _compare_group(
    event: str | None,
    outlets: Mapping[str, OutletAggregate],
    aggregate: CorpusAggregate,
    top_words: int,
    merged_keys: Mapping[str, str],
) -> GroupComparison:
    pooled = TermCounts()
    pooled_bigrams = TermCounts()
    for group in outlets.values():
        pooled.absorb(group.word_counts)
        pooled_bigrams.absorb(group.bigram_counts)
    categories = aggregate.categories
    vocabulary = _Vocabulary(pooled, pooled_bigrams, aggregate.terms, top_words)
    results = {
        name: _outlet_result(name, group, categories, vocabulary, merged_keys)
        for name, group in outlets.items()
    }
    return GroupComparison(
        event,
        results,
        frame_test=_frame_test(outlets, categories, aggregate.seed),
        frame_distances=_frame_distances(outlets, categories, aggregate.seed),
    )


def _outlet_result(
    name: str,
    group: OutletAggregate,
    categories: tuple[str, ...],
    vocabulary: _Vocabulary,
    merged_keys: Mapping[str, str],
) -> OutletResult:
    measures = _measures(group)
    shares = {category: measures[f"frame:{category}"] for category in categories}
    primary = None
    if group.framed_articles:
        primary = max(categories, key=lambda c: (shares[c].estimate, -categories.index(c)))
    return OutletResult(
        outlet=name,
        articles=group.articles,
        words=group.words,
        sentences=group.sentences,
        tone=Interval(
            group.tone_sum / SCALE / group.articles if group.articles else 0.0,
            *_percentile_interval(*group.tone.replicate_sums()),
        ),
        negative_sentence_share=measures["sentences:negative"],
        positive_sentence_share=measures["sentences:positive"],
        framed_articles=group.framed_articles,
        frame_shares=shares,
        primary_frame=primary,
        primary_frame_counts=dict(sorted(group.primary_frames.items())),
        cue_rates={category: measures[f"cue:{category}"] for category in CUE_CATEGORIES},
        sourcing=Sourcing(
            attributions=sum(group.voices.values()),
            per_1000_words=measures["sources:per_1000_words"],
            direct_share=measures["sources:direct_share"],
            anonymous_share=measures["sources:anonymous_share"],
            voices=_voices(group.voices, merged_keys),
        ),
        distinctive_words=vocabulary.distinctive(group.word_counts, vocabulary.words),
        distinctive_bigrams=vocabulary.distinctive(group.bigram_counts, vocabulary.bigrams),
    )


def _measures(group: OutletAggregate) -> dict[str, Interval]:
    """The group's ratio measures with their bootstrap intervals (0 where nothing counts)."""
    estimates = group.measures.estimates()
    low, high = group.measures.intervals(CONFIDENCE)
    return {
        name: Interval(
            0.0 if math.isnan(estimate) else float(estimate),
            None if math.isnan(lo) else float(lo),
            None if math.isnan(hi) else float(hi),
        )
        for name, estimate, lo, hi in zip(group.measures.names, estimates, low, high, strict=True)
    }


@dataclass(frozen=True)
class _Vocabulary:
    """One comparison's pooled word and phrase counts, to find each outlet's distinctive ones."""

    words: TermCounts
    bigrams: TermCounts
    table: TermTable
    top: int

    def distinctive(self, counts: TermCounts, pooled: TermCounts) -> tuple[DistinctiveWord, ...]:
        """The terms ``counts`` over-uses relative to the rest of ``pooled``."""
        counts = counts.materialized()  # spilled counts are read for now, not kept
        others = pooled.minus(counts)
        if not len(others):
            return ()
        return tuple(
            distinctive_terms(counts, others, self.table, top=self.top, min_count=MIN_WORD_COUNT)
        )


MAX_VOICES = 12


def _voices(voices: Counter[tuple[str, str]], merged_keys: Mapping[str, str]) -> tuple[Voice, ...]:
    """Attributions per speaker, with last names merged into full names as for actors."""
    counts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for (key, name), count in voices.items():
        merged = merged_keys.get(key, key) if key else name
        counts[merged] += count
        names.setdefault(merged, Counter())[name] += count
    found = [
        Voice(max(names[key], key=lambda n: (len(n.split()) > 1, names[key][n], n)), key, count)
        for key, count in counts.items()
    ]
    found.sort(key=lambda voice: (-voice.attributions, voice.name))
    return tuple(found[:MAX_VOICES])


EVENT_REPLICATES = 1000


def _event_means(groups: tuple[GroupComparison, ...], seed: int) -> tuple[EventMean, ...]:
    """Each outlet's per-event figures averaged over the events shared with another outlet."""
    values: dict[str, dict[str, list[float]]] = {}
    counted: Counter[str] = Counter()
    for group in groups:
        if len(group.outlets) < 2:
            continue
        for name, result in group.outlets.items():
            counted[name] += 1
            figures = values.setdefault(name, {})
            for key, value in _event_figures(result).items():
                figures.setdefault(key, []).append(value)
    rng = np.random.default_rng(seed)
    means = []
    for name in sorted(values):
        figures = {
            key: _mean_interval(np.asarray(found), rng) for key, found in values[name].items()
        }
        means.append(EventMean(name, counted[name], figures))
    return tuple(means)


def _event_figures(result: OutletResult) -> dict[str, float]:
    """The figures of one outlet in one event that are defined there."""
    figures = {
        "tone": result.tone.estimate,
        "sentences:negative": result.negative_sentence_share.estimate,
        "sentences:positive": result.positive_sentence_share.estimate,
        "sources:per_1000_words": result.sourcing.per_1000_words.estimate,
    }
    figures.update({f"cue:{c}": rate.estimate for c, rate in result.cue_rates.items()})
    if result.framed_articles:
        figures.update({f"frame:{c}": s.estimate for c, s in result.frame_shares.items()})
    if result.sourcing.attributions:
        figures["sources:direct_share"] = result.sourcing.direct_share.estimate
        figures["sources:anonymous_share"] = result.sourcing.anonymous_share.estimate
    return figures


def _mean_interval(values: np.ndarray, rng: np.random.Generator) -> Interval:
    """The mean with a percentile bootstrap interval over the values (events)."""
    if values.size < 2:
        return Interval(float(values.mean()), None, None)
    resampled = rng.choice(values, size=(EVENT_REPLICATES, values.size)).mean(axis=1)
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(resampled, [tail, 100 - tail])
    return Interval(float(values.mean()), float(low), float(high))


MIN_OUTLET_ARTICLES = 2
MIN_TEST_ARTICLES = 10


def _frame_counts(
    outlets: Mapping[str, OutletAggregate], categories: tuple[str, ...]
) -> dict[str, list[int]]:
    """Primary-frame counts of the outlets with enough framed articles to be tested."""
    return {
        name: [group.primary_frames.get(category, 0) for category in categories]
        for name, group in outlets.items()
        if group.framed_articles >= MIN_OUTLET_ARTICLES
    }


def _too_few(counts: Mapping[str, list[int]]) -> str:
    """Why the outlets in ``counts`` cannot be tested, or "" if they can."""
    total = sum(sum(row) for row in counts.values())
    if len(counts) < 2:
        return (
            f"too few articles for a test: {len(counts)} outlet(s) with "
            f"{MIN_OUTLET_ARTICLES}+ articles with frame cues; a test needs 2+ such outlets "
            f"and {MIN_TEST_ARTICLES}+ articles in all"
        )
    if total < MIN_TEST_ARTICLES:
        return (
            f"too few articles for a test: {total} articles with frame cues; a test needs "
            f"{MIN_TEST_ARTICLES}+"
        )
    if sum(any(column) for column in zip(*counts.values(), strict=True)) < 2:
        return "no test: every article has the same primary frame"
    return ""


def _frame_test(
    outlets: Mapping[str, OutletAggregate], categories: tuple[str, ...], seed: int
) -> FrameTest:
    counts = _frame_counts(outlets, categories)
    note = _too_few(counts)
    if note:
        return FrameTest(tuple(counts), None, note)
    return FrameTest(tuple(counts), contingency_test(list(counts.values()), seed=seed))


def _frame_distances(
    outlets: Mapping[str, OutletAggregate], categories: tuple[str, ...], seed: int
) -> tuple[FrameDistance, ...]:
    """Every pair of outlets with framed articles, with Holm-adjusted p-values."""
    names = [name for name, group in outlets.items() if group.framed_articles]
    counts = _frame_counts(outlets, categories)
    frame_columns = [f"frame:{category}" for category in categories]
    permute = len(names) * (len(names) - 1) // 2 <= MAX_PERMUTED_PAIRS
    shares = {name: _frame_replicates(outlets[name], frame_columns) for name in names}
    pairs = []
    for index, first in enumerate(names):
        later = names[index + 1 :]
        for second, distance in zip(later, _jsd_intervals(shares, first, later), strict=True):
            pair = {name: counts[name] for name in (first, second) if name in counts}
            note = _too_few(pair)
            result = (
                None if note else contingency_test(list(pair.values()), seed=seed, permute=permute)
            )
            pairs.append((first, second, distance, result, note))
    tested = [result.p_value for *_, result, _ in pairs if result is not None]
    adjusted = iter(holm(tested))
    return tuple(
        FrameDistance(a, b, distance, result, next(adjusted) if result else None, note)
        for a, b, distance, result, note in pairs
    )


# estimates, and the replicates' shares as `distribution_rows` (None below 2 articles)
_FrameReplicates = tuple[np.ndarray, Rows | None]


def _frame_replicates(group: OutletAggregate, columns: list[str]) -> _FrameReplicates:
    """An outlet's mean frame shares and their bootstrap replicates, normalised once."""
    indices = [group.measures.names.index(column) for column in columns]
    ratios = group.measures.replicate_ratios()
    replicates = None if ratios is None else distribution_rows(ratios[:, indices])
    return group.measures.estimates()[indices], replicates


def _jsd_intervals(
    shares: Mapping[str, _FrameReplicates], first: str, others: list[str]
) -> list[Interval]:
    """The Jensen-Shannon distance of one outlet's mean frame shares to each of ``others``',
    with a percentile interval over paired bootstrap replicates (the outlets' articles are
    resampled apart). All the pairs' replicates are computed in one array operation."""
    estimates, replicates = shares[first]
    paired = [] if replicates is None else [o for o in others if shares[o][1] is not None]
    their_rows = [shares[other][1] for other in paired]
    stacked = _stacked_distances(replicates, their_rows)  # type: ignore[arg-type]
    rows = dict(zip(paired, stacked, strict=True))
    tail = (1 - CONFIDENCE) / 2 * 100
    found = []
    for other in others:
        estimate = jensen_shannon(estimates, shares[other][0])
        distances = rows.get(other)
        if distances is not None:
            distances = distances[~np.isnan(distances)]
        if distances is None or len(distances) < 2:
            found.append(Interval(estimate, None, None))
            continue
        low, high = np.percentile(distances, [tail, 100 - tail])
        found.append(Interval(estimate, float(low), float(high)))
    return found


def _stacked_distances(replicates: Rows, others: list[Rows]) -> np.ndarray:
    """Replicate distances of ``replicates`` to each of ``others`` (one row per other)."""
    if not others:
        return np.empty((0, 0))
    stacked = (np.stack([rows for rows, _ in others]), np.stack([sums for _, sums in others]))
    return jensen_shannon_between(replicates, stacked)


def _with_coverage(group: GroupComparison, coverage: CoverageResult) -> GroupComparison:
    """The group with its event's content alignment (`framing._coverage_jobs`) and its note."""
    found, note = coverage
    return replace(group, coverage=found, coverage_note=note)


MAX_LABELS = 8


def _actor_kinds(tallies: ActorTallies) -> tuple[dict[str, str], dict[str, int]]:
    """Each actor key's most frequent kind, and its number of mentions."""
    kinds: dict[str, Counter[str]] = {}
    mentions: Counter[str] = Counter()
    for (_, _, key), count, key_kinds in tallies.summaries():
        kinds.setdefault(key, Counter()).update(key_kinds)
        mentions[key] += count
    return {key: counts.most_common(1)[0][0] for key, counts in kinds.items()}, dict(mentions)


_Reported = tuple[tuple["ActorResult", ...], int]  # the actors reported, and how many left out


@dataclass
class _ActorComparisons:
    overall: _Reported
    events: dict[str | None, _Reported]


def _compare_actors(
    tallies: ActorTallies, merged_keys: Mapping[str, str], *, per_event: bool
) -> _ActorComparisons:
    """The `MAX_ACTORS` most mentioned actors, by outlet, of the corpus and (with
    ``per_event``) of each event, and how many others each has (a large corpus names hundreds
    of thousands once or twice; ``--results`` keeps every one).

    Two passes over the tallies, which come sorted by event (they may be on disk): the first
    ranks the actors, the second gathers the kept ones' tallies, an event at a time.
    """
    overall_mentions: Counter[str] = Counter()
    kept_in_event: dict[str | None, tuple[set[str], int]] = {}
    for event, summaries in groupby(tallies.summaries(), key=lambda s: s[0][0]):
        mentions: Counter[str] = Counter()
        for (_, _, key), count, _ in summaries:
            mentions[merged_keys.get(key, key)] += count
        overall_mentions.update(mentions)
        if per_event:
            kept_in_event[event] = _most_mentioned(mentions)
    kept_overall, left_out_overall = _most_mentioned(overall_mentions)

    def reported(key: ActorKey) -> bool:
        event, _, actor = key
        merged = merged_keys.get(actor, actor)
        return merged in kept_overall or merged in kept_in_event.get(event, ((), 0))[0]

    overall: dict[str, dict[str, ActorAggregate]] = {}
    events: dict[str | None, _Reported] = {}
    for event, items in groupby(tallies.items(keep=reported), key=lambda item: item[0][0]):
        kept, left_out = kept_in_event.get(event, (set(), 0))
        in_event: dict[str, dict[str, ActorAggregate]] = {}
        for (_, outlet, key), tally in items:
            merged = merged_keys.get(key, key)
            if merged in kept_overall and merged in kept:
                tally = _folded(tally)  # its replicates computed once for both reports
            if merged in kept_overall:
                _add_tally(overall, merged, outlet, tally)
            if merged in kept:
                _add_tally(in_event, merged, outlet, tally)
        if per_event:
            events[event] = (_actor_results(in_event), left_out)
    for event, (_, left_out) in kept_in_event.items():  # events none of whose actors is kept
        events.setdefault(event, ((), left_out))
    return _ActorComparisons((_actor_results(overall), left_out_overall), events)


def _most_mentioned(mentions: Counter[str]) -> tuple[set[str], int]:
    ranked = sorted(mentions, key=lambda key: (-mentions[key], key))
    return set(ranked[:MAX_ACTORS]), max(len(ranked) - MAX_ACTORS, 0)


def _folded(tally: ActorAggregate) -> ActorAggregate:
    """A copy of ``tally`` with its waiting mentions folded into its replicates (the tally
    itself is left as it was, so a tally kept in memory does not keep the arrays)."""
    folded = ActorAggregate(tally.replicates, seed=tally.seed)
    folded.absorb(tally)
    folded.sentiment.settle()
    return folded


def _add_tally(
    by_actor: dict[str, dict[str, ActorAggregate]], key: str, outlet: str, tally: ActorAggregate
) -> None:
    outlets = by_actor.setdefault(key, {})
    if outlet not in outlets:
        outlets[outlet] = ActorAggregate(tally.replicates, seed=tally.seed)
    outlets[outlet].absorb(tally)


def _actor_results(by_actor: dict[str, dict[str, ActorAggregate]]) -> tuple[ActorResult, ...]:
    """One result per actor, most mentioned first."""
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
            *_percentile_interval(*tally.sentiment.replicate_sums()),
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
            found.append(DistinctiveWord(word, z, y_i, y_j, delta))
    found.sort(key=lambda w: (-w.z, w.word))
    return found
