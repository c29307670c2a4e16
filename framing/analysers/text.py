"""Sentences and words with nltk: Punkt sentence splitting and a regular-expression tokenizer.

Punkt runs untrained with a list of English abbreviations (framing/data/abbreviations.txt), so
no model is downloaded and an article's sentences never depend on the rest of the corpus.

`word_spans` gives the tokens of `words` with their character offsets, and `quotations` says
which parts of a sentence are inside double quotation marks (“…” or "…"); single quotes are
not read as quotation marks, since ’ is also the apostrophe.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from importlib.resources import files
from typing import NamedTuple

from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

__all__ = ["Quotations", "WordSpan", "quotations", "sentences", "word_spans", "words"]

# Letters (any script) joined by hyphens or inner apostrophes; initialisms like U.S.; numbers.
_WORD_PATTERN = r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*%?"
_POSSESSIVE_ENDINGS = ("'s", "’s")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|(?<=[.!?:\"”’)])[ \t]*\n")
_QUOTE_MARK = re.compile(r'["“”]')
# A candidate sentence break as Punkt sees it: the word before, the mark, one space, a word.
_BREAK_CONTEXT = re.compile(r"(\S*?)([.?!]) ([A-Za-z]+)")
_PLAIN_WORD = re.compile(r"[A-Za-z]{2,}")
_ORDINARY_WORD = "xx"  # stands for any word of `_PLAIN_WORD` that is not an abbreviation


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Abbreviations Punkt must not split after (``framing/data/abbreviations.txt``)."""
    text = (files("framing") / "data" / "abbreviations.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


class _PunktTokenizer(PunktSentenceTokenizer):
    """Punkt, remembering its decisions on the few characters around each candidate break.

    Punkt decides every ". ", "? " or "! " from the word before and the token after it
    (`text_contains_sentbreak`), a pure function of those few characters once its parameters
    are set, so the last few thousand answers are kept. Without trained collocations, sentence
    starters or orthographic context (ours has only abbreviations), it reads a word of ASCII
    letters after the break only by its case, and one of two or more ASCII letters before it
    only by whether it is a listed abbreviation; such contexts are remembered as "xx. A" and
    the like, so that news, which mostly breaks after ordinary words, mostly finds its answer.
    """

    def __init__(self, parameters: PunktParameters) -> None:
        super().__init__(parameters)
        self._sentbreak = lru_cache(maxsize=2**14)(super().text_contains_sentbreak)
        untrained = not (
            parameters.collocations or parameters.sent_starters or parameters.ortho_context
        )
        self._canonical = untrained and _ORDINARY_WORD not in parameters.abbrev_types

    def text_contains_sentbreak(self, text: str) -> bool:
        if self._canonical:
            text = self._canonical_context(text)
        return self._sentbreak(text)

    def _canonical_context(self, text: str) -> str:
        """The context Punkt reads exactly as ``text``: "said. The" -> "xx. A"."""
        found = _BREAK_CONTEXT.fullmatch(text)
        if found is None:
            return text
        word, mark, after = found.groups()
        if _PLAIN_WORD.fullmatch(word) and word.lower() not in self._params.abbrev_types:
            word = _ORDINARY_WORD
        return f"{word}{mark} {'A' if after[0].isupper() else 'a'}"


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    parameters = PunktParameters()
    parameters.abbrev_types = set(abbreviations())
    return _PunktTokenizer(parameters)


# nltk runs the word pattern with the third-party `regex` engine; the standard `re` is several
# times faster and reads it the same way wherever it classes every character of a text as that
# engine does (letter, digit or neither): always for ASCII, and for almost all news text.
_word_tokenizer = RegexpTokenizer(_WORD_PATTERN)
_STDLIB_WORD = re.compile(_WORD_PATTERN, re.UNICODE | re.MULTILINE | re.DOTALL)
_CHARACTER_CLASSES = tuple(
    (re.compile(pattern), RegexpTokenizer(pattern)) for pattern in (r"[^\W\d_]", r"\d")
)


def sentences(text: str) -> list[str]:
    """Split text into sentences.

    A blank line, or a line break after sentence-final punctuation, always ends a sentence;
    other line breaks (hard-wrapped text) are read as spaces.
    """
    tokenizer = _sentence_tokenizer()
    found: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            found.extend(tokenizer.tokenize(paragraph))
    return found


def words(text: str) -> list[str]:
    """Word and number tokens in lower case, possessive 's removed ("Maduro's" -> "maduro")."""
    return [span.word for span in _spans(text)]


class WordSpan(NamedTuple):
    """A token of `words` and where it is in the text: ``text[start:end]`` is its source."""

    word: str
    start: int
    end: int


_new_span = partial(tuple.__new__, WordSpan)  # WordSpan(*fields), without a Python call


def word_spans(text: str) -> list[WordSpan]:
    """The tokens of `words`, each with its character offsets in ``text``.

    Parameters
    ----------
    text : str

    Returns
    -------
    list[WordSpan]
        ``[span.word for span in word_spans(text)] == words(text)``; ``start`` and ``end`` cover
        the token as written, possessive 's included.

    Examples
    --------
    >>> word_spans("Maduro's army")
    [WordSpan(word='maduro', start=0, end=8), WordSpan(word='army', start=9, end=13)]
    """
    return list(_spans(text))


@lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[WordSpan, ...]:
    """Tokenise once: `analyse` asks for the same sentence's tokens for word counts, frame cues
    and epistemic cues, so the last few thousand sentences are remembered."""
    if text.isascii() or all(_same_in_re(char) for char in set(text) if not char.isascii()):
        offsets = [match.span() for match in _STDLIB_WORD.finditer(text)]
    else:
        offsets = list(_word_tokenizer.span_tokenize(text))
    lowered = text.lower()
    if len(lowered) != len(text) or "Σ" in text:  # "İ" lowers to two characters, "Σ" to σ or ς
        lowered = ""
    found = []
    for start, end in offsets:
        word = lowered[start:end] if lowered else text[start:end].lower()
        if word.endswith(_POSSESSIVE_ENDINGS):
            word = word[:-2]
        found.append(_new_span((word, start, end)))
    return tuple(found)


@lru_cache(maxsize=4096)
def _same_in_re(char: str) -> bool:
    """Whether `re` classes ``char`` as nltk's engine does in `_WORD_PATTERN` ("½" is a letter
    to `re`, not to nltk's engine)."""
    return all(
        (ours.match(char) is None) == (not theirs.tokenize(char))
        for ours, theirs in _CHARACTER_CLASSES
    )


class Quotations(NamedTuple):
    """The parts of a text inside double quotation marks.

    ``spans`` are character ranges [start, end) between an opening and a closing mark (marks
    excluded); ``open_at_end`` says a quotation is still open where the text ends, so it goes
    on in the next sentence.
    """

    spans: tuple[tuple[int, int], ...]
    open_at_end: bool

    def covers(self, offset: int) -> bool:
        """Whether the character at ``offset`` is inside a quotation."""
        return any(start <= offset < end for start, end in self.spans)


def quotations(text: str, *, open_at_start: bool = False) -> Quotations:
    """Find where ``text`` quotes someone: the ranges inside double quotation marks.

    “ opens and ” closes a quotation. A straight " opens when it comes before a word and after a
    space or the start of the text, closes when it comes after a word and before a space or the
    end, and otherwise (as in ``said:"No``) toggles. Opening an open quotation (a quote that
    runs over several paragraphs reopens each one) or closing a closed one changes nothing.
    Single quotes are never quotation marks: ’ is also the apostrophe.

    Parameters
    ----------
    text : str
        One sentence (or any text).
    open_at_start : bool, default=False
        A quotation is already open where ``text`` starts: pass the previous sentence's
        ``open_at_end`` to follow a quotation over several sentences.

    Returns
    -------
    Quotations

    Examples
    --------
    >>> quotations('He called it "a threat." Others did not.')
    Quotations(spans=((14, 23),), open_at_end=False)
    >>> quotations("“We will resist.").open_at_end
    True
    """
    spans: list[tuple[int, int]] = []
    opened_at: int | None = 0 if open_at_start else None
    for mark in _QUOTE_MARK.finditer(text):
        offset = mark.start()
        if _opens(text, offset, is_open=opened_at is not None):
            if opened_at is None:
                opened_at = offset + 1
        elif opened_at is not None:
            if offset > opened_at:
                spans.append((opened_at, offset))
            opened_at = None
    if opened_at is not None and opened_at < len(text):
        spans.append((opened_at, len(text)))
    return Quotations(tuple(spans), opened_at is not None)


def _opens(text: str, offset: int, *, is_open: bool) -> bool:
    """Whether the quotation mark at ``offset`` opens (True) or closes (False) a quotation."""
    mark = text[offset]
    if mark != '"':
        return mark == "“"
    space_before = offset == 0 or text[offset - 1].isspace()
    space_after = offset + 1 == len(text) or text[offset + 1].isspace()
    if space_before != space_after:
        return space_before
    return not is_open
