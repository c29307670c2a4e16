"""Parquet: one article a row, read one row group at a time so files of any size stream.

pyarrow is optional (``pip install 'framing[parquet]'``): it is imported only when a Parquet
file is read or written, and a missing pyarrow skips the file with that advice.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from framing._atomic import atomic_text
from framing.article import Article
from framing.corpus._records import FileContext, LoadEvent, format_size
from framing.corpus.accounting import Skipped
from framing.corpus.fields import ARTICLE_FIELDS

__all__ = ["read_parquet", "write_parquet"]

_BATCH_ROWS = 256
_REQUIRED = ("id", "outlet", "title", "text")
_COLUMNS = (*_REQUIRED, "date", "url", "event", "language")


def read_parquet(context: FileContext) -> Iterator[LoadEvent]:
    """Read a .parquet file; rows are numbered from 1 in messages (``file:#3``).

    A row group is read whole, so one over the file limit is skipped unread; a row over the
    record limit is skipped before its values become Python objects. A null is a field the
    row lacks (every row has every column), so it does not land in ``meta``.
    """
    try:
        pa, pq = _pyarrow()
    except ImportError as error:
        yield Skipped(context.name, str(error))
        return
    problem = context.check_file(None)
    if problem is not None:
        yield problem
        return
    try:
        parquet = pq.ParquetFile(context.path)
        names = parquet.schema_arrow.names
    except (pa.ArrowException, OSError) as error:
        yield Skipped(context.name, f"not a readable Parquet file ({error})")
        return
    with parquet:
        total = parquet.metadata.num_rows
        if total == 0:
            yield Skipped(context.name, "no rows: no articles")
            return
        if context.fields.find(names, "text") is None:
            yield Skipped(
                context.name,
                f"no text column (looked for {context.fields.describe('text')}; columns are "
                f"{', '.join(repr(n) for n in names)}); {total} rows not read. "
                "Name it with --field text=COLUMN",
            )
            return
        mapped = {context.fields.find(names, name) for name in ARTICLE_FIELDS} - {None}
        first = 1
        for group in range(parquet.metadata.num_row_groups):
            info = parquet.metadata.row_group(group)
            if info.total_byte_size > context.limits.file_bytes:
                yield Skipped(
                    f"{context.name}:#{first}-{first + info.num_rows - 1}",
                    f"row group over {format_size(context.limits.file_bytes)} "
                    f"({info.total_byte_size} bytes, read whole): its {info.num_rows} rows "
                    "not read; raise the limit with --max-file-bytes",
                )
                first += info.num_rows
                continue
            batches = parquet.iter_batches(batch_size=_BATCH_ROWS, row_groups=[group])
            while True:
                try:
                    batch = next(batches, None)
                except (pa.ArrowException, OSError) as error:
                    yield Skipped(
                        f"{context.name}:#{first}",
                        f"unreadable Parquet data ({error}); rows #{first} to #{total} not read",
                    )
                    return
                if batch is None:
                    break
                yield from _batch_events(context, pa, batch, first, mapped)
                first += batch.num_rows


def write_parquet(articles: Iterable[Article], path: str | os.PathLike[str]) -> int:
    """Write the articles to ``path`` as Parquet (folders created; the file appears whole or
    not at all) that `read_parquet` reads back as equal articles. Returns how many were written.

    Columns: id, outlet, title, text, date (date32), url, event, language (strings, null where
    unknown), then one string column per ``meta`` key, null for the articles without it. A meta
    key named like one of those columns is left out: the article's own field wins, as in
    `framing.corpus.write.write_jsonl`. The meta keys are known only at the end, so the
    articles stream once into a scratch file, which is then rewritten with those columns.

    Raises
    ------
    ImportError
        If pyarrow is not installed.
    """
    pa, pq = _pyarrow()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    meta_type = pa.map_(pa.string(), pa.string())
    source = iter(articles)
    keys: dict[str, None] = {}
    written = 0
    with tempfile.TemporaryFile(dir=target.parent, prefix=f".{target.name}.") as scratch:
        scratch_schema = _schema(pa, ()).append(pa.field("meta", meta_type))
        with pq.ParquetWriter(scratch, scratch_schema) as writer:
            while chunk := list(islice(source, _BATCH_ROWS)):
                metas = [_meta(article) for article in chunk]
                for meta in metas:
                    keys.update(dict.fromkeys(meta))
                arrays = [
                    pa.array([getattr(article, field.name) for article in chunk], field.type)
                    for field in _schema(pa, ())
                ]
                arrays.append(pa.array([list(meta.items()) for meta in metas], meta_type))
                writer.write_batch(pa.record_batch(arrays, schema=scratch_schema))
                written += len(chunk)
        scratch.seek(0)
        schema = _schema(pa, keys)
        with atomic_text(target) as handle, pq.ParquetWriter(handle.buffer, schema) as writer:
            for batch in pq.ParquetFile(scratch).iter_batches(batch_size=_BATCH_ROWS):
                metas = [dict(pairs) for pairs in batch.column("meta").to_pylist()]
                arrays = batch.columns[:-1]
                arrays += [pa.array([meta.get(key) for meta in metas], pa.string()) for key in keys]
                writer.write_batch(pa.record_batch(arrays, schema=schema))
    return written


def _pyarrow() -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet, imported when first needed: they are optional."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ImportError(
            f"Parquet needs pyarrow, which could not be imported ({error}); "
            "install it with pip install 'framing[parquet]'"
        ) from error
    return pyarrow, pyarrow.parquet


def _schema(pa: Any, meta_keys: Iterable[str]) -> Any:
    """The written columns: the article's own, typed, then one string column per meta key."""
    fields = [
        pa.field(name, pa.date32() if name == "date" else pa.string(), name not in _REQUIRED)
        for name in _COLUMNS
    ]
    return pa.schema(fields + [pa.field(key, pa.string()) for key in meta_keys])


def _meta(article: Article) -> dict[str, str]:
    """The meta fields written for an article: text values not named like an article column."""
    return {
        key: value
        for key, value in article.meta.items()
        if isinstance(value, str) and key not in _COLUMNS
    }


def _batch_events(
    context: FileContext, pa: Any, batch: Any, first: int, mapped: set[str | None]
) -> Iterator[LoadEvent]:
    """The events of one batch of rows, the first numbered ``first``."""
    limit = context.limits.record_bytes
    sizes = _row_sizes(pa, batch) if batch.nbytes > limit else [0] * batch.num_rows
    fits = [size <= limit for size in sizes]
    rows = iter(_rows(pa, batch.filter(pa.array(fits)) if not all(fits) else batch))
    for offset, size in enumerate(sizes):
        where = f"#{first + offset}"
        if size > limit:
            yield Skipped(f"{context.name}:{where}", context.limits.record_reason(size))
            continue
        row = next(rows)
        if isinstance(row, Exception):
            yield Skipped(f"{context.name}:{where}", f"a value Python cannot hold ({row})")
            continue
        record = {
            key: _plain(value) for key, value in row.items() if value is not None or key in mapped
        }
        yield from context.record(record, where=where)


def _row_sizes(pa: Any, batch: Any) -> list[int]:
    """Each row's size in Arrow memory; dictionary columns are decoded first, so that a row
    counts only its own value, not the whole dictionary."""
    decoded = pa.RecordBatch.from_arrays(
        [
            column.dictionary_decode() if pa.types.is_dictionary(column.type) else column
            for column in batch.columns
        ],
        names=batch.schema.names,
    )
    return [decoded.slice(offset, 1).nbytes for offset in range(decoded.num_rows)]


def _rows(pa: Any, batch: Any) -> list[dict[str, Any] | Exception]:
    """The batch's rows as dicts; a row with a value Python cannot hold (a date past year
    9999) comes back as the error, so that only that row is skipped."""
    rows: list[dict[str, Any] | Exception]
    try:
        rows = batch.to_pylist()
        return rows
    except (pa.ArrowException, ValueError, OverflowError):
        rows = []
    for offset in range(batch.num_rows):
        try:
            rows.append(batch.slice(offset, 1).to_pylist()[0])
        except (pa.ArrowException, ValueError, OverflowError) as error:
            rows.append(error)
    return rows


def _plain(value: Any) -> Any:
    """An Arrow value as JSON would give it: dates and times as ISO 8601 text, structs as
    objects, lists (and maps, as key-value pairs) as lists, bytes as UTF-8 text."""
    if isinstance(value, (date, time)):  # a datetime is a date
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (Decimal, timedelta)):
        return str(value)
    return value
