"""Mergeable ratio estimates over articles with seeded Poisson bootstrap replicates.

Each measure is a ratio of sums over articles (sum of numerators / sum of denominators): a
frame's mean share (shares / framed articles), a cue rate (cues / words), the anonymous share of
sources (anonymous / attributions). Resampling articles with Poisson(1) weights that depend
only on (seed, article key) keeps the replicates mergeable (see `framing._bootstrap`).

Replicate arrays are made only once a group holds a second article: most (event, outlet)
groups of a large corpus hold one, and one article has no article-level interval anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from framing._bootstrap import poisson_weights

__all__ = ["NUMERATOR_SCALE", "RatioSums"]

# Numerators are stored in fixed point so that sums are exact integers; 1e6 keeps a
# million articles' weighted sums of counts far inside int64.
NUMERATOR_SCALE = 10**6

_Pending = tuple[str, np.ndarray, np.ndarray]  # (article key, numerators, denominators)


@dataclass
class RatioSums:
    """Sums of per-article numerators and denominators of several measures, with replicates."""

    names: tuple[str, ...]
    replicates: int
    seed: int = 0
    articles: int = 0
    numerators: np.ndarray = field(default=None)  # type: ignore[assignment]
    denominators: np.ndarray = field(default=None)  # type: ignore[assignment]
    replicate_numerators: np.ndarray | None = None
    replicate_denominators: np.ndarray | None = None
    pending: tuple[_Pending, ...] = ()

    def __post_init__(self) -> None:
        if self.numerators is None:
            self.numerators = np.zeros(len(self.names), dtype=np.int64)
        if self.denominators is None:
            self.denominators = np.zeros(len(self.names), dtype=np.int64)

    def add(self, key: str, numerators: Sequence[float], denominators: Sequence[int]) -> None:
        """Add one article (``key`` is its content key, which seeds its bootstrap weights)."""
        fixed = np.rint(np.asarray(numerators, dtype=float) * NUMERATOR_SCALE).astype(np.int64)
        whole = np.asarray(denominators, dtype=np.int64)
        self.articles += 1
        self.numerators += fixed
        self.denominators += whole
        self.pending = (*self.pending, (key, fixed, whole))
        self._materialise()

    def merge(self, other: RatioSums) -> RatioSums:
        """A new sum holding both; associative and commutative, the empty sum its identity."""
        if (other.names, other.replicates, other.seed) != (self.names, self.replicates, self.seed):
            raise ValueError("cannot merge ratio sums of different measures or settings")
        merged = RatioSums(
            self.names,
            self.replicates,
            self.seed,
            self.articles + other.articles,
            self.numerators + other.numerators,
            self.denominators + other.denominators,
            _add(self.replicate_numerators, other.replicate_numerators),
            _add(self.replicate_denominators, other.replicate_denominators),
            self.pending + other.pending,
        )
        merged._materialise()
        return merged

    def estimates(self) -> np.ndarray:
        """Each measure's ratio (NaN where its denominator is 0)."""
        return _ratio(self.numerators / NUMERATOR_SCALE, self.denominators)

    def intervals(self, confidence: float) -> tuple[np.ndarray, np.ndarray]:
        """Percentile bootstrap bounds per measure (NaN where fewer than 2 articles count)."""
        low = np.full(len(self.names), np.nan)
        high = np.full(len(self.names), np.nan)
        if self.replicate_numerators is None or self.replicate_denominators is None:
            return low, high
        ratios = _ratio(self.replicate_numerators / NUMERATOR_SCALE, self.replicate_denominators)
        tail = (1 - confidence) / 2 * 100
        for index in range(len(self.names)):
            column = ratios[:, index]
            column = column[~np.isnan(column)]
            if column.size >= 2:
                low[index], high[index] = np.percentile(column, [tail, 100 - tail])
        return low, high

    def replicate_ratios(self) -> np.ndarray | None:
        """The replicates' ratios, replicates x measures (None before a second article)."""
        if self.replicate_numerators is None or self.replicate_denominators is None:
            return None
        return _ratio(self.replicate_numerators / NUMERATOR_SCALE, self.replicate_denominators)

    def _materialise(self) -> None:
        """Fold pending articles into the replicate arrays once there are two or more."""
        if self.articles < 2 or not self.pending:
            return
        shape = (self.replicates, len(self.names))
        numerators = np.zeros(shape, dtype=np.int64)
        denominators = np.zeros(shape, dtype=np.int64)
        for key, fixed, whole in self.pending:
            weights = poisson_weights(self.seed, key, (self.replicates, 1)).astype(np.int64)
            numerators += weights * fixed
            denominators += weights * whole
        self.replicate_numerators = _add(self.replicate_numerators, numerators)
        self.replicate_denominators = _add(self.replicate_denominators, denominators)
        self.pending = ()


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
