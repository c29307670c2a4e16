"""Grouping articles into events: same story across outlets, by text and date."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest

from framing.article import Article
from framing.corpus import load_corpus
from framing.events import group_events

# Two stories, each told by three outlets in their own words (written for these tests).
QUAKE = [
    (
        "Strong earthquake strikes southern Peru, damaging homes in Arequipa",
        "A magnitude 7.1 earthquake struck southern Peru on Tuesday, damaging hundreds of homes "
        "in Arequipa and cutting power to parts of the city, Peru's geophysical institute said. "
        "Rescue teams searched collapsed adobe houses in the Andean region.",
    ),
    (
        "Peru quake: Arequipa residents sleep outdoors after magnitude 7.1 tremor",
        "Residents of Arequipa spent the night outdoors after a magnitude 7.1 earthquake shook "
        "southern Peru, the geophysical institute said. Adobe homes collapsed, rescue teams "
        "searched the rubble and power was cut in several districts as aftershocks continued.",
    ),
    (
        "Deadly earthquake hits Arequipa region of Peru",
        "At least four people died when an earthquake of magnitude 7.1 hit the Arequipa region "
        "of southern Peru, the geophysical institute reported. Rescue crews worked through "
        "collapsed homes and the power grid failed across the city.",
    ),
]
OPEC = [
    (
        "OPEC+ agrees surprise oil output cut, prices jump",
        "OPEC+ producers agreed on Sunday to cut crude output by one million barrels a day from "
        "May, sending Brent prices up more than five percent as Saudi Arabia led the group.",
    ),
    (
        "Saudi-led OPEC+ cuts production by one million barrels, Brent surges",
        "Saudi Arabia and its OPEC+ partners announced a cut in crude production of one million "
        "barrels per day, and Brent crude surged as traders priced tighter supply from May.",
    ),
    (
        "Oil prices soar after OPEC+ output cut",
        "Brent crude prices soared after OPEC+ said it would reduce oil output by a million "
        "barrels a day starting in May, a decision driven by Saudi Arabia.",
    ),
]
OUTLETS = ("Andes Daily", "Pacific Wire", "Capital Ledger")
DAY = date(2024, 4, 2)


def story(texts, name, day=DAY):
    return [
        Article(f"{name}-{i}", outlet, title, text, date=day + timedelta(days=i % 2))
        for i, ((title, text), outlet) in enumerate(zip(texts, OUTLETS, strict=True))
    ]


def members(grouping):
    return sorted(sorted(m.id for m in event.articles) for event in grouping.events)


def test_two_stories_from_three_outlets_become_two_events():
    grouping = group_events(story(QUAKE, "quake") + story(OPEC, "opec"))
    assert members(grouping) == [
        ["opec-0", "opec-1", "opec-2"],
        ["quake-0", "quake-1", "quake-2"],
    ]
    for event in grouping.events:
        assert event.outlets == tuple(sorted(OUTLETS))
        assert event.label in {m.title for m in event.articles}
        assert event.start == DAY and event.end == DAY + timedelta(days=1)
    opec = next(e for e in grouping.events if e.articles[0].id.startswith("opec"))
    assert {"opec", "output"} <= set(opec.keywords)


def test_articles_far_apart_in_time_are_not_one_event_unless_the_window_allows():
    later = story(QUAKE, "again", day=DAY + timedelta(days=30))
    apart = group_events(story(QUAKE, "quake") + later, window_days=3)
    assert len(apart.events) == 2
    together = group_events(story(QUAKE, "quake") + later, window_days=40)
    assert len(together.events) == 1


def test_undated_articles_are_grouped_on_text_and_counted():
    undated = [replace(article, date=None) for article in story(QUAKE, "q") + story(OPEC, "o")]
    grouping = group_events(undated)
    assert grouping.undated == 6
    assert members(grouping) == [["o-0", "o-1", "o-2"], ["q-0", "q-1", "q-2"]]
    assert all(event.start is None for event in grouping.events)


def test_grouping_does_not_depend_on_input_order():
    articles = story(QUAKE, "quake") + story(OPEC, "opec") + load_corpus_articles()
    first = group_events(articles)
    shuffled = articles[:]
    random.Random(4).shuffle(shuffled)
    again = group_events(shuffled)
    assert [(e.id, e.label, e.articles) for e in first.events] == [
        (e.id, e.label, e.articles) for e in again.events
    ]


def load_corpus_articles():
    from framing.demo import demo_corpus_path

    return load_corpus(demo_corpus_path()).articles


def test_a_higher_threshold_never_gives_fewer_events():
    articles = story(QUAKE, "quake") + story(OPEC, "opec") + load_corpus_articles()
    counts = [len(group_events(articles, threshold=t).events) for t in (0.1, 0.2, 0.4, 0.8)]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    assert counts[-1] == len(articles)  # at 0.8 every article stays alone


def test_the_demo_event_holds_most_demo_outlets():
    grouping = group_events(load_corpus_articles())
    assert len(grouping.events[0].outlets) >= 5


def test_only_articles_within_the_window_are_compared():
    articles = [
        replace(article, text=f"{article.text} Report {k}.", date=DAY + timedelta(days=10 * k))
        for k in range(20)
        for article in story(QUAKE if k % 2 else OPEC, f"s{k}")
    ]
    grouping = group_events(articles, window_days=3)
    n = len(articles)
    assert grouping.candidate_pairs < n * (n - 1) / 2 / 10
    assert len(grouping.events) == 20


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="threshold"):
        group_events(story(QUAKE, "q"), threshold=0)
    with pytest.raises(ValueError, match="window"):
        group_events(story(QUAKE, "q"), window_days=-1)


def test_no_articles_give_no_events():
    assert group_events([]).events == ()


def test_a_chain_of_articles_does_not_stretch_an_event_far_beyond_the_window():
    days = [DAY + timedelta(days=2 * k) for k in range(4)]  # 0, 2, 4, 6 days: a chain
    title, text = QUAKE[0]
    articles = [
        Article(f"q{k}", OUTLETS[k % 3], title, f"{text} Update {k}.", date=day)
        for k, day in enumerate(days)
    ]
    grouping = group_events(articles, window_days=3)
    for event in grouping.events:
        assert (event.end - event.start).days <= 3


# Memory: what grouping keeps per article, and that keeping it compactly changes nothing.


def test_term_counts_decode_to_the_tfidf_rows_of_the_whole_corpus():
    from scipy.sparse import vstack
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

    from framing._event_vectors import N_FEATURES, TermCounts

    texts = [f"{title}\n{title}\n{text}" for title, text in QUAKE + OPEC] + ["", "the of"]
    counts = TermCounts(background=1_000)
    counts.add(texts[:4])
    counts.add(texts[4:])
    counts.finish()
    hasher = HashingVectorizer(
        n_features=N_FEATURES,
        stop_words=sorted(ENGLISH_STOP_WORDS),
        alternate_sign=False,
        norm=None,
    )
    full = vstack([hasher.transform(texts[:4]), hasher.transform(texts[4:])]).tocsr()
    full.data = 1.0 + np.log(full.data)
    frequency = np.bincount(full.indices, minlength=N_FEATURES)
    full.data *= np.log((1.0 + len(texts) + 1_000) / (1.0 + frequency[full.indices])) + 1.0
    norms = np.sqrt(np.asarray(full.multiply(full).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    full.data /= np.repeat(norms, np.diff(full.indptr))
    which = np.array([7, 0, 3, 3, 6])
    decoded = counts.rows(which)
    assert (decoded != full[which]).nnz == 0  # the same values, not merely close
    # 4 bytes a distinct word, 16 an article, beyond the fixed per-feature arrays
    fixed = counts.nbytes - 4 * full.nnz - 16 * len(texts)
    assert 0 <= fixed <= 8 * N_FEATURES + 8 * 4_096 + 8


def test_a_word_counted_more_than_the_cap_keeps_its_feature():
    from framing._event_vectors import MAX_COUNT, TermCounts
    from framing.events import _feature

    counts = TermCounts(background=0)
    counts.add([" ".join(["quake"] * (MAX_COUNT + 500) + ["arequipa"]), "quake arequipa"])
    counts.finish()
    rows = counts.rows(np.array([0, 1]))
    features = sorted([_feature("quake"), _feature("arequipa")])
    assert rows[0].indices.tolist() == rows[1].indices.tolist() == features
    assert np.isfinite(rows.data).all()
    quake = features.index(_feature("quake"))
    assert rows[0].data[quake] > rows[1].data[quake]  # capped, still the heavier


def test_small_blocks_find_the_same_events_and_count_the_same_pairs(monkeypatch):
    import framing.events as events

    articles = story(QUAKE, "quake") + story(OPEC, "opec") + load_corpus_articles()
    undated = [replace(a, date=None) if i % 3 == 0 else a for i, a in enumerate(articles)]
    before = group_events(undated)
    monkeypatch.setattr(events, "_BLOCK_CELLS", 7)
    monkeypatch.setattr(events, "_UNDATED_ROWS", 3)
    monkeypatch.setattr(events, "_DESCRIBE_ROWS", 2)
    after = group_events(undated)
    assert after == before
    assert after.undated == sum(a.date is None for a in undated)
    days = [a.date for a in undated]
    assert after.candidate_pairs == sum(
        first is None or second is None or abs((first - second).days) <= 3
        for i, first in enumerate(days)
        for second in days[i + 1 :]
    )
    everything = group_events([replace(a, date=None) for a in articles])
    n = len(articles)
    assert everything.candidate_pairs == n * (n - 1) // 2  # each pair once


def test_members_keep_what_the_articles_said():
    class OwnKey(Article):
        @property
        def content_key(self):
            return f"own key of {self.id}"

    articles = story(QUAKE, "quake") + story(OPEC, "opec")
    articles[0] = OwnKey(**{f: getattr(articles[0], f) for f in ("id", "outlet", "title", "text")})
    grouping = group_events(articles)
    found = {member.id: member for event in grouping.events for member in event.articles}
    for article in articles:
        member = found[article.id]
        assert (member.outlet, member.title, member.date, member.key) == (
            article.outlet,
            article.title,
            article.date,
            article.content_key,
        )
    assert grouping.event_of()["own key of quake-0"] == grouping.event_of()[articles[1].content_key]
