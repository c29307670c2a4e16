"""JSON Lines: one article object per line, read line by line so files of any size stream."""

from __future__ import annotations

import json
from collections.abc import Iterator

from framing.corpus._decode import Undecodable, decode
from framing.corpus._records import FileContext, LoadEvent
from framing.corpus.accounting import LoadWarning, Skipped

__all__ = ["read_jsonl"]

_SNIFF_BYTES = 8192


def read_jsonl(context: FileContext) -> Iterator[LoadEvent]:
    """Read a .jsonl file; a bad line is skipped with its line number, the rest still load."""
    seen_record = False
    try:
        handle = context.path.open("rb")
    except OSError as error:
        yield Skipped(context.name, f"cannot read file: {error.strerror or error}")
        return
    with handle:
        if b"\x00" in handle.read(_SNIFF_BYTES):
            yield Skipped(context.name, "binary file (contains NUL bytes), not text")
            return
        handle.seek(0)
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            seen_record = True
            where = f"{context.name}:{number}"
            try:
                decoded = decode(raw)
            except Undecodable as error:
                yield Skipped(where, str(error))
                continue
            message = decoded.warning()
            if message:
                yield LoadWarning(where, "encoding fallback", message)
            try:
                record = json.loads(decoded.text)
            except json.JSONDecodeError as error:
                yield Skipped(where, f"invalid JSON ({error.msg} at column {error.colno})")
                continue
            if not isinstance(record, dict):
                kind = type(record).__name__
                yield Skipped(where, f"a JSON {kind}, not an object with article fields")
                continue
            yield from context.record(record, where=str(number))
    if not seen_record:
        yield Skipped(context.name, "empty file")
