"""Weighted dictionaries of cue words and phrases, with ``*`` prefix wildcards, and their matcher.

File format (TSV, UTF-8): ``category<TAB>term[<TAB>weight]`` per line; ``#`` starts a comment.
A term is one word or a phrase of words separated by spaces, matched on consecutive tokens of
`framing.analysers.text.words`; a final ``*`` makes its last word a prefix (``tax*``).

Matched on sentences (`Lexicon.match_sentences`), each cue is also flagged:

- *negated* when a negator (framing/data/negators.txt: not, no, never, n't forms, cannot,
  without, nor, neither, none, nobody, nothing, hardly, barely) is among the 3 word tokens
  before it, with no clause break between them: none of ``, ; : ( ) [ ] — –``, a spaced hyphen
  or the word "but". "not a military threat" negates both cues; "not, military" does not.
- *quoted* when its first word is inside double quotation marks (“…” or "…", see
  `framing.analysers.text.quotations`); a quotation goes on from sentence to sentence until
  it closes, so pass all sentences of one article, in order.

The flags only explain a match; what they do to a score is the scorer's choice (frames count
negated and quoted cues, see `framing.analysers.frames.score_frames`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from framing.analysers.text import WordSpan, quotations, word_spans

__all__ = ["Cue", "Lexicon", "LexiconError", "Match", "is_negator"]

_MIN_WILDCARD_PREFIX = 3
_REMEMBERED_TOKENS = 2**15  # per lexicon: the candidate cues of the most recent tokens
_NEGATION_WINDOW = 3
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-|-\s")
_CLAUSE_BREAK_WORDS = frozenset({"but"})


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
    """A cue found in a token list: which cue, and the token positions [start, end).

    Matched on a sentence's text, it also knows whether it is ``negated`` or ``quoted`` (rules
    in the module docstring) and its ``span``, the character offsets [start, end) of its words
    in the sentence; matched on bare tokens, the flags are False and ``span`` is None.
    """

    cue: Cue
    start: int
    end: int
    negated: bool = False
    quoted: bool = False
    span: tuple[int, int] | None = None


# The cues that may start at a token: its phrases (length, words, wildcard, cue), longest first,
# and its first one-word cue; see `Lexicon._candidates`.
_Candidates = tuple[tuple[tuple[int, tuple[str, ...], bool, Cue], ...], Cue | None]
_NO_CANDIDATES: _Candidates = ((), None)


def is_negator(word: str) -> bool:
    """Whether a word token (as `framing.analysers.text.words` gives it) negates what follows.

    Examples
    --------
    >>> is_negator("not"), is_negator("isn’t"), is_negator("note")
    (True, True, False)
    """
    exact, endings = _negators()
    word = word.replace("’", "'")
    return word in exact or word.endswith(endings)


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
        self._by_token: dict[str, _Candidates] = {}

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
        return [Match(cue, start, end) for cue, start, end in self._find(tokens)]

    def match_sentences(self, sentences: Sequence[str]) -> list[list[Match]]:
        """Cue matches in each sentence of one text, flagged as negated or quoted.

        Parameters
        ----------
        sentences : Sequence[str]
            All sentences of one article, in order: a quotation opened in one sentence goes on
            in the next until it closes.

        Returns
        -------
        list[list[Match]]
            For each sentence, its matches as `match` finds them on its word tokens, with
            ``negated``, ``quoted`` and ``span`` set.

        Examples
        --------
        >>> lexicon = Lexicon([Cue("security", "military", 1.0)])
        >>> [(m.negated, m.quoted) for m in lexicon.match_sentences(["Not a military move."])[0]]
        [(True, False)]
        """
        found: list[list[Match]] = []
        quote_open = False
        for sentence in sentences:
            spans = word_spans(sentence)
            quoted = quotations(sentence, open_at_start=quote_open)
            quote_open = quoted.open_at_end
            found.append(
                [
                    Match(
                        cue,
                        start,
                        end,
                        negated=_negated(spans, sentence, start),
                        quoted=quoted.covers(spans[start].start),
                        span=(spans[start].start, spans[end - 1].end),
                    )
                    for cue, start, end in self._find([span.word for span in spans])
                ]
            )
        return found

    def _find(self, tokens: Sequence[str]) -> list[tuple[Cue, int, int]]:
        """`match` as (cue, start, end): at each token, the longest cue starting there (the
        first listed of equally long ones), then on after it."""
        candidates = list(map(self._by_token.get, tokens))
        if None in candidates:  # tokens not seen lately
            candidates = [
                self._candidates(token) if known is None else known
                for token, known in zip(tokens, candidates, strict=True)
            ]
        found: list[tuple[Cue, int, int]] = []
        n_tokens = len(tokens)
        free = 0  # the first token after the last match
        for position, (phrases, word) in enumerate(candidates):
            if position < free or (word is None and not phrases):
                continue
            best, end = word, position + 1
            for length, parts, wildcard, cue in phrases:
                if position + length <= n_tokens and _phrase_at(parts, wildcard, tokens, position):
                    best, end = cue, position + length
                    break
            if best is not None:
                found.append((best, position, end))
                free = end
        return found

    def _candidates(self, token: str) -> _Candidates:
        """The cues that may start at ``token``: its phrases, longest first, and its first
        one-word cue.

        Matching tries the cues of ``token`` as a first word (longest first), then those of each
        wildcard prefix it has, and keeps the longest that matches, the first of equally long
        ones. The first word matching by construction, that is the first phrase whose other
        words match, else the first one-word cue. Most tokens start no cue and a text repeats
        its words, so the answers for the last few thousand tokens are remembered (all
        forgotten at once when the memory is full).
        """
        entries = list(self._exact.get(token, ()))
        for length, by_prefix in self._prefix.items():
            if len(token) >= length:
                entries.extend(by_prefix.get(token[:length], ()))
        phrases = sorted(
            (
                (len(parts), parts, wildcard, cue)
                for parts, wildcard, cue in entries
                if len(parts) > 1
            ),
            key=lambda phrase: -phrase[0],
        )
        word = next((cue for parts, _, cue in entries if len(parts) == 1), None)
        found = (tuple(phrases), word) if entries else _NO_CANDIDATES
        if len(self._by_token) >= _REMEMBERED_TOKENS:
            self._by_token.clear()
        self._by_token[token] = found
        return found


def _negated(spans: Sequence[WordSpan], sentence: str, start: int) -> bool:
    """Whether a negator is among the few tokens before ``start``, in the same clause."""
    for position in range(start - 1, max(start - _NEGATION_WINDOW, 0) - 1, -1):
        gap = sentence[spans[position].end : spans[position + 1].start]
        if _CLAUSE_BREAK.search(gap) or spans[position].word in _CLAUSE_BREAK_WORDS:
            return False
        if is_negator(spans[position].word):
            return True
    return False


@lru_cache(maxsize=1)
def _negators() -> tuple[frozenset[str], tuple[str, ...]]:
    """Negator words and word endings (``*n't``) from framing/data/negators.txt."""
    text = (files("framing") / "data" / "negators.txt").read_text(encoding="utf-8")
    entries = [line.strip().replace("’", "'") for line in text.splitlines()]
    entries = [entry for entry in entries if entry and not entry.startswith("#")]
    exact = frozenset(entry for entry in entries if not entry.startswith("*"))
    return exact, tuple(entry[1:] for entry in entries if entry.startswith("*"))


def _phrase_at(
    parts: tuple[str, ...], wildcard: bool, tokens: Sequence[str], position: int
) -> bool:
    """Whether the words after a phrase's first word follow ``tokens[position]``; a wildcard
    phrase's last word is a prefix."""
    last = len(parts) - 1
    for index in range(1, last):
        if tokens[position + index] != parts[index]:
            return False
    if wildcard:
        return tokens[position + last].startswith(parts[last])
    return tokens[position + last] == parts[last]


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
