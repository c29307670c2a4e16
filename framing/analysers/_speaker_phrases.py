"""Where an attribution's speaker is written: the noun phrase before its cue, or after it.

`find_subject` finds the phrase before a cue ("Secretary of State Marco Rubio said"), past
auxiliaries, parentheticals and appositions between commas, or says that the cue comes first
(``"...," said a senior official``); `phrase_after` reads the phrase after a cue ("according
to X"); `mention_ending` and `mention_after` find the mentions in apposition to a phrase
("Joseph Antos, a health care policy expert"). These only locate text: which actor, if any,
a phrase stands for is decided in `framing.analysers._speakers`, and whether a cue attributes
at all in `framing.analysers.sourcing`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.analysers._sourcing_article import (
    INITIALISM,
    TOKEN,
    ArticleState,
    end_of_clause,
    start_of_clause,
)

if TYPE_CHECKING:  # framing.actors imports framing.analysers.text
    from framing.actors.discover import Mention

__all__ = [
    "PRONOUNS",
    "WORD",
    "find_subject",
    "mention_after",
    "mention_ending",
    "phrase_after",
]

WORD = re.compile(r"[^\s,;:()\"“”]+")
PRONOUNS = frozenset("he she it they we i you".split())
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_ADVERBIAL = (
    rf"(?:late |early )?(?:on )?(?:{_DAYS})(?: night| morning| afternoon| evening)?|"
    r"last (?:week|month|year|night)|this (?:week|month|year)|earlier|later|"
    r"by (?:tele)?phone|by email|in (?:a|an|the) (?:\w+ )?(?:statement|interview|speech|"
    r"email|letter|briefing|call|message|video|broadcast|news conference|press conference)s?|"
    r"in (?:recent )?(?:interviews|statements|remarks)"
)
_AUXILIARY_WORDS = (
    "has|have|had|also|would|will|could|might|may|can|did|does|do|not|never|n't|already|again|"
    "once|then|now|later|earlier|previously|recently|repeatedly|further|still|long|first|is|"
    "are|was|were|be|been|being|publicly|privately|separately|similarly|openly|broadly|widely|"
    "initially|flatly|firmly|bluntly|frankly|explicitly|specifically|subsequently|often|"
    "frequently|routinely|reportedly|angrily|quickly|simply|just|even|only|however|too|"
    r"\w+n't"
)
_TRAILING_AUX = re.compile(rf"(?:[\s,]+(?:{_AUXILIARY_WORDS}|{_ADVERBIAL}))+[\s,]*$", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n't\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:could|might|may|should|would|can|will)\b", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$", re.IGNORECASE)
_LEADING = re.compile(
    r"(?:\s*\b(?:and|but|yet|so|or|also|meanwhile|however|still|now|then|instead|moreover|"
    r"indeed|thus|with|while|as|although|though|because|since|when|where|if|unless|after|"
    r"before|even)\b)+\s*",
    re.IGNORECASE,
)
_SUBORDINATOR = re.compile(
    r"\b(?:while|whereas|although|though|because|since|when|where|unless|if|after|before|as)\s+",
    re.IGNORECASE,
)
_NO_SPEAKER = re.compile(
    r"\s*(?:whatever|whoever|what|whether|how|why|neither|no|nobody|none|nothing)\b", re.IGNORECASE
)
_COMMA = re.compile(r",(?!\d)")
_COORDINATOR_AT_END = re.compile(r"\b(?:and|but|or)\s*$", re.IGNORECASE)
_WHO = re.compile(r"\s(?:who|whom|whose)\b", re.IGNORECASE)
_APPOSITION_END = re.compile(r"\s*(?:[,.;:!?]|$)")
_INITIAL = re.compile(r"\b[A-Z]\.$")
_RELATIVE = re.compile(r"\b(?:that|which|what)\s+", re.IGNORECASE)
_LAST_PRONOUN = re.compile(r"(?<![\w'’])(?:he|she|they|it)\s*$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w'’-]+)\W*$")
_DETERMINERS = frozenset(
    "the a an this these those its his her their our my your such any every each no".split()
)
_TITLE_WORDS = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|the|former|ex-)\s+)*")
_POST_SPEAKER_STOP = re.compile(
    rf"[,;:\"“”()]|\s[-–—]\s|\b(?:who|whom|whose|which|that|when|while|as|after|before|because|"
    rf"although|adding|speaking|referring|citing|according|saying|told|{_ADVERBIAL})\b",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(r"^\s*(?:who|which|whose|according|led|[a-z]\w*(?:ing|ed))\b")


def find_subject(
    article: ArticleState, index: int, lo: int, cue_start: int, *, clause_lo: int = 0
) -> tuple[int, int, tuple[int, int]] | str | None:
    """The speaker before the cue: (start, end, rest span), "inverted" when the cue comes first
    (``"...," said X``), or None when the cue is not an attribution here. ``lo`` is where the
    subject may start (after an earlier cue), ``clause_lo`` where the clause starts."""
    sentence = article.sentences[index]
    before = sentence[lo:cue_start]
    word = _WORD_BEFORE.search(before)
    if before.endswith("-") or (
        word
        and (
            word.group(1).lower() in _DETERMINERS
            or (word.group(1).lower() == "that" and _is_base_form(sentence, cue_start))
            or word.group(1).lower() == "to"
            or word.group(1).endswith(("'s", "’s"))
        )
        and before.rstrip() == before[: word.end(1)].rstrip()
    ):
        return None  # "the said agreement", "Maduro's reported appeal", "declined to say"
    segment_start = start_of_clause(sentence, lo, cue_start)
    commas = [m.start() for m in _COMMA.finditer(sentence, segment_start, cue_start)]
    starts = [segment_start] + [c + 1 for c in commas]
    last_start = starts[-1]
    piece_end = _strip_trailing(sentence, last_start, cue_start)
    auxiliaries = sentence[piece_end:cue_start]
    if _NEGATION.search(auxiliaries) or _HYPOTHETICAL.search(auxiliaries):
        return None  # "did not say", "could tell"
    if _PASSIVE_AUX.search(auxiliaries.rstrip(" ,")) and piece_end < cue_start:
        return None
    piece = sentence[last_start:piece_end]
    if not piece.strip():
        if len(starts) > 2:
            enclosed = _enclosed_subject(article, index, starts, commas, cue_start)
            if enclosed is not None:
                return enclosed
        if commas or (last_start == lo and lo > 0):
            return "inverted"
        return None
    rest_end = end_of_clause(sentence, cue_start)
    if _COORDINATOR_AT_END.search(piece):
        # coordinated verbs: "Trump, in interviews, downplayed war but suggested ..."
        clause_start = start_of_clause(sentence, clause_lo, cue_start)
        return _clause_subject(article, index, clause_start, cue_start)
    return _subject_piece(article, index, last_start, piece_end, (piece_end, rest_end))


def _enclosed_subject(
    article: ArticleState, index: int, starts: list[int], commas: list[int], cue_start: int
) -> tuple[int, int, tuple[int, int]] | None:
    """The subject before a parenthetical or an apposition between commas: "A Caracas-based
    economist, speaking on condition of anonymity, said", "Rubio, the top US diplomat, said"."""
    sentence = article.sentences[index]
    middle = sentence[starts[-2] : commas[-1]]
    rest = (starts[-2], cue_start)
    for start, end, found in article.mentions[index]:  # "the editor of X, Hu Xijin, said"
        if found.kind == "person" and middle.strip() == sentence[start:end]:
            return start, end, rest
    if middle.strip() and _PARENTHETICAL.match(middle):
        return _subject_piece(article, index, starts[-3], commas[-2], rest)
    first = sentence[starts[0] : commas[0]]  # "Peter McMahon, 26, a resident of ..., said"
    for start, end, found in article.mentions[index]:
        if (
            found.kind == "person"
            and _TITLE_WORDS.fullmatch(first[: start - starts[0]].lstrip())
            and not sentence[end : commas[0]].strip()
        ):
            return start, end, (commas[0], cue_start)
    mention = mention_ending(article, index, commas[-2])  # "Twitter, the company, said"
    if mention is not None and mention[2].kind in ("person", "organisation"):
        return mention[0], mention[1], rest
    return None


def _is_base_form(sentence: str, cue_start: int) -> bool:
    """Whether the cue after "that" is a bare form, so "that" is a determiner ("that question",
    "that report"), not a relative pronoun ("the letter that said")."""
    word = TOKEN.match(sentence, cue_start)
    return word is not None and not word.group().lower().endswith(("s", "ed", "id", "ld"))


def _strip_trailing(sentence: str, start: int, end: int) -> int:
    """End of the subject once auxiliaries and adverbs before the cue are stripped."""
    text = sentence[start:end]
    match = _TRAILING_AUX.search(" " + text)
    return start + (match.start() - 1 if match and match.start() > 0 else len(text.rstrip()))


def mention_ending(
    article: ArticleState, index: int, position: int, *, comma: bool = False
) -> tuple[int, int, Mention] | None:
    """The mention that ends right before ``position`` (a possessive 's aside), or with
    ``comma``, right before a comma there ("Joseph Antos, a health care policy expert")."""
    sentence = article.sentences[index]
    for start, end, mention in article.mentions[index]:
        between = sentence[end:position]
        if end > position:
            continue
        if not comma and not between.strip(" ’'s"):
            return start, end, mention
        if comma and between.strip() == "," and _opens_piece(sentence, start):
            return start, end, mention
    return None


def _opens_piece(sentence: str, start: int) -> bool:
    """Whether only title words come between the last comma (or clause start) and ``start``:
    "Joseph Antos, an expert", not "the firing of Flynn, the president"."""
    boundary = max(sentence.rfind(mark, 0, start) for mark in ',;:(“"') + 1
    lead = _LEADING.match(sentence, boundary, start)
    return bool(_TITLE_WORDS.fullmatch(sentence[lead.end() if lead else boundary : start].lstrip()))


def mention_after(article: ArticleState, index: int, position: int) -> Mention | None:
    """A person named right after ``position`` in apposition: "an old friend, Stephen Norman"."""
    sentence = article.sentences[index]
    comma = sentence.find(",", position)
    if comma < 0 or sentence[position:comma].strip():
        return None
    for start, end, mention in article.mentions[index]:
        if mention.kind == "person" and start > comma and not sentence[comma + 1 : start].strip():
            return mention if _APPOSITION_END.match(sentence, end) else None
    return None


def _clause_subject(
    article: ArticleState, index: int, segment_start: int, cue_start: int
) -> tuple[int, int, tuple[int, int]] | None:
    """The subject at the start of the clause, when it is an actor mention or a pronoun."""
    sentence = article.sentences[index]
    lead = _LEADING.match(sentence, segment_start)
    begin = lead.end() if lead else segment_start
    begin += len(sentence[begin:cue_start]) - len(sentence[begin:cue_start].lstrip())
    for start, end, _ in article.mentions[index]:
        if start <= begin < end or (
            begin <= start < cue_start and _TITLE_WORDS.fullmatch(sentence[begin:start])
        ):
            return start, end, (end, cue_start)
    word = WORD.match(sentence, begin)
    if word and word.group().lower() in PRONOUNS:
        return word.start(), word.end(), (word.end(), cue_start)
    return None


def _subject_piece(
    article: ArticleState, index: int, start: int, end: int, rest: tuple[int, int]
) -> tuple[int, int, tuple[int, int]] | None:
    """Trim a clause piece to its subject noun phrase: drop leading conjunctions and adverbial
    openers, take what follows a relative "that"/"which" and what precedes "who"."""
    sentence = article.sentences[index]
    lead = _LEADING.match(sentence, start, end)
    if lead:
        start = lead.end()
    if _NO_SPEAKER.match(sentence, start):
        return None  # "whatever the letter says", "neither side said"
    for match in _SUBORDINATOR.finditer(sentence, start, end):
        if article.mention_at(index, match.start()) is None:
            start = match.end()
    relative = None
    for match in _RELATIVE.finditer(sentence[start:end]):
        relative = match
    if relative is not None:
        start += relative.end()
    pronoun = _LAST_PRONOUN.search(sentence, start, end)
    if pronoun is not None:  # "one of a series he said Trump signed"
        start = pronoun.start()
    who = _WHO.search(sentence[start:end])
    if who is not None:
        rest = (start + who.start(), rest[1])
        end = start + who.start()
    text = sentence[start:end]
    start += len(text) - len(text.lstrip())
    end = start + len(sentence[start:end].rstrip(" ,"))
    if start >= end or _NO_SPEAKER.match(sentence[start:end]):
        return None
    return start, end, rest


def phrase_after(
    article: ArticleState, index: int, position: int
) -> tuple[int, int, tuple[int, int]] | None:
    """The noun phrase right after ``position`` (inverted speakers, "according to X"): up to a
    comma, a relative clause or an adverbial ("on Tuesday"); mentions are never cut."""
    sentence = article.sentences[index]
    start = position + len(sentence[position:]) - len(sentence[position:].lstrip())
    offset = start
    end = len(sentence)
    while True:
        stop = _POST_SPEAKER_STOP.search(sentence, offset)
        if stop is None:
            break
        inside = article.mention_at(index, stop.start())
        if inside is not None and stop.start() > inside[0]:
            offset = inside[1]
            continue
        end = stop.start()
        break
    text = sentence[start:end].rstrip()
    if text.endswith(".") and not (_INITIAL.search(text) or INITIALISM.search(text)):
        text = text[:-1]
    end = start + len(text.rstrip(" .!?"))
    if end <= start:
        return None
    return start, end, (end, end_of_clause(sentence, end))
