"""``framing topics``: topics found without a codebook, and each outlet's share of them."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from framing.cli import main
from framing.cli._models import read_corpus, report_accounting
from framing.cli._options import corpus_options, json_option
from framing.demo import demo_corpus_path
from framing.render.topics import TopicsView, topics_to_dict
from framing.topics import find_topics


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

    Fits NMF on the TF-IDF of every sentence and prints each topic's top words and most
    typical sentences, then each outlet's share of each topic. Topics are clusters of words,
    not frames: read the sentences before naming one. Skipped inputs are reported on stderr.
    """
    corpus = read_corpus(path if path is not None else demo_corpus_path(), fields, strict)
    try:
        model = find_topics(corpus.articles, k=k, seed=seed, top_words=top_words)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        document = topics_to_dict(model, corpus.accounting)
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        Console().print(TopicsView(model))
    report_accounting(corpus.accounting)
