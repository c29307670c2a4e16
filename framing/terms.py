"""Compact word and phrase counts that merge exactly, and their distinctive terms.

Each (event, outlet) group counts its words and two-word phrases. Held as Python Counters of
strings, that costs over 100 bytes a distinct term per group, so a corpus of many outlets and
events outgrows memory long before a million articles. Here a term is its stable 64-bit hash
(`term_id`), each group keeps sorted arrays of hashes and counts (16 bytes a term), and the
strings are kept once per corpus in a `TermTable`. Sums of integers keyed by a hash that does
not depend on the process merge exactly in any order, like every other aggregate.

Even at 16 bytes, a group's vocabulary grows with its articles: a million articles in 1,000
groups count a few hundred million (group, term) pairs. So counts can be spilled
(`TermCounts.spill`) to immutable sorted files on disk, merged size-tiered as they accumulate
(a file is merged with the one before it while that one is less than twice its size), so each
count is rewritten a logarithmic number of times. Absorbing spilled counts only takes
references to their files; they are read back, summed in bounded batches, when the counts are
read (`materialized` reads them without keeping them in memory).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from framing._spill_files import SpillFile
from framing._string_files import StringFile

__all__ = [
    "DistinctiveWord",
    "TermCounts",
    "TermFile",
    "TermTable",
    "distinctive_terms",
    "term_id",
]

# Terms gathered in a dict before they are folded into the sorted arrays.
BUFFER_TERMS = 4096
# Spilled terms read back and summed at a time: bounds the memory of reading many files.
READ_BATCH_TERMS = 1 << 22
# Term strings held in memory (about 150 bytes each) before they are written to disk.
SPILL_STRINGS = 1 << 19


@lru_cache(maxsize=2**18)
def term_id(term: str) -> int:
    """The term's stable 64-bit hash (the same in every process and run)."""
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")


@dataclass
class TermTable:
    """The string of every term counted in a corpus, by `term_id`.

    Beyond `SPILL_STRINGS` strings in memory, they are written to a sorted file on disk
    (`framing._string_files.StringFile`) and memory starts afresh; a lookup searches memory
    and every file. A term seen again after its string was spilled is written again, so the
    files can repeat strings: they cost disk, not memory.
    """

    strings: dict[int, str] = field(default_factory=dict)
    stored: tuple[StringFile, ...] = ()

    def add(self, terms: Mapping[str, int]) -> None:
        """Remember the strings of ``terms`` (a term -> count mapping)."""
        strings = self.strings
        for term in terms:
            strings.setdefault(term_id(term), term)
        if len(strings) >= SPILL_STRINGS:
            self.spill()

    def absorb(self, other: TermTable) -> None:
        """Add ``other``'s strings (on a 64-bit collision the smaller string wins)."""
        for key, term in other.strings.items():
            known = self.strings.get(key)
            if known is None or term < known:
                self.strings[key] = term
        self.stored += other.stored
        if len(self.strings) >= SPILL_STRINGS:
            self.spill()

    def spill(self) -> None:
        """Write the strings held in memory to a file and let them go."""
        if self.strings:
            self.stored += (StringFile.write(self.strings),)
            self.strings = {}

    def __getitem__(self, key: int) -> str:
        found = [self.strings.get(key), *(file.get(key) for file in self.stored)]
        known = [term for term in found if term is not None]
        if not known:
            raise KeyError(key)
        return min(known)  # the same string wherever it was kept, unless ids collide


@dataclass
class TermCounts:
    """Counts of terms by `term_id`: sorted unique ids and their counts.

    New counts gather in a small dict, then in a second, smaller sorted level that joins the
    main arrays only when it reaches an eighth of their size, so absorbing many small parts
    (one per chunk of articles) costs about as much as their own size, not the vocabulary's.
    ``stored`` are spilled counts on disk (`spill`), part of the counts like the rest.
    """

    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    recent_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    recent_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    buffer: Counter[int] = field(default_factory=Counter)
    stored: tuple[TermFile, ...] = ()

    def update(self, terms: Mapping[str, int]) -> None:
        """Add a term -> count mapping (one article's words, say)."""
        buffer = self.buffer
        for term, count in terms.items():
            buffer[term_id(term)] += count
        if len(buffer) >= BUFFER_TERMS:
            self._fold_buffer()

    def absorb(self, other: TermCounts) -> None:
        """Add ``other``'s counts into these, in place (its spilled files by reference)."""
        other._settle_memory()
        self._fold_buffer()
        self.recent_ids, self.recent_counts = _sum(
            self.recent_ids, self.recent_counts, other.ids, other.counts
        )
        self.stored += other.stored
        if len(self.recent_ids) > max(BUFFER_TERMS, len(self.ids) // 8):
            self._fold_recent()

    def settle(self) -> None:
        """Fold everything, spilled files included, into the main sorted arrays (the counts
        are the same)."""
        self._settle_memory()
        if self.stored:
            self.ids, self.counts = _read_sum(self.stored, self.ids, self.counts)
            self.stored = ()

    def materialized(self) -> TermCounts:
        """These counts, wholly in memory, leaving this object's spilled files where they are
        (so reading a spilled group does not bring it back into memory for good)."""
        self._settle_memory()
        if not self.stored:
            return self
        return TermCounts(*_read_sum(self.stored, self.ids, self.counts))

    def memory_terms(self) -> int:
        """Terms held in memory (an upper bound on their distinct count)."""
        return len(self.ids) + len(self.recent_ids) + len(self.buffer)

    def spill(self) -> None:
        """Write the counts held in memory to a file on disk and let them go; files of
        similar size are merged, so there are about log2(spills) of them at most."""
        self._settle_memory()
        if not len(self.ids):
            return
        files = [*self.stored, TermFile.write(self.ids, self.counts)]
        self.ids = np.zeros(0, dtype=np.uint64)
        self.counts = np.zeros(0, dtype=np.int64)
        while len(files) > 1 and files[-2].size < 2 * files[-1].size:
            newer, older = files.pop(), files.pop()
            files.append(TermFile.write(*_sum(*older.read(), *newer.read())))
        self.stored = tuple(files)

    def _settle_memory(self) -> None:
        self._fold_buffer()
        self._fold_recent()

    def _fold_buffer(self) -> None:
        if not self.buffer:
            return
        ids = np.fromiter(self.buffer.keys(), dtype=np.uint64, count=len(self.buffer))
        counts = np.fromiter(self.buffer.values(), dtype=np.int64, count=len(self.buffer))
        order = np.argsort(ids)
        self.recent_ids, self.recent_counts = _sum(
            self.recent_ids, self.recent_counts, ids[order], counts[order]
        )
        self.buffer = Counter()

    def _fold_recent(self) -> None:
        if not len(self.recent_ids):
            return
        self.ids, self.counts = _sum(self.ids, self.counts, self.recent_ids, self.recent_counts)
        self.recent_ids = np.zeros(0, dtype=np.uint64)
        self.recent_counts = np.zeros(0, dtype=np.int64)

    def total(self) -> int:
        """All occurrences counted."""
        stored = sum(file.total for file in self.stored)
        in_memory = int(self.counts.sum() + self.recent_counts.sum()) + sum(self.buffer.values())
        return in_memory + stored

    def __len__(self) -> int:
        self.settle()
        return len(self.ids)

    def __getitem__(self, term: str) -> int:
        """The count of one term (0 if never seen)."""
        self.settle()
        key = np.uint64(term_id(term))
        index = int(np.searchsorted(self.ids, key))
        found = index < len(self.ids) and self.ids[index] == key
        return int(self.counts[index]) if found else 0

    def items(self, table: TermTable) -> Iterator[tuple[str, int]]:
        """(term, count) pairs, the strings looked up in ``table``."""
        self.settle()
        for key, count in zip(self.ids.tolist(), self.counts.tolist(), strict=True):
            yield table[key], count

    def count_of(self, ids: np.ndarray) -> np.ndarray:
        """The counts of the given ids (0 for ids never seen)."""
        self.settle()
        if not len(self.ids):
            return np.zeros(len(ids), dtype=np.int64)
        index = np.minimum(np.searchsorted(self.ids, ids), len(self.ids) - 1)
        return np.where(self.ids[index] == ids, self.counts[index], 0)

    def minus(self, other: TermCounts) -> TermCounts:
        """These counts less ``other``'s, which must be part of them (the rest of a pool)."""
        self.settle()
        rest = self.counts - other.count_of(self.ids)
        keep = rest > 0
        return TermCounts(self.ids[keep], rest[keep])


class TermFile(SpillFile):
    """Sorted term ids and their int64 counts in a temporary file (`SpillFile`)."""

    prefix = "framing-terms-"
    suffix = ".bin"

    def __init__(self, path: str, size: int, total: int) -> None:
        super().__init__(path)
        self.size = size
        self.total = total

    @classmethod
    def write(cls, ids: np.ndarray, counts: np.ndarray) -> TermFile:
        """A new file holding ``ids`` (sorted, unique, uint64) and their int64 ``counts``."""
        file, out = cls._create(len(ids), int(counts.sum()))
        with out:
            out.write(np.ascontiguousarray(ids, dtype=np.uint64).tobytes())
            out.write(np.ascontiguousarray(counts, dtype=np.int64).tobytes())
        return file

    def read(self) -> tuple[np.ndarray, np.ndarray]:
        """The ids and counts."""
        data = np.fromfile(self.path, dtype=np.uint64)
        return data[: self.size], data[self.size :].view(np.int64)

    def _arguments(self) -> tuple[int, int]:
        return (self.size, self.total)


def _read_sum(
    files: tuple[TermFile, ...], ids: np.ndarray, counts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``ids``/``counts`` plus every file's counts, read a bounded batch of files at a time."""
    batch: list[tuple[np.ndarray, np.ndarray]] = []
    batch_size = 0
    for file in files:
        batch.append(file.read())
        batch_size += file.size
        if batch_size >= READ_BATCH_TERMS:
            ids, counts = _summed([(ids, counts), *batch])
            batch, batch_size = [], 0
    if batch:
        ids, counts = _summed([(ids, counts), *batch])
    return ids, counts


def _sum(
    ids: np.ndarray, counts: np.ndarray, more_ids: np.ndarray, more_counts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique ids with summed counts of two sorted id/count arrays."""
    if not len(more_ids):
        return ids, counts
    if not len(ids):
        return more_ids, more_counts
    return _summed([(ids, counts), (more_ids, more_counts)])


def _summed(runs: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted id/count runs as one sorted run with repeated ids summed (a stable sort of
    sorted runs is a merge)."""
    ids = np.concatenate([run[0] for run in runs])
    order = np.argsort(ids, kind="stable")
    ids = ids[order]
    counts = np.concatenate([run[1] for run in runs])[order]
    starts = np.flatnonzero(np.concatenate([[True], ids[1:] != ids[:-1]]))
    return ids[starts], np.add.reduceat(counts, starts)


@dataclass(frozen=True)
class DistinctiveWord:
    """A word over-used by one outlet: its log-odds z-score and its counts there and elsewhere.

    ``delta`` is the estimated log-odds ratio itself (Monroe et al. 2008, eq. 22).
    """

    word: str
    z: float
    count: int
    other_count: int
    delta: float = 0.0


def distinctive_terms(
    ours: TermCounts, theirs: TermCounts, table: TermTable, *, top: int, min_count: int
) -> list[DistinctiveWord]:
    """The ``top`` terms ``ours`` over-uses relative to ``theirs``, most distinctive first.

    The weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and
    Quinn (2008, eq. 22), the prior being both sides pooled, z-scored by its approximate
    standard deviation; only terms used at least ``min_count`` times by ``ours`` and with a
    positive z. Vectorised over the vocabulary: the same figures as
    `framing.compare.log_odds_dirichlet`, which spells the formula out term by term.
    """
    ours.settle()
    theirs.settle()
    n_i = float(ours.counts.sum())
    n_j = float(theirs.counts.sum())
    alpha_0 = n_i + n_j
    candidates = ours.counts >= min_count
    ids = ours.ids[candidates]
    y_i = ours.counts[candidates].astype(float)
    y_j = theirs.count_of(ids).astype(float)
    alpha = y_i + y_j
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + alpha) / (n_i + alpha_0 - y_i - alpha)) - np.log(
            (y_j + alpha) / (n_j + alpha_0 - y_j - alpha)
        )
        z = delta / np.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
    positive = np.flatnonzero(z > 0)
    if not len(positive):
        return []
    ranked = positive[np.argsort(-z[positive], kind="stable")]
    if len(ranked) > top:  # keep every term tied with the last one kept, then sort by string
        ranked = ranked[z[ranked] >= z[ranked[top - 1]]]
    found = [
        DistinctiveWord(table[int(ids[i])], float(z[i]), int(y_i[i]), int(y_j[i]), float(delta[i]))
        for i in ranked
    ]
    found.sort(key=lambda term: (-term.z, term.word))
    return found[:top]
