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

Memory: about 300 bytes per article at the default 64 permutations, most of it the 256-byte
signature; the rest is kept as numbers in chunked arrays, and titles, which only the reported
groups read back, compressed (so a million articles cost about 300 MB, not 700).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from framing._chunked import ChunkedArray
from framing._packed_strings import PackedStrings

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
_KEY_BYTES = 16
_HEX_DIGEST = re.compile(r"[0-9a-f]{32}")  # Article.content_key


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

    Memory per article is ``4 * permutations + 21`` bytes (277 at the defaults) plus its
    title compressed with its neighbours (20 to 40 bytes for a headline), so about 300 bytes;
    `nbytes` gives the total. The 21 bytes are the key (16: a content key is the hex of a
    16-byte digest; any other str is hashed to 16 bytes and also kept as given), an outlet
    number (4; each name is kept once) and a flag for a text without any word token (kept, but
    never grouped). Each article added is appended, in chunks (`framing._chunked`); a key
    added again is resolved when the aggregate is read (`len`, ``==``, `groups`), by sorting
    the keys, and only then is the larger record dropped. An instance reuses scratch arrays in
    `add`, so give each thread its own and merge them.

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
        # a * x overflows uint64, so a is split into 29 high and 32 low bits (see _hash_min).
        self._a_high = a >> _SHIFT_32
        self._a_low = a & _LOW_32
        # One row per article added: key bytes, outlet number, whether the text has a word
        # token, signature (zeros when it has none) and title. A key may repeat until _resolve.
        self._keys = ChunkedArray(np.uint8, _KEY_BYTES)
        self._outlets = ChunkedArray(np.int32)
        self._has_words = ChunkedArray(np.bool_)
        self._signatures = ChunkedArray(np.uint32, permutations)
        self._titles = PackedStrings()
        self._outlet_names: list[str] = []
        self._outlet_numbers: dict[str, int] = {}
        self._other_keys: dict[bytes, str] = {}  # key bytes -> key, for keys not hex digests
        self._resolved = 0  # rows known to hold distinct keys
        # Scratch space for _signature (about 1 MB at 64 permutations); not part of the state.
        self._work: np.ndarray | None = None

    def __len__(self) -> int:
        self._resolve()
        return len(self._keys)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NearDuplicates):
            return NotImplemented
        if self._params() != other._params() or len(self) != len(other):
            return False
        mine, theirs = self._contents(), other._contents()
        return all(
            np.array_equal(a, b) if isinstance(a, np.ndarray) else a == b
            for a, b in zip(mine, theirs, strict=True)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"NearDuplicates(articles={len(self)}, permutations={self.permutations}, "
            f"bands={self.bands}, seed={self.seed})"
        )

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_work": None}

    def _params(self) -> tuple[int, int, int]:
        return (self.permutations, self.bands, self.seed)

    def add(self, key: str, outlet: str, title: str, text: str) -> None:
        """Add one article's signature.

        Parameters
        ----------
        key : str
            Identifies the article; use ``Article.content_key``, so exact duplicates count once.
            A key seen before keeps the smaller of its two records (outlet, title, signature),
            whatever the order.
        outlet : str
        title : str
            Kept for the report only; the signature is of ``text``.
        text : str
            The body text.
        """
        signature = self._signature(text)
        key_bytes = self._key_bytes(key)
        self._keys.append(np.frombuffer(key_bytes, dtype=np.uint8))
        self._outlets.append(self._outlet_number(outlet))
        self._has_words.append(signature is not None)
        self._signatures.append(0 if signature is None else signature)
        self._titles.append(title)

    def merge(self, other: NearDuplicates) -> NearDuplicates:
        """A new aggregate holding the articles of both; associative and commutative.

        Raises
        ------
        ValueError
            If the two differ in ``permutations``, ``bands`` or ``seed``.
        """
        self._check_params(other)
        merged = NearDuplicates(permutations=self.permutations, bands=self.bands, seed=self.seed)
        merged.absorb(self)
        merged.absorb(other)
        return merged

    def absorb(self, other: NearDuplicates) -> None:
        """Add ``other``'s articles to this aggregate in place (linear in ``other``'s size)."""
        self._check_params(other)
        if other is self:
            return  # every key is here already, with its smallest record
        numbers = np.array([self._outlet_number(name) for name in other._outlet_names], np.int32)
        for chunk in other._keys.chunks():
            self._keys.extend(chunk)
        for chunk in other._outlets.chunks():
            self._outlets.extend(numbers[chunk])
        for chunk in other._has_words.chunks():
            self._has_words.extend(chunk)
        for chunk in other._signatures.chunks():
            self._signatures.extend(chunk)
        for title in other._titles:
            self._titles.append(title)
        self._other_keys.update(other._other_keys)

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
        self._resolve()
        rows = np.flatnonzero(self._has_words.all())
        n = rows.size
        if n < 2:
            return ()
        first, second = self._confirmed(rows, threshold)
        if first.size == 0:
            return ()
        graph = coo_matrix((np.ones(first.size, dtype=np.int8), (first, second)), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        grouped = np.flatnonzero(np.bincount(labels)[labels] > 1)
        grouped = grouped[np.argsort(labels[grouped], kind="stable")]
        cuts = np.flatnonzero(np.diff(labels[grouped])) + 1
        members = [rows[part] for part in np.split(grouped, cuts)]
        titles = {row: self._titles[row] for row in np.sort(rows[grouped]).tolist()}
        found = [
            DuplicateGroup(
                articles=tuple(
                    sorted(
                        (self._key_text(row), self._outlet_names[self._outlets[row]], titles[row])
                        for row in part.tolist()
                    )
                ),
                similarity=_min_similarity(self._signatures.take(part)),
            )
            for part in members
        ]
        return tuple(sorted(found, key=lambda group: group.articles))

    def nbytes(self) -> int:
        """Bytes held for the articles: the arrays, chunks included, and the packed titles.

        The outlet names, the keys that are not hex digests and the scratch space of `add`
        are not counted; they do not grow with the number of articles.
        """
        arrays = (self._keys, self._outlets, self._has_words, self._signatures)
        return sum(array.nbytes() for array in arrays) + self._titles.nbytes()

    def _check_params(self, other: NearDuplicates) -> None:
        if self._params() != other._params():
            raise ValueError(
                "cannot merge NearDuplicates with different (permutations, bands, seed): "
                f"{self._params()} and {other._params()}"
            )

    def _key_bytes(self, key: str) -> bytes:
        """The 16 bytes a key is stored as: the digest a content key is the hex of, or else a
        hash of the key, which is then kept to be given back as it was."""
        if _HEX_DIGEST.fullmatch(key):
            return bytes.fromhex(key)
        hashed = hashlib.blake2b(
            key.encode("utf-8", "surrogatepass"), digest_size=_KEY_BYTES, person=b"neardup-key"
        ).digest()
        self._other_keys[hashed] = key
        return hashed

    def _key_text(self, row: int) -> str:
        key_bytes = self._keys[row].tobytes()
        key = self._other_keys.get(key_bytes)
        return key_bytes.hex() if key is None else key

    def _outlet_number(self, outlet: str) -> int:
        number = self._outlet_numbers.get(outlet)
        if number is None:
            number = self._outlet_numbers[outlet] = len(self._outlet_names)
            self._outlet_names.append(outlet)
        return number

    def _record(self, row: int, title: str) -> tuple[str, str, bytes]:
        """The (outlet, title, signature bytes) of a row, compared to choose among rows with
        one key; the signature is b"" when the text has no word token."""
        signature = self._signatures[row].tobytes() if self._has_words[row] else b""
        return (self._outlet_names[self._outlets[row]], title, signature)

    def _resolve(self) -> None:
        """Keep one row per key, the one with the smallest record, and drop the others."""
        if self._resolved == len(self._keys):
            return
        keys = self._keys.all()
        order = _key_order(keys)
        keys = keys[order]
        starts = np.flatnonzero(np.r_[True, (keys[1:] != keys[:-1]).any(axis=1)])
        sizes = np.diff(np.r_[starts, order.size])
        repeated = [
            order[start : start + size].tolist()
            for start, size in zip(starts[sizes > 1], sizes[sizes > 1], strict=True)
        ]
        if repeated:
            # Titles read in row order, so that each packed block is decompressed once.
            titles = {row: self._titles[row] for row in sorted(itertools.chain(*repeated))}
            keep = np.ones(order.size, dtype=bool)
            for same_key in repeated:
                smallest = min(same_key, key=lambda row: self._record(row, titles[row]))
                keep[[row for row in same_key if row != smallest]] = False
            self._keys = self._keys.compress(keep)
            self._outlets = self._outlets.compress(keep)
            self._has_words = self._has_words.compress(keep)
            self._signatures = self._signatures.compress(keep)
            packed = PackedStrings()
            for title, kept in zip(self._titles, keep.tolist(), strict=True):
                if kept:
                    packed.append(title)
            self._titles = packed
        self._resolved = len(self._keys)

    def _contents(self) -> tuple[Any, ...]:
        """Keys, outlets, titles, word flags and signatures in key order, to compare."""
        self._resolve()
        keys = self._keys.all()
        order = _key_order(keys)
        titles = list(self._titles)
        return (
            keys[order],
            [self._outlet_names[number] for number in self._outlets.all()[order].tolist()],
            [titles[row] for row in order.tolist()],
            self._has_words.all()[order],
            self._signatures.take(order),
        )

    def _signature(self, text: str) -> np.ndarray | None:
        """The MinHash signature of ``text`` as uint32; None if it has no word token."""
        tokens = _WORD.findall(text.lower())
        if not tokens:
            return None
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
        return smallest.astype(np.uint32)

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

    def _confirmed(self, rows: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (i < j) of positions in ``rows`` whose signatures agree on a whole band and
        whose estimated Jaccard reaches ``threshold``."""
        width = self.permutations // self.bands
        candidates = [np.empty(0, dtype=np.int64)]
        for band in range(self.bands):
            columns = slice(band * width, (band + 1) * width)
            folded = [_fold(chunk[:, columns]) for chunk in self._signatures.chunks()]
            candidates.extend(_equal_pairs(np.concatenate(folded)[rows]))
        pairs = np.unique(np.concatenate(candidates))
        n = rows.size
        first, second = pairs // n, pairs % n
        keep = np.zeros(pairs.size, dtype=bool)
        for start in range(0, pairs.size, _PAIR_CHUNK):
            stop = start + _PAIR_CHUNK
            left = self._signatures.take(rows[first[start:stop]])
            right = self._signatures.take(rows[second[start:stop]])
            keep[start:stop] = (left == right).sum(axis=1) / self.permutations >= threshold
        return first[keep], second[keep]


def _key_order(keys: np.ndarray) -> np.ndarray:
    """The order of rows of 16 key bytes, in byte order (that of their hex)."""
    words = keys.view(">u8")
    return np.lexsort((words[:, 1], words[:, 0]))


def _fold(columns: np.ndarray) -> np.ndarray:
    """Fold each row of uint32 ``columns`` into one uint64 value."""
    folded = np.zeros(len(columns), dtype=np.uint64)
    for column in columns.T:
        folded *= _FOLD
        folded += column
    return folded


def _equal_pairs(folded: np.ndarray) -> Iterator[np.ndarray]:
    """Pairs of positions with equal ``folded`` values, as ``i * n + j`` (i < j)."""
    n = folded.size
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
