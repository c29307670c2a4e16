"""Finding and linking actors in real news sentences, without a tagger."""

from __future__ import annotations

from collections import Counter

from framing import load_corpus
from framing.actors.actor_list import ActorList, ListedActor
from framing.actors.discover import find_mentions
from framing.analysers.text import sentences


def actors_in(text, **kwargs):
    return [(m.surface, m.actor, m.kind) for m in find_mentions(sentences(text), **kwargs)]


def test_titles_are_stripped_and_last_names_linked():
    text = (
        "Venezuelan President Nicolás Maduro has reportedly requested assistance from Russia. "
        "Mr. Maduro denies the charges. Secretary of State Marco Rubio has labeled Maduro a "
        "fugitive."
    )
    assert actors_in(text) == [
        ("Nicolás Maduro", "Nicolás Maduro", "person"),
        ("Russia", "Russia", "country"),
        ("Maduro", "Nicolás Maduro", "person"),
        ("Marco Rubio", "Marco Rubio", "person"),
        ("Maduro", "Nicolás Maduro", "person"),
    ]


def test_role_noun_links_to_the_only_head_of_state_of_that_nationality():
    text = (
        "Venezuelan President Nicolás Maduro wrote to Russian President Vladimir Putin. "
        "The letter shows the Venezuelan leader is worried."
    )
    found = find_mentions(sentences(text))
    role = [m for m in found if m.surface == "the Venezuelan leader"]
    assert [(m.actor, m.sentence) for m in role] == [("Nicolás Maduro", 1)]


def test_countries_aliases_organisations_and_places():
    text = (
        "The US has deployed the USS Gerald R. Ford to the Caribbean. The Washington Post "
        "reported that PDVSA output fell. The Post said Latin America is watching."
    )
    found = actors_in(text)
    assert ("US", "United States", "country") in found
    assert ("Washington Post", "Washington Post", "organisation") in found
    assert ("Post", "Washington Post", "organisation") in found
    assert ("PDVSA", "PDVSA", "organisation") in found
    names = {actor for _, actor, _ in found}
    assert "Caribbean" not in names and "Latin America" not in names and "America" not in names
    assert "United States" in names


def test_title_case_headline_only_yields_known_actors():
    found = find_mentions(
        [
            "Indicted and Cornered, Maduro Reaches for Putin's Lifeline",
            *sentences("Nicolás Maduro wrote to Vladimir Putin."),
        ]
    )
    headline = [(m.surface, m.actor) for m in found if m.sentence == 0]
    assert headline == [("Maduro", "Nicolás Maduro"), ("Putin", "Vladimir Putin")]


def test_listed_actors_take_precedence():
    listed = ActorList(
        (
            ListedActor("Nicolás Maduro", ("Maduro", "the Venezuelan leader"), "person"),
            ListedActor("US government", ("Washington", "the White House"), "organisation"),
        )
    )
    text = "Washington says the Venezuelan leader is a fugitive. Maduro disagrees."
    assert actors_in(text, actors=listed) == [
        ("Washington", "US government", "organisation"),
        ("the Venezuelan leader", "Nicolás Maduro", "person"),
        ("Maduro", "Nicolás Maduro", "person"),
    ]


def test_demo_corpus_main_actors(demo_path):
    counts: Counter[str] = Counter()
    for article in load_corpus(demo_path):
        found = find_mentions([article.title, *sentences(article.text)])
        counts.update(m.actor for m in found)
    top = [actor for actor, _ in counts.most_common(6)]
    assert top[:2] == ["Nicolás Maduro", "United States"]
    assert {"Russia", "Venezuela", "Vladimir Putin"} <= set(top)
