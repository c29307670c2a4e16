"""Who a speaker is: an actor of the article, an anonymous source, or no one known.

`classify` reads the head word of a speaker phrase (which `framing.analysers._speaker_phrases`
found): an actor mention is a named speaker; a person noun ("officials", "a 34-year-old
woman") an anonymous one, with any actor named inside it as its affiliation; a document
speaks for the actor named with it; "the ministry" or "the president" is the article's
earlier organisation or office holder. Pronouns go to their antecedents: "he"/"she" to the
nearest earlier person of that gender outside quotation marks, "they" to the latest unnamed
group, "it" to the latest organisation that spoke. Words saying the name was withheld on
purpose ("asked not to be named") mark the speaker. This is the half of the sourcing analyser
that needs the whole article, so it lives apart from the cue finder in
`framing.analysers.sourcing`, which decides where attributions are, not who speaks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.actors.gazetteer import actor_key
from framing.analysers._sourcing_article import Antecedent, ArticleState, Speaker
from framing.analysers._sourcing_data import (
    SourceNoun,
    anonymity_markers,
    person_nouns,
    source_nouns,
)
from framing.analysers._speaker_phrases import PRONOUNS, WORD, mention_after, mention_ending

if TYPE_CHECKING:  # framing.actors imports framing.analysers.text
    from framing.actors.discover import Mention

__all__ = ["classify"]

_POSSESSIVE = re.compile(r"['’]s?$")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_WITHHELD_CLUES = ("anonym", "name", "identif", "authori", "withheld")
_NP_OPENERS = frozenset("a an the one another this that some many several two three four".split())
_HONORIFIC_GENDER = {"mr.": "m", "mrs.": "f", "ms.": "f", "sir": "m", "dame": "f"}
_DEFINITE = frozenset("the this that these those its his her their".split())
_OFFICES = frozenset(
    "president premier chancellor governor mayor minister secretary leader king queen pope "
    "senator ruler director chairman chairwoman ceo commissioner ambassador".split()
)
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ers", "ors", "ists", "ians")
_NOUN_SUFFIX_EXCEPTIONS = frozenset(
    """
    other former latter number order letter paper matter power water border center answer
    offer cancer computer corner chapter cover layer quarter register sector factor error
    mirror floor door motor anchor honor labor harbor rumor humor favor behavior behaviour
    poster prayer weather winter summer river tower filter theater theatre monitor corridor
    exist assist resist persist insist consist
    """.split()
)
_CORE_BOUNDARIES = frozenset(
    """
    of at in from for with by on across near close familiar based inside within outside among
    under over to who whom whose which that published dated released issued seen obtained filed
    cited quoted involved knowledgeable briefed speaking according
    """.split()
)
_MEDIA_WORDS = frozenset(
    """
    post times journal news press reuters herald tribune gazette telegraph guardian agency
    network tv radio broadcasting bloomberg cnn bbc afp ap economist observer mail chronicle
    globe sun mirror independent wire dispatch sentinel ledger daily magazine express standard
    courier inquirer examiner monitor politico axios associated review
    """.split()
)
_PRONOUN_WINDOW = 3  # sentences back that "it" and "they" look for their speaker


def classify(
    article: ArticleState,
    index: int,
    start: int,
    end: int,
    rest: tuple[int, int] | None = None,
) -> Speaker | None:
    """Who the phrase ``sentence[start:end]`` is, from its head word; None if not a speaker."""
    sentence = article.sentences[index]
    text = sentence[start:end]
    withheld = _withheld(sentence, start, rest[1] if rest else end)
    core: list[re.Match[str]] = []
    for token in WORD.finditer(sentence, start, end):
        word = token.group().lower()
        if core and word in _CORE_BOUNDARIES and article.mention_at(index, token.start()) is None:
            break
        core.append(token)
    if not core:
        return None
    head = core[-1]
    head_word = _POSSESSIVE.sub("", head.group().rstrip(".")).lower()
    named = article.mention_at(index, head.start())
    if named is not None:
        return _named(named[2], text, (start, end))
    known = _known_actor(article, sentence[core[0].start() : head.end()])
    if known is not None:
        return _named(known, text, (start, end))
    if len(core) == 1 and head_word in PRONOUNS:
        speaker = _pronoun(article, index, head_word, (head.start(), head.end()))
        if speaker is not None and withheld:  # "she said, asking not to be named"
            speaker.withheld = True
            speaker.anonymous = speaker.actor is None
        return speaker
    entry = source_nouns().get(head_word)
    if entry is None and head.group()[0].islower() and _looks_like_person(head_word):
        entry = SourceNoun("people" if head_word.endswith("s") else "person", "")
    if entry is None and head_word in _OFFICES:
        entry = SourceNoun("person", "")
    if entry is None:
        if head.group()[0].isupper():  # named, but not an actor of the article ("Chevron")
            return Speaker(text, (start, end), cls="named")
        return None
    inner = [m for _, _, m in article.mentions[index] if start <= m.start < end]
    affiliation = inner[0].key if inner else None
    first = core[0].group().lower()
    definite = first in _DEFINITE or first.endswith(("'s", "’s"))
    if entry.cls == "document":  # "a report in the Post": the Post; "reports": unnamed
        if inner:
            return _named(inner[0], text, (start, end))
        if definite:  # "the report" after "a report in The Washington Post"
            for draft in reversed(article.drafts):
                earlier = draft.speaker
                if earlier.actor and head_word in actor_key(earlier.text).split():
                    return Speaker(
                        text,
                        (start, end),
                        earlier.actor,
                        earlier.actor_name,
                        earlier.actor_kind,
                        antecedent=earlier.text,
                        cls="named",
                    )
        return Speaker(
            text, (start, end), anonymous=not definite, withheld=withheld, cls="document"
        )
    if entry.cls in ("institution", "media"):
        if first == "the" and len(core) <= 2:
            earlier = _earlier_organisation(article, index, start, head_word, entry.cls)
            if earlier is not None:
                return _named(earlier, text, (start, end))
        return Speaker(text, (start, end), affiliation=affiliation, cls=entry.cls)
    if entry.cls == "person":
        apposed = mention_ending(article, index, start, comma=True)
        if apposed is not None and apposed[2].kind == "person":  # "Joseph Antos, an expert"
            return _named(apposed[2], text, (start, end))
        named_after = mention_after(article, index, end)  # "an old friend, Stephen Norman"
        if named_after is not None:
            return _named(named_after, text, (start, end))
        if definite and head_word in _OFFICES:  # "the president": the article's president
            holder = _office_holder(article, index, head_word)
            if holder is not None:
                return _named(holder, text, (start, end))
            return Speaker(text, (start, end), affiliation=affiliation, cls="office")
    return Speaker(
        text,
        (start, end),
        anonymous=True,
        withheld=withheld,
        affiliation=affiliation,
        cls=entry.cls,
        gender=entry.gender,
    )


def _office_holder(article: ArticleState, index: int, office: str) -> Mention | None:
    """The person the article gives the title ``office``: the nearest before, else the first
    after ("the president" -> "President Donald Trump")."""
    before: Mention | None = None
    for number, found in enumerate(article.mentions):
        for _, _, mention in found:
            if mention.kind == "person" and office in mention.title.split():
                if number <= index:
                    before = mention
                elif before is None:
                    return mention
    return before


def _named(mention: Mention, text: str, span: tuple[int, int]) -> Speaker:
    return Speaker(text, span, mention.key, mention.actor, mention.kind, cls="named")


def _known_actor(article: ArticleState, phrase: str) -> Mention | None:
    """An actor of the article the mention finder missed here ("The Washington post")."""
    key = actor_key(_THE.sub("", phrase))
    keys = article.actor_keys()
    if key in keys:
        return keys[key]
    words = key.split()
    for first in range(1, len(words) - 1):  # "us president donald trump" -> "donald trump"
        if " ".join(words[first:]) in keys:
            return keys[" ".join(words[first:])]
    return None


def _withheld(sentence: str, start: int, end: int) -> bool:
    """Whether the words say the source's name was withheld ("asked not to be named")."""
    text = sentence[start:end].lower()
    if not any(clue in text for clue in _WITHHELD_CLUES):
        return False
    return anonymity_markers().search(text) is not None


def _looks_like_person(word: str) -> bool:
    return (
        len(word) > 4
        and word.endswith(_PERSON_SUFFIXES)
        and word.rstrip("s") not in _NOUN_SUFFIX_EXCEPTIONS
        and word.isalpha()
    )


def _earlier_organisation(
    article: ArticleState, index: int, position: int, head_word: str, cls: str
) -> Mention | None:
    """The nearest earlier organisation whose name fits "the <head>": the same word ("the
    ministry" -> "Foreign Ministry"), or for "the newspaper" a news organisation's name."""
    for sentence in range(index, -1, -1):
        for start, _, mention in reversed(article.mentions[sentence]):
            if sentence == index and start >= position:
                continue
            if mention.kind != "organisation":
                continue
            words = set(mention.key.split())
            if head_word in words or (cls == "media" and words & _MEDIA_WORDS):
                return mention
    return None


def _pronoun(
    article: ArticleState, index: int, pronoun: str, span: tuple[int, int]
) -> Speaker | None:
    """Resolve "he", "she", "it", "they"; "I", "we" and "you" outside quotes are no source."""
    text = article.sentences[index][span[0] : span[1]]
    if pronoun in ("he", "she"):
        gender = "f" if pronoun == "she" else "m"
        here = (index, span[0])
        candidates = [(a.sentence, a.start, 0, a.speaker) for a in _antecedents(article)]
        candidates += [  # speakers found so far, "a retired diplomat" included
            (d.sentence, d.speaker.span[0], 1, d.speaker)
            for d in article.drafts
            if d.speaker.span is not None and d.speaker.cls == "person"
        ]
        best = max(
            (
                c
                for c in candidates
                if (c[0], c[1]) < here
                and c[3].cls in ("named", "person")
                and c[3].gender in ("", gender)
            ),
            key=lambda c: c[:3],
            default=None,
        )
        return _inherit(text, span, best[3] if best else None)
    if pronoun == "it":
        for draft in reversed(article.drafts):
            if index - draft.sentence > _PRONOUN_WINDOW:
                break
            candidate = draft.speaker
            if candidate.actor_kind not in ("", "person") or candidate.cls in (
                "institution",
                "media",
            ):
                return _inherit(text, span, candidate)
        return Speaker(text, span, cls="pronoun")
    if pronoun == "they":
        for draft in reversed(article.drafts):
            if index - draft.sentence > _PRONOUN_WINDOW:
                break
            if draft.speaker.cls == "people":
                return _inherit(text, span, draft.speaker)
        return Speaker(text, span, cls="pronoun")
    return None


def _inherit(text: str, span: tuple[int, int], found: Speaker | None) -> Speaker:
    if found is None:
        return Speaker(text, span, cls="pronoun")
    return Speaker(
        text,
        span,
        found.actor,
        found.actor_name,
        found.actor_kind,
        found.anonymous,
        found.withheld,
        found.affiliation,
        antecedent=found.antecedent or found.text,
        cls=found.cls,
        gender=found.gender,
    )


def _antecedents(article: ArticleState) -> list[Antecedent]:
    """People mentioned outside quotation marks, named or not, in reading order."""
    if article.antecedents is None:
        found: list[Antecedent] = []
        nouns = source_nouns()
        for index, sentence in enumerate(article.sentences):
            for _, _, mention in article.mentions[index]:
                person = mention.kind == "person" or (mention.kind == "other" and mention.title)
                if person and not article.inside_quote(index, mention.start):
                    named = Speaker(
                        mention.surface,
                        (mention.start, mention.end),
                        mention.key,
                        mention.actor,
                        mention.kind,
                        antecedent=mention.surface,
                        cls="named",
                        gender=_HONORIFIC_GENDER.get(mention.title.split()[-1], "")
                        if mention.title
                        else "",
                    )
                    found.append(Antecedent(index, mention.start, named))
            if person_nouns().isdisjoint(article.plain_words(index)):
                continue
            tokens, lowered = article.tokens(index)
            for number, word in enumerate(lowered):
                entry = nouns.get(word)
                if entry is None or entry.cls not in ("person", "people"):
                    continue
                token = tokens[number]
                if (
                    (token.group()[0].isupper() and number > 0)  # "Source: USDA"
                    or article.inside_quote(index, token.start())
                    or article.mention_at(index, token.start())
                ):
                    continue  # a label, quoted, or a title ("opposition leader Juan Guaidó")
                start = token.start()
                for back in range(number - 1, max(number - 5, -1), -1):
                    if lowered[back] in _NP_OPENERS:
                        start = tokens[back].start()
                        break
                apposed = mention_ending(article, index, start, comma=True)
                if apposed is not None and apposed[2].kind == "person":
                    continue  # "Joseph Antos, a health care policy expert"
                text = sentence[start : token.end()]
                unnamed = Speaker(
                    text,
                    (start, token.end()),
                    anonymous=True,
                    antecedent=text,
                    cls=entry.cls,
                    gender=entry.gender,
                )
                found.append(Antecedent(index, start, unnamed))
        article.antecedents = found
    return article.antecedents
