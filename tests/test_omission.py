"""Content alignment across outlets: units, coverage, what one outlet alone reports or omits."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

from framing.analysers.text import sentences
from framing.corpus import load_corpus
from framing.omission import (
    DEFAULT_THRESHOLD,
    ContentUnit,
    Coverage,
    EventArticle,
    align_content,
    content_stems,
)

# A small event told by three outlets (sentences adapted from the demo corpus): one fact all
# three carry, one only A and B carry, one only C carries.
LETTER_A = (
    "According to an October 31 report in The Washington Post, Maduro wrote to Russian President "
    "Vladimir Putin asking for help with air defenses."
)
LETTER_B = (
    "The Washington Post reported that Maduro sent a letter to Russian President Vladimir Putin "
    "requesting help with Venezuela's air defenses."
)
LETTER_C = (
    "Maduro wrote to Vladimir Putin seeking help with air defenses, The Washington Post "
    "reported on October 31."
)
REWARD_A = "The reward for information leading to his capture was recently raised to $50 million."
REWARD_B = "The reward for information leading to his capture now stands at $50 million."
ONLY_C = (
    "More than seven million Venezuelans have left their country over the past decade, "
    "according to United Nations estimates."
)


def event_article(outlet: str, key: str, *body: str, title: str = "") -> EventArticle:
    return EventArticle(outlet, key, title, ((title,) if title else ()) + body)


@pytest.fixture(scope="module")
def demo_event(demo_path: Path) -> list[EventArticle]:
    """The demo corpus as one event, split as framing.analysers.analyse splits articles."""
    return [
        EventArticle(
            article.outlet,
            article.content_key,
            article.title,
            tuple([article.title, *sentences(article.text)]),
        )
        for article in load_corpus(demo_path)
    ]


@pytest.fixture(scope="module")
def demo_coverage(demo_event: list[EventArticle]) -> Coverage:
    return align_content(demo_event)


@pytest.fixture(scope="module")
def small_event() -> list[EventArticle]:
    return [
        event_article("A", "a1", LETTER_A, REWARD_A),
        event_article("B", "b1", REWARD_B, LETTER_B),
        event_article("C", "c1", LETTER_C, ONLY_C),
    ]


def text_of(articles: list[EventArticle], ref: tuple[str, str, int]) -> str:
    outlet, key, index = ref
    article = next(a for a in articles if a.outlet == outlet and a.key == key)
    return article.sentences[index]


def units_with(
    coverage: Coverage, articles: list[EventArticle], fragment: str, outlet: str | None = None
) -> list[ContentUnit]:
    """The units holding a sentence (of ``outlet``, if given) that contains ``fragment``."""
    return [
        unit
        for unit in coverage.units
        if any(
            fragment in text_of(articles, ref) and outlet in (None, ref[0])
            for ref in unit.sentences
        )
    ]


def unit_of(
    coverage: Coverage, articles: list[EventArticle], outlet: str, fragment: str
) -> ContentUnit:
    """The one unit holding ``outlet``'s sentence that contains ``fragment``."""
    found = [
        unit
        for unit in coverage.units
        if any(ref[0] == outlet and fragment in text_of(articles, ref) for ref in unit.sentences)
    ]
    assert len(found) == 1, (outlet, fragment, found)
    return found[0]


# --- the demo event: shared facts ---------------------------------------------------------


def test_the_post_report_of_the_letter_is_one_unit_carried_by_every_outlet(
    demo_event: list[EventArticle], demo_coverage: Coverage
) -> None:
    unit = unit_of(demo_coverage, demo_event, "Reference Dispatch", "sent a letter to Russian")
    assert len(unit.outlets) == 6
    assert unit.id == 1  # most widely carried, and earliest in the articles
    for outlet in demo_coverage.outlets:
        assert unit in units_with(demo_coverage, demo_event, "Vladimir Putin", outlet)
    members = [text_of(demo_event, ref) for ref in unit.sentences]
    assert all(re.search("Putin|Sukhoi|air defenses", text) for text in members), members


@pytest.mark.parametrize(
    ("fragment", "at_least"),
    [("USS Gerald R. Ford", 5), ("$50 million", 4), ("China and Iran", 5)],
)
def test_shared_facts_are_carried_by_most_outlets(
    demo_event: list[EventArticle], demo_coverage: Coverage, fragment: str, at_least: int
) -> None:
    widest = max(
        units_with(demo_coverage, demo_event, fragment), key=lambda unit: len(unit.outlets)
    )
    assert len(widest.outlets) >= at_least


def test_unrelated_sentences_do_not_merge(
    demo_event: list[EventArticle], demo_coverage: Coverage
) -> None:
    oil = unit_of(demo_coverage, demo_event, "Crude & Capital", "one million barrels a day")
    refugees = unit_of(demo_coverage, demo_event, "Andean Horizon Review", "seven million")
    letter = unit_of(demo_coverage, demo_event, "Reference Dispatch", "sent a letter to Russian")
    denial = unit_of(demo_coverage, demo_event, "Liberty Ledger", "Maduro denies the charges")
    assert len({oil.id, refugees.id, letter.id, denial.id}) == 4
    assert oil.outlets == ("Crude & Capital",)
    assert refugees.outlets == ("Andean Horizon Review",)


def test_a_denial_in_other_words_is_one_unit(
    demo_event: list[EventArticle], demo_coverage: Coverage
) -> None:
    denial = unit_of(demo_coverage, demo_event, "Liberty Ledger", "Maduro denies the charges")
    assert denial.outlets == ("Liberty Ledger", "Northgate Wire")


def test_a_sentence_with_two_facts_joins_a_unit_for_each(
    demo_event: list[EventArticle], demo_coverage: Coverage
) -> None:
    # "US officials cite a 2020 drug trafficking indictment against Maduro and a reward
    # recently raised to $50 million, while President Donald Trump has played down the
    # prospect of war."
    fragment = "US officials cite a 2020 drug trafficking indictment"
    both = units_with(demo_coverage, demo_event, fragment)
    indictment = units_with(demo_coverage, demo_event, "2020 criminal indictment", "Northgate Wire")
    war = units_with(demo_coverage, demo_event, "likelihood of war", "Northgate Wire")
    assert len(both) == 2
    assert set(both) & set(indictment)
    assert set(both) & set(war)
    whole = units_with(align_content(demo_event, split_clauses=False), demo_event, fragment)
    assert len(whole) == 1


def test_a_sentence_that_could_have_joined_a_unit_counts_for_it(
    demo_event: list[EventArticle], demo_coverage: Coverage
) -> None:
    # Andean Horizon's "... while Russia offered diplomatic support and limited military aid"
    # clusters with the 2019 Guaidó sentences, but is close enough to Russia's 2019 aid too.
    aid = next(u for u in demo_coverage.units if u.label.startswith("Russia provided diplomatic"))
    andean = units_with(demo_coverage, demo_event, "Russia offered diplomatic support")
    assert aid in andean
    assert len(andean) == 2
    assert "Andean Horizon Review" in aid.outlets


def test_labels_are_real_sentences_of_the_unit(
    demo_event: list[EventArticle], demo_coverage: Coverage
) -> None:
    for unit in demo_coverage.units:
        members = [text_of(demo_event, ref) for ref in unit.sentences]
        stem = unit.label.removesuffix("…")
        assert any(" ".join(m.split()).startswith(stem) for m in members), unit
        assert len(unit.label) <= 161


def test_units_are_ordered_by_reach_and_numbered(demo_coverage: Coverage) -> None:
    reach = [len(unit.outlets) for unit in demo_coverage.units]
    assert reach == sorted(reach, reverse=True)
    assert [unit.id for unit in demo_coverage.units] == list(range(1, len(demo_coverage.units) + 1))
    assert all(unit.outlets == tuple(sorted(unit.outlets)) for unit in demo_coverage.units)


def test_matrix_is_units_by_outlets(demo_coverage: Coverage) -> None:
    matrix = demo_coverage.matrix()
    assert len(matrix) == len(demo_coverage.units)
    for row, unit in zip(matrix, demo_coverage.units, strict=True):
        carried = tuple(o for o, c in zip(demo_coverage.outlets, row, strict=True) if c)
        assert carried == unit.outlets


def test_each_demo_outlet_has_material_of_its_own(demo_coverage: Coverage) -> None:
    for outlet in demo_coverage.outlets:
        assert demo_coverage.alone_reports(outlet), outlet
    # The seed article is the summary the others were written from: little is its own.
    assert len(demo_coverage.alone_reports("Reference Dispatch")) <= 3


def test_the_demo_event_aligns_fast(demo_event: list[EventArticle]) -> None:
    align_content(demo_event)
    started = time.perf_counter()
    align_content(demo_event)
    assert time.perf_counter() - started < 1.0


# --- paraphrase: what TF-IDF can and cannot do ---------------------------------------------


def test_a_paraphrase_with_shared_content_words_aligns() -> None:
    coverage = align_content(
        [
            event_article("A", "a", "Maduro asked Putin for help with air defences."),
            event_article("B", "b", "Maduro wrote to Putin asking for help with air defenses."),
        ]
    )
    assert [unit.outlets for unit in coverage.units] == [("A", "B")]


def test_a_paraphrase_with_other_words_does_not_align() -> None:
    """A known limit: "Maduro"/"Venezuela's president" and "Putin"/"the Russian leader" share
    no word, so only "air defences" links the two, and not enough."""
    first = "Maduro asked Putin for help with air defences"
    second = (
        "Venezuela's president wrote to the Russian leader seeking assistance bolstering "
        "air defenses"
    )
    assert set(content_stems(first)) & set(content_stems(second)) == {"air", "defens"}
    coverage = align_content([event_article("A", "a", first), event_article("B", "b", second)])
    assert [unit.outlets for unit in coverage.units] == [("A",), ("B",)]
    assert align_content(
        [event_article("A", "a", first), event_article("B", "b", second)], threshold=0.1
    ).units[0].outlets == ("A", "B")


# --- alone reports, alone omits --------------------------------------------------------------


def test_alone_reports_and_alone_omits(small_event: list[EventArticle]) -> None:
    coverage = align_content(small_event)
    assert coverage.outlets == ("A", "B", "C")
    assert [unit.outlets for unit in coverage.units] == [("A", "B", "C"), ("A", "B"), ("C",)]
    letter, reward, exodus = coverage.units
    assert coverage.alone_reports("C") == (exodus,)
    assert coverage.alone_omits("C") == (reward,)
    assert coverage.alone_reports("A") == coverage.alone_omits("A") == ()
    assert coverage.carried("B") == (letter, reward)
    assert coverage.matrix() == [[True, True, True], [True, True, False], [False, False, True]]
    assert exodus.label == ONLY_C
    assert exodus.sentences == (("C", "c1", 1),)


def test_alone_omits_needs_three_outlets(small_event: list[EventArticle]) -> None:
    coverage = align_content(small_event[1:])
    assert coverage.outlets == ("B", "C")
    assert coverage.alone_omits("C") == ()
    assert [unit.outlets for unit in coverage.alone_reports("B")] == [("B",)]


def test_an_outlet_not_in_the_event_is_an_error(small_event: list[EventArticle]) -> None:
    coverage = align_content(small_event)
    with pytest.raises(ValueError, match=r"outlet 'D' is not in this event \(outlets: A, B, C\)"):
        coverage.alone_reports("D")


def test_several_articles_of_one_outlet_count_once(small_event: list[EventArticle]) -> None:
    more = [*small_event, event_article("C", "c2", REWARD_A)]
    coverage = align_content(more)
    assert [unit.outlets for unit in coverage.units][:2] == [("A", "B", "C")] * 2
    assert coverage.alone_omits("C") == ()


# --- determinism and the threshold ------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_input_order_does_not_matter(
    demo_event: list[EventArticle], demo_coverage: Coverage, seed: int
) -> None:
    shuffled = list(demo_event)
    random.Random(seed).shuffle(shuffled)
    assert align_content(shuffled) == demo_coverage


def test_a_higher_threshold_gives_more_units(demo_event: list[EventArticle]) -> None:
    thresholds = (0.1, 0.2, 0.3, 0.5)
    coverages = [align_content(demo_event, threshold=t) for t in thresholds]
    counts = [len(coverage.units) for coverage in coverages]
    assert counts == sorted(counts)
    assert counts[0] < counts[-1]
    assert [coverage.threshold for coverage in coverages] == list(thresholds)
    # At 0.5 even the Post's letter, worded differently by each outlet, falls apart.
    letter = [
        units_with(coverage, demo_event, "sent a letter to Russian", "Reference Dispatch")[0]
        for coverage in coverages
    ]
    assert len(letter[1].outlets) == 6
    assert len(letter[-1].outlets) < 6


def test_the_default_threshold_is_recorded(demo_coverage: Coverage) -> None:
    assert demo_coverage.threshold == DEFAULT_THRESHOLD


# --- short sentences, limits, bad input -------------------------------------------------------


def test_short_sentences_are_skipped() -> None:
    coverage = align_content(
        [
            event_article("A", "a", "CARACAS", LETTER_A, "Read more"),
            event_article("B", "b", LETTER_B),
        ]
    )
    assert coverage.skipped == (("A", "a", 0), ("A", "a", 2))
    assert [unit.sentences for unit in coverage.units] == [(("A", "a", 1), ("B", "b", 0))]


def test_an_empty_event_has_no_units() -> None:
    assert align_content([]) == Coverage((), (), DEFAULT_THRESHOLD)


def test_an_outlet_with_only_short_sentences_still_counts() -> None:
    coverage = align_content(
        [
            event_article("A", "a", LETTER_A),
            event_article("B", "b", LETTER_B),
            event_article("C", "c", "Read more"),
        ]
    )
    assert coverage.outlets == ("A", "B", "C")
    assert [unit.outlets for unit in coverage.alone_omits("C")] == [("A", "B")]


def test_too_many_sentences_is_an_error(demo_event: list[EventArticle]) -> None:
    with pytest.raises(ValueError, match=r"sentences to align, more than max_sentences=100"):
        align_content(demo_event, max_sentences=100)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threshold": 0.0}, r"threshold must be a number in \(0, 1\]; got 0.0"),
        ({"threshold": 1.5}, r"threshold must be a number in \(0, 1\]; got 1.5"),
        ({"min_words": 0}, r"min_words must be an integer >= 1; got 0"),
        ({"max_sentences": 0}, r"max_sentences must be an integer >= 1; got 0"),
    ],
)
def test_bad_options_are_errors(
    small_event: list[EventArticle], options: dict[str, float], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        align_content(small_event, **options)  # type: ignore[arg-type]


def test_the_same_article_twice_is_an_error(small_event: list[EventArticle]) -> None:
    with pytest.raises(ValueError, match=r"two articles of 'A' share the key 'a1'"):
        align_content([*small_event, small_event[0]])
