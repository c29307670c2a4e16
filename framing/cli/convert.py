"""``framing convert``: rewrite a corpus as JSON Lines or Parquet, whole or in shards."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import click

from framing.cli import main
from framing.cli._models import report_accounting
from framing.cli._options import corpus_limits, corpus_options
from framing.corpus import CorpusError
from framing.corpus.accounting import Accounting
from framing.corpus.fields import parse_field_options
from framing.corpus.parquet import write_parquet
from framing.corpus.write import write_jsonl
from framing.pipeline import read_articles
from framing.resources import ResourceMissing

WRITERS = {"jsonl": write_jsonl, "parquet": write_parquet}


@main.command(name="convert")
@click.argument("path", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "target_format",
    type=click.Choice(sorted(WRITERS)),
    help="Format to write; by default the one TARGET's extension names.",
)
@click.option(
    "--shard-size",
    type=click.IntRange(1),
    metavar="N",
    help="Write TARGET as a folder of files of N articles each (part-00000.jsonl, ...), the "
    "partitions the Dask engine reads in parallel.",
)
@corpus_options
def convert(
    path: Path,
    target: Path,
    target_format: str | None,
    shard_size: int | None,
    fields: tuple[str, ...],
    strict: bool,
) -> None:
    """Read the corpus at PATH (any format framing reads) and write its articles to TARGET
    as JSON Lines or Parquet: exact duplicates merged, fields mapped and text cleaned as on
    every read, with the accounting of every input."""
    chosen = target_format or target.suffix.lstrip(".").lower()
    if chosen not in WRITERS:
        raise click.UsageError("give --format jsonl or parquet (TARGET has no such extension)")
    write = WRITERS[chosen]
    accounting = Accounting()
    try:
        articles = read_articles(
            path,
            accounting,
            fields=parse_field_options(fields),
            strict=strict,
            limits=corpus_limits(),
        )
        if shard_size is None:
            written, files = write(articles, target), 1
        else:
            written = files = 0
            for number, shard in enumerate(_shards(articles, shard_size)):
                written += write(shard, target / f"part-{number:05d}.{chosen}")
                files += 1
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--field") from None
    except (CorpusError, ResourceMissing) as error:
        raise click.ClickException(str(error)) from None
    except ImportError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write {error.filename}: {error.strerror}") from None
    report_accounting(accounting)
    click.echo(f"Wrote {written:,} articles to {files:,} file(s) in {target}.", err=True)


def _shards(articles: Iterator[object], size: int) -> Iterator[list[object]]:
    while shard := list(islice(articles, size)):
        yield shard
