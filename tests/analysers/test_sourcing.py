"""Quotations and attributions, with speakers resolved to actors, on real news sentences."""

from __future__ import annotations

from importlib.resources import files

import pytest

from framing.actors.discover import find_mentions
from framing.analysers.sourcing import (
    Attribution,
    attribution_cues,
    find_attributions,
    source_nouns,
    voices,
)
from framing.analysers.text import sentences
from framing.corpus import load_corpus

ANDEAN = "andean-horizon-review/far-from-the-warships-families-brace.txt"
CRUDE = "crude-and-capital/maduro-moscow-appeal-venezuela-risk-oil.txt"
NORTHGATE = "northgate-wire/maduro-reportedly-seeks-russian-air-defense-help.txt"
ORINOCO = "orinoco-sentinel/warships-off-coast-venezuela-turns-to-moscow.txt"


def attributions_in(text: str, title: str = "") -> tuple[Attribution, ...]:
    found = ([title] if title else []) + sentences(text)
    return find_attributions(found, find_mentions(found))


@pytest.fixture(scope="module")
def demo(demo_path):
    """Each demo article's sentences (title first) and attributions, by article id."""
    found = {}
    for article in load_corpus(demo_path):
        split = ([article.title] if article.title.strip() else []) + sentences(article.text)
        found[article.id] = (split, find_attributions(split, find_mentions(split)))
    return found


def in_sentence(attributions, sentence, cue=None):
    (found,) = [a for a in attributions if a.sentence == sentence and (cue is None or a.cue == cue)]
    return found


def test_direct_quote_with_said_and_a_named_speaker_after_it():
    (found,) = attributions_in(
        "“We will not be intimidated by the empire,” said Venezuelan President Nicolás Maduro."
    )
    assert (found.kind, found.cue, found.speaker) == (
        "direct",
        "said",
        "Venezuelan President Nicolás Maduro",
    )
    assert (found.actor, found.actor_name, found.anonymous) == (
        "nicolas maduro",
        "Nicolás Maduro",
        False,
    )
    assert found.quote == "We will not be intimidated by the empire"


def test_direct_quote_after_speaker_and_colon():
    text = (
        "In a televised address on Tuesday, Venezuelan President Nicolás Maduro said: "
        '"Venezuela will defend its sovereignty."'
    )
    (found,) = attributions_in(text)
    assert (found.kind, found.actor_name) == ("direct", "Nicolás Maduro")
    assert found.quote.startswith("Venezuela will defend its sovereignty")
    start, end = found.span
    assert sentences(text)[0][start:end] == found.speaker


def test_direct_quote_from_the_demo_has_an_unnamed_speaker_after_said(demo):
    split, found = demo["liberty-ledger/indicted-and-cornered-maduro-reaches-for-putin.txt"]
    quote = in_sentence(found, 9)
    assert split[9].startswith('"This is a criminal defendant')
    assert (quote.kind, quote.speaker) == ("direct", "a former federal narcotics prosecutor")
    assert quote.anonymous and quote.actor is None


def test_quote_spanning_sentences_is_attributed_where_it_closes_and_continues_after(demo):
    split, found = demo[CRUDE]
    assert split[24] == '"Russia can refurbish jets.'
    quote = in_sentence(found, 25)
    assert (quote.kind, quote.speaker, quote.anonymous) == (
        "direct",
        "the London strategist",
        True,
    )
    assert quote.quote.startswith("Russia can refurbish jets. It cannot refinance PDVSA")
    # the next sentence opens a quotation with no cue: the strategist is still speaking
    assert quote.quote.endswith("anything in that letter.")
    assert not [a for a in found if a.sentence in (24, 26)]


def test_he_said_resolves_to_the_nearest_earlier_person():
    found = attributions_in(
        "Secretary of State Marco Rubio spoke to reporters in Washington on Tuesday. "
        '"The regime\'s days are numbered," he said.'
    )
    (quote,) = found
    assert (quote.sentence, quote.speaker, quote.actor_name) == (1, "he", "Marco Rubio")
    assert quote.antecedent == "Marco Rubio" and not quote.anonymous


def test_she_said_continues_an_unnamed_speaker(demo):
    _, found = demo[ANDEAN]
    nurse = in_sentence(found, 22)
    assert (nurse.speaker, nurse.antecedent, nurse.anonymous) == ("she", "a nurse", True)
    assert nurse.actor is None  # not "Nicolás Maduro", the nearest named person
    woman = in_sentence(found, 27)
    assert (woman.antecedent, woman.anonymous) == ("the woman", True)
    assert "she can buy her medicine" in woman.quote


def test_according_to_the_post_resolves_to_the_organisation(demo):
    _, found = demo[ORINOCO]
    post = in_sentence(found, 21, "According to")
    assert (post.kind, post.cue, post.speaker) == ("according_to", "According to", "the Post")
    assert (post.actor, post.actor_name, post.anonymous) == (
        "washington post",
        "Washington Post",
        False,
    )
    assert post.quote.startswith("Caracas is also seeking support from China and Iran")


def test_a_report_in_the_post_speaks_for_the_post(demo):
    _, found = demo[ANDEAN]
    report = in_sentence(found, 2)
    assert report.speaker == "an October 31 report in The Washington Post"
    assert report.actor_name == "Washington Post"


def test_the_newspaper_and_it_continue_the_post(demo):
    _, found = demo[NORTHGATE]
    newspaper, it = in_sentence(found, 3), in_sentence(found, 4)
    assert (newspaper.speaker, newspaper.actor_name) == ("the newspaper", "Washington Post")
    assert (it.speaker, it.cue, it.actor_name) == ("It", "reported", "Washington Post")


def test_anonymous_officials_and_their_affiliation():
    officials, senior = attributions_in(
        "US officials said the strikes would continue. A senior US official, speaking on "
        "condition of anonymity, said the carrier would stay in the Caribbean for months."
    )
    assert (officials.speaker, officials.anonymous, officials.actor) == (
        "US officials",
        True,
        None,
    )
    assert officials.affiliation == "united states" and not officials.name_withheld
    assert (senior.speaker, senior.anonymous, senior.name_withheld) == (
        "A senior US official",
        True,
        True,
    )


def test_a_woman_who_asked_that_her_name_not_be_used(demo):
    split, found = demo[ANDEAN]
    assert "asked that her name not be used" in split[5]
    woman = in_sentence(found, 5)
    assert (woman.kind, woman.speaker) == ("direct", "a 34-year-old woman")
    assert woman.anonymous and woman.name_withheld and woman.actor is None
    # her quotation goes on over the next two sentences, after her attribution
    assert woman.quote.endswith("whether the pharmacies will have anything left.")
    assert "running low … When people talk about war" in woman.quote


@pytest.mark.parametrize(
    "text",
    [
        "“Moscow will not abandon Caracas,” said a senior diplomat, Sergei Ryabkov.",
        "Sergei Ryabkov, a senior Russian diplomat, said Moscow would not abandon Caracas.",
        "Sergei Ryabkov, speaking in Moscow on Friday, said the talks would continue.",
        "Later, Russia's deputy foreign minister, Sergei Ryabkov, said the talks would go on.",
    ],
)
def test_a_named_person_in_apposition_or_before_a_parenthetical_is_the_speaker(text):
    (found,) = attributions_in(text)
    assert (found.actor_name, found.anonymous) == ("Sergei Ryabkov", False)


def test_indirect_speech_reports_the_clause_after_said():
    (found,) = attributions_in(
        "Secretary of State Marco Rubio said the United States would not allow Russia to "
        "establish a military foothold in Venezuela."
    )
    assert (found.kind, found.cue, found.actor_name) == ("indirect", "said", "Marco Rubio")
    assert found.quote == (
        "the United States would not allow Russia to establish a military foothold in Venezuela"
    )


def test_parenthetical_cue_reports_the_clause_around_it(demo):
    _, found = demo[CRUDE]
    traders = in_sentence(found, 11)
    assert (traders.kind, traders.speaker, traders.anonymous) == ("indirect", "traders", True)
    assert traders.quote == (
        "Any risk premium tied to the standoff is therefore likely to stay small, unless "
        "tensions spill over into Caribbean shipping lanes"
    )


def test_naming_verb_with_a_partial_quote_gives_the_namer_voice(demo):
    _, found = demo[CRUDE]
    rubio = in_sentence(found, 7)
    assert (rubio.kind, rubio.cue, rubio.actor_name) == ("direct", "called", "Marco Rubio")
    assert rubio.quote == "fugitive from American justice"


@pytest.mark.parametrize(
    "text",
    [
        "Both governments signed the said agreement in 2019.",
        "The said agreement was signed in Caracas in 2019.",
        "Maduro's reported appeal to Moscow has not been confirmed.",
        "Nicolás Maduro did not say whether the letter reached Moscow.",
        "Whatever the letter says about air defenses, it cannot change the facts.",
    ],
)
def test_said_as_an_adjective_a_negation_or_a_free_relative_is_no_attribution(text):
    assert attributions_in(text) == ()


def test_scare_quotes_without_a_speaker_are_not_attributions():
    text = (
        'The so-called "peace plan" was unveiled on Monday. The government\'s "humanitarian '
        'corridor" opened a week later, and "normal life" returned to the border.'
    )
    assert attributions_in(text) == ()


def test_a_sentence_with_no_attribution(demo):
    split, found = demo[ANDEAN]
    assert split[3] == "The letter has not been confirmed."
    assert not [a for a in found if a.sentence == 3]
    assert attributions_in(split[3]) == ()


def test_agentless_reports_are_anonymous_without_a_speaker():
    (found,) = attributions_in("It was reported that the letter was delivered in mid-October.")
    assert (found.kind, found.cue, found.speaker, found.span) == (
        "indirect",
        "was reported",
        "",
        None,
    )
    assert found.anonymous and found.quote == "the letter was delivered in mid-October"


def test_cues_inside_quotation_marks_are_not_attributions():
    (found,) = attributions_in(
        '"They said we would be safe, and we believed them," said a fisherman in Sucre.'
    )
    assert (found.speaker, found.cue) == ("a fisherman in Sucre", "said")


def test_every_demo_attribution_is_well_formed(demo):
    for split, found in demo.values():
        for attribution in found:
            assert attribution.kind in ("direct", "indirect", "according_to")
            if attribution.span is not None:
                start, end = attribution.span
                assert split[attribution.sentence][start:end] == attribution.speaker
            if attribution.anonymous:
                assert attribution.actor is None
            if attribution.kind == "direct":
                assert attribution.quote


def test_voices_counts_actors_and_anonymous_sources(demo):
    _, found = demo[CRUDE]
    counted = voices(found)
    assert counted["Washington Post"] == 2
    assert counted["Marco Rubio"] == 1
    assert counted["anonymous"] == 6  # strategists, traders, analysts, a portfolio manager
    assert sum(counted.values()) == len(found)


def test_data_files_start_with_their_provenance():
    folder = files("framing") / "data" / "sourcing"
    for name in ("attribution_verbs.txt", "source_nouns.txt", "anonymity_markers.txt"):
        text = (folder / name).read_text(encoding="utf-8")
        header = " ".join(line[1:].strip() for line in text.splitlines() if line[:1] == "#")
        assert text.startswith("#") and "Written for framing by its authors" in header
    assert set(attribution_cues().values()) <= {"", "clause", "quote", "source"}
    assert {"said", "told", "according to"} <= set(attribution_cues())
    assert source_nouns()["woman"] == ("person", "f")
    assert source_nouns()["officials"].cls == "people"
