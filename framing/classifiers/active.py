"""Uncertainty sampling: which uncoded units to hand-code next (Lewis and Gale 1994).

Coding the units the model is least sure about first reaches a given F1 with fewer codes than
coding in random order. Certainty is the margin between the two most probable classes
(Scheffer et al. 2001); for multi-label models, the smallest distance of any label's
probability from the 0.5 decision threshold, doubled to the same 0-1 scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from framing.article import Article
from framing.classifiers.scheme import CodingSchemeClassifier

__all__ = ["Suggestion", "certainty", "least_certain"]


@dataclass(frozen=True)
class Suggestion:
    """An uncoded unit, the model's current guess, and how sure it is (0 = not at all)."""

    article: Article
    certainty: float
    predicted: tuple[str, ...]


def certainty(model: CodingSchemeClassifier, probabilities: np.ndarray) -> np.ndarray:
    """Certainty of each row of class probabilities, from 0 (a toss-up) to 1 (sure)."""
    if model.multi_label:
        return 2 * np.min(np.abs(probabilities - 0.5), axis=1)
    ordered = np.sort(probabilities, axis=1)
    return ordered[:, -1] - ordered[:, -2]


def least_certain(
    model: CodingSchemeClassifier, articles: Sequence[Article], n: int
) -> list[Suggestion]:
    """The ``n`` units the model is least certain about, least certain first (ties by id)."""
    if not articles:
        return []
    probabilities = model.predict_proba([a.full_text for a in articles])
    scores = certainty(model, probabilities)
    order = sorted(range(len(articles)), key=lambda i: (scores[i], articles[i].id))[:n]
    suggestions = []
    for index in order:
        row = probabilities[index]
        if model.multi_label:
            predicted = tuple(str(c) for c, p in zip(model.classes_, row, strict=True) if p >= 0.5)
        else:
            predicted = (str(model.classes_[int(np.argmax(row))]),)
        suggestions.append(Suggestion(articles[index], float(scores[index]), predicted))
    return suggestions
