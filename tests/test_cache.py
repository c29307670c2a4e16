"""The analysis cache: exact round trips, hits without analysing, misses on any change."""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import pickle
import sqlite3
import subprocess
import sys
import zlib
from collections import Counter
from dataclasses import replace
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.actors.actor_list import ActorList, ListedActor
from framing.aggregate import CorpusAggregate
from framing.analysers import ArticleAnalysis, analyse
from framing.analysers.lexicon import Cue, Lexicon
from framing.article import Article
from framing.cache import (
    DATABASE,
    AnalysisCache,
    CacheError,
    cached_analyser,
    decode_analysis,
    encode_analysis,
    options_fingerprint,
)
from framing.compare import compare
from framing.corpus import load_corpus
from framing.pipeline import AnalysisOptions, make_analyser
from framing.render.json import comparison_to_json
from framing.sentiment import load_target_sentiment
from tests.conftest import REFERENCE_PASSAGE


@pytest.fixture(scope="module")
def corpus(demo_path):
    return load_corpus(demo_path)


@pytest.fixture(scope="module")
def analyser():
    return make_analyser(AnalysisOptions())


@pytest.fixture(scope="module")
def analyses(corpus, analyser):
    return [analyser(article) for article in corpus.articles]


@pytest.fixture(scope="module")
def fingerprint():
    return options_fingerprint(AnalysisOptions())


class Counting:
    """An analyser that counts its calls."""

    def __init__(self, analyser):
        self.analyser = analyser
        self.calls = 0

    def __call__(self, article):
        self.calls += 1
        return self.analyser(article)


def compressed(value) -> bytes:
    """JSON values as an entry's bytes."""
    return zlib.compress(json.dumps(value).encode())


def same_types(x, y) -> bool:
    """Equal types all the way down: tuples stay tuples, Counters Counters, floats floats."""
    if type(x) is not type(y):
        return False
    if dataclasses.is_dataclass(x):
        return all(
            same_types(getattr(x, f.name), getattr(y, f.name)) for f in dataclasses.fields(x)
        )
    if isinstance(x, (tuple, list)):
        return all(same_types(a, b) for a, b in zip(x, y, strict=True))
    if isinstance(x, dict):
        return list(x) == list(y) and all(same_types(x[k], y[k]) for k in x)
    return True


def floats(value) -> list[str]:
    """Every float in an analysis, as its exact hex form."""
    if isinstance(value, float):
        return [value.hex()]
    if dataclasses.is_dataclass(value):
        return [h for f in dataclasses.fields(value) for h in floats(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [h for item in value for h in floats(item)]
    if isinstance(value, dict):
        return [h for item in value.values() for h in floats(item)]
    return []


def test_round_trip_rebuilds_every_demo_analysis_exactly(corpus, analyses):
    assert any(analysis.mentions for analysis in analyses)
    assert any(analysis.attributions for analysis in analyses)
    for article, analysis in zip(corpus.articles, analyses, strict=True):
        decoded = decode_analysis(encode_analysis(analysis), article)
        assert decoded == analysis
        assert same_types(decoded, analysis)
        assert isinstance(decoded.word_counts, Counter)
        assert floats(decoded) == floats(analysis)
        assert list(decoded.word_counts) == list(analysis.word_counts)  # order breaks ties


def test_decoded_analysis_takes_the_article_it_is_given(corpus, analyses):
    moved = replace(corpus.articles[0], event="later-event", id="elsewhere")
    decoded = decode_analysis(encode_analysis(analyses[0]), moved)
    assert decoded.article is moved
    assert decoded == replace(analyses[0], article=moved)


def one_by_one(analyser):
    """A batch analyser (`cached_analyser` takes one) that calls ``analyser`` per article."""
    return lambda articles: [analyser(article) for article in articles]


def test_second_pass_is_all_hits_and_does_not_analyse(tmp_path, corpus, analyser, fingerprint):
    first = Counting(analyser)
    with AnalysisCache(tmp_path, fingerprint) as cache:
        fresh = cached_analyser(one_by_one(first), cache)(corpus.articles)
    assert (first.calls, cache.misses, cache.hits, cache.written) == (6, 6, 0, 6)
    second = Counting(analyser)
    with AnalysisCache(tmp_path, fingerprint) as cache:
        again = cached_analyser(one_by_one(second), cache)(corpus.articles)
    assert (second.calls, cache.hits, cache.misses, cache.written) == (0, 6, 0, 0)
    assert again == fresh


def test_an_entry_is_found_before_it_is_flushed(tmp_path, analyses, fingerprint):
    with AnalysisCache(tmp_path, fingerprint) as cache:
        cache.put(analyses[0])
        assert cache.get(analyses[0].article) == analyses[0]
        assert cache.written == 0


def test_a_new_event_is_still_a_hit(tmp_path, corpus, analyses, fingerprint):
    with AnalysisCache(tmp_path, fingerprint) as cache:
        cache.put(analyses[0])
    regrouped = replace(corpus.articles[0], event="event-7")
    with AnalysisCache(tmp_path, fingerprint) as cache:
        found = cache.get(regrouped)
    assert found is not None
    assert found.article.event == "event-7"


def test_other_options_miss(tmp_path, corpus, analyses, fingerprint):
    other = options_fingerprint(AnalysisOptions(exclude_quotes=True))
    assert other != fingerprint
    with AnalysisCache(tmp_path, fingerprint) as cache:
        for analysis in analyses:
            cache.put(analysis)
    with AnalysisCache(tmp_path, other) as cache:
        assert all(cache.get(article) is None for article in corpus.articles)
    assert (cache.hits, cache.misses) == (0, 6)


def test_changed_text_misses_only_that_article(tmp_path, corpus, analyser, fingerprint):
    articles = list(corpus.articles)
    with AnalysisCache(tmp_path, fingerprint) as cache:
        cached_analyser(one_by_one(analyser), cache)(articles)
    articles[2] = replace(articles[2], text=articles[2].text + " A new closing sentence.")
    counting = Counting(analyser)
    with AnalysisCache(tmp_path, fingerprint) as cache:
        results = cached_analyser(one_by_one(counting), cache)(articles)
    assert (counting.calls, cache.hits, cache.misses) == (1, 5, 1)
    assert results[2].article is articles[2]
    assert results[2].sentences[-1] == "A new closing sentence."


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"not zlib at all",
        lambda data: data[: len(data) // 2],
        lambda data: zlib.compress(b"[1, 2, 3]"),
        lambda data: zlib.compress(b"{"),
        lambda data: compressed([*json.loads(zlib.decompress(data))[:-1], 1]),
        lambda data: "a text value",
        lambda data: 42,
    ],
    ids=["garbage", "truncated", "wrong-shape", "bad-json", "last-field", "text", "integer"],
)
def test_a_corrupt_entry_is_a_miss_and_is_overwritten(
    tmp_path, corpus, analyser, fingerprint, damage
):
    article = corpus.articles[0]
    with AnalysisCache(tmp_path, fingerprint) as cache:
        cached_analyser(one_by_one(analyser), cache)([article])
    with sqlite3.connect(tmp_path / DATABASE) as db:
        (data,) = db.execute("SELECT data FROM analyses").fetchone()
        db.execute("UPDATE analyses SET data = ?", (damage(data),))
    db.close()
    counting = Counting(analyser)
    with AnalysisCache(tmp_path, fingerprint) as cache:
        assert cached_analyser(one_by_one(counting), cache)([article])[0].article is article
    assert (counting.calls, cache.misses, cache.written) == (1, 1, 1)
    with AnalysisCache(tmp_path, fingerprint) as cache:
        assert cache.get(article) is not None


def test_decoding_refuses_what_is_not_an_analysis(monkeypatch, corpus, analyses):
    article = corpus.articles[0]
    with pytest.raises(ValueError, match="not a cached analysis"):
        decode_analysis(b"\x00\x01", article)
    with pytest.raises(ValueError, match="expected a list of 9 items"):
        decode_analysis(zlib.compress(b"[]"), article)
    entry = json.loads(zlib.decompress(encode_analysis(analyses[0])))
    entry[1] = True  # n_words
    with pytest.raises(ValueError, match="expected int, got bool"):
        decode_analysis(compressed(entry), article)
    entry[1] = 3
    entry[3][1][0] = 1  # a frame weight, written as an int
    with pytest.raises(ValueError, match="expected float, got int"):
        decode_analysis(compressed(entry), article)
    with pytest.raises(ValueError, match=r"not a cached analysis: .*recursion"):
        decode_analysis(zlib.compress(b"[" * 100_000), article)
    monkeypatch.setattr("framing.cache._MAX_ENTRY_BYTES", 1000)
    with pytest.raises(ValueError, match="larger than the entry limit"):
        decode_analysis(zlib.compress(b" " * 1001), article)


ARTICLE = Article("a1", "Wire", "Maduro under pressure", REFERENCE_PASSAGE)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=10) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=40,
)


@lru_cache(maxsize=1)
def reference_entry() -> list:
    """A real entry, as JSON values, with mentions, attributions and frame cues."""
    analysis = analyse(ARTICLE, sentiment=load_target_sentiment())
    return json.loads(zlib.decompress(encode_analysis(analysis)))


@settings(max_examples=300, deadline=None)
@given(
    bytes_or_json=st.one_of(st.binary(max_size=200), JSON.map(compressed)),
    field=st.integers(0, 8),
    value=JSON,
)
def test_decoding_damaged_data_raises_only_value_error(bytes_or_json, field, value):
    entry = list(reference_entry())
    entry[field] = value
    for data in (bytes_or_json, compressed(entry)):
        try:
            decoded = decode_analysis(data, ARTICLE)
        except ValueError:
            continue
        assert isinstance(decoded, ArticleAnalysis)


def _write_all(start, folder, fingerprint, analyses, rounds):
    """In a child process: once both have started, write every analysis, one transaction per
    round."""
    start.wait()
    with AnalysisCache(folder, fingerprint) as cache:
        for _ in range(rounds):
            for analysis in analyses:
                cache.put(analysis)
            cache.flush()


def test_two_processes_write_one_folder(tmp_path, corpus, analyses, fingerprint):
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    writers = [
        context.Process(target=_write_all, args=(start, tmp_path, fingerprint, part, 100))
        for part in (analyses, analyses[::-1])
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    assert [writer.exitcode for writer in writers] == [0, 0]
    with AnalysisCache(tmp_path, fingerprint) as cache:
        found = [cache.get(article) for article in corpus.articles]
    assert found == analyses
    assert cache.hits == 6


def test_cached_analyses_aggregate_exactly_like_fresh_ones(tmp_path, corpus, analyses, fingerprint):
    from tests.test_aggregate import equal

    with AnalysisCache(tmp_path, fingerprint) as cache:
        for analysis in analyses:
            cache.put(analysis)
    fresh = CorpusAggregate(AnalysisOptions().categories(), seed=3, replicates=200)
    cached = CorpusAggregate(AnalysisOptions().categories(), seed=3, replicates=200)
    with AnalysisCache(tmp_path, fingerprint) as cache:
        for article, analysis in zip(corpus.articles, analyses, strict=True):
            fresh.add(analysis)
            cached.add(cache.get(article))
    assert equal(fresh.groups, cached.groups)
    assert equal(fresh.actors, cached.actors)
    assert comparison_to_json(compare(fresh, corpus.accounting)) == comparison_to_json(
        compare(cached, corpus.accounting)
    )


def test_fingerprint_follows_what_changes_an_analysis(fingerprint):
    def listed(source):
        return ActorList((ListedActor("Nicolás Maduro", ("Maduro",), "person"),), source)

    lexicon = Lexicon([Cue("economic", "oil", 1.0)], name="mine")
    renamed = Lexicon([Cue("economic", "oil", 1.0)], name="renamed")
    heavier = Lexicon([Cue("economic", "oil", 2.0)], name="mine")
    prints = {
        "quotes": options_fingerprint(AnalysisOptions(exclude_quotes=True)),
        "no actors": options_fingerprint(AnalysisOptions(find_actors=False)),
        "actor list": options_fingerprint(AnalysisOptions(actors=listed("a.toml"))),
        "lexicon": options_fingerprint(AnalysisOptions(lexicon=lexicon)),
        "heavier": options_fingerprint(AnalysisOptions(lexicon=heavier)),
    }
    assert len({fingerprint, *prints.values()}) == 6
    assert options_fingerprint(AnalysisOptions(actors=listed("b.yaml"))) == prints["actor list"]
    assert options_fingerprint(AnalysisOptions(lexicon=renamed)) == prints["lexicon"]
    assert options_fingerprint(AnalysisOptions(frame_model_name="other")) == fingerprint


def test_fingerprint_is_the_same_in_another_process(monkeypatch):
    code = (
        "from framing.cache import _package_digest, options_fingerprint\n"
        "from framing.pipeline import AnalysisOptions\n"
        "print(_package_digest(), options_fingerprint(AnalysisOptions()))"
    )
    package, found = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "1"},
    ).stdout.split()
    # Other files of a source checkout may change between two runs; the rest may not.
    monkeypatch.setattr("framing.cache._package_digest", lambda: package)
    assert options_fingerprint(AnalysisOptions()) == found


def test_a_cache_pickles_as_its_folder_and_fingerprint(tmp_path, analyses, fingerprint):
    with AnalysisCache(tmp_path, fingerprint) as cache:
        cache.put(analyses[0])
        copy = pickle.loads(pickle.dumps(cache))
    with copy:
        assert (copy.folder, copy.fingerprint) == (tmp_path, fingerprint)
        assert copy.get(analyses[0].article) == analyses[0]


def test_a_folder_that_is_not_a_cache_is_refused(tmp_path, fingerprint):
    (tmp_path / DATABASE).write_bytes(b"this is not an SQLite database" * 100)
    with pytest.raises(CacheError, match=r"analyses\.sqlite: cannot open the analysis cache"):
        AnalysisCache(tmp_path, fingerprint)
