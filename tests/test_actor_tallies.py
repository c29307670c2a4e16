"""Actor tallies spilled to disk give the same aggregate and comparison as tallies in memory."""

from __future__ import annotations

import copy
import gc
import os
import pickle
from functools import reduce

import pytest

from framing.aggregate import CorpusAggregate
from framing.compare import compare
from framing.corpus.accounting import Accounting
from framing.pipeline import compare_corpus
from tests.test_aggregate import ANALYSES, equal, run


@pytest.fixture
def spill_every_three(monkeypatch):
    monkeypatch.setattr("framing.actor_tallies.SPILL_AT", 3)


def test_spilled_tallies_equal_tallies_kept_in_memory(monkeypatch):
    in_memory = run(ANALYSES)
    assert not in_memory.actors.runs
    monkeypatch.setattr("framing.actor_tallies.SPILL_AT", 3)
    spilled = run(ANALYSES)
    assert len(spilled.actors.runs) > 1
    assert len(spilled.actors.memory) < 3
    assert equal(spilled.actors, in_memory.actors)
    keys = [key for key, _ in spilled.actors.items()]
    assert len(keys) == len(set(keys)) == len(in_memory.actors.memory)


def test_spilled_parts_merge_in_any_order(spill_every_three):
    parts = [run(ANALYSES[i::3]) for i in range(3)]
    whole = run(ANALYSES)
    assert equal(reduce(CorpusAggregate.merge, parts), whole)
    assert equal(reduce(CorpusAggregate.merge, reversed(parts)), whole)


def test_summaries_agree_with_the_tallies(spill_every_three):
    tallies = run(ANALYSES).actors
    summaries = list(tallies.summaries())
    assert [key for key, _, _ in summaries] == [key for key, _ in tallies.items()]
    for (_, mentions, kinds), (_, tally) in zip(summaries, tallies.items(), strict=True):
        assert mentions == tally.mentions and kinds == tally.kinds


def test_runs_travel_by_pickle_and_are_deleted_when_unused(spill_every_three):
    spilled = run(ANALYSES)
    paths = [r.path for r in spilled.actors.runs]
    travelled = pickle.loads(pickle.dumps(spilled))
    assert {r.path for r in travelled.actors.runs}.isdisjoint(paths)
    assert equal(travelled.actors, spilled.actors)
    copied = copy.deepcopy(spilled)
    del spilled
    gc.collect()
    assert all(os.path.exists(path) for path in paths)  # the copy still shares them
    del copied
    gc.collect()
    assert not any(os.path.exists(path) for path in paths)


def test_comparison_is_the_same_whether_or_not_tallies_spilled(monkeypatch, demo_path):
    kept = compare(run(ANALYSES), Accounting())
    demo = compare_corpus(demo_path)
    monkeypatch.setattr("framing.actor_tallies.SPILL_AT", 3)
    spilled = compare(run(ANALYSES), Accounting())
    assert [group.actors for group in spilled.events] == [group.actors for group in kept.events]
    assert spilled.events[0].actors and spilled.overall.actors == kept.overall.actors
    assert compare_corpus(demo_path) == demo


def test_items_kept_are_the_same_as_filtering_all_items(spill_every_three):
    tallies = run(ANALYSES).actors
    assert tallies.runs

    actors = sorted({key[2] for key, _ in tallies.items()})
    assert len(actors) > 2

    def keep(key):
        return key[2] in actors[::2]

    wanted = [(key, tally) for key, tally in tallies.items() if keep(key)]
    kept = list(tallies.items(keep=keep))
    assert 0 < len(kept) < len(list(tallies.items()))
    assert equal(kept, wanted)


def test_a_pickled_tally_is_the_same_tally_with_working_counters():
    tallies = run(ANALYSES).actors
    for key, tally in list(tallies.memory.items())[:20]:
        travelled = pickle.loads(pickle.dumps(tally))
        assert equal(travelled, tally), key
        for counts in (travelled.names, travelled.kinds, travelled.labels):
            assert counts["not a name"] == 0  # a real Counter: missing keys count 0
        travelled.names.update(["someone else"])
        assert "someone else" not in tally.names
