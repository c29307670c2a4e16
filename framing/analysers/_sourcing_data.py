"""The word lists of `framing.analysers.sourcing`, read once from ``framing/data/sourcing/``.

Attribution cues, the head nouns of unnamed speakers and the phrases that say a name was
withheld are data, not code, so that they can be reviewed and extended without touching the
finder (each file's header says its format). This module parses them and caches the result
and the lookups derived from it; `framing.analysers.sourcing` re-exports the public ones.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

__all__ = [
    "SourceNoun",
    "anonymity_markers",
    "attribution_cues",
    "cue_index",
    "person_nouns",
    "source_nouns",
]


class SourceNoun(NamedTuple):
    """A head noun of ``source_nouns.txt``: its class and, for people, its gender ("f", "m")."""

    cls: str
    gender: str


def _data_lines(name: str) -> list[str]:
    text = (files("framing") / "data" / "sourcing" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@lru_cache(maxsize=1)
def attribution_cues() -> dict[str, str]:
    """Cue -> flag ("", "clause", "quote" or "source"), from ``attribution_verbs.txt``."""
    cues: dict[str, str] = {}
    for line in _data_lines("attribution_verbs.txt"):
        words = line.split()
        flag = words[-1] if words[-1] in ("clause", "quote", "source") else ""
        cue = " ".join(words[:-1] if flag else words)
        cues[cue] = flag
    return cues


@lru_cache(maxsize=1)
def source_nouns() -> dict[str, SourceNoun]:
    """Head noun -> `SourceNoun`, from ``source_nouns.txt``."""
    nouns: dict[str, SourceNoun] = {}
    for line in _data_lines("source_nouns.txt"):
        noun, cls, *gender = line.split()
        nouns.setdefault(noun, SourceNoun(cls, gender[0] if gender else ""))
    return nouns


@lru_cache(maxsize=1)
def anonymity_markers() -> re.Pattern[str]:
    """One pattern for the phrases of ``anonymity_markers.txt``."""
    phrases = "|".join(f"(?:{line})" for line in _data_lines("anonymity_markers.txt"))
    return re.compile(rf"\b(?:{phrases})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns of unnamed people, one or several ("nurse", "officials")."""
    return frozenset(n for n, e in source_nouns().items() if e.cls in ("person", "people"))


@lru_cache(maxsize=1)
def cue_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word of a cue -> the cues' words, longest first (scanning words beats one regex
    alternation of every form)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for cue in attribution_cues():
        words = tuple(cue.split())
        index.setdefault(words[0], []).append(words)
    return {word: tuple(sorted(cues, key=len, reverse=True)) for word, cues in index.items()}
