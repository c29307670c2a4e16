"""Strings kept by the million but read back rarely (titles for a report, ids for a message),
compressed in blocks.

A Python str costs about 50 bytes before its text, and a list a pointer more; a block of
`BLOCK_STRINGS` strings written as one JSON array and zlib-compressed costs a fraction of its
text for headlines and ids. Reading one string decompresses its block.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator

__all__ = ["BLOCK_STRINGS", "PackedStrings"]

BLOCK_STRINGS = 1024


class PackedStrings:
    """An append-only sequence of str, packed in blocks of `BLOCK_STRINGS`.

    Any str round-trips, lone surrogates included. The last block decompressed is cached, so
    reading in index order decompresses each block once.
    """

    def __init__(self) -> None:
        self._blocks: list[bytes] = []
        self._open: list[str] = []
        self._cached: tuple[int, list[str]] | None = None

    def __len__(self) -> int:
        return len(self._blocks) * BLOCK_STRINGS + len(self._open)

    def __getitem__(self, index: int) -> str:
        """String ``index`` (0 <= index < len)."""
        block, offset = divmod(index, BLOCK_STRINGS)
        if block == len(self._blocks):
            return self._open[offset]
        if self._cached is None or self._cached[0] != block:
            self._cached = (block, _unpack(self._blocks[block]))
        return self._cached[1][offset]

    def __iter__(self) -> Iterator[str]:
        for packed in self._blocks:
            yield from _unpack(packed)
        yield from self._open

    def __getstate__(self) -> tuple[list[bytes], list[str]]:
        return self._blocks, self._open

    def __setstate__(self, state: tuple[list[bytes], list[str]]) -> None:
        self._blocks, self._open = state
        self._cached = None

    def append(self, text: str) -> None:
        """Add ``text`` at the end."""
        self._open.append(text)
        if len(self._open) == BLOCK_STRINGS:
            self._blocks.append(_pack(self._open))
            self._open = []

    def nbytes(self) -> int:
        """Bytes of the compressed blocks plus the UTF-8 text of the open one (an estimate:
        the Python objects around them are not counted)."""
        return sum(map(len, self._blocks)) + sum(
            len(text.encode("utf-8", "surrogatepass")) for text in self._open
        )


def _pack(texts: list[str]) -> bytes:
    return zlib.compress(json.dumps(texts, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def _unpack(packed: bytes) -> list[str]:
    texts: list[str] = json.loads(zlib.decompress(packed).decode("utf-8", "surrogatepass"))
    return texts
