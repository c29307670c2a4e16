"""Per-article result rows and their Parquet tables, on the demo corpus."""

from __future__ import annotations

import math
import pickle
import sys
from collections import Counter
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from framing.actors.portrayal import SENTIMENT_LABELS  # noqa: E402
from framing.analysers import ArticleAnalysis, analyse  # noqa: E402
from framing.analysers.cues import CUE_CATEGORIES  # noqa: E402
from framing.article import Article  # noqa: E402
from framing.corpus import load_corpus  # noqa: E402
from framing.demo import demo_corpus_path  # noqa: E402
from framing.resources import ResourceMissing  # noqa: E402
from framing.results import (  # noqa: E402
    ACTOR_COLUMNS,
    ResultsWriter,
    actor_rows,
    article_columns,
    article_row,
)
from framing.sentiment import load_target_sentiment  # noqa: E402


@pytest.fixture(scope="module")
def analyses() -> list[ArticleAnalysis]:
    sentiment = load_target_sentiment()
    return [analyse(article, sentiment=sentiment) for article in load_corpus(demo_corpus_path())]


@pytest.fixture(scope="module")
def categories(analyses: list[ArticleAnalysis]) -> tuple[str, ...]:
    return analyses[0].frames.categories


def write_all(folder: Path, analyses: list[ArticleAnalysis], **options: int) -> None:
    with ResultsWriter(folder, analyses[0].frames.categories, **options) as writer:
        for analysis in analyses:
            writer.add([article_row(analysis)], actor_rows(analysis))


def test_article_row_agrees_with_the_analysis(analyses: list[ArticleAnalysis]) -> None:
    framed = [a for a in analyses if a.frames.primary is not None]
    assert framed, "the demo should have framed articles"
    for analysis in analyses:
        row = article_row(analysis)
        article = analysis.article
        assert tuple(row) == article_columns(analysis.frames.categories)
        assert (row["article_id"], row["outlet"], row["date"]) == (
            article.id,
            article.outlet,
            article.date,
        )
        assert row["content_key"] == article.content_key
        assert row["tone"] == analysis.tone.mean
        assert row["n_words"] == analysis.n_words
        assert row["n_sentences"] == len(analysis.sentences)
        assert row["negative_share"] == analysis.tone.negative / len(analysis.sentences)
        assert analysis.cues is not None
        for category in CUE_CATEGORIES:
            expected = 1000 * analysis.cues.counts[category] / analysis.n_words
            assert row[f"cue_rate_{category}"] == pytest.approx(expected)
        assert row["attributions"] == len(analysis.attributions)
        assert row["direct_attributions"] == sum(a.kind == "direct" for a in analysis.attributions)
        assert row["anonymous_attributions"] == sum(a.anonymous for a in analysis.attributions)
    for analysis in framed:
        row = article_row(analysis)
        shares = [row[f"frame_share_{c}"] for c in analysis.frames.categories]
        assert math.fsum(shares) == pytest.approx(1.0)  # type: ignore[arg-type]
        assert row["primary_frame"] == analysis.frames.primary
        assert row[f"frame_share_{analysis.frames.primary}"] == max(shares)  # type: ignore[type-var]


def test_ratios_without_a_denominator_are_null() -> None:
    row = article_row(analyse(Article("empty", "Wire", "", "")))
    assert row["primary_frame"] is None
    assert row["n_words"] == 0
    assert row["tone"] == 0.0
    nulls = [c for c in row if c.startswith(("frame_share_", "cue_rate_", "negative", "positive"))]
    assert nulls and all(row[column] is None for column in nulls)


def test_rows_are_plain_picklable_values(analyses: list[ArticleAnalysis]) -> None:
    analysis = analyses[0]
    rows = [article_row(analysis), *actor_rows(analysis)]
    assert pickle.loads(pickle.dumps(rows)) == rows


def test_actor_rows_for_the_most_mentioned_actor(analyses: list[ArticleAnalysis]) -> None:
    mentions = Counter(m.mention.key for a in analyses for m in a.mentions)
    assert mentions, "the demo analysed with sentiment should have actor mentions"
    key, _ = mentions.most_common(1)[0]
    found = 0
    for analysis in analyses:
        own = [m for m in analysis.mentions if m.mention.key == key]
        rows = [row for row in actor_rows(analysis) if row["actor_key"] == key]
        assert len(rows) == (1 if own else 0)
        if not own:
            continue
        (row,) = rows
        found += 1
        assert tuple(row) == ACTOR_COLUMNS
        assert row["article_id"] == analysis.article.id
        assert row["mentions"] == len(own)
        assert row["score"] == pytest.approx(sum(m.score for m in own) / len(own))
        labels = Counter(m.label for m in own)
        assert [row[f"mentions_{label}"] for label in SENTIMENT_LABELS] == [
            labels[label] for label in SENTIMENT_LABELS
        ]
        assert row["actor"] == Counter(m.mention.actor for m in own).most_common(1)[0][0]
    assert found == sum(1 for a in analyses if any(m.mention.key == key for m in a.mentions))


def test_no_actor_rows_without_sentiment(analyses: list[ArticleAnalysis]) -> None:
    assert actor_rows(analyse(analyses[0].article)) == []


def test_write_and_read_back(tmp_path: Path, analyses: list[ArticleAnalysis]) -> None:
    write_all(tmp_path, analyses, flush_rows=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors.parquet", "articles.parquet"]
    articles = pq.read_table(tmp_path / "articles.parquet")
    assert articles.schema.names == list(article_columns(analyses[0].frames.categories))
    assert sorted(articles.column("article_id").to_pylist()) == sorted(
        a.article.id for a in analyses
    )
    assert pq.ParquetFile(tmp_path / "articles.parquet").metadata.num_row_groups > 1
    assert articles.schema.field("date").type == pa.date32()
    by_id = {row["article_id"]: row for row in articles.to_pylist()}
    for analysis in analyses:
        assert by_id[analysis.article.id] == article_row(analysis)
    actors = pq.read_table(tmp_path / "actors.parquet")
    assert actors.schema.names == list(ACTOR_COLUMNS)
    expected = [row for a in analyses for row in actor_rows(a)]
    assert expected and actors.num_rows == len(expected)


def test_empty_actor_batches_give_a_readable_actors_table(
    tmp_path: Path, analyses: list[ArticleAnalysis], categories: tuple[str, ...]
) -> None:
    with ResultsWriter(tmp_path, categories) as writer:
        writer.add([article_row(a) for a in analyses], [])
        writer.add([], [])
    actors = pq.read_table(tmp_path / "actors.parquet")
    assert actors.num_rows == 0
    assert actors.schema.names == list(ACTOR_COLUMNS)
    assert pq.read_table(tmp_path / "articles.parquet").num_rows == len(analyses)


def test_an_error_inside_the_block_leaves_no_files(
    tmp_path: Path, analyses: list[ArticleAnalysis], categories: tuple[str, ...]
) -> None:
    with (
        pytest.raises(RuntimeError, match="interrupted"),
        ResultsWriter(tmp_path, categories, flush_rows=1) as writer,
    ):
        writer.add([article_row(analyses[0])], actor_rows(analyses[0]))
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


def test_an_error_keeps_earlier_results(
    tmp_path: Path, analyses: list[ArticleAnalysis], categories: tuple[str, ...]
) -> None:
    write_all(tmp_path, analyses[:2])
    with pytest.raises(KeyboardInterrupt), ResultsWriter(tmp_path, categories) as writer:
        writer.add([article_row(a) for a in analyses], [])
        raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors.parquet", "articles.parquet"]
    assert pq.read_table(tmp_path / "articles.parquet").num_rows == 2


@pytest.mark.parametrize(
    ("added", "removed", "message"),
    [
        ({"extra": 1}, (), r"missing \[\], unexpected \['extra'\]"),
        ({}, ("tone",), r"missing \['tone'\], unexpected \[\]"),
    ],
)
def test_rows_with_other_columns_are_refused(
    tmp_path: Path,
    analyses: list[ArticleAnalysis],
    categories: tuple[str, ...],
    added: dict[str, object],
    removed: tuple[str, ...],
    message: str,
) -> None:
    row = {**article_row(analyses[0]), **added}
    for column in removed:
        del row[column]
    with (
        pytest.raises(
            ValueError, match=f"a row for articles.parquet does not have its columns: {message}"
        ),
        ResultsWriter(tmp_path, categories) as writer,
    ):
        writer.add([row], [])
    assert list(tmp_path.iterdir()) == []


def test_rows_of_other_frame_categories_are_refused(
    tmp_path: Path, analyses: list[ArticleAnalysis]
) -> None:
    with (
        pytest.raises(ValueError, match=r"unexpected \['frame_share_capacity_and_resources'"),
        ResultsWriter(tmp_path, ("economic", "morality")) as writer,
    ):
        writer.add([article_row(analyses[0])], [])


@pytest.mark.parametrize(
    ("categories", "message"),
    [
        (("Public opinion", "public_opinion"), "would both be column 'frame_share_public_opinion'"),
        (("economic", "???"), "no letter or digit"),
    ],
)
def test_frame_columns_must_be_distinct(
    tmp_path: Path, categories: tuple[str, ...], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        ResultsWriter(tmp_path, categories)


def test_frame_column_names_are_snake_case() -> None:
    columns = article_columns(("Public opinion", "crime-and-punishment"))
    assert "frame_share_public_opinion" in columns
    assert "frame_share_crime_and_punishment" in columns


def test_missing_pyarrow_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, categories: tuple[str, ...]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ResourceMissing, match=r"pip install 'framing\[parquet\]'"):
        ResultsWriter(tmp_path, categories)
