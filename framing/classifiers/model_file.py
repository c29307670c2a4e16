"""Save and load coding-scheme models with skops: a model file is untrusted input, never
unpickled (`framing.model_files`).

A model file holds the fitted `CodingSchemeClassifier` and its metadata (labels, training data
hash, versions, validation scores).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from framing import model_files
from framing.classifiers.scheme import CodingSchemeClassifier
from framing.model_files import ModelFileError

__all__ = [
    "MODEL_FORMAT",
    "ModelFileError",
    "TrainedModel",
    "data_hash",
    "load_model",
    "save_model",
]

MODEL_FORMAT = 1
# Types beyond skops' own trusted defaults that a framing model may contain.
TRUSTED_TYPES = (
    "framing.classifiers.scheme.CodingSchemeClassifier",
    "framing.classifiers.scheme.FrameLexiconFeatures",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.isotonic.IsotonicRegression",
)


@dataclass(frozen=True)
class TrainedModel:
    """A fitted classifier with the metadata saved beside it."""

    classifier: CodingSchemeClassifier
    metadata: dict[str, Any]


def data_hash(texts: Sequence[str], targets: Sequence[Any]) -> str:
    """SHA-256 of the training texts and codes, to tell later which data made a model."""
    digest = hashlib.sha256()
    for text, target in zip(texts, targets, strict=True):
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
        digest.update(repr(target).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def save_model(model: TrainedModel, path: str | os.PathLike[str]) -> None:
    """Write the model atomically and reproducibly (see `framing.model_files.save`)."""
    model_files.save(model.classifier, model.metadata, path, model_format=MODEL_FORMAT)


def load_model(path: str | os.PathLike[str]) -> TrainedModel:
    """Load a model saved by `save_model`; `ModelFileError` says why a file is refused."""
    classifier, metadata = model_files.load(
        path,
        trusted_types=TRUSTED_TYPES,
        expected=CodingSchemeClassifier,
        model_format=MODEL_FORMAT,
        kind="framing model",
        retrain="Make a new one with framing train",
    )
    return TrainedModel(classifier, metadata)
