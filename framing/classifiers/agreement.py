"""Krippendorff's alpha: chance-corrected agreement between two codings of the same units."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

__all__ = ["krippendorff_alpha_nominal"]


def krippendorff_alpha_nominal(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """Krippendorff's alpha for nominal codes from two coders with no missing values.

    alpha = 1 - D_o / D_e, from the coincidence matrix of the two codings (Krippendorff 2011,
    "Computing Krippendorff's alpha-reliability"). 1 is perfect agreement, 0 is chance level.

    Parameters
    ----------
    first, second : Sequence
        The two coders' codes, one per unit, in the same order.

    Returns
    -------
    float
        Alpha; NaN when only one value occurs at all (agreement is then undefined).

    Examples
    --------
    >>> a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    >>> b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    >>> round(krippendorff_alpha_nominal(a, b), 3)
    0.095
    """
    if len(first) != len(second):
        raise ValueError(f"the codings differ in length: {len(first)} and {len(second)}")
    disagreements = 2 * sum(1 for a, b in zip(first, second, strict=True) if a != b)
    totals = Counter(first) + Counter(second)
    n = sum(totals.values())
    expected = n * n - sum(count * count for count in totals.values())
    if expected == 0:
        return float("nan")
    return 1.0 - (n - 1) * disagreements / expected
