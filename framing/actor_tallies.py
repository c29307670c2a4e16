"""Tallies of how each outlet portrays each actor, per event, in bounded memory.

A large corpus names hundreds of thousands of people and organisations, most once or twice, so
there is one small tally per (event, outlet, actor) for every few mentions: a million articles
make millions of them. `ActorTallies` keeps at most `SPILL_AT` tallies in memory; beyond that
it writes them, sorted, to a compressed temporary run file and starts afresh (an external
sort). Reading merges the runs and the tallies in memory into one stream sorted by (event,
outlet, actor), with each key's tallies added together, so the result does not depend on when
or where anything was spilled. Runs travel with the aggregate between processes and machines
(their bytes are pickled) and are deleted when no aggregate refers to them.
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import numpy as np

from framing._bootstrap import SCALE
from framing._ratios import ClusterMeans
from framing._spill_files import SpillFile
from framing.actors.portrayal import ScoredMention

__all__ = ["ACTOR_REPLICATES", "SPILL_AT", "ActorAggregate", "ActorKey", "ActorTallies"]

# Fewer replicates per (outlet, actor) than per outlet: there are many more such pairs.
ACTOR_REPLICATES = 200
# Tallies held in memory before they are written to a run file (about 2 KB each).
SPILL_AT = 50_000
ActorKey = tuple[str | None, str, str]  # (event, outlet, actor key)


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
    seed: int = 0
    sentiment: ClusterMeans = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.sentiment is None:
            self.sentiment = ClusterMeans(self.replicates, self.seed)

    def add(self, mentions: list[ScoredMention], *, article_key: str) -> None:
        """Add one article's mentions of the actor."""
        scores = [m.score for m in mentions]
        self.articles += 1
        self.mentions += len(mentions)
        self.score_sum += round(sum(scores) / len(scores) * SCALE)
        for scored in mentions:
            self.sentiment_counts[scored.label] += 1
            self.names[scored.mention.actor] += 1
            self.kinds[scored.mention.kind] += 1
            self.labels.update((label.kind, label.text) for label in scored.labels)
        key = hashlib.blake2b(
            f"{article_key}|{mentions[0].mention.key}".encode(), digest_size=16
        ).hexdigest()
        self.sentiment.add(key, scores)

    def absorb(self, other: ActorAggregate) -> None:
        """Add ``other`` into this aggregate in place (``other`` is left as it was)."""
        self.articles += other.articles
        self.mentions += other.mentions
        self.sentiment_counts.update(other.sentiment_counts)
        self.score_sum += other.score_sum
        self.names.update(other.names)
        self.kinds.update(other.kinds)
        self.labels.update(other.labels)
        self.sentiment.absorb(other.sentiment)

    def merge(self, other: ActorAggregate) -> ActorAggregate:
        """A new aggregate holding both; associative, with the empty aggregate as identity."""
        merged = ActorAggregate(self.replicates, seed=self.seed)
        merged.absorb(self)
        merged.absorb(other)
        return merged

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as plain values: rebuilding its four Counters through their constructor was
        most of the time the main process took to receive a worker's part."""
        counts = (self.sentiment_counts, self.names, self.kinds, self.labels)
        numbers = (self.replicates, self.articles, self.mentions, self.score_sum, self.seed)
        return _rebuilt_aggregate, (numbers, tuple(map(dict, counts)), self.sentiment)


def _rebuilt_aggregate(
    numbers: tuple[int, int, int, int, int],
    counts: tuple[dict[Any, int], ...],
    sentiment: ClusterMeans,
) -> ActorAggregate:
    """The `ActorAggregate` that `ActorAggregate.__reduce__` took apart."""
    tally = object.__new__(ActorAggregate)
    tally.replicates, tally.articles, tally.mentions, tally.score_sum, tally.seed = numbers
    tally.sentiment_counts, tally.names, tally.kinds, tally.labels = map(_counter, counts)
    tally.sentiment = sentiment
    return tally


def _counter(counts: dict[Any, int]) -> Counter[Any]:
    """A Counter of ``counts``, made without `Counter.__init__`'s checks (they are counts)."""
    counter: Counter[Any] = Counter.__new__(Counter)
    dict.update(counter, counts)
    return counter


def _sort_key(key: ActorKey) -> tuple[bool, str, str, str]:
    event, outlet, actor = key
    return (event is None, event or "", outlet, actor)


class ActorTallies:
    """`ActorAggregate` per (event, outlet, actor key): `SPILL_AT` in memory, the rest in
    sorted run files; `items` reads them back as one sorted, merged stream."""

    def __init__(self, seed: int = 0, replicates: int = ACTOR_REPLICATES) -> None:
        self.seed = seed
        self.replicates = replicates
        self.memory: dict[ActorKey, ActorAggregate] = {}
        self.runs: list[_Run] = []

    def add(self, key: ActorKey, mentions: list[ScoredMention], *, article_key: str) -> None:
        """Add one article's mentions of one actor to its tally."""
        tally = self.memory.get(key)
        if tally is None:
            tally = self.memory[key] = ActorAggregate(self.replicates, seed=self.seed)
        tally.add(mentions, article_key=article_key)
        self._spill_if_full()

    def absorb(self, other: ActorTallies) -> None:
        """Add ``other`` in place (``other`` must not be used afterwards)."""
        if (other.seed, other.replicates) != (self.seed, self.replicates):
            raise ValueError("cannot merge actor tallies built with different settings")
        for key, theirs in other.memory.items():
            ours = self.memory.get(key)
            if ours is None:
                self.memory[key] = theirs
            else:
                ours.absorb(theirs)
        self.runs.extend(other.runs)
        self._spill_if_full()

    def __bool__(self) -> bool:
        return bool(self.memory or self.runs)

    def items(
        self, keep: Callable[[ActorKey], bool] | None = None
    ) -> Iterator[tuple[ActorKey, ActorAggregate]]:
        """Every (key, tally), sorted by (event, outlet, actor), each key once; with ``keep``,
        only the keys it accepts (the others' spilled tallies are not decoded). The tallies
        must not be changed (use `ActorAggregate.merge`)."""
        for key, parts in self._grouped(self._sources(full=True, keep=keep)):
            if len(parts) == 1:
                yield key, parts[0]
            else:
                merged = ActorAggregate(self.replicates, seed=self.seed)
                for part in parts:
                    merged.absorb(part)
                yield key, merged

    def summaries(self) -> Iterator[tuple[ActorKey, int, Counter[str]]]:
        """Every (key, mentions, kinds), in the order of `items`: cheaper, for ranking."""
        for key, parts in self._grouped(self._sources(full=False)):
            kinds: Counter[str] = Counter()
            for _, part_kinds in parts:
                kinds.update(part_kinds)
            yield key, sum(mentions for mentions, _ in parts), kinds

    def _sources(
        self, *, full: bool, keep: Callable[[ActorKey], bool] | None = None
    ) -> list[Iterator[tuple[ActorKey, Any]]]:
        in_memory = sorted(self.memory.items(), key=lambda item: _sort_key(item[0]))
        if keep is not None:
            in_memory = [(key, tally) for key, tally in in_memory if keep(key)]
        if not full:
            in_memory = [(key, (t.mentions, t.kinds)) for key, t in in_memory]
        return [iter(in_memory), *(run.read(full=full, keep=keep) for run in self.runs)]

    @staticmethod
    def _grouped(
        sources: list[Iterator[tuple[ActorKey, Any]]],
    ) -> Iterator[tuple[ActorKey, list[Any]]]:
        merged = heapq.merge(*sources, key=lambda item: _sort_key(item[0]))
        for key, group in groupby(merged, key=lambda item: item[0]):
            yield key, [value for _, value in group]

    def _spill_if_full(self) -> None:
        if len(self.memory) >= SPILL_AT:
            ordered = sorted(self.memory.items(), key=lambda item: _sort_key(item[0]))
            self.runs.append(_Run.write(ordered))
            self.memory = {}


class _Run(SpillFile):
    """A sorted run of tallies in a gzip-compressed JSON-lines temporary file (`SpillFile`)."""

    prefix = "framing-actors-"
    suffix = ".jsonl.gz"

    @classmethod
    def write(cls, items: Iterable[tuple[ActorKey, ActorAggregate]]) -> _Run:
        run, raw = cls._create()
        with raw, gzip.open(raw, "wt", compresslevel=1) as out:
            for key, tally in items:
                out.write(_encode(key, tally))
        return run

    def read(
        self, *, full: bool, keep: Callable[[ActorKey], bool] | None = None
    ) -> Iterator[tuple[ActorKey, Any]]:
        """(key, tally) for each line whose key ``keep`` accepts (all without it), or
        (key, (mentions, kinds)) without ``full``."""
        with gzip.open(self.path, "rt") as lines:
            for line in lines:
                header, state = line.split("\t", 1)
                event, outlet, actor, mentions, kinds = json.loads(header)
                key = (event, outlet, actor)
                if keep is not None and not keep(key):
                    continue
                if full:
                    yield key, _decode(mentions, kinds, json.loads(state))
                else:
                    yield key, (mentions, Counter(kinds))


def _encode(key: ActorKey, tally: ActorAggregate) -> str:
    """One line: a JSON header (key, mentions, kinds), a tab, then the rest of the tally.
    JSON escapes tabs inside strings, so the first tab always ends the header."""
    sentiment = tally.sentiment
    header = [*key, tally.mentions, dict(tally.kinds)]
    state = {
        "replicates": tally.replicates,
        "seed": tally.seed,
        "articles": tally.articles,
        "sentiment_counts": dict(tally.sentiment_counts),
        "score_sum": tally.score_sum,
        "names": dict(tally.names),
        "labels": [[kind, text, n] for (kind, text), n in tally.labels.items()],
        "weights": None if sentiment.weights is None else sentiment.weights.tolist(),
        "sums": None if sentiment.sums is None else sentiment.sums.tolist(),
        "pending": [[key, values.tolist()] for key, values in sentiment.pending],
    }
    return f"{json.dumps(header)}\t{json.dumps(state)}\n"


def _decode(mentions: int, kinds: dict[str, int], state: dict[str, Any]) -> ActorAggregate:
    """The tally `_encode` wrote (floats round-trip exactly through JSON)."""
    sentiment = ClusterMeans(state["replicates"], state["seed"])
    if state["weights"] is not None:
        sentiment.weights = np.array(state["weights"], dtype=np.int64)
    if state["sums"] is not None:
        sentiment.sums = np.array(state["sums"], dtype=np.int64)
    sentiment.pending = [(key, np.array(values, dtype=float)) for key, values in state["pending"]]
    return ActorAggregate(
        replicates=state["replicates"],
        articles=state["articles"],
        mentions=mentions,
        sentiment_counts=Counter(state["sentiment_counts"]),
        score_sum=state["score_sum"],
        names=Counter(state["names"]),
        kinds=Counter(kinds),
        labels=Counter({(kind, text): n for kind, text, n in state["labels"]}),
        seed=state["seed"],
        sentiment=sentiment,
    )
