"""``framing classify``: apply a trained coding-scheme model to a corpus."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from framing.classifiers.apply import classify as classify_units
from framing.cli import main
from framing.cli._models import read_corpus, read_model, report_accounting
from framing.cli._options import corpus_options, json_option, model_option
from framing.demo import demo_corpus_path
from framing.render.scheme import ClassificationView


@main.command()
@model_option
@click.argument("path", required=False, type=click.Path(path_type=Path))
@json_option
@corpus_options
def classify(
    model_path: Path, path: Path | None, as_json: bool, fields: tuple[str, ...], strict: bool
) -> None:
    """Label every unit of PATH (the demo corpus if omitted) with a trained model."""
    model = read_model(model_path)
    corpus = read_corpus(path or demo_corpus_path(), fields, strict)
    results = classify_units(model.classifier, corpus.articles)
    if as_json:
        document = {
            "model": {
                "file": str(model_path),
                **{k: model.metadata.get(k) for k in ("label_column", "labels")},
            },
            "accounting": corpus.accounting.to_dict(),
            "units": [r.to_dict() for r in results],
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        Console().print(ClassificationView(results))
    report_accounting(corpus.accounting)
