"""Fightin' Words between outlets of the demo corpus, both directions, unigrams and bigrams."""

from __future__ import annotations

import math

import pytest

from framing.keyness import REST, EventNotFound, OutletNotFound, keyness
from framing.pipeline import AnalysisOptions, aggregate_corpus


@pytest.fixture(scope="module")
def demo_aggregate(demo_path):
    aggregate, _ = aggregate_corpus(
        demo_path, options=AnalysisOptions(find_actors=False), keep_articles=False
    )
    return aggregate


def test_an_outlet_against_the_rest_finds_its_own_vocabulary(demo_aggregate):
    result = keyness(demo_aggregate, "Crude & Capital")
    words = [term.word for term in result.a.words]
    assert {"oil", "crude"} <= set(words[:8])
    assert result.b.name == REST
    assert any(term.word == "gulf coast" for term in result.a.phrases)
    zs = [term.z for term in result.a.words]
    assert zs == sorted(zs, reverse=True) and all(z > 0 for z in zs)


def test_counts_and_z_follow_the_monroe_et_al_formula(demo_aggregate):
    result = keyness(demo_aggregate, "Crude & Capital", "Andean Horizon Review")
    oil = next(term for term in result.a.words if term.word == "oil")
    ours = demo_aggregate.outlets()["Crude & Capital"].word_counts
    theirs = demo_aggregate.outlets()["Andean Horizon Review"].word_counts
    assert (oil.count, oil.other_count) == (ours["oil"], theirs["oil"])
    n_i, n_j = ours.total(), theirs.total()
    alpha, alpha_0 = ours["oil"] + theirs["oil"], n_i + n_j
    y_i, y_j = ours["oil"], theirs["oil"]
    delta = math.log((y_i + alpha) / (n_i + alpha_0 - y_i - alpha)) - math.log(
        (y_j + alpha) / (n_j + alpha_0 - y_j - alpha)
    )
    assert oil.delta == pytest.approx(delta)
    assert oil.z == pytest.approx(delta / math.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha)))


def test_two_outlets_over_use_different_terms(demo_aggregate):
    result = keyness(demo_aggregate, "Liberty Ledger", "Orinoco Sentinel", top=50)
    mine = {term.word for term in result.a.words + result.a.phrases}
    theirs = {term.word for term in result.b.words + result.b.phrases}
    assert mine and theirs and not mine & theirs
    assert result.a.articles == result.b.articles == 1


def test_min_count_and_top_limit_the_lists(demo_aggregate):
    result = keyness(demo_aggregate, "Northgate Wire", top=3, min_count=3)
    assert len(result.a.words) <= 3
    assert all(term.count >= 3 for term in result.a.words + result.b.words)


def test_unknown_outlet_lists_the_outlets_there_are(demo_aggregate):
    with pytest.raises(OutletNotFound) as caught:
        keyness(demo_aggregate, "The Daily Nothing")
    message = str(caught.value)
    assert "The Daily Nothing" in message
    assert all(name in message for name in demo_aggregate.outlets())
    with pytest.raises(OutletNotFound):
        keyness(demo_aggregate, "Northgate Wire", "northgate wire")


def test_same_outlet_and_unknown_event_are_errors(demo_aggregate):
    with pytest.raises(ValueError, match="same outlet"):
        keyness(demo_aggregate, "Northgate Wire", "Northgate Wire")
    with pytest.raises(EventNotFound, match="maduro-russia-support-2025"):
        keyness(demo_aggregate, "Northgate Wire", event="no-such-event")
    scoped = keyness(demo_aggregate, "Northgate Wire", event="maduro-russia-support-2025")
    assert scoped.a.words == keyness(demo_aggregate, "Northgate Wire").a.words
