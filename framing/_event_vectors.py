"""Hashed term counts of a whole corpus in 4 bytes a distinct word, for event grouping.

`TermCounts` hashes the title (twice) and lead of each article into `N_FEATURES` features, in
batches, and keeps only each article's term counts: every (feature, count) pair packed into one
uint32 (20 bits of feature, 12 of count, capped at `MAX_COUNT`), in one numpy array grown in
place, plus one row offset per article and the document frequency of each feature (a fixed
2^20 array). The texts are dropped once hashed. A float64 TF-IDF matrix would take 12 bytes
a distinct word, and building it several times that for a moment.

After `finish` (inverse document frequencies from the whole corpus, and each row's norm),
`rows` decodes any rows, on demand, into their L2-normalised TF-IDF rows: the values the whole
matrix would hold, so the grouping does not change, while no more than the rows being compared
exist as floats at any time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

__all__ = ["MAX_COUNT", "N_FEATURES", "Growing", "TermCounts"]

_FEATURE_BITS = 20
N_FEATURES = 2**_FEATURE_BITS
MAX_COUNT = 2 ** (32 - _FEATURE_BITS) - 1  # 4,095: far above any word's count in 400 words
_FEATURE_MASK = np.uint32(N_FEATURES - 1)
_NORM_ROWS = 4_096  # rows decoded at once to compute the norms


class Growing:
    """A one-dimensional numpy array appended to in place, grown by half when full.

    The buffer grows with ``ndarray.resize`` (a ``realloc``, which for large buffers remaps
    the pages instead of copying them) and `finish` trims it to its length.
    """

    def __init__(self, dtype: type | np.dtype, capacity: int = 1_024) -> None:
        self._array = np.empty(capacity, dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def append(self, values: np.ndarray | Sequence[int]) -> None:
        values = np.asarray(values, dtype=self._array.dtype)
        end = self._size + len(values)
        if end > len(self._array):
            # No view of the buffer is kept anywhere, so it may move.
            self._array.resize(max(end, len(self._array) * 3 // 2), refcheck=False)
        self._array[self._size : end] = values
        self._size = end

    @property
    def buffer(self) -> np.ndarray:
        """The whole buffer, filled or not (for its size)."""
        return self._array

    def finish(self) -> np.ndarray:
        """The values, in a buffer of their size; the object is not to be appended to after."""
        self._array.resize(self._size, refcheck=False)
        return self._array


class TermCounts:
    """The hashed term counts of a stream of documents, decoded to TF-IDF rows on demand.

    Weights are sublinear TF times a smoothed IDF that counts ``background`` extra documents
    containing none of the words, ln((1 + n + background) / (1 + df)) + 1; rows L2-normalised.
    """

    def __init__(self, background: int) -> None:
        self._hasher = HashingVectorizer(
            n_features=N_FEATURES,
            stop_words=sorted(ENGLISH_STOP_WORDS),
            alternate_sign=False,
            norm=None,
        )
        self._background = background
        # The packed counts and each row's end, while documents are read.
        self._reading: tuple[Growing, Growing] | None = (
            Growing(np.uint32, 1 << 16),
            Growing(np.int64),
        )
        self._document_frequency = np.zeros(N_FEATURES, dtype=np.int32)
        self._rows = 0
        self._packed = np.empty(0, dtype=np.uint32)  # set by finish
        self._offsets = np.zeros(1, dtype=np.int64)  # where each row's entries start, and end
        self._idf = np.empty(0)
        self._norms = np.empty(0)
        self._tf_weight = np.zeros(MAX_COUNT + 1)
        self._tf_weight[1:] = 1.0 + np.log(np.arange(1, MAX_COUNT + 1, dtype=np.float64))

    def __len__(self) -> int:
        return self._rows

    @property
    def nbytes(self) -> int:
        """Bytes held: the packed counts, row offsets and norms, and the per-feature arrays."""
        arrays = [self._packed, self._offsets, self._idf, self._norms, self._tf_weight]
        arrays.append(self._document_frequency)
        if self._reading is not None:
            arrays.extend(growing.buffer for growing in self._reading)
        return sum(array.nbytes for array in arrays)

    def add(self, texts: Sequence[str]) -> None:
        """Hash a batch of documents and keep their counts (the texts are not kept)."""
        if self._reading is None:
            raise RuntimeError("finish() was called: no more documents can be added")
        packed, ends = self._reading
        counts = self._hasher.transform(texts)
        counts.sum_duplicates()  # rows with sorted features and float counts
        features = counts.indices.astype(np.uint32)
        tally = np.minimum(counts.data, MAX_COUNT).astype(np.uint32)
        ends.append(len(packed) + counts.indptr[1:])
        packed.append(features | (tally << np.uint32(_FEATURE_BITS)))
        self._document_frequency += np.bincount(features, minlength=N_FEATURES).astype(np.int32)
        self._rows += counts.shape[0]

    def finish(self) -> None:
        """Compute the IDF from all the documents read, and every row's norm."""
        if self._reading is None:
            return
        packed, ends = self._reading
        self._reading = None
        self._packed = packed.finish()
        self._offsets = np.concatenate([[0], ends.finish()])
        frequency = self._document_frequency.astype(np.float64)
        self._document_frequency = np.empty(0, dtype=np.int32)
        self._idf = np.log((1.0 + self._rows + self._background) / (1.0 + frequency)) + 1.0
        del frequency
        # Each row's norm, as scipy sums a row (np.add.reduceat), a chunk of rows at a time.
        self._norms = np.ones(self._rows)
        for start in range(0, self._rows, _NORM_ROWS):
            offsets = self._offsets[start : min(self._rows, start + _NORM_ROWS) + 1]
            packed = self._packed[offsets[0] : offsets[-1]]
            weights = self._tf_weight[packed >> np.uint32(_FEATURE_BITS)]
            weights *= self._idf[packed & _FEATURE_MASK]
            weights *= weights
            filled = np.flatnonzero(np.diff(offsets))
            if len(filled):
                sums = np.add.reduceat(weights, offsets[filled] - offsets[0])
                self._norms[start + filled] = np.sqrt(sums)

    def rows(self, which: np.ndarray) -> csr_matrix:
        """The L2-normalised TF-IDF rows of the documents ``which`` (positions in reading
        order), in that order, as a float64 CSR matrix over `N_FEATURES` columns."""
        if self._reading is not None:
            raise RuntimeError("finish() first")
        which = np.asarray(which, dtype=np.int64)
        starts = self._offsets[which]
        lengths = self._offsets[which + 1] - starts
        indptr = np.zeros(len(which) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        index_type = np.int32 if indptr[-1] < 2**31 else np.int64
        where = np.arange(indptr[-1], dtype=np.int64)
        where += np.repeat(starts - indptr[:-1], lengths)
        packed = self._packed[where]
        del where
        features = (packed & _FEATURE_MASK).astype(index_type)
        data = self._tf_weight[packed >> np.uint32(_FEATURE_BITS)]
        data *= self._idf[features]
        data /= np.repeat(self._norms[which], lengths)
        return csr_matrix(
            (data, features, indptr.astype(index_type)), shape=(len(which), N_FEATURES)
        )
