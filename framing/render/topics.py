"""Topics found without a codebook: each topic's words and sentences, then outlet shares."""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from framing.corpus.accounting import Accounting
from framing.topics import Topic, TopicModel

__all__ = ["TopicsView", "topics_to_dict"]

_SENTENCE_CHARS = 160
# Outlet columns fold their names to this width so six outlets and the labels fit 100 columns.
_SHARE_WIDTH = 9


class TopicsView:
    """Renders a TopicModel: each topic with its typical sentences, then a table of outlet
    shares (rows topics, columns outlets). Article text is shown as plain text, never markup.
    """

    def __init__(self, model: TopicModel, *, sentence_chars: int = _SENTENCE_CHARS) -> None:
        self.model = model
        self.sentence_chars = sentence_chars

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        model = self.model
        yield Text(
            f"{len(model.topics)} topics in {model.sentences:,} sentences of "
            f"{model.articles:,} articles ({model.vocabulary:,} terms, seed "
            f"{model.settings['seed']})",
            style="bold",
        )
        for topic in model.topics:
            yield from self._topic(topic)
        yield Text()
        yield _share_table(model)
        if model.unassigned:
            yield Text(
                f"{len(model.unassigned)} articles have no modelled word and are left out of "
                f"the shares: {', '.join(model.unassigned)}",
                style="yellow",
            )

    def _topic(self, topic: Topic) -> RenderResult:
        yield Text()
        yield Text.assemble(
            (f"Topic {topic.id}: ", "bold"),
            (topic.label, "bold cyan"),
            (f"  ({topic.prevalence:.0%} of sentence weight)", "dim"),
        )
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=3, justify="right")
        grid.add_column(ratio=1)
        for sentence in topic.sentences:
            grid.add_row(
                Text("-"),
                Text.assemble(
                    _truncate(sentence.text, self.sentence_chars),
                    "\n",
                    (f"{sentence.outlet} ({sentence.article_id})", "dim"),
                ),
            )
        yield grid


def topics_to_dict(model: TopicModel, accounting: Accounting | None = None) -> dict[str, Any]:
    """The topic model as plain data; each outlet's ``shares`` is in the order of ``topics``.

    Parameters
    ----------
    model : TopicModel
    accounting : Accounting, optional
        How the corpus was loaded; included as ``accounting`` when given.
    """
    document: dict[str, Any] = {
        "settings": model.settings,
        "articles": model.articles,
        "sentences": model.sentences,
        "vocabulary": model.vocabulary,
        "topics": [
            {
                "id": topic.id,
                "label": topic.label,
                "prevalence": topic.prevalence,
                "leading_outlet": topic.leading_outlet,
                "words": [{"word": w.word, "weight": w.weight} for w in topic.words],
                "sentences": [
                    {
                        "text": s.text,
                        "article_id": s.article_id,
                        "outlet": s.outlet,
                        "weight": s.weight,
                    }
                    for s in topic.sentences
                ],
            }
            for topic in model.topics
        ],
        "outlets": {
            o.outlet: {
                "articles": o.articles,
                "unassigned": o.unassigned,
                "shares": list(o.shares) if o.shares is not None else None,
            }
            for o in model.outlets
        },
        "unassigned": list(model.unassigned),
    }
    if accounting is not None:
        document["accounting"] = accounting.to_dict()
    return document


def _share_table(model: TopicModel) -> Table:
    table = Table(title="Outlet shares of each topic", title_justify="left")
    table.add_column("Topic")
    for outlet in model.outlets:
        table.add_column(Text(outlet.outlet), justify="right", overflow="fold", width=_SHARE_WIDTH)
    for index, topic in enumerate(model.topics):
        cells = [Text(f"{topic.id} {topic.label}", no_wrap=True, overflow="ellipsis")]
        for outlet in model.outlets:
            if outlet.shares is None:
                cells.append(Text("n/a"))
            elif outlet.outlet == topic.leading_outlet:
                cells.append(Text(f"* {outlet.shares[index]:.0%}", style="bold green"))
            else:
                cells.append(Text(f"{outlet.shares[index]:.0%}"))
        table.add_row(*cells)
    table.caption = Text(
        "Mean share of each outlet's articles' topic weight; * marks the topic's leading "
        "outlet. NMF topics (Lee and Seung 1999) are word clusters, not frames: read the "
        "sentences before naming one."
    )
    return table


def _truncate(text: str, limit: int) -> str:
    """``text`` cut at the last space that leaves it at most ``limit`` characters with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
