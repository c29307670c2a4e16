"""Align the content of several events in worker processes while the comparison goes on.

Content alignment (`framing.omission.align_content`) is a pure function of an event's sample
of articles and about half of the compare stage's time, so with ``jobs`` > 1 each event's
alignment runs in one of ``jobs - 1`` worker processes while this process compares the outlets
(actors, frames, words, tests). The workers take the events from the first; when this process
is done, it takes those no worker has started from the last, so neither side waits while the
other has work. The result is the same as aligning each event here.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from framing.aggregate import EventSample
from framing.omission import Coverage, EventArticle, align_content

__all__ = ["CoverageJobs", "event_coverage"]

CoverageResult = tuple[Coverage | None, str]  # the coverage (None if none) and its note


def event_coverage(sample: EventSample | None) -> CoverageResult:
    """Align the content of an event's sampled articles when 2+ outlets cover it, with a note
    saying why there is no coverage, or that it comes from a sample."""
    if sample is None or len({article.outlet for article in sample.articles}) < 2:
        return None, "no coverage matrix: fewer than two outlets"
    articles = [
        EventArticle(article.outlet, article.key, article.title, article.sentences)
        for article in sample.articles
    ]
    note = ""
    if sample.seen > len(sample.articles):
        note = (
            f"coverage from a deterministic sample of {len(sample.articles)} of the event's "
            f"{sample.seen} articles"
        )
    try:
        return align_content(articles), note
    except ValueError as error:
        return None, f"no coverage matrix: {error}"


class CoverageJobs:
    """The coverage of each of some events' samples, computed in ``jobs - 1`` worker
    processes (here, one at a time, when ``jobs`` is 1 or there is one sample)."""

    def __init__(self, samples: Sequence[EventSample | None], jobs: int) -> None:
        self._samples = list(samples)
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[CoverageResult]] = []
        if jobs > 1 and len(self._samples) > 1:
            # "spawn", as for the analysis: the progress bar runs a thread, so forking is unsafe.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(jobs - 1, mp_context=context)
            self._futures = [self._pool.submit(event_coverage, s) for s in self._samples]

    def results(self) -> list[CoverageResult]:
        """Every sample's coverage, in order. Those no worker has started are computed here,
        from the last backwards, while the workers go on from the first."""
        if self._pool is None:
            return [event_coverage(sample) for sample in self._samples]
        found: list[CoverageResult] = []
        for future, sample in zip(reversed(self._futures), reversed(self._samples), strict=True):
            found.append(event_coverage(sample) if future.cancel() else future.result())
        return found[::-1]

    def __enter__(self) -> CoverageJobs:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
