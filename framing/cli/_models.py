"""Loading corpora and model files for the model commands, with errors mapped to messages."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console

from framing.classifiers.model_file import ModelFileError, TrainedModel, load_model
from framing.cli._options import corpus_limits, skipped_path
from framing.corpus import Corpus, CorpusError, load_corpus, no_readable_article
from framing.corpus.accounting import Accounting
from framing.corpus.fields import parse_field_options
from framing.corpus.write import write_skipped
from framing.render.terminal import AccountingView


def read_corpus(path: Path, fields: Sequence[str], strict: bool) -> Corpus:
    """Load a whole corpus for a command; a missing path, a bad --field, a skip under
    --strict or a corpus without articles is a one-line error (exit 1, or 2 for usage)."""
    try:
        corpus = load_corpus(
            path, fields=parse_field_options(fields), strict=strict, **corpus_limits()
        )
    except CorpusError as error:
        raise click.ClickException(str(error)) from None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--field") from None
    if not corpus.articles:
        raise click.ClickException(str(no_readable_article(path, corpus.accounting)))
    return corpus


def report_accounting(accounting: Accounting) -> None:
    """Print what happened to every input on stderr, after the command's own output, and
    write the skipped inputs to the --skipped file if one was given."""
    sys.stdout.flush()
    Console(stderr=True).print(AccountingView(accounting), highlight=False)
    target = skipped_path()
    if target is not None:
        try:
            count = write_skipped(accounting, target)
        except OSError as error:
            raise click.ClickException(f"cannot write {target}: {error.strerror}") from None
        click.echo(f"Wrote {count:,} skipped inputs to {target}.", err=True)


def read_model(path: Path) -> TrainedModel:
    """Load a model file, refusing foreign or damaged ones with a one-line error."""
    try:
        return load_model(path)
    except ModelFileError as error:
        raise click.ClickException(str(error)) from None
