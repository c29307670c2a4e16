"""CSV and TSV files: a header row naming the fields, one article a row."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator

from framing.corpus._records import FileContext, LoadEvent
from framing.corpus.accounting import Skipped

__all__ = ["read_csv"]

_DELIMITERS = ",;\t|"
_SNIFF_CHARS = 65536

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv(context: FileContext) -> Iterator[LoadEvent]:
    """Read a .csv/.tsv file; the delimiter is detected, rows are numbered by file line.

    The file is read whole, so one over the file limit is skipped unread.
    """
    text, events = context.read_text()
    yield from events
    if text is None:
        return
    delimiter = "\t" if context.path.suffix.lower() == ".tsv" else _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        yield Skipped(f"{context.name}:1", f"no readable header row ({error or 'empty'})")
        return
    header = [name.strip() for name in header]
    if context.fields.find(header, "text") is None:
        rows = _count_rows(reader)
        yield Skipped(
            context.name,
            f"no text column (looked for {context.fields.describe('text')}; columns are "
            f"{', '.join(repr(h) for h in header)}); {rows} rows not read. "
            "Name it with --field text=COLUMN",
        )
        return
    start = reader.line_num + 1
    accounted = False
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if not accounted:
                yield Skipped(context.name, "no rows under the header: no articles")
            return
        except csv.Error as error:
            yield Skipped(
                f"{context.name}:{start}", f"malformed CSV ({error}); rest of file not read"
            )
            return
        where = str(start)
        start = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        accounted = True
        if len(row) != len(header):
            yield Skipped(
                f"{context.name}:{where}",
                f"row has {len(row)} fields, the header has {len(header)}",
                json.dumps(row, ensure_ascii=False),
            )
            continue
        yield from context.record(dict(zip(header, row, strict=True)), where=where)


def _sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of , ; TAB | (default comma)."""
    first_line = text[:_SNIFF_CHARS].split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_rows(reader: Iterator[list[str]]) -> int:
    """How many rows remain, for the message when a whole file is skipped."""
    rows = 0
    try:
        for _ in reader:
            rows += 1
    except csv.Error:
        pass
    return rows
