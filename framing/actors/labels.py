"""Labels: the words a sentence attaches to one mention of an actor ("president", "regime").

Rules on the text, no tagger, favouring precision over recall: a construction the rules cannot
read with confidence gives no label. `mention_labels` takes a sentence and the character span
of a name in it ("Maduro", "Nicolás Maduro"; title words at the start of the span are read as
written before the name) and returns zero or more labels, at most one of each kind, in this
order. Label text is lower case, with ’ written ', double quotation marks and stray apostrophes
dropped, and spaces collapsed.

title
    The longest title of ``framing/data/titles.txt`` ("president", "secretary of state", "mr.")
    ending right before the name, with only spaces between, plus any office qualifiers (former,
    acting, interim, outgoing, incoming, deputy, late, then, self-proclaimed) and capitalised
    nationalities (``framing/data/nationalities.txt``) before it: "Venezuelan President Nicolás
    Maduro" -> "venezuelan president"; "then-President Donald Trump" -> "then-president".
modifier
    "the", "a" or "an", then one to four descriptors, then the title if there is one, then the
    name. A descriptor is a lower-case -ed participle ("indicted", "embattled") or a hyphenated
    word ending in lower case ("US-backed", "so-called"). "the indicted Venezuelan strongman
    Nicolás Maduro" -> "indicted venezuelan strongman"; "the indicted Maduro" -> "indicted".
    Other words give nothing, so "the letter Maduro sent" and "the report accused Maduro" have
    no modifier.
head
    A noun of ``framing/data/heads.txt`` (regime, government, loyalists, ...) in lower case right
    after the name or its possessive 's: "the Maduro regime" -> "regime"; "Maduro’s government"
    -> "government". A head directly followed by the/a/an or an object pronoun is a verb
    ("Maduro forces the army to ...") and gives nothing.
apposition
    ", the/a/an ..." right after the name, ended within 12 words (article aside) by punctuation
    or the end of the sentence; the article is kept: "Nicolás Maduro, the indicted Venezuelan
    strongman with a $50 million price on his head, is ..." -> "the indicted venezuelan
    strongman with a $50 million price on his head". Nothing when it reads as a list ("Maduro,
    the opposition and the church"; ", and" after it), as a source ("..., the Post said"), or
    as the subject after an opening phrase: when the name's clause (from the last comma, colon
    or dash) opens with a preposition or "according" ("In a letter to Putin, the Venezuelan
    leader asked ...", "he is, in the words of Marco Rubio, a fugitive").
predicate
    What the sentence says the actor is, without the article: "<name> is/was/remains/remained/
    becomes/became/has been/had been [called, labeled, ... (as)] a/an/the X", also after an
    apposition, unless a preposition comes right before the name or its title ("support for
    Maduro is a signal"); or "<verb> <name> (as) a/an/the X" for verbs of labelling (label, call,
    brand, describe, portray, name, dub, term, deem, consider, declare, in their base, -s, -ed
    and -ing forms, but not "considering", a preposition): "Rubio has labeled Maduro a
    “fugitive from American justice,”" -> "fugitive from american justice". X runs to
    punctuation, to a conjunction or relative word (and, or, but, who, which, that, as, when,
    ...) or, when a quotation mark opens it, to the closing mark; more than 12 words give
    nothing. "<name>, whom ... called X" is not read.

Apposition and predicate phrases that open with a time word ("called Maduro the next day") are
not labels. Work per mention is bounded: the rules read a few words to the left of the name and
the right-hand tokens only as far as they need.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import islice, pairwise
from typing import Literal, NamedTuple

from framing.analysers.text import abbreviations

__all__ = ["Label", "LabelKind", "mention_labels"]

LabelKind = Literal["title", "modifier", "head", "apposition", "predicate"]

_MAX_PHRASE_WORDS = 12
_MAX_PHRASE_TOKENS = 64
_MAX_DESCRIPTORS = 4
_MIN_PARTICIPLE = 5
_MAX_SPAN_TITLE_WORDS = 6
_LEFT_WINDOW = 200
_LEFT_PIECES = 16

_TOKEN = re.compile(
    r"(?P<word>(?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)+|[^\W_]+(?:['’-][^\W_]+)*)"
    r"|(?P<space>\s+)"
    r"|(?P<mark>.)"
)
_NON_SPACE = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"['’]s(?![^\W_])")
_POSSESSIVE_END = re.compile(r"['’]s$")
_EX_THEN = re.compile(r"^(?:ex|then)-(?=[^\W_])")
_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
_DROPPED_MARKS = re.compile(r"[\"“”„‟«»‘]|'(?![^\W_])|(?<![^\W_])'")

_DETERMINERS = frozenset({"the", "a", "an"})
_QUALIFIERS = frozenset(
    "former acting interim outgoing incoming deputy late then self-proclaimed".split()
)
_NOT_PARTICIPLES = frozenset({"hundred", "thread", "spread", "bread"})
_OBJECT_WORDS = _DETERMINERS | frozenset("him her them us me it his their its".split())
_COPULAS = frozenset("is was remains remained becomes became".split())
_PERFECT = frozenset({"has", "had"})
_LABEL_VERBS = frozenset(
    f"{stem}{ending}"
    for stem, endings in (
        ("label", ("", "s", "ed", "led", "ing", "ling")),
        ("call", ("", "s", "ed", "ing")),
        ("brand", ("", "s", "ed", "ing")),
        ("describ", ("e", "es", "ed", "ing")),
        ("portray", ("", "s", "ed", "ing")),
        ("nam", ("e", "es", "ed", "ing")),
        ("dub", ("", "s", "bed", "bing")),
        ("term", ("", "s", "ed", "ing")),
        ("deem", ("", "s", "ed", "ing")),
        ("consider", ("", "s", "ed")),
        ("declar", ("e", "es", "ed", "ing")),
    )
    for ending in endings
)
_PREPOSITIONS = frozenset(
    """
    about above across after against along among around at before behind below beside between
    beyond by despite during for from in inside into like near of off on onto over past since
    than through to toward towards under until upon versus via with within without
    """.split()
)
_CLAUSE_WORDS = frozenset(
    """
    and or but nor who whom whose which that while whereas because although though as when
    where whether if unless since until
    """.split()
)
_INTRODUCERS = _PREPOSITIONS | frozenset({"according", "unlike"})
_LIST_WORDS = frozenset({"and", "or"})
_SOURCE_WORDS = frozenset(
    """
    said says say told tells reported wrote writes added adds noted argued argues announced
    announces stated according
    """.split()
)
_TIME_WORDS = frozenset(
    """
    day days night morning afternoon evening week weeks weekend month months year years time
    same next following previous
    """.split()
)
_QUOTES = frozenset('"“”„‟«»')
_JOINERS = frozenset("$€£%&/+'’‘")
_CLAUSE_MARKS = (",", ";", ":", "-", "–", "—")
_OPENING_MARKS = "\"“‘'(["


@dataclass(frozen=True)
class Label:
    """A word or phrase a sentence attaches to a mention: its kind and normalised text.

    ``kind`` is ``"title"``, ``"modifier"``, ``"head"``, ``"apposition"`` or ``"predicate"``;
    ``text`` is lower case ("venezuelan president", "regime"). Rules in the module docstring.
    """

    kind: LabelKind
    text: str


def mention_labels(sentence: str, start: int, end: int) -> tuple[Label, ...]:
    """The labels a sentence attaches to the mention at ``sentence[start:end]``.

    Parameters
    ----------
    sentence : str
        One sentence, as `framing.analysers.text.sentences` splits them.
    start, end : int
        Character offsets of the mention's name, end exclusive. A title at the start of the span
        ("President Nicolás Maduro") is read as a title label; a possessive 's at its end is read
        as written after the name.

    Returns
    -------
    tuple[Label, ...]
        At most one label of each kind, in the order title, modifier, head, apposition,
        predicate; empty for an empty or blank span.

    Raises
    ------
    ValueError
        If the span is not inside the sentence (``0 <= start <= end <= len(sentence)``).

    Examples
    --------
    >>> sentence = "Secretary of State Marco Rubio has labeled Maduro a “fugitive.”"
    >>> mention_labels(sentence, 19, 30)
    (Label(kind='title', text='secretary of state'),)
    >>> mention_labels(sentence, 43, 49)
    (Label(kind='predicate', text='fugitive'),)
    >>> mention_labels("The Maduro regime denies the charges.", 4, 10)
    (Label(kind='head', text='regime'),)
    """
    if not 0 <= start <= end <= len(sentence):
        raise ValueError(
            f"the mention span ({start}, {end}) is not inside the sentence of {len(sentence)} "
            "characters: pass 0 <= start <= end <= len(sentence)"
        )
    if not sentence[start:end].strip():
        return ()
    possessive = _POSSESSIVE_END.search(sentence, start, end)
    if possessive is not None and possessive.start() > start:
        end = possessive.start()
    labels: list[Label] = []
    left = _left_labels(sentence, _name_start(sentence, start, end), labels)
    _right_labels(sentence, end, left, labels)
    return tuple(labels)


# Left of the name: title and modifier.


def _name_start(sentence: str, start: int, end: int) -> int:
    """Where the name starts once title words at the start of the span are set aside."""
    pieces = [
        m.span() for m in islice(_NON_SPACE.finditer(sentence, start, end), _MAX_SPAN_TITLE_WORDS)
    ]
    keys = [_key(sentence[a:b]) for a, b in pieces]
    for length in range(len(pieces) - 1, 0, -1):
        if _titles().longest_suffix(keys[:length]):
            return pieces[length][0]
    return start


class _Left(NamedTuple):
    """What the left of a name says about the right: the word before the title (or the name)
    and the first word of the name's clause (after the last comma, colon or dash), lower case,
    "" when the name opens it or it is out of sight."""

    before: str
    opener: str


def _left_labels(sentence: str, name_start: int, labels: list[Label]) -> _Left:
    """Add the title and modifier labels of the name starting at ``name_start``."""
    if name_start == 0 or not sentence[name_start - 1].isspace():
        return _Left("", "")
    window_start = max(0, name_start - _LEFT_WINDOW)
    pieces = [m.span() for m in _NON_SPACE.finditer(sentence, window_start, name_start)]
    complete = window_start == 0 and len(pieces) <= _LEFT_PIECES
    if window_start > 0:
        pieces = pieces[1:]  # it may be cut off
    pieces = pieces[-_LEFT_PIECES:]
    raw = [sentence[a:b] for a, b in pieces]
    keys = [_key(piece) for piece in raw]
    first = len(pieces)
    title_length = _titles().longest_suffix(keys)
    if title_length:
        first -= title_length
        while first:
            if keys[first - 1] in _QUALIFIERS:
                first -= 1
                continue
            length = _nationalities().longest_suffix(keys[:first])
            if not length or not all(piece[:1].isupper() for piece in raw[first - length : first]):
                break
            first -= length
        labels.append(Label("title", _normalise(sentence[pieces[first][0] : pieces[-1][1]])))
    descriptors = first
    while descriptors and first - descriptors < _MAX_DESCRIPTORS:
        if not _is_descriptor(raw[descriptors - 1]):
            break
        descriptors -= 1
    if descriptors < first and descriptors and keys[descriptors - 1] in _DETERMINERS:
        labels.append(
            Label("modifier", _normalise(sentence[pieces[descriptors][0] : pieces[-1][1]]))
        )
    return _Left(keys[first - 1] if first else "", _opener(raw, complete=complete))


def _opener(pieces: list[str], *, complete: bool) -> str:
    """The first word of the clause after ``pieces``: after the last , ; : or dash."""
    for index in range(len(pieces) - 1, -1, -1):
        if pieces[index].endswith(_CLAUSE_MARKS):
            return _key(pieces[index + 1]).lstrip(_OPENING_MARKS) if index + 1 < len(pieces) else ""
    return _key(pieces[0]).lstrip(_OPENING_MARKS) if complete and pieces else ""


def _is_descriptor(piece: str) -> bool:
    """A lower-case -ed participle ("indicted") or a hyphenated adjective ("US-backed")."""
    if _HYPHENATED.fullmatch(piece):
        return piece.rsplit("-", 1)[1].islower()
    return (
        len(piece) >= _MIN_PARTICIPLE
        and piece.isalpha()
        and piece.islower()
        and piece.endswith("ed")
        and not piece.endswith("eed")
        and piece not in _NOT_PARTICIPLES
    )


# Right of the name: head, apposition and predicate.


class _Tokens:
    """The tokens of a sentence from an offset on, read only as far as a rule looks."""

    def __init__(self, sentence: str, offset: int) -> None:
        self._matches: Iterator[re.Match[str]] = _TOKEN.finditer(sentence, offset)
        self._read: list[re.Match[str]] = []

    def __getitem__(self, index: int) -> re.Match[str] | None:
        if index < 0:
            return None
        while len(self._read) <= index:
            match = next(self._matches, None)
            if match is None:
                return None
            self._read.append(match)
        return self._read[index]

    def word(self, index: int) -> str:
        """The lower-case word at ``index``, or "" if the token there is not a word."""
        token = self[index]
        return token.group().lower() if token is not None and token.lastgroup == "word" else ""

    def mark(self, index: int) -> str:
        """The punctuation mark at ``index``, or ""."""
        token = self[index]
        return token.group() if token is not None and token.lastgroup == "mark" else ""

    def skip_space(self, index: int) -> int:
        """``index``, moved past a space token if there is one."""
        token = self[index]
        return index + 1 if token is not None and token.lastgroup == "space" else index

    def next_word(self, index: int) -> str:
        """The word after ``index`` and the space after it, or ""."""
        return self.word(self.skip_space(index + 1))


@dataclass(frozen=True)
class _Phrase:
    start: int
    end: int
    stop: int  # index of the token that ended the phrase (past the last token at sentence end)
    words: tuple[str, ...]  # as written


def _right_labels(sentence: str, name_end: int, left: _Left, labels: list[Label]) -> None:
    """Add the head, apposition and predicate labels of the name ending at ``name_end``."""
    possessive = _POSSESSIVE.match(sentence, name_end)
    tokens = _Tokens(sentence, possessive.end() if possessive else name_end)
    head = _head(tokens, possessive=possessive is not None)
    if head:
        labels.append(Label("head", head))
    if possessive or head:
        return
    predicate = None
    apposition = None if left.opener in _INTRODUCERS else _apposition(sentence, tokens)
    if apposition is not None:
        text, after = apposition
        labels.append(Label("apposition", text))
        if after and left.before not in _PREPOSITIONS:
            predicate = _copular_predicate(sentence, tokens, after)
    elif left.before in _LABEL_VERBS:
        index = tokens.skip_space(0)
        if tokens.word(index) == "as":
            index = tokens.skip_space(index + 1)
        predicate = _complement(sentence, tokens, index)
    elif left.before not in _PREPOSITIONS:
        predicate = _copular_predicate(sentence, tokens, 0)
    if predicate:
        labels.append(Label("predicate", predicate))


def _head(tokens: _Tokens, *, possessive: bool) -> str:
    """A listed head noun right after the name ("regime"), or ""."""
    token = tokens[1]
    if tokens[0] is None or tokens[0].lastgroup != "space" or token is None:
        return ""
    written = token.group()
    head = _POSSESSIVE_END.sub("", written.lower())
    if token.lastgroup != "word" or not written[:1].islower() or head not in _heads():
        return ""
    if not possessive and tokens.next_word(1) in _OBJECT_WORDS:
        return ""
    return head


def _apposition(sentence: str, tokens: _Tokens) -> tuple[str, int] | None:
    """The apposition after the name, and the index of the token after its closing comma (0 if
    it ends otherwise)."""
    comma = tokens.skip_space(0)
    if tokens.mark(comma) != ",":
        return None
    index = tokens.skip_space(comma + 1)
    article = tokens[index]
    if article is None or tokens.word(index) not in _DETERMINERS:
        return None
    phrase = _phrase(tokens, tokens.skip_space(index + 1), quoted=False, stop_words=frozenset())
    if phrase is None or not _reads_as_apposition(phrase, tokens):
        return None
    after = phrase.stop + 1 if tokens.mark(phrase.stop) == "," else 0
    return _normalise(sentence[article.start() : phrase.end]), after


def _reads_as_apposition(phrase: _Phrase, tokens: _Tokens) -> bool:
    """Not a list ("the opposition and the church"), not a source ("the Post said")."""
    keys = [word.lower() for word in phrase.words]
    if keys[0] in _TIME_WORDS or _SOURCE_WORDS.intersection(keys):
        return False
    for word, following in pairwise(phrase.words):
        if word.lower() in _LIST_WORDS and (
            following.lower() in _DETERMINERS or following[:1].isupper()
        ):
            return False
    return not (tokens.mark(phrase.stop) == "," and tokens.next_word(phrase.stop) in _LIST_WORDS)


def _copular_predicate(sentence: str, tokens: _Tokens, index: int) -> str | None:
    """X in "<name> is/was/has been [called (as)] a/an/the X", reading from ``index``."""
    index = tokens.skip_space(index)
    verb = tokens.word(index)
    if verb in _PERFECT:
        index = tokens.skip_space(index + 1)
        verb = tokens.word(index)
        if verb != "been":
            return None
    elif verb not in _COPULAS:
        return None
    index = tokens.skip_space(index + 1)
    if tokens.word(index) in _LABEL_VERBS:
        index = tokens.skip_space(index + 1)
        if tokens.word(index) == "as":
            index = tokens.skip_space(index + 1)
    return _complement(sentence, tokens, index)


def _complement(sentence: str, tokens: _Tokens, index: int) -> str | None:
    """The phrase after an article at ``index`` (quotation marks around either allowed)."""
    quoted = tokens.mark(index) in _QUOTES
    if quoted:
        index += 1
    if tokens.word(index) not in _DETERMINERS:
        return None
    index = tokens.skip_space(index + 1)
    if tokens.mark(index) in _QUOTES:
        quoted = True
        index += 1
    phrase = _phrase(tokens, index, quoted=quoted, stop_words=_CLAUSE_WORDS)
    if phrase is None or phrase.words[0].lower() in _TIME_WORDS:
        return None
    return _normalise(sentence[phrase.start : phrase.end])


def _phrase(
    tokens: _Tokens, index: int, *, quoted: bool, stop_words: frozenset[str]
) -> _Phrase | None:
    """The words from ``index`` to the first stop: punctuation, a stop word, a closing quote.

    ``$ € £ % & / +``, single quotes and apostrophes, unspaced hyphens and the period of an
    abbreviation ("Mr.") do not stop a phrase; double quotation marks do only when ``quoted``
    (one opened the phrase). None when the phrase is empty or longer than 12 words.
    """
    start = end = -1
    words: list[str] = []
    position, limit = index, index + _MAX_PHRASE_TOKENS
    while (token := tokens[position]) is not None:
        if position == limit:
            return None
        text = token.group()
        if token.lastgroup == "word":
            if words and text.lower() in stop_words:
                break
            if len(words) == _MAX_PHRASE_WORDS:
                return None
            words.append(text)
        elif token.lastgroup == "mark" and not _continues(tokens, position, quoted=quoted):
            break
        if token.lastgroup == "word" or (
            token.lastgroup == "mark" and text not in _QUOTES and (words or text in _JOINERS)
        ):
            start = token.start() if start < 0 else start
            end = token.end()
        position += 1
    if not words:
        return None
    return _Phrase(start, end, position, tuple(words))


def _continues(tokens: _Tokens, index: int, *, quoted: bool) -> bool:
    """Whether the punctuation mark at ``index`` leaves the phrase going on."""
    mark = tokens.mark(index)
    if mark in _QUOTES:
        return not quoted
    if mark in _JOINERS:
        return True
    previous, following = tokens[index - 1], tokens[index + 1]
    if mark == "-":
        return not (
            previous is not None
            and previous.lastgroup == "space"
            and following is not None
            and following.lastgroup == "space"
        )
    return (
        mark == "."
        and previous is not None
        and previous.lastgroup == "word"
        and previous.group().lower() in abbreviations()
    )


# Word lists and text normalisation.


class _PhraseList:
    """Phrases of one or more lower-case words, matched on the end of a word sequence."""

    def __init__(self, phrases: Iterable[str]) -> None:
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(phrase.split())
            by_last.setdefault(words[-1], []).append(words)
        self._by_last = {
            last: sorted(found, key=len, reverse=True) for last, found in by_last.items()
        }

    def longest_suffix(self, keys: Sequence[str]) -> int:
        """How many words at the end of ``keys`` form the longest listed phrase (0: none)."""
        if not keys:
            return 0
        for words in self._by_last.get(keys[-1], ()):
            if len(words) <= len(keys) and tuple(keys[len(keys) - len(words) :]) == words:
                return len(words)
        return 0


def _read_list(name: str) -> list[str]:
    text = (files("framing") / "data" / name).read_text(encoding="utf-8")
    return [
        " ".join(line.lower().split())
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def _titles() -> _PhraseList:
    return _PhraseList(_read_list("titles.txt"))


@lru_cache(maxsize=1)
def _nationalities() -> _PhraseList:
    return _PhraseList(_read_list("nationalities.txt"))


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(_read_list("heads.txt"))


def _key(piece: str) -> str:
    """A piece of text as the word lists spell it: "then-President" -> "president"."""
    return _EX_THEN.sub("", piece.lower().replace("’", "'"))


def _normalise(text: str) -> str:
    return " ".join(_DROPPED_MARKS.sub("", text.replace("’", "'")).lower().split())
