"""Apply a trained coding-scheme model to units of a corpus."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from framing.article import Article
from framing.classifiers.scheme import CodingSchemeClassifier

__all__ = ["Classification", "classify"]

_BATCH = 512


@dataclass(frozen=True)
class Classification:
    """A unit's predicted label(s), the probability of the top one, and every class's."""

    article: Article
    labels: tuple[str, ...]
    probability: float
    probabilities: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "id": self.article.id,
            "outlet": self.article.outlet,
            "title": self.article.title,
            "labels": list(self.labels),
            "probability": self.probability,
            "probabilities": self.probabilities,
        }


def classify(model: CodingSchemeClassifier, articles: Sequence[Article]) -> list[Classification]:
    """Predict every unit, in batches; multi-label units get every label with p >= 0.5."""
    found: list[Classification] = []
    classes = [str(c) for c in model.classes_]
    for start in range(0, len(articles), _BATCH):
        batch = articles[start : start + _BATCH]
        for article, row in zip(
            batch, model.predict_proba([a.full_text for a in batch]), strict=True
        ):
            if model.multi_label:
                labels = tuple(c for c, p in zip(classes, row, strict=True) if p >= 0.5)
                top = float(max((p for p in row if p >= 0.5), default=float(np.max(row))))
            else:
                labels = (classes[int(np.argmax(row))],)
                top = float(np.max(row))
            found.append(
                Classification(
                    article, labels, top, dict(zip(classes, map(float, row), strict=True))
                )
            )
    return found
