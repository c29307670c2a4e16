"""Features of a sentence relative to one marked mention, as scikit-learn transformers.

Each item is ``(sentence, (start, end))``. The mention's tokens are replaced by a placeholder,
and every feature is computed from where a word stands relative to it: its side, its distance,
whether it shares the mention's clause, which sentiment word is nearest on each side. The same
sentence with two different mentions therefore gets two different feature rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise, repeat
from numbers import Integral, Real
from typing import Any, ClassVar

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils._param_validation import Interval
from sklearn.utils.validation import check_is_fitted

from framing.resources import vader
from framing.sentiment._context import TARGET, Context, context

__all__ = ["ContextFeatures", "Item", "LexiconFeatures"]

Item = tuple[str, tuple[int, int]]

_NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "cannot",
        "without",
        "nor",
        "neither",
        "none",
        "nobody",
        "nothing",
        "hardly",
        "barely",
        "n't",
    }
)


def _negated(tokens: Sequence[str], position: int) -> bool:
    """Whether a negator is among the three tokens before ``position``."""
    for token in tokens[max(0, position - 3) : position]:
        if token in _NEGATORS or token.endswith("n't") or token.endswith("n’t"):
            return True
    return False


class ContextFeatures(TransformerMixin, BaseEstimator):
    """Sparse mention-centred n-gram features with a vocabulary learned in `fit`.

    Parameters
    ----------
    window : int, default=3
        Words up to this many tokens from the mention also get a feature naming their exact
        side and distance (``l2:criticized``).
    decay : float, default=3.0
        Side features (``L:word``, ``R:word``) weigh ``decay / (decay + distance - 1)``, so
        nearer words count more.
    min_df : int, default=2
        Keep features seen in at least this many training items.
    sublinear : bool, default=True
        Scale each row to unit length after ``log1p`` of its values.

    Attributes
    ----------
    vocabulary_ : ndarray of str
        The kept feature names, sorted; column ``i`` is ``vocabulary_[i]``.
    """

    _parameter_constraints: ClassVar[dict[str, list[Any]]] = {
        "window": [Interval(Integral, 0, None, closed="left")],
        "decay": [Interval(Real, 0, None, closed="neither")],
        "min_df": [Interval(Integral, 1, None, closed="left")],
        "sublinear": ["boolean"],
    }

    def __init__(
        self, *, window: int = 3, decay: float = 3.0, min_df: int = 2, sublinear: bool = True
    ) -> None:
        self.window = window
        self.decay = decay
        self.min_df = min_df
        self.sublinear = sublinear

    def fit(self, X: Sequence[Item], y: Any = None) -> ContextFeatures:
        """Learn the vocabulary: features seen in at least ``min_df`` items."""
        self._validate_params()
        counts: Counter[str] = Counter()
        for features in self._features(X):
            counts.update(features.keys())
        self.vocabulary_ = np.array(
            sorted(name for name, count in counts.items() if count >= self.min_df)
        )
        self._index = {name: column for column, name in enumerate(self.vocabulary_)}
        return self

    def transform(self, X: Sequence[Item]) -> sparse.csr_matrix:
        """The feature rows of ``X``, one per item."""
        check_is_fitted(self, "vocabulary_")
        names: list[str] = []
        all_values: list[float] = []
        lengths: list[int] = []
        for features in self._features(X):
            names.extend(features)
            all_values.extend(features.values())
            lengths.append(len(features))
        # Every name looked up at once; names outside the vocabulary (-1) are dropped, each
        # row keeping its features in their order.
        columns = np.fromiter(
            map(self._index.get, names, repeat(-1)), dtype=np.intp, count=len(names)
        )
        known = columns >= 0
        rows = np.repeat(np.arange(len(lengths)), lengths)[known]
        indptr = np.zeros(len(lengths) + 1, dtype=np.intp)
        np.cumsum(np.bincount(rows, minlength=len(lengths)), out=indptr[1:])
        matrix = sparse.csr_matrix(
            (np.asarray(all_values, dtype=np.float64)[known], columns[known], indptr),
            shape=(len(lengths), len(self.vocabulary_)),
        )
        if self.sublinear:
            np.log1p(matrix.data, out=matrix.data)
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The feature names, in column order."""
        check_is_fitted(self, "vocabulary_")
        return np.asarray(self.vocabulary_, dtype=object)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())  # a copy: it may be the live __dict__
        state.pop("_index", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        if "vocabulary_" in state:
            self._index = {name: column for column, name in enumerate(self.vocabulary_)}

    def _features(self, X: Sequence[Item]) -> list[dict[str, float]]:
        return [self._item_features(context(sentence, *span)) for sentence, span in X]

    def _item_features(self, found: Context) -> dict[str, float]:
        tokens, index = found.tokens, found.index
        clause_start, clause_end = found.clause
        decay, window = self.decay, self.window
        features: dict[str, float] = {}
        for position, token in enumerate(tokens):
            if position == index:
                continue
            features["w:" + token] = 1.0
            if position < index:
                distance, side, near = index - position, "L:", "l"
            else:
                distance, side, near = position - index, "R:", "r"
            weight = decay / (decay + distance - 1)
            name = side + token
            if features.get(name, 0.0) < weight:  # the nearest occurrence's weight wins
                features[name] = weight
            if distance <= window:
                features[f"{near}{distance}:{token}"] = 1.0
            if clause_start <= position < clause_end:
                features["c" + name] = 1.0
        for first, second in pairwise(tokens):
            features[f"b:{first} {second}"] = 1.0
        for position in range(max(0, index - 2), min(index + 1, len(tokens) - 2)):
            features["t:" + " ".join(tokens[position : position + 3])] = 1.0
        if index == 0 or all(not token.isalnum() for token in tokens[:index]):
            features["at:start"] = 1.0
        if index == len(tokens) - 1 or all(not t.isalnum() for t in tokens[index + 1 :]):
            features["at:end"] = 1.0
        features[f"tlen:{min(len(found.mention), 4)}"] = 1.0
        return features


class LexiconFeatures(TransformerMixin, BaseEstimator):
    """VADER valences around the mention versus the whole sentence, as dense features.

    Each word's valence from the VADER lexicon (MIT, shipped by ``vadersentiment``) is flipped
    and damped when a negator precedes it, then summed, positive and negative apart, over the
    sentence, the mention's clause, the words within ``window`` tokens of it, and each side;
    plus a distance-weighted sum and the valences of the nearest sentiment word on each side.
    Stateless: `fit` learns nothing.

    Parameters
    ----------
    window : int, default=4
        Width in tokens of the window on each side of the mention.
    """

    _parameter_constraints: ClassVar[dict[str, list[Any]]] = {
        "window": [Interval(Integral, 1, None, closed="left")],
    }
    _NAMES = (
        "sentence_pos",
        "sentence_neg",
        "clause_pos",
        "clause_neg",
        "window_pos",
        "window_neg",
        "left_pos",
        "left_neg",
        "right_pos",
        "right_neg",
        "weighted",
        "nearest_left",
        "nearest_right",
        "nearest_left_in_clause",
        "nearest_right_in_clause",
    )

    def __init__(self, *, window: int = 4) -> None:
        self.window = window

    def fit(self, X: Sequence[Item], y: Any = None) -> LexiconFeatures:
        """Nothing to learn; returns self."""
        self._validate_params()
        self.n_features_out_ = len(self._NAMES)
        return self

    def transform(self, X: Sequence[Item]) -> np.ndarray:
        """The dense lexicon features of ``X``, one row per item."""
        check_is_fitted(self, "n_features_out_")
        lexicon = vader().lexicon
        rows = [self._row(context(sentence, *span), lexicon) for sentence, span in X]
        return np.asarray(rows, dtype=np.float64).reshape(len(rows), self.n_features_out_)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The feature names, in column order."""
        return np.asarray([f"lexicon_{name}" for name in self._NAMES], dtype=object)

    def _row(self, found: Context, lexicon: dict[str, float]) -> list[float]:
        tokens, index = found.tokens, found.index
        totals = dict.fromkeys(self._NAMES, 0.0)
        for position, token in enumerate(tokens):
            valence = lexicon.get(token)
            if valence is None or token == TARGET:
                continue
            if _negated(tokens, position):
                valence *= -0.74
            sign = "pos" if valence > 0 else "neg"
            magnitude = abs(valence)
            distance = abs(position - index)
            in_clause = found.clause[0] <= position < found.clause[1]
            totals[f"sentence_{sign}"] += magnitude
            if in_clause:
                totals[f"clause_{sign}"] += magnitude
            if distance <= self.window:
                totals[f"window_{sign}"] += magnitude
            side = "left" if position < index else "right"
            totals[f"{side}_{sign}"] += magnitude
            totals["weighted"] += valence / distance
            if side == "left":
                totals["nearest_left"] = valence
                if in_clause:
                    totals["nearest_left_in_clause"] = valence
            else:
                if not totals["nearest_right"]:
                    totals["nearest_right"] = valence
                if in_clause and not totals["nearest_right_in_clause"]:
                    totals["nearest_right_in_clause"] = valence
        # VADER valences run from -4 to 4: bring them near the scale of the n-gram features.
        return [totals[name] / 4.0 for name in self._NAMES]
