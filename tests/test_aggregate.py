"""Aggregates merge exactly: any split of the corpus, merged in any order, gives one result."""

from __future__ import annotations

import dataclasses
from functools import reduce
from itertools import pairwise

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.actor_tallies import ActorTallies
from framing.aggregate import CorpusAggregate, aggregate
from framing.analysers import analyse
from framing.analysers.frames import POLICY_FRAMES
from framing.article import Article
from framing.sentiment import load_target_sentiment
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE

TEXTS = [
    REFERENCE_PASSAGE,
    MILITARY_PASSAGE,
    "Oil prices rose as investors weighed new sanctions. Traders were nervous.",
    "Families in Maracaibo queued for fuel and medicine. Aid groups warned of hunger.",
    "The foreign ministry denounced the deployment as illegal aggression.",
    "Analysts said the letter could not be independently verified.",
]
SENTIMENT = load_target_sentiment()
ANALYSES = [
    analyse(Article(f"a{i}", outlet, f"Title {i}", text, event=event), sentiment=SENTIMENT)
    for i, (text, outlet, event) in enumerate(
        (t, o, e) for t in TEXTS for o, e in (("Wire", "e1"), ("Ledger", "e2"))
    )
]


def run(analyses):
    return aggregate(analyses, categories=POLICY_FRAMES, seed=3, replicates=200)


def equal(x, y) -> bool:
    """Deep equality that compares numpy arrays by value, through dataclasses and containers.

    Bootstrap replicates are compared once settled: articles waiting to be folded into them
    (`framing._ratios.FOLD_AT`) may wait in other batches in a merged aggregate, with the same
    result."""
    if hasattr(x, "settle") and hasattr(y, "settle"):
        x.settle()
        y.settle()
    if isinstance(x, ActorTallies) or isinstance(y, ActorTallies):
        # the same tallies, however they were split between memory and spilled runs
        return type(x) is type(y) and equal(dict(x.items()), dict(y.items()))
    if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
        return isinstance(y, np.ndarray) and isinstance(x, np.ndarray) and np.array_equal(x, y)
    if dataclasses.is_dataclass(x):
        return type(x) is type(y) and all(
            equal(getattr(x, f.name), getattr(y, f.name))
            for f in dataclasses.fields(x)
            if f.compare
        )
    if isinstance(x, (tuple, list)):
        return len(x) == len(y) and all(equal(a, b) for a, b in zip(x, y, strict=True))
    if isinstance(x, dict):
        return x.keys() == y.keys() and all(equal(x[k], y[k]) for k in x)
    return x == y


def same(a: CorpusAggregate, b: CorpusAggregate) -> bool:
    return equal(a, b)


@settings(max_examples=40, deadline=None)
@given(
    order=st.permutations(range(len(ANALYSES))),
    cuts=st.lists(st.integers(0, len(ANALYSES)), max_size=4),
)
def test_any_split_merged_in_any_order_equals_one_pass(order, cuts):
    whole = run(ANALYSES)
    shuffled = [ANALYSES[i] for i in order]
    bounds = [0, *sorted(cuts), len(shuffled)]
    parts = [run(shuffled[a:b]) for a, b in pairwise(bounds)]
    assert same(reduce(CorpusAggregate.merge, parts), whole)
    assert same(reduce(CorpusAggregate.merge, reversed(parts)), whole)


def test_empty_aggregate_is_the_identity():
    whole = run(ANALYSES)
    empty = run([])
    assert same(whole.merge(empty), whole) and same(empty.merge(whole), whole)


def test_actor_tallies_are_aggregated():
    whole = run(ANALYSES)
    assert whole.actors  # the passages name Maduro, Rubio, the US ...
    maduro = [t for (_, _, key), t in whole.actors.items() if key == "maduro"]
    assert sum(t.mentions for t in maduro) == 4  # two passages naming him twice, two outlets


def test_outlets_merge_events_and_outlets_in_selects_one():
    whole = run(ANALYSES)
    assert whole.events() == ["e1", "e2"]
    assert list(whole.outlets()) == ["Ledger", "Wire"]
    assert whole.outlets()["Wire"].articles == len(TEXTS)
    assert list(whole.outlets_in("e1")) == ["Wire"]


def test_replicates_do_not_depend_on_how_articles_were_batched(monkeypatch):
    waiting = run(ANALYSES)  # fewer articles than FOLD_AT: every group's replicates wait
    assert any(group.tone.pending for group in waiting.groups.values())
    monkeypatch.setattr("framing._ratios.FOLD_AT", 2)
    folded = run(ANALYSES)
    assert all(len(group.tone.pending) < 2 for group in folded.groups.values())
    assert same(folded, waiting)
    halves = run(ANALYSES[::2]).merge(run(ANALYSES[1::2]))
    assert same(halves, waiting)
