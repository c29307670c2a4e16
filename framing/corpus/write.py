"""Write articles back out as a JSON Lines corpus that `framing.corpus.iter_corpus` reads."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from framing._atomic import atomic_text
from framing.article import Article
from framing.corpus.accounting import Accounting

__all__ = ["article_record", "write_jsonl", "write_skipped"]


def article_record(article: Article) -> dict[str, str]:
    """One article as a flat JSON object: its other record fields, then the article's own."""
    record = {key: value for key, value in article.meta.items() if isinstance(value, str)}
    record.update(
        {
            "id": article.id,
            "outlet": article.outlet,
            "title": article.title,
            "text": article.text,
        }
    )
    for name in ("url", "event", "language"):
        value = getattr(article, name)
        if value is not None:
            record[name] = value
    if article.date is not None:
        record["date"] = article.date.isoformat()
    return record


def write_jsonl(articles: Iterable[Article], path: str | os.PathLike[str]) -> int:
    """Write the articles to ``path`` (folders created; the file appears whole or not at all).

    Returns how many were written.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with atomic_text(target) as handle:
        for article in articles:
            handle.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
            written += 1
    return written


def write_skipped(accounting: Accounting, path: str | os.PathLike[str]) -> int:
    """Write every skipped input as a JSON line: ``source``, ``reason`` and, where the loader
    had it, ``record`` (the record's own text), so no input is lost. Returns the count."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_text(target) as handle:
        for skipped in accounting.skipped:
            line = {"source": skipped.source, "reason": skipped.reason}
            if skipped.record is not None:
                line["record"] = skipped.record
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(accounting.skipped)
