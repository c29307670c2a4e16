"""Sentences and words with nltk: Punkt sentence splitting and a regular-expression tokenizer.

Punkt runs untrained with a list of English abbreviations (framing/data/abbreviations.txt), so
no model is downloaded and an article's sentences never depend on the rest of the corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

__all__ = ["sentences", "words"]

# Letters (any script) joined by hyphens or inner apostrophes; initialisms like U.S.; numbers.
_WORD_PATTERN = r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*%?"
_POSSESSIVE = re.compile(r"['’]s$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|(?<=[.!?:\"”’)])[ \t]*\n")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Abbreviations Punkt must not split after (``framing/data/abbreviations.txt``)."""
    text = (files("framing") / "data" / "abbreviations.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    parameters = PunktParameters()
    parameters.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(parameters)


_word_tokenizer = RegexpTokenizer(_WORD_PATTERN)


def sentences(text: str) -> list[str]:
    """Split text into sentences.

    A blank line, or a line break after sentence-final punctuation, always ends a sentence;
    other line breaks (hard-wrapped text) are read as spaces.
    """
    tokenizer = _sentence_tokenizer()
    found: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            found.extend(tokenizer.tokenize(paragraph))
    return found


def words(text: str) -> list[str]:
    """Word and number tokens in lower case, possessive 's removed ("Maduro's" -> "maduro")."""
    return [_POSSESSIVE.sub("", token.lower()) for token in _word_tokenizer.tokenize(text)]
