"""VADER tone from the offline lexicon, per sentence and per article."""

from __future__ import annotations

import pytest

from framing.analysers.tone import Tone, score_tone
from framing.resources import vader


def test_vader_reproduces_the_published_example_scores():
    # Hutto and Gilbert's README: "VADER is smart, handsome, and funny." -> compound 0.8316.
    assert vader().polarity_scores("VADER is smart, handsome, and funny.")["compound"] == 0.8316
    assert (
        vader().polarity_scores("VADER is not smart, handsome, nor funny.")["compound"] == -0.7424
    )


def test_sentence_tone_on_news_sentences():
    tone = score_tone(
        [
            "Guaidó's subsequent attempt to incite a military uprising failed.",
            "Venezuelans welcomed the generous aid and praised the peaceful talks.",
            "The letter was delivered on Tuesday.",
        ]
    )
    assert tone.compounds[0] < -0.05
    assert tone.compounds[1] > 0.5
    assert tone.compounds[2] == 0.0
    assert (tone.negative, tone.positive) == (1, 1)
    assert tone.mean == pytest.approx(sum(tone.compounds) / 3)


def test_empty_article_tone_is_neutral():
    assert Tone(()).mean == 0.0


def test_missing_lexicon_says_what_to_install(monkeypatch):
    import nltk.data

    from framing import resources

    def no_package(name):
        raise ModuleNotFoundError(name)

    def no_nltk_data(*args, **kwargs):
        raise LookupError("Resource vader_lexicon not found")

    monkeypatch.setattr(resources.importlib.resources, "files", no_package)
    monkeypatch.setattr(nltk.data, "load", no_nltk_data)
    with pytest.raises(resources.ResourceMissing, match="pip install vadersentiment"):
        resources._vader_lexicon_text()
