"""The tests and distances the comparison reports: contingency tests, Jensen-Shannon, Holm.

Kept apart from `framing.compare` so each can be checked against published values on its own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import chdtrc

__all__ = [
    "ContingencyTest",
    "Rows",
    "contingency_test",
    "distribution_rows",
    "holm",
    "jensen_shannon",
    "jensen_shannon_between",
    "jensen_shannon_rows",
]

PERMUTATIONS = 9999
# Above this many observations the permutation distribution is indistinguishable from the
# chi-square one for any table worth testing, and permuting would cost seconds: use the latter.
MAX_PERMUTED_OBSERVATIONS = 5_000
_BATCH_CELLS = 1_000_000  # observations x permutations shuffled at once (8 MB of labels)


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


def contingency_test(
    table: Sequence[Sequence[int]], *, seed: int = 0, permute: bool = True
) -> ContingencyTest:
    """Pearson's chi-square test of a table of counts, with a seeded permutation p-value
    (the asymptotic one above `MAX_PERMUTED_OBSERVATIONS` observations, or if not ``permute``).

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
    p_chi2 = float(chdtrc(df, chi2))  # chi2.sf(chi2, df), without scipy.stats' checks
    cramers_v = math.sqrt(chi2 / (n * (min(counts.shape) - 1)))
    if n > MAX_PERMUTED_OBSERVATIONS or not permute:
        return ContingencyTest(chi2, df, n, p_chi2, p_chi2, cramers_v, "chi-square")
    exceed = _permutations_exceeding(counts, chi2, seed)
    p_value = (exceed + 1) / (PERMUTATIONS + 1)
    return ContingencyTest(chi2, df, n, p_value, p_chi2, cramers_v, "permutation")


def _permutations_exceeding(counts: np.ndarray, chi2: float, seed: int) -> int:
    """How many of `PERMUTATIONS` shuffles of the column labels give a chi-square >= chi2.

    The row labels stay fixed and the column labels are permuted among the observations, so
    both margins are kept; shuffles run in batches of whole tables, vectorised.
    """
    n_rows, n_columns = counts.shape
    rows = np.repeat(np.arange(n_rows), counts.sum(axis=1))
    columns = np.concatenate([np.repeat(np.arange(n_columns), row) for row in counts])
    rng = np.random.default_rng(seed)
    size = n_rows * n_columns
    exceed = 0
    done = 0
    batch = max(1, min(PERMUTATIONS, _BATCH_CELLS // columns.size))
    while done < PERMUTATIONS:
        todo = min(batch, PERMUTATIONS - done)
        shuffled = rng.permuted(np.broadcast_to(columns, (todo, columns.size)), axis=1)
        cells = rows * n_columns + shuffled + (np.arange(todo) * size)[:, None]
        tables = np.bincount(cells.ravel(), minlength=todo * size).reshape(todo, n_rows, -1)
        exceed += int((_chi_squares(tables) >= chi2 - 1e-9).sum())
        done += todo
    return exceed


def _chi_squares(tables: np.ndarray) -> np.ndarray:
    """Pearson's chi-square of each table in a stack (all with the same margins)."""
    expected = np.outer(tables[0].sum(axis=1), tables[0].sum(axis=0)) / tables[0].sum()
    return ((tables - expected) ** 2 / expected).sum(axis=(1, 2))


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


def jensen_shannon_rows(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """`jensen_shannon` of each row (last axis) of ``p`` with the same row of ``q`` (NaN for a
    row with no mass), vectorised for bootstrap replicates; ``p`` and ``q`` broadcast, so one
    outlet's replicates can meet a stack of other outlets' at once."""
    return jensen_shannon_between(distribution_rows(p), distribution_rows(q))


Rows = tuple[np.ndarray, np.ndarray]  # rows normalised to sum to 1, and each row's sum x log2 x


def distribution_rows(p: np.ndarray) -> Rows:
    """Each row (last axis) of ``p`` normalised to sum to 1 (NaN if it has no mass), with its
    sum of x log2 x: computed once per outlet, then met with every other outlet's."""
    rows = np.asarray(p, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):  # a row with no mass stays NaN
        rows = rows / rows.sum(axis=-1, keepdims=True)
        return rows, np.where(rows > 0, rows * np.log2(rows), rows * 0.0).sum(axis=-1)


def jensen_shannon_between(left: Rows, right: Rows) -> np.ndarray:
    """The Jensen-Shannon distance of each pair of rows of two `distribution_rows`.

    Uses JS(p, q) = (sum p log p + sum q log q) / 2 - sum m log m with m = (p + q) / 2, the
    definition regrouped, so a pair costs one logarithm per cell instead of two."""
    middle = (left[0] + right[0]) / 2
    divergence = (left[1] + right[1]) / 2 - _x_log_x(middle).sum(axis=-1)
    return np.sqrt(np.clip(divergence, 0.0, None))


def _x_log_x(x: np.ndarray) -> np.ndarray:
    """x log2 x, with 0 log 0 = 0 (and 0 for NaN: the rows' own sums carry their NaN)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(x > 0, x * np.log2(x), 0.0)


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
