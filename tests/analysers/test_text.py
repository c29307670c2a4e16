"""Sentence splitting and word tokens on real news text."""

from __future__ import annotations

from framing.analysers.text import sentences, words
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Mr. Maduro wrote to Russia. " + MILITARY_PASSAGE + " The U.S. Navy declined to comment."
    assert sentences(text) == [
        "Mr. Maduro wrote to Russia.",
        MILITARY_PASSAGE,
        "The U.S. Navy declined to comment.",
    ]


def test_closing_quote_stays_with_its_sentence():
    found = sentences(REFERENCE_PASSAGE)
    assert len(found) == 2
    assert found[1].startswith("Secretary of State Marco Rubio")
    assert "justice,”" in found[1]


def test_line_breaks_after_sentence_end_split_but_wrapped_lines_join():
    text = "Maduro sought help from\nMoscow.\naccording to a report, the letter was sent."
    assert sentences(text) == [
        "Maduro sought help from Moscow.",
        "according to a report, the letter was sent.",
    ]


def test_words_drop_punctuation_and_possessives_keep_hyphens():
    assert words("Maduro’s drug-trafficking case: $50 million, U.S. officials said.") == [
        "maduro",
        "drug-trafficking",
        "case",
        "50",
        "million",
        "u.s.",
        "officials",
        "said",
    ]
