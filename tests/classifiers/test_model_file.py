"""Model files: saved with skops and metadata, refused when foreign, tampered or outdated."""

from __future__ import annotations

import numpy as np
import pytest
import skops.io as sio

from framing.classifiers.model_file import ModelFileError, TrainedModel, load_model, save_model
from framing.classifiers.scheme import CodingSchemeClassifier


@pytest.fixture(scope="module")
def saved(coded, tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "model.skops"
    classifier = CodingSchemeClassifier(char_ngrams=None).fit(coded.texts, coded.targets)
    save_model(TrainedModel(classifier, {"label_column": "frame"}), path)
    return path, classifier


def test_round_trip_keeps_predictions_and_metadata(saved, coded):
    path, classifier = saved
    model = load_model(path)
    assert np.array_equal(
        model.classifier.predict_proba(coded.texts), classifier.predict_proba(coded.texts)
    )
    assert model.metadata["label_column"] == "frame"
    assert model.metadata["model_format"] == 1
    assert set(model.metadata["versions"]) == {"framing", "scikit-learn", "skops"}
    assert not list(path.parent.glob("*.part"))


def test_file_that_is_not_a_model_is_refused(tmp_path):
    path = tmp_path / "model.skops"
    path.write_bytes(b"\x80\x04\x95 pickle bytes, not a zip")
    with pytest.raises(ModelFileError, match="not a framing model file"):
        load_model(path)


class Payload:
    """Stands for code someone else put in a model file."""

    def __init__(self) -> None:
        self.command = "rm -rf ~"


def test_foreign_types_are_refused_before_anything_runs(tmp_path):
    path = tmp_path / "evil.skops"
    sio.dump({"classifier": Payload(), "metadata": {}}, path)
    with pytest.raises(
        ModelFileError, match=r"types framing does not trust: .*test_model_file\.Payload"
    ):
        load_model(path)


def test_tampered_archive_is_refused(saved, tmp_path):
    source, _ = saved
    damaged = tmp_path / "damaged.skops"
    data = bytearray(source.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64
    damaged.write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match=r"damaged\.skops"):
        load_model(damaged)


def test_model_from_another_scikit_learn_version_is_refused(saved, tmp_path):
    source, _ = saved
    content = sio.load(source, trusted=sio.get_untrusted_types(file=source))
    content["metadata"]["versions"]["scikit-learn"] = "0.24.2"
    other = tmp_path / "old.skops"
    sio.dump(content, other)
    with pytest.raises(
        ModelFileError,
        match=r"trained with scikit-learn 0\.24\.2.*Make a new one with framing train",
    ):
        load_model(other)
