"""Strings by 64-bit id in a sorted temporary file, for the term table of a large corpus.

A corpus of a million articles has tens of millions of distinct words and phrases, but the
report names a few thousand. `StringFile` keeps the rest on disk: the ids sorted, the offsets
of their strings, then the strings as UTF-8, looked up by binary search in a memory map, so
only the pages a lookup touches are read.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from framing._spill_files import SpillFile

__all__ = ["StringFile"]


class StringFile(SpillFile):
    """Sorted ids, their strings' end offsets, and the strings (`SpillFile`)."""

    prefix = "framing-strings-"
    suffix = ".bin"

    def __init__(self, path: str, size: int) -> None:
        super().__init__(path)
        self.size = size
        self._map: np.memmap | None = None

    @classmethod
    def write(cls, strings: Mapping[int, str]) -> StringFile:
        """A new file holding ``strings`` (id -> string)."""
        ids = np.fromiter(strings.keys(), dtype=np.uint64, count=len(strings))
        order = np.argsort(ids)
        values = list(strings.values())
        encoded = [values[i].encode("utf-8", "surrogatepass") for i in order.tolist()]
        ends = np.cumsum([len(text) for text in encoded], dtype=np.uint64)
        file, out = cls._create(len(ids))
        with out:
            out.write(ids[order].tobytes())
            out.write(ends.tobytes())
            out.write(b"".join(encoded))
        return file

    def get(self, key: int) -> str | None:
        """The string of ``key``, or None if this file does not hold it."""
        if self._map is None:
            self._map = np.memmap(self.path, dtype=np.uint8, mode="r")
        ids = self._map[: 8 * self.size].view(np.uint64)
        index = int(np.searchsorted(ids, np.uint64(key)))
        if index == self.size or int(ids[index]) != key:
            return None
        ends = self._map[8 * self.size : 16 * self.size].view(np.uint64)
        text = 16 * self.size
        start = text + (int(ends[index - 1]) if index else 0)
        stop = text + int(ends[index])
        return bytes(self._map[start:stop]).decode("utf-8", "surrogatepass")

    def _arguments(self) -> tuple[int]:
        return (self.size,)
