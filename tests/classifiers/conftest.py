"""The hand-coded sentences shared by the coding-scheme tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import load_corpus
from framing.classifiers.coded import coded_units

CODED = Path(__file__).resolve().parent.parent / "data" / "coded_sentences.csv"


@pytest.fixture(scope="session")
def coded_corpus():
    return load_corpus(CODED)


@pytest.fixture(scope="session")
def coded(coded_corpus):
    return coded_units(coded_corpus.articles, "frame", folds=5)
