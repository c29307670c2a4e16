"""Hedges, factive and assertive verbs, intensifiers and loaded words on real sentences."""

from __future__ import annotations

import importlib.util
from importlib.resources import files
from pathlib import Path

import pytest

from framing.analysers.cues import (
    CUE_CATEGORIES,
    CUE_LABELS,
    default_cue_lexicon,
    load_cue_lexicon,
    score_cues,
)
from framing.analysers.lexicon import Lexicon
from framing.analysers.text import sentences, words
from framing.corpus import load_corpus
from tests.conftest import write

NORTHGATE = "northgate-wire/maduro-reportedly-seeks-russian-air-defense-help.txt"
LIBERTY_LEDGER = "liberty-ledger/indicted-and-cornered-maduro-reaches-for-putin.txt"
REFERENCE = "reference-dispatch/maduro-seeks-russian-support.txt"
CUE_FILES = sorted((files("framing") / "data" / "cues").iterdir(), key=lambda f: f.name)
DERIVATION = Path(__file__).resolve().parents[2] / "scripts" / "derive_cue_lexicon.py"


@pytest.fixture(scope="module")
def demo(demo_path):
    """Each demo article's sentences, title first, by article id."""
    return {a.id: [a.title, *sentences(a.text)] for a in load_corpus(demo_path)}


def cues_of(scores, category):
    return [match.cue.term for _, match in scores.matches if match.cue.category == category]


def score(text, **options):
    return score_cues(sentences(text), **options)


# -- the shipped files --------------------------------------------------------------------


def test_shipped_lexicon_has_the_five_categories_each_with_cues():
    lexicon = default_cue_lexicon()
    assert lexicon.categories == CUE_CATEGORIES == tuple(CUE_LABELS)
    assert {cue.category for cue in lexicon.cues} == set(CUE_CATEGORIES)


@pytest.mark.parametrize("resource", CUE_FILES, ids=lambda f: f.name)
def test_each_file_header_documents_provenance_licence_and_format(resource):
    text = resource.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    header_text = "\n".join(header)
    assert header[0].startswith(f"# {resource.name} -- ")
    for section in ("PROVENANCE", "LICENCE", "FORMAT"):
        assert section in header_text
    assert "MIT" in header_text
    categories = {cue.category for cue in Lexicon.from_file(resource).cues}
    for category in categories:
        assert category in header_text


@pytest.mark.parametrize("resource", CUE_FILES, ids=lambda f: f.name)
def test_every_shipped_term_is_lower_case_tokenises_to_itself_and_has_weight_0_or_1(resource):
    raw_terms = [
        line.split("\t")[1]
        for line in resource.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert raw_terms == [term.lower() for term in raw_terms]
    for cue in Lexicon.from_file(resource).cues:  # raises LexiconError on a bad line
        assert cue.category in CUE_CATEGORIES
        assert " ".join(words(cue.term)) == cue.term, cue.term
        assert cue.weight in (0.0, 1.0)


def test_no_term_is_listed_twice():
    terms = [cue.term for cue in default_cue_lexicon().cues]
    assert len(terms) == len(set(terms))


@pytest.mark.skipif(not DERIVATION.exists(), reason="needs a source checkout")
def test_vader_derived_file_is_what_the_script_derives():
    spec = importlib.util.spec_from_file_location("derive_cue_lexicon", DERIVATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = files("framing") / "data" / "cues" / "vader_derived.tsv"
    assert shipped.read_text(encoding="utf-8") == module.render()


# -- hedges and distancing ----------------------------------------------------------------


def test_reportedly_in_a_demo_headline_is_a_hedge(demo):
    scores = score_cues(demo[NORTHGATE])
    assert ("reportedly", 0) in [(m.cue.term, i) for i, m in scores.matches]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Maduro allegedly ordered the letter sent to Moscow.", "allegedly"),
        ("Prosecutors allege that Venezuela's leadership worked with traffickers.", "allege"),
        ("He claimed the vote had been rigged.", "claimed"),
        ("The so-called peace envoy left Caracas.", "so-called"),
        ("The strike appears to have hit a fishing boat.", "appears to"),
    ],
)
def test_distancing_cues_are_hedges(text, term):
    scores = score(text)
    assert cues_of(scores, "hedge") == [term]
    assert scores.counts["hedge"] == 1


def test_it_remains_unconfirmed_is_one_phrase(demo):
    scores = score_cues(demo[REFERENCE])
    (index,) = [i for i, m in scores.matches if m.cue.term == "remains unconfirmed"]
    assert demo[REFERENCE][index].startswith("It remains unconfirmed whether the letter")
    assert "unconfirmed" not in cues_of(scores, "hedge")  # not counted a second time


def test_could_not_be_independently_verified_counts_once(demo):
    scores = score_cues(demo[NORTHGATE])
    phrase = "could not be independently verified"
    assert cues_of(scores, "hedge").count(phrase) == 1
    sentence = next(demo[NORTHGATE][i] for i, m in scores.matches if m.cue.term == phrase)
    assert [m.cue.term for i, m in scores.matches if demo[NORTHGATE][i] == sentence] == [
        phrase
    ]  # "could" inside the phrase is not a second hedge


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("The letter may never reach the Kremlin.", 1),
        ("Russia May Send Fighter Jets to Caracas", 1),  # headline: the modal
        ("May the talks succeed.", 1),  # sentence-initial: the modal
        ("The talks began on May 5.", 0),
        ("May 5 was chosen for the vote.", 0),
        ("The vote was held on 5 May in Caracas.", 0),
        ("Elections are due in May, officials said.", 0),
        ("Theresa May met the envoy in London.", 0),
        ("Talks Expected to Resume in May", 0),
        ("The envoy and Mrs May discussed Venezuela.", 0),
        ("Officials briefed May on the letter before the summit.", 0),  # mid-sentence capital
    ],
)
def test_may_the_month_and_the_name_are_not_hedges(text, hedges):
    assert score(text).counts["hedge"] == hedges


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman could not be reached for comment.",
        "The group claimed responsibility for the attack.",
        "Russia's military might is stretched by the war.",
        "Jobless claims fell last week.",
        "Officials want an answer as soon as possible.",
    ],
)
def test_stop_phrases_keep_a_shorter_hedge_from_counting(text):
    scores = score(text)
    assert scores.counts["hedge"] == 0
    assert all(match.cue.weight > 0 for _, match in scores.matches)


# -- factive, assertive, intensifier, subjective ------------------------------------------


def test_acknowledged_and_revealed_are_factive():
    scores = score(
        "The ministry acknowledged that the letter was sent, and officials later revealed "
        "its contents."
    )
    assert cues_of(scores, "factive") == ["acknowledged", "revealed"]
    assert scores.counts["factive"] == 2


def test_a_negated_quoted_factive_counts_and_is_flagged(demo):
    scores = score_cues(demo[NORTHGATE])
    (confirmed,) = [m for _, m in scores.matches if m.cue.term == "confirmed"]
    assert confirmed.cue.category == "factive"
    assert confirmed.negated and confirmed.quoted  # "not a confirmed agreement," said ...
    assert scores.counts["factive"] == 1


def test_insisted_and_clearly_are_assertive():
    scores = score("The minister insisted the jets were clearly for defence.")
    assert cues_of(scores, "assertive") == ["insisted", "clearly"]


def test_extremely_is_an_intensifier():
    scores = score("The situation off the coast is extremely tense.")
    assert cues_of(scores, "intensifier") == ["extremely"]
    assert scores.counts == {
        "hedge": 0,
        "factive": 0,
        "assertive": 0,
        "intensifier": 1,
        "subjective": 0,
    }


def test_a_quoted_intensifier_counts_and_exclude_quotes_drops_it(demo):
    counted = score_cues(demo[NORTHGATE])
    excluded = score_cues(demo[NORTHGATE], exclude_quotes=True)
    (very,) = [m for _, m in counted.matches if m.cue.term == "very"]
    assert very.quoted and counted.counts["intensifier"] == 1
    assert excluded.counts["intensifier"] == 0
    quoted = sum(m.quoted for _, m in counted.matches)
    assert counted.n_cues - excluded.n_cues == quoted > 0


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Critics called the deal a disgrace.", "disgrace"),
        ("Guaidó's bid to rally the military failed.", "failed"),
        ("The raid was brutal.", "brutal"),
    ],
)
def test_strongly_evaluative_words_are_subjective(text, term):
    assert cues_of(score(text), "subjective") == [term]


@pytest.mark.parametrize("text", ["The Justice Department filed charges.", "The war began."])
def test_institution_and_event_words_are_not_subjective(text):
    assert score(text).counts["subjective"] == 0


# -- scores and explanation ---------------------------------------------------------------


def test_every_category_is_counted_even_with_no_text():
    scores = score_cues([])
    assert scores.counts == dict.fromkeys(CUE_CATEGORIES, 0)
    assert scores.matches == () and scores.n_cues == 0
    assert scores.per_thousand(0) == dict.fromkeys(CUE_CATEGORIES, 0.0)


def test_counts_are_the_matches_and_rates_are_per_thousand_words(demo):
    text = demo[LIBERTY_LEDGER]
    scores = score_cues(text)
    for category in CUE_CATEGORIES:
        assert scores.counts[category] == len(cues_of(scores, category))
    n_words = sum(len(words(sentence)) for sentence in text)
    rates = scores.per_thousand(n_words)
    assert rates["hedge"] == pytest.approx(1000 * scores.counts["hedge"] / n_words)
    assert rates["hedge"] > 0


def test_explain_gives_the_sentences_and_cues_behind_a_category(demo):
    text = demo[LIBERTY_LEDGER]
    scores = score_cues(text)
    explained = scores.explain(text, "hedge")
    assert sum(len(s.matches) for s in explained) == scores.counts["hedge"]
    assert [s.index for s in explained] == sorted({s.index for s in explained})
    for sentence in explained:
        assert sentence.text == text[sentence.index]
        for match in sentence.matches:
            assert match.cue.category == "hedge"
            start, end = match.span
            assert " ".join(words(sentence.text[start:end])) == match.cue.term
    last = next(s for s in explained if "remains unconfirmed" in s.text)
    assert [m.cue.term for m in last.matches] == ["remains unconfirmed"]
    assert text[last.index].startswith("Neither Caracas nor Moscow")


def test_explain_rejects_an_unknown_category(demo):
    with pytest.raises(ValueError, match="unknown cue category 'hedges': use one of hedge, "):
        score_cues(demo[REFERENCE]).explain(demo[REFERENCE], "hedges")


def test_a_user_lexicon_keeps_the_cue_categories(tmp_path):
    path = write(tmp_path / "mine.tsv", "hedge\tperhaps\nsubjective\tstrongman\n")
    lexicon = load_cue_lexicon(path)
    assert lexicon.categories == CUE_CATEGORIES
    scores = score("Perhaps the strongman will stay. He reportedly will.", lexicon=lexicon)
    assert scores.counts == {**dict.fromkeys(CUE_CATEGORIES, 0), "hedge": 1, "subjective": 1}
