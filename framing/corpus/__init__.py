"""Read corpora of news articles from folders of .txt files, JSON Lines, JSON and CSV.

Every input is accounted for: each record is loaded, merged as an exact duplicate, or skipped
with its place (``file:line``) and reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from framing.article import Article
from framing.corpus._records import (
    MAX_FILE_BYTES,
    MAX_RECORD_BYTES,
    FileContext,
    Limits,
    LoadEvent,
)
from framing.corpus._seen import SeenArticles
from framing.corpus.accounting import Accounting, LoadWarning, Merged, Skipped
from framing.corpus.csvfile import read_csv
from framing.corpus.errors import CorpusError
from framing.corpus.fields import FieldMap
from framing.corpus.jsonfile import read_json
from framing.corpus.jsonl import read_jsonl
from framing.corpus.parquet import read_parquet
from framing.corpus.txt import read_txt

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_RECORD_BYTES",
    "READERS",
    "Accounting",
    "Corpus",
    "CorpusError",
    "LoadWarning",
    "Merged",
    "Skipped",
    "account",
    "corpus_files",
    "iter_corpus",
    "load_corpus",
    "no_readable_article",
    "read_file",
]

READERS: dict[str, Callable[[FileContext], Iterator[LoadEvent]]] = {
    ".txt": read_txt,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".parquet": read_parquet,
}


@dataclass
class Corpus:
    """A loaded corpus: its articles, in a stable order, and the accounting of its inputs."""

    articles: list[Article]
    accounting: Accounting = field(default_factory=Accounting)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)


def iter_corpus(
    path: str | os.PathLike[str],
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    max_record_bytes: int = MAX_RECORD_BYTES,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Iterator[LoadEvent | Merged]:
    """Stream the corpus at ``path``: each article, skip, merge and warning as it is found.

    Parameters
    ----------
    path : str or PathLike
        A corpus file, or a folder read recursively in sorted order.
    fields : Mapping[str, str], optional
        Article field -> record field, e.g. ``{"text": "body", "outlet": "source"}``.
    strict : bool, default=False
        Raise `CorpusError` at the first skipped input instead of counting it.
    max_record_bytes : int, default=MAX_RECORD_BYTES (10 MB)
        Largest record read: a JSON Lines line, a .txt file, a JSON or CSV article's text.
        Larger ones are skipped with their size, never read whole into memory.
    max_file_bytes : int, default=MAX_FILE_BYTES (200 MB)
        Largest .json, .csv or .tsv file (these are read whole); larger ones are skipped
        unread. JSON Lines files stream, so they have no size limit.

    Raises
    ------
    CorpusError
        If ``path`` does not exist, or (with ``strict``) at the first skip.
    ValueError
        If a limit is not a positive integer.
    """
    files = corpus_files(path)
    field_map = FieldMap(fields)
    limits = Limits(max_record_bytes, max_file_bytes)
    seen = SeenArticles()
    for item in files:
        events = [item] if isinstance(item, Skipped) else read_file(*item, field_map, limits)
        for event in events:
            if isinstance(event, Skipped) and strict:
                raise CorpusError(
                    event.source, event.reason, "(--strict stops at the first skipped input)"
                )
            if isinstance(event, Article):
                kept = seen.kept(event.content_key)
                if kept is not None:
                    yield Merged(event.source, kept)
                    continue
                event = _unique_id(event, seen)
                seen.add(event.content_key, event.id)
            yield event


def load_corpus(
    path: str | os.PathLike[str],
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    max_record_bytes: int = MAX_RECORD_BYTES,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Corpus:
    """Load a whole corpus into memory, with the accounting of every input.

    Parameters and errors as for `iter_corpus`.

    Examples
    --------
    >>> corpus = load_corpus("corpora/demo")
    >>> corpus.accounting.loaded == len(corpus)
    True
    """
    articles: list[Article] = []
    accounting = Accounting()
    events = iter_corpus(
        path,
        fields=fields,
        strict=strict,
        max_record_bytes=max_record_bytes,
        max_file_bytes=max_file_bytes,
    )
    for event in events:
        account(accounting, event)
        if isinstance(event, Article):
            articles.append(event)
    return Corpus(articles, accounting)


def no_readable_article(path: str | os.PathLike[str], accounting: Accounting) -> CorpusError:
    """The error for a corpus that yielded no article, naming the first skipped input."""
    skipped = accounting.skipped
    if not skipped:
        hint = "The folder holds no .txt, .jsonl, .ndjson, .json, .csv or .tsv file"
    else:
        more = f" (and {len(skipped) - 1} more skipped)" if len(skipped) > 1 else ""
        hint = f"First skipped: {skipped[0].source}: {skipped[0].reason}{more}"
    return CorpusError(str(path), "no readable article", hint)


def account(accounting: Accounting, event: LoadEvent | Merged) -> None:
    """Record one load event in the accounting."""
    if isinstance(event, Article):
        accounting.loaded += 1
    elif isinstance(event, Merged):
        accounting.merged.append(event)
    elif isinstance(event, Skipped):
        accounting.skipped.append(event)
    else:
        accounting.warn(event)


def read_file(file_path: Path, name: str, fields: FieldMap, limits: Limits) -> Iterable[LoadEvent]:
    """The load events of one corpus file (``name`` is its path as messages give it), read by
    the reader of its type; before exact duplicates across files are merged."""
    reader = READERS.get(file_path.suffix.lower())
    if reader is None:
        return [_unsupported(file_path, name)]
    context = FileContext(
        file_path, name, fields, outlet_from_folder=reader is read_txt, limits=limits
    )
    return reader(context)


def corpus_files(path: str | os.PathLike[str]) -> Iterator[tuple[Path, str] | Skipped]:
    """The files of the corpus at ``path`` in reading order, each with its name in messages,
    or a folder that cannot be read. Raises `CorpusError` if ``path`` does not exist."""
    root = Path(path)
    if not root.exists():
        raise CorpusError(str(path), "no such file or folder", "Check the path")
    return iter([(root, root.name)]) if not root.is_dir() else _corpus_files(root)


def _corpus_files(root: Path) -> Iterator[tuple[Path, str] | Skipped]:
    """Every non-hidden file below ``root`` with its path relative to ``root``, in the order
    of that path, found lazily (one folder listed at a time); or a folder that can't be read.

    Links to folders are not followed; an explicit stack, not recursion, allows any depth.
    """
    stack: list[Iterator[tuple[Path, str, bool] | Skipped]] = [iter(_listing(root, ""))]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, Skipped):
            yield item
        elif item[2]:
            stack.append(iter(_listing(item[0], item[1])))
        else:
            yield item[0], item[1]


def _listing(folder: Path, prefix: str) -> list[tuple[Path, str, bool] | Skipped]:
    """One folder's non-hidden entries as (path, relative name, is a folder to walk), sorted
    so that the files come out in the order of their relative paths: a subfolder sorts as its
    name plus ``/``, as its files' paths would."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(
                ((entry.name + "/" if _is_folder(entry) else entry.name, entry) for entry in scan),
                key=lambda item: item[0],
            )
    except OSError as error:
        name = prefix.rstrip("/") or folder.name
        return [Skipped(name, f"cannot read folder: {error.strerror or error}")]
    listing: list[tuple[Path, str, bool] | Skipped] = []
    for key, entry in entries:
        is_folder = key.endswith("/")
        if key.startswith(".") or (is_folder and entry.is_symlink()):
            continue
        listing.append((Path(entry.path), prefix + key, is_folder))
    return listing


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _unsupported(path: Path, name: str) -> Skipped:
    known = ", ".join(sorted(READERS))
    return Skipped(name, f"not a corpus file type ({path.suffix or 'no extension'}); read: {known}")


def _unique_id(article: Article, seen: SeenArticles) -> Article:
    """Keep ids unique: a repeated id (with different content) gets its source appended."""
    if not seen.has_id(article.id):
        return article
    return replace(article, id=f"{article.id}@{article.source}")
