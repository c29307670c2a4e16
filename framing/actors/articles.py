"""Per-article figures for one actor: mentions, sentiment shares, mean score, labels."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from framing.actors.gazetteer import actor_key
from framing.actors.portrayal import SENTIMENT_LABELS, ScoredMention
from framing.actors.resolve import merge_map
from framing.analysers import ArticleAnalysis

__all__ = ["ActorNotFound", "ArticlePortrayal", "all_portrayals", "portrayals", "select_actor"]


class ActorNotFound(LookupError):
    """The actor asked for is not mentioned; the message names the most mentioned ones."""


@dataclass(frozen=True)
class ArticlePortrayal:
    """How one article portrays one actor."""

    article_id: str
    outlet: str
    title: str
    actor: str
    key: str
    kind: str
    mentions: int
    shares: dict[str, float]
    score: float
    labels: tuple[tuple[str, str, int], ...]


def portrayals(analysis: ArticleAnalysis) -> list[ArticlePortrayal]:
    """One record per actor the article mentions."""
    by_key: dict[str, list[ScoredMention]] = {}
    for scored in analysis.mentions:
        by_key.setdefault(scored.mention.key, []).append(scored)
    article = analysis.article
    records = []
    for key, mentions in by_key.items():
        labels = Counter((label.kind, label.text) for m in mentions for label in m.labels)
        counts = Counter(m.label for m in mentions)
        records.append(
            ArticlePortrayal(
                article_id=article.id,
                outlet=article.outlet,
                title=article.title,
                actor=mentions[0].mention.actor,
                key=key,
                kind=mentions[0].mention.kind,
                mentions=len(mentions),
                shares={label: counts[label] / len(mentions) for label in SENTIMENT_LABELS},
                score=sum(m.score for m in mentions) / len(mentions),
                labels=tuple((k, t, c) for (k, t), c in labels.most_common()),
            )
        )
    return records


def select_actor(records: Sequence[ArticlePortrayal], name: str) -> list[ArticlePortrayal]:
    """The records of the actor called ``name`` (any spelling, or a last name that identifies
    one person in the corpus), in corpus order.

    Raises `ActorNotFound` naming the five most mentioned actors when none matches.
    """
    kinds = {r.key: r.kind for r in records}
    mentions: Counter[str] = Counter()
    for record in records:
        mentions[record.key] += record.mentions
    asked = actor_key(name)
    kinds.setdefault(asked, "person")  # a last name asked for may occur only inside full names
    merged = merge_map(kinds, mentions)
    wanted = merged[asked]
    chosen = [r for r in records if merged.get(r.key, r.key) == wanted]
    if not chosen:
        totals: Counter[str] = Counter()
        for record in records:
            totals[record.actor] += record.mentions
        common = ", ".join(actor for actor, _ in totals.most_common(5)) or "none"
        raise ActorNotFound(f"actor {name!r} is not mentioned; the most mentioned are: {common}")
    return chosen


def all_portrayals(analyses: Iterable[ArticleAnalysis]) -> list[ArticlePortrayal]:
    """The records of every article, in corpus order."""
    return [record for analysis in analyses for record in portrayals(analysis)]
