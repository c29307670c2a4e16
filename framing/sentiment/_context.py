"""A sentence split into tokens around one marked mention, the common input of the features."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["TARGET", "Context", "context"]

# The placeholder that stands for the mention's tokens.
TARGET = "<t>"

# Words (letters joined by hyphens or inner apostrophes), initialisms like U.S., numbers, and
# single punctuation marks, which the features use as clause boundaries.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*%?|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s$")
_BOUNDARIES = frozenset(
    {
        ",",
        ";",
        ":",
        "(",
        ")",
        "—",
        "–",
        "“",
        "”",
        '"',
        "?",
        "!",
        "but",
        "while",
        "whereas",
        "although",
        "though",
        "however",
        "because",
        "after",
        "before",
        "when",
        "as",
        "which",
        "who",
        "that",
    }
)


class Context(NamedTuple):
    """Tokens of a sentence with the mention replaced by `TARGET`.

    ``tokens[index] == TARGET``; ``clause`` is the [start, end) token range of the clause
    holding the mention, cut at punctuation and clause-linking words.
    """

    tokens: tuple[str, ...]
    index: int
    clause: tuple[int, int]
    mention: tuple[str, ...]


def context(sentence: str, start: int, end: int) -> Context:
    """Tokenise ``sentence`` and replace the tokens overlapping ``[start, end)`` by `TARGET`."""
    before: list[str] = []
    mention: list[str] = []
    after: list[str] = []
    for match in _TOKEN.finditer(sentence):
        token = _POSSESSIVE.sub("", match.group().lower())
        if match.end() <= start:
            before.append(token)
        elif match.start() >= end:
            after.append(token)
        else:
            mention.append(token)
    tokens = (*before, TARGET, *after)
    index = len(before)
    left = index
    while left > 0 and tokens[left - 1] not in _BOUNDARIES:
        left -= 1
    right = index + 1
    while right < len(tokens) and tokens[right] not in _BOUNDARIES:
        right += 1
    return Context(tokens, index, (left, right), tuple(mention))
