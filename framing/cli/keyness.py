"""``framing keyness``: the words and phrases one outlet over-uses relative to another."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from framing.cli import main
from framing.cli._models import report_accounting
from framing.cli._options import (
    corpus_limits,
    corpus_options,
    engine_options,
    engine_settings,
    json_option,
)
from framing.cli._progress import counting_progress
from framing.corpus import CorpusError
from framing.corpus.fields import parse_field_options
from framing.demo import demo_corpus_path
from framing.keyness import DEFAULT_TOP, EventNotFound, OutletNotFound, keyness
from framing.pipeline import AnalysisOptions, aggregate_corpus
from framing.render.json import keyness_to_dict
from framing.render.keyness import KeynessView
from framing.resources import ResourceMissing


@main.command(name="keyness")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--a", "outlet_a", required=True, metavar="OUTLET", help="The outlet to profile.")
@click.option(
    "--b",
    "outlet_b",
    metavar="OUTLET",
    help="The outlet to compare it with; all other outlets together if omitted.",
)
@click.option("--event", help="Only the articles of this event.")
@click.option(
    "--top",
    type=click.IntRange(1, 1000),
    default=DEFAULT_TOP,
    show_default=True,
    help="Terms listed per side and kind.",
)
@click.option(
    "--min-count",
    type=click.IntRange(1),
    default=2,
    show_default=True,
    help="Leave out terms a side uses fewer times than this.",
)
@json_option
@engine_options
@corpus_options
def keyness_command(
    path: Path | None,
    outlet_a: str,
    outlet_b: str | None,
    event: str | None,
    top: int,
    min_count: int,
    as_json: bool,
    fields: tuple[str, ...],
    strict: bool,
) -> None:
    """Words and two-word phrases that distinguish outlet --a from --b (or from all others)
    in PATH (the demo corpus if omitted): Fightin' Words log-odds z-scores, both directions."""
    corpus = path if path is not None else demo_corpus_path()
    try:
        with counting_progress("Reading and analysing", "articles") as advance:
            aggregate, accounting = aggregate_corpus(
                corpus,
                fields=parse_field_options(fields),
                strict=strict,
                limits=corpus_limits(),
                options=AnalysisOptions(find_actors=False),
                keep_articles=False,
                **engine_settings(),
                on_article=advance,
            )
        result = keyness(aggregate, outlet_a, outlet_b, event=event, top=top, min_count=min_count)
    except OutletNotFound as error:
        raise click.ClickException(f"{error}. Spell it as listed (case matters)") from None
    except EventNotFound as error:
        raise click.ClickException(f"{error}. Spell it as listed") from None
    except (CorpusError, ResourceMissing) as error:
        raise click.ClickException(str(error)) from None
    except ValueError as error:
        if "same outlet" in str(error):
            raise click.UsageError(str(error)) from None
        raise click.BadParameter(str(error), param_hint="--field") from None
    if as_json:
        click.echo(json.dumps(keyness_to_dict(result), ensure_ascii=False, indent=2))
    else:
        Console().print(KeynessView(result))
    report_accounting(accounting)
