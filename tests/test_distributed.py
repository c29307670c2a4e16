"""The Dask engine and the file-by-file reading it rests on give the local run's result."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.compare import compare
from framing.corpus import account, iter_corpus, load_corpus
from framing.corpus.accounting import Accounting
from framing.corpus.partitions import (
    partition_keys,
    partitions,
    plan_partitions,
    read_partition,
)
from framing.pipeline import aggregate_corpus
from framing.render.json import comparison_to_json
from tests.test_aggregate import equal


def shard_corpus(tmp_path, demo_path):
    """The demo's paragraphs as articles in three JSONL shards, with a bad line, a story
    repeated in a later shard and an id reused there for other text."""
    lines = []
    for article in load_corpus(demo_path).articles:
        for number, paragraph in enumerate(article.text.split("\n\n")):
            if len(paragraph.split()) > 15:
                record = {
                    "id": f"{article.outlet}-{number}",
                    "outlet": article.outlet,
                    "title": "",
                    "text": paragraph,
                    "event": "early" if number < 4 else "late",
                }
                lines.append(json.dumps(record))
    third = len(lines) // 3
    reused = json.loads(lines[1]) | {"text": "A different story about the carrier group."}
    folder = tmp_path / "shards"
    folder.mkdir()
    (folder / "part-1.jsonl").write_text("\n".join([*lines[:third], "{not json"]))
    (folder / "part-2.jsonl").write_text("\n".join([*lines[third : 2 * third], lines[0]]))
    (folder / "part-3.jsonl").write_text("\n".join([*lines[2 * third :], json.dumps(reused)]))
    return folder


def test_reading_shard_by_shard_yields_what_one_pass_yields(tmp_path, demo_path):
    folder = shard_corpus(tmp_path, demo_path)
    shards = partitions(folder)
    plans = plan_partitions([partition_keys(shard) for shard in shards])
    by_shard = [
        event
        for shard, plan in zip(shards, plans, strict=True)
        for event in read_partition(shard, plan)
    ]
    one_pass = list(iter_corpus(folder))
    assert by_shard == one_pass
    accounting = Accounting()
    for event in one_pass:
        account(accounting, event)
    assert accounting.duplicates == 1 and len(accounting.skipped) == 1
    assert any("@" in getattr(event, "id", "") for event in one_pass)  # the reused id renamed


def test_a_plan_is_made_before_the_next_shards_keys_are_read(tmp_path, demo_path):
    shards = partitions(shard_corpus(tmp_path, demo_path))
    read: list[int] = []

    def keys_as_read():
        for number, shard in enumerate(shards):
            read.append(number)
            yield partition_keys(shard)

    plans = plan_partitions(keys_as_read())
    for number, _ in enumerate(plans):
        assert read == list(range(number + 1))  # only the shards up to this plan's
    assert read == [0, 1, 2]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_a_dask_cluster_gives_the_local_result(tmp_path, demo_path, cluster):
    folder = shard_corpus(tmp_path, demo_path)
    local, local_accounting = aggregate_corpus(folder, seed=5, jobs=1)
    remote, remote_accounting = aggregate_corpus(
        folder, seed=5, engine="dask", scheduler=cluster.scheduler_address
    )
    assert remote_accounting.to_dict() == local_accounting.to_dict()
    assert remote_accounting.loaded > 50
    assert equal(local, remote)
    assert comparison_to_json(compare(remote, remote_accounting)) == comparison_to_json(
        compare(local, local_accounting)
    )


def test_engine_option_runs_on_the_given_scheduler(tmp_path, demo_path, cluster):
    folder = shard_corpus(tmp_path, demo_path)
    runner = CliRunner()
    local = runner.invoke(main, ["compare", str(folder), "--json", "--jobs", "1"])
    address = cluster.scheduler_address
    remote = runner.invoke(
        main, ["compare", str(folder), "--json", "--engine", "dask", "--scheduler", address]
    )
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == json.loads(local.stdout)


def test_a_scheduler_without_the_dask_engine_is_a_usage_error(demo_path):
    result = CliRunner().invoke(main, ["compare", str(demo_path), "--scheduler", "tcp://x:1"])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output
