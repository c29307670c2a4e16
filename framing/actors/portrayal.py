"""How each mention portrays its actor: sentiment toward it and the labels attached to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from framing.actors.discover import Mention
from framing.actors.labels import Label, mention_labels

__all__ = ["SENTIMENT_LABELS", "ScoredMention", "SentimentModel", "portray", "portray_many"]

SENTIMENT_LABELS = ("negative", "neutral", "positive")


class SentimentModel(Protocol):
    """A target-dependent sentiment classifier (`framing.sentiment.TargetSentiment`)."""

    def predict_proba(self, items: Sequence[tuple[str, tuple[int, int]]]) -> Any: ...


@dataclass(frozen=True)
class ScoredMention:
    """A mention with the probabilities of negative, neutral and positive sentiment toward its
    actor, and the labels (titles, appositions, ...) the sentence attaches to it."""

    mention: Mention
    probabilities: tuple[float, float, float]
    labels: tuple[Label, ...]

    @property
    def score(self) -> float:
        """p(positive) - p(negative), from -1 to +1."""
        return self.probabilities[2] - self.probabilities[0]

    @property
    def label(self) -> str:
        """The most probable sentiment."""
        best = max(range(3), key=lambda i: self.probabilities[i])
        return SENTIMENT_LABELS[best]


def portray(
    sentences: Sequence[str], mentions: Sequence[Mention], model: SentimentModel
) -> tuple[ScoredMention, ...]:
    """Score every mention of one article with the sentiment model, and find its labels."""
    return portray_many([(sentences, mentions)], model)[0]


def portray_many(
    articles: Sequence[tuple[Sequence[str], Sequence[Mention]]], model: SentimentModel
) -> list[tuple[ScoredMention, ...]]:
    """`portray` the mentions of several articles (each its sentences and mentions) with one
    call of the model: the model scores each item on its own, so the scores are the same."""
    items = [
        (sentences[m.sentence], (m.start, m.end))
        for sentences, mentions in articles
        for m in mentions
    ]
    probabilities = model.predict_proba(items) if items else []
    portrayed = []
    offset = 0
    for sentences, mentions in articles:
        rows = probabilities[offset : offset + len(mentions)]
        offset += len(mentions)
        portrayed.append(
            tuple(
                ScoredMention(
                    mention,
                    (float(row[0]), float(row[1]), float(row[2])),
                    mention_labels(sentences[mention.sentence], mention.start, mention.end),
                )
                for mention, row in zip(mentions, rows, strict=True)
            )
        )
    return portrayed
