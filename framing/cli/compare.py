"""``framing compare``: outlets side by side on tone, frames and distinctive words."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from framing.analysers.frames import load_frame_lexicon
from framing.analysers.lexicon import LexiconError
from framing.cli import main
from framing.cli._models import read_model, report_accounting
from framing.cli._options import (
    actors_option,
    corpus_limits,
    corpus_options,
    engine_options,
    engine_settings,
    event_options,
    json_option,
    read_actor_list,
)
from framing.cli._progress import counting_progress
from framing.compare import compare as compare_aggregate
from framing.corpus import CorpusError
from framing.corpus.fields import parse_field_options
from framing.demo import demo_corpus_path
from framing.pipeline import AnalysisOptions, aggregate_corpus, group_corpus
from framing.render.csv import write_comparison_csv
from framing.render.html import write_html
from framing.render.json import write_comparison_json
from framing.render.terminal import ComparisonView
from framing.resources import ResourceMissing


@main.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@engine_options
@corpus_options
@json_option
@click.option(
    "--csv",
    "csv_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Also write tidy CSV tables (one row per outlet x measure) into this folder.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write a self-contained HTML report with charts to this file.",
)
@click.option(
    "--results",
    "results_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Also write each article's results (frames, tone, cues, sources) and its actors' "
    "sentiment to articles.parquet and actors.parquet in this folder "
    "(pip install 'framing[parquet]').",
)
@click.option(
    "--lexicon",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Frame dictionary to use instead of the shipped Policy Frames one (TSV, see README).",
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Use a coding-scheme model made by framing train as the frame classifier.",
)
@click.option(
    "--exclude-quotes",
    is_flag=True,
    help="Leave dictionary cues inside quotation marks out, to compare the outlets' own voice.",
)
@actors_option
@click.option(
    "--by-event",
    is_flag=True,
    help="First group the articles into events (as framing events does, with --threshold and "
    "--window), then compare outlets within each event and on average over events.",
)
@event_options
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap.")
@click.option(
    "--top-words",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    help="Distinctive words kept per outlet.",
)
def compare(
    path: Path | None,
    fields: tuple[str, ...],
    strict: bool,
    as_json: bool,
    csv_dir: Path | None,
    html_path: Path | None,
    results_dir: Path | None,
    lexicon: Path | None,
    model_path: Path | None,
    exclude_quotes: bool,
    actors_path: Path | None,
    by_event: bool,
    threshold: float,
    window: int,
    seed: int,
    top_words: int,
) -> None:
    """Compare outlets on PATH (a corpus file or folder; the demo corpus if omitted).

    Prints, per outlet and with 95% bootstrap intervals: articles, words and tone; the share
    of each Policy Frames dimension with the primary frame marked, a test of whether the
    outlets' frames differ and their pairwise Jensen-Shannon distances; the words and phrases
    most distinctive of the outlet; hedges, factives, assertives, intensifiers and loaded
    words per 1,000 words; whom it quotes; sentiment toward the most mentioned actors and how
    it names them; and which content each outlet alone reports or leaves out. Skipped inputs
    are reported on stderr.
    """
    if lexicon and model_path:
        raise click.UsageError("use only one of --lexicon or --model")
    corpus = path if path is not None else demo_corpus_path()
    model = read_model(model_path) if model_path else None
    try:
        mapping = parse_field_options(fields)
        options = AnalysisOptions(
            lexicon=load_frame_lexicon(lexicon) if lexicon else None,
            frame_model=model.classifier if model else None,
            frame_model_name=str(model_path),
            exclude_quotes=exclude_quotes,
            actors=read_actor_list(actors_path),
        )
        events = None
        settings = {"corpus": str(corpus), **options.settings()}
        if by_event:
            with counting_progress("Grouping into events", "articles") as advance:
                grouping, _ = group_corpus(
                    corpus,
                    fields=mapping,
                    strict=strict,
                    limits=corpus_limits(),
                    threshold=threshold,
                    window_days=window,
                    on_article=advance,
                )
            events = grouping.event_of()
            if grouping.undated:
                click.echo(
                    f"Warning: {grouping.undated:,} of {grouping.articles:,} articles have no "
                    "date; they were grouped into events on their text alone.",
                    err=True,
                )
            settings["events"] = (
                f"found by framing events (threshold {threshold:g}, window {window} days; "
                f"{len(grouping.events)} events)"
            )
        engine = engine_settings()
        with counting_progress("Reading and analysing", "articles") as advance:
            aggregate, accounting = aggregate_corpus(
                corpus,
                fields=mapping,
                strict=strict,
                limits=corpus_limits(),
                options=options,
                seed=seed,
                events=events,
                **engine,
                results=results_dir,
                on_article=advance,
            )
        with counting_progress("Comparing outlets", "events") as advance:
            comparison = compare_aggregate(
                aggregate,
                accounting,
                top_words=top_words,
                settings=settings,
                progress=advance,
                jobs=engine["jobs"],
            )
    except ValueError as error:
        if isinstance(error, LexiconError):
            raise click.ClickException(f"{error}. Fix the line (format in README)") from None
        raise click.BadParameter(str(error), param_hint="--field") from None
    except (CorpusError, ResourceMissing) as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        write_comparison_json(comparison, sys.stdout)
    else:
        Console().print(ComparisonView(comparison))
    written = []
    try:
        if csv_dir is not None:
            written.append(
                f"{len(write_comparison_csv(comparison, csv_dir))} CSV tables in {csv_dir}"
            )
        if html_path is not None:
            written.append(f"the HTML report {write_html(comparison, html_path)}")
    except OSError as error:
        raise click.ClickException(f"cannot write {error.filename}: {error.strerror}") from None
    report_accounting(comparison.accounting)
    if results_dir is not None:
        written.append(f"per-article results to {results_dir}")
    for line in written:
        click.echo(f"Wrote {line}.", err=True)
