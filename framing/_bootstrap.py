"""Poisson bootstrap weights that depend only on (seed, item key), so resampling streams.

Each replicate gives every item an independent Poisson(1) weight, which approximates the
classical multinomial bootstrap for all but tiny samples (Hanley and MacGibbon 2006). Because
an item's weights depend on nothing but its key and the seed, partial aggregates computed in any
order, on any number of workers, merge to the same replicates.
"""

from __future__ import annotations

import numpy as np

DEFAULT_REPLICATES = 1000


def item_rng(seed: int, key: str, stream: int = 0) -> np.random.Generator:
    """The random generator of the item with hex ``key``; ``stream`` tells apart independent
    uses of one item (an article's tone and its actors)."""
    seeds = [seed, int(key[:16], 16), int(key[16:32] or "0", 16)]
    return np.random.default_rng([*seeds, stream] if stream else seeds)


def poisson_weights(seed: int, key: str, shape: tuple[int, ...]) -> np.ndarray:
    """Poisson(1) weights of the given shape for the item with hex ``key``."""
    return item_rng(seed, key).poisson(1.0, size=shape)


def two_stage_means(
    values: np.ndarray,
    seed: int,
    key: str,
    replicates: int,
    rng: np.random.Generator | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Replicates of one cluster's mean, for a two-stage (cluster, then unit) bootstrap.

    Returns the cluster's weight in each replicate and its resampled mean (0 where weight is 0).
    Resampling units within the cluster keeps an interval from collapsing when a group has a
    single cluster (Davison and Hinkley 1997, section 3.8). ``rng``, if given, draws instead
    of the item's own generator (several clusters of one item share one, in a fixed order).
    """
    shape = (replicates, values.size + 1)
    weights = (rng or item_rng(seed, key)).poisson(1.0, size=shape)
    cluster_weight = weights[:, 0].astype(float)
    unit_weights = weights[:, 1:]
    unit_total = unit_weights.sum(axis=1)
    sums = unit_weights @ values
    means = np.divide(sums, unit_total, out=np.zeros(replicates), where=unit_total > 0)
    cluster_weight[unit_total == 0] = 0.0
    return cluster_weight, means
