"""framing: compare how news outlets frame the same event.

Load a corpus, score every article (tone, Policy Frames dimensions, word use), aggregate per
outlet, and compare outlets with intervals and effect sizes.
"""

from __future__ import annotations

from framing.article import Article
from framing.corpus import Corpus, CorpusError, iter_corpus, load_corpus
from framing.pipeline import compare_corpus

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Corpus",
    "CorpusError",
    "__version__",
    "compare_corpus",
    "iter_corpus",
    "load_corpus",
]
