"""Omission and selection: which pieces of information each outlet carries that others leave out.

The sentences of one event's articles are grouped into *content units*, sets of sentences that
report the same piece of information, and each unit records which outlets carry it. A unit only
one outlet carries is something that outlet alone reports; a unit every other outlet carries is
something the missing outlet alone omits.

Method
------
1. Articles are sorted by (outlet, key), so the result does not depend on input order.
2. Each sentence is reduced to content stems: the words of `framing.analysers.text.words`,
   lower case, hyphenated words split ("drug-trafficking"), without one-letter words and stop
   words (scikit-learn's English list plus "said", "according" and a few more; acronyms such
   as "UN" are kept), a few British spellings made American ("defence" -> "defense"), "US" and
   "U.S." made one token, then the Snowball English stemmer (no download). Sentences with
   fewer than ``min_words`` stems (datelines, "Read more", "Nobody else is offering.") are
   skipped: listed in `Coverage.skipped`, in no unit.
3. With ``split_clauses`` (the default), a sentence is also cut into clauses at "; ", a spaced
   dash, and ", and" / ", while" / ", but" / ", whereas", keeping only clauses of at least
   ``min_words + 1`` stems (shorter ones join the clause before). News sentences often pack
   two facts ("... a $50 million reward, while Trump has played down the prospect of war"),
   and a sentence can then belong to one unit per fact.
4. TF-IDF over the event's own sentences (or clauses): stems and pairs of adjacent stems,
   sublinear tf, l2 norm; similarity is the cosine of two vectors.
5. Units are formed by average-linkage agglomerative clustering, cut where the mean similarity
   between two groups falls below ``threshold``: every pair of groups merged has a mean
   similarity of at least ``threshold``, so, unlike single linkage, one borderline pair cannot
   chain unrelated sentences together. Sentences of the same article may share a unit (a fact
   repeated in the lead and the body). The clustering runs separately on each connected
   component of the graph of pairs with similarity >= ``threshold``; that gives exactly the
   clusters of one run on everything (an average-linkage merge at or above the threshold
   needs at least one such pair) in far less memory.
6. Clustering puts each sentence (clause) in one group, though it may also say what another
   group says. So a unit also takes in any sentence of an outlet it lacks whose mean
   similarity to the unit's members reaches ``threshold``: it could have joined. "Alone
   omits" then means what it says: no sentence of the outlet is that close to the unit.
7. A unit's label is its most central sentence: the one with the highest mean similarity to
   the unit's other members (a sentence that was not cut into clauses if there is one, then
   the earliest), trimmed to about 160 characters. Units are ordered by the number of outlets
   carrying them (most first), then by first appearance: the earliest sentence position in
   any article, then outlet and article key.

Limits: TF-IDF links sentences that share words. It misses a paraphrase with few words in
common ("Maduro" vs "Venezuela's president") and may link two short sentences that share one
rare word but report different things. "Omits" means "no sentence similar enough", not proof
that the article leaves the information out: it may say it in other words, or over two
sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np
from nltk.stem.snowball import SnowballStemmer
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from framing.analysers.text import word_spans

__all__ = [
    "DEFAULT_MIN_WORDS",
    "DEFAULT_THRESHOLD",
    "LABEL_LENGTH",
    "MAX_SENTENCES",
    "ContentUnit",
    "Coverage",
    "EventArticle",
    "SentenceRef",
    "align_content",
    "content_stems",
    "sentence_similarities",
]

DEFAULT_THRESHOLD = 0.25
"""Mean cosine similarity at which sentences form one unit: the lowest threshold at which no
labelled pair of different information is linked, on a labelled sample of sentence pairs of
the demo corpus (benchmarks/validate_omission.py; estimated F1 0.885, recall 0.79)."""

DEFAULT_MIN_WORDS = 2
"""Sentences with fewer content stems than this are skipped: "Read more", datelines, "Nobody
else is offering." Two keep short facts such as "The letter has not been confirmed."."""

MAX_SENTENCES = 5_000
"""Most sentences (after skipping short ones) `align_content` aligns in one call: 200 articles
of 25 sentences. Beyond it, it raises ValueError rather than sample, since a sample would
report omissions that are not there; the caller can turn the error into a note or pass a
larger ``max_sentences``. Time and memory grow with the square of the largest group of
connected sentences (or clauses): about 2.5 s and 0.5 GB for 6,000 clauses in one group."""

LABEL_LENGTH = 160
"""Longest unit label in characters; longer sentences are cut at a word and end with '…'."""

SentenceRef = tuple[str, str, int]
"""(outlet, article key, sentence index) of one sentence."""

_BLOCK_ROWS = 1024
_EPSILON = 1e-9  # similarities this close below the threshold count as reaching it (rounding)
_STEMMER = SnowballStemmer("english")
_US_SPELLINGS = frozenset({"US", "U.S.", "U.S", "u.s."})
# Attribution and filler words common in news that scikit-learn's list lacks: without them,
# two unrelated quotes are linked by "said".
_STOP_WORDS = ENGLISH_STOP_WORDS | {
    "according",
    "did",
    "does",
    "including",
    "just",
    "like",
    "mr",
    "ms",
    "mrs",
    "said",
    "say",
    "says",
    "told",
}
_AMERICAN = {
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "offences": "offenses",
    "licence": "license",
    "licences": "licenses",
    "centre": "center",
    "centres": "centers",
    "programme": "program",
    "programmes": "programs",
    "labour": "labor",
    "favour": "favor",
    "honour": "honor",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "neighbouring": "neighboring",
    "behaviour": "behavior",
    "armour": "armor",
    "armoured": "armored",
    "organisation": "organization",
    "organisations": "organizations",
    "recognise": "recognize",
    "recognised": "recognized",
    "recognises": "recognizes",
    "criticise": "criticize",
    "criticised": "criticized",
    "authorise": "authorize",
    "authorised": "authorized",
    "mobilise": "mobilize",
    "mobilised": "mobilized",
    "apologise": "apologize",
    "apologised": "apologized",
    "emphasise": "emphasize",
    "emphasised": "emphasized",
    "realise": "realize",
    "realised": "realized",
    "stabilise": "stabilize",
    "modernise": "modernize",
    "modernised": "modernized",
    "jewellery": "jewelry",
    "travelled": "traveled",
    "travelling": "traveling",
}
_SPACE = re.compile(r"\s+")
_HYPHEN = re.compile(r"[-‐‑]")


@dataclass(frozen=True)
class EventArticle:
    """One article of an event, as `align_content` reads it.

    Parameters
    ----------
    outlet : str
    key : str
        The article's ``content_key``: a stable id, unique within the event.
    title : str
    sentences : tuple[str, ...]
        Title first, as `framing.analysers.analyse` splits an article; sentence indexes in
        the result refer to this tuple.
    """

    outlet: str
    key: str
    title: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class ContentUnit:
    """One piece of information: sentences of the event that report the same thing.

    Parameters
    ----------
    id : int
        1-based position in `Coverage.units`.
    label : str
        The unit's most central sentence (highest mean similarity to its other sentences),
        trimmed to about `LABEL_LENGTH` characters; always the text of a real sentence.
    sentences : tuple[SentenceRef, ...]
        (outlet, article key, sentence index) of each sentence, in article order.
    outlets : tuple[str, ...]
        The outlets that carry the unit, sorted.
    """

    id: int
    label: str
    sentences: tuple[SentenceRef, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    """Which outlets carry which content units of one event.

    Parameters
    ----------
    outlets : tuple[str, ...]
        Every outlet of the event, sorted, including any whose sentences were all skipped.
    units : tuple[ContentUnit, ...]
        Most widely carried first (see `align_content`).
    threshold : float
        The similarity threshold the units were formed with.
    skipped : tuple[SentenceRef, ...], default=()
        Sentences too short to align (fewer than ``min_words`` content words): in no unit.
    """

    outlets: tuple[str, ...]
    units: tuple[ContentUnit, ...]
    threshold: float
    skipped: tuple[SentenceRef, ...] = ()

    def matrix(self) -> list[list[bool]]:
        """The coverage matrix: one row per unit, one column per outlet (in `outlets` order)."""
        return [[outlet in unit.outlets for outlet in self.outlets] for unit in self.units]

    def carried(self, outlet: str) -> tuple[ContentUnit, ...]:
        """The units ``outlet`` carries."""
        self._check(outlet)
        return tuple(unit for unit in self.units if outlet in unit.outlets)

    def alone_reports(self, outlet: str) -> tuple[ContentUnit, ...]:
        """Units only ``outlet`` carries; empty when the event has fewer than 2 outlets.

        Raises
        ------
        ValueError
            If ``outlet`` is not an outlet of the event.
        """
        self._check(outlet)
        if len(self.outlets) < 2:
            return ()
        return tuple(unit for unit in self.units if unit.outlets == (outlet,))

    def alone_omits(self, outlet: str) -> tuple[ContentUnit, ...]:
        """Units every other outlet carries but ``outlet`` does not.

        Needs 3 or more outlets (with 2, it is the other outlet's `alone_reports`); empty
        otherwise. "Omits" means no sentence of the outlet was similar enough, not that the
        information is certainly absent.

        Raises
        ------
        ValueError
            If ``outlet`` is not an outlet of the event.
        """
        self._check(outlet)
        if len(self.outlets) < 3:
            return ()
        others = tuple(name for name in self.outlets if name != outlet)
        return tuple(unit for unit in self.units if unit.outlets == others)

    def _check(self, outlet: str) -> None:
        if outlet not in self.outlets:
            known = ", ".join(self.outlets) or "none"
            raise ValueError(f"outlet {outlet!r} is not in this event (outlets: {known})")


def align_content(
    articles: Sequence[EventArticle],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_words: int = DEFAULT_MIN_WORDS,
    max_sentences: int = MAX_SENTENCES,
    split_clauses: bool = True,
) -> Coverage:
    """Group the sentences of one event's articles into content units and say who carries each.

    Parameters
    ----------
    articles : Sequence[EventArticle]
        The event's articles, in any order; several may come from one outlet.
    threshold : float, default=DEFAULT_THRESHOLD
        Mean cosine similarity (TF-IDF) two groups of sentences need to form one unit, in
        (0, 1]. Higher gives more, smaller units and more "alone reports".
    min_words : int, default=DEFAULT_MIN_WORDS
        Sentences with fewer content words (after stop words are removed) are skipped.
    max_sentences : int, default=MAX_SENTENCES
        Raise instead of aligning more sentences than this.
    split_clauses : bool, default=True
        Align clauses rather than whole sentences, so a sentence can carry several units.

    Returns
    -------
    Coverage

    Raises
    ------
    ValueError
        If ``threshold`` or ``min_words`` is out of range, two articles share a key, or the
        event has more than ``max_sentences`` sentences to align.

    Examples
    --------
    >>> a = EventArticle("A", "a1", "", ("The reward for his capture was raised to $50 million.",))
    >>> b = EventArticle("B", "b1", "", ("A $50 million reward was offered for his capture.",))
    >>> coverage = align_content([a, b])
    >>> [unit.outlets for unit in coverage.units]
    [('A', 'B')]
    """
    _validate(threshold, min_words, max_sentences)
    ordered = _sorted_articles(articles)
    items: list[_Item] = []
    skipped: list[SentenceRef] = []
    n_aligned = 0
    for article in ordered:
        for index, sentence in enumerate(article.sentences):
            ref = (article.outlet, article.key, index)
            stems = content_stems(sentence)
            if len(stems) < min_words:
                skipped.append(ref)
                continue
            n_aligned += 1
            split = split_clauses and _CLAUSE_BREAK.search(sentence) is not None
            pieces = _clauses(sentence, min_words) if split else [stems]
            whole = len(pieces) == 1
            items.extend(_Item(ref, sentence, _with_bigrams(piece), whole) for piece in pieces)
    if n_aligned > max_sentences:
        raise ValueError(
            f"the event has {n_aligned:,} sentences to align, more than max_sentences="
            f"{max_sentences:,}: split the event into smaller ones or raise max_sentences"
        )
    outlets = tuple(sorted({article.outlet for article in ordered}))
    units = _units(items, threshold) if items else ()
    return Coverage(outlets, units, threshold, tuple(skipped))


def sentence_similarities(sentences: Sequence[str]) -> np.ndarray:
    """Cosine similarities of TF-IDF vectors of ``sentences``, fitted on these sentences.

    The representation `align_content` uses, on whole sentences (no clauses); for inspecting
    and validating it. Holds an n x n matrix: for small inputs.
    """
    return _similarity(_vectors([_with_bigrams(content_stems(s)) for s in sentences]))


def content_stems(sentence: str) -> list[str]:
    """The stems of a sentence's content words, in order: what the similarity is computed on."""
    stems = []
    for span in word_spans(sentence):
        # "drug-trafficking" matches "drug trafficking", "US-backed" matches "US backed"
        words = _HYPHEN.split(span.word)
        originals = _HYPHEN.split(sentence[span.start : span.end])
        for word, original in zip(words, originals, strict=False):
            if original in _US_SPELLINGS:
                stems.append("usa")
                continue
            word = _AMERICAN.get(word, word)
            acronym = len(original) >= 2 and original.isupper()  # "UN" is not the stop word "un"
            if len(word) < 2 or (word in _STOP_WORDS and not acronym):
                continue
            stems.append(_stem(word))
    return stems


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEMMER.stem(word))


_CLAUSE_BREAK = re.compile(r",\s+(?:and|while|but|whereas)\s+|;\s+|\s+[-–—]\s+")


def _clauses(sentence: str, min_words: int) -> list[list[str]]:
    """Content stems of each clause; clauses too short to align join the one before."""
    pieces: list[list[str]] = []
    for part in _CLAUSE_BREAK.split(sentence):
        stems = content_stems(part)
        if pieces and (len(stems) < min_words + 1 or len(pieces[-1]) < min_words + 1):
            pieces[-1].extend(stems)
        else:
            pieces.append(stems)
    return pieces


def _with_bigrams(stems: list[str]) -> list[str]:
    return stems + [f"{first} {second}" for first, second in pairwise(stems)]


def _identity(features: list[str]) -> list[str]:
    return features


def _vectors(features: list[list[str]]) -> csr_matrix:
    vectoriser = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    return csr_matrix(vectoriser.fit_transform(features))


def _similarity(vectors: csr_matrix) -> np.ndarray:
    return np.asarray((vectors @ vectors.T).toarray(), dtype=float)


def _validate(threshold: float, min_words: int, max_sentences: int) -> None:
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be a number in (0, 1]; got {threshold!r}")
    if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 1:
        raise ValueError(f"min_words must be an integer >= 1; got {min_words!r}")
    if isinstance(max_sentences, bool) or not isinstance(max_sentences, int) or max_sentences < 1:
        raise ValueError(f"max_sentences must be an integer >= 1; got {max_sentences!r}")


def _sorted_articles(articles: Sequence[EventArticle]) -> list[EventArticle]:
    ordered = sorted(articles, key=lambda article: (article.outlet, article.key))
    for first, second in pairwise(ordered):
        if first.key == second.key and first.outlet == second.outlet:
            raise ValueError(
                f"two articles of {first.outlet!r} share the key {first.key!r}: "
                "pass each article once"
            )
    return ordered


@dataclass(frozen=True)
class _Item:
    """One sentence, or one clause of it, to align."""

    ref: SentenceRef
    sentence: str
    features: list[str]
    whole: bool  # the sentence was not cut into clauses


def _units(items: list[_Item], threshold: float) -> tuple[ContentUnit, ...]:
    vectors = _vectors([item.features for item in items])
    groups: list[tuple[list[int], str]] = []
    for members in _components(vectors, threshold):
        if len(members) == 1:
            groups.append((members, items[members[0]].sentence))
            continue
        for cluster in _average_linkage(vectors[members], threshold):
            chosen = [members[i] for i in cluster]
            whole = [items[i].whole for i in chosen]
            central = _most_central(_similarity(vectors[chosen]), whole)
            label = items[chosen[central]].sentence
            groups.append((chosen + _attached(vectors, items, chosen, members, threshold), label))
    refs = [item.ref for item in items]
    groups.sort(key=lambda group: _unit_order(group[0], refs))
    return tuple(
        ContentUnit(
            id=number,
            label=_trim(label),
            sentences=tuple(dict.fromkeys(refs[i] for i in sorted(members))),
            outlets=tuple(sorted({refs[i][0] for i in members})),
        )
        for number, (members, label) in enumerate(groups, start=1)
    )


def _attached(
    vectors: csr_matrix,
    items: list[_Item],
    cluster: list[int],
    component: list[int],
    threshold: float,
) -> list[int]:
    """Members of other clusters, from outlets the cluster lacks, whose mean similarity to the
    cluster reaches the threshold: they could have joined it."""
    outlets = {items[i].ref[0] for i in cluster}
    mean = np.asarray((vectors[cluster] @ vectors[component].T).mean(axis=0)).ravel()
    inside = set(cluster)
    return [
        index
        for index, similarity in zip(component, mean, strict=True)
        if similarity >= threshold - _EPSILON
        and index not in inside
        and items[index].ref[0] not in outlets
    ]


def _components(vectors: csr_matrix, threshold: float) -> list[list[int]]:
    """Connected components of the graph of sentence pairs with similarity >= threshold."""
    n = vectors.shape[0]
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for start in range(0, n, _BLOCK_ROWS):
        block = (vectors[start : start + _BLOCK_ROWS] @ vectors.T).toarray()
        row, col = np.nonzero(block >= threshold - _EPSILON)
        rows.append(row + start)
        cols.append(col)
    row_all = np.concatenate(rows)
    col_all = np.concatenate(cols)
    graph = coo_matrix((np.ones(len(row_all)), (row_all, col_all)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    members: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        members.setdefault(int(label), []).append(index)
    return sorted(members.values())


def _average_linkage(vectors: csr_matrix, threshold: float) -> list[list[int]]:
    """Clusters whose merges all had a mean similarity >= threshold, in first-member order."""
    tree = linkage(_condensed_distances(vectors), method="average")
    labels = fcluster(tree, t=1.0 - threshold + _EPSILON, criterion="distance")
    clusters: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(index)
    return sorted(clusters.values())


def _condensed_distances(vectors: csr_matrix) -> np.ndarray:
    """Cosine distances of all pairs of rows, in scipy's condensed order, filled in blocks of
    rows so that no n x n matrix is ever held."""
    n = vectors.shape[0]
    condensed = np.empty(n * (n - 1) // 2)
    transposed = vectors.T.tocsc()
    for start in range(0, n, _BLOCK_ROWS):
        block = (vectors[start : start + _BLOCK_ROWS] @ transposed).toarray()
        for offset, row in enumerate(block):
            i = start + offset
            first = i * n - i * (i + 1) // 2
            condensed[first : first + n - i - 1] = row[i + 1 :]
    np.subtract(1.0, condensed, out=condensed)
    np.clip(condensed, 0.0, 2.0, out=condensed)
    return condensed


def _most_central(similarity: np.ndarray, whole: list[bool]) -> int:
    """The member with the highest mean similarity to the others: whole sentences first, then
    the first on ties."""
    totals = np.round(similarity.sum(axis=1) - np.diag(similarity), 9)
    candidates = [i for i, is_whole in enumerate(whole) if is_whole] or list(range(len(whole)))
    return max(candidates, key=lambda i: (totals[i], -i))


def _unit_order(members: list[int], refs: list[SentenceRef]) -> tuple[int, int, str, str, int]:
    """Most outlets first, then the earliest sentence position, outlet and key (then the
    earliest member, for two units that share their first sentence)."""
    outlet, key, index = min((refs[i] for i in members), key=lambda ref: (ref[2], ref[0], ref[1]))
    return (-len({refs[i][0] for i in members}), index, outlet, key, min(members))


def _trim(text: str, length: int = LABEL_LENGTH) -> str:
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > 0 else length - 1].rstrip(" ,;:-–—") + "…"
