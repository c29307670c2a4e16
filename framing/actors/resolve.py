"""Link actors across a corpus: a person named by last name only, to the one full name."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["merge_map"]


DOMINANT_SHARE = 0.75


def merge_map(
    kinds: Mapping[str, str], mentions: Mapping[str, int] | None = None
) -> dict[str, str]:
    """Which actor key each key stands for, corpus-wide.

    ``kinds`` maps every actor key seen to its kind, ``mentions`` to its number of mentions.
    A one-word key ("maduro") whose word is the last name of multi-word person keys is mapped
    to the one such person, or to the one holding at least 75% of their mentions ("trump" to
    "donald trump" beside a rarely named "ivanka trump"); otherwise it stays unresolved. Full
    names that differ only by a middle initial ("donald j. trump") map to the plain form when
    it occurs. Every other key maps to itself.
    """
    mentions = mentions or {}
    plain = {_without_initials(key): key for key in kinds if _without_initials(key) == key}
    mapping = {key: plain.get(_without_initials(key), key) for key in kinds}
    by_last_name: dict[str, set[str]] = {}
    for key, kind in kinds.items():
        words = mapping[key].split()
        if kind == "person" and len(words) > 1:
            by_last_name.setdefault(words[-1], set()).add(mapping[key])
    # Mentions per full name (a one-word key never maps to another one-word key's person,
    # so counting before the loop below equals counting inside it, without its n x m cost).
    totals: dict[str, int] = {}
    for key, n in mentions.items():
        full = mapping.get(key, key)
        totals[full] = totals.get(full, 0) + n
    for key, kind in kinds.items():
        if len(key.split()) != 1 or kind not in ("person", "other"):
            continue
        people = sorted(by_last_name.get(key, ()))
        if len(people) == 1:
            mapping[key] = people[0]
        elif people:
            counts = {p: totals.get(p, 0) for p in people}
            best = max(people, key=lambda p: (counts[p], p))
            if counts[best] and counts[best] >= DOMINANT_SHARE * sum(counts.values()):
                mapping[key] = best
    return mapping


def _without_initials(key: str) -> str:
    """The name without single-letter middle initials: "donald j. trump" -> "donald trump"."""
    words = key.split()
    if len(words) <= 2:
        return key
    middle = [w for w in words[1:-1] if len(w.rstrip(".")) > 1]
    return " ".join([words[0], *middle, words[-1]])
