"""``framing suggest``: the uncoded units a model is least sure about, to code next."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from framing.classifiers.active import least_certain
from framing.cli import main
from framing.cli._models import read_corpus, read_model, report_accounting
from framing.cli._options import corpus_options, json_option, model_option
from framing.render.scheme import SuggestionView


@main.command()
@model_option
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "-n",
    "count",
    type=click.IntRange(1),
    default=20,
    show_default=True,
    help="How many units to suggest.",
)
@json_option
@corpus_options
def suggest(
    model_path: Path, path: Path, count: int, as_json: bool, fields: tuple[str, ...], strict: bool
) -> None:
    """List the N uncoded units of PATH the model is least certain about (uncertainty sampling).

    Units that already have a code in the model's label field are left out, so PATH can be
    the coded file itself. Code the suggested units, add them, and train again.
    """
    model = read_model(model_path)
    corpus = read_corpus(path, fields, strict)
    column = model.metadata.get("label_column", "")
    uncoded = [a for a in corpus.articles if not a.meta.get(column, "").strip()]
    suggestions = least_certain(model.classifier, uncoded, count)
    if as_json:
        document = {
            "uncoded_units": len(uncoded),
            "suggestions": [
                {
                    "id": s.article.id,
                    "outlet": s.article.outlet,
                    "title": s.article.title,
                    "certainty": s.certainty,
                    "predicted": list(s.predicted),
                }
                for s in suggestions
            ],
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        Console().print(SuggestionView(suggestions))
    report_accounting(corpus.accounting)
