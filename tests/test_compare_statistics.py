"""Intervals for every per-outlet figure, frame tests and distances, with too-few notes.

The multi-article corpus is the demo's real text cut into paragraphs: each paragraph of an
outlet's article becomes one article of that outlet, so outlets have 7-12 articles each.
"""

from __future__ import annotations

import pytest

from framing.aggregate import aggregate
from framing.analysers import analyse
from framing.analysers.frames import POLICY_FRAMES
from framing.article import Article
from framing.compare import compare
from framing.corpus import load_corpus
from framing.corpus.accounting import Accounting
from framing.demo import demo_corpus_path

OUTLETS = ("Crude & Capital", "Andean Horizon Review", "Liberty Ledger")


def paragraph_articles() -> list[Article]:
    articles = []
    for article in load_corpus(demo_corpus_path()).articles:
        if article.outlet not in OUTLETS:
            continue
        paragraphs = [p for p in article.text.split("\n\n") if len(p.split()) > 20]
        articles += [
            Article(f"{article.id}-{i}", article.outlet, "", paragraph, event="demo")
            for i, paragraph in enumerate(paragraphs)
        ]
    return articles


@pytest.fixture(scope="module")
def paragraphs():
    analyses = [analyse(article) for article in paragraph_articles()]
    return compare(aggregate(analyses, categories=POLICY_FRAMES, seed=5), Accounting()).overall


def test_every_outlet_figure_has_an_interval_around_its_estimate(paragraphs):
    for result in paragraphs.outlets.values():
        assert result.articles >= 5
        figures = [
            result.negative_sentence_share,
            result.sourcing.per_1000_words,
            *result.cue_rates.values(),
            *(share for share in result.frame_shares.values() if share.estimate > 0),
        ]
        for interval in figures:
            assert interval.low is not None and interval.high is not None
            assert interval.low <= interval.estimate + 1e-9
            assert interval.estimate <= interval.high + 1e-9
        assert result.cue_rates["hedge"].high > result.cue_rates["hedge"].low


def test_primary_frames_are_tested_with_effect_size_and_holm_adjusted_pairs(paragraphs):
    test = paragraphs.frame_test
    assert test.result is not None, test.note
    assert set(test.outlets) == set(OUTLETS)
    assert test.result.n == sum(paragraphs.outlets[name].framed_articles for name in test.outlets)
    assert 0 < test.result.p_value <= 1 and 0 <= test.result.cramers_v <= 1
    pairs = paragraphs.frame_distances
    assert len(pairs) == 3
    raw = sorted(pair.result.p_value for pair in pairs if pair.result)
    adjusted = sorted(pair.p_adjusted for pair in pairs if pair.result)
    assert all(a >= r for a, r in zip(adjusted, raw, strict=True))
    assert adjusted[0] == pytest.approx(min(1.0, 3 * raw[0]))


def test_frame_distances_have_bootstrap_intervals(paragraphs):
    for pair in paragraphs.frame_distances:
        distance = pair.distance
        assert 0 < distance.estimate < 1
        assert distance.low is not None and distance.low < distance.high


def test_the_same_seed_gives_the_same_statistics():
    analyses = [analyse(article) for article in paragraph_articles()]
    first = compare(aggregate(analyses, categories=POLICY_FRAMES, seed=5), Accounting()).overall
    again = compare(aggregate(analyses, categories=POLICY_FRAMES, seed=5), Accounting()).overall
    other = compare(aggregate(analyses, categories=POLICY_FRAMES, seed=6), Accounting()).overall
    assert first.frame_test == again.frame_test
    assert first.frame_distances == again.frame_distances
    name = OUTLETS[0]
    assert first.outlets[name].cue_rates == again.outlets[name].cue_rates
    assert first.outlets[name].cue_rates != other.outlets[name].cue_rates


def test_one_article_per_outlet_gives_notes_not_fake_tests(demo_path):
    analyses = [analyse(article) for article in load_corpus(demo_path).articles]
    group = compare(aggregate(analyses, categories=POLICY_FRAMES), Accounting()).overall
    assert group.frame_test.result is None
    assert "too few articles for a test" in group.frame_test.note
    for pair in group.frame_distances:
        assert pair.result is None and pair.p_adjusted is None and pair.note
        assert pair.distance.estimate > 0 and pair.distance.low is None
    for result in group.outlets.values():
        assert result.cue_rates["hedge"].low is None
        assert result.tone.low is not None  # sentences are resampled within the one article
