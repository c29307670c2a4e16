"""Plain-text articles: an optional ``key: value`` header block, a blank line, then the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from framing.corpus._records import FileContext, LoadEvent
from framing.corpus.accounting import Skipped
from framing.corpus.fields import ARTICLE_FIELDS

__all__ = ["read_txt", "split_header"]

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_ -]{0,40}):[ \t]*(.*)$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a header block off the text, if the first lines form one.

    A header is a run of ``key: value`` lines ended by a blank line, at least one of whose keys
    is an Article field (title, outlet, date, url, event, ...). Anything else is body text, so
    an article that opens with "CARACAS: ..." is not mistaken for a header.
    """
    lines = text.lstrip("\n").split("\n")
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if header and any(key in ARTICLE_FIELDS for key in header):
                return header, "\n".join(lines[index + 1 :])
            break
        match = _HEADER_LINE.match(line.rstrip("\r"))
        if match is None:
            break
        key = match.group(1).strip().lower().replace(" ", "_").replace("-", "_")
        header[key] = match.group(2).strip()
    return {}, text


def read_txt(context: FileContext) -> Iterator[LoadEvent]:
    """Read one .txt article; without a header (or a title in it) the first line is the title."""
    text, events = context.read_text(one_article=True)
    yield from events
    if text is None:
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header, body = split_header(text)
    record: dict[str, str] = dict(header)
    title = ""
    if context.fields.find(header, "title") is None:
        title, _, body = body.strip().partition("\n")
        record[context.fields.candidates("title")[0]] = title.strip()
    body = body.strip()
    if not body:
        yield Skipped(context.name, "no text after the title line" if title else "empty text")
        return
    record[context.fields.candidates("text")[0]] = body
    yield from context.record(record, where=None)
