"""JSON files: a list of article objects, an object holding such a list, or one article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from framing.corpus._records import BadJSON, FileContext, LoadEvent, parse_json
from framing.corpus.accounting import Skipped

__all__ = ["read_json"]

_LIST_KEYS = ("articles", "data", "records", "items", "documents", "docs")


def read_json(context: FileContext) -> Iterator[LoadEvent]:
    """Read a .json file; records are numbered from 1 in messages (``file:#3``).

    The file is read whole, so one over the file limit is skipped unread.
    """
    text, events = context.read_text()
    yield from events
    if text is None:
        return
    try:
        document = parse_json(text)
    except BadJSON as error:
        where = context.name if error.line is None else f"{context.name}:{error.line}"
        yield Skipped(where, f"invalid JSON ({error.reason}); the whole file was not read")
        return
    records = _records_of(document)
    if records is None:
        yield Skipped(context.name, "JSON is neither an article object nor a list of them")
        return
    if isinstance(records, dict):
        yield from context.record(records, where=None)
        return
    if not records:
        yield Skipped(context.name, "empty list: no articles")
    for number, record in enumerate(records, start=1):
        if isinstance(record, dict):
            yield from context.record(record, where=f"#{number}")
        else:
            kind = type(record).__name__
            yield Skipped(f"{context.name}:#{number}", f"a JSON {kind}, not an article object")


def _records_of(document: Any) -> list[Any] | dict[str, Any] | None:
    """The list of records in a document, the document itself if it is one record, or None."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        return None
    for key in _LIST_KEYS:
        if isinstance(document.get(key), list):
            return document[key]
    return document
