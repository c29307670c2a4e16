"""The articles `iter_corpus` has kept, in a few dozen bytes each, for its exact-duplicate check.

For each new article the loader asks whether its content key was seen (and which article was
kept) and whether its id is taken. A dict of keys and a set of ids cost about 230 bytes per
article. Here each kept article gets an ordinal; its 16-byte content digest and the 8-byte hash
of its id are stored by ordinal in flat arrays, and its id in `PackedStrings`. Two hash tables
of ordinals (`_Slots`) find a digest or an id hash; an id hash that matches is confirmed
against the id itself, so the answers are exact, like those of the dict and set.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator

import numpy as np

from framing._packed_strings import PackedStrings

__all__ = ["SeenArticles"]

_DIGEST_BYTES = 16
_MASK_64 = (1 << 64) - 1
# Odd 64-bit multiplier (2**64 / golden ratio): a hash times it, top bits, gives the slot.
_SPREAD = 0x9E3779B97F4A7C15
_FIRST_BITS = 10
_EMPTY = -1


class SeenArticles:
    """The articles kept so far: the id each content key was kept under, and the ids taken.

    Examples
    --------
    >>> seen = SeenArticles()
    >>> seen.add("00" * 16, "a1")
    >>> seen.kept("00" * 16), seen.kept("11" * 16), seen.has_id("a1")
    ('a1', None, True)
    """

    def __init__(self) -> None:
        self._digests = bytearray()  # content digests, 16 bytes per ordinal
        self._id_hashes = array("Q")
        self._ids = PackedStrings()
        self._by_digest = _Slots(self._digest_hashes)
        self._by_id = _Slots(lambda: np.frombuffer(self._id_hashes, dtype=np.uint64).copy())

    def __len__(self) -> int:
        return len(self._ids)

    def kept(self, content_key: str) -> str | None:
        """The id of the article kept with this content key (a 32-digit hex digest), if any."""
        digest = bytes.fromhex(content_key)
        for ordinal in self._by_digest.candidates(_digest_hash(digest)):
            start = ordinal * _DIGEST_BYTES
            if self._digests[start : start + _DIGEST_BYTES] == digest:
                return self._ids[ordinal]
        return None

    def has_id(self, article_id: str) -> bool:
        """Whether an article kept so far has this id."""
        hashed = _id_hash(article_id)
        return any(
            self._id_hashes[ordinal] == hashed and self._ids[ordinal] == article_id
            for ordinal in self._by_id.candidates(hashed)
        )

    def add(self, content_key: str, article_id: str) -> None:
        """Keep an article: its content key (not kept before) and its id."""
        digest = bytes.fromhex(content_key)
        ordinal = len(self._id_hashes)
        self._digests += digest
        self._id_hashes.append(_id_hash(article_id))
        self._ids.append(article_id)
        self._by_digest.insert(_digest_hash(digest), ordinal)
        self._by_id.insert(self._id_hashes[ordinal], ordinal)

    def nbytes(self) -> int:
        """Bytes held: the arrays, the hash tables and the packed ids."""
        arrays = (self._digests, self._id_hashes, self._by_digest.slots, self._by_id.slots)
        return sum(len(a) * memoryview(a).itemsize for a in arrays) + self._ids.nbytes()

    def _digest_hashes(self) -> np.ndarray:
        """The first 8 bytes of each digest as a number (`_digest_hash`), by ordinal."""
        # A copy: a view would keep the bytearray from growing.
        return np.frombuffer(self._digests, dtype="<u8")[:: _DIGEST_BYTES // 8].astype(np.uint64)


class _Slots:
    """A hash table of ordinals with linear probing, at most half full.

    The hash of ordinal ``i`` picks its first slot; a lookup yields the ordinals from there up
    to an empty slot, for the owner to compare. Probing never wraps around: past the last slot
    the table grows at the end. ``hashes`` gives every ordinal's hash, to rebuild the table
    twice as large.
    """

    def __init__(self, hashes: Callable[[], np.ndarray]) -> None:
        self._hashes = hashes
        self._bits = _FIRST_BITS
        self._count = 0
        self.slots = array("i", [_EMPTY]) * (1 << self._bits)

    def candidates(self, hashed: int) -> Iterator[int]:
        """The ordinals that may have this hash."""
        slots = self.slots
        for position in range(self._first(hashed), len(slots)):
            ordinal = slots[position]
            if ordinal == _EMPTY:
                return
            yield ordinal

    def insert(self, hashed: int, ordinal: int) -> None:
        """Add ``ordinal``, whose hash is ``hashed``."""
        self._count += 1
        if 2 * self._count > 1 << self._bits:
            self._bits += 1
            self._rebuild()
            return
        slots = self.slots
        position = self._first(hashed)
        while position < len(slots) and slots[position] != _EMPTY:
            position += 1
        if position == len(slots):
            slots.append(ordinal)
        else:
            slots[position] = ordinal

    def _first(self, hashed: int) -> int:
        return ((hashed * _SPREAD) & _MASK_64) >> (64 - self._bits)

    def _rebuild(self) -> None:
        """Place every ordinal, in order of first slot: each goes to its first slot or, if
        that is taken, just after the one placed before it."""
        firsts = self._hashes()
        firsts *= np.uint64(_SPREAD)
        firsts >>= np.uint64(64 - self._bits)
        order = np.argsort(firsts, kind="stable")
        positions = firsts[order].astype(np.int64)
        del firsts
        rank = np.arange(order.size)
        positions -= rank
        np.maximum.accumulate(positions, out=positions)
        positions += rank
        slots = np.full(max(1 << self._bits, int(positions[-1]) + 1), _EMPTY, dtype=np.int32)
        slots[positions] = order
        self.slots = array("i")
        self.slots.frombytes(slots.view(np.uint8))


def _digest_hash(digest: bytes) -> int:
    return int.from_bytes(digest[:8], "little")


def _id_hash(article_id: str) -> int:
    """Python's hash of the id: salted per process, which is fine for a table that lives in
    one; it is only a first filter (a match is confirmed against the id)."""
    return hash(article_id) & _MASK_64
