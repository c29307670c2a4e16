"""Exact duplicates across a corpus are merged into the first copy, and repeated ids renamed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.article import Article
from framing.corpus import MAX_FILE_BYTES, MAX_RECORD_BYTES, Merged, iter_corpus, read_file
from framing.corpus._records import Limits
from framing.corpus.fields import FieldMap
from tests.conftest import write


def _jsonl(path: Path, records: list[dict[str, str]]) -> None:
    write(path, "".join(json.dumps(record) + "\n" for record in records))


def _outcomes(folder: Path) -> list[tuple[str, str, str]]:
    """("article", source, id) or ("merged", source, kept id) for each record, in order."""
    found = []
    for event in iter_corpus(folder):
        if isinstance(event, Article):
            found.append(("article", event.source, event.id))
        elif isinstance(event, Merged):
            found.append(("merged", event.source, event.kept))
    return found


def _story(title: str, **fields: str) -> dict[str, str]:
    return {"outlet": "Wire", "title": title, "text": f"The story told as {title}.", **fields}


def test_merges_name_the_kept_article_and_repeated_ids_are_renamed(tmp_path: Path) -> None:
    _jsonl(
        tmp_path / "a.jsonl",
        [
            _story("one", id="7"),
            _story("two", id="7"),
            _story("three", id="7@a.jsonl:2"),
        ],
    )
    _jsonl(
        tmp_path / "b.jsonl",
        [_story("two", id="x"), _story("one"), _story("four", id="7")],
    )
    assert _outcomes(tmp_path) == [
        ("article", "a.jsonl:1", "7"),
        ("article", "a.jsonl:2", "7@a.jsonl:2"),
        ("article", "a.jsonl:3", "7@a.jsonl:2@a.jsonl:3"),
        ("merged", "b.jsonl:1", "7@a.jsonl:2"),
        ("merged", "b.jsonl:2", "7"),
        ("article", "b.jsonl:3", "7@b.jsonl:3"),
    ]


def test_merge_names_an_article_kept_thousands_of_records_before(tmp_path: Path) -> None:
    _jsonl(tmp_path / "a.jsonl", [_story(f"number {n}") for n in range(1, 3001)])
    _jsonl(tmp_path / "b.jsonl", [_story(f"number {n}") for n in (3000, 1, 1500)])
    outcomes = _outcomes(tmp_path)
    assert outcomes[:3000] == [("article", f"a.jsonl:{n}", f"a.jsonl:{n}") for n in range(1, 3001)]
    assert outcomes[3000:] == [
        ("merged", "b.jsonl:1", "a.jsonl:3000"),
        ("merged", "b.jsonl:2", "a.jsonl:1"),
        ("merged", "b.jsonl:3", "a.jsonl:1500"),
    ]


def _with_a_dict_and_a_set(folder: Path) -> list[tuple[str, str, str]]:
    """What the loader did when it kept the content keys in a dict and the ids in a set
    (for a folder of files only, read in name order)."""
    kept_ids: dict[str, str] = {}
    ids: set[str] = set()
    found = []
    limits = Limits(MAX_RECORD_BYTES, MAX_FILE_BYTES)
    for path in sorted(folder.iterdir()):
        for event in read_file(path, path.name, FieldMap(), limits):
            if not isinstance(event, Article):
                continue
            kept = kept_ids.get(event.content_key)
            if kept is not None:
                found.append(("merged", event.source, kept))
                continue
            if event.id in ids:
                event = replace(event, id=f"{event.id}@{event.source}")
            kept_ids[event.content_key] = event.id
            ids.add(event.id)
            found.append(("article", event.source, event.id))
    return found


record = st.fixed_dictionaries(
    {"title": st.sampled_from(["a", "b", "c", "d"])},
    optional={"id": st.sampled_from(["1", "2", "1@a.jsonl:2", "a.jsonl:3", "b.jsonl:1"])},
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=st.lists(st.lists(record, min_size=1, max_size=8), min_size=1, max_size=3))
def test_outcomes_equal_a_dict_and_a_set(tmp_path_factory, files) -> None:
    folder = tmp_path_factory.mktemp("dups")
    for name, records in zip("abc", files, strict=False):
        _jsonl(folder / f"{name}.jsonl", [_story(**r) for r in records])
    assert _outcomes(folder) == _with_a_dict_and_a_set(folder)
