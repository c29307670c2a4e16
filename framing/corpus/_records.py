"""Shared plumbing of the format readers: size limits, a file's bytes as text, records."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.article import Article
from framing.corpus._decode import Undecodable, decode
from framing.corpus.accounting import LoadWarning, Skipped
from framing.corpus.fields import FieldMap

LoadEvent = Article | Skipped | LoadWarning

MAX_RECORD_BYTES = 10 * 2**20
"""Default largest record: a JSON Lines line, a .txt file, a JSON or CSV article's text."""
MAX_FILE_BYTES = 200 * 2**20
"""Default largest .json, .csv or .tsv file (these are read whole into memory)."""


@dataclass(frozen=True)
class Limits:
    """How large an input may be before it is skipped rather than read.

    Parameters
    ----------
    record_bytes : int, default=MAX_RECORD_BYTES
        Largest record: a JSON Lines line, a whole .txt file, a JSON or CSV article's text.
    file_bytes : int, default=MAX_FILE_BYTES
        Largest .json, .csv or .tsv file. JSON Lines files have no limit: they stream.
    """

    record_bytes: int = MAX_RECORD_BYTES
    file_bytes: int = MAX_FILE_BYTES

    def __post_init__(self) -> None:
        for name in ("record_bytes", "file_bytes"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"max_{name} must be a positive number of bytes, got {value!r}")

    def record_reason(self, size: int) -> str:
        """Why a record of ``size`` bytes is skipped."""
        return (
            f"record over {format_size(self.record_bytes)} ({size} bytes); "
            "raise the limit with --max-record-bytes"
        )

    def file_reason(self, size: int, limit: int, option: str) -> str:
        """Why a file of ``size`` bytes is skipped."""
        return f"file over {format_size(limit)} ({size} bytes); raise the limit with {option}"


def format_size(size: int) -> str:
    """A byte count for messages: ``10 MB``, ``64 KB``, ``100 bytes``."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


class FileContext:
    """One input file: its name in messages, its default outlet, the field mapping and limits.

    ``outlet_from_folder`` marks formats (.txt) whose documented outlet is the folder name, so
    using it is no cause for a warning.
    """

    def __init__(
        self,
        path: Path,
        name: str,
        fields: FieldMap,
        *,
        outlet_from_folder: bool = False,
        limits: Limits | None = None,
    ) -> None:
        self.path = path
        self.name = name
        self.fields = fields
        self.default_outlet = path.resolve().parent.name or "unknown"
        self.outlet_from_folder = outlet_from_folder
        self.limits = limits or Limits()

    def check_file(self, max_bytes: int | None, option: str = "") -> Skipped | None:
        """Why the file cannot be read (missing, not a regular file, over ``max_bytes``)."""
        try:
            info = self.path.stat()
        except OSError as error:
            return Skipped(self.name, f"cannot read file: {error.strerror or error}")
        if not stat.S_ISREG(info.st_mode):
            return Skipped(self.name, "not a regular file (a device, pipe or socket)")
        if max_bytes is not None and info.st_size > max_bytes:
            return Skipped(self.name, self.limits.file_reason(info.st_size, max_bytes, option))
        return None

    def read_text(self, *, one_article: bool = False) -> tuple[str | None, list[LoadEvent]]:
        """The whole file as text, or None with the Skipped event saying why.

        A file over the file limit (the record limit if the file is ``one_article``) is
        skipped before it is read.
        """
        if one_article:
            max_bytes, option = self.limits.record_bytes, "--max-record-bytes"
        else:
            max_bytes, option = self.limits.file_bytes, "--max-file-bytes"
        problem = self.check_file(max_bytes, option)
        if problem is not None:
            return None, [problem]
        try:
            with self.path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as error:
            return None, [Skipped(self.name, f"cannot read file: {error.strerror or error}")]
        if len(data) > max_bytes:  # the file grew after stat()
            return None, [Skipped(self.name, self.limits.file_reason(len(data), max_bytes, option))]
        if not data.strip():
            return None, [Skipped(self.name, "empty file")]
        try:
            decoded = decode(data)
        except Undecodable as error:
            return None, [Skipped(self.name, str(error))]
        events: list[LoadEvent] = []
        message = decoded.warning()
        if message:
            events.append(LoadWarning(self.name, "encoding fallback", message))
        return decoded.text, events

    def record(self, record: Mapping[str, Any], *, where: str | None) -> Iterator[LoadEvent]:
        """Convert one record found at ``where`` (a line, a record number, or None for the
        whole file), with any warnings about it; an article over the record limit is skipped."""
        source = self.name if where is None else f"{self.name}:{where}"
        try:
            result, warnings = self.fields.to_article(
                record,
                source=source,
                default_id=source,
                default_outlet=self.default_outlet,
                warn_default_outlet=not self.outlet_from_folder,
            )
        except RecursionError:  # a field value nested too deeply to write out as text
            yield Skipped(source, "a field value nested too deeply to read")
            return
        if isinstance(result, Article):
            size = _text_bytes(result.text, self.limits.record_bytes)
            if size > self.limits.record_bytes:
                yield Skipped(source, self.limits.record_reason(size))
                return
        elif where is not None:  # keep the record that did not load, for --skipped
            result = Skipped(result.source, result.reason, _record_text(record))
        for kind, message in warnings:
            yield LoadWarning(source, kind, message)
        yield result


def _record_text(record: Mapping[str, Any]) -> str | None:
    """A record as JSON text, or None if it cannot be written (nested too deeply)."""
    try:
        return json.dumps(record, ensure_ascii=False, default=str)
    except (RecursionError, ValueError):
        return None


class BadJSON(ValueError):
    """Text that is not JSON Python can read: the reason, and the line when known."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def parse_json(text: str) -> Any:
    """``json.loads``, raising only `BadJSON`: for invalid JSON, and for JSON nested too
    deeply or holding an integer too long for Python to read."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        message = error.msg.removesuffix(" at")  # "Unterminated string starting at"
        raise BadJSON(f"{message} at column {error.colno}", error.lineno) from None
    except RecursionError:
        raise BadJSON("nested too deeply") from None
    except ValueError as error:
        message = str(error)
        if "integer string conversion" in message:
            message = f"a number over {sys.get_int_max_str_digits()} digits"
        raise BadJSON(message) from None


def _text_bytes(text: str, limit: int) -> int:
    """The UTF-8 size of ``text``, computed only when it could be over ``limit``."""
    if len(text) * 4 <= limit:
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))
