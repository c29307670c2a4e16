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
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import coo_matrix, csr_matrix, vstack
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer
from sklearn.utils import murmurhash3_32

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
_N_FEATURES = 2**20
_BATCH = 2_000  # articles vectorised at once
_BLOCK_CELLS = 4_000_000  # pair similarities computed at once (32 MB)
_EPSILON = 1e-9
_CUT_STEP = 0.05  # how much the cut rises to split an oversized component
_KEYWORDS = 5
_WORD = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class EventMember:
    """An article of an event: its id, outlet, title, date and content key."""

    id: str
    outlet: str
    title: str
    date: Date | None
    key: str


@dataclass(frozen=True)
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
    """Group articles into events (method in the module docstring).

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
    members, vectors = _vectorise(articles)
    if not members:
        return Grouping((), threshold, window_days, 0, 0, 0)
    days = np.array(
        [m.date.toordinal() if m.date is not None else -1 for m in members], dtype=np.int64
    )
    edges, similarities, compared = _similar_pairs(vectors, days, threshold, window_days)
    clusters = _cluster(vectors, days, edges, similarities, threshold, window_days)
    events = [_event(members, vectors, cluster) for cluster in clusters]
    events.sort(key=lambda e: (-len(e.articles), e.start or Date.max, e.articles[0].id))
    return Grouping(
        events=tuple(events),
        threshold=threshold,
        window_days=window_days,
        articles=len(members),
        undated=int((days < 0).sum()),
        candidate_pairs=compared,
    )


def _vectorise(articles: Iterable[Article]) -> tuple[list[EventMember], csr_matrix]:
    """Members in (date, id) order and their L2-normalised TF-IDF rows, built in batches."""
    hasher = HashingVectorizer(
        n_features=_N_FEATURES,
        stop_words=sorted(ENGLISH_STOP_WORDS),
        alternate_sign=False,
        norm=None,
    )
    members: list[EventMember] = []
    texts: list[str] = []
    blocks: list[csr_matrix] = []
    for article in articles:
        members.append(
            EventMember(
                article.id, article.outlet, article.title, article.date, article.content_key
            )
        )
        lead = " ".join(article.text.split()[:LEAD_WORDS])
        texts.append(f"{article.title}\n{article.title}\n{lead}")
        if len(texts) == _BATCH:
            blocks.append(hasher.transform(texts))
            texts = []
    if texts:
        blocks.append(hasher.transform(texts))
    if not blocks:
        return [], csr_matrix((0, _N_FEATURES))
    counts = vstack(blocks).tocsr()
    order = sorted(
        range(len(members)),
        key=lambda i: (members[i].date is None, members[i].date or Date.min, members[i].id),
    )
    return [members[i] for i in order], _tfidf(counts[order])


def _tfidf(counts: csr_matrix) -> csr_matrix:
    """Sublinear TF times a smoothed IDF, rows L2-normalised.

    The IDF counts `BACKGROUND_DOCUMENTS` extra documents that contain none of the words:
    ln((1 + n + B) / (1 + df)) + 1. In a large corpus this is the usual smoothed IDF; in a
    small corpus about one story it keeps that story's own words from weighing nothing, as
    they would if every article had them and the corpus were all there is.
    """
    weights = counts.astype(np.float64)
    weights.data = 1.0 + np.log(weights.data)
    document_frequency = np.bincount(weights.indices, minlength=weights.shape[1])
    n = weights.shape[0]
    idf = np.log((1.0 + n + BACKGROUND_DOCUMENTS) / (1.0 + document_frequency)) + 1.0
    weights.data *= idf[weights.indices]
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    weights.data /= np.repeat(norms, np.diff(weights.indptr))
    return csr_matrix(weights)


def _similar_pairs(
    vectors: csr_matrix, days: np.ndarray, threshold: float, window: int
) -> tuple[np.ndarray, np.ndarray, int]:
    """Pairs (i < j) with similarity >= threshold within the window, their similarities, and
    how many pairs were compared.

    Rows are in date order with undated ones last; each block of rows is compared with the
    contiguous slice of rows whose dates can fall in its window (all rows, for undated ones).
    """
    n = vectors.shape[0]
    dated = int((days >= 0).sum())
    found: list[np.ndarray] = []
    values: list[np.ndarray] = []
    compared = 0
    start = 0
    while start < n:
        stop, low, high = _block(days, start, dated, window)
        block = (vectors[start:stop] @ vectors[low:high].T).toarray()
        rows = np.arange(start, stop)[:, None]
        columns = np.arange(low, high)[None, :]
        if start < dated:  # each dated pair once, within the window
            allowed = (columns > rows) & (
                np.abs(days[start:stop, None] - days[None, low:high]) <= window
            )
        else:  # undated rows take their pairs with every dated row and later undated ones
            allowed = (columns > rows) | (columns < dated)
        compared += int(allowed.sum())
        row, column = np.nonzero(allowed & (block >= threshold - _EPSILON))
        found.append(np.stack([row + start, column + low], axis=1))
        values.append(block[row, column])
        start = stop
    if not found:
        return np.empty((0, 2), dtype=np.int64), np.empty(0), compared
    return np.concatenate(found), np.concatenate(values), compared


def _block(days: np.ndarray, start: int, dated: int, window: int) -> tuple[int, int, int]:
    """The next block of rows [start, stop) and the column slice [low, high) it needs.

    Dated rows need only the dated rows within ``window`` days of theirs; undated rows (last)
    need every row. Blocks grow while rows x columns stay under `_BLOCK_CELLS`.
    """
    n = len(days)
    if start >= dated:
        return min(n, start + max(1, _BLOCK_CELLS // n)), 0, n
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
    vectors: csr_matrix,
    days: np.ndarray,
    edges: np.ndarray,
    similarities: np.ndarray,
    threshold: float,
    window: int,
) -> list[list[int]]:
    """Average-linkage clusters within each connected component of the similarity graph."""
    clusters: list[list[int]] = []
    for piece in _pieces(vectors.shape[0], edges, similarities, threshold):
        clusters.extend(_average_linkage(vectors, days, piece, threshold, window))
    return clusters


def _pieces(n: int, edges: np.ndarray, similarities: np.ndarray, cut: float) -> list[list[int]]:
    """Connected components of the graph of edges with similarity >= cut; a component of more
    than `MAX_COMPONENT` articles is split again with a cut raised by `_CUT_STEP`.

    Only the similarities decide the pieces, never the order of the articles.
    """
    kept = similarities >= cut - _EPSILON
    graph = coo_matrix((np.ones(int(kept.sum())), (edges[kept, 0], edges[kept, 1])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    pieces: list[list[int]] = []
    for component in np.split(order, bounds):
        if len(component) <= MAX_COMPONENT or cut >= 1.0:
            pieces.append(component.tolist())
            continue
        inside = np.isin(edges[:, 0], component) & np.isin(edges[:, 1], component)
        local = np.searchsorted(component, edges[inside])
        for piece in _pieces(len(component), local, similarities[inside], cut + _CUT_STEP):
            pieces.append(component[piece].tolist())
    return pieces


def _average_linkage(
    vectors: csr_matrix, days: np.ndarray, rows: list[int], threshold: float, window: int
) -> list[list[int]]:
    if len(rows) == 1:
        return [rows]
    part = vectors[rows]
    similarity = (part @ part.T).toarray()
    dated = days[rows] >= 0
    apart = np.abs(days[rows][:, None] - days[rows][None, :]) > window
    similarity[apart & dated[:, None] & dated[None, :]] = -1.0
    distance = np.clip(1.0 - similarity, 0.0, None)
    condensed = distance[np.triu_indices(len(rows), k=1)]
    tree = linkage(condensed, method="average")
    labels = fcluster(tree, t=1.0 - threshold + _EPSILON, criterion="distance")
    grouped: dict[int, list[int]] = {}
    for row, label in zip(rows, labels, strict=True):
        grouped.setdefault(int(label), []).append(row)
    return list(grouped.values())


def _event(members: Sequence[EventMember], vectors: csr_matrix, rows: list[int]) -> Event:
    chosen = [members[row] for row in rows]
    part = vectors[rows]
    # The summed vector over the features present, and each article's dot product with it:
    # O(non-zeros), where a sparse product would convert over all 2^20 columns.
    features, inverse = np.unique(part.indices, return_inverse=True)
    sums = np.bincount(inverse, weights=part.data)
    entry_rows = np.repeat(np.arange(len(rows)), np.diff(part.indptr))
    centrality = np.bincount(entry_rows, weights=part.data * sums[inverse], minlength=len(rows))
    label = chosen[int(np.argmax(centrality))].title or chosen[0].id
    dates = [member.date for member in chosen if member.date is not None]
    ordered = tuple(sorted(chosen, key=lambda m: (m.outlet, m.date or Date.min, m.id)))
    identity = hashlib.blake2b(
        "\x00".join(sorted(member.key for member in chosen)).encode(), digest_size=5
    ).hexdigest()
    return Event(
        id=f"event-{identity}",
        label=label,
        keywords=_keywords(chosen, dict(zip(features.tolist(), sums.tolist(), strict=True))),
        start=min(dates) if dates else None,
        end=max(dates) if dates else None,
        articles=ordered,
    )


def _keywords(chosen: Sequence[EventMember], centre: dict[int, float]) -> tuple[str, ...]:
    """The title words with the most TF-IDF weight in the event's summed vector."""
    words = {
        word
        for member in chosen
        for word in _WORD.findall(member.title.lower())
        if word not in ENGLISH_STOP_WORDS and not word.isdigit()
    }
    weights = {word: centre.get(_feature(word), 0.0) for word in words}
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(word for word, weight in ranked[:_KEYWORDS] if weight > 0)


def _feature(word: str) -> int:
    """The hashed feature of a word, as `HashingVectorizer` (non-alternating) computes it."""
    return abs(murmurhash3_32(word, seed=0)) % _N_FEATURES
