"""Hand-coded units (articles or sentences) read from any corpus format, checked for training."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from framing.article import Article

__all__ = ["CodedData", "CodedDataError", "coded_units"]


class CodedDataError(ValueError):
    """Coded data that cannot train a model: names the column or class and what to do."""


@dataclass(frozen=True)
class CodedData:
    """Texts with their human codes, and the units that have no code yet."""

    articles: tuple[Article, ...]
    labels: tuple[tuple[str, ...], ...]
    uncoded: tuple[Article, ...]
    label_column: str
    multi_label: bool

    @property
    def texts(self) -> list[str]:
        """The text the model sees for each coded unit."""
        return [article.full_text for article in self.articles]

    @property
    def targets(self) -> list[str] | list[list[str]]:
        """Codes as the classifier takes them: one label each, or label lists."""
        if self.multi_label:
            return [list(labels) for labels in self.labels]
        return [labels[0] for labels in self.labels]

    def class_counts(self) -> Counter[str]:
        """How many coded units carry each label."""
        return Counter(label for labels in self.labels for label in labels)


def coded_units(
    articles: Sequence[Article],
    label_column: str,
    *,
    multi_label: bool = False,
    separator: str = ",",
    folds: int = 5,
) -> CodedData:
    """Split units into coded and uncoded by ``label_column`` and check they can train a model.

    Raises `CodedDataError` when the column is absent, no unit is coded, a single-label unit
    carries several codes, fewer than two classes occur, or a class has fewer units than
    ``folds`` (cross-validation could not test it).
    """
    present = [a for a in articles if label_column in a.meta]
    if not present:
        seen = sorted({key for a in articles for key in a.meta})
        raise CodedDataError(
            f"no label column {label_column!r} in the coded data; other fields found: "
            f"{', '.join(seen) or 'none'}. Name the column with --label"
        )
    coded: list[Article] = []
    labels: list[tuple[str, ...]] = []
    uncoded: list[Article] = []
    for article in articles:
        raw = article.meta.get(label_column, "").strip()
        codes = tuple(c.strip() for c in raw.split(separator)) if multi_label else (raw,)
        codes = tuple(dict.fromkeys(c for c in codes if c))
        if not codes:
            uncoded.append(article)
            continue
        coded.append(article)
        labels.append(codes)
    if not coded:
        raise CodedDataError(f"label column {label_column!r} is empty in every unit; code some")
    data = CodedData(tuple(coded), tuple(labels), tuple(uncoded), label_column, multi_label)
    counts = data.class_counts()
    if len(counts) < 2:
        raise CodedDataError(
            f"label column {label_column!r} holds only one class ({next(iter(counts))!r}); "
            "a classifier needs at least two"
        )
    rare = sorted((count, label) for label, count in counts.items() if count < folds)
    if rare:
        count, label = rare[0]
        raise CodedDataError(
            f"class {label!r} in column {label_column!r} has {count} coded units, fewer than "
            f"the {folds} cross-validation folds; code more of it, merge it into another "
            "class, or use fewer --folds"
        )
    return data
