"""What happened to every input: loaded, merged as a duplicate, or skipped with a reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Accounting", "LoadWarning", "Merged", "Skipped", "WarningSummary"]


@dataclass(frozen=True)
class Skipped:
    """An input that did not become an article: where it was (``path:line``) and why.

    ``record`` holds the skipped record's own text where the loader had it (a JSON Lines line,
    a CSV row, a JSON record), so `--skipped FILE` can keep it; a skipped file stays on disk.
    """

    source: str
    reason: str
    record: str | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Merged:
    """An exact duplicate (same outlet, title and text) merged into an article already loaded."""

    source: str
    kept: str


@dataclass(frozen=True)
class LoadWarning:
    """Something the loader repaired or guessed (an encoding, an outlet); the record loaded."""

    source: str
    kind: str
    message: str


@dataclass(frozen=True)
class WarningSummary:
    """How often one kind of warning occurred, with its first occurrence as the example."""

    kind: str
    count: int
    example: LoadWarning


@dataclass
class Accounting:
    """Counts of loaded, merged and skipped inputs; mergeable across shards of a corpus.

    ``excluded`` lists loaded articles that the analysis left out (not in English), with why;
    they are part of ``loaded``.
    """

    loaded: int = 0
    merged: list[Merged] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: dict[str, WarningSummary] = field(default_factory=dict)
    excluded: list[Skipped] = field(default_factory=list)

    def warn(self, warning: LoadWarning) -> None:
        """Count a warning under its kind, keeping the first as the example."""
        known = self.warnings.get(warning.kind)
        example = known.example if known else warning
        self.warnings[warning.kind] = WarningSummary(
            warning.kind, (known.count if known else 0) + 1, example
        )

    @property
    def duplicates(self) -> int:
        """How many exact duplicates were merged."""
        return len(self.merged)

    @property
    def total(self) -> int:
        """Every input record seen: loaded + merged + skipped."""
        return self.loaded + self.duplicates + len(self.skipped)

    def merge(self, other: Accounting) -> Accounting:
        """Combine two accountings (associative; an empty one is the identity)."""
        warnings = dict(self.warnings)
        for kind, theirs in other.warnings.items():
            ours = warnings.get(kind)
            warnings[kind] = (
                WarningSummary(kind, ours.count + theirs.count, ours.example) if ours else theirs
            )
        return Accounting(
            self.loaded + other.loaded,
            self.merged + other.merged,
            self.skipped + other.skipped,
            warnings,
            self.excluded + other.excluded,
        )

    def to_dict(self) -> dict[str, Any]:
        """The accounting as plain JSON-ready data."""
        return {
            "loaded": self.loaded,
            "duplicates": self.duplicates,
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "merged": [{"source": m.source, "kept": m.kept} for m in self.merged],
            "excluded": [{"source": e.source, "reason": e.reason} for e in self.excluded],
            "warnings": [
                {
                    "kind": w.kind,
                    "count": w.count,
                    "source": w.example.source,
                    "message": w.example.message,
                }
                for w in self.warnings.values()
            ],
        }
