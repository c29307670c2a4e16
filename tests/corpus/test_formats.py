"""JSON Lines, JSON and CSV corpora, field mapping, and folders mixing formats."""

from __future__ import annotations

import json

import pytest

from framing import load_corpus
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE, write

RECORDS = [
    {
        "id": "r1",
        "outlet": "Orinoco Sentinel",
        "title": "Sovereignty first",
        "text": MILITARY_PASSAGE,
        "date": "2025-11-03",
        "event": "maduro-russia",
    },
    {
        "id": "r2",
        "outlet": "Liberty Ledger",
        "title": "A fugitive",
        "text": REFERENCE_PASSAGE,
        "date": "2025-11-02T08:00:00Z",
        "event": "maduro-russia",
        "author": "Desk",
    },
]


def test_jsonl(tmp_path):
    path = write(tmp_path / "c.jsonl", "\n".join(json.dumps(r) for r in RECORDS) + "\n")
    corpus = load_corpus(path)
    assert [a.id for a in corpus] == ["r1", "r2"]
    assert corpus.articles[1].date.isoformat() == "2025-11-02"
    assert corpus.articles[1].meta == {"author": "Desk"}
    assert corpus.accounting.loaded == 2 and not corpus.accounting.skipped


@pytest.mark.parametrize(
    "document",
    [RECORDS, {"articles": RECORDS}],
    ids=["list", "object-with-list"],
)
def test_json_list(tmp_path, document):
    corpus = load_corpus(write(tmp_path / "c.json", json.dumps(document)))
    assert [a.outlet for a in corpus] == ["Orinoco Sentinel", "Liberty Ledger"]


def test_json_single_article_object(tmp_path):
    corpus = load_corpus(write(tmp_path / "one.json", json.dumps(RECORDS[0])))
    assert [a.title for a in corpus] == ["Sovereignty first"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters(tmp_path, delimiter):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=["id", "outlet", "title", "text"], delimiter=delimiter
    )
    writer.writeheader()
    for record in RECORDS:
        writer.writerow({k: record[k] for k in ("id", "outlet", "title", "text")})
    corpus = load_corpus(write(tmp_path / "c.csv", buffer.getvalue()))
    assert [a.text for a in corpus] == [MILITARY_PASSAGE, REFERENCE_PASSAGE]


def test_field_mapping_reads_other_names(tmp_path):
    records = [
        {"body": r["text"], "media_name": r["outlet"], "headline": r["title"]} for r in RECORDS
    ]
    path = write(tmp_path / "c.jsonl", "\n".join(json.dumps(r) for r in records))
    corpus = load_corpus(path, fields={"text": "body", "outlet": "media_name"})
    assert [a.outlet for a in corpus] == ["Orinoco Sentinel", "Liberty Ledger"]
    assert [a.title for a in corpus] == ["Sovereignty first", "A fugitive"]  # common alias
    assert corpus.accounting.warnings == {}


def test_unknown_mapping_field_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown article field 'body'"):
        load_corpus(tmp_path, fields={"body": "text"})


def test_record_without_outlet_takes_folder_name_with_a_warning(tmp_path):
    path = write(tmp_path / "Andean Horizon" / "c.jsonl", json.dumps({"text": MILITARY_PASSAGE}))
    corpus = load_corpus(path)
    assert corpus.articles[0].outlet == "Andean Horizon"
    assert corpus.accounting.warnings["no outlet"].count == 1


def test_folder_mixing_formats_reads_all_recursively_in_order(tmp_path):
    write(tmp_path / "a" / "one.txt", "Title one\n" + MILITARY_PASSAGE)
    write(tmp_path / "b" / "deep" / "two.jsonl", json.dumps(RECORDS[1]))
    write(tmp_path / "c.json", json.dumps([RECORDS[0]]))
    write(tmp_path / "d.csv", "title,text,outlet\nCSV title,Some text here.,CSV Outlet\n")
    write(tmp_path / "notes.md", "# not a corpus file")
    write(tmp_path / ".hidden" / "x.txt", "ignored\nhidden folder")
    corpus = load_corpus(tmp_path)
    assert [a.source for a in corpus] == ["a/one.txt", "b/deep/two.jsonl:1", "c.json:#1", "d.csv:2"]
    assert [s.source for s in corpus.accounting.skipped] == ["notes.md"]
    assert "not a corpus file type (.md)" in corpus.accounting.skipped[0].reason


def test_exact_duplicates_are_merged_and_counted(tmp_path):
    line = json.dumps(RECORDS[0])
    write(tmp_path / "c.jsonl", f"{line}\n{line}\n")
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 1
    assert corpus.accounting.duplicates == 1
    assert corpus.accounting.merged[0].source == "c.jsonl:2"
    assert corpus.accounting.to_dict()["duplicates"] == 1


def test_repeated_id_with_other_text_is_kept_under_a_new_id(tmp_path):
    first = dict(RECORDS[0], id="7")
    second = dict(RECORDS[1], id="7")
    write(tmp_path / "c.jsonl", json.dumps(first) + "\n" + json.dumps(second))
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus] == ["7", "7@c.jsonl:2"]
