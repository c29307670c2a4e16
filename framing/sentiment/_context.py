"""A sentence split into tokens around one marked mention, the common input of the features."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["TARGET", "Context", "context"]

# The placeholder that stands for the mention's tokens.
TARGET = "<t>"

# Words (letters joined by hyphens or inner apostrophes), initialisms like U.S., numbers, and
# single punctuation marks, which the features use as clause boundaries.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*%?|[^\w\s]")
_POSSESSIVES = ("'s", "’s")
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


# Both sized to hold a batch of articles' mentions (`framing.work.BATCH_ARTICLES` articles
# of about 25 each): the two feature sets read the whole batch one after the other.
@lru_cache(maxsize=4096)
def context(sentence: str, start: int, end: int) -> Context:
    """Tokenise ``sentence`` and replace the tokens overlapping ``[start, end)`` by `TARGET`.

    Cached: both feature sets ask for each mention's context, and a sentence's mentions share
    its tokens."""
    before: list[str] = []
    mention: list[str] = []
    after: list[str] = []
    for token, token_start, token_end in _tokens(sentence):
        if token_end <= start:
            before.append(token)
        elif token_start >= end:
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


@lru_cache(maxsize=4096)
def _tokens(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """The sentence's lower-cased tokens, without a possessive 's, with their spans."""
    found = []
    for match in _TOKEN.finditer(sentence):
        token = match.group().lower()
        if token.endswith(_POSSESSIVES):
            token = token[:-2]
        found.append((token, match.start(), match.end()))
    return tuple(found)
