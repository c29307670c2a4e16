"""The shipped demo corpus: one event, five or more fictional outlets, each article marked."""

from __future__ import annotations

from framing import load_corpus


def test_demo_loads_cleanly_with_at_least_five_outlets(demo_path):
    corpus = load_corpus(demo_path, strict=True)
    assert len({a.outlet for a in corpus}) >= 5
    assert corpus.accounting.warnings == {}
    assert {a.event for a in corpus} == {"maduro-russia-support-2025"}


def test_every_demo_article_says_how_it_was_made(demo_path):
    for article in load_corpus(demo_path):
        note = article.meta["note"]
        assert "framing demo" in note
        assert "fictional outlet" in note


def test_demo_articles_are_substantial_and_distinct(demo_path):
    corpus = load_corpus(demo_path)
    assert all(len(a.text.split()) >= 300 for a in corpus)
    assert len({a.title for a in corpus}) == len(corpus)
