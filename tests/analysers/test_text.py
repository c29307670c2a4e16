"""Sentence splitting and word tokens on real news text."""

from __future__ import annotations

from framing.analysers.text import quotations, sentences, word_spans, words
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


def test_abbreviations_that_are_also_words_still_end_sentences():
    text = "The net is hard to miss. The United States has assembled a formidable force."
    assert sentences(text) == [
        "The net is hard to miss.",
        "The United States has assembled a formidable force.",
    ]


def test_word_spans_are_the_words_with_their_place_in_the_text():
    text = "Secretary of State Marco Rubio has labeled Maduro’s government a “narco-state.”"
    spans = word_spans(text)
    assert [span.word for span in spans] == words(text)
    assert [text[span.start : span.end] for span in spans][-4:] == [
        "Maduro’s",
        "government",
        "a",
        "narco-state",
    ]


def test_curly_and_straight_double_quotes_mark_quotations_but_single_quotes_do_not():
    curly = "Rubio has labeled Maduro a “fugitive from American justice,” officials said."
    ((start, end),) = quotations(curly).spans
    assert curly[start:end] == "fugitive from American justice,"
    straight = 'he is, in the words of Rubio, a "fugitive from American justice."'
    ((start, end),) = quotations(straight).spans
    assert straight[start:end] == "fugitive from American justice."
    assert quotations("The regime’s ‘fugitive’ leader isn’t talking.") == ((), False)


def test_a_quotation_runs_on_into_the_next_sentence_until_it_closes():
    said, first, second, third = sentences(
        '"Suspicion is not a death sentence," said a human rights lawyer. "If these were '
        'criminals, there are courts. What we are seeing is punishment without a trial." '
        "Washington justifies its campaign with a 2020 indictment."
    )
    assert quotations(said) == (((1, 35),), False)
    opened = quotations(first)
    assert opened == (((1, len(first)),), True)
    carried = quotations(second, open_at_start=opened.open_at_end)
    assert carried == (((0, len(second) - 1),), False)
    assert quotations(third, open_at_start=carried.open_at_end) == ((), False)


def test_a_reopening_mark_keeps_a_quotation_that_runs_over_paragraphs_open():
    found = quotations('"We will not leave," he said.', open_at_start=True)
    assert found == (((0, 19),), False)
