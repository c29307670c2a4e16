"""Fuzz the corpus loaders with hostile files: nothing crashes, and every input is accounted.

Each test writes generated files (random bytes and text, JSON values nested, non-object, huge
or null, truncated JSON, ragged CSV, NULs, BOMs, mixed encodings) and checks that

- no exception escapes but `CorpusError`, and that only where documented (``strict``);
- JSON Lines: every non-blank line is loaded, merged or skipped, once, under ``file:LINE``;
  a whole-file skip (binary, UTF-16) is the file's only outcome;
- .txt: the file is exactly one outcome; .json, .csv, .tsv: one or more, one per record where
  the records are known.

The number of generated cases is printed in the "fuzz cases" section of the test summary;
``FRAMING_FUZZ_EXAMPLES`` sets the examples per loader test (default 300).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.article import Article
from framing.corpus import MAX_RECORD_BYTES, CorpusError, LoadWarning, iter_corpus, load_corpus
from framing.corpus.accounting import Merged, Skipped
from tests.fuzz.conftest import CASES

# Well under a minute in all; raise with FRAMING_FUZZ_EXAMPLES=5000 for a deeper (nightly) run.
EXAMPLES = int(os.environ.get("FRAMING_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
LIMITS = st.sampled_from([MAX_RECORD_BYTES, MAX_RECORD_BYTES, 256, 40, 1])
ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]
SPECIALS = [b"\x00", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\r", b"\xff"]
LIST_KEYS = ("articles", "data", "records", "items", "documents", "docs")  # as jsonfile.py
FIELD_NAMES = [
    "text", "body", "content", "title", "headline", "outlet", "source", "date", "id", "url",
    "event", "language", "TEXT", "Text ", "",
]  # fmt: skip


# -- strategies ---------------------------------------------------------------------------

huge_text = st.integers(0, 3000).map(lambda n: "x" * n)
any_text = st.one_of(st.text(max_size=80), huge_text, st.sampled_from(["", " ", "\u2028", "\x00"]))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), inner, max_size=5),
    ),
    max_leaves=12,
)
records = st.dictionaries(st.sampled_from(FIELD_NAMES), json_values, max_size=6)
article_like = st.fixed_dictionaries(
    {"outlet": any_text, "title": any_text, "text": any_text}, optional={"date": any_text}
)
deep = st.integers(1, 4000).map(lambda depth: "[" * depth + "]" * depth)
big_number = st.integers(4000, 6000).map(lambda digits: '{"text": ' + "7" * digits + "}")
deep_field = st.integers(850, 1100).map(
    lambda depth: '{"text": "Text.", "extra": ' + "[" * depth + "]" * depth + "}"
)


@st.composite
def encoded(draw, text_strategy) -> bytes:
    """Text in a random encoding (unencodable characters replaced)."""
    text = draw(text_strategy)
    return text.encode(draw(st.sampled_from(ENCODINGS)), "replace")


@st.composite
def injected(draw, data: bytes) -> bytes:
    """``data`` with NULs, BOMs, CRs or invalid UTF-8 bytes inserted at random places."""
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(SPECIALS)) + data[at:]
    return data


def truncated(text: str) -> st.SearchStrategy[str]:
    return st.integers(0, len(text)).map(lambda end: text[:end])


json_text = st.one_of(
    article_like.map(json.dumps),
    records.map(json.dumps),
    json_values.map(json.dumps),
    article_like.map(json.dumps).flatmap(truncated),
    deep,
    big_number,
    deep_field,
    st.text(max_size=60),
)


@st.composite
def jsonl_files(draw) -> bytes:
    """Lines of JSON (good, bad, huge, nested, truncated) or junk, each in its own encoding."""
    lines = draw(
        st.lists(
            st.one_of(
                encoded(json_text),
                st.binary(max_size=40),
                st.sampled_from([b"", b"   ", b"\t", codecs.BOM_UTF8]),
            ),
            max_size=12,
        )
    )
    separators = draw(st.lists(st.sampled_from([b"\n", b"\r\n", b"\n\n", b"\r"]), min_size=12))
    data = b"".join(line + sep for line, sep in zip(lines, separators, strict=False))
    if draw(st.booleans()):
        data = data.rstrip(b"\n")
    if draw(st.booleans()):
        data = draw(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE])) + data
    return draw(injected(data))


@st.composite
def json_files(draw) -> tuple[bytes, object | None]:
    """A JSON document and, if it was written clean (UTF-8, whole), the value it holds."""
    value = draw(
        st.one_of(
            json_values,
            st.lists(st.one_of(article_like, records, json_values), max_size=8),
            st.dictionaries(
                st.sampled_from((*LIST_KEYS, "text", "title")),
                st.lists(article_like, max_size=5),
                min_size=1,
            ),
        )
    )
    text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    how = draw(st.sampled_from(["clean", "clean", "truncated", "encoded", "injected", "odd"]))
    if how == "odd":
        return draw(st.one_of(deep, big_number, deep_field)).encode("utf-8"), None
    if how == "clean":
        return text.encode("utf-8"), value
    if how == "truncated":
        return draw(truncated(text)).encode("utf-8"), None
    if how == "encoded":
        return text.encode(draw(st.sampled_from(ENCODINGS)), "replace"), None
    return draw(injected(text.encode("utf-8"))), None


cells = st.one_of(st.text(max_size=30), huge_text, st.sampled_from(["", " ", '"', "\n", ";"]))


@st.composite
def csv_files(draw) -> tuple[bytes, int | None]:
    """A CSV with a simple header and ragged rows, and (when written clean) the number of
    non-blank rows under a header naming a text column, else None."""
    header = draw(st.lists(st.sampled_from(["text", "outlet", "title", "date", "x"]), min_size=1))
    rows = draw(st.lists(st.lists(cells, max_size=len(header) + 2), max_size=10))
    buffer = io.StringIO(newline="")
    terminator = draw(st.sampled_from(["\n", "\r\n"]))
    # QUOTE_ALL: csv.writer leaves a lone CR unquoted when the line end is LF.
    writer = csv.writer(buffer, lineterminator=terminator, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows(rows)
    text = buffer.getvalue()
    how = draw(st.sampled_from(["clean", "clean", "encoded", "injected", "junk"]))
    if how == "junk":
        return draw(encoded(st.text(max_size=200))), None
    if how == "encoded":
        return text.encode(draw(st.sampled_from(ENCODINGS)), "replace"), None
    if how == "injected":
        return draw(injected(text.encode("utf-8"))), None
    if "text" not in header:
        return text.encode("utf-8"), None
    expected = sum(1 for row in rows if any(cell.strip() for cell in row))
    return text.encode("utf-8"), expected


any_bytes = st.one_of(st.binary(max_size=3000), encoded(st.text(max_size=500)))


# -- helpers ------------------------------------------------------------------------------


def load(path: Path, **options) -> list:
    """Every event for ``path``; any exception but the documented ones fails the test."""
    events = list(iter_corpus(path, **options))
    for event in events:
        assert isinstance(event, Article | Skipped | Merged | LoadWarning), event
    return events


def outcomes(events: list) -> list[str]:
    """The sources of the events that account for an input (all but warnings)."""
    return [e.source for e in events if isinstance(e, Article | Skipped | Merged)]


def check_strict(path: Path, events: list, **options) -> None:
    """With ``strict``, the load raises CorpusError exactly when something was skipped."""
    skipped = [e for e in events if isinstance(e, Skipped)]
    if skipped:
        with pytest.raises(CorpusError) as error:
            load(path, strict=True, **options)
        assert error.value.source == skipped[0].source
    else:
        assert outcomes(load(path, strict=True, **options)) == outcomes(events)


def nonblank_lines(data: bytes) -> list[int]:
    """The numbers of the lines a JSON Lines reader must account for."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if lines and lines[0].startswith(codecs.BOM_UTF8):
        lines[0] = lines[0][len(codecs.BOM_UTF8) :]
    return [n for n, line in enumerate(lines, start=1) if line.strip()]


def whole_file_skip(name: str, events: list) -> bool:
    """Whether the file was skipped whole, which must then be its only outcome."""
    sources = outcomes(events)
    if name in sources:
        assert sources == [name], sources
        assert isinstance(events[-1], Skipped)
        return True
    return False


def fuzz_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


# -- loaders ------------------------------------------------------------------------------


@FUZZ
@given(data=jsonl_files(), limit=LIMITS)
def test_jsonl_every_nonblank_line_is_accounted_for(data, limit):
    CASES["jsonl"] += 1
    for folder in fuzz_dir():
        path = folder / "c.jsonl"
        path.write_bytes(data)
        events = load(path, max_record_bytes=limit)
        expected = nonblank_lines(data)
        if not whole_file_skip("c.jsonl", events):
            assert sorted(outcomes(events)) == sorted(f"c.jsonl:{n}" for n in expected)
        else:
            assert (
                not expected
                or data[:8192].count(b"\x00")
                or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            )
        for event in events:
            if isinstance(event, Article):
                assert len(event.text.encode("utf-8", "surrogatepass")) <= limit
        check_strict(path, events, max_record_bytes=limit)


@FUZZ
@given(data=st.one_of(any_bytes, encoded(st.text(max_size=300)).flatmap(injected)), limit=LIMITS)
def test_txt_file_is_exactly_one_outcome(data, limit):
    CASES["txt"] += 1
    for folder in fuzz_dir():
        path = folder / "o" / "a.txt"
        path.parent.mkdir()
        path.write_bytes(data)
        events = load(folder, max_record_bytes=limit)
        assert outcomes(events) == ["o/a.txt"]
        if len(data) > limit:
            assert events[-1].reason.startswith("file over")
        check_strict(folder, events, max_record_bytes=limit)


@FUZZ
@given(document=json_files(), limit=LIMITS, file_limit=st.sampled_from([200 * 2**20, 100]))
def test_json_every_record_is_accounted_for(document, limit, file_limit):
    CASES["json"] += 1
    data, value = document
    for folder in fuzz_dir():
        path = folder / "c.json"
        path.write_bytes(data)
        events = load(path, max_record_bytes=limit, max_file_bytes=file_limit)
        sources = outcomes(events)
        assert sources, "a file yields at least one outcome"
        assert all(re.fullmatch(r"c\.json(:#?\d+)?", source) for source in sources), sources
        if len(data) > file_limit:
            assert sources == ["c.json"]
        elif isinstance(value, dict):
            lists = [value[key] for key in LIST_KEYS if isinstance(value.get(key), list)]
            value = lists[0] if lists else value
        if len(data) <= file_limit and isinstance(value, list):
            expected = [f"c.json:#{n}" for n in range(1, len(value) + 1)] or ["c.json"]
            assert sorted(sources) == sorted(expected)
        elif len(data) <= file_limit and value is not None and data.strip():
            assert len(sources) == 1
        check_strict(path, events, max_record_bytes=limit, max_file_bytes=file_limit)


@FUZZ
@given(table=csv_files(), suffix=st.sampled_from([".csv", ".tsv"]), limit=LIMITS)
def test_csv_every_row_is_accounted_for(table, suffix, limit):
    CASES["csv/tsv"] += 1
    data, expected = table
    name = f"c{suffix}"
    for folder in fuzz_dir():
        path = folder / name
        path.write_bytes(data)
        events = load(path, max_record_bytes=limit)
        sources = outcomes(events)
        assert sources, "a file yields at least one outcome"
        assert len(set(sources)) == len(sources), sources
        assert all(re.fullmatch(rf"c\{suffix}(:\d+)?", source) for source in sources), sources
        if expected is not None and suffix == ".csv" and not whole_file_skip(name, events):
            assert len(sources) == expected
        check_strict(path, events, max_record_bytes=limit)


@FUZZ
@given(
    files=st.lists(
        st.tuples(
            st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".tsv", ".md", ""]),
            st.one_of(any_bytes, jsonl_files(), json_files().map(lambda d: d[0])),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_folder_of_mixed_files_accounts_for_every_file(files):
    CASES["mixed folder"] += 1
    for folder in fuzz_dir():
        names = []
        for number, (suffix, data) in enumerate(files):
            name = f"sub{number % 2}/f{number}{suffix}"
            (folder / name).parent.mkdir(exist_ok=True)
            (folder / name).write_bytes(data)
            names.append(name)
        corpus = load_corpus(folder)
        accounting = corpus.accounting
        sources = [a.source for a in corpus] + [
            e.source for e in accounting.merged + accounting.skipped
        ]
        assert accounting.total == len(sources) == len(set(sources))
        assert accounting.loaded == len(corpus) == len({a.id for a in corpus})
        per_file = Counter(re.sub(r":#?\d+$", "", source) for source in sources)
        assert set(per_file) == set(names)
        for name in names:
            if name.endswith(".txt") or not name.endswith((".jsonl", ".json", ".csv", ".tsv")):
                assert per_file[name] == 1


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(seed=st.integers())
def test_missing_path_is_the_documented_error(seed):
    CASES["missing path"] += 1
    for folder in fuzz_dir():
        with pytest.raises(CorpusError, match="no such file or folder"):
            list(iter_corpus(folder / f"missing-{seed}"))


# -- the whole path -----------------------------------------------------------------------

outlets = st.one_of(
    st.sampled_from(["Wire", "Daily", "", " ", "../..", "a/b", "\x00", "\u202eRTL", "Ⅻ 🦜"]),
    st.text(max_size=20),
    st.integers(200, 2000).map(lambda n: "O" * n),
)
texts = st.one_of(
    st.sampled_from(["", "   ", "Maduro.", "The army said it was ready. Markets fell."]),
    st.text(max_size=200),
    st.integers(50, 1500).map(
        lambda n: " ".join(["The government denied the report, officials said."] * n)
    ),
)


@settings(
    max_examples=max(25, EXAMPLES // 10), deadline=None, suppress_health_check=list(HealthCheck)
)
@given(
    articles=st.lists(
        st.fixed_dictionaries({"outlet": outlets, "title": st.text(max_size=30), "text": texts}),
        min_size=1,
        max_size=8,
    ),
    event=st.booleans(),
)
def test_compare_corpus_aggregates_every_loaded_article(articles, event):
    from framing.pipeline import AnalysisOptions, compare_corpus

    CASES["compare_corpus"] += 1
    for folder in fuzz_dir():
        lines = [
            json.dumps({**record, "event": f"e{number % 2}"} if event else record)
            for number, record in enumerate(articles)
        ]
        (folder / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
        try:
            comparison = compare_corpus(
                folder, options=AnalysisOptions(), replicates=20, top_words=3
            )
        except CorpusError as error:
            loaded = load_corpus(folder).accounting.loaded
            if error.reason == "no readable article":
                assert loaded == 0
            else:  # every loaded article is in another language
                assert error.reason.startswith(f"no article in English: all {loaded} loaded")
            continue
        accounting = comparison.accounting
        assert accounting.total == len(articles)
        outlets_seen = comparison.overall.outlets.values()
        analysed = accounting.loaded - len(accounting.excluded)
        assert analysed == sum(outlet.articles for outlet in outlets_seen)
