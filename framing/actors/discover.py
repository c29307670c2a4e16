"""Find the actors an article mentions and link their mentions, offline and without a tagger.

Rules, applied per article in this order (a span taken by one rule is not reused):

1. The user's actor list (``--actors FILE``): every name and alias, case-sensitively where it
   has a capital letter and case-insensitively where it is all lower case ("the venezuelan
   leader").
2. Countries, by name and unambiguous alias ("United States", "US", "Russia"; ``countries.tsv``).
3. Capitalised name sequences ("Nicolás Maduro", "Secretary of State Marco Rubio", "the
   Washington Post"): leading titles, nationalities and sentence-initial function words are
   stripped ("Venezuelan President Nicolás Maduro" is "Nicolás Maduro"); place names
   (``places.txt``), nationality adjectives and datelines are dropped. A sequence with an
   organisation word ("Post", "Ministry", "Kremlin") or an acronym ("PDVSA") is an
   organisation; one of two or more words is a person. A single word ("Maduro", "Mr. Maduro")
   is linked to the person of the article whose last name it is; otherwise it is kept only if
   it is capitalised at least twice in the article away from a sentence start.
4. "the <nationality> <role>" ("the Venezuelan leader") is linked to the one person of the
   article introduced with that nationality and a head-of-state or government title, if
   exactly one is.

Mentions are linked across the corpus by `actor_key` (accents and case ignored); a person
known only by last name in an article is resolved to the corpus's full name later, when the
aggregates are compared (`framing.actors.resolve`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.actors.actor_list import ActorList
from framing.actors.gazetteer import (
    actor_key,
    countries,
    nationalities,
    place_names,
    places,
    titles,
)

__all__ = ["Mention", "find_mentions"]

_UPPER = "A-ZÀ-ÖØ-Þ"
_CAP = rf"[{_UPPER}][\w'’\-]*\.?"
_CONNECTOR = r"(?:of|de|del|da|do|dos|das|la|las|los|el|es|di|du|le|van|von|bin|al|y)"
_NAME_SEQUENCE = re.compile(rf"(?<![\w'’]){_CAP}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_CAP})*")
_DATELINE = re.compile(rf"^[{_UPPER}][{_UPPER}\s/,.]+\s[–—-]")
_POSSESSIVE = re.compile(r"['’]s?$")
_NON_SPACE = re.compile(r"\S+")
_ENDS_WITH_INITIAL = re.compile(r"\b\w\.$")
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ORGANISATION_WORDS = frozenset(
    """
    agency army association authority bank board bureau cabinet center centre church
    coalition command commission committee company congress corporation council court
    department embassy federation force forces front fund guard house inc institute journal
    kremlin ministry movement nations navy network news office organization organisation pentagon
    parliament party police post press reuters school senate service times tribunal union
    university
    """.split()
)
_ROLE_TITLES = frozenset(
    "president leader head of state prime minister premier strongman dictator chancellor "
    "ruler king queen".split()
)
_NOT_NAMES = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday i
    democratic republican hispanic latino black white christian muslim jewish catholic islamic
    """.split()
)
_SENTENCE_STARTERS = frozenset(ENGLISH_STOP_WORDS) | frozenset(
    "according analysts but former however meanwhile officials still yet".split()
)
_CONNECTORS = frozenset(_CONNECTOR[3:-1].split("|"))
_PRE_TITLE = frozenset("former acting deputy vice late then outgoing incoming interim".split())


@dataclass(frozen=True)
class Mention:
    """One mention of an actor: which actor, where (sentence and character span), as written.

    ``actor`` is the display name (the fullest form the article uses); ``key`` identifies the
    actor across the corpus (`actor_key`); ``title`` holds the title words stripped from the
    name ("venezuelan president").
    """

    actor: str
    key: str
    kind: str
    sentence: int
    start: int
    end: int
    surface: str
    title: str = ""


@dataclass
class _Candidate:
    name: str
    sentence: int
    start: int
    end: int
    surface: str
    title: str
    at_sentence_start: bool


def find_mentions(
    sentences: Sequence[str], *, actors: ActorList | None = None
) -> tuple[Mention, ...]:
    """The actor mentions in the sentences of one article (title first), in reading order.

    Parameters
    ----------
    sentences : Sequence[str]
        The article's sentences, as `framing.analysers.analyse` splits them.
    actors : ActorList, optional
        The user's actors; their names and aliases take precedence over automatic discovery.

    Returns
    -------
    tuple[Mention, ...]
    """
    found: list[Mention] = []
    candidates: list[_Candidate] = []
    for index, sentence in enumerate(sentences):
        taken: list[tuple[int, int]] = []
        places_here = [(start, end) for start, end, _, _ in _place_matcher().find(sentence)]
        if actors is not None and len(actors):
            for start, end, name, kind in _list_matcher(actors).find(sentence):
                taken.append((start, end))
                found.append(
                    Mention(name, actor_key(name), kind, index, start, end, sentence[start:end])
                )
        taken.extend(
            place for place in places_here if not _overlaps(taken, *place)
        )  # a listed actor beats a place; a place beats a country ("Latin America")
        for start, end, name, kind in _country_matcher().find(sentence):
            if not _overlaps(taken, start, end):
                taken.append((start, end))
                found.append(
                    Mention(name, actor_key(name), kind, index, start, end, sentence[start:end])
                )
        dateline = _DATELINE.match(sentence)
        for match in _NAME_SEQUENCE.finditer(sentence):
            if dateline and match.start() < dateline.end():
                continue
            if _overlaps(taken, match.start(), match.end()):
                continue
            candidate = _candidate(sentence, index, match.start(), match.end())
            if candidate is not None:
                candidates.append(candidate)
    known = {mention.key for mention in found}
    found.extend(_resolve_candidates(candidates, _headlines(sentences), known))
    found.extend(_role_mentions(sentences, found, actors))
    return tuple(sorted(found, key=lambda m: (m.sentence, m.start)))


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in taken)


def _candidate(sentence: str, index: int, start: int, end: int) -> _Candidate | None:
    """Strip titles, nationalities and sentence starters off a capitalised sequence."""
    at_start = not any(ch.isalnum() for ch in sentence[:start])
    stripped = _strip_sequence(sentence[start:end], at_start)
    if stripped is None:
        return None
    offset, name, title, name_at_start = stripped
    name_start = start + offset
    return _Candidate(name, index, name_start, name_start + len(name), name, title, name_at_start)


@lru_cache(maxsize=2**14)
def _strip_sequence(sequence: str, at_start: bool) -> tuple[int, str, str, bool] | None:
    """`_candidate` on the capitalised sequence alone, first in its sentence or not: where the
    name starts in it, the name, its title words, and whether it starts the sentence; None if
    it names no candidate. It depends on nothing else, and names and titles recur, so the
    answers for the last few thousand sequences are remembered."""
    tokens = [(m.group(), m.start(), m.end()) for m in _NON_SPACE.finditer(sequence)]
    title_words: list[str] = []
    while tokens:
        word = actor_key(tokens[0][0].rstrip("."))
        opener = not title_words and (
            word in _SENTENCE_STARTERS or (at_start and word.endswith(("ing", "ed", "ly")))
        )
        if word == "the" or word in _CONNECTORS or opener:
            tokens = tokens[1:]
            at_start = False
            continue
        length = _title_length(tokens)
        if length:
            title_words.extend(actor_key(t[0]) for t in tokens[:length])
            tokens = tokens[length:]
            continue
        break
    if not tokens:
        return None
    name_start, name_end = tokens[0][1], tokens[-1][2]
    surface = sequence[name_start:name_end]
    name = _POSSESSIVE.sub("", surface) if surface.endswith(("'s", "’s", "s'", "s’")) else surface
    name = name.rstrip(".,") if not _ENDS_WITH_INITIAL.search(name) else name
    key = actor_key(name)
    if not key or key in places() or key in nationalities() or key in _NOT_NAMES:
        return None
    if " " not in key and key in ENGLISH_STOP_WORDS:  # "We", "It" after a quotation mark
        return None
    if key.rstrip("s") in nationalities():  # "Venezuelans"
        return None
    return name_start, name, " ".join(title_words), at_start and tokens[0][1] == name_start


def _title_length(tokens: list[tuple[str, int, int]]) -> int:
    """How many leading tokens form a title, a nationality, or a pre-title word ("former");
    a place right before a title counts too ("Texas Governor Rick Perry")."""
    words = [actor_key(t[0]).rstrip(".") for t in tokens]
    for length in range(min(4, len(words) - 1), 0, -1):
        if " ".join(words[:length]) in titles():
            return length
    if len(words) > 2 and words[0] in places() and _title_length(tokens[1:]):
        return 1
    if len(words) > 2 and " ".join(words[:2]) in nationalities():  # "South Korean"
        return 2
    if len(words) > 1 and (words[0] in nationalities() or words[0] in _PRE_TITLE):
        return 1
    return 0


def _resolve_candidates(
    candidates: list[_Candidate], headlines: set[int], known: set[str]
) -> list[Mention]:
    """Type candidates and link single names to the article's people and organisations.

    In a headline set in title case every word is capitalised, so there a candidate counts
    only word by word, and only where the word names an actor found elsewhere in the article.
    """
    body = [c for c in candidates if c.sentence not in headlines]
    people: dict[str, _Candidate] = {}
    mid_sentence = Counter(actor_key(c.name) for c in body if not c.at_sentence_start)
    for candidate in body:
        words = candidate.name.split()
        if len(words) > 1 and _kind(candidate.name) in ("person", "organisation"):
            people.setdefault(actor_key(words[-1]), candidate)
    candidates = body + [
        word
        for candidate in candidates
        if candidate.sentence in headlines
        for word in _words_of(candidate)
        if actor_key(word.name) in people or actor_key(word.name) in known
    ]
    mentions: list[Mention] = []
    for candidate in candidates:
        key = actor_key(candidate.name)
        kind = _kind(candidate.name)
        actor, title = candidate.name, candidate.title
        if kind == "other":
            person = people.get(key)
            if person is not None:
                actor, kind = person.name, _kind(person.name)
                title = title or person.title
            elif mid_sentence[key] < 2 and not candidate.title:
                continue
        else:  # "Maduro" within "Nicolás Maduro", "Post" within "Washington Post"
            full = people.get(actor_key(candidate.name.split()[-1]))
            if full is not None and actor_key(full.name).endswith(key):
                actor = full.name
        mentions.append(
            Mention(
                actor,
                actor_key(actor),
                kind,
                candidate.sentence,
                candidate.start,
                candidate.end,
                candidate.surface,
                title,
            )
        )
    return mentions


def _words_of(candidate: _Candidate) -> list[_Candidate]:
    """A headline candidate split into its words ("Maduro Reaches" -> "Maduro", "Reaches")."""
    found = []
    for match in _NON_SPACE.finditer(candidate.name):
        word = (
            _POSSESSIVE.sub("", match.group())
            if match.group().endswith(("'s", "’s"))
            else match.group()
        )
        start = candidate.start + match.start()
        found.append(
            _Candidate(word, candidate.sentence, start, start + len(word), word, "", False)
        )
    return found


def _headlines(sentences: Sequence[str]) -> set[int]:
    """Headlines set in title case: no final punctuation, most longer words capitalised."""
    found = set()
    for index, sentence in enumerate(sentences):
        if sentence.rstrip().endswith((".", "!", "?", '"', "”")):
            continue
        words = [w for w in _HEADLINE_WORD.findall(sentence) if len(w) > 3]
        capitalised = sum(1 for w in words if w[0].isupper())
        if len(words) >= 3 and capitalised / len(words) >= 0.6:
            found.add(index)
    return found


def _kind(name: str) -> str:
    words = name.split()
    lowered = {actor_key(w.strip(".")) for w in words}
    if lowered & _ORGANISATION_WORDS or (len(words) == 1 and _is_acronym(name)):
        return "organisation"
    if words[0] in ("USS", "HMS"):
        return "other"
    if len(words) > 1:
        return "person"
    return "other"


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _role_mentions(
    sentences: Sequence[str], found: list[Mention], actors: ActorList | None
) -> list[Mention]:
    """Link "the Venezuelan leader" to the one Venezuelan head of state the article named."""
    by_nationality: dict[str, set[tuple[str, str]]] = {}
    for mention in found:
        if mention.kind != "person" or not mention.title:
            continue
        words = mention.title.split()
        if any(word in _ROLE_TITLES for word in words):
            for word in words:
                if word in nationalities():
                    by_nationality.setdefault(word, set()).add((mention.actor, mention.kind))
    mentions = []
    for index, sentence in enumerate(sentences):
        for match in _role_pattern().finditer(sentence):
            people = by_nationality.get(actor_key(match.group(1)), set())
            if len(people) == 1:
                ((actor, kind),) = people
                start, end = match.span()
                if not any(m.sentence == index and m.start < end and start < m.end for m in found):
                    mentions.append(
                        Mention(
                            actor, actor_key(actor), kind, index, start, end, sentence[start:end]
                        )
                    )
    return mentions


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern[str]:
    roles = "|".join(sorted(_ROLE_TITLES, key=len, reverse=True))
    return re.compile(rf"\bthe ([A-Z][a-z]+) (?:{roles})\b")


class _FormMatcher:
    """Finds the written forms of named entities (list actors, countries) in a sentence.

    At each place, the longest form that is not inside a word; a form with a capital letter
    matches case-sensitively, an all-lower-case one case-insensitively.
    """

    def __init__(self, forms: dict[str, tuple[str, str]]) -> None:
        self.by_key = {actor_key(form): value for form, value in forms.items()}
        cased = [f for f in forms if f != f.lower()]
        lower = sorted((f for f in forms if f == f.lower()), key=len, reverse=True)
        self.patterns: list[re.Pattern[str]] = []
        if cased:
            self.patterns.append(re.compile(_trie_pattern(cased)))
        if lower:
            alternatives = "|".join(map(re.escape, lower))
            self.patterns.append(
                re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)
            )

    def find(self, sentence: str) -> list[tuple[int, int, str, str]]:
        found: list[tuple[int, int, str, str]] = []
        spans: list[tuple[int, int]] = []
        for pattern in self.patterns:
            for match in pattern.finditer(sentence):
                start, end = match.span()
                if _overlaps(spans, start, end):
                    continue
                name, kind = self.by_key[actor_key(match.group())]
                found.append((start, end, name, kind))
                spans.append((start, end))
        return found


def _trie_pattern(forms: list[str]) -> str:
    """A case-sensitive pattern for the forms, not inside a word, longest first: the same
    matches as ``(?<![\\w.])(?:form|...)(?![\\w])`` with the forms sorted longest first.

    The forms share their prefixes in a trie, so a sentence is tried against the few forms
    starting with each letter instead of all of them; where a form ends and a longer one
    goes on, the longer one is tried first, and the shorter if the longer fails. Checking the
    character before a form after its first character lets the engine skip every place no
    form starts with.
    """
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here
    first = "|".join(
        re.escape(char) + r"(?<![\w.][\s\S])" + _trie_branches(node) for char, node in trie.items()
    )
    return rf"(?:{first})(?![\w])"


def _trie_branches(node: dict[str, dict]) -> str:
    """The pattern for the rest of the forms below a trie node (longer continuations first)."""
    branches = [re.escape(char) + _trie_branches(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if "" in node:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


@lru_cache(maxsize=1)
def _country_matcher() -> _FormMatcher:
    forms: dict[str, tuple[str, str]] = {}
    for country in countries():
        for form in (country.name, *country.aliases):
            forms[form] = (country.name, "country")
    return _FormMatcher(forms)


@lru_cache(maxsize=1)
def _place_matcher() -> _FormMatcher:
    """Places made of several words, which may contain a country's name ("Latin America")."""
    return _FormMatcher({name: (name, "place") for name in place_names() if " " in name})


@lru_cache(maxsize=8)
def _list_matcher(actors: ActorList) -> _FormMatcher:
    forms: dict[str, tuple[str, str]] = {}
    for actor in actors.actors:
        for form in actor.forms:
            forms[form] = (actor.name, actor.type)
    return _FormMatcher(forms)
