"""Chunked arrays read back exactly what one numpy array would hold, across chunk boundaries."""

from __future__ import annotations

import pickle

import numpy as np

from framing._chunked import CHUNK_ROWS, ChunkedArray


def _filled(rng: np.random.Generator, size: int) -> tuple[ChunkedArray, np.ndarray]:
    """The same rows appended one at a time and in batches of random sizes, and as one array."""
    rows = rng.integers(0, 2**32, size=(size, 3), dtype=np.uint32)
    chunked = ChunkedArray(np.uint32, 3)
    start = 0
    while start < size:
        if rng.random() < 0.5:
            chunked.append(rows[start])
            start += 1
        else:
            stop = min(size, start + int(rng.integers(1, CHUNK_ROWS + 100)))
            chunked.extend(rows[start:stop])
            start = stop
    return chunked, rows


def test_rows_read_back_as_written() -> None:
    rng = np.random.default_rng(0)
    chunked, rows = _filled(rng, 3 * CHUNK_ROWS + 17)
    assert len(chunked) == len(rows)
    assert np.array_equal(chunked.all(), rows)
    index = rng.integers(0, len(rows), size=5000)
    assert np.array_equal(chunked.take(index), rows[index])
    assert all(np.array_equal(chunked[i], rows[i]) for i in (0, CHUNK_ROWS - 1, CHUNK_ROWS))
    keep = rng.random(len(rows)) < 0.3
    assert np.array_equal(chunked.compress(keep).all(), rows[keep])


def test_only_the_last_chunk_has_room_and_pickling_drops_it() -> None:
    chunked, rows = _filled(np.random.default_rng(1), CHUNK_ROWS + 5)
    assert chunked.nbytes() < 1.01 * rows.nbytes  # one full chunk, one with 5 rows of 16
    again = pickle.loads(pickle.dumps(chunked))
    assert again.nbytes() == rows.nbytes
    again.extend(rows)
    assert np.array_equal(again.all(), np.concatenate([rows, rows]))


def test_scalar_rows_and_empty_arrays() -> None:
    flags = ChunkedArray(np.bool_)
    assert flags.all().shape == (0,) and flags.take(np.array([], dtype=np.int64)).shape == (0,)
    for value in (True, False, True):
        flags.append(value)
    assert flags.all().tolist() == [True, False, True]
