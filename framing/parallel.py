"""Analyse a stream of articles in several processes and merge their aggregates.

The main process reads the corpus (so the accounting stays in one place) and sends chunks of
articles to workers; each worker loads the models once, analyses and aggregates its chunks,
and sends back the aggregate. Aggregates merge exactly and in any order (`framing.aggregate`),
so the result equals a one-process run bit for bit. At most two chunks per worker are in flight,
so memory stays flat however long the stream.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice

from framing.aggregate import CorpusAggregate
from framing.article import Article

__all__ = ["CHUNK_ARTICLES", "aggregate_in_parallel"]

CHUNK_ARTICLES = 64

_Settings = tuple[tuple[str, ...], int, int, bool]  # categories, seed, replicates, keep_articles
_worker: dict[str, object] = {}  # the worker process's analyser and settings


def aggregate_in_parallel(
    articles: Iterable[Article],
    options: object,
    settings: _Settings,
    *,
    jobs: int,
    on_article: Callable[[], None] | None = None,
) -> CorpusAggregate:
    """Aggregate ``articles`` analysed with ``options`` (an `AnalysisOptions`) in ``jobs``
    processes. ``on_article`` is called once per article as chunks finish."""
    result = CorpusAggregate(*settings)
    # "spawn" starts clean workers: forking a process whose progress bar runs a thread is unsafe.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start, initargs=(options, settings)
    ) as pool:
        pending: set[Future[tuple[CorpusAggregate, int]]] = set()
        for chunk in _chunks(articles):
            if len(pending) >= 2 * jobs:
                result = _collect(pending, result, on_article)
            pending.add(pool.submit(_aggregate_chunk, chunk))
        while pending:
            result = _collect(pending, result, on_article)
    return result


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, CHUNK_ARTICLES)):
        yield chunk


def _collect(
    pending: set[Future[tuple[CorpusAggregate, int]]],
    result: CorpusAggregate,
    on_article: Callable[[], None] | None,
) -> CorpusAggregate:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        pending.discard(future)
        part, count = future.result()
        result.absorb(part)
        if on_article is not None:
            for _ in range(count):
                on_article()
    return result


def _start(options: object, settings: _Settings) -> None:
    from framing.pipeline import make_analyser

    _worker["analyser"] = make_analyser(options)  # type: ignore[arg-type]
    _worker["settings"] = settings


def _aggregate_chunk(chunk: list[Article]) -> tuple[CorpusAggregate, int]:
    analyser = _worker["analyser"]
    part = CorpusAggregate(*_worker["settings"])  # type: ignore[misc]
    for article in chunk:
        part.add(analyser(article))  # type: ignore[operator]
    return part, len(chunk)
