"""Who is given voice: quotations and attributions, with each speaker resolved to an actor.

Rule-based and offline, on the sentences of one article (title first) and the actor mentions
`framing.actors.discover.find_mentions` found in them. Three kinds of attribution:

direct
    Quoted words beside a cue: ``"...," said Maduro``, ``"...," he told reporters``,
    ``Maduro said: "..."``, a quotation opened in one sentence and closed, before its cue, in a
    later one. A quotation that opens the next sentence without a cue of its own continues the
    same voice (``"...," said a nurse. "More words."``). Naming verbs count when the clause
    quotes: Rubio ``called Maduro a "fugitive from American justice"``.
indirect
    Reported speech: ``Rubio said the US would ...``, ``officials told Reuters that ...``,
    ``..., traders said, unless ...``; and agentless reports: ``it was reported that``,
    ``is said to``, ``reportedly``.
according_to
    ``according to X``, ``in the words of X``, ``citing X``, ``quoting X``.

Quotation marks without a cue (scare quotes) are not attributions. The cues and the nouns of
unnamed speakers are word lists in ``framing/data/sourcing/`` (see each file's header).

The speaker is the noun phrase before the cue (or after it: ``said a senior official``); its
head word decides who it is. An actor mention as the head is a named speaker
(``Secretary of State Marco Rubio``). A person noun ("a 34-year-old woman", "US officials",
"analysts") is an unnamed, anonymous speaker, with any actor named inside it as its
affiliation ("US"). A document ("a report in The Washington Post", "United Nations estimates")
speaks for the actor named with it. "the newspaper" or "the ministry" is the nearest earlier
organisation mention whose name fits. Pronouns: "he"/"she" is the nearest earlier person
outside quotation marks, a named person mention or an unnamed person ("a nurse", "the woman";
gendered nouns must agree); "they" is the nearest earlier unnamed group; "it" is the latest
organisation that spoke. An unresolved pronoun has no actor and is not called anonymous.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

# The finder is here; its working records, word lists and speaker resolution are private
# modules beside it.
from framing.analysers._sourcing_article import (
    INITIALISM,
    QUOTE_MARKS,
    ArticleState,
    Draft,
    Speaker,
    end_of_clause,
    read_article,
    start_of_clause,
)
from framing.analysers._sourcing_data import (
    SourceNoun,
    anonymity_markers,
    attribution_cues,
    cue_index,
    source_nouns,
)
from framing.analysers._speaker_phrases import find_subject, phrase_after
from framing.analysers._speakers import classify

if TYPE_CHECKING:  # framing.actors imports framing.analysers.text
    from framing.actors.discover import Mention

__all__ = [
    "Attribution",
    "SourceNoun",
    "anonymity_markers",
    "attribution_cues",
    "find_attributions",
    "source_nouns",
    "voices",
]

DIRECT, INDIRECT, ACCORDING_TO = "direct", "indirect", "according_to"


@dataclass(frozen=True)
class Attribution:
    """One attribution: who is given voice in which sentence, with what words.

    ``actor`` and ``actor_name`` are the resolved actor's `Mention.key` and `Mention.actor`, or
    None when the speaker is unnamed or could not be resolved. ``anonymous`` says the speaker
    is not identified by name ("officials", "a 34-year-old woman", "it was reported");
    ``name_withheld`` says the text states the name was withheld on purpose ("asked that her
    name not be used", "on condition of anonymity"). ``affiliation`` is the key of an actor named
    inside an unnamed speaker ("US officials" -> "united states"). ``antecedent`` is what a
    pronoun speaker was resolved to, as written ("a nurse", "Nicolás Maduro").
    """

    sentence: int
    kind: str
    cue: str
    speaker: str
    span: tuple[int, int] | None
    actor: str | None
    actor_name: str | None
    anonymous: bool
    quote: str
    name_withheld: bool = False
    affiliation: str | None = None
    antecedent: str = ""


_AGENTLESS_TRIGGERS = frozenset(
    "said reported claimed alleged believed understood rumoured rumored reportedly".split()
)
_IT_THIS = re.compile(r"(?:it|this)\b", re.IGNORECASE)
_TRAILING_THAT = re.compile(r"\s+that$", re.IGNORECASE)
_OF = re.compile(r"\s+of\b")
_SENTENCE_PUNCTUATION = re.compile(r"[;.!?]")
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")
_LISTENER = re.compile(
    r"\s+("
    r"[A-Z][\w.'’&-]*(?:\s+(?:of\s+)?[A-Z][\w.'’&-]*){0,4}"  # Reuters, The Associated Press
    r"|(?:the|a|an|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+"  # the newspaper
    r"(?=\s*(?:[,.:;\"“”]|$)|\s+(?:that|on|in|at|about|during|after|before|when|while|by|of|"
    r"he|she|they|it|the|this|last)\b)"
    r"|(?:reporters|journalists|lawmakers|legislators|senators|supporters|voters|investigators|"
    r"officials|police|prosecutors|parliament|congress|me|him|her|them|us|you)\b"
    r")"
)
_THAT = re.compile(r"^(?:\s+[\w'’-]+){0,4}?\s+that\b", re.IGNORECASE)
_CLAUSE_FOLLOWS = re.compile(r"^\s*(?:that\b|[,:.!?;\"“”]|[-–—]|$)")
_AGENTLESS = re.compile(
    r"\b(?:(?:it|this)\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|also\s+)?"
    r"(?:said|reported|claimed|alleged|believed|understood|rumou?red)\b(?:\s+that\b)?"
    r"|(?:is|are|was|were)\s+(?:widely\s+|also\s+)?"
    r"(?:said|reported|alleged|believed|understood|rumou?red)\s+to\b"
    r"|reportedly)\b",
    re.IGNORECASE,
)
_BY_AGENT = re.compile(r"\s+by\s+(?=[A-Z]|the\s+[A-Z])")
_LEFT_ADJACENT = re.compile(r"^[\"”]?\s*,?\s*$")
_RIGHT_ADJACENT = re.compile(r"^\s*[,:]?\s*[\"“]$|^[^\"“”.;]*:\s*[\"“]$")
_JOIN = " … "  # between the quotations of one voice, where the attribution words were


def find_attributions(
    sentences: Sequence[str], mentions: Sequence[Mention]
) -> tuple[Attribution, ...]:
    """Find who is given voice in one article: quotations, reported speech, "according to".

    Parameters
    ----------
    sentences : Sequence[str]
        The article's sentences, title first, as `framing.analysers.analyse` splits them.
    mentions : Sequence[Mention]
        The article's actor mentions (`framing.actors.discover.find_mentions` on the same
        sentences), to which speakers are resolved.

    Returns
    -------
    tuple[Attribution, ...]
        In reading order (sentence, then position of the cue).

    Examples
    --------
    >>> from framing.actors.discover import find_mentions
    >>> found = ["“We will not back down,” said President Nicolás Maduro."]
    >>> (a,) = find_attributions(found, find_mentions(found))
    >>> a.kind, a.cue, a.speaker, a.actor_name, a.quote
    ('direct', 'said', 'President Nicolás Maduro', 'Nicolás Maduro', 'We will not back down')
    """
    article = read_article(sentences, mentions)
    for index in range(len(sentences)):
        _find_in_sentence(article, index)
    _continue_quotes(article)
    article.drafts.sort(key=lambda d: (d.sentence, d.start))
    return tuple(_freeze(draft) for draft in article.drafts)


def voices(attributions: Iterable[Attribution]) -> Counter[str]:
    """How often each voice is heard: the resolved actor's name, else "anonymous" for unnamed
    sources, else "unresolved" (a named speaker or pronoun not linked to an actor)."""
    return Counter(
        a.actor_name if a.actor_name else ("anonymous" if a.anonymous else "unresolved")
        for a in attributions
    )


def _freeze(draft: Draft) -> Attribution:
    """The public record of a finished draft."""
    s = draft.speaker
    return Attribution(
        draft.sentence,
        draft.kind,
        draft.cue,
        s.text,
        s.span,
        s.actor,
        s.actor_name,
        s.anonymous,
        draft.quote,
        s.withheld,
        s.affiliation,
        s.antecedent,
    )


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Words without which a sentence has no cue: the longest word of each cue ("words" for
    "in the words of"), the words of agentless reports."""
    longest = (max(cue.split(), key=len) for cue in attribution_cues())
    return frozenset(longest) | _AGENTLESS_TRIGGERS


def _find_in_sentence(article: ArticleState, index: int) -> None:
    sentence = article.sentences[index]
    if _trigger_words().isdisjoint(article.plain_words(index)):
        return  # most sentences: no cue word at all
    lowered = article.words(index)
    taken: list[tuple[int, int]] = []
    if _AGENTLESS_TRIGGERS.intersection(lowered):
        for match in _AGENTLESS.finditer(sentence):
            if not article.inside_quote(index, match.start()):
                taken.append(match.span())
                _agentless(article, index, match)
    cues = cue_index()
    previous_end = 0
    for number, word in enumerate(lowered):
        candidates = cues.get(word)
        if candidates is None:
            continue
        found = _cue_at(article, index, lowered, number, candidates)
        if found is None:
            continue
        cue, start, end = found
        if (
            article.inside_quote(index, start)
            or article.mention_at(index, start) is not None
            or any(a <= start < b for a, b in taken)
            or start < previous_end
        ):
            continue
        flag = attribution_cues()[cue]
        if flag == "source":
            ok = _according_to(article, index, start, end)
        else:
            ok = _verb(article, index, start, end, flag, previous_end)
        if ok:
            previous_end = end


def _cue_at(
    article: ArticleState,
    index: int,
    lowered: list[str],
    number: int,
    candidates: tuple[tuple[str, ...], ...],
) -> tuple[str, int, int] | None:
    """The longest cue starting at word ``number``, its words separated by spaces only."""
    for words in candidates:
        last = number + len(words) - 1
        if last >= len(lowered) or tuple(lowered[number : last + 1]) != words:
            continue
        sentence = article.sentences[index]
        tokens, _ = article.tokens(index)  # where the words are: only for a cue's words
        if any(
            sentence[tokens[k].end() : tokens[k + 1].start()].strip() for k in range(number, last)
        ):
            continue
        return " ".join(words), tokens[number].start(), tokens[last].end()
    return None


def _agentless(article: ArticleState, index: int, match: re.Match[str]) -> None:
    """Agentless reports, "it was reported that", "X is said to", "reportedly": no speaker
    (anonymous), unless one follows "by"."""
    sentence = article.sentences[index]
    speaker = Speaker(anonymous=True, cls="agentless")
    by_agent = _BY_AGENT.match(sentence, match.end())
    if by_agent and match.group().lower() != "reportedly":
        found = phrase_after(article, index, by_agent.end())
        if found is not None:
            speaker = classify(article, index, *found) or speaker
    cue = " ".join(match.group().split())
    if _IT_THIS.match(cue):
        cue = _TRAILING_THAT.sub("", cue.split(None, 1)[1])
        quote = sentence[match.end() :]
    else:
        quote = sentence
    article.drafts.append(Draft(index, match.start(), INDIRECT, cue, speaker, _clean(quote), index))


def _according_to(article: ArticleState, index: int, start: int, end: int) -> bool:
    """Sources named after the cue: "according to X", "in the words of X", "citing X"."""
    sentence = article.sentences[index]
    found = phrase_after(article, index, end)
    if found is None:
        return False
    speaker = classify(article, index, *found)
    if speaker is None:
        return False
    clause_start = start_of_clause(sentence, 0, start)
    before = sentence[clause_start:start].strip(" ,")
    after = sentence[found[1] :].lstrip(" ,")
    cue = " ".join(sentence[start:end].split())
    quote = after if (cue.lower() == "in the words of" or not before) else before
    article.drafts.append(Draft(index, start, ACCORDING_TO, cue, speaker, _clean(quote), index))
    return True


def _verb(
    article: ArticleState, index: int, start: int, end: int, flag: str, previous_end: int
) -> bool:
    """An attribution verb: find its speaker, then whether it frames a quotation."""
    sentence = article.sentences[index]
    cue = " ".join(sentence[start:end].split())
    if cue.lower() in ("tell", "tells", "told"):
        listener = _LISTENER.match(sentence, end)
        if listener is None:
            return False
        heard = listener.group(1)
        if heard.endswith(".") and not INITIALISM.search(heard):
            heard = heard[:-1]  # "told Politico." at the end of the sentence
        end = listener.start(1) + len(heard)
        cue = f"{cue} {heard}"
    if cue.lower().startswith("accuse") and _OF.match(sentence, end):
        return False  # "employees accused of spying": they are the accused
    spans = article.quotes[index]
    left = max((s for s in spans if s[1] <= start), default=None, key=lambda s: s[1])
    right = min((s for s in spans if s[0] >= end), default=None, key=lambda s: s[0])
    lo = max(previous_end, left[1] + 1 if left else 0)
    subject = find_subject(article, index, lo, start, clause_lo=left[1] + 1 if left else 0)
    if subject is None:
        return False
    inverted = subject == "inverted"
    if inverted:
        found = phrase_after(article, index, end)
        if found is None:
            return False
        speaker_span, after = (found[0], found[1]), found[1]
        rest = (found[1], end_of_clause(sentence, found[1]))
    else:
        assert isinstance(subject, tuple)
        speaker_span, rest = subject[:2], subject[2]
        after = end
    speaker = classify(article, index, *speaker_span, rest=rest)
    if speaker is None:
        return False
    left_adjacent = left is not None and bool(
        _LEFT_ADJACENT.match(sentence[left[1] : min(start, speaker_span[0])])
    )
    right_adjacent = right is not None and bool(_RIGHT_ADJACENT.match(sentence[after : right[0]]))
    quote_parts: list[str] = []
    last_sentence = index
    for side, adjacent in ((left, left_adjacent), (right, right_adjacent)):
        if side is not None and adjacent:
            run = article.runs[(index, side[0])]
            run.attributed = True
            quote_parts.append(run.text(article.sentences))
            last_sentence = max(last_sentence, run.pieces[-1][0])
    if quote_parts:
        kind, quote = DIRECT, _JOIN.join(quote_parts)
    elif flag == "quote":
        in_clause = _quote_in_clause(sentence, end, right)
        if inverted or in_clause is None:
            return False
        run = article.runs[(index, in_clause[0])]
        run.attributed = True
        kind, quote = DIRECT, run.text(article.sentences)
        last_sentence = max(last_sentence, run.pieces[-1][0])
    else:
        follows = sentence[end:]
        if (
            flag == "clause"
            and not inverted
            and not (_CLAUSE_FOLLOWS.match(follows) or _THAT.match(follows))
        ):
            return False
        kind = INDIRECT
        quote = _reported_clause(sentence, lo, start, end, speaker_span, inverted=inverted)
    article.drafts.append(Draft(index, start, kind, cue, speaker, quote, last_sentence))
    return True


def _quote_in_clause(
    sentence: str, end: int, right: tuple[int, int] | None
) -> tuple[int, int] | None:
    """A quotation later in the cue's clause: Rubio "called Maduro a 'fugitive'"."""
    if right is None or right[0] - end > 120:
        return None
    between = sentence[end : right[0] - 1]
    return None if _SENTENCE_PUNCTUATION.search(between) else right


def _reported_clause(
    sentence: str,
    lo: int,
    start: int,
    end: int,
    speaker_span: tuple[int, int],
    *,
    inverted: bool,
) -> str:
    """The words reported: after the cue ("said [that] ..."), or around a parenthetical cue
    ("..., traders said, unless ...") and before an inverted one ("..., said Maduro")."""
    clause_start = start_of_clause(sentence, lo, start)
    if inverted:
        return _clean(sentence[clause_start:start])
    after = sentence[end:]
    if not after.strip(' .!?"”') or after.lstrip().startswith(","):
        before = sentence[clause_start : speaker_span[0]].strip(" ,")
        rest = after.lstrip(" ,")
        return _clean(f"{before}, {rest}" if before and rest else before or rest)
    that = _THAT.match(after)
    if that and not _COMMA_OR_SEMICOLON.search(that.group()):
        after = after[that.end() :]
    return _clean(after)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:-–—").rstrip(".")


def _continue_quotes(article: ArticleState) -> None:
    """A quotation opening the sentence right after a direct attribution, with no cue of its
    own, continues that attribution's quote (``"...," said a nurse. "More words."``)."""
    direct = sorted((d for d in article.drafts if d.kind == DIRECT), key=lambda d: d.last_sentence)
    if not direct:
        return
    by_last = {d.last_sentence: d for d in direct}
    seen: set[int] = set()
    for (index, start), run in sorted(article.runs.items()):
        if id(run) in seen or run.attributed:
            continue
        seen.add(id(run))
        sentence = article.sentences[index]
        if sentence[:start].strip(QUOTE_MARKS + " "):
            continue  # not at the start of its sentence: a scare quote or partial quote
        draft = by_last.get(index - 1)
        if draft is None:
            continue
        draft.quote = _JOIN.join(
            part for part in (draft.quote, run.text(article.sentences)) if part
        )
        del by_last[draft.last_sentence]
        draft.last_sentence = run.pieces[-1][0]
        by_last[draft.last_sentence] = draft
