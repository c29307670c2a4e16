"""Group articles from many outlets into events: the same story, told by different outlets.

Method (deterministic, no training):

1. Each article becomes a TF-IDF vector of its title (counted twice, since headlines name the
   event) and the first `LEAD_WORDS` (400) words of its text (the first half of a typical news
   article: enough shared detail to match two tellings; later paragraphs drift into
   background). Words are lower-cased, English stop words dropped, and
   hashed into 2^20 features, so vectors are built in one streaming pass; the inverse document
   frequencies come from the corpus itself, so shared names and places weigh more than common
   words.
2. Candidate pairs are only articles at most ``window`` days apart: articles are sorted by
   date and each block of rows is compared with the slice of articles in its date range, so
   the cost grows with the number of articles times the articles published within a window,
   not with all pairs. Undated articles are compared with every article (text alone).
3. Pairs with cosine similarity >= ``threshold`` form a graph; each connected component is
   clustered by average linkage, so a group holds together only while the mean similarity of
   its articles reaches the threshold (one borderline pair cannot chain two stories). Two
   dated articles more than ``window`` days apart count as opposite (similarity -1) in that
   mean, so they end up in one event only when the articles between them are very similar to
   both (a story followed day after day); the event's date span shows it. A component larger
   than `MAX_COMPONENT` articles is split again with a threshold raised in steps of 0.05 until
   its pieces fit (pairs weaker than the raised threshold are then not merged); only the
   similarities decide the pieces, never the order of the articles. An article with no
   similar article stays alone.

An event's label is the title of its most central article; its keywords are the title words
with the highest summed TF-IDF weight over its articles.

Memory: grouping needs the whole corpus at once, so it keeps per article only what the steps
above use, in flat numpy arrays: its hashed term counts, each distinct word packed into 4 bytes
(feature and count, `framing._event_vectors`), its row offset and norm (16 bytes), its day,
outlet number and content key (24 bytes), and its id and title (Python strings, which the
result holds anyway). Texts are dropped once hashed. The TF-IDF weights are decoded from the
counts only for the rows being compared, so they are exactly those a whole TF-IDF matrix
would hold (which would take three times the space, and more while it is built). A lead of
400 words has 150-200 distinct words after stop words, so an article takes 0.6-0.85 KB plus
its id and title while articles are compared (a few opening paragraphs, about 0.25 KB). The
counts are freed before the events are built; the result then holds about 0.5 KB an
article. Besides that, a fixed working space: the document frequencies and IDF (12 MB) and
the similarity blocks (`_BLOCK_CELLS` pairs at once, a few tens of MB).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.utils import murmurhash3_32

from framing._event_vectors import N_FEATURES, Growing, TermCounts
from framing.article import Article

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "Event",
    "EventMember",
    "Grouping",
    "group_events",
]

DEFAULT_THRESHOLD = 0.3  # chosen on AllSides stories disjoint from the reported ones
DEFAULT_WINDOW_DAYS = 3
LEAD_WORDS = 400
BACKGROUND_DOCUMENTS = 1_000
MAX_COMPONENT = 2_000
_N_FEATURES = N_FEATURES
_BATCH = 2_000  # articles hashed at once
_BLOCK_CELLS = 1_000_000  # pairs whose similarity is computed at once (at most 12 MB)
_UNDATED_ROWS = 4_096  # undated articles compared with the corpus at once
_DESCRIBE_ROWS = 4_096  # rows decoded at once to label the events
_EPSILON = 1e-9
_CUT_STEP = 0.05  # how much the cut rises to split an oversized component
_KEYWORDS = 5
_KEY_BYTES = 16  # `Article.content_key` is 16 bytes in hex
_WORD = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True, slots=True)
class EventMember:
    """An article of an event: its id, outlet, title, date and content key."""

    id: str
    outlet: str
    title: str
    date: Date | None
    key: str


@dataclass(frozen=True, slots=True)
class Event:
    """A group of articles about one event, with a label, keywords and date span."""

    id: str
    label: str
    keywords: tuple[str, ...]
    start: Date | None
    end: Date | None
    articles: tuple[EventMember, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets covering the event, sorted."""
        return tuple(sorted({member.outlet for member in self.articles}))


@dataclass(frozen=True)
class Grouping:
    """The events found, largest first, and how they were found.

    ``undated`` counts the articles grouped on text alone; ``candidate_pairs`` the pairs whose
    similarity was computed (the cost of the run).
    """

    events: tuple[Event, ...]
    threshold: float
    window_days: int
    articles: int
    undated: int
    candidate_pairs: int

    def event_of(self) -> dict[str, str]:
        """Article content key -> event id."""
        return {member.key: event.id for event in self.events for member in event.articles}


def group_events(
    articles: Iterable[Article],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> Grouping:
    """Group articles into events (method and memory in the module docstring).

    Parameters
    ----------
    articles : Iterable[Article]
        The corpus; read once. Their ``event`` fields are ignored. Exact duplicates (same
        content key; the corpus loader merges them) share one entry in `Grouping.event_of`.
    threshold : float, default=0.3
        The mean cosine similarity a group's articles must reach (0 < threshold <= 1).
    window_days : int, default=3
        Articles further apart in time are not compared, and count as opposite when a group
        is formed (>= 0).

    Raises ValueError for a threshold or window out of range.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    if window_days < 0:
        raise ValueError(f"window must be 0 or more days, got {window_days}")
    read, counts = _read(articles)
    if not len(read):
        return Grouping((), threshold, window_days, 0, 0, 0)
    order = read.order()
    days = read.days[order]
    edges, similarities, compared = _similar_pairs(counts, order, days, threshold, window_days)
    cluster_of = _cluster(counts, order, days, edges, similarities, threshold, window_days)
    del edges, similarities
    # Reading positions cluster by cluster (rows ascending within one); cluster k holds
    # positions[bounds[k]:bounds[k + 1]].
    positions = order[np.argsort(cluster_of, kind="stable")]
    bounds = _bounds(np.sort(cluster_of))
    del cluster_of
    central, keywords = _describe(counts, read, positions, bounds)
    del counts  # the events need only the articles' ids, titles, dates and keys
    events = [
        _event(read, positions[bounds[k] : bounds[k + 1]], int(central[k]), keywords[k])
        for k in range(len(bounds) - 1)
    ]
    events.sort(key=lambda e: (-len(e.articles), e.start or Date.max, e.articles[0].id))
    return Grouping(
        events=tuple(events),
        threshold=threshold,
        window_days=window_days,
        articles=len(read),
        undated=int((days < 0).sum()),
        candidate_pairs=compared,
    )


class _Articles:
    """What grouping keeps of each article besides its term counts, in reading order: its id
    and title (strings), outlet number (int32), day (int32 ordinal, -1 when undated) and
    content key (16 bytes)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.titles: list[str] = []
        self.outlet_names: list[str] = []
        self._outlet_numbers: dict[str, int] = {}
        self._outlets = Growing(np.int32)
        self._days = Growing(np.int32)
        self._keys = bytearray()
        self._other_keys: dict[int, str] = {}  # keys that are not 16 bytes in hex
        self._dates: dict[int, Date] = {}
        self._pending: list[tuple[int, int]] = []  # outlet number and day, not yet in arrays
        self.outlets = np.empty(0, dtype=np.int32)
        self.days = np.empty(0, dtype=np.int32)

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, article: Article) -> None:
        key = article.content_key
        try:
            digest = bytes.fromhex(key)
        except ValueError:
            digest = b""
        if len(digest) != _KEY_BYTES:
            self._other_keys[len(self.ids)] = key
            digest = bytes(_KEY_BYTES)
        self._keys += digest
        self.ids.append(article.id)
        self.titles.append(article.title)
        number = self._outlet_numbers.setdefault(article.outlet, len(self.outlet_names))
        if number == len(self.outlet_names):
            self.outlet_names.append(article.outlet)
        self._pending.append((number, -1 if article.date is None else article.date.toordinal()))
        if len(self._pending) == _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            outlets, days = zip(*self._pending, strict=True)
            self._outlets.append(outlets)
            self._days.append(days)
            self._pending = []

    def finish(self) -> None:
        self._flush()
        self.outlets = self._outlets.finish()
        self.days = self._days.finish()

    def order(self) -> np.ndarray:
        """Reading positions sorted by date, then id (undated last): independent of the
        reading order except between articles with equal date and id."""
        by_id = np.array(sorted(range(len(self.ids)), key=self.ids.__getitem__), dtype=np.int64)
        day = np.where(self.days >= 0, self.days, np.iinfo(np.int32).max)
        return by_id[np.argsort(day[by_id], kind="stable")]

    def date(self, position: int) -> Date | None:
        day = int(self.days[position])
        if day < 0:
            return None
        if day not in self._dates:
            self._dates[day] = Date.fromordinal(day)
        return self._dates[day]

    def member(self, position: int) -> EventMember:
        start = position * _KEY_BYTES
        if position in self._other_keys:
            key = self._other_keys[position]
        else:
            key = self._keys[start : start + _KEY_BYTES].hex()
        return EventMember(
            self.ids[position],
            self.outlet_names[self.outlets[position]],
            self.titles[position],
            self.date(position),
            key,
        )


def _read(articles: Iterable[Article]) -> tuple[_Articles, TermCounts]:
    """The articles' compact records and term counts, in reading order, read in batches."""
    read = _Articles()
    counts = TermCounts(BACKGROUND_DOCUMENTS)
    texts: list[str] = []
    for article in articles:
        read.add(article)
        lead = " ".join(article.text.split()[:LEAD_WORDS])
        texts.append(f"{article.title}\n{article.title}\n{lead}")
        if len(texts) == _BATCH:
            counts.add(texts)
            texts = []
    if texts:
        counts.add(texts)
    read.finish()
    counts.finish()
    return read, counts


def _similar_pairs(
    counts: TermCounts, order: np.ndarray, days: np.ndarray, threshold: float, window: int
) -> tuple[np.ndarray, np.ndarray, int]:
    """Pairs (i, j) of rows with similarity >= threshold that may be compared, their
    similarities, and how many pairs were compared.

    Rows are in date order with undated ones last (``order`` maps them to reading positions).
    Each block of dated rows is compared with the contiguous slice of rows whose dates can
    fall in its window, each pair once (i < j, within the window). Each block of undated rows
    is compared with every dated row and every later undated row, slice by slice.
    """
    n = len(days)
    dated = int((days >= 0).sum())
    cut = threshold - _EPSILON
    found: list[np.ndarray] = []
    values: list[np.ndarray] = []
    compared = 0
    start = 0
    while start < dated:
        stop, low, high = _block(days, start, dated, window)
        # each row's pairs are the later rows up to its day + window
        reach = np.searchsorted(days[:dated], days[start:stop] + window, side="right")
        compared += int((reach - np.arange(start + 1, stop + 1)).sum())
        rows = counts.rows(order[start:stop])
        row, column, value = _above(rows @ counts.rows(order[low:high]).T, cut)
        row += start
        column += low
        keep = (column > row) & (np.abs(days[row] - days[column]) <= window)
        found.append(np.stack([row[keep], column[keep]], axis=1))
        values.append(value[keep])
        start = stop
    for start in range(dated, n, _UNDATED_ROWS):
        stop = min(n, start + _UNDATED_ROWS)
        compared += (stop - start) * (dated + n - 1) - (start + stop - 1) * (stop - start) // 2
        rows = counts.rows(order[start:stop])
        width = max(1, _BLOCK_CELLS // (stop - start))
        slices = [(low, min(dated, low + width)) for low in range(0, dated, width)]
        slices += [(low, min(n, low + width)) for low in range(start + 1, n, width)]
        for low, high in slices:
            row, column, value = _above(rows @ counts.rows(order[low:high]).T, cut)
            row += start
            column += low
            keep = (column < dated) | (column > row)
            found.append(np.stack([row[keep], column[keep]], axis=1))
            values.append(value[keep])
    if not found:
        return np.empty((0, 2), dtype=np.int64), np.empty(0), compared
    return np.concatenate(found), np.concatenate(values), compared


def _above(product: csr_matrix, cut: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row, column and value of the entries of a sparse product that reach ``cut``."""
    product = csr_matrix(product)
    entries = np.flatnonzero(product.data >= cut)
    row = np.searchsorted(product.indptr, entries, side="right").astype(np.int64) - 1
    return row, product.indices[entries].astype(np.int64), product.data[entries]


def _block(days: np.ndarray, start: int, dated: int, window: int) -> tuple[int, int, int]:
    """The next block of dated rows [start, stop) and the column slice [low, high) it needs:
    the dated rows within ``window`` days of theirs. Blocks grow while rows x columns stay
    under `_BLOCK_CELLS`."""
    known = days[:dated]
    low = int(np.searchsorted(known, days[start] - window, side="left"))
    stop = start + 1
    while stop < dated:
        high = int(np.searchsorted(known, days[stop] + window, side="right"))
        if (stop + 1 - start) * (high - low) > _BLOCK_CELLS:
            break
        stop += 1
    return stop, low, int(np.searchsorted(known, days[stop - 1] + window, side="right"))


def _cluster(
    counts: TermCounts,
    order: np.ndarray,
    days: np.ndarray,
    edges: np.ndarray,
    similarities: np.ndarray,
    threshold: float,
    window: int,
) -> np.ndarray:
    """Each row's cluster: average-linkage clusters within each connected component of the
    similarity graph, numbered by component, then by their first row."""
    pieces = _pieces(len(days), edges, similarities, threshold)
    by_piece = np.argsort(pieces, kind="stable")
    bounds = _bounds(pieces[by_piece])
    del pieces
    clusters = np.ones(len(bounds) - 1, dtype=np.int64)  # clusters in each piece
    within = np.zeros(len(days), dtype=np.int64)  # each row's cluster within its piece
    for piece in np.flatnonzero(np.diff(bounds) > 1).tolist():
        rows = by_piece[bounds[piece] : bounds[piece + 1]]
        labels = _average_linkage(counts, order, days, rows, threshold, window)
        _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
        rank = np.empty(len(first), dtype=np.int64)
        rank[np.argsort(first)] = np.arange(len(first))  # numbered by their first row
        within[rows] = rank[inverse]
        clusters[piece] = len(first)
    first_cluster = np.cumsum(clusters) - clusters
    cluster_of = np.empty(len(days), dtype=np.int64)
    cluster_of[by_piece] = np.repeat(first_cluster, np.diff(bounds)) + within[by_piece]
    return cluster_of


def _bounds(labels: np.ndarray) -> np.ndarray:
    """Where each run of equal values of sorted ``labels`` starts, and their end."""
    changes = np.flatnonzero(np.diff(labels)) + 1
    return np.concatenate([[0], changes, [len(labels)]]).astype(np.int64)


def _pieces(n: int, edges: np.ndarray, similarities: np.ndarray, cut: float) -> np.ndarray:
    """Each row's piece: connected components of the graph of edges with similarity >= cut,
    a component of more than `MAX_COMPONENT` articles split again with a cut raised by
    `_CUT_STEP` (its pieces numbered in its place).

    Only the similarities decide the pieces, never the order of the articles.
    """
    kept = similarities >= cut - _EPSILON
    graph = coo_matrix((np.ones(int(kept.sum())), (edges[kept, 0], edges[kept, 1])), shape=(n, n))
    count, labels = connected_components(graph, directed=False)
    if cut >= 1.0:
        return labels
    oversized = np.flatnonzero(np.bincount(labels, minlength=count) > MAX_COMPONENT).tolist()
    if not oversized:
        return labels
    split: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for label in oversized:
        component = np.flatnonzero(labels == label)
        inside = np.isin(edges[:, 0], component) & np.isin(edges[:, 1], component)
        local = np.searchsorted(component, edges[inside])
        split[label] = (
            component,
            _pieces(len(component), local, similarities[inside], cut + _CUT_STEP),
        )
    width = np.ones(count, dtype=np.int64)
    for label, (_, sub) in split.items():
        width[label] = int(sub.max()) + 1
    first = np.cumsum(width) - width
    numbered = first[labels]
    for label, (component, sub) in split.items():
        numbered[component] = first[label] + sub
    return numbered


def _average_linkage(
    counts: TermCounts,
    order: np.ndarray,
    days: np.ndarray,
    rows: np.ndarray,
    threshold: float,
    window: int,
) -> np.ndarray:
    """The cluster label of each of ``rows`` (average linkage, cut at the threshold)."""
    part = counts.rows(order[rows])
    similarity = (part @ part.T).toarray()
    dated = days[rows] >= 0
    apart = np.abs(days[rows][:, None] - days[rows][None, :]) > window
    similarity[apart & dated[:, None] & dated[None, :]] = -1.0
    distance = np.clip(1.0 - similarity, 0.0, None)
    condensed = distance[np.triu_indices(len(rows), k=1)]
    tree = linkage(condensed, method="average")
    return fcluster(tree, t=1.0 - threshold + _EPSILON, criterion="distance")


def _describe(
    counts: TermCounts, read: _Articles, positions: np.ndarray, bounds: np.ndarray
) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """Each cluster's most central article (reading position) and keywords.

    Cluster k holds ``positions[bounds[k]:bounds[k + 1]]``; their rows are decoded a chunk
    of clusters at a time. Centrality is the dot product with the cluster's summed vector.
    """
    central = np.empty(len(bounds) - 1, dtype=np.int64)
    keywords: list[tuple[str, ...]] = []
    words: dict[str, tuple[str, int]] = {}  # one string and feature per title word
    first = 0
    while first < len(central):
        base = int(bounds[first])
        last = int(np.searchsorted(bounds, base + _DESCRIBE_ROWS, side="right")) - 1
        last = min(len(central), max(last, first + 1))  # clusters [first, last)
        part = counts.rows(positions[base : bounds[last]])
        for k in range(first, last):
            start, stop = int(bounds[k]) - base, int(bounds[k + 1]) - base
            low, high = part.indptr[start], part.indptr[stop]
            features, data = part.indices[low:high], part.data[low:high]
            centre = 0
            if stop - start > 1:
                features, inverse = np.unique(features, return_inverse=True)
                sums = np.bincount(inverse, weights=data)
                lengths = np.diff(part.indptr[start : stop + 1])
                entry_rows = np.repeat(np.arange(stop - start), lengths)
                centrality = np.bincount(
                    entry_rows, weights=data * sums[inverse], minlength=stop - start
                )
                centre = int(np.argmax(centrality))
                data = sums
            members = positions[base + start : base + stop].tolist()
            central[k] = members[centre]
            titles = [read.titles[position] for position in members]
            keywords.append(_keywords(titles, features, data, words))
        first = last
    return central, keywords


def _event(
    read: _Articles, positions: np.ndarray, central: int, keywords: tuple[str, ...]
) -> Event:
    chosen = [read.member(position) for position in positions.tolist()]
    label = read.titles[central] or chosen[0].id
    dates = [member.date for member in chosen if member.date is not None]
    ordered = tuple(sorted(chosen, key=lambda m: (m.outlet, m.date or Date.min, m.id)))
    identity = hashlib.blake2b(
        "\x00".join(sorted(member.key for member in chosen)).encode(), digest_size=5
    ).hexdigest()
    return Event(
        id=f"event-{identity}",
        label=label,
        keywords=keywords,
        start=min(dates) if dates else None,
        end=max(dates) if dates else None,
        articles=ordered,
    )


def _keywords(
    titles: Sequence[str],
    features: np.ndarray,
    weights: np.ndarray,
    words: dict[str, tuple[str, int]],
) -> tuple[str, ...]:
    """The title words with the most TF-IDF weight in the event's summed vector (``weights``
    of the sorted ``features``); ``words`` caches each word's string and feature."""
    found: dict[str, int] = {}
    for title in titles:
        for word in _WORD.findall(title.lower()):
            if word not in found and word not in ENGLISH_STOP_WORDS and not word.isdigit():
                if word not in words:
                    words[word] = (word, _feature(word))
                shared, feature = words[word]  # one string per word across events
                found[shared] = feature
    if not found or not len(features):
        return ()
    wanted = np.fromiter(found.values(), dtype=np.int64, count=len(found))
    at = np.minimum(np.searchsorted(features, wanted), len(features) - 1)
    present = features[at] == wanted
    weight = np.where(present, weights[at], 0.0).tolist()
    ranked = sorted(zip((-w for w in weight), found, strict=True))
    return tuple(word for minus, word in ranked[:_KEYWORDS] if minus < 0)


def _feature(word: str) -> int:
    """The hashed feature of a word, as `HashingVectorizer` (non-alternating) computes it."""
    return abs(murmurhash3_32(word, seed=0)) % _N_FEATURES
