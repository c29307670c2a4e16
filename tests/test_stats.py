"""The comparison's statistics against published or library values."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon
from scipy.stats import chi2_contingency

from framing.stats import (
    MAX_PERMUTED_OBSERVATIONS,
    contingency_test,
    distribution_rows,
    holm,
    jensen_shannon,
    jensen_shannon_between,
    jensen_shannon_rows,
)

# Agresti (2007), An Introduction to Categorical Data Analysis, table 2.5: party identification
# by gender (females, males; Democrat, Independent, Republican); X^2 = 30.1 on 2 df.
AGRESTI_PARTY = [[762, 327, 468], [484, 239, 477]]


def test_chi_square_matches_agresti_and_scipy():
    result = contingency_test(AGRESTI_PARTY, seed=0)
    assert result.chi2 == pytest.approx(30.07, abs=0.01)
    expected = chi2_contingency(AGRESTI_PARTY, correction=False)
    assert result.p_chi2 == pytest.approx(expected.pvalue)
    assert result.df == 2 and result.n == 2757
    assert result.cramers_v == pytest.approx(math.sqrt(30.07 / 2757), abs=1e-3)


def test_large_tables_use_the_asymptotic_p_value():
    assert sum(map(sum, AGRESTI_PARTY)) <= MAX_PERMUTED_OBSERVATIONS
    scaled = [[cell * 3 for cell in row] for row in AGRESTI_PARTY]
    result = contingency_test(scaled)
    assert result.method == "chi-square" and result.p_value == result.p_chi2


def test_permutation_p_value_is_seeded_and_close_to_asymptotic_on_a_moderate_table():
    table = [[20, 14, 9], [11, 19, 16], [9, 10, 21]]
    first = contingency_test(table, seed=7)
    assert first == contingency_test(table, seed=7)
    assert first.method == "permutation"
    assert first.p_value == pytest.approx(first.p_chi2, abs=0.01)


def test_independent_table_is_not_significant_and_empty_margins_are_dropped():
    result = contingency_test([[10, 0, 10], [10, 0, 10]], seed=1)
    assert result.chi2 == 0 and result.p_value == 1.0 and result.df == 1
    with pytest.raises(ValueError, match="two non-empty rows"):
        contingency_test([[5, 3], [0, 0]])


def test_jensen_shannon_matches_scipy_in_base_2():
    p, q = [0.5, 0.3, 0.2, 0.0], [0.1, 0.2, 0.3, 0.4]
    assert jensen_shannon(p, q) == pytest.approx(jensenshannon(p, q, base=2))
    assert jensen_shannon(p, q) == pytest.approx(jensen_shannon(q, p))
    assert jensen_shannon([2, 2], [1, 1]) == 0.0  # normalised first
    with pytest.raises(ValueError):
        jensen_shannon([0, 0], [1, 0])


def test_holm_matches_the_textbook_example():
    # Holm (1979) step-down: sorted p = .01, .02, .03, .04 with m = 4 -> .04, .06, .06, .06.
    adjusted = holm([0.03, 0.01, 0.04, 0.02])
    assert adjusted == pytest.approx([0.06, 0.04, 0.06, 0.06])
    assert holm([0.9, 0.8]) == pytest.approx([1.0, 1.0])


def test_row_wise_jensen_shannon_matches_the_scalar_one_and_flags_empty_rows():
    rng = np.random.default_rng(0)
    p, q = rng.random((50, 6)), rng.random((50, 6))
    p[3] = 0.0
    rows = jensen_shannon_rows(p, q)
    assert np.isnan(rows[3])
    expected = [jensen_shannon(a, b) for a, b in zip(p, q, strict=True) if a.sum() > 0]
    assert np.delete(rows, 3) == pytest.approx(expected)


def test_a_replicate_where_neither_outlet_has_mass_has_no_distance():
    # NaN rows are what a replicate with no framed article gives; they used to count as 0
    p, q = np.full((2, 4), np.nan), np.full((2, 4), np.nan)
    p[1], q[1] = [1, 0, 0, 1], [0, 1, 0, 1]
    rows = jensen_shannon_rows(p, q)
    assert np.isnan(rows[0])
    assert rows[1] == pytest.approx(jensen_shannon([1, 0, 0, 1], [0, 1, 0, 1]))


def test_one_outlet_meets_a_stack_of_others_as_it_meets_each():
    rng = np.random.default_rng(1)
    one, others = rng.random((30, 5)), rng.random((4, 30, 5))
    stacked = jensen_shannon_between(distribution_rows(one), distribution_rows(others))
    for row, other in zip(stacked, others, strict=True):
        assert row == pytest.approx(jensen_shannon_rows(one, other))
