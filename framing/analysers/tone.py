"""Lexicon tone with nltk's VADER: per sentence, and an article's mean over its sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framing.resources import vader

__all__ = ["NEGATIVE_BELOW", "POSITIVE_ABOVE", "Tone", "score_tone"]

# VADER's own recommended cut-offs on the compound score (Hutto and Gilbert 2014).
POSITIVE_ABOVE = 0.05
NEGATIVE_BELOW = -0.05


@dataclass(frozen=True)
class Tone:
    """VADER compound scores of an article's sentences, from -1 (negative) to +1 (positive)."""

    compounds: tuple[float, ...]

    @property
    def mean(self) -> float:
        """The article's tone: the mean sentence compound (VADER saturates on whole texts)."""
        return sum(self.compounds) / len(self.compounds) if self.compounds else 0.0

    @property
    def negative(self) -> int:
        """Sentences with compound <= -0.05."""
        return sum(1 for c in self.compounds if c <= NEGATIVE_BELOW)

    @property
    def positive(self) -> int:
        """Sentences with compound >= 0.05."""
        return sum(1 for c in self.compounds if c >= POSITIVE_ABOVE)


def score_tone(sentences: Sequence[str]) -> Tone:
    """VADER compound score of each sentence."""
    analyser = vader()
    return Tone(tuple(analyser.polarity_scores(s)["compound"] for s in sentences))
