"""Mergeable ratio estimates over articles with seeded Poisson bootstrap replicates.

Each measure is a ratio of sums over articles (sum of numerators / sum of denominators): a
frame's mean share (shares / framed articles), a cue rate (cues / words), the anonymous share of
sources (anonymous / attributions). Resampling articles with Poisson(1) weights that depend
only on (seed, article key) keeps the replicates mergeable (see `framing._bootstrap`).

Replicates are folded in batches: articles wait, as their few numbers, until `FOLD_AT` have
come (or the replicates are read), and only then get their weights and are added into the
replicate arrays (replicates x measures). So a group of a few articles, as most (event, outlet)
groups of a large corpus are, costs a few kilobytes instead of the arrays' hundreds, and the
arrays never cost more than 1/`FOLD_AT` of their size per article. Integer sums make the
result the same however the articles were batched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from framing._bootstrap import SCALE, poisson_weights, two_stage_means

__all__ = ["FOLD_AT", "NUMERATOR_SCALE", "ClusterMeans", "RatioSums"]

# Articles held before their replicates are computed (see the module docstring).
FOLD_AT = 256

# Numerators are stored in fixed point so that sums are exact integers; 1e6 keeps a
# million articles' weighted sums of counts far inside int64.
NUMERATOR_SCALE = 10**6

_Pending = tuple[str, np.ndarray, np.ndarray]  # (article key, numerators, denominators)


@dataclass
class RatioSums:
    """Sums of per-article numerators and denominators of several measures, with replicates.

    Measures often share a denominator (every frame share counts over framed articles), so
    ``denominator_of`` maps each measure to a denominator column, and only the distinct
    columns are summed and replicated; by default each measure has its own.
    """

    names: tuple[str, ...]
    replicates: int
    seed: int = 0
    articles: int = 0
    numerators: np.ndarray = field(default=None)  # type: ignore[assignment]
    denominators: np.ndarray = field(default=None)  # type: ignore[assignment]
    replicate_numerators: np.ndarray | None = None
    replicate_denominators: np.ndarray | None = None
    pending: list[_Pending] = field(default_factory=list)
    denominator_of: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if not self.denominator_of:
            self.denominator_of = tuple(range(len(self.names)))
        if len(self.denominator_of) != len(self.names):
            raise ValueError("denominator_of needs one column per measure")
        self._columns = np.asarray(self.denominator_of, dtype=np.intp)
        # each column's first measure, whose denominators the column keeps
        self._firsts = np.unique(self._columns, return_index=True)[1]
        if not np.array_equal(np.unique(self._columns), np.arange(len(self._firsts))):
            raise ValueError("denominator_of must number its columns 0, 1, 2, ...")
        if self.numerators is None:
            self.numerators = np.zeros(len(self.names), dtype=np.int64)
        if self.denominators is None:
            self.denominators = np.zeros(len(self._firsts), dtype=np.int64)

    def add(self, key: str, numerators: Sequence[float], denominators: Sequence[int]) -> None:
        """Add one article (``key`` is its content key, which seeds its bootstrap weights).

        Raises
        ------
        ValueError
            If two measures that share a denominator column are given different denominators.
        """
        fixed = np.rint(np.asarray(numerators, dtype=float) * NUMERATOR_SCALE).astype(np.int64)
        given = np.asarray(denominators, dtype=np.int64)
        whole = given[self._firsts]
        if not np.array_equal(whole[self._columns], given):
            raise ValueError(f"measures sharing a denominator got different ones: {given}")
        self.articles += 1
        self.numerators += fixed
        self.denominators += whole
        self.pending.append((key, fixed, whole))
        if len(self.pending) >= FOLD_AT:
            self.settle()

    def merge(self, other: RatioSums) -> RatioSums:
        """A new sum holding both; associative and commutative, the empty sum its identity."""
        if (other.names, other.replicates, other.seed, other.denominator_of) != (
            self.names,
            self.replicates,
            self.seed,
            self.denominator_of,
        ):
            raise ValueError("cannot merge ratio sums of different measures or settings")
        merged = RatioSums(
            self.names,
            self.replicates,
            self.seed,
            articles=self.articles + other.articles,
            numerators=self.numerators + other.numerators,
            denominators=self.denominators + other.denominators,
            replicate_numerators=_add(self.replicate_numerators, other.replicate_numerators),
            replicate_denominators=_add(self.replicate_denominators, other.replicate_denominators),
            pending=self.pending + other.pending,
            denominator_of=self.denominator_of,
        )
        if len(merged.pending) >= FOLD_AT:
            merged.settle()
        return merged

    def estimates(self) -> np.ndarray:
        """Each measure's ratio (NaN where its denominator is 0)."""
        return _ratio(self.numerators / NUMERATOR_SCALE, self.denominators[self._columns])

    def intervals(self, confidence: float) -> tuple[np.ndarray, np.ndarray]:
        """Percentile bootstrap bounds per measure (NaN where fewer than 2 articles count)."""
        low = np.full(len(self.names), np.nan)
        high = np.full(len(self.names), np.nan)
        ratios = self.replicate_ratios()
        if ratios is None:
            return low, high
        tail = (1 - confidence) / 2 * 100
        for index in range(len(self.names)):
            column = ratios[:, index]
            column = column[~np.isnan(column)]
            if column.size >= 2:
                low[index], high[index] = np.percentile(column, [tail, 100 - tail])
        return low, high

    def replicate_ratios(self) -> np.ndarray | None:
        """The replicates' ratios, replicates x measures (None with fewer than 2 articles)."""
        if self.articles < 2:
            return None
        self.settle()
        return _ratio(
            self.replicate_numerators / NUMERATOR_SCALE,
            self.replicate_denominators[:, self._columns],  # type: ignore[index]
        )

    def settle(self) -> None:
        """Fold the pending articles into the replicate arrays (the result is the same)."""
        if not self.pending:
            return
        numerators = np.zeros((self.replicates, len(self.names)), dtype=np.int64)
        denominators = np.zeros((self.replicates, len(self._firsts)), dtype=np.int64)
        for key, fixed, whole in self.pending:
            weights = poisson_weights(self.seed, key, (self.replicates, 1)).astype(np.int64)
            numerators += weights * fixed
            denominators += weights * whole
        self.replicate_numerators = _add(self.replicate_numerators, numerators)
        self.replicate_denominators = _add(self.replicate_denominators, denominators)
        self.pending = []


@dataclass
class ClusterMeans:
    """Two-stage bootstrap replicates of a mean over clusters (articles) of units (sentences,
    mentions): per replicate, the summed weight of the clusters and their weighted means, in
    fixed point (`SCALE`). Clusters wait as their values until `FOLD_AT` have come."""

    replicates: int
    seed: int = 0
    weights: np.ndarray | None = None
    sums: np.ndarray | None = None
    pending: list[tuple[str, np.ndarray]] = field(default_factory=list)

    def add(self, key: str, values: Sequence[float]) -> None:
        """Add one cluster's values; ``key`` (hex) seeds its weights."""
        self.pending.append((key, np.asarray(values, dtype=float)))
        if len(self.pending) >= FOLD_AT:
            self.settle()

    def absorb(self, other: ClusterMeans) -> None:
        """Add ``other`` into this one in place."""
        if (other.replicates, other.seed) != (self.replicates, self.seed):
            raise ValueError("cannot merge replicates of different settings")
        self.weights = _add(self.weights, other.weights)
        self.sums = _add(self.sums, other.sums)
        self.pending = self.pending + other.pending
        if len(self.pending) >= FOLD_AT:
            self.settle()

    def replicate_sums(self) -> tuple[np.ndarray, np.ndarray]:
        """(weighted sums of cluster means, summed cluster weights) per replicate. Read
        without folding the waiting clusters in, so a report that reads every actor once does
        not leave their arrays behind."""
        weights, sums = self._pending_sums()
        return _add(self.sums, sums), _add(self.weights, weights)

    def settle(self) -> None:
        """Fold the pending clusters into the replicate sums (the result is the same)."""
        if not self.pending:
            return
        weights, sums = self._pending_sums()
        self.weights = _add(self.weights, weights)
        self.sums = _add(self.sums, sums)
        self.pending = []

    def _pending_sums(self) -> tuple[np.ndarray, np.ndarray]:
        weights = np.zeros(self.replicates, dtype=np.int64)
        sums = np.zeros(self.replicates, dtype=np.int64)
        for key, values in self.pending:
            cluster, means = two_stage_means(values, self.seed, key, self.replicates)
            whole = cluster.astype(np.int64)
            weights += whole
            sums += whole * np.rint(means * SCALE).astype(np.int64)
        return weights, sums


def _add(left: np.ndarray | None, right: np.ndarray | None) -> np.ndarray | None:
    if left is None:
        return right
    if right is None:
        return left
    return left + right


def _ratio(numerators: np.ndarray, denominators: np.ndarray) -> np.ndarray:
    return np.divide(
        numerators,
        denominators,
        out=np.full(np.shape(numerators), np.nan),
        where=denominators > 0,
    )
