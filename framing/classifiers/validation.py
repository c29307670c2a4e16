"""Cross-validated agreement of a coding-scheme classifier with the human codes.

Every coded unit is predicted by a model that did not see it (k-fold, seeded), and those
out-of-fold predictions are compared with the human codes: per-class precision, recall and F1,
macro-F1, the confusion matrix, and Krippendorff's alpha, the figures a methods section reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import KFold, StratifiedKFold

from framing.classifiers.agreement import krippendorff_alpha_nominal
from framing.classifiers.scheme import CodingSchemeClassifier

__all__ = ["ClassScores", "ValidationReport", "cross_validate"]


@dataclass(frozen=True)
class ClassScores:
    """Out-of-fold precision, recall and F1 of one class, and how many units carry it."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int
    alpha: float | None = None  # multi-label: agreement on this label (present / absent)


@dataclass(frozen=True)
class ValidationReport:
    """What cross-validation measured; ``confusion`` rows are human codes, columns the model's
    (single-label only)."""

    folds: int
    seed: int
    units: int
    multi_label: bool
    classes: tuple[ClassScores, ...]
    macro_f1: float
    micro_f1: float
    alpha: float
    confusion: tuple[tuple[int, ...], ...] | None
    out_of_fold: tuple[Any, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON and the model file's metadata (without per-unit predictions)."""
        return {
            "method": ("stratified " if not self.multi_label else "")
            + f"{self.folds}-fold cross-validation, seed {self.seed}",
            "units": self.units,
            "macro_f1": self.macro_f1,
            "micro_f1": self.micro_f1,
            "krippendorff_alpha": self.alpha,
            "classes": [
                {
                    "label": c.label,
                    "precision": c.precision,
                    "recall": c.recall,
                    "f1": c.f1,
                    "support": c.support,
                    **({"krippendorff_alpha": c.alpha} if c.alpha is not None else {}),
                }
                for c in self.classes
            ],
            "confusion_matrix": [list(row) for row in self.confusion] if self.confusion else None,
        }


def cross_validate(
    estimator: CodingSchemeClassifier,
    texts: Sequence[str],
    targets: Sequence[Any],
    *,
    folds: int = 5,
    seed: int = 0,
) -> ValidationReport:
    """Out-of-fold predictions for every unit, scored against the human codes.

    Single-label schemes use stratified folds; multi-label ones plain shuffled folds (there is
    no exact stratification for label sets). Alpha for multi-label schemes is the mean of the
    per-label alphas (each label coded present or absent).
    """
    texts = list(texts)
    if estimator.multi_label:
        splitter: Any = KFold(n_splits=folds, shuffle=True, random_state=seed)
        split_on: Any = np.zeros(len(texts))
    else:
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        split_on = np.asarray([str(t) for t in targets], dtype=object)
    predictions: list[Any] = [None] * len(texts)
    for train, test in splitter.split(np.zeros(len(texts)), split_on):
        model = clone(estimator).fit([texts[i] for i in train], [targets[i] for i in train])
        predicted = model.predict([texts[i] for i in test])
        for index, value in zip(test, predicted, strict=True):
            predictions[index] = _decode(model, value)
    if estimator.multi_label:
        return _multi_label_report(targets, predictions, folds, seed)
    return _single_label_report(targets, predictions, folds, seed)


def _decode(model: CodingSchemeClassifier, value: Any) -> Any:
    if model.multi_label:
        return tuple(label for label, on in zip(model.classes_, value, strict=True) if on)
    return str(value)


def _single_label_report(
    targets: Sequence[Any], predictions: list[Any], folds: int, seed: int
) -> ValidationReport:
    gold = [str(t) for t in targets]
    labels = sorted(set(gold) | set(predictions))
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predictions, labels=labels, zero_division=0
    )
    classes = tuple(
        ClassScores(label, float(p), float(r), float(f), int(s))
        for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
    )
    matrix = confusion_matrix(gold, predictions, labels=labels)
    return ValidationReport(
        folds=folds,
        seed=seed,
        units=len(gold),
        multi_label=False,
        classes=classes,
        macro_f1=float(f1_score(gold, predictions, labels=labels, average="macro")),
        micro_f1=float(f1_score(gold, predictions, labels=labels, average="micro")),
        alpha=krippendorff_alpha_nominal(gold, predictions),
        confusion=tuple(tuple(int(v) for v in row) for row in matrix),
        out_of_fold=tuple(predictions),
    )


def _multi_label_report(
    targets: Sequence[Any], predictions: list[Any], folds: int, seed: int
) -> ValidationReport:
    gold_sets = [set(t) for t in targets]
    predicted_sets = [set(p) for p in predictions]
    labels = sorted(set().union(*gold_sets))
    gold = np.array([[label in s for label in labels] for s in gold_sets], dtype=int)
    predicted = np.array([[label in s for label in labels] for s in predicted_sets], dtype=int)
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, zero_division=0
    )
    alphas = [
        krippendorff_alpha_nominal(gold[:, i].tolist(), predicted[:, i].tolist())
        for i in range(len(labels))
    ]
    classes = tuple(
        ClassScores(label, float(p), float(r), float(f), int(s), float(a))
        for label, p, r, f, s, a in zip(labels, precision, recall, f1, support, alphas, strict=True)
    )
    defined = [a for a in alphas if not np.isnan(a)]
    return ValidationReport(
        folds=folds,
        seed=seed,
        units=len(gold_sets),
        multi_label=True,
        classes=classes,
        macro_f1=float(f1_score(gold, predicted, average="macro", zero_division=0)),
        micro_f1=float(f1_score(gold, predicted, average="micro", zero_division=0)),
        alpha=float(np.mean(defined)) if defined else float("nan"),
        confusion=None,
        out_of_fold=tuple(tuple(sorted(p)) for p in predicted_sets),
    )
