"""Target-dependent sentiment: how a news sentence portrays one marked mention in it.

`TargetSentiment` labels the sentiment a sentence expresses toward a mention, given as the
mention's character span: "negative", "neutral" or "positive". Every feature is computed
relative to the mention, so in "The senator praised the governor, while the mayor attacked the
judge." the four people get four different scores. The shipped model
(``framing/data/models/target_sentiment.skops``) was trained on NewsMTSC (Hamborg and Donnay,
EACL 2021; MIT) with ``python -m framing.sentiment.training``; its metadata holds its
cross-validation and development scores.

Examples
--------
>>> model = TargetSentiment.load()
>>> sentence = "Critics accused Maduro of corruption and fraud."
>>> model.predict([(sentence, (16, 22))]).tolist()
['negative']
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any

import numpy as np

from framing.sentiment.classifier import TargetSentimentClassifier
from framing.sentiment.features import Item
from framing.sentiment.model_file import ModelFileError, load

__all__ = [
    "Item",
    "ModelFileError",
    "TargetSentiment",
    "TargetSentimentClassifier",
    "load_target_sentiment",
]

_SHIPPED = ("data", "models", "target_sentiment.skops")


class TargetSentiment:
    """A fitted target-sentiment model and the metadata saved with it.

    Parameters
    ----------
    classifier : TargetSentimentClassifier
        A fitted classifier whose classes are "negative", "neutral" and "positive".
    metadata : dict, optional
        Facts about the model: training data hash, item counts, versions, scores.

    Attributes
    ----------
    classes_ : ndarray of str
        ``["negative", "neutral", "positive"]``, the column order of `predict_proba`.
    """

    def __init__(
        self, classifier: TargetSentimentClassifier, metadata: dict[str, Any] | None = None
    ) -> None:
        if list(classifier.classes_) != ["negative", "neutral", "positive"]:
            raise ValueError(
                "classifier classes must be ['negative', 'neutral', 'positive'], "
                f"got {list(classifier.classes_)}"
            )
        self.classifier = classifier
        self.metadata = dict(metadata or {})
        self.classes_ = classifier.classes_

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> TargetSentiment:
        """Load a model file; without ``path``, the model shipped with framing (cached).

        Parameters
        ----------
        path : str or path-like, optional
            A file written by ``python -m framing.sentiment.training``.

        Returns
        -------
        TargetSentiment

        Raises
        ------
        ModelFileError
            The file is missing, damaged, foreign or from another scikit-learn version.
        """
        if path is None:
            return load_target_sentiment()
        return cls(*load(path))

    def predict_proba(self, items: Sequence[Item]) -> np.ndarray:
        """Probability of each label toward each item's mention.

        Parameters
        ----------
        items : sequence of (str, (int, int))
            Sentences, each with the character span ``(start, end)`` of one mention.

        Returns
        -------
        ndarray of shape (n_items, 3)
            Columns in `classes_` order; each row sums to 1.

        Raises
        ------
        ValueError
            A span is empty or outside its sentence; the message names the item's index.
        """
        checked = _checked(items)
        if not checked:
            return np.empty((0, len(self.classes_)))
        return self.classifier.predict_proba(checked)

    def predict(self, items: Sequence[Item]) -> np.ndarray:
        """The most probable label ("negative", "neutral" or "positive") of each item.

        Parameters
        ----------
        items : sequence of (str, (int, int))

        Returns
        -------
        ndarray of str
        """
        return self.classes_[np.argmax(self.predict_proba(items), axis=1)]

    def score(self, items: Sequence[Item]) -> np.ndarray:
        """Sentiment toward each mention from -1 to 1: p(positive) - p(negative).

        Parameters
        ----------
        items : sequence of (str, (int, int))

        Returns
        -------
        ndarray of float
        """
        probabilities = self.predict_proba(items)
        return probabilities[:, 2] - probabilities[:, 0]


@lru_cache(maxsize=1)
def load_target_sentiment() -> TargetSentiment:
    """The target-sentiment model shipped with framing, loaded once.

    Returns
    -------
    TargetSentiment
    """
    resource = files("framing").joinpath(*_SHIPPED)
    return TargetSentiment(*load(str(resource)))


def _checked(items: Sequence[Item]) -> list[Item]:
    checked: list[Item] = []
    for position, item in enumerate(items):
        try:
            sentence, (start, end) = item
        except (TypeError, ValueError):
            raise ValueError(
                f"item {position}: expected (sentence, (start, end)), got {item!r}"
            ) from None
        if not isinstance(sentence, str):
            raise ValueError(f"item {position}: the sentence must be a str, got {sentence!r}")
        if not (
            isinstance(start, (int, np.integer))
            and isinstance(end, (int, np.integer))
            and 0 <= start < end <= len(sentence)
        ):
            raise ValueError(
                f"item {position}: span ({start!r}, {end!r}) must satisfy "
                f"0 <= start < end <= {len(sentence)} (the sentence's length)"
            )
        checked.append((sentence, (int(start), int(end))))
    return checked
