"""Comparison statistics: log-odds keyness, bootstrap intervals, frame shares."""

from __future__ import annotations

import math

import pytest

from framing.aggregate import aggregate
from framing.analysers import analyse
from framing.analysers.frames import POLICY_FRAMES
from framing.article import Article
from framing.compare import compare, log_odds_dirichlet
from framing.corpus.accounting import Accounting
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE


def test_log_odds_matches_monroe_et_al_equation():
    a = {"sovereignty": 5, "oil": 1}
    b = {"oil": 5, "sovereignty": 1}
    pooled = {"sovereignty": 6, "oil": 6}
    [word] = log_odds_dirichlet(a, b, pooled)
    delta = math.log(11 / 7) - math.log(7 / 11)
    assert word.word == "sovereignty"
    assert word.z == pytest.approx(delta / math.sqrt(1 / 11 + 1 / 7))
    assert (word.count, word.other_count) == (5, 1)


def test_rare_words_are_not_called_distinctive():
    assert log_odds_dirichlet({"once": 1}, {"other": 3}, {"once": 1, "other": 3}) == []


def outlet_of(texts, outlet, seed=0):
    analyses = [
        analyse(Article(f"{outlet}{i}", outlet, f"No. {i}", t)) for i, t in enumerate(texts)
    ]
    comparison = compare(aggregate(analyses, categories=POLICY_FRAMES, seed=seed), Accounting())
    return comparison.overall.outlets[outlet]


MIXED = [
    REFERENCE_PASSAGE,
    "Venezuelans welcomed the generous aid and praised the peaceful talks. The mood was hopeful.",
    MILITARY_PASSAGE + " The strikes killed several people and drew angry protests.",
]


def test_tone_interval_contains_estimate_and_is_seeded():
    result = outlet_of(MIXED, "Wire")
    assert result.tone.low < result.tone.estimate < result.tone.high
    assert outlet_of(MIXED, "Wire").tone == result.tone
    assert outlet_of(MIXED, "Wire", seed=1).tone != result.tone


def test_more_articles_narrow_the_interval():
    few = outlet_of(MIXED, "Wire").tone
    many = outlet_of(MIXED * 10, "Wire").tone
    assert (many.high - many.low) < (few.high - few.low) / 2


def test_frame_shares_average_articles_and_mark_primary():
    result = outlet_of(
        [MILITARY_PASSAGE, MILITARY_PASSAGE + " Troops and warships massed."], "Wire"
    )
    assert result.primary_frame == "security_and_defense"
    assert sum(share.estimate for share in result.frame_shares.values()) == pytest.approx(1.0)
    assert result.primary_frame_counts == {"security_and_defense": 2}


def test_only_the_most_mentioned_actors_are_reported_and_the_rest_counted(demo_path, monkeypatch):
    from framing.pipeline import compare_corpus

    everyone = compare_corpus(demo_path).overall
    assert everyone.actors_left_out == 0 and len(everyone.actors) > 5
    monkeypatch.setattr("framing.compare.MAX_ACTORS", 5)
    top = compare_corpus(demo_path).overall
    assert [actor.key for actor in top.actors] == [actor.key for actor in everyone.actors[:5]]
    assert top.actors_left_out == len(everyone.actors) - 5
