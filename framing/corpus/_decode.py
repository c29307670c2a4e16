"""Bytes to text: UTF-8 (with or without BOM) or UTF-16 with BOM, else a stated fallback."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.1
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


class Undecodable(ValueError):
    """The bytes are not text (e.g. a binary file)."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, and the fallback encoding used if it was not UTF-8."""

    text: str
    fallback: str | None = None

    def warning(self) -> str | None:
        """The message to show when a fallback encoding was used."""
        if self.fallback is None:
            return None
        return (
            f"not valid UTF-8; decoded as {self.fallback}. "
            "Check the text and save the file as UTF-8 to silence this"
        )


def decode(data: bytes) -> Decoded:
    """Decode file content: BOMs honoured, UTF-8 first, then cp1252, then Latin-1.

    Raises `Undecodable` for content with NUL bytes outside UTF-16 (a binary file).
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise Undecodable(f"invalid UTF-16 ({error.reason})") from None
    if b"\x00" in data:
        raise Undecodable("binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text[:_SNIFF_BYTES]) > _MAX_CONTROL_SHARE:
            raise Undecodable("binary file (mostly control bytes), not text")
        return Decoded(text, fallback=encoding)
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _control_share(text: str) -> float:
    """Share of control characters other than white space: high for binary data."""
    if not text:
        return 0.0
    controls = sum(
        1 for ch in text if (ch < " " or "\x7f" <= ch < "\xa0") and ch not in _TEXT_CONTROLS
    )
    return controls / len(text)
