"""Policy Frames Codebook dimensions scored by dictionary, per sentence and per article."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files

from framing.analysers.lexicon import Lexicon, Match

__all__ = [
    "FRAME_LABELS",
    "POLICY_FRAMES",
    "FrameScores",
    "SentenceFrames",
    "default_frame_lexicon",
    "load_frame_lexicon",
    "score_frames",
]

# The 15 dimensions of Boydstun, Card, Gross, Resnik and Smith (2014), in codebook order.
FRAME_LABELS: dict[str, str] = {
    "economic": "Economic",
    "capacity_and_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_and_equality": "Fairness and equality",
    "legality_constitutionality_jurisprudence": "Legality, constitutionality, jurisprudence",
    "policy_prescription_evaluation": "Policy prescription and evaluation",
    "crime_and_punishment": "Crime and punishment",
    "security_and_defense": "Security and defense",
    "health_and_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation_reputation": "External regulation and reputation",
    "other": "Other",
}
POLICY_FRAMES = tuple(FRAME_LABELS)


@lru_cache(maxsize=1)
def default_frame_lexicon() -> Lexicon:
    """The shipped Policy Frames dictionary (``framing/data/frames/policy_frames.tsv``)."""
    resource = files("framing") / "data" / "frames" / "policy_frames.tsv"
    with as_file(resource) as path:
        lexicon = Lexicon.from_file(path, categories=POLICY_FRAMES)
    return lexicon


def load_frame_lexicon(path: str | os.PathLike[str]) -> Lexicon:
    """A user's frame dictionary; one using only Policy Frames ids keeps the codebook order."""
    lexicon = Lexicon.from_file(path)
    if set(lexicon.categories) <= set(POLICY_FRAMES):
        lexicon = Lexicon(lexicon.cues, categories=POLICY_FRAMES, name=lexicon.name)
    return lexicon


@dataclass(frozen=True)
class SentenceFrames:
    """The cues found in one sentence, for explaining a score."""

    index: int
    matches: tuple[Match, ...]


@dataclass(frozen=True)
class FrameScores:
    """An article's frame weights (summed cue weights per category) and where they came from.

    ``weights`` follows ``categories``; ``shares`` are the weights normalised to sum to 1
    (all zero when no cue was found); ``primary`` is the category with the largest weight.
    """

    categories: tuple[str, ...]
    weights: tuple[float, ...]
    sentences: tuple[SentenceFrames, ...]

    @property
    def total(self) -> float:
        """Summed weight of all cues found."""
        return sum(self.weights)

    @property
    def shares(self) -> tuple[float, ...]:
        """Each category's share of the article's cue weight."""
        total = self.total
        if total <= 0:
            return tuple(0.0 for _ in self.weights)
        return tuple(weight / total for weight in self.weights)

    @property
    def primary(self) -> str | None:
        """The category with the most weight (first in codebook order on a tie), or None."""
        if self.total <= 0:
            return None
        best = max(range(len(self.weights)), key=lambda i: (self.weights[i], -i))
        return self.categories[best]


def score_frames(sentence_tokens: Sequence[Sequence[str]], *, lexicon: Lexicon) -> FrameScores:
    """Score tokenised sentences on the lexicon's categories.

    Each cue adds its weight to its category; overlapping cues count once (longest wins).
    """
    position = {category: index for index, category in enumerate(lexicon.categories)}
    weights = [0.0] * len(lexicon.categories)
    found: list[SentenceFrames] = []
    for index, tokens in enumerate(sentence_tokens):
        matches = lexicon.match(tokens)
        if matches:
            found.append(SentenceFrames(index, tuple(matches)))
        for match in matches:
            weights[position[match.cue.category]] += match.cue.weight
    return FrameScores(lexicon.categories, tuple(weights), tuple(found))
