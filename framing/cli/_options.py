"""Option bundles and error mapping shared by the commands."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from framing.actors.actor_list import ActorList, ActorListError, load_actor_list
from framing.corpus import MAX_FILE_BYTES, MAX_RECORD_BYTES
from framing.events import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS

F = TypeVar("F", bound=Callable[..., Any])


def corpus_options(function: F) -> F:
    """Options shared by every command that reads a corpus: --field and --strict."""
    function = click.option(
        "--field",
        "fields",
        multiple=True,
        metavar="ARTICLE_FIELD=NAME",
        help="Read an article field from another record field, e.g. --field text=body "
        "--field outlet=source. Repeatable.",
    )(function)
    function = click.option(
        "--strict", is_flag=True, help="Stop with an error at the first input that is skipped."
    )(function)
    function = click.option(
        "--skipped",
        type=click.Path(path_type=Path, dir_okay=False),
        expose_value=False,
        callback=_remember,
        help="Write every skipped input, with its reason and (where there is one) the record "
        "itself, to this JSON Lines file.",
    )(function)
    for name, default, what in (
        ("--max-record-bytes", MAX_RECORD_BYTES, "a JSON Lines line, a .txt file or one text"),
        ("--max-file-bytes", MAX_FILE_BYTES, "a .json, .csv or .tsv file"),
    ):
        function = click.option(
            name,
            type=click.IntRange(1),
            default=default,
            show_default=True,
            expose_value=False,
            callback=_remember,
            help=f"Skip, with its size, {what} larger than this many bytes.",
        )(function)
    return function


def _remember(context: click.Context, parameter: click.Parameter, value: Any) -> Any:
    """Keep a reading option for `corpus_limits` and `skipped_path` (so commands need not
    thread it through their signatures)."""
    context.meta[f"framing.{parameter.name}"] = value
    return value


def corpus_limits() -> dict[str, int]:
    """The size limits given on the command line, as `iter_corpus` keyword arguments."""
    meta = click.get_current_context().meta
    return {
        "max_record_bytes": meta.get("framing.max_record_bytes", MAX_RECORD_BYTES),
        "max_file_bytes": meta.get("framing.max_file_bytes", MAX_FILE_BYTES),
    }


def skipped_path() -> Path | None:
    """The --skipped FILE given on the command line, if any."""
    return click.get_current_context().meta.get("framing.skipped")


def event_options(function: F) -> F:
    """--threshold and --window: how articles are grouped into events."""
    function = click.option(
        "--window",
        type=click.IntRange(0),
        default=DEFAULT_WINDOW_DAYS,
        show_default=True,
        metavar="DAYS",
        help="Articles further apart than this many days are never one event.",
    )(function)
    function = click.option(
        "--threshold",
        type=click.FloatRange(0, 1, min_open=True),
        default=DEFAULT_THRESHOLD,
        show_default=True,
        help="Mean cosine similarity of title and lead an event's articles must reach; "
        "higher gives smaller, tighter events.",
    )(function)
    return function


def json_option(function: F) -> F:
    """--json: one JSON document on stdout instead of the tables."""
    return click.option(
        "--json", "as_json", is_flag=True, help="Print one JSON document on stdout instead."
    )(function)


def engine_options(function: F) -> F:
    """Where the analysis runs and what it reuses: --jobs, --engine, --scheduler, --cache.

    Read back with `engine_settings` (so commands need not thread them through)."""
    for name, settings in reversed(
        (
            (
                "--jobs",
                {
                    "type": click.IntRange(1),
                    "default": all_cores(),
                    "show_default": "all cores",
                    "help": "Analyse in this many processes (Dask: local workers); the result "
                    "is the same as with one.",
                },
            ),
            (
                "--engine",
                {
                    "type": click.Choice(["local", "dask"]),
                    "default": "local",
                    "show_default": True,
                    "help": "Run on this machine, or on a Dask cluster, one task per corpus "
                    "file (pip install 'framing[dask]').",
                },
            ),
            (
                "--scheduler",
                {
                    "metavar": "ADDRESS",
                    "help": "The Dask scheduler to use with --engine dask, e.g. "
                    "tcp://10.0.0.5:8786; without it, a local cluster of --jobs workers.",
                },
            ),
            (
                "--cache",
                {
                    "type": click.Path(path_type=Path, file_okay=False),
                    "envvar": "FRAMING_CACHE",
                    "help": "Keep each article's analysis in this folder and reuse it when the "
                    "article and the models are unchanged (or set FRAMING_CACHE).",
                },
            ),
        )
    ):
        function = click.option(name, expose_value=False, callback=_remember, **settings)(function)
    return function


def all_cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def engine_settings() -> dict[str, Any]:
    """--jobs, --engine, --scheduler and --cache as `aggregate_corpus` keyword arguments."""
    meta = click.get_current_context().meta
    engine = meta.get("framing.engine", "local")
    scheduler = meta.get("framing.scheduler")
    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    return {
        "jobs": meta.get("framing.jobs", all_cores()),
        "engine": engine,
        "scheduler": scheduler,
        "cache": meta.get("framing.cache"),
    }


def model_option(function: F) -> F:
    """The required --model FILE option of the commands that apply a trained model."""
    return click.option(
        "--model",
        "model_path",
        required=True,
        type=click.Path(path_type=Path),
        help="A model file made by framing train.",
    )(function)


def actors_option(function: F) -> F:
    """The --actors FILE option: the user's actor list (TOML or YAML)."""
    return click.option(
        "--actors",
        "actors_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Your actors and their aliases (TOML or YAML); they take precedence over the "
        "actors framing finds itself.",
    )(function)


def read_actor_list(path: Path | None) -> ActorList | None:
    """Load the --actors file, or None; a file that does not parse is a one-line error."""
    if path is None:
        return None
    try:
        return load_actor_list(path)
    except ActorListError as error:
        raise click.ClickException(str(error)) from None
