"""Save and load trained models with skops: a model file is untrusted input, never unpickled.

A model file holds the fitted `CodingSchemeClassifier` and its metadata (labels, training data
hash, versions, validation scores). Loading checks the file's types against an allow-list before
anything is built, and refuses files from another model format or scikit-learn version.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sklearn
import skops
import skops.io as sio

from framing.classifiers.scheme import CodingSchemeClassifier

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


class ModelFileError(ValueError):
    """A model file that framing will not load, with the reason and what to do."""


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
    """Write the model atomically: to a temporary file in the same folder, then renamed."""
    path = Path(path)
    metadata = {
        **model.metadata,
        "model_format": MODEL_FORMAT,
        "versions": _versions(),
    }
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", suffix=".part")
    os.close(handle)
    try:
        sio.dump(
            {"classifier": model.classifier, "metadata": metadata},
            temporary,
            compression=zipfile.ZIP_DEFLATED,
        )
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_model(path: str | os.PathLike[str]) -> TrainedModel:
    """Load a model saved by `save_model`; `ModelFileError` says why a file is refused."""
    path = Path(path)
    if not path.is_file():
        raise ModelFileError(f"{path}: no such model file")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as error:  # a damaged archive fails in zipfile, zlib or json
        raise ModelFileError(
            f"{path}: not a framing model file (skops could not read it: {error}). "
            "Train one with framing train"
        ) from None
    foreign = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if foreign:
        raise ModelFileError(
            f"{path}: refused, it contains types framing does not trust: {', '.join(foreign)}. "
            "Only load model files made by framing train"
        )
    try:
        content = sio.load(path, trusted=list(untrusted))
    except Exception as error:  # skops raises many kinds on a damaged file
        raise ModelFileError(
            f"{path}: damaged model file ({type(error).__name__}: {error})"
        ) from None
    if not isinstance(content, dict) or not isinstance(
        content.get("classifier"), CodingSchemeClassifier
    ):
        raise ModelFileError(f"{path}: not a framing model file. Train one with framing train")
    metadata = content.get("metadata") or {}
    if metadata.get("model_format") != MODEL_FORMAT:
        raise ModelFileError(
            f"{path}: model format {metadata.get('model_format')!r}, this framing reads "
            f"format {MODEL_FORMAT}. Retrain it with framing train"
        )
    saved_sklearn = metadata.get("versions", {}).get("scikit-learn")
    if _minor(saved_sklearn) != _minor(sklearn.__version__):
        raise ModelFileError(
            f"{path}: trained with scikit-learn {saved_sklearn}, this is {sklearn.__version__}; "
            "models do not carry across versions. Retrain it with framing train"
        )
    return TrainedModel(content["classifier"], metadata)


def _versions() -> dict[str, str]:
    from framing import __version__

    return {"framing": __version__, "scikit-learn": sklearn.__version__, "skops": skops.__version__}


def _minor(version: str | None) -> str | None:
    return ".".join(version.split(".")[:2]) if version else None
