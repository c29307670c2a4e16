"""``framing topics``: topics found without a codebook, and each outlet's share of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from framing.article import Article
from framing.cli import main
from framing.cli._models import report_accounting
from framing.cli._options import corpus_limits, corpus_options, json_option
from framing.corpus import CorpusError
from framing.corpus.accounting import Accounting
from framing.corpus.fields import parse_field_options
from framing.demo import demo_corpus_path
from framing.pipeline import read_articles
from framing.render.topics import TopicsView, topics_to_dict
from framing.topics import find_topics_streamed


@main.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@corpus_options
@click.option(
    "-k",
    "--topics",
    "k",
    type=click.IntRange(min=2),
    default=5,
    show_default=True,
    help="Number of topics to find.",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed of the NMF initialisation."
)
@click.option(
    "--top-words",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    help="Words kept per topic.",
)
@json_option
def topics(
    path: Path | None,
    fields: tuple[str, ...],
    strict: bool,
    k: int,
    seed: int,
    top_words: int,
    as_json: bool,
) -> None:
    """Find K topics in PATH (a corpus file or folder; the demo corpus if omitted).

    Fits NMF on the TF-IDF of every sentence (of a fixed sample of 200,000 on larger corpora)
    and prints each topic's top words and most typical sentences, then each outlet's share of
    each topic over all its articles. The corpus is read twice, never held in memory. Topics
    are clusters of words, not frames: read the sentences before naming one. Skipped inputs
    are reported on stderr.
    """
    corpus = path if path is not None else demo_corpus_path()
    try:
        mapping = parse_field_options(fields)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--field") from None
    limits = corpus_limits()
    accounting = Accounting()
    readings = 0

    def articles() -> Iterator[Article]:
        # The first reading records the load; the second reads the same inputs again.
        nonlocal readings
        readings += 1
        record = accounting if readings == 1 else Accounting()
        return read_articles(corpus, record, fields=mapping, strict=strict, limits=limits)

    try:
        model = find_topics_streamed(articles, k=k, seed=seed, top_words=top_words)
    except (CorpusError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        document = topics_to_dict(model, accounting)
        document["fit"] = model.fit
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        Console().print(TopicsView(model))
        if model.sampled:
            Console().print(Text(f"NMF was {model.fit}.", style="yellow"))
    report_accounting(accounting)
