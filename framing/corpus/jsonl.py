"""JSON Lines: one article object per line, read line by line so files of any size stream.

No line over the record limit is ever held in memory: it is skipped with its size, and read
past in bounded chunks.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from framing.corpus._decode import Undecodable, decode
from framing.corpus._records import (
    MAX_RECORD_BYTES,
    BadJSON,
    FileContext,
    LoadEvent,
    parse_json,
)
from framing.corpus.accounting import LoadWarning, Skipped

__all__ = ["MAX_RECORD_BYTES", "read_jsonl"]

_SNIFF_BYTES = 8192
_CHUNK_BYTES = 2**20


def read_jsonl(context: FileContext) -> Iterator[LoadEvent]:
    """Read a .jsonl file; a bad or oversized line is skipped with its line number, the rest
    still load."""
    problem = context.check_file(None)
    if problem is not None:
        yield problem
        return
    try:
        handle = context.path.open("rb")
    except OSError as error:
        yield Skipped(context.name, f"cannot read file: {error.strerror or error}")
        return
    with handle:
        start = handle.read(_SNIFF_BYTES)
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield Skipped(context.name, "UTF-16 JSON Lines are not read; save the file as UTF-8")
            return
        if b"\x00" in start:
            yield Skipped(context.name, "binary file (contains NUL bytes), not text")
            return
        handle.seek(0)
        seen_record = False
        for number, raw, size in _lines(handle, context.limits.record_bytes):
            if raw is None:
                seen_record = True
                yield Skipped(f"{context.name}:{number}", context.limits.record_reason(size))
                continue
            if not raw.strip():
                continue
            seen_record = True
            yield from _line_events(context, raw, number)
    if not seen_record:
        yield Skipped(context.name, "empty file")


def _line_events(context: FileContext, raw: bytes, number: int) -> Iterator[LoadEvent]:
    """The events of one non-blank line."""
    where = f"{context.name}:{number}"
    try:
        decoded = decode(raw)
    except Undecodable as error:
        yield Skipped(where, str(error))
        return
    message = decoded.warning()
    if message:
        yield LoadWarning(where, "encoding fallback", message)
    try:
        record = parse_json(decoded.text)
    except BadJSON as error:
        yield Skipped(where, f"invalid JSON ({error.reason})", decoded.text.rstrip("\r\n"))
        return
    if not isinstance(record, dict):
        kind = type(record).__name__
        yield Skipped(where, f"a JSON {kind}, not an object with article fields")
        return
    yield from context.record(record, where=str(number))


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """Each line (without a leading UTF-8 BOM on the first) as (number, bytes, size); bytes is
    None for a non-blank line over ``limit`` bytes (without its line end), whose rest is read
    past in bounded chunks. A blank line of any length comes back as ``b""``."""
    if handle.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
        handle.seek(0)
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and raw.endswith(b"\r"):  # CR LF split by the limit
            raw += handle.readline(1)
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw, len(raw)
            continue
        size, blank = len(raw), not raw.strip()
        while not raw.endswith(b"\n"):
            raw = handle.readline(_CHUNK_BYTES)
            if not raw:
                break
            size += len(raw)
            blank = blank and not raw.strip()
        if raw.endswith(b"\n"):
            size -= 2 if raw.endswith(b"\r\n") else 1
        yield number, b"" if blank else None, size
