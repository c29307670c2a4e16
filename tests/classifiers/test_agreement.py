"""Krippendorff's alpha against the published worked example."""

from __future__ import annotations

import math

import pytest

from framing.classifiers.agreement import krippendorff_alpha_nominal


def test_binary_two_coder_example_of_krippendorff_2011():
    first = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    second = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha_nominal(first, second) == pytest.approx(0.095, abs=5e-4)


def test_perfect_agreement_is_one_and_systematic_disagreement_below_zero():
    codes = ["economy", "security", "justice", "economy"]
    assert krippendorff_alpha_nominal(codes, codes) == 1.0
    assert krippendorff_alpha_nominal(["a", "b", "a", "b"], ["b", "a", "b", "a"]) < 0


def test_single_value_is_undefined_and_unequal_lengths_are_refused():
    assert math.isnan(krippendorff_alpha_nominal(["a", "a"], ["a", "a"]))
    with pytest.raises(ValueError, match="differ in length: 2 and 1"):
        krippendorff_alpha_nominal(["a", "b"], ["a"])
