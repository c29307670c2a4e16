"""Articles' dictionary frame scores, and one article's scores explained: rich views and JSON.

Article text (ids, outlets, titles, sentences) and dictionary terms are untrusted: they go into
`rich.text.Text` and never through console markup.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from framing.analysers import ArticleAnalysis
from framing.analysers.frames import FRAME_LABELS, FrameEvidence, FrameScores, SentenceFrames
from framing.analysers.lexicon import Match
from framing.corpus.accounting import Accounting

__all__ = [
    "ExplanationView",
    "FrameListView",
    "explanation_to_dict",
    "explanation_to_json",
    "frame_list_to_dict",
    "frame_list_to_json",
]

_TITLE_WIDTH = 40
_FRAMES_LISTED = 3
_CUE_STYLE = "bold yellow"


class FrameListView:
    """One row per article: id, outlet and title; its top three frame shares; its cue count."""

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self.analyses = analyses

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = Table(title="Frames per article", title_justify="left", box=box.SIMPLE_HEAD)
        table.add_column("Article", overflow="fold", ratio=1)
        table.add_column(f"Top {_FRAMES_LISTED} frames (share)", no_wrap=True)
        table.add_column("Cues", justify="right", no_wrap=True)
        for analysis in self.analyses:
            article, scores = analysis.article, analysis.frames
            described = Text(article.id)
            described.append(f"\n{article.outlet}: {_truncate(article.title)}", style="dim")
            table.add_row(described, _top_frames(scores), Text(str(scores.n_cues)))
            table.add_section()
        table.caption = Text(
            "Share of the article's frame-cue weight; * marks its primary frame. Negated cues "
            f"count; {_quote_policy(self.analyses)}. "
            "Why: framing frames PATH --explain ARTICLE_ID."
        )
        yield table


class ExplanationView:
    """One article's frames, heaviest first, each with the sentences and cues that gave it."""

    def __init__(self, analysis: ArticleAnalysis) -> None:
        self.analysis = analysis

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        article, scores = self.analysis.article, self.analysis.frames
        header = Table.grid(padding=(0, 2))
        header.add_column(style="bold", no_wrap=True)
        header.add_column(overflow="fold")
        header.add_row("Article", Text(article.id))
        header.add_row("Outlet", Text(article.outlet))
        header.add_row("Title", Text(article.title or "-"))
        header.add_row("Primary frame", Text(_label(scores.primary) if scores.primary else "-"))
        header.add_row("Cues", Text(f"{scores.n_cues}, total weight {scores.total:g}"))
        header.add_row("Quotations", Text(_quote_policy([self.analysis])))
        header.add_row(
            "Sentences", Text("numbered from 0" + (", the title" if article.title.strip() else ""))
        )
        yield header
        for evidence in scores.explain():
            yield Text(
                f"\n{_label(evidence.category)}: weight {evidence.weight:g}, "
                f"share {evidence.share:.0%}",
                style="bold",
            )
            sentences = Table.grid(padding=(0, 1))
            sentences.add_column(justify="right", no_wrap=True, style="dim")
            sentences.add_column(overflow="fold")
            for sentence in evidence.sentences:
                sentences.add_row(f"#{sentence.index}", _sentence_text(sentence))
            yield sentences
        if not scores.total:
            yield Text("\nNo frame cue found.")


def frame_list_to_dict(
    analyses: Sequence[ArticleAnalysis],
    *,
    settings: Mapping[str, Any],
    accounting: Accounting,
) -> dict[str, Any]:
    """The article list as plain data: each article with all its frames of weight above 0."""
    return {
        "settings": dict(settings),
        "accounting": accounting.to_dict(),
        "frames": _frame_labels(analyses),
        "articles": [_article(analysis, explain=False) for analysis in analyses],
    }


def frame_list_to_json(
    analyses: Sequence[ArticleAnalysis],
    *,
    settings: Mapping[str, Any],
    accounting: Accounting,
) -> str:
    """`frame_list_to_dict` as a JSON string."""
    return _dumps(frame_list_to_dict(analyses, settings=settings, accounting=accounting))


def explanation_to_dict(
    analysis: ArticleAnalysis,
    *,
    settings: Mapping[str, Any],
    accounting: Accounting,
) -> dict[str, Any]:
    """One article's frames as plain data, each with its sentences and their cues.

    A cue holds its ``term`` and ``weight``, the ``words`` it matched, their character offsets
    ``start`` and ``end`` in the sentence text, and its ``negated`` and ``quoted`` flags.
    """
    return {
        "settings": dict(settings),
        "accounting": accounting.to_dict(),
        "frames": _frame_labels([analysis]),
        "article": _article(analysis, explain=True),
    }


def explanation_to_json(
    analysis: ArticleAnalysis,
    *,
    settings: Mapping[str, Any],
    accounting: Accounting,
) -> str:
    """`explanation_to_dict` as a JSON string."""
    return _dumps(explanation_to_dict(analysis, settings=settings, accounting=accounting))


def _article(analysis: ArticleAnalysis, *, explain: bool) -> dict[str, Any]:
    article, scores = analysis.article, analysis.frames
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "primary_frame": scores.primary,
        "cues": scores.n_cues,
        "total_weight": scores.total,
        "frames": [_evidence(evidence, explain=explain) for evidence in scores.explain()],
    }


def _evidence(evidence: FrameEvidence, *, explain: bool) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": evidence.category,
        "label": _label(evidence.category),
        "weight": evidence.weight,
        "share": evidence.share,
    }
    if explain:
        document["sentences"] = [
            {
                "index": sentence.index,
                "text": sentence.text,
                "cues": [_cue(match, sentence.text) for match in sentence.matches],
            }
            for sentence in evidence.sentences
        ]
    return document


def _cue(match: Match, text: str) -> dict[str, Any]:
    start, end = match.span if match.span is not None else (None, None)
    return {
        "term": match.cue.term,
        "weight": match.cue.weight,
        "words": None if match.span is None else text[start:end],
        "start": start,
        "end": end,
        "negated": match.negated,
        "quoted": match.quoted,
    }


def _frame_labels(analyses: Sequence[ArticleAnalysis]) -> list[dict[str, str]]:
    categories: tuple[str, ...] = analyses[0].frames.categories if analyses else ()
    return [{"id": category, "label": _label(category)} for category in categories]


def _top_frames(scores: FrameScores) -> Text:
    cell = Text()
    for rank, evidence in enumerate(scores.explain()[:_FRAMES_LISTED]):
        line = f"{evidence.share:>4.0%} {_label(evidence.category)}"
        if rank:
            cell.append(f"\n {line}")
        else:
            cell.append(f"*{line}", style="bold green")
    return cell or Text("-")


def _sentence_text(sentence: SentenceFrames) -> Text:
    """The sentence with its cue words highlighted, then a line listing each cue."""
    text = Text(sentence.text)
    for match in sentence.matches:
        if match.span is not None:
            text.stylize(_CUE_STYLE, *match.span)
    for match in sentence.matches:
        text.append("\n  ")
        text.append(f"{match.cue.term} {match.cue.weight:g}", style=_CUE_STYLE)
        if match.span is not None:
            words = sentence.text[match.span[0] : match.span[1]]
            if words.lower() != match.cue.term:
                text.append(f" ({words})")
        if match.negated:
            text.append(" [negated]", style="magenta")
        if match.quoted:
            text.append(" [quoted]", style="cyan")
    return text


def _quote_policy(analyses: Sequence[ArticleAnalysis]) -> str:
    if any(analysis.frames.exclude_quotes for analysis in analyses):
        return "cues inside quotation marks left out (--exclude-quotes)"
    return "cues inside quotation marks counted"


def _label(category: str) -> str:
    return FRAME_LABELS.get(category, category)


def _truncate(title: str) -> str:
    return title if len(title) <= _TITLE_WIDTH else title[: _TITLE_WIDTH - 1].rstrip() + "…"


def _dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)
