"""Temporary files that hold spilled parts of an aggregate (actor tallies, term counts).

A spilled file is written once and never changed, so copies of an aggregate share it; it is
deleted with its last reference; and pickling carries its bytes, so an aggregate that spilled
can cross to another process or machine.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import weakref
from typing import Any, BinaryIO

__all__ = ["SpillFile"]


class SpillFile:
    """A temporary file owned by this object; subclasses add what they know of its content
    as further constructor arguments, returned by `_arguments` for pickling."""

    prefix = "framing-"
    suffix = ""

    def __init__(self, path: str) -> None:
        self.path = path
        weakref.finalize(self, _remove, path)

    @classmethod
    def _create(cls, *arguments: Any) -> tuple[Any, BinaryIO]:
        """A new object owning a new empty file (an error while writing still removes it),
        and the file opened for writing."""
        handle, path = tempfile.mkstemp(prefix=cls.prefix, suffix=cls.suffix)
        return cls(path, *arguments), os.fdopen(handle, "wb")

    def _arguments(self) -> tuple[Any, ...]:
        return ()

    def __deepcopy__(self, memo: dict[int, Any]) -> SpillFile:
        return self  # the file is never changed, so copies can share it

    def __reduce__(self) -> tuple[Any, ...]:
        with open(self.path, "rb") as data:
            return (type(self)._from_bytes, (data.read(), *self._arguments()))

    @classmethod
    def _from_bytes(cls, data: bytes, *arguments: Any) -> SpillFile:
        spilled, out = cls._create(*arguments)
        with out:
            out.write(data)
        return spilled


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
