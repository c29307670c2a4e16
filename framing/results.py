"""Per-article results as Parquet tables, to query later without rerunning the analysis.

Two tables, written by `ResultsWriter` into one folder:

``articles.parquet``, one row per article (`article_row`):
    ``article_id``, ``content_key``, ``outlet``, ``event``, ``date``, ``title``, ``url``,
    ``n_words``, ``n_sentences``; ``tone`` (mean sentence compound, -1 to +1);
    ``negative_share`` and ``positive_share`` (shares of sentences); ``primary_frame``;
    ``frame_share_<category>`` for each frame category (its share of the article's frame cue
    weight); ``cue_rate_<category>`` for each of `CUE_CATEGORIES` (cues per 1,000 words);
    ``attributions``, ``direct_attributions``, ``anonymous_attributions`` (counts).

``actors.parquet``, one row per (article, actor) with scored mentions (`actor_rows`):
    ``article_id``, ``content_key``, ``outlet``, ``event``, ``actor_key``, ``actor`` (the
    article's most frequent display name of the actor), ``kind``, ``mentions``, ``score`` (mean
    p(positive) - p(negative) over the mentions), and ``mentions_<label>`` for each of
    `SENTIMENT_LABELS` (mentions whose most probable sentiment is that label).

Column names are snake_case so SQL and R need no quoting: a frame category is lower-cased and
each run of characters other than letters, digits and ``_`` becomes ``_`` (``economic`` gives
``frame_share_economic``). Values come from `framing.aggregate.article_measures`, so they
mean what the outlet figures mean; a ratio whose denominator is 0 is null: frame shares of an
article without frame cues, sentence shares of an article without sentences, cue rates of one
without words. The mean of ``frame_share_*`` over an outlet's articles (nulls left out, as SQL
``AVG`` does) is the outlet's frame share; sentence shares and cue rates of an outlet are ratios
of sums (``SUM(cue count) / SUM(n_words)``), not means of the article values.

Rows are written in the order they arrive, which with parallel workers is not the corpus order:
sort by ``article_id`` (and ``actor_key``) for a stable order. Join the tables on
``article_id``.
"""

from __future__ import annotations

import os
import re
import secrets
from collections import Counter
from collections.abc import Iterable
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any, BinaryIO

from framing.actors.portrayal import SENTIMENT_LABELS, ScoredMention
from framing.aggregate import article_measures, measure_names
from framing.analysers import ArticleAnalysis
from framing.analysers.cues import CUE_CATEGORIES
from framing.resources import ResourceMissing

__all__ = [
    "ACTORS_FILE",
    "ACTOR_COLUMNS",
    "ARTICLES_FILE",
    "FLUSH_ROWS",
    "ResultsWriter",
    "actor_rows",
    "article_columns",
    "article_row",
]

ARTICLES_FILE = "articles.parquet"
ACTORS_FILE = "actors.parquet"
# Rows buffered per table before they are written out as one Parquet row group.
FLUSH_ROWS = 4096

_HEAD: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("content_key", "string"),
    ("outlet", "string"),
    ("event", "string"),
    ("date", "date"),
    ("title", "string"),
    ("url", "string"),
    ("n_words", "int"),
    ("n_sentences", "int"),
    ("tone", "float"),
    ("negative_share", "float"),
    ("positive_share", "float"),
    ("primary_frame", "string"),
)
_TAIL: tuple[tuple[str, str], ...] = (
    *((f"cue_rate_{category}", "float") for category in CUE_CATEGORIES),
    ("attributions", "int"),
    ("direct_attributions", "int"),
    ("anonymous_attributions", "int"),
)
_ACTOR_FIELDS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("content_key", "string"),
    ("outlet", "string"),
    ("event", "string"),
    ("actor_key", "string"),
    ("actor", "string"),
    ("kind", "string"),
    ("mentions", "int"),
    ("score", "float"),
    *((f"mentions_{label}", "int") for label in SENTIMENT_LABELS),
)
ACTOR_COLUMNS: tuple[str, ...] = tuple(name for name, _ in _ACTOR_FIELDS)
_NOT_WORD = re.compile(r"\W+")


@lru_cache(maxsize=8)
def _frame_columns(categories: tuple[str, ...]) -> tuple[str, ...]:
    """``frame_share_<category>`` per category, snake_case; a clash or empty name is an error."""
    columns: dict[str, str] = {}
    for category in categories:
        safe = _NOT_WORD.sub("_", category.lower()).strip("_")
        if not safe:
            raise ValueError(
                f"frame category {category!r} has no letter or digit to name its column"
            )
        column = f"frame_share_{safe}"
        if column in columns:
            raise ValueError(
                f"frame categories {columns[column]!r} and {category!r} would both be column "
                f"{column!r}; rename one of them"
            )
        columns[column] = category
    return tuple(columns)


def _article_fields(categories: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return (*_HEAD, *((column, "float") for column in _frame_columns(categories)), *_TAIL)


def article_columns(categories: tuple[str, ...]) -> tuple[str, ...]:
    """The columns of ``articles.parquet`` for these frame categories, in order.

    Raises
    ------
    ValueError
        If two categories give the same column name, or one has no letter or digit.
    """
    return tuple(name for name, _ in _article_fields(categories))


def article_row(analysis: ArticleAnalysis) -> dict[str, object]:
    """One article's row of ``articles.parquet``: plain values, picklable, no I/O.

    Ratios are taken from `framing.aggregate.article_measures` (null where its denominator is
    0), so an article's figures are defined exactly as the outlet figures built from them.
    """
    article = analysis.article
    categories = analysis.frames.categories
    numerators, denominators = article_measures(analysis)
    pairs = zip(numerators, denominators, strict=True)
    measures = dict(zip(measure_names(categories), pairs, strict=True))

    def ratio(name: str) -> float | None:
        numerator, denominator = measures[name]
        return numerator / denominator if denominator else None

    direct, attributions = measures["sources:direct_share"]
    anonymous, _ = measures["sources:anonymous_share"]
    return {
        "article_id": article.id,
        "content_key": article.content_key,
        "outlet": article.outlet,
        "event": article.event,
        "date": article.date,
        "title": article.title,
        "url": article.url,
        "n_words": analysis.n_words,
        "n_sentences": len(analysis.tone.compounds),
        "tone": analysis.tone.mean,
        "negative_share": ratio("sentences:negative"),
        "positive_share": ratio("sentences:positive"),
        "primary_frame": analysis.frames.primary,
        **{
            column: ratio(f"frame:{category}")
            for column, category in zip(_frame_columns(categories), categories, strict=True)
        },
        **{f"cue_rate_{category}": ratio(f"cue:{category}") for category in CUE_CATEGORIES},
        "attributions": attributions,
        "direct_attributions": round(direct),
        "anonymous_attributions": round(anonymous),
    }


def actor_rows(analysis: ArticleAnalysis) -> list[dict[str, object]]:
    """The article's rows of ``actors.parquet``: one per actor with scored mentions, in order
    of first mention. Empty when the analysis ran without a sentiment model. Pure."""
    article = analysis.article
    by_actor: dict[str, list[ScoredMention]] = {}
    for scored in analysis.mentions:
        by_actor.setdefault(scored.mention.key, []).append(scored)
    rows: list[dict[str, object]] = []
    for key, mentions in by_actor.items():
        labels = Counter(scored.label for scored in mentions)
        rows.append(
            {
                "article_id": article.id,
                "content_key": article.content_key,
                "outlet": article.outlet,
                "event": article.event,
                "actor_key": key,
                "actor": _most_common(scored.mention.actor for scored in mentions),
                "kind": _most_common(scored.mention.kind for scored in mentions),
                "mentions": len(mentions),
                "score": sum(scored.score for scored in mentions) / len(mentions),
                **{f"mentions_{label}": labels[label] for label in SENTIMENT_LABELS},
            }
        )
    return rows


def _most_common(values: Iterable[str]) -> str:
    """The most frequent value; on a tie, the first seen."""
    return Counter(values).most_common(1)[0][0]


def _pyarrow() -> tuple[ModuleType, ModuleType]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ResourceMissing(
            "writing Parquet results needs pyarrow, which is not installed: "
            "pip install 'framing[parquet]'"
        ) from None
    return pyarrow, pyarrow.parquet


class ResultsWriter:
    """Stream article and actor rows into ``articles.parquet`` and ``actors.parquet``.

    A context manager. Rows are buffered and written every ``flush_rows`` rows per table, as
    one row group each, under a fixed schema built from ``categories``, so memory stays flat
    however long the corpus. Both files are written to temporary names in ``folder`` and
    renamed over ``articles.parquet`` and ``actors.parquet`` when the block ends without an
    error; after an error the temporary files are removed and earlier results are left as
    they were. Rows are stored in the order they are added: sort by ``article_id`` to read
    them in a stable order.

    Parameters
    ----------
    folder : Path
        Where the two files go; created if needed.
    categories : tuple[str, ...]
        The frame categories of the analyses (their ``frames.categories``).
    flush_rows : int, default=FLUSH_ROWS
        Rows per table buffered before they are written.

    Raises
    ------
    ResourceMissing
        If pyarrow is not installed (the message says how to install it).
    ValueError
        If two categories give the same column name (see `article_columns`).

    Examples
    --------
    >>> import tempfile
    >>> from framing.analysers import analyse
    >>> from framing.article import Article
    >>> analysis = analyse(Article("a1", "Wire", "Talks stall", "The talks stalled again."))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with ResultsWriter(Path(folder), analysis.frames.categories) as writer:
    ...         writer.add([article_row(analysis)], actor_rows(analysis))
    ...     sorted(path.name for path in Path(folder).iterdir())
    ['actors.parquet', 'articles.parquet']
    """

    def __init__(
        self, folder: Path, categories: tuple[str, ...], *, flush_rows: int = FLUSH_ROWS
    ) -> None:
        self._pa, self._pq = _pyarrow()
        self.folder = Path(folder)
        self.flush_rows = flush_rows
        pa = self._pa
        types = {
            "string": pa.string(),
            "int": pa.int64(),
            "float": pa.float64(),
            "date": pa.date32(),
        }
        self._tables = {
            name: _Table(name, pa.schema([(column, types[kind]) for column, kind in fields]))
            for name, fields in (
                (ARTICLES_FILE, _article_fields(tuple(categories))),
                (ACTORS_FILE, _ACTOR_FIELDS),
            )
        }

    def __enter__(self) -> ResultsWriter:
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            for name, table in self._tables.items():
                table.open(self.folder / name, self._pq)
        except BaseException:
            self._discard()
            raise
        return self

    def add(self, rows: list[dict[str, object]], actor_rows: list[dict[str, object]]) -> None:
        """Buffer some articles' rows (`article_row`) and actor rows (`actor_rows`).

        Raises
        ------
        ValueError
            If a row's columns are not the table's (e.g. other frame categories).
        """
        batches = ((self._tables[ARTICLES_FILE], rows), (self._tables[ACTORS_FILE], actor_rows))
        for table, new in batches:
            table.check(new)  # both, before either is buffered: a bad call adds nothing
        for table, new in batches:
            table.buffer.extend(new)
            if len(table.buffer) >= self.flush_rows:
                table.flush(self._pa)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is not None:
            self._discard()
            return
        try:
            finished = {name: table.close(self._pa) for name, table in self._tables.items()}
            for name, temporary in finished.items():
                os.replace(temporary, self.folder / name)
        except BaseException:
            self._discard()
            raise

    def _discard(self) -> None:
        for table in self._tables.values():
            table.discard()


class _Table:
    """One Parquet file being written: its schema, buffered rows, writer and temporary path."""

    def __init__(self, name: str, schema: Any) -> None:
        self.name = name
        self.schema = schema
        self.columns = frozenset(schema.names)
        self.buffer: list[dict[str, object]] = []
        self.temporary: Path | None = None
        self.file: BinaryIO | None = None
        self.writer: Any = None

    def open(self, target: Path, pq: ModuleType) -> None:
        """Create the temporary file next to ``target`` (O_EXCL, mode 0o666 less the umask)."""
        self.temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")
        handle = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        self.file = os.fdopen(handle, "wb")
        self.writer = pq.ParquetWriter(self.file, self.schema)

    def check(self, rows: list[dict[str, object]]) -> None:
        """Raise ValueError unless every row has exactly this table's columns."""
        for row in rows:
            if row.keys() != self.columns:
                missing = sorted(self.columns - row.keys())
                extra = sorted(row.keys() - self.columns)
                raise ValueError(
                    f"a row for {self.name} does not have its columns: missing {missing}, "
                    f"unexpected {extra}"
                )

    def flush(self, pa: ModuleType) -> None:
        if self.buffer:
            self.writer.write_table(pa.Table.from_pylist(self.buffer, schema=self.schema))
            self.buffer = []

    def close(self, pa: ModuleType) -> Path:
        """Write what is buffered and finish the temporary file, whose path is returned (a
        table with no rows is still a valid file)."""
        assert self.file is not None and self.temporary is not None, "not open"
        self.flush(pa)
        self.writer.close()
        self.writer = None
        self.file.close()
        self.file = None
        return self.temporary

    def discard(self) -> None:
        """Close without finishing and remove the temporary file; safe to call twice."""
        self.buffer = []
        if self.writer is not None:
            with suppress(Exception):  # the file is removed below; don't hide the first error
                self.writer.close()
            self.writer = None
        if self.file is not None:
            self.file.close()
            self.file = None
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
