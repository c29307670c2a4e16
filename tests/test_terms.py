"""Compact term counts: the same counts as a Counter, and the same distinctive terms as the
term-by-term formula."""

from __future__ import annotations

import gc
import os
import pickle
from collections import Counter
from itertools import pairwise

import pytest

from framing.analysers import analyse
from framing.compare import log_odds_dirichlet
from framing.corpus import load_corpus
from framing.pipeline import compare_corpus
from framing.terms import BUFFER_TERMS, TermCounts, TermTable, distinctive_terms, term_id


@pytest.fixture(scope="module")
def demo_counts(demo_path):
    """Each demo outlet's word counts, as a Counter and as TermCounts, and the term table."""
    table = TermTable()
    counted = {}
    for article in load_corpus(demo_path).articles:
        words = analyse(article).word_counts
        table.add(words)
        compact = TermCounts()
        compact.update(words)
        counted[article.outlet] = (Counter(words), compact)
    return counted, table


def test_counts_equal_a_counter_of_the_same_words(demo_counts):
    counted, table = demo_counts
    for plain, compact in counted.values():
        assert dict(compact.items(table)) == dict(plain)
        assert compact.total() == plain.total()
        assert compact["oil"] == plain["oil"]
        assert compact["no-such-word"] == 0


def test_merged_counts_equal_summed_counters(demo_counts):
    counted, table = demo_counts
    merged = TermCounts()
    summed = Counter()
    for plain, compact in counted.values():
        merged.absorb(compact)
        summed.update(plain)
    assert dict(merged.items(table)) == dict(summed)
    first_plain, first = next(iter(counted.values()))
    assert dict(merged.minus(first).items(table)) == dict(summed - first_plain)


def test_a_full_buffer_is_folded_without_changing_counts():
    many = {f"word{i}": i % 3 + 1 for i in range(BUFFER_TERMS + 10)}
    counts = TermCounts()
    counts.update(many)
    assert not counts.buffer and len(counts) == len(many)
    table = TermTable()
    table.add(many)
    assert dict(counts.items(table)) == many


def test_distinctive_terms_equal_the_term_by_term_formula(demo_counts):
    counted, table = demo_counts
    outlets = sorted(counted)
    for ours_name, theirs_name in pairwise(outlets):
        (ours_plain, ours), (theirs_plain, theirs) = counted[ours_name], counted[theirs_name]
        expected = log_odds_dirichlet(ours_plain, theirs_plain, ours_plain + theirs_plain)
        found = distinctive_terms(ours, theirs, table, top=len(expected) + 5, min_count=2)
        assert [term.word for term in found] == [word.word for word in expected]
        for term, word in zip(found, expected, strict=True):
            assert (term.count, term.other_count) == (word.count, word.other_count)
            assert term.z == pytest.approx(word.z, rel=1e-12)
            assert term.delta == pytest.approx(word.delta, rel=1e-12)
    assert expected, "the demo outlets should have distinctive words"


def _spilled_every(words: list[str], every: int) -> TermCounts:
    """Counts of ``words`` added one at a time, spilled to disk after every ``every``."""
    counts = TermCounts()
    for i, word in enumerate(words, start=1):
        counts.update({word: 1})
        if i % every == 0:
            counts.spill()
    return counts


def test_spilled_counts_equal_counts_kept_in_memory(demo_counts):
    _, table = demo_counts
    words = [word for word in table.strings.values() if " " not in word][:3000] * 3
    kept = TermCounts()
    kept.update(Counter(words))
    spilled = _spilled_every(words, 500)
    assert spilled.stored and spilled.memory_terms() < 500
    # size-tiered merging: about log2(spills) files, not one per spill (18 spills here)
    assert len(spilled.stored) <= 5
    assert spilled.total() == kept.total() == len(words)
    assert dict(spilled.materialized().items(table)) == dict(kept.items(table))
    assert spilled.stored, "materialized() reads the files without taking them into memory"
    assert dict(spilled.items(table)) == dict(kept.items(table))
    assert not spilled.stored and spilled[words[0]] == 3


def test_absorbing_spilled_counts_takes_their_files_by_reference(demo_counts):
    _, table = demo_counts
    words = [word for word in table.strings.values()][:2000]
    first, second = _spilled_every(words, 300), _spilled_every(words[::-1], 700)
    files = set(first.stored) | set(second.stored)
    pooled = TermCounts()
    pooled.absorb(first)
    pooled.absorb(second)
    assert set(pooled.stored) == files and pooled.memory_terms() < 1000
    assert dict(pooled.items(table)) == {word: 2 for word in words}


def test_spilled_counts_travel_by_pickle_and_their_files_are_deleted(demo_counts):
    _, table = demo_counts
    words = [word for word in table.strings.values()][:1000]
    spilled = _spilled_every(words, 200)
    paths = [file.path for file in spilled.stored]
    travelled = pickle.loads(pickle.dumps(spilled))
    assert {file.path for file in travelled.stored}.isdisjoint(paths)
    assert dict(travelled.items(table)) == dict.fromkeys(words, 1)
    assert all(os.path.exists(path) for path in paths)
    del spilled
    gc.collect()
    assert not any(os.path.exists(path) for path in paths)


def test_comparison_is_the_same_whether_or_not_terms_spilled(monkeypatch, demo_path):
    kept = compare_corpus(demo_path)
    spills = []
    spill = TermCounts.spill

    def counted_spill(self):
        spills.append(self.memory_terms())
        spill(self)

    monkeypatch.setattr(TermCounts, "spill", counted_spill)
    monkeypatch.setattr("framing.aggregate.SPILL_TERMS", 50)
    monkeypatch.setattr("framing.aggregate._CHECK_EVERY", 1)
    monkeypatch.setattr("framing.terms.SPILL_STRINGS", 100)
    spilled = compare_corpus(demo_path)
    assert len(spills) > 10
    assert spilled == kept


def test_spilled_strings_are_found_on_disk_and_travel_by_pickle(monkeypatch, demo_counts):
    counted, _ = demo_counts
    monkeypatch.setattr("framing.terms.SPILL_STRINGS", 40)
    table = TermTable()
    words = []
    for plain, _ in counted.values():
        table.add(plain)
        words.extend(plain)
    assert len(table.stored) > 3 and len(table.strings) < 40
    travelled = pickle.loads(pickle.dumps(table))
    for word in words:
        assert table[term_id(word)] == travelled[term_id(word)] == word
    for word in ("état", "naïve café"):
        table.add({word: 1})
        assert table[term_id(word)] == word
    with pytest.raises(KeyError):
        table[term_id("no-such-word")]
