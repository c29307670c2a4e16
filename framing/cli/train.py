"""``framing train``: train and cross-validate a classifier for the researcher's own codes."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from framing.classifiers.coded import CodedDataError, coded_units
from framing.classifiers.model_file import TrainedModel, data_hash, save_model
from framing.classifiers.scheme import CodingSchemeClassifier
from framing.classifiers.validation import cross_validate
from framing.cli import main
from framing.cli._models import read_corpus, report_accounting
from framing.cli._options import corpus_options
from framing.render.scheme import ValidationView


@main.command()
@click.argument("coded", type=click.Path(path_type=Path, exists=True))
@click.option("--label", "label_column", required=True, help="The field holding the human codes.")
@click.option("--multi-label", is_flag=True, help="A unit may carry several codes.")
@click.option(
    "--separator", default=",", show_default=True, help="Separates codes with --multi-label."
)
@click.option(
    "--folds",
    type=click.IntRange(2, 20),
    default=5,
    show_default=True,
    help="Cross-validation folds.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of folds and model.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("model.skops"),
    show_default=True,
    help="Where to save the model (skops format).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the validation report as JSON.")
@corpus_options
def train(
    coded: Path,
    label_column: str,
    multi_label: bool,
    separator: str,
    folds: int,
    seed: int,
    output: Path,
    as_json: bool,
    fields: tuple[str, ...],
    strict: bool,
) -> None:
    """Train a classifier on the hand-coded units in CODED and cross-validate it.

    CODED is any corpus the loader reads (articles or sentences); --label names the field
    with the codes. Units with an empty code are left out (code them next: framing suggest).
    Prints per-class precision, recall and F1, macro-F1, the confusion matrix and
    Krippendorff's alpha of out-of-fold predictions against the human codes, then fits the
    model on all coded units and saves it with that report.
    """
    corpus = read_corpus(coded, fields, strict)
    try:
        data = coded_units(
            corpus.articles,
            label_column,
            multi_label=multi_label,
            separator=separator,
            folds=folds,
        )
    except CodedDataError as error:
        raise click.ClickException(f"{coded}: {error}") from None
    estimator = CodingSchemeClassifier(multi_label=multi_label, random_state=seed)
    texts, targets = data.texts, data.targets
    report = cross_validate(estimator, texts, targets, folds=folds, seed=seed)
    classifier = estimator.fit(texts, targets)
    metadata = {
        "label_column": label_column,
        "multi_label": multi_label,
        "labels": [str(c) for c in classifier.classes_],
        "coded_units": len(texts),
        "uncoded_units": len(data.uncoded),
        "training_data_sha256": data_hash(texts, targets),
        "training_data": str(coded),
        "parameters": {k: _plain(v) for k, v in classifier.get_params().items()},
        "validation": report.to_dict(),
    }
    save_model(TrainedModel(classifier, metadata), output)
    if as_json:
        click.echo(json.dumps(metadata["validation"], indent=2))
    else:
        Console().print(ValidationView(report))
    report_accounting(corpus.accounting)
    click.echo(
        f"Saved {output} ({len(texts)} coded units, {len(classifier.classes_)} classes; "
        f"{len(data.uncoded)} uncoded units left out).",
        err=True,
    )


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value
