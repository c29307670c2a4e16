"""The Dask engine: the same analysis on a cluster, one task per corpus file (shard).

Two passes over the shards, both on the workers. The first lists each shard's articles by
content key, so the client can decide, in corpus order, which are exact duplicates of an
earlier shard's and which ids must change (`framing.corpus.partitions`). The second reads,
analyses and aggregates each shard under that plan. The client merges the aggregates as they
arrive (they merge exactly in any order) and the accountings in corpus order, so the result is
the local run's, bit for bit. Every worker must see the corpus at the same path (a shared or
network file system, or a copy on each machine).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from framing.aggregate import CorpusAggregate
from framing.corpus import no_readable_article
from framing.corpus.accounting import Accounting
from framing.corpus.partitions import (
    Partition,
    PartitionPlan,
    partition_keys,
    partitions,
    plan_partitions,
    read_partition,
)
from framing.resources import ResourceMissing
from framing.work import Part, Work, analyse_part

__all__ = ["aggregate_with_dask"]


def aggregate_with_dask(
    path: str | os.PathLike[str],
    work: Work,
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    limits: Mapping[str, int] | None = None,
    events: Mapping[str, str] | None = None,
    scheduler: str | None = None,
    workers: int = 1,
    on_part: Callable[[Part], None] | None = None,
) -> tuple[CorpusAggregate, Accounting]:
    """Aggregate the corpus at ``path`` on the Dask cluster whose scheduler is at
    ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``), or on a local cluster of ``workers``
    processes if it is None. Arguments as for `framing.pipeline.aggregate_corpus`."""
    distributed = _dask()
    shards = partitions(path)
    read = {"fields": fields, **(limits or {})}
    with _client(distributed, scheduler, workers) as client:
        listed = client.map(partition_keys, shards, pure=False, **read)
        plans = list(plan_partitions(_one_at_a_time(listed)))
        shared_events = client.scatter(events, broadcast=True) if events is not None else None
        futures = client.map(
            _aggregate_partition,
            shards,
            plans,
            work=work,
            strict=strict,
            events=shared_events,
            pure=False,
            **read,
        )
        order = {future.key: number for number, future in enumerate(futures)}
        accountings: list[Accounting | None] = [None] * len(futures)
        result = work.empty()
        for future in distributed.as_completed(futures):
            part, accounting = future.result()
            accountings[order[future.key]] = accounting
            result.absorb(part.aggregate)
            if on_part is not None:
                on_part(part)
            future.release()
    accounting = Accounting()
    for shard_accounting in accountings:
        accounting = accounting.merge(shard_accounting or Accounting())
    _check_loaded(path, accounting)
    return result, accounting


def _one_at_a_time(futures: list) -> Iterator[object]:
    """Each future's result in order, fetched only when wanted and released once used: the
    client holds one shard's article keys at a time, not the whole corpus's."""
    for future in futures:
        yield future.result()
        future.release()


def _aggregate_partition(
    partition: Partition,
    plan: PartitionPlan,
    *,
    work: Work,
    strict: bool,
    events: Mapping[str, str] | None,
    **read: object,
) -> tuple[Part, Accounting]:
    """One shard read under its plan, its English articles analysed and aggregated."""
    from framing.pipeline import in_english, loaded_articles

    accounting = Accounting()
    load = read_partition(partition, plan, strict=strict, **read)  # type: ignore[arg-type]
    articles = in_english(loaded_articles(load, accounting, events), accounting)
    return analyse_part(articles, work), accounting


def _check_loaded(path: str | os.PathLike[str], accounting: Accounting) -> None:
    """The errors of a local run: no readable article, or none in English."""
    from framing.pipeline import no_english_article

    if accounting.loaded == 0:
        raise no_readable_article(path, accounting)
    if accounting.loaded == len(accounting.excluded):
        raise no_english_article(path, accounting)


def _dask():
    try:
        import dask.distributed
    except ImportError:
        raise ResourceMissing(
            "the Dask engine needs dask.distributed, which is not installed: "
            "pip install 'framing[dask]'"
        ) from None
    return dask.distributed


@contextmanager
def _client(distributed, scheduler: str | None, workers: int) -> Iterator[object]:
    """A client of the cluster at ``scheduler``, or of a new local cluster (closed after)."""
    if scheduler is not None:
        with distributed.Client(scheduler) as client:
            yield client
        return
    with (
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client
