"""Option bundles and error mapping shared by the commands."""

from __future__ import annotations

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


def jobs_option(function: F) -> F:
    """--jobs N: analyse in N processes (`framing.parallel`)."""
    return click.option(
        "--jobs",
        type=click.IntRange(1),
        default=1,
        show_default=True,
        help="Analyse in this many processes; the result is the same as with one.",
    )(function)


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
