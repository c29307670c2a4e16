"""The whole path in one call: load -> analyse -> aggregate -> compare, streamed."""

from __future__ import annotations

import os
from collections.abc import Mapping

from framing._bootstrap import DEFAULT_REPLICATES
from framing.aggregate import CorpusAggregate
from framing.analysers import FrameModel, analyse
from framing.analysers.frames import default_frame_lexicon
from framing.analysers.lexicon import Lexicon
from framing.article import Article
from framing.compare import DEFAULT_TOP_WORDS, Comparison, compare
from framing.corpus import CorpusError, account, iter_corpus
from framing.corpus.accounting import Accounting, Skipped

__all__ = ["compare_corpus"]


def compare_corpus(
    path: str | os.PathLike[str],
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    lexicon: Lexicon | None = None,
    seed: int = 0,
    replicates: int = DEFAULT_REPLICATES,
    top_words: int = DEFAULT_TOP_WORDS,
    frame_model: FrameModel | None = None,
    frame_model_name: str = "model",
    exclude_quotes: bool = False,
) -> Comparison:
    """Load, analyse and compare the corpus at ``path``, one article at a time.

    Parameters
    ----------
    path : str or PathLike
        A corpus file or folder (see `framing.corpus.iter_corpus`).
    fields : Mapping[str, str], optional
        Article field -> record field name.
    strict : bool, default=False
        Stop with `CorpusError` at the first skipped input.
    lexicon : Lexicon, optional
        The frame dictionary; the shipped Policy Frames dictionary by default.
    seed : int, default=0
        Seed of the bootstrap.
    replicates : int, default=1000
        Bootstrap replicates.
    top_words : int, default=10
        Distinctive words kept per outlet.
    frame_model : FrameModel, optional
        A trained frame classifier to use instead of the dictionary (its classes are the
        frames; an article's frame shares are its class probabilities, normalised).
    frame_model_name : str, default="model"
        How the report names the model (e.g. its file).
    exclude_quotes : bool, default=False
        Leave dictionary cues inside quotation marks out of the frame scores.

    Raises
    ------
    CorpusError
        If the path does not exist or holds no readable article (or, with ``strict``, at the
        first skip).

    Examples
    --------
    >>> from framing.demo import demo_corpus_path
    >>> result = compare_corpus(demo_corpus_path())
    >>> len(result.overall.outlets) >= 5
    True
    """
    lexicon = lexicon or default_frame_lexicon()
    categories = (
        lexicon.categories
        if frame_model is None
        else tuple(str(label) for label in frame_model.classes_)
    )
    accounting = Accounting()
    aggregate = CorpusAggregate(categories, seed, replicates)
    for event in iter_corpus(path, fields=fields, strict=strict):
        account(accounting, event)
        if isinstance(event, Article):
            analysis = analyse(
                event, lexicon=lexicon, frame_model=frame_model, exclude_quotes=exclude_quotes
            )
            aggregate.add(analysis)
    if accounting.loaded == 0:
        raise CorpusError(str(path), "no readable article", _why_none(accounting.skipped))
    return compare(
        aggregate,
        accounting,
        top_words=top_words,
        settings={
            "corpus": str(path),
            "frame_method": "dictionary" if frame_model is None else "model",
            "frame_classifier": lexicon.name if frame_model is None else frame_model_name,
            "exclude_quotes": exclude_quotes,
        },
    )


def _why_none(skipped: list[Skipped]) -> str:
    if not skipped:
        return "The folder holds no .txt, .jsonl, .json, .csv or .tsv file"
    first = skipped[0]
    more = f" (and {len(skipped) - 1} more skipped)" if len(skipped) > 1 else ""
    return f"First skipped: {first.source}: {first.reason}{more}"
