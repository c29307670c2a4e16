"""Labels attached to one mention of an actor, on demo-corpus sentences and written ones."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.actors.labels import Label, mention_labels
from framing.analysers.text import sentences

KINDS = {"title", "modifier", "head", "apposition", "predicate"}

# (sentence from corpora/demo, mention, expected labels as (kind, text) pairs)
DEMO = [
    (
        "Secretary of State Marco Rubio has labeled Maduro a “fugitive from American justice,” "
        "and the reward for details leading to his capture was recently increased to $50 "
        "million.",
        "Marco Rubio",
        [("title", "secretary of state")],
    ),
    (
        "Secretary of State Marco Rubio has labeled Maduro a “fugitive from American justice,” "
        "and the reward for details leading to his capture was recently increased to $50 "
        "million.",
        "Maduro",
        [("predicate", "fugitive from american justice")],
    ),
    (
        'Secretary of State Marco Rubio has called Maduro a "fugitive from American justice," '
        "and the reward for information leading to his capture now stands at $50 million.",
        "Maduro",
        [("predicate", "fugitive from american justice")],
    ),
    (
        'Secretary of State Marco Rubio has called him a "fugitive from American justice," and '
        "the reward for information leading to his capture was recently raised to $50 million.",
        "him",
        [("predicate", "fugitive from american justice")],
    ),
    (
        "WASHINGTON - Nicolás Maduro, the indicted Venezuelan strongman with a $50 million "
        "price on his head, is reportedly pleading with the Kremlin for military help as "
        "American pressure on his regime intensifies.",
        "Nicolás Maduro",
        [("apposition", "the indicted venezuelan strongman with a $50 million price on his head")],
    ),
    (
        "CARACAS – Venezuelan President Nicolás Maduro has reportedly requested assistance from "
        "Russia as the United States increases pressure on his government.",
        "Nicolás Maduro",
        [("title", "venezuelan president")],
    ),
    (
        "According to an October 31 report in The Washington Post, President Nicolás Maduro "
        "wrote to Russian President Vladimir Putin asking for help bolstering Venezuela's air "
        "defenses, including the refurbishment of Sukhoi fighter jets, missiles and logistical "
        "support.",
        "Nicolás Maduro",
        [("title", "president")],
    ),
    (
        "According to an October 31 report in The Washington Post, President Nicolás Maduro "
        "wrote to Russian President Vladimir Putin asking for help bolstering Venezuela's air "
        "defenses, including the refurbishment of Sukhoi fighter jets, missiles and logistical "
        "support.",
        "Vladimir Putin",
        [("title", "russian president")],
    ),
    (
        "In 2019, Russia provided diplomatic support, and limited military aid, to Maduro’s "
        "government, a key partner for Moscow in Latin America.",
        "Maduro",
        [("head", "government")],
    ),
    (
        "Maduro's friends in Moscow have been here before.",
        "Maduro",
        [("head", "friends")],
    ),
    (
        "Many Venezuelans remember 2019, when a US-backed push by opposition leader Juan Guaidó "
        "to remove Maduro failed while Russia offered diplomatic support and limited military "
        "aid.",
        "Juan Guaidó",
        [("title", "opposition leader")],
    ),
    (
        "In 2019 the United States backed opposition politician Juan Guaidó in a bid to remove "
        "the government, and his call for a military uprising collapsed.",
        "Juan Guaidó",
        [("title", "opposition politician")],
    ),
    (
        "Washington justifies its campaign with a 2020 indictment of President Maduro and a $50 "
        "million bounty, with Secretary of State Marco Rubio branding the head of state a "
        '"fugitive from American justice."',
        "Maduro",
        [("title", "president")],
    ),
    (
        "Former President Donald Trump, in recent interviews, downplayed the possibility of war "
        "with Venezuela but suggested Maduro’s time in office might potentially be limited.",
        "Donald Trump",
        [("title", "former president")],
    ),
    (
        "US President Donald Trump has said in interviews that he does not expect war, while "
        "hinting that Maduro's time in office may be limited - a remark many here read as an "
        "open threat against a sitting head of state.",
        "Donald Trump",
        [("title", "us president")],
    ),
    # Nothing to find: a verb after the name, a possessive of a non-head, a name after "to".
    ("Maduro denies the charges and has never answered them in court.", "Maduro", []),
    (
        "Former President Donald Trump, in recent interviews, downplayed the possibility of war "
        "with Venezuela but suggested Maduro’s time in office might potentially be limited.",
        "Maduro",
        [],
    ),
    ("Guaidó's bid to rally the military failed, and Maduro clung to power.", "Guaidó", []),
    (
        "Many Venezuelans remember 2019, when a US-backed push by opposition leader Juan Guaidó "
        "to remove Maduro failed while Russia offered diplomatic support and limited military "
        "aid.",
        "Maduro",
        [],
    ),
    # "a fugitive" describes "he", not Rubio, who is named inside an opening phrase.
    (
        "Whatever the letter says about air defenses, it cannot change the central fact of "
        "Maduro's position: he is, in the words of Secretary of State Marco Rubio, a "
        '"fugitive from American justice."',
        "Marco Rubio",
        [("title", "secretary of state")],
    ),
]

# Written news sentences, one or more kinds each.
WRITTEN = [
    ("Secretary Rubio then met Mr. Maduro in Caracas.", "Maduro", [("title", "mr.")]),
    ("then-President Donald Trump spoke first.", "Donald Trump", [("title", "then-president")]),
    (
        "Deputy Foreign Minister Ana Pérez flew to Moscow.",
        "Ana Pérez",
        [("title", "deputy foreign minister")],
    ),
    (
        "South Korean President Lee Jae-myung arrived on Monday.",
        "Lee Jae-myung",
        [("title", "south korean president")],
    ),
    (
        "The indicted Venezuelan strongman Nicolás Maduro wrote to Putin.",
        "Nicolás Maduro",
        [("title", "venezuelan strongman"), ("modifier", "indicted venezuelan strongman")],
    ),
    ("Analysts doubt that an embattled Maduro can hold on.", "Maduro", [("modifier", "embattled")]),
    (
        "Crowds cheered the US-backed opposition leader Juan Guaidó.",
        "Juan Guaidó",
        [("title", "opposition leader"), ("modifier", "us-backed opposition leader")],
    ),
    ("The Maduro regime denies the charges.", "Maduro", [("head", "regime")]),
    ("Maduro loyalists rallied in Caracas on Sunday.", "Maduro", [("head", "loyalists")]),
    ("The Maduro government’s envoy arrived late.", "Maduro", [("head", "government")]),
    ("A hundred Maduro supporters marched.", "Maduro", [("head", "supporters")]),
    (
        "Rubio met Nicolás Maduro, the Venezuelan leader.",
        "Nicolás Maduro",
        [("apposition", "the venezuelan leader")],
    ),
    (
        "Maduro, a former bus driver, is a “socialist revolutionary” to his supporters.",
        "Maduro",
        [("apposition", "a former bus driver"), ("predicate", "socialist revolutionary")],
    ),
    (
        "Maduro is a fugitive from American justice.",
        "Maduro",
        [("predicate", "fugitive from american justice")],
    ),
    (
        "Maduro has been described as a “narco-dictator” by his critics.",
        "Maduro",
        [("predicate", "narco-dictator")],
    ),
    (
        "Critics branded Maduro the architect of the crisis, and he denied it.",
        "Maduro",
        [("predicate", "architect of the crisis")],
    ),
    (
        "Maduro remains the most powerful man in Venezuela, analysts say.",
        "Maduro",
        [("predicate", "most powerful man in venezuela")],
    ),
    (
        "Washington considers Maduro an illegitimate ruler who stole the election.",
        "Maduro",
        [("predicate", "illegitimate ruler")],
    ),
    # The lower-case pronoun "us" is not the nationality "US".
    ("He told us President Maduro would resist.", "Maduro", [("title", "president")]),
]

# Constructions the rules must not read as labels.
NOTHING = [
    ("Maduro denies the charges.", "Maduro"),
    ("Maduro wrote to Putin.", "Putin"),
    ("Maduro forces the army to march.", "Maduro"),
    ("The letter Maduro sent reached the Kremlin.", "Maduro"),
    ("The report accused Maduro of trafficking.", "Maduro"),
    ("The US indicted Maduro in 2020.", "Maduro"),
    ("Support for Maduro is a sign of defiance.", "Maduro"),
    ("Trump called Maduro the next day.", "Maduro"),
    ("Maduro is not a fugitive, his lawyers say.", "Maduro"),
    ("Talks between Maduro, the opposition and the church stalled.", "Maduro"),
    ("The letter went to Maduro, the Post reported.", "Maduro"),
    ("In a letter to Putin, the Venezuelan leader asked for help.", "Putin"),
    (
        "Maduro, the leader who has ruled Venezuela since the death of Hugo Chávez in 2013 and "
        "survived every challenge, is defiant.",
        "Maduro",
    ),
]


def found(sentence: str, mention: str) -> list[tuple[str, str]]:
    start = sentence.index(mention)
    return [
        (label.kind, label.text) for label in mention_labels(sentence, start, start + len(mention))
    ]


@pytest.mark.parametrize(("sentence", "mention", "expected"), DEMO)
def test_labels_on_demo_sentences(sentence, mention, expected):
    assert found(sentence, mention) == expected


def test_demo_sentences_are_from_the_demo_corpus(demo_path: Path):
    corpus = {
        sentence
        for path in demo_path.glob("*/*.txt")
        for sentence in sentences(path.read_text(encoding="utf-8"))
    }
    assert {sentence for sentence, _, _ in DEMO} <= corpus


@pytest.mark.parametrize(("sentence", "mention", "expected"), WRITTEN)
def test_labels_on_written_sentences(sentence, mention, expected):
    assert found(sentence, mention) == expected


@pytest.mark.parametrize(("sentence", "mention"), NOTHING)
def test_no_label_where_the_rules_cannot_be_sure(sentence, mention):
    assert found(sentence, mention) == []


@pytest.mark.parametrize(
    ("sentence", "span", "expected"),
    [
        ("President Nicolás Maduro wrote to Putin.", (0, 24), [("title", "president")]),
        (
            "Venezuelan President Nicolás Maduro wrote to Putin.",
            (11, 35),
            [("title", "venezuelan president")],
        ),
        ("Maduro’s government denies it.", (0, 8), [("head", "government")]),
        ("Maduro’s government denies it.", (0, 0), []),
        ("Maduro’s government denies it.", (6, 9), []),
    ],
)
def test_span_with_title_possessive_or_nothing(sentence, span, expected):
    labels = mention_labels(sentence, *span)
    assert [(label.kind, label.text) for label in labels] == expected


@pytest.mark.parametrize("span", [(-1, 3), (5, 2), (0, 99)])
def test_span_outside_the_sentence_is_an_error(span):
    with pytest.raises(ValueError, match=r"is not inside the sentence of 20 characters"):
        mention_labels("Maduro wrote a note.", *span)


@pytest.mark.parametrize("name", ["titles.txt", "nationalities.txt", "heads.txt"])
def test_word_lists_are_lower_case_without_duplicates(name):
    text = (files("framing") / "data" / name).read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert entries == [" ".join(entry.lower().split()) for entry in entries]
    assert len(set(entries)) == len(entries)
    if name == "nationalities.txt":
        assert len(entries) >= 200


def assert_well_formed(labels: tuple[Label, ...]) -> None:
    assert [label.kind for label in labels] == [
        kind
        for kind in ("title", "modifier", "head", "apposition", "predicate")
        if kind in {label.kind for label in labels}
    ]
    for label in labels:
        assert label.kind in KINDS
        assert label.text
        assert label.text == " ".join(label.text.split())


@st.composite
def text_and_span(draw, texts):
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


NEWS_PIECES = st.sampled_from(
    [
        "Maduro", "Nicolás", "President", "Secretary of State", "Venezuelan", "US", "us",
        "then-President", "Mr.", "the", "a", "an", "indicted", "US-backed", "regime", "’s", "'s",
        "is", "has been", "called", "labeled", "as", ",", ".", "“", "”", '"', "-", "—", "$50",
        "and", "who", "the day", "said", "in", "of", "strongman", "fugitive", "U.S.", "\n",
    ]
)  # fmt: skip
NEWS_TEXT = st.lists(st.tuples(NEWS_PIECES, st.sampled_from(["", " ", "  "])), max_size=40).map(
    lambda pairs: "".join(piece + gap for piece, gap in pairs)
)


@given(text_and_span(st.text()))
def test_any_text_and_span_never_raises(case):
    assert_well_formed(mention_labels(*case))


@given(text_and_span(NEWS_TEXT))
def test_news_like_text_and_any_span_never_raises(case):
    assert_well_formed(mention_labels(*case))
