"""The broken test corpus (tests/data/broken/): every hostile input accounted for, exactly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from framing import CorpusError, load_corpus
from framing.corpus import MAX_RECORD_BYTES

BROKEN = Path(__file__).parent.parent / "data" / "broken"

EXPECTED_SKIPPED = {
    "binary.txt": "binary file (contains NUL bytes), not text",
    "empty.txt": "empty file",
    "empty_text.jsonl:1": "empty text in field 'text'",
    "invalid_line.jsonl:2": "invalid JSON (Invalid control character at column 36)",
    "notes.rtf": (
        "not a corpus file type (.rtf); read: .csv, .json, .jsonl, .ndjson, .parquet, .tsv, .txt"
    ),
    "oversized.jsonl:2": (
        f"record over 10 MB ({MAX_RECORD_BYTES + 1} bytes); raise the limit with --max-record-bytes"
    ),
    "ragged.csv:3": "row has 4 fields, the header has 3",
    "truncated.json:3": (
        "invalid JSON (Unterminated string starting at column 23); the whole file was not read"
    ),
}
EXPECTED_LOADED = {
    # source: (outlet, title)
    "cp1252.txt": ("broken", "Caracas responds"),
    "invalid_line.jsonl:1": ("Wire", "Carrier arrives"),
    "invalid_line.jsonl:3": ("Wire", "Indictment"),
    "oversized.jsonl:1": ("Wire", "Before"),
    "oversized.jsonl:3": ("Wire", "After"),
    "ragged.csv:2": ("Gazette", "Carrier"),
    "ragged.csv:4": ("Gazette", "Indictment"),
    "utf16.txt": ("broken", "Carrier deployed"),
}


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The committed broken corpus plus a JSON Lines file with a line just over the default
    record limit (generated, not committed)."""
    folder = shutil.copytree(BROKEN, tmp_path / "broken")
    line = json.dumps({"outlet": "Wire", "text": ""})
    padding = MAX_RECORD_BYTES + 1 - len(line)
    huge = json.dumps({"outlet": "Wire", "text": "x" * padding})
    assert len(huge) == MAX_RECORD_BYTES + 1
    with (folder / "oversized.jsonl").open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"outlet": "Wire", "title": "Before", "text": "First."}) + "\n")
        handle.write(huge + "\n")
        handle.write(json.dumps({"outlet": "Wire", "title": "After", "text": "Third."}) + "\n")
    return folder


def test_every_input_is_accounted_for_exactly(broken):
    corpus = load_corpus(broken)
    accounting = corpus.accounting
    assert {s.source: s.reason for s in accounting.skipped} == EXPECTED_SKIPPED
    assert len(accounting.skipped) == len(EXPECTED_SKIPPED)
    assert {a.source: (a.outlet, a.title) for a in corpus} == EXPECTED_LOADED
    assert accounting.loaded == len(EXPECTED_LOADED) == 8
    assert [(m.source, m.kept) for m in accounting.merged] == [("invalid_line.jsonl:5", "wire-1")]
    assert accounting.total == 8 + 1 + 8


def test_fallback_encodings_are_decoded_and_warned(broken):
    corpus = load_corpus(broken)
    by_source = {a.source: a for a in corpus}
    assert "“an act of aggression”" in by_source["cp1252.txt"].text
    assert by_source["utf16.txt"].text.startswith("A notable US military presence")
    [warning] = corpus.accounting.warnings.values()
    assert (warning.kind, warning.count, warning.example.source) == (
        "encoding fallback",
        1,
        "cp1252.txt",
    )
    assert "decoded as cp1252" in warning.example.message


def test_a_raised_record_limit_loads_the_oversized_line(broken):
    corpus = load_corpus(broken / "oversized.jsonl", max_record_bytes=MAX_RECORD_BYTES + 1)
    assert corpus.accounting.loaded == 3
    assert not corpus.accounting.skipped


def test_strict_stops_at_the_first_skip(broken):
    with pytest.raises(CorpusError, match=r"^binary\.txt: binary file \(contains NUL bytes\)"):
        load_corpus(broken, strict=True)
