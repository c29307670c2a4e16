"""Tables for coding-scheme models: validation report, classifications, suggestions."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from framing.classifiers.active import Suggestion
from framing.classifiers.apply import Classification
from framing.classifiers.validation import ValidationReport

__all__ = ["ClassificationView", "SuggestionView", "ValidationView"]

_TITLE_CHARS = 60


class ValidationView:
    """Per-class scores, the summary figures and (single-label) the confusion matrix."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        report = self.report
        method = "stratified " if not report.multi_label else ""
        yield Text(
            f"Cross-validation ({method}{report.folds}-fold, seed {report.seed}, "
            f"{report.units} coded units)",
            style="bold",
        )
        table = Table()
        table.add_column("Class", overflow="fold")
        for header in ("Precision", "Recall", "F1", "Support"):
            table.add_column(header, justify="right")
        if report.multi_label:
            table.add_column("Alpha", justify="right")
        for scores in report.classes:
            row = [
                Text(scores.label),
                f"{scores.precision:.3f}",
                f"{scores.recall:.3f}",
                f"{scores.f1:.3f}",
                str(scores.support),
            ]
            if report.multi_label:
                row.append(_number(scores.alpha))
            table.add_row(*row)
        yield table
        yield Text(
            f"macro-F1 {report.macro_f1:.3f}   micro-F1 {report.micro_f1:.3f}   "
            f"Krippendorff's alpha (model vs. human codes) {_number(report.alpha)}"
        )
        if report.confusion is not None:
            labels = [c.label for c in report.classes]
            yield Text("Confusion matrix (rows: human codes, columns: model)", style="bold")
            matrix = Table()
            matrix.add_column("")
            for label in labels:
                matrix.add_column(Text(label), justify="right", overflow="fold")
            for label, row in zip(labels, report.confusion, strict=True):
                matrix.add_row(Text(label), *(str(v) for v in row))
            yield matrix


class ClassificationView:
    """One row per unit: its id, outlet, title, predicted label(s) and their probability."""

    def __init__(self, classifications: Sequence[Classification]) -> None:
        self.classifications = classifications

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = Table(title="Classified units", title_justify="left")
        for header in ("Id", "Outlet", "Title", "Label", "P"):
            table.add_column(header, overflow="fold", justify="right" if header == "P" else "left")
        for item in self.classifications:
            article = item.article
            table.add_row(
                Text(article.id),
                Text(article.outlet),
                Text(_short(article.title or article.text)),
                Text(", ".join(item.labels) or "-"),
                f"{item.probability:.2f}",
            )
        yield table


class SuggestionView:
    """The uncoded units to code next, least certain first."""

    def __init__(self, suggestions: Sequence[Suggestion]) -> None:
        self.suggestions = suggestions

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = Table(
            title="Code these next (the model is least sure about them)", title_justify="left"
        )
        for header in ("#", "Id", "Outlet", "Title or text", "Model's guess", "Certainty"):
            table.add_column(header, overflow="fold")
        for rank, suggestion in enumerate(self.suggestions, start=1):
            article = suggestion.article
            table.add_row(
                str(rank),
                Text(article.id),
                Text(article.outlet),
                Text(_short(article.title or article.text)),
                Text(", ".join(suggestion.predicted) or "-"),
                f"{suggestion.certainty:.2f}",
            )
        yield table


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TITLE_CHARS else text[: _TITLE_CHARS - 1] + "…"


def _number(value: float | None) -> str:
    if value is None or value != value:
        return "n/a"
    return f"{value:.3f}"
