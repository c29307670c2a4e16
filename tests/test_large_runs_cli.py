"""The options for large runs: --cache reuses analyses, --results writes per-article Parquet,
framing convert writes Parquet and JSONL shards, --jobs defaults to all cores."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.cli._options import all_cores
from framing.corpus import load_corpus

pq = pytest.importorskip("pyarrow.parquet")


def compare_json(*arguments: str) -> dict:
    result = CliRunner().invoke(main, ["compare", *arguments, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_second_run_with_the_cache_reuses_every_analysis(tmp_path, demo_path, monkeypatch):
    cache = tmp_path / "cache"
    first = compare_json(str(demo_path), "--cache", str(cache))
    import framing.work

    def no_analysis(options):
        raise AssertionError("an unchanged article was analysed again")

    monkeypatch.setattr("framing.pipeline.make_batch_analyser", lambda options: no_analysis)
    framing.work._open_caches.clear()
    second = compare_json(str(demo_path), "--cache", str(cache))
    assert second == first


def test_the_cache_folder_can_come_from_the_environment(tmp_path, demo_path):
    cache = tmp_path / "from-env"
    result = CliRunner(env={"FRAMING_CACHE": str(cache)}).invoke(
        main, ["compare", str(demo_path), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert any(cache.iterdir())


def test_results_hold_one_row_per_article_and_per_actor(tmp_path, demo_path):
    report = compare_json(str(demo_path), "--results", str(tmp_path / "out"))
    articles = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    actors = pq.read_table(tmp_path / "out" / "actors.parquet").to_pylist()
    ids = sorted(article.id for article in load_corpus(demo_path).articles)
    assert sorted(row["article_id"] for row in articles) == ids
    by_outlet = {row["outlet"]: row for row in articles}
    for outlet, figures in report["outlets"].items():
        # one article per demo outlet: the outlet's tone is its article's
        assert by_outlet[outlet]["tone"] == pytest.approx(figures["tone"]["mean"], abs=1e-6)
    assert {row["article_id"] for row in actors} <= set(ids)
    assert any(row["actor_key"] == "nicolas maduro" and row["mentions"] > 1 for row in actors)


@pytest.mark.parametrize("suffix", ["parquet", "jsonl"])
def test_convert_writes_a_corpus_that_reads_back_the_same(tmp_path, demo_path, suffix):
    target = tmp_path / f"demo.{suffix}"
    result = CliRunner().invoke(main, ["convert", str(demo_path), str(target)])
    assert result.exit_code == 0, result.output
    assert load_corpus(target).articles == load_corpus(demo_path).articles


def test_convert_shards_and_the_shards_compare_like_the_whole(tmp_path, demo_path):
    shards = tmp_path / "shards"
    result = CliRunner().invoke(
        main, ["convert", str(demo_path), str(shards), "--format", "parquet", "--shard-size", "4"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in shards.iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    whole = compare_json(str(demo_path))
    sharded = compare_json(str(shards))
    assert sharded["outlets"] == whole["outlets"]


def test_convert_needs_a_format_it_can_write(tmp_path, demo_path):
    result = CliRunner().invoke(main, ["convert", str(demo_path), str(tmp_path / "x.csv")])
    assert result.exit_code == 2
    assert "--format jsonl or parquet" in result.output


def test_jobs_default_to_every_core_this_process_may_use():
    help_text = CliRunner().invoke(main, ["compare", "--help"]).output
    assert "all cores" in help_text
    assert all_cores() >= 1


def test_the_streamed_json_is_the_json_document(tmp_path, demo_path):
    import io

    from framing.pipeline import compare_corpus
    from framing.render.json import comparison_to_json, write_comparison_json
    from tests.test_parallel import paragraph_corpus

    comparison = compare_corpus(paragraph_corpus(tmp_path, demo_path))
    assert len(comparison.events) == 2
    written = io.StringIO()
    write_comparison_json(comparison, written)
    assert written.getvalue() == comparison_to_json(comparison) + "\n"
    assert [event["event"] for event in json.loads(written.getvalue())["events"]] == [
        "early",
        "late",
    ]
