"""Property tests: arbitrary content never crashes a loader, and the accounting adds up."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import load_corpus
from framing.article import Article
from framing.corpus import iter_corpus
from framing.corpus.accounting import Merged, Skipped
from framing.corpus.clean import clean_text, clean_title

SUFFIXES = [".txt", ".jsonl", ".json", ".csv", ".tsv"]
_settings = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_settings
@given(content=st.one_of(st.text(), st.binary()), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_content_never_crashes_and_is_accounted(tmp_path_factory, content, suffix):
    folder = tmp_path_factory.mktemp("any")
    path = folder / f"input{suffix}"
    path.write_bytes(
        content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    )
    events = list(iter_corpus(folder))
    outcomes = [e for e in events if isinstance(e, (Article, Skipped, Merged))]
    assert outcomes, "every file yields at least one article or one skip"
    for event in outcomes:
        assert event.source.startswith("input")


record = st.fixed_dictionaries(
    {
        "outlet": st.text(min_size=1, max_size=20).filter(str.strip),
        "title": st.text(max_size=40),
        "text": st.text(min_size=1, max_size=200).filter(str.strip),
    }
)


@_settings
@given(records=st.lists(record, min_size=1, max_size=12))
def test_jsonl_round_trip_accounts_for_every_record(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("rt")
    lines = [json.dumps(r) for r in records]
    (folder / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    corpus = load_corpus(folder)
    assert corpus.accounting.total == len(records)
    # The loader cleans text (framing.corpus.clean); a text with nothing left is skipped.
    cleaned = [
        (r["outlet"].strip(), clean_title(r["title"].strip()).text, clean_text(r["text"]).text)
        for r in records
    ]
    unique = {entry for entry in cleaned if entry[2].strip()}
    assert corpus.accounting.loaded == len(unique)
    assert {(a.outlet, a.title, a.text) for a in corpus} == unique
