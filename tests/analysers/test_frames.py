"""The shipped Policy Frames dictionary on real sentences."""

from __future__ import annotations

from framing.analysers import analyse
from framing.analysers.frames import POLICY_FRAMES, default_frame_lexicon, score_frames
from framing.analysers.text import words
from framing.article import Article
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE


def frames_of(text):
    return score_frames([words(text)], lexicon=default_frame_lexicon())


def test_shipped_dictionary_covers_the_codebook():
    lexicon = default_frame_lexicon()
    assert lexicon.categories == POLICY_FRAMES
    with_cues = {cue.category for cue in lexicon.cues}
    assert with_cues == set(POLICY_FRAMES) - {"other"}


def test_military_sentence_is_security_and_defense():
    assert frames_of(MILITARY_PASSAGE).primary == "security_and_defense"


def test_indictment_sentence_is_crime_and_punishment():
    assert frames_of(REFERENCE_PASSAGE).primary == "crime_and_punishment"


def test_economic_sentence_is_economic():
    scores = frames_of(
        "Oil prices rose as investors weighed sanctions on exports and bond markets."
    )
    assert scores.weights[POLICY_FRAMES.index("economic")] > 0
    assert scores.primary == "economic"


def test_no_cue_means_no_primary_frame_and_zero_shares():
    scores = frames_of("The letter was delivered on Tuesday.")
    assert scores.primary is None
    assert set(scores.shares) == {0.0}


def test_article_shares_sum_to_one_and_explain_their_sentences():
    article = Article(
        "a", "Wire", "Maduro seeks Russian support", REFERENCE_PASSAGE + " " + MILITARY_PASSAGE
    )
    analysis = analyse(article)
    assert abs(sum(analysis.frames.shares) - 1) < 1e-9
    explained = {s.index for s in analysis.frames.sentences}
    assert {1, 2, 3} <= explained  # body sentences (the title is sentence 0)
