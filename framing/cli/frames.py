"""``framing frames``: each article's dictionary frames, and why it got them (``--explain``)."""

from __future__ import annotations

import difflib
from pathlib import Path

import click
from rich.console import Console

from framing.analysers import analyse
from framing.analysers.frames import default_frame_lexicon, load_frame_lexicon
from framing.analysers.lexicon import LexiconError
from framing.article import Article
from framing.cli import main
from framing.cli._models import read_corpus, report_accounting
from framing.cli._options import corpus_options, json_option
from framing.demo import demo_corpus_path
from framing.render.frames import (
    ExplanationView,
    FrameListView,
    explanation_to_json,
    frame_list_to_json,
)
from framing.resources import ResourceMissing


@main.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@corpus_options
@click.option(
    "--explain",
    "article_id",
    metavar="ARTICLE_ID",
    help="Show, for this article, each frame's weight and share and the sentences and cues "
    "that gave it.",
)
@click.option(
    "--exclude-quotes",
    is_flag=True,
    help="Leave out cues inside quotation marks, to score the outlet's own voice.",
)
@click.option(
    "--lexicon",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Frame dictionary to use instead of the shipped Policy Frames one (TSV, see README).",
)
@json_option
def frames(
    path: Path | None,
    fields: tuple[str, ...],
    strict: bool,
    article_id: str | None,
    exclude_quotes: bool,
    lexicon: Path | None,
    as_json: bool,
) -> None:
    """List the frames of each article in PATH (a corpus file or folder; the demo if omitted).

    Prints, per article: its id, outlet and title, its primary frame, its three largest frame
    shares and its number of dictionary cues. With --explain ARTICLE_ID, prints that article's
    frames heaviest first, each with its weight and share and the sentences whose cues gave
    it, cue words highlighted. Negated cues ("not a military threat") count and are marked
    [negated]; cues inside quotation marks count, marked [quoted], unless --exclude-quotes.
    """
    corpus_path = path if path is not None else demo_corpus_path()
    try:
        frame_lexicon = load_frame_lexicon(lexicon) if lexicon else default_frame_lexicon()
    except LexiconError as error:
        raise click.ClickException(f"{error}. Fix the line (format in README)") from None
    corpus = read_corpus(corpus_path, fields, strict)
    articles = corpus.articles if article_id is None else [_find(corpus.articles, article_id)]
    try:
        analyses = [
            analyse(article, lexicon=frame_lexicon, exclude_quotes=exclude_quotes)
            for article in articles
        ]
    except ResourceMissing as error:
        raise click.ClickException(str(error)) from None
    settings = {
        "corpus": str(corpus_path),
        "frame_lexicon": frame_lexicon.name,
        "exclude_quotes": exclude_quotes,
    }
    accounting = corpus.accounting
    if as_json and article_id is not None:
        click.echo(explanation_to_json(analyses[0], settings=settings, accounting=accounting))
    elif as_json:
        click.echo(frame_list_to_json(analyses, settings=settings, accounting=accounting))
    elif article_id is not None:
        Console().print(ExplanationView(analyses[0]))
    else:
        Console().print(FrameListView(analyses))
    report_accounting(accounting)


def _find(articles: list[Article], article_id: str) -> Article:
    """The article with this id; the error shows the most similar id as an example."""
    for article in articles:
        if article.id == article_id:
            return article
    example = difflib.get_close_matches(article_id, [a.id for a in articles], n=1, cutoff=0)[0]
    raise click.ClickException(
        f"no article with id '{article_id}'; ids look like '{example}' "
        "(run framing frames PATH to list them)"
    )
