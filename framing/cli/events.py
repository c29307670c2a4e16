"""``framing events``: group the articles of many outlets into events."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from framing.cli import main
from framing.cli._models import report_accounting
from framing.cli._options import corpus_limits, corpus_options, event_options, json_option
from framing.cli._progress import counting_progress
from framing.corpus import CorpusError
from framing.corpus.accounting import Accounting
from framing.corpus.fields import parse_field_options
from framing.corpus.write import write_jsonl
from framing.demo import demo_corpus_path
from framing.pipeline import group_corpus, read_articles
from framing.render.events import EventsView, grouping_to_dict


@main.command(name="events")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@event_options
@json_option
@click.option(
    "--write",
    "write_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write the corpus, with each article's event filled in, to DIR/articles.jsonl.",
)
@click.option(
    "--top",
    type=click.IntRange(1),
    default=30,
    show_default=True,
    help="Events listed in the table.",
)
@corpus_options
def events_command(
    path: Path | None,
    threshold: float,
    window: int,
    as_json: bool,
    write_dir: Path | None,
    top: int,
    fields: tuple[str, ...],
    strict: bool,
) -> None:
    """Group the articles of PATH (the demo corpus if omitted) into events: the same story
    across outlets, by the similarity of titles and leads within a time window. Any event field
    in the corpus is ignored."""
    corpus = path if path is not None else demo_corpus_path()
    try:
        mapping = parse_field_options(fields)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--field") from None
    try:
        with counting_progress("Reading and grouping", "articles") as advance:
            grouping, accounting = group_corpus(
                corpus,
                fields=mapping,
                strict=strict,
                limits=corpus_limits(),
                threshold=threshold,
                window_days=window,
                on_article=advance,
            )
        if write_dir is not None:
            events = grouping.event_of()
            again = read_articles(
                corpus, Accounting(), fields=mapping, events=events, limits=corpus_limits()
            )
            written = write_jsonl(again, write_dir / "articles.jsonl")
    except CorpusError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write {error.filename}: {error.strerror}") from None
    if as_json:
        click.echo(json.dumps(grouping_to_dict(grouping), ensure_ascii=False, indent=2))
    else:
        Console().print(EventsView(grouping, top=top))
    report_accounting(accounting)
    if grouping.undated:
        click.echo(
            f"Warning: {grouping.undated:,} of {grouping.articles:,} articles have no date; "
            "they were grouped on their text alone.",
            err=True,
        )
    if write_dir is not None:
        click.echo(f"Wrote {written:,} articles with their events to {write_dir}.", err=True)
