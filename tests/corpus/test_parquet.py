"""Parquet corpora: round trips, skipped rows and files, field mapping, mixed shards."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timezone

import pytest

from framing import load_corpus
from framing.article import Article
from framing.corpus.parquet import write_parquet
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE, write

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

RECORDS = [
    {
        "id": "r1",
        "outlet": "Orinoco Sentinel",
        "title": "Sovereignty first",
        "text": MILITARY_PASSAGE,
        "date": "2025-11-03",
    },
    {
        "id": "r2",
        "outlet": "Liberty Ledger",
        "title": "A fugitive",
        "text": REFERENCE_PASSAGE,
        "date": "2025-11-02",
    },
]


def write_table(path, records, **options):
    """Write ``records`` (dicts, or a pyarrow Table) as a Parquet file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = records if isinstance(records, pa.Table) else pa.Table.from_pylist(records)
    pq.write_table(table, path, **options)
    return path


def reasons(corpus):
    return {s.source: s.reason for s in corpus.accounting.skipped}


def test_demo_corpus_round_trips_through_parquet(demo_path, tmp_path):
    demo = load_corpus(demo_path)
    assert write_parquet(demo, tmp_path / "out" / "demo.parquet") == len(demo)
    again = load_corpus(tmp_path / "out" / "demo.parquet")
    assert again.articles == demo.articles
    assert [a.meta["note"] for a in again] == [a.meta["note"] for a in demo]
    assert again.accounting.loaded == len(demo) and not again.accounting.skipped
    assert again.accounting.warnings == {}
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["demo.parquet"]


def test_written_columns_are_typed(demo_path, tmp_path):
    write_parquet(load_corpus(demo_path), tmp_path / "demo.parquet")
    schema = pq.ParquetFile(tmp_path / "demo.parquet").schema_arrow
    assert schema.field("date").type == pa.date32()
    assert schema.field("text").type == pa.string() and not schema.field("text").nullable
    assert schema.names[-1] == "note"  # meta


def test_meta_key_first_seen_late_round_trips(tmp_path):
    passages = [MILITARY_PASSAGE, REFERENCE_PASSAGE]
    articles = [
        Article(f"a{n}", "Northgate Wire", f"Dispatch {n}", passages[n % 2], date(2025, 11, 1))
        for n in range(600)  # more than one batch
    ]
    articles.append(
        Article("coded", "Liberty Ledger", "A fugitive", REFERENCE_PASSAGE, meta={"frame": "crime"})
    )
    assert write_parquet(iter(articles), tmp_path / "c.parquet") == 601
    corpus = load_corpus(tmp_path / "c.parquet")
    assert corpus.articles == articles  # nulls of "frame" do not land in meta
    assert corpus.articles[-1].meta == {"frame": "crime"}


def test_a_failed_write_leaves_the_old_file_and_no_scratch(tmp_path):
    target = write(tmp_path / "c.parquet", b"old")

    def articles():
        yield Article("r1", "Orinoco Sentinel", "Sovereignty first", MILITARY_PASSAGE)
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        write_parquet(articles(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["c.parquet"]


def test_bad_rows_are_accounted_and_the_others_load(tmp_path):
    records = [
        RECORDS[0],
        dict(RECORDS[1], id="empty", text="  "),
        dict(RECORDS[1], id="null", text=None),
        dict(RECORDS[1], outlet=None),
    ]
    write_table(tmp_path / "Andean Horizon" / "c.parquet", records)
    corpus = load_corpus(tmp_path)
    assert [a.source for a in corpus] == [
        "Andean Horizon/c.parquet:#1",
        "Andean Horizon/c.parquet:#4",
    ]
    assert reasons(corpus) == {
        "Andean Horizon/c.parquet:#2": "empty text in field 'text'",
        "Andean Horizon/c.parquet:#3": "empty text in field 'text'",
    }
    assert json.loads(corpus.accounting.skipped[0].record)["id"] == "empty"
    assert corpus.articles[1].outlet == "Andean Horizon"  # as JSON Lines: the folder name
    assert corpus.accounting.warnings["no outlet"].count == 1
    assert corpus.accounting.total == len(records)


@pytest.mark.parametrize("field", ["text", "comments"])
def test_oversized_record_is_skipped_with_its_size(tmp_path, field):
    # As for a JSON Lines line, the whole record counts, not only its text.
    first, second = (dict(r, comments="Seen.") for r in RECORDS)
    records = [first, dict(second, **{field: REFERENCE_PASSAGE * 20}), second]
    write_table(tmp_path / "c.parquet", records)
    corpus = load_corpus(tmp_path, max_record_bytes=2000)
    assert [a.id for a in corpus] == ["r1", "r2"]
    [(source, reason)] = reasons(corpus).items()
    assert source == "c.parquet:#2"
    assert reason.startswith("record over 1.95 KB (")
    assert reason.endswith("raise the limit with --max-record-bytes")


def test_row_group_over_the_file_limit_is_skipped_unread(tmp_path):
    records = [dict(RECORDS[0], title=f"Part {n}") for n in range(6)]
    big = dict(RECORDS[1], text=REFERENCE_PASSAGE * 40)
    table = pa.Table.from_pylist([*records[:2], big, big, *records[4:]])
    write_table(tmp_path / "c.parquet", table, row_group_size=2)
    corpus = load_corpus(tmp_path, max_file_bytes=5000)
    assert [a.source for a in corpus] == [f"c.parquet:#{n}" for n in (1, 2, 5, 6)]
    [(source, reason)] = reasons(corpus).items()
    assert source == "c.parquet:#3-4"
    assert "its 2 rows not read; raise the limit with --max-file-bytes" in reason


@pytest.mark.parametrize(
    "content",
    [bytes(range(256)) * 4, b"", b"PAR1" + b"\x00" * 64 + b"PAR1"],
    ids=["random-bytes", "empty", "bad-footer"],
)
def test_corrupt_parquet_is_skipped_with_a_reason(tmp_path, content):
    write(tmp_path / "broken.parquet", content)
    write_table(tmp_path / "good.parquet", RECORDS)
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus] == ["r1", "r2"]
    [(source, reason)] = reasons(corpus).items()
    assert source == "broken.parquet"
    assert reason.startswith("not a readable Parquet file (")


def test_truncated_parquet_is_skipped(tmp_path):
    whole = write_table(tmp_path / "whole" / "c.parquet", RECORDS).read_bytes()
    write(tmp_path / "c.parquet", whole[: len(whole) // 2])
    corpus = load_corpus(tmp_path / "c.parquet")
    assert len(corpus) == 0
    assert corpus.accounting.skipped[0].source == "c.parquet"


def test_field_mapping_reads_other_column_names(tmp_path):
    records = [
        {"body": r["text"], "media_name": r["outlet"], "headline": r["title"]} for r in RECORDS
    ]
    write_table(tmp_path / "c.parquet", records)
    corpus = load_corpus(tmp_path, fields={"text": "body", "outlet": "media_name"})
    assert [a.outlet for a in corpus] == ["Orinoco Sentinel", "Liberty Ledger"]
    assert [a.title for a in corpus] == ["Sovereignty first", "A fugitive"]  # common alias
    assert corpus.accounting.warnings == {}


def test_no_text_column_skips_the_file_naming_the_columns(tmp_path):
    write_table(tmp_path / "c.parquet", [{"story_text": r["text"]} for r in RECORDS])
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 0
    reason = reasons(corpus)["c.parquet"]
    assert "columns are 'story_text'); 2 rows not read" in reason
    assert reason.endswith("Name it with --field text=COLUMN")


def test_arrow_types_read_as_json_would(tmp_path):
    table = pa.table(
        {
            "outlet": ["Crude & Capital"],
            "text": [[MILITARY_PASSAGE, REFERENCE_PASSAGE]],  # paragraphs
            "published": pa.array([datetime(2025, 11, 3, 8, tzinfo=timezone.utc)]),
            "byline": [{"name": "Desk", "desks": ["energy"]}],
            "score": [0.5],
        }
    )
    corpus = load_corpus(write_table(tmp_path / "c.parquet", table))
    [article] = corpus
    assert article.text == f"{MILITARY_PASSAGE}\n\n{REFERENCE_PASSAGE}"
    assert article.date == date(2025, 11, 3)
    assert article.meta == {"byline": '{"name": "Desk", "desks": ["energy"]}', "score": "0.5"}


def test_no_rows_is_skipped(tmp_path):
    schema = pa.schema([("outlet", pa.string()), ("text", pa.string())])
    write_table(tmp_path / "c.parquet", schema.empty_table())
    assert reasons(load_corpus(tmp_path)) == {"c.parquet": "no rows: no articles"}


def test_folder_of_jsonl_and_parquet_shards_loads_all(tmp_path):
    write(tmp_path / "shard-1.jsonl", json.dumps(RECORDS[0]) + "\n")
    write_table(tmp_path / "shard-2.parquet", [RECORDS[1], dict(RECORDS[0], id="r3", title="T")])
    write_table(tmp_path / "shard-3.parquet", [RECORDS[0]])  # an exact duplicate
    corpus = load_corpus(tmp_path)
    assert [a.source for a in corpus] == [
        "shard-1.jsonl:1",
        "shard-2.parquet:#1",
        "shard-2.parquet:#2",
    ]
    assert corpus.accounting.merged[0].source == "shard-3.parquet:#1"
    assert corpus.accounting.total == 4


def test_missing_pyarrow_skips_with_the_install_command(tmp_path, monkeypatch):
    path = write_table(tmp_path / "c.parquet", RECORDS)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    [(source, reason)] = reasons(load_corpus(path)).items()
    assert source == "c.parquet"
    assert reason.startswith("Parquet needs pyarrow, which could not be imported")
    assert reason.endswith("install it with pip install 'framing[parquet]'")
    with pytest.raises(ImportError, match=r"pip install 'framing\[parquet\]'"):
        write_parquet([], tmp_path / "out.parquet")
