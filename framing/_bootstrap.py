"""Poisson bootstrap weights that depend only on (seed, item key), so resampling streams.

Each replicate gives every item an independent Poisson(1) weight, which approximates the
classical multinomial bootstrap for all but tiny samples (Hanley and MacGibbon 2006). Because
an item's weights depend on nothing but its key and the seed, partial aggregates computed in any
order, on any number of workers, merge to the same replicates.
"""

from __future__ import annotations

import numpy as np

DEFAULT_REPLICATES = 1000
# Real values are summed in fixed point at this resolution (1e-9), so sums are exact.
SCALE = 10**9


def poisson_weights(seed: int, key: str, shape: tuple[int, ...]) -> np.ndarray:
    """Poisson(1) weights of the given shape for the item with hex ``key``."""
    rng = np.random.default_rng([seed, int(key[:16], 16), int(key[16:32] or "0", 16)])
    return rng.poisson(1.0, size=shape)


def two_stage_means(
    values: np.ndarray, seed: int, key: str, replicates: int
) -> tuple[np.ndarray, np.ndarray]:
    """Replicates of one cluster's mean, for a two-stage (cluster, then unit) bootstrap.

    Returns the cluster's weight in each replicate and its resampled mean (0 where weight is 0).
    Resampling units within the cluster keeps an interval from collapsing when a group has a
    single cluster (Davison and Hinkley 1997, section 3.8).
    """
    weights = poisson_weights(seed, key, (replicates, values.size + 1))
    cluster_weight = weights[:, 0].astype(float)
    unit_weights = weights[:, 1:]
    unit_total = unit_weights.sum(axis=1)
    sums = unit_weights @ values
    means = np.divide(sums, unit_total, out=np.zeros(replicates), where=unit_total > 0)
    cluster_weight[unit_total == 0] = 0.0
    return cluster_weight, means
