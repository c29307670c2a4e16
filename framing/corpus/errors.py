"""The error the loader raises when a corpus cannot be read at all, or a skip under --strict."""

from __future__ import annotations

__all__ = ["CorpusError"]


class CorpusError(Exception):
    """A corpus problem that names the place (file, line), what is wrong and what to do."""

    def __init__(self, source: str, reason: str, hint: str = "") -> None:
        self.source = source
        self.reason = reason
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        message = f"{self.source}: {self.reason}"
        return f"{message}. {self.hint}" if self.hint else message
