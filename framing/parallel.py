"""Analyse a stream of articles in chunks, in this process or in several, and merge the parts.

The main process reads the corpus (so the accounting stays in one place) and sends chunks of
articles to workers; each worker loads the models once, analyses and aggregates its chunks
(`framing.work.analyse_part`), and sends back the part. Aggregates merge exactly and in any
order (`framing.aggregate`), so the result equals a one-process run bit for bit. At most two
chunks per worker are in flight, so memory stays flat however long the stream. A stream of one
chunk (a small corpus) is analysed here: starting workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import chain, islice

from framing._collector import collect_less
from framing.aggregate import CorpusAggregate
from framing.article import Article
from framing.work import Part, Work, analyse_part

__all__ = ["CHUNK_ARTICLES", "aggregate_stream"]

CHUNK_ARTICLES = 64


def aggregate_stream(
    articles: Iterable[Article],
    work: Work,
    *,
    jobs: int = 1,
    on_part: Callable[[Part], None] | None = None,
) -> CorpusAggregate:
    """Aggregate ``articles`` as ``work`` says, in ``jobs`` processes; ``on_part`` receives
    each analysed chunk (its count and result rows) as it finishes, in no fixed order."""
    result = work.empty()
    chunks = _chunks(articles)
    head = list(islice(chunks, 2))
    if jobs == 1 or len(head) < 2:
        for chunk in chain(head, chunks):
            _absorb(result, analyse_part(chunk, work), on_part)
        return result
    # "spawn" starts clean workers: forking a process whose progress bar runs a thread is unsafe.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(work,)
    ) as pool:
        pending: set[Future[Part]] = set()
        for chunk in chain(head, chunks):
            if len(pending) >= 2 * jobs:
                _collect(pending, result, on_part)
            pending.add(pool.submit(analyse_part, chunk, work))
        while pending:
            _collect(pending, result, on_part)
    return result


def _start_worker(work: Work) -> None:
    """Load the models once, exempt them from garbage collection, and collect less often
    (`framing._collector`)."""
    from framing.pipeline import make_batch_analyser

    make_batch_analyser(work.options)
    gc.freeze()
    collect_less()


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, CHUNK_ARTICLES)):
        yield chunk


def _collect(
    pending: set[Future[Part]],
    result: CorpusAggregate,
    on_part: Callable[[Part], None] | None,
) -> None:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        pending.discard(future)
        _absorb(result, future.result(), on_part)


def _absorb(result: CorpusAggregate, part: Part, on_part: Callable[[Part], None] | None) -> None:
    result.absorb(part.aggregate)
    if on_part is not None:
        on_part(part)
