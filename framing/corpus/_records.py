"""Shared plumbing of the format readers: read a file's bytes as text, convert records."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from framing.article import Article
from framing.corpus._decode import Undecodable, decode
from framing.corpus.accounting import LoadWarning, Skipped
from framing.corpus.fields import FieldMap

LoadEvent = Article | Skipped | LoadWarning


class FileContext:
    """One input file: its name in messages, its default outlet and the field mapping.

    ``outlet_from_folder`` marks formats (.txt) whose documented outlet is the folder name, so
    using it is no cause for a warning.
    """

    def __init__(
        self, path: Path, name: str, fields: FieldMap, *, outlet_from_folder: bool = False
    ) -> None:
        self.path = path
        self.name = name
        self.fields = fields
        self.default_outlet = path.resolve().parent.name or "unknown"
        self.outlet_from_folder = outlet_from_folder

    def read_text(self) -> tuple[str | None, list[LoadEvent]]:
        """The whole file as text, or None with the Skipped event saying why."""
        try:
            data = self.path.read_bytes()
        except OSError as error:
            return None, [Skipped(self.name, f"cannot read file: {error.strerror or error}")]
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
        whole file), with any warnings about it."""
        source = self.name if where is None else f"{self.name}:{where}"
        result, warnings = self.fields.to_article(
            record,
            source=source,
            default_id=source,
            default_outlet=self.default_outlet,
            warn_default_outlet=not self.outlet_from_folder,
        )
        for kind, message in warnings:
            yield LoadWarning(source, kind, message)
        yield result
