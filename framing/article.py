"""The one record that flows through framing: a news article and what is known about it."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cached_property

__all__ = ["Article"]


@dataclass(frozen=True)
class Article:
    """A news article with its outlet, date, title, URL and event.

    Parameters
    ----------
    id : str
        Unique within a corpus: the record's own id, or where it came from (``file:line``).
    outlet : str
        The publishing outlet, as the corpus names it.
    title : str
        The headline; may be empty.
    text : str
        The body text, without the title.
    date : datetime.date or None, default=None
        Publication date, where the corpus gives one that parses.
    url : str or None, default=None
    event : str or None, default=None
        The event the article covers, where the corpus gives one.
    language : str or None, default=None
        ISO 639-1 code where known.
    meta : Mapping[str, str], default={}
        Any other fields of the record; treat as read-only.
    source : str, default=""
        Where the record was read (``path`` or ``path:line``), for messages.
    """

    id: str
    outlet: str
    title: str
    text: str
    date: Date | None = None
    url: str | None = None
    event: str | None = None
    language: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict, hash=False)
    source: str = field(default="", compare=False)

    @property
    def full_text(self) -> str:
        """Title and text as one string, as classifiers read an article."""
        return f"{self.title}\n\n{self.text}" if self.title else self.text

    @cached_property
    def content_key(self) -> str:
        """Hash of outlet, title and text: equal for exact duplicates, stable across paths
        (computed once per article: every stage keys on it)."""
        digest = hashlib.blake2b(digest_size=16)
        for part in (self.outlet, self.title, self.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()
