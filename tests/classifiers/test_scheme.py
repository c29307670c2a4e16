"""The coding-scheme classifier follows scikit-learn's conventions and learns real codes."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from framing.classifiers.scheme import CodingSchemeClassifier

NEW = [
    "Traders said crude prices and PDVSA bonds fell as investors weighed the risk.",
    "Families queued for medicine as shortages left children without vaccines.",
    "Prosecutors said the indictment charges him with drug trafficking.",
    "The aircraft carrier and its warships patrolled near the air defenses.",
]


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
    check("CodingSchemeClassifier", CodingSchemeClassifier())


def test_learns_the_hand_codes(coded):
    model = CodingSchemeClassifier().fit(coded.texts, coded.targets)
    assert list(model.classes_) == ["economy", "humanitarian", "justice", "security"]
    assert list(model.predict(NEW)) == ["economy", "humanitarian", "justice", "security"]
    probabilities = model.predict_proba(NEW)
    assert probabilities.shape == (4, 4)
    assert np.allclose(probabilities.sum(axis=1), 1.0)


def test_same_seed_same_model(coded):
    first = CodingSchemeClassifier(random_state=1).fit(coded.texts, coded.targets)
    second = clone(first).fit(coded.texts, coded.targets)
    assert np.array_equal(first.predict_proba(NEW), second.predict_proba(NEW))


def test_works_in_grid_search_and_pipeline(coded):
    search = GridSearchCV(
        CodingSchemeClassifier(char_ngrams=None), {"C": [0.1, 1.0]}, cv=2, scoring="f1_macro"
    )
    search.fit(coded.texts, coded.targets)
    assert search.best_params_["C"] in (0.1, 1.0)
    pipeline = Pipeline(
        [
            ("lower", FunctionTransformer(lambda texts: [t.lower() for t in texts])),
            ("codes", CodingSchemeClassifier(lexicon_features=False)),
        ]
    )
    assert list(pipeline.fit(coded.texts, coded.targets).predict(NEW[:1])) == ["economy"]


def test_multi_label(coded):
    targets = [
        [label, "crisis"] if label in ("humanitarian", "security") else [label]
        for label in coded.targets
    ]
    model = CodingSchemeClassifier(multi_label=True).fit(coded.texts, targets)
    assert list(model.classes_) == ["crisis", "economy", "humanitarian", "justice", "security"]
    predicted = model.predict(NEW[1:2])
    assert predicted.shape == (1, 5)
    assert predicted[0, list(model.classes_).index("humanitarian")] == 1


def test_parameter_errors_name_the_parameter(coded):
    with pytest.raises(ValueError, match=r"'C' parameter .* must be a float in the range"):
        CodingSchemeClassifier(C=-1.0).fit(coded.texts, coded.targets)
    with pytest.raises(ValueError, match="X must hold texts; item 0 is int"):
        CodingSchemeClassifier().fit([1, 2], ["a", "b"])
