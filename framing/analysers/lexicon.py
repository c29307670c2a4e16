"""Weighted dictionaries of cue words and phrases, with ``*`` prefix wildcards, and their matcher.

File format (TSV, UTF-8): ``category<TAB>term[<TAB>weight]`` per line; ``#`` starts a comment.
A term is one word or a phrase of words separated by spaces, matched on consecutive tokens of
`framing.analysers.text.words`; a final ``*`` makes its last word a prefix (``tax*``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Cue", "Lexicon", "LexiconError", "Match"]

_MIN_WILDCARD_PREFIX = 3


class LexiconError(ValueError):
    """A dictionary file line that cannot be read: names the file, the line and the fix."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


@dataclass(frozen=True)
class Cue:
    """One dictionary entry: the category it signals, its term as written, and its weight."""

    category: str
    term: str
    weight: float


@dataclass(frozen=True)
class Match:
    """A cue found in a token list: which cue, and the token positions [start, end)."""

    cue: Cue
    start: int
    end: int


class Lexicon:
    """A dictionary of weighted cues for named categories (frames, hedges, moral foundations).

    Parameters
    ----------
    cues : Sequence[Cue]
        The entries. Categories keep the order of their first entry unless ``categories`` says.
    categories : Sequence[str], optional
        All category names in display order, including any with no cue (e.g. "other").
    name : str, default="custom"
        Where the lexicon came from, for reports.
    """

    def __init__(
        self, cues: Sequence[Cue], *, categories: Sequence[str] | None = None, name: str = "custom"
    ) -> None:
        self.cues = tuple(cues)
        self.name = name
        order = list(categories or [])
        for cue in self.cues:
            if cue.category not in order:
                order.append(cue.category)
        self.categories = tuple(order)
        # Index by first word: exact words, and wildcard prefixes grouped by prefix length.
        self._exact: dict[str, list[tuple[tuple[str, ...], bool, Cue]]] = {}
        self._prefix: dict[int, dict[str, list[tuple[tuple[str, ...], bool, Cue]]]] = {}
        for cue in self.cues:
            parts = tuple(cue.term.split())
            wildcard = parts[-1].endswith("*")
            if wildcard:
                parts = (*parts[:-1], parts[-1][:-1])
            entry = (parts, wildcard, cue)
            if wildcard and len(parts) == 1:
                self._prefix.setdefault(len(parts[0]), {}).setdefault(parts[0], []).append(entry)
            else:
                self._exact.setdefault(parts[0], []).append(entry)
        for entries in self._exact.values():
            entries.sort(key=lambda e: -len(e[0]))

    @classmethod
    def from_file(
        cls, path: str | os.PathLike[str], *, categories: Sequence[str] | None = None
    ) -> Lexicon:
        """Read a TSV dictionary file; `LexiconError` names the first bad line."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise LexiconError(str(path), f"cannot read the dictionary ({error})") from None
        return cls(_parse(text, str(path)), categories=categories, name=path.name)

    def match(self, tokens: Sequence[str]) -> list[Match]:
        """All cue matches in lower-cased tokens, longest phrase first, without overlaps."""
        found: list[Match] = []
        position = 0
        while position < len(tokens):
            match = self._longest_at(tokens, position)
            if match is None:
                position += 1
            else:
                found.append(match)
                position = match.end
        return found

    def _longest_at(self, tokens: Sequence[str], position: int) -> Match | None:
        token = tokens[position]
        candidates = list(self._exact.get(token, ()))
        for length, by_prefix in self._prefix.items():
            if len(token) >= length:
                candidates.extend(by_prefix.get(token[:length], ()))
        best: Match | None = None
        for parts, wildcard, cue in candidates:
            end = position + len(parts)
            if end > len(tokens) or (best is not None and end <= best.end):
                continue
            if _matches(parts, wildcard, tokens[position:end]):
                best = Match(cue, position, end)
        return best


def _matches(parts: tuple[str, ...], wildcard: bool, tokens: Sequence[str]) -> bool:
    last = len(parts) - 1
    for index, (part, token) in enumerate(zip(parts, tokens, strict=True)):
        if index == last and wildcard:
            if not token.startswith(part):
                return False
        elif token != part:
            return False
    return True


def _parse(text: str, source: str) -> list[Cue]:
    cues: list[Cue] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = [column.strip() for column in line.split("\t")]
        where = f"{source}:{number}"
        if len(columns) not in (2, 3) or not columns[0] or not columns[1]:
            raise LexiconError(
                where, "expected 'category<TAB>term' or 'category<TAB>term<TAB>weight'"
            )
        term = " ".join(columns[1].lower().split())
        if "*" in term[:-1] or (term.endswith("*") and len(term) - 1 < _MIN_WILDCARD_PREFIX):
            raise LexiconError(
                where,
                f"{columns[1]!r}: '*' may only end a term, after at least "
                f"{_MIN_WILDCARD_PREFIX} letters",
            )
        weight = 1.0
        if len(columns) == 3 and columns[2]:
            try:
                weight = float(columns[2])
            except ValueError:
                raise LexiconError(where, f"weight {columns[2]!r} is not a number") from None
        cues.append(Cue(columns[0], term, weight))
    return cues
