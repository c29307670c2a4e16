"""Size limits: oversized records and files are skipped with their size, never read whole."""

from __future__ import annotations

import json
import os
import tracemalloc

import pytest

from framing import load_corpus
from framing.corpus import MAX_FILE_BYTES, MAX_RECORD_BYTES, iter_corpus
from framing.corpus.accounting import Skipped
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE, write

LIMIT = 200


def reasons(corpus):
    return {s.source: s.reason for s in corpus.accounting.skipped}


def line_of(size: int, title: str = "") -> str:
    """A JSON Lines record of exactly ``size`` bytes."""
    bare = json.dumps({"outlet": "A", "title": title, "text": ""})
    return json.dumps({"outlet": "A", "title": title, "text": "x" * (size - len(bare))})


def test_defaults():
    assert MAX_RECORD_BYTES == 10 * 2**20
    assert MAX_FILE_BYTES == 200 * 2**20


@pytest.mark.parametrize("final", [True, False])
@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_jsonl_line_at_the_limit_loads_and_one_byte_more_is_skipped(tmp_path, end, final):
    lines = [line_of(LIMIT, "at"), line_of(LIMIT + 1, "over"), line_of(LIMIT, "after")]
    write(tmp_path / "c.jsonl", end.join(lines) + (end if final else ""))
    corpus = load_corpus(tmp_path, max_record_bytes=LIMIT)
    assert [a.title for a in corpus] == ["at", "after"]
    assert reasons(corpus) == {
        "c.jsonl:2": (
            f"record over {LIMIT} bytes ({LIMIT + 1} bytes); raise the limit with "
            "--max-record-bytes"
        )
    }


def test_oversized_last_line_without_line_end_and_line_numbers_after_it(tmp_path):
    text = "\n".join(
        [line_of(10 * LIMIT), "", line_of(60, "third"), line_of(3 * LIMIT + 7)]
    )  # no final line end
    write(tmp_path / "c.jsonl", text)
    corpus = load_corpus(tmp_path, max_record_bytes=LIMIT)
    assert [a.source for a in corpus] == ["c.jsonl:3"]
    assert {s: r.split(";")[0] for s, r in reasons(corpus).items()} == {
        "c.jsonl:1": f"record over {LIMIT} bytes ({10 * LIMIT} bytes)",
        "c.jsonl:4": f"record over {LIMIT} bytes ({3 * LIMIT + 7} bytes)",
    }
    assert corpus.accounting.total == 3


def test_an_oversized_line_is_never_held_in_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"outlet": "A", "text": MILITARY_PASSAGE}) + "\n")
        handle.write('{"outlet": "A", "text": "' + "x" * (30 * 2**20) + '"}\n')
        handle.write(json.dumps({"outlet": "B", "text": REFERENCE_PASSAGE}) + "\n")
    tracemalloc.start()
    try:
        corpus = load_corpus(path, max_record_bytes=2**20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert corpus.accounting.loaded == 2
    [skipped] = corpus.accounting.skipped
    assert skipped.reason.startswith(f"record over 1 MB ({30 * 2**20 + 27} bytes)")
    assert peak < 8 * 2**20


def test_txt_file_over_the_record_limit_is_skipped_unread(tmp_path):
    write(tmp_path / "o" / "big.txt", "Title\n" + "word " * 100)
    write(tmp_path / "o" / "small.txt", "Title\n" + MILITARY_PASSAGE)
    corpus = load_corpus(tmp_path, max_record_bytes=300)
    assert [a.source for a in corpus] == ["o/small.txt"]
    assert reasons(corpus) == {
        "o/big.txt": "file over 300 bytes (506 bytes); raise the limit with --max-record-bytes"
    }


@pytest.mark.parametrize("name", ["c.json", "c.csv", "c.tsv"])
def test_json_and_csv_files_over_the_file_limit_are_skipped_unread(tmp_path, name):
    write(tmp_path / name, "outlet,text\n" + "A,some text\n" * 100)
    corpus = load_corpus(tmp_path, max_file_bytes=1000)
    assert reasons(corpus) == {
        name: "file over 1000 bytes (1212 bytes); raise the limit with --max-file-bytes"
    }


def test_jsonl_files_have_no_file_limit(tmp_path):
    write(tmp_path / "c.jsonl", "\n".join(line_of(100, str(i)) for i in range(30)))
    assert load_corpus(tmp_path, max_file_bytes=1000).accounting.loaded == 30


def test_json_and_csv_articles_over_the_record_limit_are_skipped(tmp_path):
    records = [
        {"outlet": "A", "text": MILITARY_PASSAGE},
        {"outlet": "A", "text": "é" * 200},  # 400 bytes of UTF-8
    ]
    write(tmp_path / "c.json", json.dumps(records))
    write(tmp_path / "d.csv", f'outlet,text\nA,"{MILITARY_PASSAGE}"\nB,{"é" * 200}\n')
    corpus = load_corpus(tmp_path, max_record_bytes=399)
    assert corpus.accounting.loaded == 1  # the CSV's first row duplicates the JSON's
    assert [m.source for m in corpus.accounting.merged] == ["d.csv:2"]
    assert {s: r.split(";")[0] for s, r in reasons(corpus).items()} == {
        "c.json:#2": "record over 399 bytes (400 bytes)",
        "d.csv:3": "record over 399 bytes (400 bytes)",
    }


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "10"])
@pytest.mark.parametrize("name", ["max_record_bytes", "max_file_bytes"])
def test_a_limit_must_be_a_positive_integer(tmp_path, name, value):
    with pytest.raises(ValueError, match=f"^{name} must be a positive number of bytes, got"):
        list(iter_corpus(tmp_path, **{name: value}))


def test_files_come_in_the_order_of_their_relative_paths(tmp_path):
    names = [
        "a-b.txt",
        "a.txt",
        "a/x.txt",
        "a/z/y.txt",
        "a0/q.txt",
        "b.txt",
        "B/c.txt",
        "ab/c/d/e.txt",
        ".hidden.txt",
        ".git/config.txt",
        "c/.hidden/x.txt",
    ]
    for name in names:
        write(tmp_path / name, f"Title\nText of {name}.")
    expected = sorted(n for n in names if not any(p.startswith(".") for p in n.split("/")))
    assert [a.source for a in load_corpus(tmp_path)] == expected


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_to_folders_are_not_followed(tmp_path):
    write(tmp_path / "o" / "a.txt", "Title\nText.")
    (tmp_path / "o" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "o" / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    corpus = load_corpus(tmp_path)
    assert [a.source for a in corpus] == ["o/a.txt"]
    assert reasons(corpus) == {"o/dangling.txt": "cannot read file: No such file or directory"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_skipped_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    os.mkfifo(tmp_path / "pipe.txt")
    assert reasons(load_corpus(tmp_path)) == {
        "pipe.jsonl": "not a regular file (a device, pipe or socket)",
        "pipe.txt": "not a regular file (a device, pipe or socket)",
    }


def test_many_tiny_files_stream_from_the_first_folder(tmp_path):
    for folder in range(20):
        for number in range(100):
            write(
                tmp_path / f"o{folder:02d}" / f"{number:03d}.txt", f"T\nArticle {folder}.{number}"
            )
    events = iter_corpus(tmp_path)
    first = next(events)
    assert first.source == "o00/000.txt"
    assert sum(1 for event in events if not isinstance(event, Skipped)) == 1999


def test_a_bom_does_not_count_toward_the_first_line(tmp_path):
    write(
        tmp_path / "c.jsonl",
        b"\xef\xbb\xbf" + "\n".join([line_of(LIMIT), line_of(LIMIT + 1), "[]"]).encode(),
    )
    corpus = load_corpus(tmp_path, max_record_bytes=LIMIT)
    assert [a.source for a in corpus] == ["c.jsonl:1"]
    assert {s: r.split(" (")[0] for s, r in reasons(corpus).items()} == {
        "c.jsonl:2": f"record over {LIMIT} bytes",
        "c.jsonl:3": "a JSON list, not an object with article fields",
    }


def test_a_long_blank_line_is_blank_not_oversized(tmp_path):
    write(tmp_path / "c.jsonl", " " * (3 * LIMIT) + "\n" + line_of(LIMIT) + "\n" + "\t" * LIMIT * 2)
    corpus = load_corpus(tmp_path, max_record_bytes=LIMIT)
    assert corpus.accounting.loaded == corpus.accounting.total == 1


def test_a_csv_with_only_a_header_is_accounted_for(tmp_path):
    write(tmp_path / "c.csv", "outlet,text\n , \n")
    assert reasons(load_corpus(tmp_path)) == {"c.csv": "no rows under the header: no articles"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[" * 5000 + "]" * 5000, "invalid JSON (nested too deeply)"),
        ('{"text": ' + "7" * 5000 + "}", "invalid JSON (a number over 4300 digits)"),
    ],
)
@pytest.mark.parametrize("name", ["c.jsonl", "c.json"])
def test_json_python_cannot_read_is_skipped_not_a_crash(tmp_path, name, content, reason):
    write(tmp_path / name, content)
    [skipped] = load_corpus(tmp_path).accounting.skipped
    where = "c.jsonl:1" if name == "c.jsonl" else "c.json"
    suffix = "" if name == "c.jsonl" else "; the whole file was not read"
    assert (skipped.source, skipped.reason) == (where, reason + suffix)
