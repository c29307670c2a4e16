"""The bootstrap's Poisson weights: the right distribution, independent, seeded, and intervals
built from them cover the truth about as often as they claim."""

from __future__ import annotations

import hashlib
import math

import numpy as np
import pytest
from scipy import stats

from framing._bootstrap import _POISSON_CDF, _mix, _mix_int, _poisson_counts, poisson_weights
from framing._ratios import RatioSums


def key(i: int) -> str:
    return hashlib.blake2b(str(i).encode(), digest_size=16).hexdigest()


def test_weights_follow_poisson_one():
    weights = np.concatenate([poisson_weights(0, key(i), (1000,)) for i in range(200)])
    observed = np.bincount(weights, minlength=5)[:5]
    expected = np.array([math.exp(-1) / math.factorial(k) for k in range(5)]) * weights.size
    chi2 = float((((observed - expected) ** 2) / expected).sum())
    assert stats.chi2.sf(chi2, df=4) > 0.001
    assert abs(weights.mean() - 1) < 0.01 and abs(weights.var() - 1) < 0.02


def test_weights_are_independent_across_items_and_replicates():
    grid = np.array([poisson_weights(3, key(i), (500,)) for i in range(300)], dtype=float)
    across_items = np.corrcoef(grid)[np.triu_indices(300, 1)]
    across_replicates = np.corrcoef(grid.T)[np.triu_indices(500, 1)]
    # independent columns of n values have correlations with sd 1 / sqrt(n)
    for correlations, n in ((across_items, 500), (across_replicates, 300)):
        assert abs(correlations.mean()) < 0.005
        assert correlations.std() < 1.2 / math.sqrt(n)


def test_the_slot_table_gives_the_counts_a_full_search_gives():
    def searched(bits):
        uniforms = (bits >> np.uint64(11)).astype(np.float64) * 2.0**-53
        return np.searchsorted(_POISSON_CDF, uniforms, side="right")

    random_bits = np.random.default_rng(3).integers(
        0, 2**64 - 1, size=2_000_000, dtype=np.uint64, endpoint=True
    )
    # the 53-bit integers at and beside every boundary, with each value of the dropped bits
    boundaries = np.ceil(_POISSON_CDF * 2.0**53).astype(np.uint64)
    beside = np.concatenate([boundaries + np.uint64(d) for d in (0, 1)])
    beside = np.concatenate([beside, boundaries - np.uint64(1)]) << np.uint64(11)
    edge_bits = np.concatenate([beside + np.uint64(low) for low in (0, 1, 2047)])
    for bits in (random_bits, edge_bits):
        assert np.array_equal(_poisson_counts(bits), searched(bits))
    assert _poisson_counts(edge_bits).max() >= 15  # the far tail's boundaries were reached


def test_weights_depend_only_on_seed_and_key():
    def weights(seed, i):
        return poisson_weights(seed, key(i), (50, 3))

    assert np.array_equal(weights(1, 7), weights(1, 7))
    assert not np.array_equal(weights(1, 7), weights(2, 7))
    assert not np.array_equal(weights(1, 7), weights(1, 8))


def test_percentile_intervals_of_a_mean_cover_it_about_95_percent_of_the_time():
    rng = np.random.default_rng(11)
    covered = 0
    trials = 200
    for trial in range(trials):
        sums = RatioSums(("mean",), replicates=400, seed=trial)
        for i, value in enumerate(rng.exponential(1.0, size=80)):  # skewed, true mean 1
            sums.add(key(trial * 1000 + i), [value], [1])
        low, high = sums.intervals(0.95)
        covered += low[0] <= 1.0 <= high[0]
    assert 0.89 <= covered / trials <= 0.99


def test_the_scalar_and_vector_mixers_agree():
    values = [0, 1, 12345, 2**63 + 17, 2**64 - 1]
    vectorised = _mix(np.array(values, dtype=np.uint64))
    assert [_mix_int(v) for v in values] == [int(x) for x in vectorised]


def test_shared_denominators_give_the_same_estimates_and_intervals():
    rng = np.random.default_rng(5)
    names = ("a", "b", "c")
    own = RatioSums(names, replicates=300, seed=2)
    shared = RatioSums(names, replicates=300, seed=2, denominator_of=(0, 0, 1))
    for i in range(300):
        words, sentences = int(rng.integers(0, 40)), int(rng.integers(1, 9))
        numerators = list(rng.exponential(2.0, size=3))
        own.add(key(i), numerators, [words, words, sentences])
        shared.add(key(i), numerators, [words, words, sentences])
    assert shared.replicate_denominators.shape == (300, 2)
    assert np.array_equal(shared.estimates(), own.estimates())
    assert np.array_equal(shared.replicate_ratios(), own.replicate_ratios(), equal_nan=True)
    assert np.array_equal(shared.intervals(0.95), own.intervals(0.95), equal_nan=True)


def test_measures_said_to_share_a_denominator_must_be_given_the_same_one():
    sums = RatioSums(("a", "b"), replicates=10, denominator_of=(0, 0))
    with pytest.raises(ValueError, match="sharing a denominator"):
        sums.add(key(1), [1.0, 2.0], [3, 4])
