"""The working records of `framing.analysers.sourcing`: the article as the finder reads it.

`read_article` follows quotations over sentences and widens actor mentions over the titles
written before them; `ArticleState` holds the result and the drafts found so far, which the
speaker modules (`framing.analysers._speaker_phrases`, `framing.analysers._speakers`) and the
finder all read. The token and clause helpers they share live here too, so that none of them
imports another's internals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from framing.analysers.text import quotations

if TYPE_CHECKING:  # framing.actors imports framing.analysers.text
    from framing.actors.discover import Mention

__all__ = [
    "INITIALISM",
    "PLAIN_WORD",
    "QUOTE_MARKS",
    "TOKEN",
    "Antecedent",
    "ArticleState",
    "Draft",
    "Run",
    "Speaker",
    "end_of_clause",
    "read_article",
    "start_of_clause",
]

_HARD_BOUNDARY = re.compile(r"[;:()\[\]\"“”]|\s[-–—]\s|[–—]")
_CLAUSE_END = re.compile(r"[;\"“”]|\s[-–—]\s")
INITIALISM = re.compile(r"\b(?:[A-Za-z]\.){2,}$")
PLAIN_WORD = re.compile(r"[^\W\d_]+")
TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
QUOTE_MARKS = '"“”'


@dataclass
class Run:
    """One quotation, possibly over several sentences: its pieces (sentence, start, end)."""

    pieces: list[tuple[int, int, int]] = field(default_factory=list)
    attributed: bool = False

    def text(self, sentences: Sequence[str]) -> str:
        parts = (sentences[i][a:b].strip().strip(QUOTE_MARKS).strip() for i, a, b in self.pieces)
        return " ".join(part for part in parts if part).rstrip(" ,")


@dataclass
class Speaker:
    """A resolved speaker: actor (key, name, kind) or unnamed description."""

    text: str = ""
    span: tuple[int, int] | None = None
    actor: str | None = None
    actor_name: str | None = None
    actor_kind: str = ""
    anonymous: bool = False
    withheld: bool = False
    affiliation: str | None = None
    antecedent: str = ""
    cls: str = ""  # person / people / document / institution / media / named / pronoun
    gender: str = ""


@dataclass
class Draft:
    """An attribution being built: `framing.analysers.sourcing` freezes it when done."""

    sentence: int
    start: int
    kind: str
    cue: str
    speaker: Speaker
    quote: str
    last_sentence: int


class Antecedent(NamedTuple):
    sentence: int
    start: int
    speaker: Speaker


@dataclass
class ArticleState:
    """What the finder knows about one article while it reads it."""

    sentences: Sequence[str]
    mentions: list[list[tuple[int, int, Mention]]]  # per sentence: (start incl. title, end, m)
    quotes: list[tuple[tuple[int, int], ...]]
    runs: dict[tuple[int, int], Run]  # (sentence, span start) -> run
    drafts: list[Draft] = field(default_factory=list)
    antecedents: list[Antecedent] | None = None  # filled once by framing.analysers._speakers
    _tokens: dict[int, tuple[list[re.Match[str]], list[str]]] = field(default_factory=dict)
    _words: dict[int, list[str]] = field(default_factory=dict)
    _plain_words: dict[int, list[str]] = field(default_factory=dict)
    _keys: dict[str, Mention] | None = None

    def tokens(self, sentence: int) -> tuple[list[re.Match[str]], list[str]]:
        """The words of a sentence (hyphenated and possessive words whole), and lower-cased."""
        if sentence not in self._tokens:
            tokens = list(TOKEN.finditer(self.sentences[sentence]))
            self._tokens[sentence] = (tokens, self.words(sentence))
        return self._tokens[sentence]

    def words(self, sentence: int) -> list[str]:
        """The lower-cased words of `tokens`, without their positions (cheaper to find)."""
        if sentence not in self._words:
            found = TOKEN.findall(self.sentences[sentence])
            # Lowered at once: a line break keeps each word's own lower case, as it is neither
            # a letter nor case-ignorable ("Σ" lowers as the end of a word).
            self._words[sentence] = "\n".join(found).lower().split("\n") if found else []
        return self._words[sentence]

    def plain_words(self, sentence: int) -> list[str]:
        """The runs of letters of a sentence in lower case ("we're" -> "we", "re")."""
        if sentence not in self._plain_words:
            self._plain_words[sentence] = PLAIN_WORD.findall(self.sentences[sentence].lower())
        return self._plain_words[sentence]

    def actor_keys(self) -> dict[str, Mention]:
        """The article's actors of two or more words, by key."""
        if self._keys is None:
            self._keys = {m.key: m for found in self.mentions for _, _, m in found if " " in m.key}
        return self._keys

    def mention_at(self, sentence: int, offset: int) -> tuple[int, int, Mention] | None:
        for start, end, mention in self.mentions[sentence]:
            if start <= offset < end:
                return start, end, mention
        return None

    def inside_quote(self, sentence: int, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quotes[sentence])


def read_article(sentences: Sequence[str], mentions: Sequence[Mention]) -> ArticleState:
    """Quotations (followed over sentences) and mentions (widened over their titles)."""
    by_sentence: list[list[tuple[int, int, Mention]]] = [[] for _ in sentences]
    for mention in mentions:
        if 0 <= mention.sentence < len(sentences):
            start = _title_start(sentences[mention.sentence], mention)
            by_sentence[mention.sentence].append((start, mention.end, mention))
    quotes: list[tuple[tuple[int, int], ...]] = []
    runs: dict[tuple[int, int], Run] = {}
    open_run: Run | None = None
    for index, sentence in enumerate(sentences):
        found = quotations(sentence, open_at_start=open_run is not None)
        quotes.append(found.spans)
        for number, (start, end) in enumerate(found.spans):
            if not (number == 0 and start == 0 and open_run is not None):
                open_run = Run()
            assert open_run is not None
            open_run.pieces.append((index, start, end))
            runs[(index, start)] = open_run
        if not found.open_at_end:
            open_run = None
    return ArticleState(sentences, by_sentence, quotes, runs)


def _title_start(sentence: str, mention: Mention) -> int:
    """Where a mention starts with the title written before it ("Secretary of State Marco
    Rubio"), so that the title's words are not read as the speaker's head."""
    if not mention.title:
        return mention.start
    found = _title_pattern(mention.title).search(sentence, 0, mention.start)
    return found.start() if found else mention.start


@lru_cache(maxsize=256)
def _title_pattern(title: str) -> re.Pattern[str]:
    words = r"\.?\s+".join(map(re.escape, title.split()))
    return re.compile(rf"(?<![\w'’-]){words}\.?\s+$", re.IGNORECASE)


def start_of_clause(sentence: str, lo: int, position: int) -> int:
    """Start of the stretch before ``position`` that no hard boundary (; : quotes) cuts."""
    found = lo
    for match in _HARD_BOUNDARY.finditer(sentence, lo, position):
        found = match.end()
    return found


def end_of_clause(sentence: str, position: int) -> int:
    """Where the clause from ``position`` ends: a semicolon, a quotation mark or a dash."""
    match = _CLAUSE_END.search(sentence, position)
    return match.start() if match else len(sentence)
