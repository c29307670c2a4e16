"""Plain-text articles: header blocks, titles, outlets from folders."""

from __future__ import annotations

from datetime import date

from framing import load_corpus
from framing.corpus.txt import split_header
from tests.conftest import REFERENCE_PASSAGE, write


def test_header_block_sets_fields_and_keeps_other_keys_as_meta(tmp_path):
    write(
        tmp_path / "wire" / "a.txt",
        "title: Maduro seeks Russian help\noutlet: Northgate Wire\ndate: 2025-11-02\n"
        "url: https://example.org/a\nevent: maduro-russia\nnote: written for a test\n\n"
        + REFERENCE_PASSAGE,
    )
    corpus = load_corpus(tmp_path)
    [article] = corpus.articles
    assert article.title == "Maduro seeks Russian help"
    assert article.outlet == "Northgate Wire"
    assert article.date == date(2025, 11, 2)
    assert article.url == "https://example.org/a"
    assert article.event == "maduro-russia"
    assert article.meta == {"note": "written for a test"}
    assert article.text == REFERENCE_PASSAGE
    assert corpus.accounting.warnings == {}


def test_without_header_first_line_is_title_and_folder_is_outlet(tmp_path):
    write(
        tmp_path / "Caracas Daily" / "b.txt", "Rubio calls Maduro a fugitive\n" + REFERENCE_PASSAGE
    )
    [article] = load_corpus(tmp_path).articles
    assert article.title == "Rubio calls Maduro a fugitive"
    assert article.outlet == "Caracas Daily"
    assert article.text.startswith("US officials have referenced")
    assert article.id == "Caracas Daily/b.txt"


def test_dateline_with_colon_is_not_a_header():
    text = "CARACAS: Maduro has reportedly requested assistance.\n\nMore text."
    assert split_header(text) == ({}, text)


def test_header_without_title_takes_first_body_line(tmp_path):
    write(tmp_path / "x" / "c.txt", "outlet: Liberty Ledger\n\nHeadline here\nBody sentence.")
    [article] = load_corpus(tmp_path).articles
    assert (article.outlet, article.title, article.text) == (
        "Liberty Ledger",
        "Headline here",
        "Body sentence.",
    )
