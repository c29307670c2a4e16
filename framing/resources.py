"""Offline NLTK resources: found in installed packages, never downloaded at run time."""

from __future__ import annotations

import importlib.resources
from functools import lru_cache

from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

__all__ = ["ResourceMissing", "vader"]


class ResourceMissing(RuntimeError):
    """A language resource framing needs is not installed; the message says how to get it."""


class _LexiconVader(SentimentIntensityAnalyzer):
    """nltk's VADER built from lexicon text we located, instead of an nltk_data lookup."""

    def __init__(self, lexicon_text: str) -> None:
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


@lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """nltk's VADER analyser with the lexicon the ``vadersentiment`` package ships (MIT).

    Falls back to an installed nltk_data ``vader_lexicon``; raises `ResourceMissing` otherwise.
    """
    return _LexiconVader(_vader_lexicon_text())


def _vader_lexicon_text() -> str:
    try:
        resource = importlib.resources.files("vaderSentiment") / "vader_lexicon.txt"
        return resource.read_text(encoding="utf-8").rstrip("\n")
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    try:
        import nltk.data

        return nltk.data.load(
            "sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt", format="text"
        ).rstrip("\n")
    except (LookupError, OSError, PermissionError):
        raise ResourceMissing(
            "the VADER lexicon (vader_lexicon.txt) was not found. Install the package that "
            "ships it: pip install vadersentiment"
        ) from None
