"""The shipped Policy Frames dictionary on real sentences."""

from __future__ import annotations

import pytest

from framing.analysers import analyse
from framing.analysers.frames import POLICY_FRAMES, default_frame_lexicon, score_frames
from framing.analysers.text import sentences
from framing.article import Article
from framing.corpus import load_corpus
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE

LIBERTY_LEDGER = "liberty-ledger/indicted-and-cornered-maduro-reaches-for-putin.txt"


def frames_of(text, **options):
    return score_frames(sentences(text), lexicon=default_frame_lexicon(), **options)


@pytest.fixture(scope="module")
def liberty_ledger(demo_path):
    (article,) = [a for a in load_corpus(demo_path) if a.id == LIBERTY_LEDGER]
    return article


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


def test_a_negated_cue_counts_fully_and_is_flagged():
    denied = frames_of("The deployment is not a military threat.")
    asserted = frames_of("The deployment is a military threat.")
    assert denied.weights == asserted.weights
    assert denied.primary == "security_and_defense"
    assert [(m.cue.term, m.negated) for m in denied.sentences[0].matches] == [
        ("militar*", True),
        ("threat", True),
    ]
    assert not any(m.negated for m in asserted.sentences[0].matches)


def test_quoted_cues_count_by_default_and_exclude_quotes_drops_exactly_them():
    text = (
        "A lawyer said: “If these were criminals, there are courts.” Prosecutors allege "
        'drug trafficking. "This is a criminal defendant who happens to control an army," '
        "said a former federal narcotics prosecutor."
    )
    counted, excluded = frames_of(text), frames_of(text, exclude_quotes=True)
    quoted = [m for s in counted.sentences for m in s.matches if m.quoted]
    assert sorted(m.cue.term for m in quoted) == [
        "army",
        "courts",
        "criminal*",
        "criminal*",
        "defendant*",
    ]
    for category, full, kept in zip(POLICY_FRAMES, counted.weights, excluded.weights, strict=True):
        dropped = sum(m.cue.weight for m in quoted if m.cue.category == category)
        assert full - kept == pytest.approx(dropped)
    assert excluded.exclude_quotes and not counted.exclude_quotes
    assert not any(m.quoted for s in excluded.sentences for m in s.matches)


def test_exclude_quotes_on_a_demo_article_removes_the_quoted_weight(liberty_ledger):
    counted = analyse(liberty_ledger).frames
    excluded = analyse(liberty_ledger, exclude_quotes=True).frames
    quoted = [m for s in counted.sentences for m in s.matches if m.quoted]
    unquoted = [(s.index, m) for s in counted.sentences for m in s.matches if not m.quoted]
    assert len(quoted) == counted.n_cues - excluded.n_cues > 0
    assert unquoted == [(s.index, m) for s in excluded.sentences for m in s.matches]
    assert counted.total - excluded.total == pytest.approx(sum(m.cue.weight for m in quoted))


def test_explain_lists_frames_heaviest_first_with_the_sentences_that_gave_them(
    liberty_ledger,
):
    scores = analyse(liberty_ledger).frames
    evidence = scores.explain()
    assert evidence[0].category == scores.primary == "crime_and_punishment"
    assert [e.weight for e in evidence] == sorted(
        (w for w in scores.weights if w > 0), reverse=True
    )
    for frame in evidence:
        cues = [m for s in frame.sentences for m in s.matches]
        assert {m.cue.category for m in cues} == {frame.category}
        assert sum(m.cue.weight for m in cues) == pytest.approx(frame.weight)
    crime = evidence[0]
    indictment = [s for s in crime.sentences if "indict" in s.text.lower()]
    assert [s.index for s in indictment] == [0, 1, 5, 10, 29]
    assert "does not make the indictment go away" in indictment[3].text
    (cue,) = indictment[3].matches
    assert (cue.negated, cue.quoted) == (True, True)
    assert indictment[3].text[slice(*cue.span)] == "indictment"
