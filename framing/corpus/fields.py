"""Map a record's own field names onto Article fields, and turn the record into an Article."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from framing.article import Article
from framing.corpus.accounting import Skipped
from framing.corpus.clean import Cleaned, clean_text, clean_title

__all__ = ["ARTICLE_FIELDS", "FieldMap", "parse_date", "parse_field_options"]

# Field names tried, in order, when the user maps none: common names in research corpora
# (news-please, NELA, AllSides/NeuS, Article-Bias-Prediction, GDELT-derived sets).
DEFAULT_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id", "uuid", "guid"),
    "text": ("text", "body", "content", "maintext", "article", "full_text", "newbody"),
    "title": ("title", "headline", "newstitle", "heading"),
    "outlet": (
        "outlet",
        "source",
        "publisher",
        "newssource",
        "source_domain",
        "media",
        "publication",
        "site",
        "domain",
    ),
    "date": ("date", "published", "date_publish", "publish_date", "published_at", "pubdate"),
    "url": ("url", "link", "newslink", "source_url"),
    "event": ("event", "event_id", "story", "story_id"),
    "language": ("language", "lang"),
}
ARTICLE_FIELDS = tuple(DEFAULT_ALIASES)

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y%m%d",
    "%a, %d %b %Y",
    "%m/%d/%Y",
    "%m/%d/%y",
)
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
_COUNT = re.compile(r"^\d+ ")


class FieldMap:
    """Which record field feeds which Article field: user mappings first, then common aliases.

    Parameters
    ----------
    mapping : Mapping[str, str], default={}
        Article field -> the record's field name, e.g. ``{"text": "body"}``.
    """

    def __init__(self, mapping: Mapping[str, str] | None = None) -> None:
        mapping = dict(mapping or {})
        unknown = sorted(set(mapping) - set(ARTICLE_FIELDS))
        if unknown:
            raise ValueError(
                f"unknown article field {unknown[0]!r}; use one of {', '.join(ARTICLE_FIELDS)}"
            )
        self.mapping = mapping

    def candidates(self, name: str) -> tuple[str, ...]:
        """Record field names to try for an Article field, most specific first."""
        if name in self.mapping:
            return (self.mapping[name],)
        return DEFAULT_ALIASES[name]

    def find(self, keys: Iterable[str], name: str) -> str | None:
        """The record key (matched case-insensitively) that feeds ``name``, if any."""
        by_lower = {key.lower(): key for key in keys}
        for candidate in self.candidates(name):
            if candidate in by_lower.values():
                return candidate
            if candidate.lower() in by_lower:
                return by_lower[candidate.lower()]
        return None

    def describe(self, name: str) -> str:
        """Human-readable list of the field names tried, for error messages."""
        return ", ".join(repr(c) for c in self.candidates(name))

    def to_article(
        self,
        record: Mapping[str, Any],
        *,
        source: str,
        default_id: str,
        default_outlet: str,
        warn_default_outlet: bool = True,
    ) -> tuple[Article | Skipped, list[tuple[str, str]]]:
        """Build an Article from one record, or say why it is skipped; plus (kind, message)
        warnings about what was guessed."""
        keys = {name: self.find(record, name) for name in ARTICLE_FIELDS}
        warnings: list[tuple[str, str]] = []
        text_key = keys["text"]
        if text_key is None:
            return Skipped(
                source,
                f"no text field (looked for {self.describe('text')}); "
                "name it with --field text=FIELD",
            ), warnings
        raw_text = _as_text(record[text_key])
        if not raw_text.strip():
            return Skipped(source, f"empty text in field {text_key!r}"), warnings
        cleaned = clean_text(raw_text)
        text = cleaned.text
        if not text.strip():
            return Skipped(
                source, f"no text left in field {text_key!r} after removing markup"
            ), warnings
        warnings.extend(_cleaning_warnings(cleaned, text_key))

        def value(name: str) -> str | None:
            key = keys[name]
            if key is None or record[key] is None:
                return None
            found = _as_text(record[key]).strip()
            return found or None

        outlet = value("outlet")
        if outlet is None:
            outlet = default_outlet
        if value("outlet") is None and warn_default_outlet:
            warnings.append(
                (
                    "no outlet",
                    f"no outlet field (looked for {self.describe('outlet')}); outlet set to the "
                    f"folder name {default_outlet!r}. Name it with --field outlet=FIELD",
                )
            )
        raw_date = value("date")
        parsed_date = parse_date(raw_date) if raw_date else None
        if raw_date and parsed_date is None:
            warnings.append(
                ("unreadable date", f"date {raw_date!r} not understood; use ISO 8601 (YYYY-MM-DD)")
            )
        used = {key for key in keys.values() if key is not None}
        meta = {key: _as_text(val) for key, val in record.items() if key not in used}
        if raw_date and parsed_date is None:
            meta["date"] = raw_date
        title = clean_title(value("title") or "")
        warnings.extend(_cleaning_warnings(title, "title"))
        article = Article(
            id=value("id") or default_id,
            outlet=outlet,
            title=title.text,
            text=text.strip(),
            date=parsed_date,
            url=value("url"),
            event=value("event"),
            language=value("language"),
            meta=meta,
            source=source,
        )
        return article, warnings


def parse_field_options(options: Iterable[str]) -> dict[str, str]:
    """Parse ``--field text=body`` options into a mapping; ValueError names a bad one."""
    mapping: dict[str, str] = {}
    for option in options:
        name, sep, column = option.partition("=")
        name, column = name.strip().lower(), column.strip()
        if not sep or not name or not column:
            raise ValueError(f"--field {option!r} must look like ARTICLE_FIELD=RECORD_FIELD")
        mapping[name] = column
    FieldMap(mapping)  # validates the names
    return mapping


def parse_date(raw: str) -> date | None:
    """Parse a publication date: ISO 8601 (with or without time) or a common written form."""
    raw = raw.strip()
    if _ISO_PREFIX.match(raw):
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def _cleaning_warnings(cleaned: Cleaned, field: str) -> list[tuple[str, str]]:
    """One warning per kind of repair, its kind without counts so repairs sum up per kind."""
    return [
        (f"cleaned: {_COUNT.sub('', change)}", f"{change} in field {field!r}")
        for change in cleaned.changes
    ]


def _as_text(value: Any) -> str:
    """A field value as text: lists of strings (paragraphs) joined, other values as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n\n".join(value)
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False)
