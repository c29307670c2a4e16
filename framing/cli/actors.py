"""``framing actors``: who the articles talk about, by outlet, and how one actor is portrayed."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from framing.actors.articles import ActorNotFound, all_portrayals, select_actor
from framing.cli import main
from framing.cli._models import report_accounting
from framing.cli._options import (
    actors_option,
    corpus_limits,
    corpus_options,
    json_option,
    read_actor_list,
)
from framing.corpus import CorpusError
from framing.corpus.accounting import Accounting
from framing.corpus.fields import parse_field_options
from framing.demo import demo_corpus_path
from framing.pipeline import AnalysisOptions, analyse_corpus, compare_corpus
from framing.render.actors import ActorArticlesView, ProminenceView, portrayals_to_list
from framing.render.json import actors_to_list


@main.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@actors_option
@click.option("--actor", "actor_name", help="Show this actor's portrayal article by article.")
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="Actors listed.")
@json_option
@corpus_options
def actors(
    path: Path | None,
    actors_path: Path | None,
    actor_name: str | None,
    top: int,
    as_json: bool,
    fields: tuple[str, ...],
    strict: bool,
) -> None:
    """List the actors of PATH (the demo corpus if omitted) by prominence per outlet.

    Actors are people, organisations and countries, found automatically or from --actors;
    mentions of one actor ("Nicolás Maduro", "Maduro", "Mr. Maduro") are linked. With
    --actor NAME, shows each article's mentions of that actor, its negative, neutral and
    positive shares, mean sentiment score and the labels used for it.
    """
    corpus = path if path is not None else demo_corpus_path()
    try:
        mapping = parse_field_options(fields)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--field") from None
    options = AnalysisOptions(actors=read_actor_list(actors_path))
    accounting = Accounting()
    try:
        if actor_name is None:
            comparison = compare_corpus(
                corpus,
                fields=mapping,
                strict=strict,
                limits=corpus_limits(),
                options=options,
            )
            accounting = comparison.accounting
            found = comparison.overall.actors
            if as_json:
                document = {"accounting": accounting.to_dict(), "actors": actors_to_list(found)}
                click.echo(json.dumps(document, ensure_ascii=False, indent=2))
            else:
                Console().print(ProminenceView(found, list(comparison.overall.outlets), top=top))
        else:
            analyses = analyse_corpus(
                corpus,
                accounting,
                fields=mapping,
                strict=strict,
                limits=corpus_limits(),
                options=options,
            )
            records = select_actor(all_portrayals(analyses), actor_name)
            if as_json:
                document = {
                    "actor": records[0].actor,
                    "accounting": accounting.to_dict(),
                    "articles": portrayals_to_list(records),
                }
                click.echo(json.dumps(document, ensure_ascii=False, indent=2))
            else:
                Console().print(ActorArticlesView(records[0].actor, records))
    except ActorNotFound as error:
        raise click.ClickException(f"{corpus}: {error}") from None
    except CorpusError as error:
        raise click.ClickException(str(error)) from None
    report_accounting(accounting)
