"""The scikit-learn estimator behind `TargetSentiment`: mention-centred features, logistic model.

Sparse position-tagged n-grams around the mention (`ContextFeatures`) and dense VADER valences
of its window, clause and sides (`LexiconFeatures`), then a multinomial logistic regression.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral, Real
from typing import Any, ClassVar

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils._param_validation import Interval, StrOptions
from sklearn.utils.validation import check_is_fitted

from framing.sentiment.features import ContextFeatures, Item, LexiconFeatures

__all__ = ["TargetSentimentClassifier"]


class TargetSentimentClassifier(ClassifierMixin, BaseEstimator):
    """Classify the sentiment a sentence expresses toward one marked mention in it.

    ``X`` is a sequence of items ``(sentence, (start, end))``, where ``sentence[start:end]`` is
    the mention; ``y`` holds the labels.

    Parameters
    ----------
    C : float, default=3.0
        Inverse regularisation strength of the logistic regression.
    class_weight : {"balanced"} or None, default="balanced"
        Weigh classes inversely to their frequency, for macro-F1.
    window : int, default=3
        Words up to this many tokens from the mention get exact side-and-distance features.
    decay : float, default=3.0
        Distance decay of the side features (see `ContextFeatures`).
    min_df : int, default=2
        Keep n-gram features seen in at least this many training items.
    lexicon_window : int, default=4
        Width of the lexicon window on each side of the mention (see `LexiconFeatures`).

    Attributes
    ----------
    classes_ : ndarray of str
        The labels, sorted.
    model_ : Pipeline
        The fitted features and logistic regression.

    Examples
    --------
    >>> items = [("Critics attacked Smith.", (17, 22)), ("Fans cheered Smith.", (13, 18))]
    >>> model = TargetSentimentClassifier(min_df=1).fit(items, ["negative", "positive"])
    >>> model.predict([("Critics attacked Jones.", (17, 22))]).tolist()
    ['negative']
    """

    _parameter_constraints: ClassVar[dict[str, list[Any]]] = {
        "C": [Interval(Real, 0, None, closed="neither")],
        "class_weight": [StrOptions({"balanced"}), None],
        "window": [Interval(Integral, 0, None, closed="left")],
        "decay": [Interval(Real, 0, None, closed="neither")],
        "min_df": [Interval(Integral, 1, None, closed="left")],
        "lexicon_window": [Interval(Integral, 1, None, closed="left")],
    }

    def __init__(
        self,
        *,
        C: float = 3.0,
        class_weight: str | None = "balanced",
        window: int = 3,
        decay: float = 3.0,
        min_df: int = 2,
        lexicon_window: int = 4,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.window = window
        self.decay = decay
        self.min_df = min_df
        self.lexicon_window = lexicon_window

    def fit(self, X: Sequence[Item], y: Sequence[str]) -> TargetSentimentClassifier:
        """Fit on items ``X`` and their labels ``y``; returns self.

        Parameters
        ----------
        X : sequence of (str, (int, int))
            Sentences, each with the character span of one mention.
        y : sequence of str
            The label of each item.

        Returns
        -------
        TargetSentimentClassifier
        """
        self._validate_params()
        items = list(X)
        labels = np.asarray(y, dtype=object)
        if len(items) != len(labels):
            raise ValueError(f"X has {len(items)} items but y has {len(labels)} labels")
        features = FeatureUnion(
            [
                (
                    "context",
                    ContextFeatures(window=self.window, decay=self.decay, min_df=self.min_df),
                ),
                ("lexicon", LexiconFeatures(window=self.lexicon_window)),
            ]
        )
        regression = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000)
        self.model_ = Pipeline([("features", features), ("regression", regression)])
        self.model_.fit(items, labels)
        self.classes_ = self.model_.classes_
        return self

    def predict_proba(self, X: Sequence[Item]) -> np.ndarray:
        """Probability of each class (columns in `classes_` order) for each item."""
        check_is_fitted(self, "model_")
        return self.model_.predict_proba(list(X))

    def predict(self, X: Sequence[Item]) -> np.ndarray:
        """The most probable label of each item."""
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
