"""Loading corpora and model files for the model commands, with errors mapped to messages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console

from framing.classifiers.model_file import ModelFileError, TrainedModel, load_model
from framing.corpus import Corpus, CorpusError, load_corpus
from framing.corpus.fields import parse_field_options
from framing.render.terminal import AccountingView


def read_corpus(path: Path, fields: Sequence[str], strict: bool) -> Corpus:
    """Load a corpus for a command; report its accounting on stderr; map errors to exit 1."""
    try:
        corpus = load_corpus(path, fields=parse_field_options(fields), strict=strict)
    except CorpusError as error:
        raise click.ClickException(str(error)) from None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--field") from None
    Console(stderr=True).print(AccountingView(corpus.accounting), highlight=False)
    if not corpus.articles:
        raise click.ClickException(f"{path}: no readable article")
    return corpus


def read_model(path: Path) -> TrainedModel:
    """Load a model file, refusing foreign or damaged ones with a one-line error."""
    try:
        return load_model(path)
    except ModelFileError as error:
        raise click.ClickException(str(error)) from None
