"""Shared fixtures: the demo corpus and short passages of real text from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.demo import demo_corpus_path

# From the demo's reference article (corpora/demo/reference-dispatch/).
REFERENCE_PASSAGE = (
    "US officials have referenced a 2020 criminal indictment against Maduro related to drug "
    "trafficking. Secretary of State Marco Rubio has labeled Maduro a “fugitive from American "
    "justice,” and the reward for details leading to his capture was recently increased to "
    "$50 million."
)
MILITARY_PASSAGE = (
    "A notable US military presence has been established in the Caribbean, including the "
    "deployment of the aircraft carrier USS Gerald R. Ford."
)


@pytest.fixture(scope="session")
def demo_path() -> Path:
    return demo_corpus_path()


def write(path: Path, content: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to ``path``, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
