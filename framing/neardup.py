"""Find near-duplicate articles (syndicated wire copy) with MinHash and LSH banding.

Wire copy republished by several outlets makes them look alike for reasons that say nothing
about their own framing, so it distorts outlet comparisons. `NearDuplicates` is a mergeable
aggregate: it keeps one compact MinHash signature per article (not the text), so corpora can be
streamed, split across processes and merged, and `groups` gives the same answer whatever the
order or split.

Method: the body text (not the title, which republishers rewrite) is lower-cased and split into
word tokens; each token is hashed with CRC-32 and each run of 5 consecutive tokens (a shingle;
all the tokens when there are fewer than 5) is folded into one 32-bit value. MinHash keeps, for
each of ``permutations`` universal hashes ``(a * x + b) mod (2**61 - 1)``, the smallest value
over the shingles; the share of equal slots in two signatures estimates the Jaccard similarity
of their shingle sets. LSH banding (``bands`` bands of ``permutations // bands`` slots) proposes
candidate pairs, a pair is confirmed when its estimated Jaccard reaches the threshold, and a
group is a connected component of confirmed pairs.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

__all__ = ["SHINGLE_WORDS", "DuplicateGroup", "NearDuplicates"]

SHINGLE_WORDS = 5
_PRIME = (1 << 61) - 1
_PRIME_U64 = np.uint64(_PRIME)
_LOW_32 = np.uint64((1 << 32) - 1)
_LOW_29 = np.uint64((1 << 29) - 1)
_SHIFT_61 = np.uint64(61)
_SHIFT_32 = np.uint64(32)
_SHIFT_29 = np.uint64(29)
# Odd 64-bit multiplier (2**64 / golden ratio) to fold tokens into shingles, slots into bands.
_FOLD = np.uint64(0x9E3779B97F4A7C15)
_WORD = re.compile(r"\w+")
_PAIR_CHUNK = 1 << 18
_BLOCK = 512


@dataclass(frozen=True)
class DuplicateGroup:
    """Articles whose texts are near-duplicates of one another.

    Parameters
    ----------
    articles : tuple of (str, str, str)
        ``(key, outlet, title)`` of each article, sorted.
    similarity : float
        The smallest estimated Jaccard similarity over all pairs in the group (not only the
        confirmed pairs that joined it), so a chain A~B~C whose ends differ shows it here.
    """

    articles: tuple[tuple[str, str, str], ...]
    similarity: float

    @property
    def outlets(self) -> tuple[str, ...]:
        """The distinct outlets in the group, sorted."""
        return tuple(sorted({outlet for _, outlet, _ in self.articles}))


class NearDuplicates:
    """Mergeable aggregate of MinHash signatures that groups near-duplicate articles.

    Memory is one signature of ``permutations`` uint32 values per distinct key, plus its
    outlet and title. Articles whose text has no word token are kept but never grouped.
    An instance reuses scratch arrays in `add`, so give each thread its own and merge them.

    Parameters
    ----------
    permutations : int, default=64
        Slots per signature; the Jaccard estimate has standard error about
        ``sqrt(J * (1 - J) / permutations)`` (0.05 at J = 0.8 with 64).
    bands : int, default=16
        LSH bands; must divide ``permutations``. Pairs are proposed with probability
        ``1 - (1 - J**r)**bands`` (``r = permutations // bands``), which is 0.5 near
        ``J = (1 / bands) ** (1 / r)`` (0.5 at the defaults) and above 0.999 at J = 0.8;
        thresholds below that point lose recall.
    seed : int, default=0
        Seeds the universal hashes; aggregates merge only with the same seed.

    Raises
    ------
    ValueError
        If ``permutations`` or ``bands`` is not a positive integer, or ``bands`` does not divide
        ``permutations``.

    Examples
    --------
    >>> dups = NearDuplicates()
    >>> story = "Officials said on Monday that the talks would resume next week in Geneva."
    >>> dups.add("k1", "Wire", "Talks to resume", story)
    >>> dups.add("k2", "Daily", "Geneva talks back on", story)
    >>> dups.groups()[0].outlets
    ('Daily', 'Wire')
    """

    def __init__(self, *, permutations: int = 64, bands: int = 16, seed: int = 0) -> None:
        if not isinstance(permutations, int) or permutations < 1:
            raise ValueError(f"permutations must be a positive integer, got {permutations!r}")
        if not isinstance(bands, int) or bands < 1 or permutations % bands:
            raise ValueError(
                f"bands must be a positive integer dividing permutations ({permutations}), "
                f"got {bands!r}"
            )
        self.permutations = permutations
        self.bands = bands
        self.seed = seed
        rng = np.random.default_rng(seed)
        a = rng.integers(1, _PRIME, size=(permutations, 1), dtype=np.uint64)
        self._b = rng.integers(0, _PRIME, size=(permutations, 1), dtype=np.uint64)
        # a * x overflows uint64, so a is split into 29 high and 32 low bits (see _signature).
        self._a_high = a >> _SHIFT_32
        self._a_low = a & _LOW_32
        # key -> (outlet, title, signature bytes); b"" when the text has no word token.
        self._articles: dict[str, tuple[str, str, bytes]] = {}
        # Scratch space for _signature (about 1 MB at 64 permutations); not part of the state.
        self._work: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self._articles)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NearDuplicates):
            return NotImplemented
        return self._params() == other._params() and self._articles == other._articles

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"NearDuplicates(articles={len(self)}, permutations={self.permutations}, "
            f"bands={self.bands}, seed={self.seed})"
        )

    def _params(self) -> tuple[int, int, int]:
        return (self.permutations, self.bands, self.seed)

    def add(self, key: str, outlet: str, title: str, text: str) -> None:
        """Add one article's signature.

        Parameters
        ----------
        key : str
            Identifies the article; use ``Article.content_key``, so exact duplicates count once.
            A key seen before keeps the smaller of its two records, whatever the order.
        outlet : str
        title : str
            Kept for the report only; the signature is of ``text``.
        text : str
            The body text.
        """
        entry = (outlet, title, self._signature(text))
        known = self._articles.get(key)
        self._articles[key] = entry if known is None else min(known, entry)

    def merge(self, other: NearDuplicates) -> NearDuplicates:
        """A new aggregate holding the articles of both; associative and commutative.

        Raises
        ------
        ValueError
            If the two differ in ``permutations``, ``bands`` or ``seed``.
        """
        if self._params() != other._params():
            raise ValueError(
                "cannot merge NearDuplicates with different (permutations, bands, seed): "
                f"{self._params()} and {other._params()}"
            )
        merged = NearDuplicates(permutations=self.permutations, bands=self.bands, seed=self.seed)
        merged._articles = dict(self._articles)
        merged.absorb(other)
        return merged

    def absorb(self, other: NearDuplicates) -> None:
        """Add ``other``'s articles to this aggregate in place (linear in ``other``'s size)."""
        if self._params() != other._params():
            raise ValueError(
                "cannot merge NearDuplicates with different (permutations, bands, seed): "
                f"{self._params()} and {other._params()}"
            )
        for key, entry in other._articles.items():
            known = self._articles.get(key)
            self._articles[key] = entry if known is None else min(known, entry)

    def groups(self, *, threshold: float = 0.8) -> tuple[DuplicateGroup, ...]:
        """Groups of two or more near-duplicate articles, sorted by their first article.

        Parameters
        ----------
        threshold : float, default=0.8
            Smallest estimated Jaccard similarity of two texts' 5-word shingle sets for them
            to count as near-duplicates: 0.8 means 80% of the distinct 5-word runs of the two
            texts together are shared by both. Groups are connected components, so a group can
            hold pairs below it (see `DuplicateGroup.similarity`).

        Raises
        ------
        ValueError
            If ``threshold`` is not in (0, 1].
        """
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
        records = sorted(
            (key, outlet, title, sig) for key, (outlet, title, sig) in self._articles.items() if sig
        )
        n = len(records)
        if n < 2:
            return ()
        sigs = np.frombuffer(b"".join(r[3] for r in records), dtype=np.uint32)
        sigs = sigs.reshape(n, self.permutations)
        first, second = self._confirmed(sigs, threshold)
        if first.size == 0:
            return ()
        graph = coo_matrix((np.ones(first.size, dtype=np.int8), (first, second)), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        sizes = np.bincount(labels)
        found = []
        for label in np.flatnonzero(sizes > 1):
            members = np.flatnonzero(labels == label)
            found.append(
                DuplicateGroup(
                    articles=tuple(records[i][:3] for i in members),
                    similarity=_min_similarity(sigs[members]),
                )
            )
        return tuple(sorted(found, key=lambda group: group.articles))

    def _signature(self, text: str) -> bytes:
        """The MinHash signature of ``text`` as uint32 bytes; b"" if it has no word token."""
        tokens = _WORD.findall(text.lower())
        if not tokens:
            return b""
        # \w never matches a lone surrogate, so strict UTF-8 encoding cannot fail.
        hashed = np.fromiter(
            map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint64, count=len(tokens)
        )
        width = min(SHINGLE_WORDS, len(tokens))
        count = len(tokens) - width + 1
        folded = hashed[:count].copy()
        for offset in range(1, width):
            folded *= _FOLD
            folded += hashed[offset : offset + count]
        shingles = folded >> _SHIFT_32
        if self._work is None:
            # Reused across articles: fresh arrays this size would cost new pages each time.
            self._work = np.empty((4, self.permutations, _BLOCK), dtype=np.uint64)
        smallest = np.full(self.permutations, _PRIME_U64, dtype=np.uint64)
        for start in range(0, count, _BLOCK):
            block = shingles[start : start + _BLOCK]
            hashed_min = self._hash_min(block, self._work[:, :, : block.size])
            np.minimum(smallest, hashed_min, out=smallest)
        return smallest.astype(np.uint32).tobytes()

    def _hash_min(self, shingles: np.ndarray, work: np.ndarray) -> np.ndarray:
        """Per hash, the smallest ``(a * x + b) mod p`` over ``shingles``, in uint64 exactly.

        With p = 2**61 - 1, a < p and x < 2**32: a * x = high * 2**32 + low, where
        high = (a >> 32) * x < 2**61 and low = (a & 0xFFFFFFFF) * x < 2**64. As 2**61 = 1
        (mod p), high * 2**32 = (high >> 29) + ((high & (2**29 - 1)) << 32) and
        low = (low >> 61) + (low & p), so the sum with b stays below 2**63; folding it once more
        leaves at most p + 3, and the wrapped difference picks the residue where that is p or more.
        """
        high, low, total, part = work
        np.multiply(self._a_high, shingles, out=high)
        np.multiply(self._a_low, shingles, out=low)
        np.right_shift(high, _SHIFT_29, out=total)
        high &= _LOW_29
        high <<= _SHIFT_32
        total += high
        total += self._b
        np.bitwise_and(low, _PRIME_U64, out=part)
        total += part
        low >>= _SHIFT_61
        total += low
        np.bitwise_and(total, _PRIME_U64, out=part)
        total >>= _SHIFT_61
        part += total
        np.subtract(part, _PRIME_U64, out=total)
        np.minimum(part, total, out=part)
        return part.min(axis=1)

    def _confirmed(self, sigs: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """Row pairs (i < j) sharing a band whose estimated Jaccard reaches ``threshold``."""
        pairs = np.unique(np.concatenate(list(_band_pairs(sigs, self.bands))))
        n = sigs.shape[0]
        first, second = pairs // n, pairs % n
        keep = np.zeros(pairs.size, dtype=bool)
        for start in range(0, pairs.size, _PAIR_CHUNK):
            stop = start + _PAIR_CHUNK
            equal = (sigs[first[start:stop]] == sigs[second[start:stop]]).sum(axis=1)
            keep[start:stop] = equal / self.permutations >= threshold
        return first[keep], second[keep]


def _band_pairs(sigs: np.ndarray, bands: int) -> Iterator[np.ndarray]:
    """Candidate pairs as ``i * n + j`` (i < j) for rows that agree on a whole band."""
    n, permutations = sigs.shape
    rows = permutations // bands
    yield np.empty(0, dtype=np.int64)
    for band in range(bands):
        folded = np.zeros(n, dtype=np.uint64)
        for column in range(band * rows, (band + 1) * rows):
            folded *= _FOLD
            folded += sigs[:, column]
        order = np.argsort(folded, kind="stable")
        ordered = folded[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        sizes = np.diff(np.r_[starts, n])
        pairs_of_two = starts[sizes == 2]
        yield _pair_codes(order[pairs_of_two], order[pairs_of_two + 1], n)
        for start, size in zip(starts[sizes > 2], sizes[sizes > 2], strict=True):
            members = order[start : start + size]
            upper, lower = np.triu_indices(size, 1)
            yield _pair_codes(members[upper], members[lower], n)


def _pair_codes(left: np.ndarray, right: np.ndarray, n: int) -> np.ndarray:
    """Encode unordered row pairs as ``min * n + max``."""
    return np.minimum(left, right).astype(np.int64) * n + np.maximum(left, right)


def _min_similarity(sigs: np.ndarray) -> float:
    """The smallest share of equal slots over all pairs of rows."""
    smallest = sigs.shape[1]
    for i in range(sigs.shape[0] - 1):
        smallest = min(smallest, int((sigs[i + 1 :] == sigs[i]).sum(axis=1).min()))
    return smallest / sigs.shape[1]
