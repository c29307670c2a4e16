"""A scikit-learn classifier for a researcher's own coding scheme, single- or multi-label.

Word and character n-gram TF-IDF, optionally the Policy Frames dictionary shares, and a linear
SVM whose scores are turned into calibrated probabilities by Platt scaling
(`CalibratedClassifierCV`, sigmoid). Multi-label schemes fit one such model per label.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral, Real
from typing import Any, ClassVar

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC
from sklearn.utils._param_validation import Interval, StrOptions
from sklearn.utils.validation import check_is_fitted

from framing.analysers.frames import default_frame_lexicon, score_frames
from framing.analysers.text import sentences

__all__ = ["CodingSchemeClassifier", "FrameLexiconFeatures"]


class FrameLexiconFeatures(TransformerMixin, BaseEstimator):
    """Policy Frames dictionary shares of each text, as 15 dense features.

    Gives a model trained on few hand codes the codebook's prior knowledge of frame cues.
    Stateless: `fit` learns nothing.
    """

    def fit(self, X: Sequence[str], y: Any = None) -> FrameLexiconFeatures:
        """Nothing to learn; returns self."""
        self.n_features_out_ = len(default_frame_lexicon().categories)
        return self

    def transform(self, X: Sequence[str]) -> sparse.csr_matrix:
        """The dictionary's frame shares of each text."""
        check_is_fitted(self, "n_features_out_")
        lexicon = default_frame_lexicon()
        rows = [score_frames(sentences(text), lexicon=lexicon).shares for text in X]
        return sparse.csr_matrix(np.asarray(rows, dtype=float).reshape(len(rows), -1))


class CodingSchemeClassifier(ClassifierMixin, BaseEstimator):
    """Classify texts into a researcher's categories, with calibrated probabilities.

    Parameters
    ----------
    multi_label : bool, default=False
        Each text may carry several labels; ``y`` is then a list of label lists.
    C : float, default=0.5
        Inverse regularisation strength of the linear SVM.
    word_ngrams : tuple of int, default=(1, 2)
        Word n-gram range of the word TF-IDF features.
    char_ngrams : tuple of int, default=(2, 5)
        Character n-gram range (within word boundaries) of the character features.
    min_df : int, default=2
        Ignore n-grams in fewer training texts than this.
    lexicon_features : bool, default=True
        Add the Policy Frames dictionary shares as features.
    calibration_folds : int, default=3
        Internal folds of the Platt calibration; every class needs at least this many texts.
    random_state : int, default=0
        Seed of the SVM's coordinate descent.

    Attributes
    ----------
    classes_ : ndarray of str
        The labels, sorted.
    model_ : Pipeline
        The fitted feature extraction and classifier.
    """

    _parameter_constraints: ClassVar[dict[str, list[Any]]] = {
        "multi_label": ["boolean"],
        "C": [Interval(Real, 0, None, closed="neither")],
        "word_ngrams": [tuple],
        "char_ngrams": [tuple, None],
        "min_df": [Interval(Integral, 1, None, closed="left")],
        "lexicon_features": ["boolean"],
        "calibration_folds": [Interval(Integral, 2, None, closed="left")],
        "random_state": ["random_state"],
        "calibration": [StrOptions({"sigmoid", "isotonic"})],
    }

    def __init__(
        self,
        *,
        multi_label: bool = False,
        C: float = 0.5,
        word_ngrams: tuple[int, int] = (1, 2),
        char_ngrams: tuple[int, int] | None = (2, 5),
        min_df: int = 2,
        lexicon_features: bool = True,
        calibration_folds: int = 3,
        calibration: str = "sigmoid",
        random_state: int | None = 0,
    ) -> None:
        self.multi_label = multi_label
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.lexicon_features = lexicon_features
        self.calibration_folds = calibration_folds
        self.calibration = calibration
        self.random_state = random_state

    def fit(self, X: Sequence[str], y: Sequence[Any]) -> CodingSchemeClassifier:
        """Fit on texts ``X`` and their codes ``y`` (label lists when ``multi_label``)."""
        self._validate_params()
        texts = _as_texts(X)
        if len(texts) != len(y):
            raise ValueError(f"X has {len(texts)} texts but y has {len(y)} codes")
        min_df = self.min_df if len(texts) >= 10 * self.min_df else 1
        features: list[tuple[str, Any]] = [
            (
                "words",
                TfidfVectorizer(
                    ngram_range=self.word_ngrams, min_df=min_df, sublinear_tf=True, lowercase=True
                ),
            )
        ]
        if self.char_ngrams is not None:
            features.append(
                (
                    "chars",
                    TfidfVectorizer(
                        analyzer="char_wb",
                        ngram_range=self.char_ngrams,
                        min_df=min_df,
                        sublinear_tf=True,
                    ),
                )
            )
        if self.lexicon_features:
            features.append(("frames", FrameLexiconFeatures()))
        svm = LinearSVC(C=self.C, class_weight="balanced", random_state=self.random_state)
        calibrated = CalibratedClassifierCV(svm, cv=self.calibration_folds, method=self.calibration)
        if self.multi_label:
            self.binarizer_ = MultiLabelBinarizer()
            target = self.binarizer_.fit_transform([_label_list(labels) for labels in y])
            self.classes_ = np.asarray(self.binarizer_.classes_, dtype=object)
            classifier: Any = OneVsRestClassifier(calibrated)
        else:
            target = np.asarray([str(label) for label in y], dtype=object)
            self.classes_ = np.unique(target)
            classifier = calibrated
        if len(self.classes_) < 2:
            raise ValueError(f"need at least two classes to learn; got {list(self.classes_)}")
        self.model_ = Pipeline([("features", FeatureUnion(features)), ("classifier", classifier)])
        self.model_.fit(texts, target)
        return self

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Calibrated probability of each class (column order: ``classes_``)."""
        check_is_fitted(self, "model_")
        return np.asarray(self.model_.predict_proba(_as_texts(X)))

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """The most probable label (single-label) or a 0/1 indicator per label (multi-label,
        threshold 0.5)."""
        probabilities = self.predict_proba(X)
        if self.multi_label:
            return (probabilities >= 0.5).astype(int)
        return self.classes_[np.argmax(probabilities, axis=1)]

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.multi_output = self.multi_label
        return tags


def _as_texts(X: Sequence[str]) -> list[str]:
    texts = list(X)
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"X must hold texts; item {index} is {type(text).__name__}")
    return texts


def _label_list(labels: Any) -> list[str]:
    if isinstance(labels, str):
        return [labels]
    return [str(label) for label in labels]
