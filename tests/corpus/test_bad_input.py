"""Bad inputs are skipped with their place and reason, or fail loudly under strict."""

from __future__ import annotations

import json

import pytest

from framing import CorpusError, load_corpus
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE, write


def reasons(corpus):
    return {s.source: s.reason for s in corpus.accounting.skipped}


def test_empty_file_is_skipped(tmp_path):
    write(tmp_path / "o" / "empty.txt", "")
    write(tmp_path / "o" / "blank.jsonl", "\n\n")
    write(tmp_path / "o" / "good.txt", "Title\n" + MILITARY_PASSAGE)
    corpus = load_corpus(tmp_path)
    assert reasons(corpus) == {"o/blank.jsonl": "empty file", "o/empty.txt": "empty file"}
    assert corpus.accounting.loaded == 1


def test_binary_file_is_skipped(tmp_path):
    write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    write(tmp_path / "data.jsonl", b"\x00\x01\x02binary")
    corpus = load_corpus(tmp_path)
    assert reasons(corpus) == {
        "image.txt": "binary file (contains NUL bytes), not text",
        "data.jsonl": "binary file (contains NUL bytes), not text",
    }


def test_invalid_json_line_among_good_lines(tmp_path):
    good = json.dumps({"outlet": "A", "text": MILITARY_PASSAGE})
    other = json.dumps({"outlet": "B", "text": REFERENCE_PASSAGE})
    write(tmp_path / "c.jsonl", f'{good}\n{{"outlet": "A", "text": \n{other}\n[1, 2]\n')
    corpus = load_corpus(tmp_path)
    assert corpus.accounting.loaded == 2
    skipped = reasons(corpus)
    assert skipped["c.jsonl:2"].startswith("invalid JSON (Expecting value")
    assert skipped["c.jsonl:4"] == "a JSON list, not an object with article fields"
    assert corpus.accounting.total == 4


def test_invalid_json_file_names_the_line(tmp_path):
    write(tmp_path / "c.json", '[{"text": "a"},\n {"text": ]')
    corpus = load_corpus(tmp_path)
    [(source, reason)] = reasons(corpus).items()
    assert source == "c.json:2"
    assert "the whole file was not read" in reason


def test_csv_without_text_column_is_skipped_with_its_columns(tmp_path):
    write(tmp_path / "c.csv", "headline,source\nMaduro seeks help,Wire\nSecond,Wire\n")
    corpus = load_corpus(tmp_path)
    reason = reasons(corpus)["c.csv"]
    assert "no text column" in reason
    assert "'headline', 'source'" in reason
    assert "2 rows not read" in reason
    assert "--field text=COLUMN" in reason


def test_csv_row_with_wrong_field_count_is_skipped(tmp_path):
    write(tmp_path / "c.csv", "outlet,text\nA,First text.\nB,Second,extra\nC,Third text.\n")
    corpus = load_corpus(tmp_path)
    assert [a.outlet for a in corpus] == ["A", "C"]
    assert reasons(corpus) == {"c.csv:3": "row has 3 fields, the header has 2"}


def test_empty_text_record_is_skipped(tmp_path):
    write(tmp_path / "c.jsonl", json.dumps({"outlet": "A", "text": "  "}))
    assert reasons(load_corpus(tmp_path)) == {"c.jsonl:1": "empty text in field 'text'"}


def test_latin1_file_is_decoded_with_a_warning(tmp_path):
    text = "title: Caracas\noutlet: Andean Horizon Review\n\nNicolás Maduro pidió ayuda a Rusia."
    write(tmp_path / "o" / "latin1.txt", text.encode("latin-1"))
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].text == "Nicolás Maduro pidió ayuda a Rusia."
    warning = corpus.accounting.warnings["encoding fallback"]
    assert warning.example.source == "o/latin1.txt"
    assert "decoded as cp1252" in warning.example.message


def test_utf8_bom_is_removed(tmp_path):
    write(tmp_path / "o" / "bom.txt", "\ufefftitle: T\noutlet: O\n\nBody text.".encode())
    [article] = load_corpus(tmp_path).articles
    assert (article.title, article.outlet) == ("T", "O")


def test_strict_raises_at_first_skip(tmp_path):
    write(tmp_path / "c.jsonl", json.dumps({"text": "ok", "outlet": "A"}) + "\nnot json\n")
    with pytest.raises(CorpusError, match=r"c.jsonl:2: invalid JSON .*--strict"):
        load_corpus(tmp_path, strict=True)


def test_missing_path_raises(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nowhere")
