"""A growable numpy array kept in fixed-size chunks, for per-article rows held by the million.

One array grown geometrically holds up to twice what it stores and, while it grows, the old
and the new copy at once. Chunks of `CHUNK_ROWS` rows never move once full: only the last
chunk grows (doubling, so a small aggregate stays small), and it is trimmed when pickled.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import numpy as np

__all__ = ["CHUNK_ROWS", "ChunkedArray"]

CHUNK_ROWS = 4096
_FIRST_ROWS = 16


class ChunkedArray:
    """Rows of one dtype and width, appended at the end and read by position.

    Row ``i`` is row ``i % CHUNK_ROWS`` of chunk ``i // CHUNK_ROWS``: every chunk but the last
    is full.

    Parameters
    ----------
    dtype : numpy dtype
    width : int or None, default=None
        Values per row, or None for rows of one scalar.
    """

    def __init__(self, dtype: Any, width: int | None = None) -> None:
        self._dtype = np.dtype(dtype)
        self._shape: tuple[int, ...] = () if width is None else (width,)
        self._chunks: list[np.ndarray] = []
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index: int) -> Any:
        """Row ``index`` (0 <= index < len), a view for rows of several values."""
        return self._chunks[index // CHUNK_ROWS][index % CHUNK_ROWS]

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_chunks"] = list(self.chunks())  # without the unused end of the last chunk
        return state

    def append(self, row: Any) -> None:
        """Add one row (a scalar is broadcast across a row of several values)."""
        chunk, used = self._room()
        chunk[used] = row
        self._size += 1

    def extend(self, rows: np.ndarray) -> None:
        """Add ``rows`` (an array of rows) in order."""
        start = 0
        while start < len(rows):
            chunk, used = self._room()
            count = min(len(chunk) - used, len(rows) - start)
            chunk[used : used + count] = rows[start : start + count]
            self._size += count
            start += count

    def chunks(self) -> Iterator[np.ndarray]:
        """The stored rows, chunk by chunk, as views."""
        for number, chunk in enumerate(self._chunks):
            yield chunk[: min(CHUNK_ROWS, self._size - number * CHUNK_ROWS)]

    def all(self) -> np.ndarray:
        """All rows as one new array (for narrow rows: it costs a copy of them)."""
        return np.concatenate([np.empty((0, *self._shape), self._dtype), *self.chunks()])

    def take(self, index: np.ndarray) -> np.ndarray:
        """The rows at ``index`` (integers in [0, len)), in that order, as a new array."""
        index = np.asarray(index, dtype=np.int64)
        taken = np.empty((index.size, *self._shape), self._dtype)
        which = index // CHUNK_ROWS
        order = np.argsort(which, kind="stable")
        bounds = np.searchsorted(which[order], np.arange(len(self._chunks) + 1))
        for number, (low, high) in enumerate(itertools.pairwise(bounds.tolist())):
            if high > low:
                rows = order[low:high]
                taken[rows] = self._chunks[number][index[rows] - number * CHUNK_ROWS]
        return taken

    def compress(self, keep: np.ndarray) -> ChunkedArray:
        """A new array of the rows where the boolean ``keep`` (one per row) is true."""
        kept = ChunkedArray(self._dtype, self._shape[0] if self._shape else None)
        for number, chunk in enumerate(self.chunks()):
            start = number * CHUNK_ROWS
            kept.extend(chunk[keep[start : start + len(chunk)]])
        return kept

    def nbytes(self) -> int:
        """Bytes allocated for the rows, including the unused end of the last chunk."""
        return sum(chunk.nbytes for chunk in self._chunks)

    def _room(self) -> tuple[np.ndarray, int]:
        """The last chunk, made to have a free row, and how many of its rows are used."""
        used = self._size - (len(self._chunks) - 1) * CHUNK_ROWS
        if not self._chunks or used == CHUNK_ROWS:
            self._chunks.append(np.empty((_FIRST_ROWS, *self._shape), self._dtype))
            used = 0
        elif used == len(self._chunks[-1]):
            rows = min(max(2 * used, _FIRST_ROWS), CHUNK_ROWS)
            grown = np.empty((rows, *self._shape), self._dtype)
            grown[:used] = self._chunks[-1]
            self._chunks[-1] = grown
        return self._chunks[-1], used
