"""The whole path in one call: load -> analyse -> aggregate -> compare, streamed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from framing._bootstrap import DEFAULT_REPLICATES
from framing.actors.actor_list import ActorList
from framing.actors.portrayal import SentimentModel
from framing.aggregate import CorpusAggregate
from framing.analysers import ArticleAnalysis, FrameModel, analyse_many
from framing.analysers.frames import default_frame_lexicon
from framing.analysers.language import detect_language
from framing.analysers.lexicon import Lexicon
from framing.article import Article
from framing.compare import DEFAULT_TOP_WORDS, Comparison, compare
from framing.corpus import CorpusError, account, iter_corpus, no_readable_article
from framing.corpus._records import LoadEvent
from framing.corpus.accounting import Accounting, Merged, Skipped
from framing.events import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, Grouping, group_events
from framing.parallel import aggregate_stream
from framing.work import Part, Work

if TYPE_CHECKING:
    from framing.results import ResultsWriter

UNDETERMINED_WORDS = 50

__all__ = [
    "AnalysisOptions",
    "aggregate_corpus",
    "analyse_corpus",
    "compare_corpus",
    "english_articles",
    "group_corpus",
    "in_english",
    "loaded_articles",
    "make_analyser",
    "make_batch_analyser",
    "no_english_article",
    "not_english",
    "read_articles",
]


@dataclass(frozen=True)
class AnalysisOptions:
    """How to analyse each article.

    Parameters
    ----------
    lexicon : Lexicon, optional
        The frame dictionary; the shipped Policy Frames dictionary by default.
    frame_model : FrameModel, optional
        A trained frame classifier to use instead of the dictionary (its classes are the
        frames; an article's frame shares are its class probabilities, normalised).
    frame_model_name : str, default="model"
        How the report names the model (e.g. its file).
    exclude_quotes : bool, default=False
        Leave dictionary cues inside quotation marks out of the frame scores.
    actors : ActorList, optional
        The user's actors, which take precedence over automatic discovery.
    sentiment : SentimentModel, optional
        The target-dependent sentiment model; the shipped one by default.
    find_actors : bool, default=True
        Find actors and score sentiment toward them.
    """

    lexicon: Lexicon | None = None
    frame_model: FrameModel | None = None
    frame_model_name: str = "model"
    exclude_quotes: bool = False
    actors: ActorList | None = None
    sentiment: SentimentModel | None = None
    find_actors: bool = True

    def categories(self) -> tuple[str, ...]:
        """The frame categories the analysis scores."""
        if self.frame_model is not None:
            return tuple(str(label) for label in self.frame_model.classes_)
        return (self.lexicon or default_frame_lexicon()).categories

    def settings(self) -> dict[str, object]:
        """The options as plain data for reports."""
        lexicon = self.lexicon or default_frame_lexicon()
        return {
            "frame_method": "dictionary" if self.frame_model is None else "model",
            "frame_classifier": lexicon.name if self.frame_model is None else self.frame_model_name,
            "exclude_quotes": self.exclude_quotes,
            "actor_list": self.actors.source if self.actors is not None else None,
        }


def read_articles(
    path: str | os.PathLike[str],
    accounting: Accounting,
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    limits: Mapping[str, int] | None = None,
    events: Mapping[str, str] | None = None,
) -> Iterator[Article]:
    """Stream the articles at ``path``, recording the load in ``accounting``.

    With ``events`` (article content key -> event id, from `group_corpus`), each article's
    event is replaced by the one found. ``limits`` are `iter_corpus`'s size limits by name
    (``max_record_bytes``, ``max_file_bytes``); every function here passes them on. Raises
    `CorpusError` when the path does not exist or holds no readable article.
    """
    load = iter_corpus(path, fields=fields, strict=strict, **(limits or {}))
    yield from loaded_articles(load, accounting, events)
    if accounting.loaded == 0:
        raise no_readable_article(path, accounting)


def loaded_articles(
    load: Iterable[LoadEvent | Merged],
    accounting: Accounting,
    events: Mapping[str, str] | None = None,
) -> Iterator[Article]:
    """The articles among a corpus's load events (of `iter_corpus`, or of one shard), each
    event recorded in ``accounting``; with ``events`` (content key -> event id), each
    article's event is replaced by the one found."""
    for event in load:
        account(accounting, event)
        if isinstance(event, Article):
            yield event if events is None else replace(event, event=events.get(event.content_key))


def not_english(article: Article) -> str:
    """Why an article cannot go through the English-only analysers, or "" if it can.

    A language the corpus gives wins ("en", "en-US", "English"); otherwise it is detected
    (`framing.analysers.language`). An undecided article counts as English when it is short
    (a headline-like text) and is left out when it has `UNDETERMINED_WORDS` words or more.
    """
    given = (article.language or "").strip().lower()
    if given:
        if given.startswith("en"):
            return ""
        return f"not in English (language given as {article.language!r})"
    found = detect_language(article.full_text)
    if found.code == "en":
        return ""
    if found.code is not None:
        return f"not in English (detected {found.code})"
    if len(article.full_text.split()) >= UNDETERMINED_WORDS:
        return "language undetermined (not recognisably English)"
    return ""


def group_corpus(
    path: str | os.PathLike[str],
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    limits: Mapping[str, int] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
    on_article: Callable[[], None] | None = None,
) -> tuple[Grouping, Accounting]:
    """Read the corpus at ``path`` once and group its articles into events (`group_events`)."""
    accounting = Accounting()

    def counted() -> Iterator[Article]:
        for article in read_articles(path, accounting, fields=fields, strict=strict, limits=limits):
            if on_article is not None:
                on_article()
            yield article

    grouping = group_events(counted(), threshold=threshold, window_days=window_days)
    return grouping, accounting


def english_articles(
    path: str | os.PathLike[str],
    accounting: Accounting,
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    limits: Mapping[str, int] | None = None,
    events: Mapping[str, str] | None = None,
) -> Iterator[Article]:
    """The articles of `read_articles` that the English-only analysers can read; the others
    are recorded in ``accounting.excluded``. Raises `CorpusError` if none is left."""
    kept = 0
    articles = read_articles(
        path, accounting, fields=fields, strict=strict, limits=limits, events=events
    )
    for article in in_english(articles, accounting):
        kept += 1
        yield article
    if kept == 0:
        raise no_english_article(path, accounting)


def in_english(articles: Iterable[Article], accounting: Accounting) -> Iterator[Article]:
    """The articles the English-only analysers can read; the others are recorded in
    ``accounting.excluded`` with why (`not_english`)."""
    for article in articles:
        reason = not_english(article)
        if reason:
            accounting.excluded.append(Skipped(article.source or article.id, reason))
            continue
        yield article


def no_english_article(path: str | os.PathLike[str], accounting: Accounting) -> CorpusError:
    """The error for a corpus whose every loaded article was left out as not English."""
    return CorpusError(
        str(path),
        f"no article in English: all {accounting.loaded} loaded articles were left out "
        f"({accounting.excluded[0].reason}, ...)",
        "framing's frame, cue and sentiment analysers read English only",
    )


def make_analyser(options: AnalysisOptions) -> Callable[[Article], ArticleAnalysis]:
    """The analysis of one article with these options (models loaded once, here)."""
    analyse_batch = make_batch_analyser(options)
    return lambda article: analyse_batch([article])[0]


def make_batch_analyser(
    options: AnalysisOptions,
) -> Callable[[Sequence[Article]], list[ArticleAnalysis]]:
    """The analysis of several articles at once with these options (`analyse_many`: the
    same results as one at a time, faster)."""
    lexicon = options.lexicon or default_frame_lexicon()
    sentiment = options.sentiment
    if options.find_actors and sentiment is None:
        from framing.sentiment import load_target_sentiment

        sentiment = load_target_sentiment()

    def analyser(articles: Sequence[Article]) -> list[ArticleAnalysis]:
        return analyse_many(
            articles,
            lexicon=lexicon,
            frame_model=options.frame_model,
            exclude_quotes=options.exclude_quotes,
            sentiment=sentiment if options.find_actors else None,
            actors=options.actors,
        )

    return analyser


def analyse_corpus(
    path: str | os.PathLike[str],
    accounting: Accounting,
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    limits: Mapping[str, int] | None = None,
    options: AnalysisOptions | None = None,
    events: Mapping[str, str] | None = None,
) -> Iterator[ArticleAnalysis]:
    """Stream the analysis of every article at ``path``, recording the load in ``accounting``.

    ``events`` (content key -> event id) replaces each article's event, as in
    `read_articles`. Raises `CorpusError` when the path does not exist or holds no readable
    article in English.
    """
    analyser = make_analyser(options or AnalysisOptions())
    for article in english_articles(
        path, accounting, fields=fields, strict=strict, limits=limits, events=events
    ):
        yield analyser(article)


def aggregate_corpus(
    path: str | os.PathLike[str],
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    limits: Mapping[str, int] | None = None,
    options: AnalysisOptions | None = None,
    seed: int = 0,
    replicates: int = DEFAULT_REPLICATES,
    keep_articles: bool = True,
    events: Mapping[str, str] | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache: str | os.PathLike[str] | None = None,
    results: str | os.PathLike[str] | None = None,
    on_article: Callable[[], None] | None = None,
) -> tuple[CorpusAggregate, Accounting]:
    """Load, analyse and aggregate the corpus at ``path``, in bounded chunks of articles.

    ``keep_articles`` keeps a bounded sample of each event's sentences for the omission
    analysis; ``events`` (content key -> event id, from `group_corpus`) replaces the articles'
    events. ``jobs`` > 1 analyses in that many processes (`framing.parallel`); ``engine="dask"``
    on the Dask cluster at ``scheduler`` (a local one with ``jobs`` workers if None), reading
    the corpus file by file (`framing.distributed`); every engine gives the same result.
    ``cache`` is a folder of analyses kept between runs (`framing.cache`); ``results`` a folder
    to write per-article results to as Parquet (`framing.results`). ``on_article`` is called
    with no arguments once per article aggregated (a progress bar). Raises `CorpusError` as
    `analyse_corpus` does.
    """
    options = options or AnalysisOptions()
    work = Work(
        options,
        (options.categories(), seed, replicates, keep_articles),
        cache=(Path(cache), _fingerprint(options)) if cache is not None else None,
        rows=results is not None,
    )
    with _results_writer(results, work) as writer:

        def on_part(part: Part) -> None:
            if writer is not None:
                writer.add(part.rows, part.actor_rows)
            if on_article is not None:
                for _ in range(part.articles):
                    on_article()

        if engine == "dask":
            from framing.distributed import aggregate_with_dask

            return aggregate_with_dask(
                path,
                work,
                fields=fields,
                strict=strict,
                limits=limits,
                events=events,
                scheduler=scheduler,
                workers=jobs,
                on_part=on_part,
            )
        if engine != "local":
            raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
        accounting = Accounting()
        articles = english_articles(
            path, accounting, fields=fields, strict=strict, limits=limits, events=events
        )
        result = aggregate_stream(articles, work, jobs=jobs, on_part=on_part)
        return result, accounting


def _fingerprint(options: AnalysisOptions) -> str:
    from framing.cache import options_fingerprint

    return options_fingerprint(options)


@contextmanager
def _results_writer(
    folder: str | os.PathLike[str] | None, work: Work
) -> Iterator[ResultsWriter | None]:
    if folder is None:
        yield None
        return
    from framing.results import ResultsWriter

    with ResultsWriter(Path(folder), work.options.categories()) as writer:
        yield writer


def compare_corpus(
    path: str | os.PathLike[str],
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    limits: Mapping[str, int] | None = None,
    options: AnalysisOptions | None = None,
    seed: int = 0,
    replicates: int = DEFAULT_REPLICATES,
    top_words: int = DEFAULT_TOP_WORDS,
    on_article: Callable[[], None] | None = None,
) -> Comparison:
    """Load, analyse and compare the corpus at ``path``, one article at a time.

    Parameters
    ----------
    path : str or PathLike
        A corpus file or folder (see `framing.corpus.iter_corpus`).
    fields : Mapping[str, str], optional
        Article field -> record field name.
    strict : bool, default=False
        Stop with `CorpusError` at the first skipped input.
    options : AnalysisOptions, optional
        How to analyse each article (frame classifier, actors, sentiment model).
    seed : int, default=0
        Seed of the bootstrap and of the permutation tests.
    replicates : int, default=1000
        Bootstrap replicates.
    top_words : int, default=10
        Distinctive words (and bigrams) kept per outlet.
    on_article : callable, optional
        Called (with no arguments) once per article aggregated, for a progress bar.

    Raises
    ------
    CorpusError
        If the path does not exist or holds no readable article (or, with ``strict``, at the
        first skip).

    Examples
    --------
    >>> from framing.demo import demo_corpus_path
    >>> result = compare_corpus(demo_corpus_path())
    >>> len(result.overall.outlets) >= 5
    True
    """
    options = options or AnalysisOptions()
    aggregate, accounting = aggregate_corpus(
        path,
        fields=fields,
        strict=strict,
        limits=limits,
        options=options,
        seed=seed,
        replicates=replicates,
        on_article=on_article,
    )
    return compare(
        aggregate,
        accounting,
        top_words=top_words,
        settings={"corpus": str(path), **options.settings()},
    )
