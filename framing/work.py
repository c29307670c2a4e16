"""One unit of work, the same in every engine: analyse some articles and aggregate them.

The in-process loop, the local process pool (`framing.parallel`) and the Dask engine
(`framing.distributed`) all call `analyse_part`, so they differ only in where it runs. A `Work`
is plain picklable data: each process rebuilds its analyser (models load once per process) and
opens the cache from its folder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from framing.aggregate import CorpusAggregate
from framing.analysers import ArticleAnalysis
from framing.article import Article

if TYPE_CHECKING:
    from framing.cache import AnalysisCache
    from framing.pipeline import AnalysisOptions

__all__ = ["Part", "Work", "analyse_part"]

# Articles analysed together: the sentiment model scores all their mentions in one call.
BATCH_ARTICLES = 64
Settings = tuple[tuple[str, ...], int, int, bool]  # categories, seed, replicates, keep_articles


@dataclass(frozen=True)
class Work:
    """How to analyse and aggregate: the options, the aggregate's settings, the cache (its
    folder and the options' fingerprint; None for no cache) and whether to return per-article
    result rows."""

    options: AnalysisOptions
    settings: Settings
    cache: tuple[Path, str] | None = None
    rows: bool = False

    def empty(self) -> CorpusAggregate:
        """An aggregate with these settings and nothing in it."""
        return CorpusAggregate(*self.settings)


@dataclass
class Part:
    """The aggregate of some articles, how many, and their result rows."""

    aggregate: CorpusAggregate
    articles: int = 0
    rows: list[dict[str, object]] = field(default_factory=list)
    actor_rows: list[dict[str, object]] = field(default_factory=list)


def analyse_part(articles: Iterable[Article], work: Work) -> Part:
    """Analyse and aggregate ``articles`` as ``work`` says, a batch at a time."""
    from framing.pipeline import make_batch_analyser

    part = Part(work.empty())
    analyse_batch = make_batch_analyser(work.options)
    cache = _cache(*work.cache) if work.cache is not None else None
    if cache is not None:
        from framing.cache import cached_analyser

        analyse_batch = cached_analyser(analyse_batch, cache)
    for batch in _batches(articles):
        for analysis in analyse_batch(batch):
            _add(part, analysis, work.rows)
    if cache is not None:
        cache.flush()
    return part


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, BATCH_ARTICLES)):
        yield batch


def _add(part: Part, analysis: ArticleAnalysis, rows: bool) -> None:
    part.aggregate.add(analysis)
    part.articles += 1
    if rows:
        from framing.results import actor_rows, article_row

        part.rows.append(article_row(analysis))
        part.actor_rows.extend(actor_rows(analysis))


_open_caches: dict[tuple[Path, str], AnalysisCache] = {}


def _cache(folder: Path, fingerprint: str) -> AnalysisCache:
    """This process's connection to the cache in ``folder``, opened once."""
    from framing.cache import AnalysisCache

    key = (folder, fingerprint)
    if key not in _open_caches:
        _open_caches[key] = AnalysisCache(folder, fingerprint)
    return _open_caches[key]
