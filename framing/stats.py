"""The tests and distances the comparison reports: contingency tests, Jensen-Shannon, Holm.

Kept apart from `framing.compare` so each can be checked against published values on its own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats as scipy_stats

__all__ = [
    "ContingencyTest",
    "contingency_test",
    "holm",
    "jensen_shannon",
]

PERMUTATIONS = 9999
# Above this many observations the permutation distribution is indistinguishable from the
# chi-square one for any table worth testing, and permuting would cost seconds: use the latter.
MAX_PERMUTED_OBSERVATIONS = 5_000


@dataclass(frozen=True)
class ContingencyTest:
    """A test of independence of rows and columns of a table of counts.

    ``p_value`` is the permutation p-value ((b + 1) / (m + 1), Phipson and Smyth 2010) when the
    table has at most `MAX_PERMUTED_OBSERVATIONS` observations, else the asymptotic chi-square
    p-value (``method`` says which); ``p_chi2`` is always the asymptotic one. ``cramers_v`` is
    the effect size, sqrt(chi2 / (n (min(r, c) - 1))).
    """

    chi2: float
    df: int
    n: int
    p_value: float
    p_chi2: float
    cramers_v: float
    method: str


def contingency_test(table: Sequence[Sequence[int]], *, seed: int = 0) -> ContingencyTest:
    """Pearson's chi-square test of a table of counts, with a seeded permutation p-value.

    Rows and columns with no counts are dropped first. Raises ValueError when fewer than two
    rows or columns remain.

    Examples
    --------
    >>> result = contingency_test([[12, 5], [3, 14]], seed=1)
    >>> round(result.chi2, 2), result.df, result.method
    (9.66, 1, 'permutation')
    """
    counts = np.asarray(table, dtype=np.int64)
    counts = counts[counts.sum(axis=1) > 0][:, counts.sum(axis=0) > 0]
    if counts.ndim != 2 or min(counts.shape) < 2:
        raise ValueError("a contingency test needs at least two non-empty rows and columns")
    n = int(counts.sum())
    chi2 = _chi_square(counts)
    df = (counts.shape[0] - 1) * (counts.shape[1] - 1)
    p_chi2 = float(scipy_stats.chi2.sf(chi2, df))
    cramers_v = math.sqrt(chi2 / (n * (min(counts.shape) - 1)))
    if n > MAX_PERMUTED_OBSERVATIONS:
        return ContingencyTest(chi2, df, n, p_chi2, p_chi2, cramers_v, "chi-square")
    rows = np.repeat(np.arange(counts.shape[0]), counts.sum(axis=1))
    columns = np.concatenate(
        [np.repeat(np.arange(counts.shape[1]), row) for row in counts]
    )  # the observations, row by row, so the row labels stay fixed while columns are permuted
    rng = np.random.default_rng(seed)
    size = counts.size
    exceed = 0
    for _ in range(PERMUTATIONS):
        shuffled = rng.permutation(columns)
        permuted = np.bincount(rows * counts.shape[1] + shuffled, minlength=size)
        if _chi_square(permuted.reshape(counts.shape)) >= chi2 - 1e-9:
            exceed += 1
    p_value = (exceed + 1) / (PERMUTATIONS + 1)
    return ContingencyTest(chi2, df, n, p_value, p_chi2, cramers_v, "permutation")


def _chi_square(counts: np.ndarray) -> float:
    expected = np.outer(counts.sum(axis=1), counts.sum(axis=0)) / counts.sum()
    return float(((counts - expected) ** 2 / expected).sum())


def jensen_shannon(p: Sequence[float], q: Sequence[float]) -> float:
    """The Jensen-Shannon distance (square root of the divergence, base 2) of two distributions.

    Each is normalised to sum to 1 first; the result is 0 for identical distributions and 1
    for distributions with no common support. Raises ValueError for an all-zero distribution.

    Examples
    --------
    >>> jensen_shannon([1, 0], [0, 1])
    1.0
    >>> jensen_shannon([0.5, 0.5], [0.5, 0.5])
    0.0
    """
    left = np.asarray(p, dtype=float)
    right = np.asarray(q, dtype=float)
    if left.sum() <= 0 or right.sum() <= 0:
        raise ValueError("a distribution with no mass has no Jensen-Shannon distance")
    left = left / left.sum()
    right = right / right.sum()
    middle = (left + right) / 2
    divergence = (_kl(left, middle) + _kl(right, middle)) / 2
    return math.sqrt(max(divergence, 0.0))


def _kl(p: np.ndarray, q: np.ndarray) -> float:
    support = p > 0
    return float((p[support] * np.log2(p[support] / q[support])).sum())


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's (1979) step-down adjusted p-values, in the input order (family-wise error rate).

    Examples
    --------
    >>> [round(p, 3) for p in holm([0.01, 0.04, 0.03])]
    [0.03, 0.06, 0.06]
    """
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted = [0.0] * len(p_values)
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (len(p_values) - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted
