"""Target-dependent sentiment: the shipped model's API, target dependence and model files."""

from __future__ import annotations

import numpy as np
import pytest
import skops.io as sio
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from framing.sentiment import (
    ModelFileError,
    TargetSentiment,
    TargetSentimentClassifier,
    load_target_sentiment,
)
from framing.sentiment.features import ContextFeatures, LexiconFeatures
from framing.sentiment.model_file import load, save

CONTRAST = "The senator praised the governor, while the mayor attacked the judge."


def mention(sentence: str, words: str) -> tuple[str, tuple[int, int]]:
    """The item marking the first occurrence of ``words`` in ``sentence``."""
    start = sentence.index(words)
    return sentence, (start, start + len(words))


CONTRAST_ITEMS = [mention(CONTRAST, who) for who in ("senator", "governor", "mayor", "judge")]


@pytest.fixture(scope="module")
def model() -> TargetSentiment:
    return load_target_sentiment()


def test_labels_shapes_and_probabilities(model):
    assert list(model.classes_) == ["negative", "neutral", "positive"]
    probabilities = model.predict_proba(CONTRAST_ITEMS)
    assert probabilities.shape == (4, 3)
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert set(model.predict(CONTRAST_ITEMS)) <= {"negative", "neutral", "positive"}
    scores = model.score(CONTRAST_ITEMS)
    assert np.allclose(scores, probabilities[:, 2] - probabilities[:, 0])
    assert np.all((scores >= -1) & (scores <= 1))
    assert model.predict_proba([]).shape == (0, 3)


def test_shipped_model_is_cached_and_carries_its_validation(model):
    assert TargetSentiment.load() is model
    assert model.metadata["training_data"]["items"] > 8000
    assert set(model.metadata["dev"]) == {"dev_mt", "dev_rw"}


def test_scores_depend_on_the_mention(model):
    probabilities = model.predict_proba(CONTRAST_ITEMS)
    assert len({tuple(row.round(6)) for row in probabilities}) == 4


def test_same_sentence_different_spans_give_different_features():
    features = ContextFeatures(min_df=1).fit(CONTRAST_ITEMS)
    rows = features.transform(CONTRAST_ITEMS).toarray()
    assert len({tuple(row) for row in rows}) == 4
    lexicon = LexiconFeatures().fit(CONTRAST_ITEMS).transform(CONTRAST_ITEMS)
    assert len({tuple(row) for row in lexicon}) == 4


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        ("Maduro was arrested and charged with drug trafficking.", "Maduro", "negative"),
        ("Critics accused Maduro of corruption and fraud.", "Maduro", "negative"),
        ("Supporters praised Rubio for his courage and leadership.", "Rubio", "positive"),
        ("Voters love Smith, who won the election in a landslide.", "Smith", "positive"),
        ("Maduro met Russian officials in Moscow on Tuesday.", "Maduro", "neutral"),
        ("Rubio spoke to reporters on Tuesday.", "Rubio", "neutral"),
    ],
)
def test_clear_cases(model, sentence, words, expected):
    assert model.predict([mention(sentence, words)])[0] == expected


def test_one_sentence_two_verdicts(model):
    sentence = "Supporters praised Rubio for his courage, while critics accused Maduro of fraud."
    items = [mention(sentence, "Rubio"), mention(sentence, "Maduro")]
    assert list(model.predict(items)) == ["positive", "negative"]


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([("Maduro spoke.", (0, 6)), ("Maduro spoke.", (7, 30))], r"item 1: span \(7, 30\)"),
        ([("Maduro spoke.", (3, 3))], r"item 0: span \(3, 3\) must satisfy 0 <= start < end"),
        ([("Maduro spoke.", (-1, 3))], r"item 0: span \(-1, 3\)"),
        ([("Maduro spoke.", 3)], r"item 0: expected \(sentence, \(start, end\)\)"),
        ([(None, (0, 1))], r"item 0: the sentence must be a str"),
    ],
)
def test_bad_spans_name_the_item(model, items, message):
    with pytest.raises(ValueError, match=message):
        model.predict(items)


@pytest.mark.parametrize(
    "check",
    [
        check_parameters_default_constructible,
        check_no_attributes_set_in_init,
        check_get_params_invariance,
        check_set_params,
    ],
)
def test_scikit_learn_api_checks(check):
    check("TargetSentimentClassifier", TargetSentimentClassifier())


class Payload:
    """Stands for code someone else put in a model file."""

    def __init__(self) -> None:
        self.command = "rm -rf ~"


def test_foreign_model_file_is_refused(tmp_path):
    path = tmp_path / "foreign.skops"
    sio.dump({"classifier": Payload(), "metadata": {}}, path)
    with pytest.raises(
        ModelFileError, match=r"foreign\.skops: refused.*test_target_sentiment\.Payload"
    ):
        TargetSentiment.load(path)


def test_damaged_model_file_is_refused(tmp_path):
    path = tmp_path / "damaged.skops"
    path.write_bytes(b"\x80\x04\x95 pickle bytes, not a zip")
    with pytest.raises(ModelFileError, match=r"damaged\.skops: not a target-sentiment model"):
        TargetSentiment.load(path)


def test_save_and_load_round_trip(tmp_path):
    items = [
        ("Critics attacked Smith over the deal.", (17, 22)),
        ("Fans cheered Smith after the win.", (13, 18)),
        ("Smith arrived on Monday.", (0, 5)),
    ]
    classifier = TargetSentimentClassifier(min_df=1).fit(items, ["negative", "positive", "neutral"])
    first, second = tmp_path / "a.skops", tmp_path / "b.skops"
    save(classifier, {"note": "test"}, first)
    save(classifier, {"note": "test"}, second)
    assert first.read_bytes() == second.read_bytes()
    loaded, metadata = load(first)
    assert metadata["note"] == "test" and metadata["model_format"] == 1
    assert np.array_equal(loaded.predict_proba(items), classifier.predict_proba(items))
    assert list(TargetSentiment(loaded).predict(items[:1])) == ["negative"]
