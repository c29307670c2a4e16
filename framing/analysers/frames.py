"""Policy Frames Codebook dimensions scored by dictionary, per sentence and per article.

Every score can be explained: `FrameScores.sentences` holds each counted cue match with its
sentence, and `FrameScores.explain` lists the frames heaviest first with the sentences that
gave them.

Negated and quoted cues (flagged as `framing.analysers.lexicon` defines) are handled on purpose:

- a negated cue counts fully, because a denied frame is still an invoked frame ("this is not
  about the economy" puts the economy on the table); it is flagged so a reader can see it;
- a quoted cue counts by default, because the outlet chose to quote it, and is flagged;
  ``exclude_quotes=True`` drops cues inside quotations, to separate an outlet's own voice from
  its sources'.
"""

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
    "FrameEvidence",
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
    """The counted cues of one sentence (``index`` in the article, title first), and its text.

    Each match's ``span`` locates its words in ``text``; its ``negated`` and ``quoted`` flags
    say how it was read.
    """

    index: int
    matches: tuple[Match, ...]
    text: str = ""


@dataclass(frozen=True)
class FrameEvidence:
    """One frame's part of a score: its weight and share, and the sentences whose cues gave it.

    ``sentences`` hold only this frame's matches.
    """

    category: str
    weight: float
    share: float
    sentences: tuple[SentenceFrames, ...]


@dataclass(frozen=True)
class FrameScores:
    """An article's frame weights (summed cue weights per category) and where they came from.

    ``weights`` follows ``categories``; ``shares`` are the weights normalised to sum to 1
    (all zero when no cue was found); ``primary`` is the category with the largest weight.
    ``sentences`` hold exactly the cues counted in ``weights``; ``exclude_quotes`` says whether
    cues inside quotations were left out.
    """

    categories: tuple[str, ...]
    weights: tuple[float, ...]
    sentences: tuple[SentenceFrames, ...]
    exclude_quotes: bool = False

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

    @property
    def n_cues(self) -> int:
        """Number of cue matches counted."""
        return sum(len(sentence.matches) for sentence in self.sentences)

    def explain(self) -> tuple[FrameEvidence, ...]:
        """Each frame with weight above 0, heaviest first, with the sentences that gave it.

        Frames of equal weight keep the codebook order, so the first is `primary`.

        Returns
        -------
        tuple[FrameEvidence, ...]
        """
        shares = self.shares
        heaviest_first = sorted(
            (index for index, weight in enumerate(self.weights) if weight > 0),
            key=lambda index: -self.weights[index],
        )
        return tuple(
            FrameEvidence(
                self.categories[index],
                self.weights[index],
                shares[index],
                _sentences_of(self.sentences, self.categories[index]),
            )
            for index in heaviest_first
        )


def score_frames(
    sentences: Sequence[str], *, lexicon: Lexicon, exclude_quotes: bool = False
) -> FrameScores:
    """Score the sentences of one article on the lexicon's categories.

    Each cue adds its weight to its category; overlapping cues count once (longest wins).
    A negated cue counts fully (a denied frame is still an invoked frame) and a quoted cue
    counts unless ``exclude_quotes``; both are flagged on their `Match`.

    Parameters
    ----------
    sentences : Sequence[str]
        All sentences of the article, in order (a quotation can run over several).
    lexicon : Lexicon
        The frame dictionary, e.g. `default_frame_lexicon()`.
    exclude_quotes : bool, default=False
        Leave out cues inside quotation marks, to score the outlet's own voice only.

    Returns
    -------
    FrameScores

    Examples
    --------
    >>> scores = score_frames(["This is not a military threat."], lexicon=default_frame_lexicon())
    >>> scores.primary, [m.negated for m in scores.sentences[0].matches]
    ('security_and_defense', [True, True])
    """
    position = {category: index for index, category in enumerate(lexicon.categories)}
    weights = [0.0] * len(lexicon.categories)
    found: list[SentenceFrames] = []
    for index, (text, matches) in enumerate(
        zip(sentences, lexicon.match_sentences(sentences), strict=True)
    ):
        counted = tuple(match for match in matches if not (exclude_quotes and match.quoted))
        if counted:
            found.append(SentenceFrames(index, counted, text))
        for match in counted:
            weights[position[match.cue.category]] += match.cue.weight
    return FrameScores(lexicon.categories, tuple(weights), tuple(found), exclude_quotes)


def _sentences_of(sentences: Sequence[SentenceFrames], category: str) -> tuple[SentenceFrames, ...]:
    """The sentences with a cue of ``category``, each keeping only those cues."""
    found: list[SentenceFrames] = []
    for sentence in sentences:
        matches = tuple(match for match in sentence.matches if match.cue.category == category)
        if matches:
            found.append(SentenceFrames(sentence.index, matches, sentence.text))
    return tuple(found)
