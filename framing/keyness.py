"""Fightin' Words between two outlets, or one outlet and the rest: unigrams and bigrams.

The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn
2008), z-scored, in both directions, over content words (stop words and numbers left out); the
prior is the pooled counts of the two sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.aggregate import CorpusAggregate, OutletAggregate
from framing.terms import DistinctiveWord, TermCounts, TermTable, distinctive_terms

__all__ = ["REST", "EventNotFound", "Keyness", "OutletNotFound", "keyness"]

REST = "all other outlets"
DEFAULT_TOP = 20


class OutletNotFound(LookupError):
    """An outlet asked for is not in the corpus (or the event); names the ones that are."""

    def __init__(self, outlet: str, known: list[str], scope: str = "the corpus") -> None:
        self.outlet = outlet
        self.known = known
        listed = ", ".join(known) if known else "(none)"
        super().__init__(f"outlet {outlet!r} is not in {scope}; its outlets are: {listed}")


class EventNotFound(LookupError):
    """An event asked for is not in the corpus; names the ones that are."""

    def __init__(self, event: str, known: list[str | None]) -> None:
        listed = ", ".join(str(name) for name in known if name is not None) or "(none given)"
        super().__init__(f"event {event!r} is not in the corpus; its events are: {listed}")


@dataclass(frozen=True)
class Side:
    """One side of a keyness comparison: its name, size, and the terms it over-uses."""

    name: str
    articles: int
    tokens: int
    bigrams: int
    words: tuple[DistinctiveWord, ...]
    phrases: tuple[DistinctiveWord, ...]


@dataclass(frozen=True)
class Keyness:
    """Terms over-used by each side relative to the other, most distinctive first."""

    a: Side
    b: Side
    event: str | None
    min_count: int


def keyness(
    aggregate: CorpusAggregate,
    a: str,
    b: str | None = None,
    *,
    event: str | None = None,
    top: int = DEFAULT_TOP,
    min_count: int = 2,
) -> Keyness:
    """Compare outlet ``a`` with outlet ``b`` (or, if None, every other outlet).

    ``event`` limits both sides to one event's articles. Raises `OutletNotFound` for an outlet
    the corpus (or event) does not have, `EventNotFound` for an unknown event, and
    ValueError when ``a`` and ``b`` are the same.
    """
    if event is not None and event not in aggregate.events():
        raise EventNotFound(event, aggregate.events())
    outlets = aggregate.outlets() if event is None else aggregate.outlets_in(event)
    scope = "the corpus" if event is None else f"event {event!r}"
    for name in (a, b):
        if name is not None and name not in outlets:
            raise OutletNotFound(name, list(outlets), scope)
    if a == b:
        raise ValueError("--a and --b name the same outlet: compare two different outlets")
    others = [outlet for name, outlet in outlets.items() if name != a and (b is None or name == b)]
    if not others:
        raise OutletNotFound(b or REST, [name for name in outlets if name != a], scope)
    other = others[0]
    for more in others[1:]:
        other = other.merge(more)
    first = outlets[a]
    table = aggregate.terms
    return Keyness(
        a=_side(a, first, other, table, top, min_count),
        b=_side(b or REST, other, first, table, top, min_count),
        event=event,
        min_count=min_count,
    )


def _side(
    name: str,
    ours: OutletAggregate,
    theirs: OutletAggregate,
    table: TermTable,
    top: int,
    min_count: int,
) -> Side:
    return Side(
        name=name,
        articles=ours.articles,
        tokens=ours.word_counts.total(),
        bigrams=ours.bigram_counts.total(),
        words=_over_used(ours.word_counts, theirs.word_counts, table, top, min_count),
        phrases=_over_used(ours.bigram_counts, theirs.bigram_counts, table, top, min_count),
    )


def _over_used(
    ours: TermCounts, theirs: TermCounts, table: TermTable, top: int, min_count: int
) -> tuple[DistinctiveWord, ...]:
    return tuple(distinctive_terms(ours, theirs, table, top=top, min_count=min_count))
