"""A cache of article analyses on disk, so that a re-run analyses only new or changed articles.

An entry is keyed by the article's `Article.content_key` (outlet, title and text: the only
fields an analysis reads) and by `options_fingerprint`, a digest of everything else that
changes an analysis. The article's other fields (event, date, ...) are not part of the key: a
decoded analysis takes the article it is looked up with, so an event re-assigned after grouping
is current.

Entries are JSON compressed with zlib. A cache folder may come from anyone, so it is never
unpickled: decoding builds only the analysis dataclasses, driven by their type hints, and any
entry that does not fit them exactly is refused (`AnalysisCache.get` counts it as a miss).

The store is one SQLite database in WAL mode, so several processes can read and write it at
once (each opens its own `AnalysisCache` from the folder and fingerprint).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sqlite3
import time
import types
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin, get_type_hints

import numpy as np

from framing.actors.portrayal import ScoredMention
from framing.analysers import ArticleAnalysis
from framing.analysers.frames import default_frame_lexicon
from framing.article import Article

if TYPE_CHECKING:  # framing.pipeline uses this module: import it for types only
    from framing.pipeline import AnalysisOptions

__all__ = [
    "DATABASE",
    "FORMAT_VERSION",
    "AnalysisCache",
    "CacheError",
    "cached_analyser",
    "decode_analysis",
    "encode_analysis",
    "options_fingerprint",
]

# Bump when the encoding changes in a way the analysis schema does not show.
FORMAT_VERSION = 1
DATABASE = "analyses.sqlite"
# Largest decompressed entry accepted: a bound on what a hostile entry can make us allocate.
_MAX_ENTRY_BYTES = 256 * 2**20
_BATCH = 64  # entries written per transaction
_BUSY_SECONDS = 60.0  # how long a writer waits for another process's transaction
# Names the analysis dataclasses' annotations use that their modules import for types only.
_TYPE_NAMES = {"ScoredMention": ScoredMention}
# Parts of the package that cannot change an analysis: the loaders only make the article,
# whose content is in the key; render/ and cli/ come after analysis (data flows one way); the
# demo corpus is inside a wheel.
_LATER_STAGES = frozenset({"corpus", "render", "cli", "_demo_corpus", "__pycache__"})
_LIBRARIES = ("numpy", "scipy", "scikit-learn", "nltk", "vadersentiment")
_SHIPPED_SENTIMENT = ("data", "models", "target_sentiment.skops")
# Attributes that hold a memory address, not state: scikit-learn's vectorizers keep
# id(stop_words) to warn about inconsistent stop words.
_ADDRESS_ATTRIBUTES = frozenset({"_stop_words_id"})


class CacheError(Exception):
    """A cache folder that cannot be used: names its database, the reason and what to do."""


# The converter: each type hint gives an encoder to JSON values, a strict decoder, and a schema.


@dataclasses.dataclass(frozen=True)
class _Codec:
    encode: Callable[[Any], Any]
    decode: Callable[..., Any]
    schema: str


@functools.cache  # one codec per type hint
def _codec(hint: Any) -> _Codec:
    """The codec of one type hint; `TypeError` for a type the cache does not know."""
    origin, args = get_origin(hint), get_args(hint)
    if hint in (str, int, float, bool):  # encoding as the type itself turns numpy scalars plain
        return _Codec(hint, _exactly(hint), hint.__name__)
    if origin is Literal:
        return _Codec(str, _one_of(args), repr(hint))
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return _optional(_codec(next(arg for arg in args if arg is not type(None))))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple_of(_codec(args[0]))
        return _fixed_tuple(tuple(_codec(arg) for arg in args))
    if origin in (dict, Counter) and args[0] is str:
        return _str_mapping(origin, _codec(args[1] if origin is dict else int))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint, _fields(hint))
    raise TypeError(f"the analysis cache cannot store a field of type {hint!r}")


def _exactly(kind: type) -> Callable[[Any], Any]:
    def decode(value: Any) -> Any:
        if type(value) is not kind:  # not isinstance: a bool is no int, an int no float
            raise ValueError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    return decode


def _one_of(allowed: tuple[Any, ...]) -> Callable[[Any], Any]:
    def decode(value: Any) -> Any:
        if type(value) is not str or value not in allowed:
            raise ValueError(f"expected one of {allowed}, got {value!r}")
        return value

    return decode


def _optional(inner: _Codec) -> _Codec:
    return _Codec(
        lambda value: None if value is None else inner.encode(value),
        lambda value: None if value is None else inner.decode(value),
        f"{inner.schema}?",
    )


def _list(value: Any, length: int | None = None) -> list[Any]:
    if type(value) is not list or (length is not None and len(value) != length):
        raise ValueError(f"expected a list of {length or 'any number of'} items")
    return value


def _tuple_of(item: _Codec) -> _Codec:
    return _Codec(
        lambda value: [item.encode(x) for x in value],
        lambda value: tuple(item.decode(x) for x in _list(value)),
        f"tuple[{item.schema},...]",
    )


def _fixed_tuple(items: tuple[_Codec, ...]) -> _Codec:
    return _Codec(
        lambda value: [codec.encode(x) for codec, x in zip(items, value, strict=True)],
        lambda value: tuple(
            codec.decode(x) for codec, x in zip(items, _list(value, len(items)), strict=True)
        ),
        f"tuple[{','.join(codec.schema for codec in items)}]",
    )


def _str_mapping(kind: type, values: _Codec) -> _Codec:
    """A dict or Counter with str keys, as a JSON object (which keeps the order of its keys)."""

    def decode(value: Any) -> Any:
        if type(value) is not dict:
            raise ValueError(f"expected an object, got {type(value).__name__}")
        return kind({key: values.decode(item) for key, item in value.items()})

    return _Codec(
        lambda value: {key: values.encode(item) for key, item in value.items()},
        decode,
        f"{kind.__name__}[str,{values.schema}]",
    )


def _fields(cls: type, without: frozenset[str] = frozenset()) -> tuple[tuple[str, _Codec], ...]:
    hints = get_type_hints(cls, localns=_TYPE_NAMES)
    return tuple(
        (field.name, _codec(hints[field.name]))
        for field in dataclasses.fields(cls)
        if field.name not in without
    )


def _dataclass(cls: type, fields: tuple[tuple[str, _Codec], ...]) -> _Codec:
    """A dataclass as the list of its fields' values, in declaration order; decoding takes the
    fields left out of ``fields`` as keywords."""

    def decode(value: Any, **given: Any) -> Any:
        items = zip(fields, _list(value, len(fields)), strict=True)
        return cls(**given, **{name: codec.decode(x) for (name, codec), x in items})

    return _Codec(
        lambda value: [codec.encode(getattr(value, name)) for name, codec in fields],
        decode,
        f"{cls.__module__}.{cls.__qualname__}"
        f"({','.join(f'{name}:{codec.schema}' for name, codec in fields)})",
    )


@lru_cache(maxsize=1)
def _analysis_codec() -> _Codec:
    """`ArticleAnalysis` without its article, which the reader supplies."""
    return _dataclass(ArticleAnalysis, _fields(ArticleAnalysis, frozenset({"article"})))


def encode_analysis(analysis: ArticleAnalysis) -> bytes:
    """An analysis without its article, as compact bytes (zlib-compressed JSON).

    Floats are written as their shortest repr, which reads back bit for bit; tuples, Counters
    and the order of every mapping come back as they were.
    """
    text = json.dumps(_analysis_codec().encode(analysis), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"))


def decode_analysis(data: bytes, article: Article) -> ArticleAnalysis:
    """The analysis `encode_analysis` wrote, for ``article``; equal to the one encoded.

    Raises
    ------
    ValueError
        If ``data`` is not an entry of this format: damaged, truncated, too large or not shaped
        like an analysis. Nothing in ``data`` is ever run.
    """
    try:
        inflater = zlib.decompressobj()
        text = inflater.decompress(data, _MAX_ENTRY_BYTES)
        if not inflater.eof:
            raise ValueError("truncated, or larger than the entry limit")
        values = json.loads(text.decode("utf-8", "surrogatepass"))
        analysis: ArticleAnalysis = _analysis_codec().decode(values, article=article)
    except (ValueError, zlib.error, RecursionError) as error:
        raise ValueError(f"not a cached analysis: {error}") from None
    return analysis


# The fingerprint of what, besides the article, makes an analysis.


def options_fingerprint(options: AnalysisOptions) -> str:
    """A digest of everything besides the article that changes its analysis with ``options``.

    It covers `FORMAT_VERSION` and the analysis schema (field names and types); framing's
    version and the contents of its package files (all but ``corpus/``, ``render/`` and
    ``cli/``, which cannot change an analysis: code, and data such as word lists); the
    versions of numpy, scipy, scikit-learn, nltk and vadersentiment; ``exclude_quotes``; the
    frame lexicon's categories and cues, or the state of the frame model instead; the actor
    list's actors (not the file they came from); and, with ``find_actors``, the sentiment
    model: the shipped file's bytes, or the state of a given model. A model's state is its
    attributes read recursively (parameters and learned arrays, sets and dicts in sorted
    order), so equal models loaded in different processes give equal fingerprints.

    Returns
    -------
    str
        32 hex digits, the same in every process and on every machine with the same files.
    """
    frames: list[str]
    if options.frame_model is None:
        lexicon = options.lexicon or default_frame_lexicon()
        frames = ["lexicon", _state((lexicon.categories, lexicon.cues)).hex()]
    else:
        frames = ["model", _state(options.frame_model).hex()]
    sentiment: list[str] | None = None
    if options.find_actors:
        sentiment = (
            ["shipped", hashlib.sha256(_shipped_sentiment_bytes()).hexdigest()]
            if options.sentiment is None
            else ["model", _state(options.sentiment).hex()]
        )
    parts = {
        "format": FORMAT_VERSION,
        "schema": _analysis_codec().schema,
        "framing": _package_digest(),
        "libraries": {name: _version(name) for name in _LIBRARIES},
        "exclude_quotes": options.exclude_quotes,
        "frames": frames,
        "actors": None if options.actors is None else _state(options.actors.actors).hex(),
        "sentiment": sentiment,
    }
    return hashlib.blake2b(json.dumps(parts).encode(), digest_size=16).hexdigest()


def _shipped_sentiment_bytes() -> bytes:
    return files("framing").joinpath(*_SHIPPED_SENTIMENT).read_bytes()


@lru_cache(maxsize=1)
def _package_digest() -> str:
    """framing's version and a digest of its files up to the analysis stage, so that an
    analyser changed in a source checkout misses the cache without a new version number."""
    from framing import __version__

    root = Path(__file__).parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    found = (
        path
        for path in root.rglob("*")
        if path.is_file() and _LATER_STAGES.isdisjoint(path.relative_to(root).parts)
    )
    for path in sorted(found, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(b"\x00" + path.relative_to(root).as_posix().encode() + b"\x00")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _state(value: Any) -> bytes:
    """A digest of a value and everything it holds, independent of memory addresses, hash seeds
    and the order of sets and dicts; `TypeError` for an object whose state cannot be read."""
    kind = type(value)
    digest = hashlib.blake2b(f"{kind.__module__}.{kind.__qualname__}".encode(), digest_size=16)
    if isinstance(value, np.ndarray):
        digest.update(f"{value.dtype.str}{value.shape}".encode())
        if value.dtype.hasobject:
            for item in value.ravel():
                digest.update(_state(item))
        else:
            digest.update(np.ascontiguousarray(value).tobytes())
    elif isinstance(value, np.generic):
        digest.update(value.tobytes())
    elif value is None or isinstance(value, (bool, int, float, str, bytes)):
        digest.update(repr(value).encode("utf-8", "surrogatepass"))
    elif isinstance(value, (list, tuple)):
        for item in value:
            digest.update(_state(item))
    elif isinstance(value, dict):
        for part in sorted(_state(key) + _state(item) for key, item in value.items()):
            digest.update(part)
    elif isinstance(value, (set, frozenset)):
        for part in sorted(_state(item) for item in value):
            digest.update(part)
    elif isinstance(value, (type, types.FunctionType, types.BuiltinFunctionType)):
        digest.update(f"{value.__module__}.{value.__qualname__}".encode())
    elif hasattr(value, "__dict__"):
        attributes = {k: v for k, v in vars(value).items() if k not in _ADDRESS_ATTRIBUTES}
        digest.update(_state(attributes))
    else:
        raise TypeError(f"cannot fingerprint a {kind.__qualname__} for the analysis cache")
    return digest.digest()


# The store.


class AnalysisCache:
    """Analyses stored in ``folder`` (an SQLite database), for one options fingerprint.

    `put` buffers entries and writes them in batches, one transaction each; `flush`, `close`
    and leaving a ``with`` block write the rest. Several processes may use one folder at once,
    each with its own `AnalysisCache`; one pickles as its folder and fingerprint, and opens its
    own connection where it is unpickled. ``hits``, ``misses`` and ``written`` count this
    object's lookups and committed entries.

    Parameters
    ----------
    folder : str or path-like
        Created if missing; holds ``analyses.sqlite``. Use a local disk: SQLite's WAL mode
        does not work over network file systems.
    fingerprint : str
        `options_fingerprint` of the options the analyses are made with.

    Raises
    ------
    CacheError
        If the folder cannot be created or its database cannot be opened.
    """

    def __init__(self, folder: str | os.PathLike[str], fingerprint: str) -> None:
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        self.hits = self.misses = self.written = 0
        self._pending: dict[bytes, bytes] = {}
        self._path = self.folder / DATABASE
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self._path, timeout=_BUSY_SECONDS, isolation_level=None)
            _setup(self._db)
        except (OSError, sqlite3.Error) as error:
            raise CacheError(
                f"{self._path}: cannot open the analysis cache ({error}). "
                "Delete the folder or choose another one"
            ) from None

    def __reduce__(self) -> tuple[type[AnalysisCache], tuple[Path, str]]:
        return (AnalysisCache, (self.folder, self.fingerprint))

    def __enter__(self) -> AnalysisCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def get(self, article: Article) -> ArticleAnalysis | None:
        """The cached analysis of ``article`` (with ``article`` as its article), or None.

        An entry that cannot be decoded is a miss; the `put` after analysing replaces it.

        Raises
        ------
        CacheError
            If the database itself is damaged.
        """
        key = self._key(article)
        data = self._pending.get(key)
        if data is None:
            try:
                query = self._db.execute("SELECT data FROM analyses WHERE key = ?", (key,))
                row = query.fetchone()
            except sqlite3.Error as error:
                raise CacheError(
                    f"{self._path}: cannot read the analysis cache ({error}). "
                    "Delete the folder or choose another one"
                ) from None
            data = row[0] if row is not None and isinstance(row[0], bytes) else None
        if data is not None:
            try:
                analysis = decode_analysis(data, article)
            except ValueError:
                pass
            else:
                self.hits += 1
                return analysis
        self.misses += 1
        return None

    def put(self, analysis: ArticleAnalysis) -> None:
        """Store ``analysis`` under its article; written with the next batch."""
        self._pending[self._key(analysis.article)] = encode_analysis(analysis)
        if len(self._pending) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the buffered entries in one transaction.

        Raises
        ------
        CacheError
            If the database cannot be written (full disk, or locked for over a minute).
        """
        if not self._pending:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")  # take the write lock now: waits, never fails
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO analyses (key, data) VALUES (?, ?)",
                    self._pending.items(),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise CacheError(f"{self._path}: cannot write the analysis cache ({error})") from None
        self.written += len(self._pending)
        self._pending.clear()

    def close(self) -> None:
        """Write the buffered entries and close the database."""
        try:
            self.flush()
        finally:
            self._db.close()

    def _key(self, article: Article) -> bytes:
        text = f"{self.fingerprint}\x00{article.content_key}"
        return hashlib.blake2b(text.encode(), digest_size=16).digest()


def cached_analyser(
    analyse_batch: Callable[[Sequence[Article]], list[ArticleAnalysis]], cache: AnalysisCache
) -> Callable[[Sequence[Article]], list[ArticleAnalysis]]:
    """``analyse_batch`` (articles in, their analyses out, in order) behind ``cache``: cached
    articles are decoded, the others analysed together and stored. ``cache`` must have been
    opened with the fingerprint of the analyser's options."""

    def analyse(articles: Sequence[Article]) -> list[ArticleAnalysis]:
        cached = [cache.get(article) for article in articles]
        misses = [article for article, hit in zip(articles, cached, strict=True) if hit is None]
        fresh = iter(analyse_batch(misses) if misses else [])
        analyses = []
        for hit in cached:
            if hit is None:
                hit = next(fresh)
                cache.put(hit)
            analyses.append(hit)
        return analyses

    return analyse


def _setup(db: sqlite3.Connection) -> None:
    """Switch to WAL and create the table. Two processes opening a new cache at once can find
    it locked here without SQLite waiting (changing the journal mode does not call the busy
    handler), so a locked database is retried until the busy timeout."""
    deadline = time.monotonic() + _BUSY_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS analyses (key BLOB PRIMARY KEY, data BLOB NOT NULL) "
                "WITHOUT ROWID"
            )
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
