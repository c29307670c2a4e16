"""Cross-validation reports the figures a methods section needs, from out-of-fold predictions."""

from __future__ import annotations

import pytest

from framing.classifiers.agreement import krippendorff_alpha_nominal
from framing.classifiers.scheme import CodingSchemeClassifier
from framing.classifiers.validation import cross_validate


@pytest.fixture(scope="module")
def report(coded):
    return cross_validate(CodingSchemeClassifier(), coded.texts, coded.targets, folds=5, seed=0)


def test_report_is_consistent_with_its_own_predictions(report, coded):
    assert report.units == 40
    assert [c.label for c in report.classes] == ["economy", "humanitarian", "justice", "security"]
    assert all(c.support == 10 for c in report.classes)
    assert sum(sum(row) for row in report.confusion) == 40
    correct = sum(report.confusion[i][i] for i in range(4))
    assert report.micro_f1 == pytest.approx(correct / 40)
    assert report.macro_f1 == pytest.approx(sum(c.f1 for c in report.classes) / 4)
    assert report.alpha == pytest.approx(
        krippendorff_alpha_nominal(coded.targets, list(report.out_of_fold))
    )


def test_the_toy_scheme_is_learnable_out_of_fold(report):
    # Four well-separated categories: far above the 0.25 of guessing.
    assert report.macro_f1 > 0.6
    assert report.alpha > 0.5


def test_folds_are_seeded(coded):
    model = CodingSchemeClassifier(char_ngrams=None)
    first = cross_validate(model, coded.texts, coded.targets, folds=4, seed=3)
    again = cross_validate(model, coded.texts, coded.targets, folds=4, seed=3)
    assert first.out_of_fold == again.out_of_fold


def test_multi_label_report(coded):
    targets = [[t, "crisis"] if t in ("humanitarian", "security") else [t] for t in coded.targets]
    report = cross_validate(
        CodingSchemeClassifier(multi_label=True, char_ngrams=None), coded.texts, targets, folds=4
    )
    assert report.confusion is None
    assert {c.label for c in report.classes} == {
        "crisis",
        "economy",
        "humanitarian",
        "justice",
        "security",
    }
    assert next(c for c in report.classes if c.label == "crisis").support == 20
    assert report.to_dict()["method"] == "4-fold cross-validation, seed 0"
