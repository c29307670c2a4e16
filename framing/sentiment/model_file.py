"""Save and load the target-sentiment model (skops, with an allow-list; `framing.model_files`)."""

from __future__ import annotations

import os
from typing import Any

from framing import model_files
from framing.model_files import ModelFileError
from framing.sentiment.classifier import TargetSentimentClassifier

__all__ = ["MODEL_FORMAT", "TRUSTED_TYPES", "ModelFileError", "load", "save"]

MODEL_FORMAT = 1
# Types beyond skops' own trusted defaults that a target-sentiment model file may contain.
TRUSTED_TYPES = (
    "framing.sentiment.classifier.TargetSentimentClassifier",
    "framing.sentiment.features.ContextFeatures",
    "framing.sentiment.features.LexiconFeatures",
)


def save(
    classifier: TargetSentimentClassifier,
    metadata: dict[str, Any],
    path: str | os.PathLike[str],
) -> None:
    """Write ``classifier`` and ``metadata`` to ``path`` atomically and reproducibly.

    Parameters
    ----------
    classifier : TargetSentimentClassifier
        A fitted classifier.
    metadata : dict
        JSON-like facts about the model (training data, scores); the model format and the
        versions of framing, scikit-learn and skops are added.
    path : str or path-like
        The file to write.
    """
    model_files.save(classifier, metadata, path, model_format=MODEL_FORMAT)


def load(path: str | os.PathLike[str]) -> tuple[TargetSentimentClassifier, dict[str, Any]]:
    """Load a model written by `save`: the classifier and its metadata.

    Raises
    ------
    ModelFileError
        The file is missing, damaged, holds types not on `TRUSTED_TYPES`, is not a
        target-sentiment model, or was made with another model format or scikit-learn version;
        the message names the file.
    """
    classifier, metadata = model_files.load(
        path,
        trusted_types=TRUSTED_TYPES,
        expected=TargetSentimentClassifier,
        model_format=MODEL_FORMAT,
        kind="target-sentiment model",
        retrain="Retrain it with python -m framing.sentiment.training",
    )
    return classifier, metadata
