"""Compact term counts: the same counts as a Counter, and the same distinctive terms as the
term-by-term formula."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from framing.analysers import analyse
from framing.compare import log_odds_dirichlet
from framing.corpus import load_corpus
from framing.terms import BUFFER_TERMS, TermCounts, TermTable, distinctive_terms


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
