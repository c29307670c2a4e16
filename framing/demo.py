"""Where the shipped demo corpus is: inside an installed wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

__all__ = ["demo_corpus_path"]


def demo_corpus_path() -> Path:
    """The demo corpus (coverage of one event by six outlets, see corpora/README.md)."""
    packaged = Path(__file__).parent / "_demo_corpus"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "corpora" / "demo"
