"""The fast `compound` gives exactly nltk's stock VADER compound, sentence by sentence."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from framing.analysers.text import sentences
from framing.analysers.tone import compound, score_tone
from framing.corpus import load_corpus
from framing.demo import demo_corpus_path
from framing.resources import _vader_lexicon_text, vader


@pytest.fixture(scope="module")
def stock() -> SentimentIntensityAnalyzer:
    """nltk's own analyser, untouched, with the lexicon framing's `vader()` reads."""
    analyser = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    analyser.lexicon_file = _vader_lexicon_text()
    analyser.lexicon = analyser.make_lex_dict()
    analyser.constants = VaderConstants()
    assert analyser.lexicon == vader().lexicon
    return analyser


def reference(analyser: SentimentIntensityAnalyzer, text: str) -> float:
    return analyser.polarity_scores(text)["compound"]


EDGE_CASES = [
    # punctuation glued to words, including PUNC_LIST's multi-character entries
    "This is ,good news.",
    "good!!",
    "good!!!",
    "good!!!!",
    "great?!",
    "great?!?",
    "great!?!?",
    "great?!?!?",
    "bad...",
    "bad..",
    "'not' good",
    "not' good",
    "'not good",
    '"love" it',
    "-hate- it",
    ";sad; ,happy, :nice: ?ugly?",
    "a, b! c? d. x!",
    "good,bad good,bad!",
    "goodbad! good,bad",
    "well-being is good-ish.",
    "don't like it, can't stand it, isn't great.",
    # emoticons
    "I am happy :)",
    "that's sad :-(",
    ":D :-D :P <3 </3 :'( ;) (: ):",
    ":) :) :)",
    # capitals
    "The food is GREAT.",
    "THE FOOD IS GREAT.",
    "The food is VERY good but the service is EXTREMELY bad.",
    "The movie was REALLY terrible and SLIGHTLY funny.",
    # but, least, never, negation
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "It was good BUT awful, but fine.",
    "This is the least good option.",
    "at least good",
    "very least good",
    "least good",
    "Least bad, at least not terrible.",
    "It was never so good.",
    "never this bad",
    "Never so good, NEVER This bad, never SO nice",
    "it is NEVER so very good",
    "I have never been so happy this good.",
    "It is not bad.",
    "No, it is not without its charm.",
    "no good no bad no",
    "nothing nowhere none nope uh-uh despite rarely good",
    "I wouldn't say it isn't nice",
    "kind of good",
    "it was kind of bad kind",
    "sort of great, kinda awful, just enough fun",
    "an extremely very quite bad day",
    # idioms
    "That was the kiss of death for the plan.",
    "This party is the bomb.",
    "the shit was the bomb",
    "Yeah right, that is good.",
    "He lives hand to mouth but happy.",
    "He can cut the mustard and win.",
    "what a bad ass good movie",
    "The Kiss Of Death, THE BOMB, the Bomb",
    "it is Sort Of really great",
    "it is sort of really great",
    "it was KIND OF good",
    # question and exclamation marks
    "Is it good?",
    "Is it good??",
    "Is it good???",
    "Is it good????",
    "Is it bad? Really? Truly? Honestly?",
    "Great! Great! Great! Great! Great! Great!",
    "Awful!!!!!!",
    "?!?!? fine ?!",
    # degenerate input
    "",
    " ",
    "\t\n  \u00a0",
    "a",
    "a b c d e f g",
    "I a good x y bad",
    "!!! ??? ... ,,, --",
    ". , ! ?",
    # unicode
    "Guaidó’s attempt failed — “a disaster”, critics said…",
    "Ça va très bien, merci! 😀 good 😡 bad",
    "ＧＯＯＤ news and Good news",
    "naïve happy café",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_compound_equals_nltk_on_edge_cases(stock, text):
    assert compound(text) == reference(stock, text)


def test_compound_equals_nltk_on_a_very_long_sentence(stock):
    words = ["good", "bad", "not", "very", "but", "least", "kind", "of", "GREAT", ":)", "ok!"]
    text = " ".join(words[i * 7 % len(words)] for i in range(5000)) + "!!?"
    assert compound(text) == reference(stock, text)


def test_compound_equals_nltk_on_every_demo_sentence(stock):
    found = [s for a in load_corpus(demo_corpus_path()) for s in sentences(a.text)]
    assert found
    assert [compound(s) for s in found] == [reference(stock, s) for s in found]


def test_score_tone_uses_the_exact_compounds(stock):
    sentences_ = ["Good news!", "Terrible news.", "News.", "Good news!"]
    assert score_tone(sentences_).compounds == tuple(reference(stock, s) for s in sentences_)


_LEXICON_WORDS = sorted(vader().lexicon)
_SPECIAL = sorted(
    {
        *VaderConstants.NEGATE,
        *(w for key in VaderConstants.BOOSTER_DICT for w in key.split()),
        *(w for key in VaderConstants.SPECIAL_CASE_IDIOMS for w in key.split()),
        "but",
        "least",
        "at",
        "so",
        "this",
        "the",
        "a",
        "I",
    }
)
_word = st.one_of(
    st.sampled_from(_LEXICON_WORDS),
    st.sampled_from(_SPECIAL),
    st.sampled_from(_LEXICON_WORDS).map(str.upper),
    st.sampled_from(_SPECIAL).map(str.upper),
    st.sampled_from(_SPECIAL).map(str.title),
    st.text(alphabet=string.ascii_letters + "'’é", min_size=1, max_size=6),
)
_punctuation = st.sampled_from([*VaderConstants.PUNC_LIST, "", "", "", "....", "?!!", "(", ")"])
_token = st.one_of(
    st.tuples(_punctuation, _word, _punctuation).map("".join),
    st.sampled_from([":)", ":-(", ":D", "<3", ";)", "(:", ":'(", "!", "?", "..."]),
    st.text(alphabet=string.punctuation + "ab", min_size=1, max_size=4),
)
_sentence = st.lists(_token, max_size=25).flatmap(
    lambda tokens: st.lists(
        st.sampled_from([" ", " ", " ", "  ", "\t", "\n"]),
        min_size=len(tokens),
        max_size=len(tokens),
    ).map(lambda gaps: "".join(g + t for g, t in zip(gaps, tokens, strict=True)))
)


@settings(max_examples=600, deadline=None)
@given(_sentence)
def test_compound_equals_nltk_on_random_text(stock, text):
    assert compound(text) == reference(stock, text)
