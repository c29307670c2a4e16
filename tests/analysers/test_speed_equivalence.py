"""The fast paths of the per-article analysers give exactly what the plain algorithms give.

Each optimised function is checked against a straightforward version written here (the
algorithm as it stood before it was made faster) on the demo corpus's sentences, and on the
edge cases its shortcut must not change: characters the stdlib `re` and nltk's regex engine
class differently, final sigma, contexts Punkt reads by abbreviation or case, forms that are
prefixes of one another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import pytest
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from framing.actors import discover
from framing.actors.actor_list import ActorList, ListedActor
from framing.actors.discover import find_mentions
from framing.actors.gazetteer import actor_key, countries, place_names
from framing.analysers import lexicon as lexicon_module
from framing.analysers._sourcing_article import PLAIN_WORD, TOKEN, read_article
from framing.analysers.cues import default_cue_lexicon
from framing.analysers.frames import default_frame_lexicon
from framing.analysers.lexicon import Cue, Lexicon, Match
from framing.analysers.text import (
    WordSpan,
    abbreviations,
    quotations,
    sentences,
    word_spans,
    words,
)
from framing.corpus import load_corpus

# Characters where the shortcuts could go wrong: "½" and superscripts are letters to `re` but
# not to nltk's engine, a combining accent (NFD "é") is a letter only to nltk's engine, "İ"
# lowers to two characters and "Σ" to σ or ς depending on what follows.
EDGE_SENTENCES = [
    "The economy was in lockdown for 2½ months, and x² grew.",
    unicodedata.normalize("NFD", "José Gregorio Hernández’s clinic in Mérida reopened."),
    "İstanbul’s mayor met officials of the U.S. and the E.U. in 2019.",
    "ΟΔΟΣ ΣΟΦΙΑΣ'S signs, ΣΑΣ.Α and ΟΔΥΣΣΕΥΣ were repainted.",
    "Maduro’s and Rubio's aides—not “officials”—said 12.5% of 1,000 rose.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def demo_sentences(demo_path) -> list[list[str]]:
    """Each demo article's sentences, title first, as `framing.analysers.analyse` reads them."""
    return [[a.title, *sentences(a.text)] for a in load_corpus(demo_path)]


@pytest.fixture(scope="module")
def demo_texts(demo_path) -> list[str]:
    return [a.text for a in load_corpus(demo_path)]


# Words: the stdlib `re` where it agrees with nltk's engine, per-token lowering by slices.


def reference_word_spans(text: str) -> list[WordSpan]:
    tokenizer = RegexpTokenizer(
        r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*%?"
    )
    return [
        WordSpan(re.sub(r"['’]s$", "", text[start:end].lower()), start, end)
        for start, end in tokenizer.span_tokenize(text)
    ]


def test_word_spans_equal_nltk_tokenizer_on_demo_and_edge_cases(demo_sentences):
    found = [s for article in demo_sentences for s in article] + EDGE_SENTENCES
    for sentence in found:
        assert word_spans(sentence) == reference_word_spans(sentence), sentence
        assert words(sentence) == [span.word for span in reference_word_spans(sentence)]


def test_characters_the_engines_class_differently_fall_back_to_nltk():
    # `re` would read "2½" as the number 2 and the letter ½, and split "é" written as e + ◌́
    assert words("for 2½ months") == ["for", "2", "months"]
    assert words(unicodedata.normalize("NFD", "Mérida")) == [unicodedata.normalize("NFD", "mérida")]
    assert words("ΣΑΣ.Α ΟΔΟΣ") == ["σας", "α", "οδος"]  # final sigma where each word ends


# Sentences: Punkt with remembered decisions on canonical contexts.


def reference_sentences(text: str) -> list[str]:
    parameters = PunktParameters()
    parameters.abbrev_types = set(abbreviations())
    tokenizer = PunktSentenceTokenizer(parameters)
    split = re.split(r"\n[ \t]*\n\s*|(?<=[.!?:\"”’)])[ \t]*\n", text)
    return [
        s for p in split if " ".join(p.split()) for s in tokenizer.tokenize(" ".join(p.split()))
    ]


TRICKY_TEXTS = [
    "Mr. Maduro met Gen. Padrino on Jan. 5. The talks ended. e.g. the army was there.",
    "J. Smith and A. B. Jones spoke. In 2019. The vote was held at 5 p.m. on Monday. Then more.",
    "Why? Because! He left... Then he returned. Was it the U.S. or the U.K.? Nobody knew.",
    "It rose 3.5 percent. the rest fell. (It was late.) “We will win.” He said so. OK. Ok. ok.",
    "Sen. Rubio, Rep. Smith and Gov. Perry met. St. Louis is far. Inc. Corp. Ltd. No. 5 Co. Ok.",
]


def test_sentences_equal_plain_punkt_on_demo_and_tricky_texts(demo_texts):
    for text in [*demo_texts, *TRICKY_TEXTS, *TRICKY_TEXTS]:  # twice: remembered answers too
        assert sentences(text) == reference_sentences(text)


def test_canonical_break_contexts_decide_as_the_contexts_themselves(demo_sentences):
    from framing.analysers.text import _sentence_tokenizer

    ours = _sentence_tokenizer()
    parameters = PunktParameters()
    parameters.abbrev_types = set(abbreviations())
    plain = PunktSentenceTokenizer(parameters)
    vocabulary = {w for article in demo_sentences for s in article for w in s.split()}
    before = [*sorted(vocabulary)[::4], "Mr", "Gen", "Jan", "U.S", "J", "A", "5", "p.m", "xx"]
    for word in before:
        for mark in ".?!":
            for after in ("The", "the", "A", "a", "said", "Maduro’s", "(It", "5"):
                context = f"{word}{mark} {after}"
                expected = plain.text_contains_sentbreak(context)
                assert ours.text_contains_sentbreak(context) == expected, context


# Frame and cue dictionaries: the matcher tries only the cues that can start at a token.


class ReferenceMatcher:
    """The plain matcher: at every token, every cue of its first word and of each wildcard
    prefix it has, tried in full; the longest wins, the first tried of equally long ones."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.exact: dict[str, list] = {}
        self.prefix: dict[int, dict[str, list]] = {}
        for cue in lexicon.cues:
            parts = cue.term.split()
            wildcard = parts[-1].endswith("*")
            parts[-1] = parts[-1].removesuffix("*")
            if wildcard and len(parts) == 1:
                by_prefix = self.prefix.setdefault(len(parts[0]), {})
                by_prefix.setdefault(parts[0], []).append((parts, wildcard, cue))
            else:
                self.exact.setdefault(parts[0], []).append((parts, wildcard, cue))
        for entries in self.exact.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def match(self, tokens: Sequence[str]) -> list[tuple[Cue, int, int]]:
        found = []
        position = 0
        while position < len(tokens):
            token = tokens[position]
            candidates = list(self.exact.get(token, ()))
            for length, by_prefix in self.prefix.items():
                candidates += by_prefix.get(token[:length], []) if len(token) >= length else []
            best = None
            for parts, wildcard, cue in candidates:
                end = position + len(parts)
                if end > len(tokens) or (best is not None and end <= best[2]):
                    continue
                window = tokens[position:end]
                last = window[-1].startswith(parts[-1]) if wildcard else window[-1] == parts[-1]
                if window[:-1] == parts[:-1] and last:
                    best = (cue, position, end)
            if best is None:
                position += 1
            else:
                found.append(best)
                position = best[2]
        return found


def reference_match(lexicon: Lexicon, tokens: Sequence[str]) -> list[tuple[Cue, int, int]]:
    return ReferenceMatcher(lexicon).match(tokens)


def test_shipped_lexicons_match_like_the_plain_matcher_on_demo(demo_sentences):
    for lexicon in (default_frame_lexicon(), default_cue_lexicon()):
        reference = ReferenceMatcher(lexicon)
        for article in demo_sentences:
            for sentence in article:
                tokens = words(sentence)
                expected = [Match(c, a, b) for c, a, b in reference.match(tokens)]
                assert lexicon.match(tokens) == expected, sentence


def test_match_sentences_flags_and_spans_follow_the_matches(demo_sentences):
    lexicon = default_frame_lexicon()
    reference = ReferenceMatcher(lexicon)
    for article in demo_sentences:
        quote_open = False
        for sentence, matches in zip(article, lexicon.match_sentences(article), strict=True):
            spans = word_spans(sentence)
            quoted = quotations(sentence, open_at_start=quote_open)
            quote_open = quoted.open_at_end
            expected = reference.match([s.word for s in spans])
            assert [(m.cue, m.start, m.end) for m in matches] == expected
            for m in matches:
                assert m.span == (spans[m.start].start, spans[m.end - 1].end)
                assert m.quoted == quoted.covers(spans[m.start].start)


def test_ties_prefixes_and_the_bounded_token_memory(monkeypatch):
    cues = [
        Cue("security", "drug traff*", 1.0),
        Cue("crime", "drug trafficking", 1.0),  # as long as the one before: that one wins
        Cue("crime", "drug", 0.5),
        Cue("health", "drug*", 1.0),
        Cue("health", "drugs and medicine*", 1.0),
        Cue("economy", "econom*", 1.0),
        Cue("economy", "eco", 1.0),
        Cue("economy", "economic crisis", 2.0),
    ]
    lexicon = Lexicon(cues)
    monkeypatch.setattr(lexicon_module, "_REMEMBERED_TOKENS", 4)
    text = (
        "Drug trafficking and drugs and medicines, the drug, an economic crisis, economics, "
        "eco drugs and drug traffickers in the economy."
    )
    for _ in range(2):
        tokens = words(text)
        expected = [Match(c, a, b) for c, a, b in reference_match(lexicon, tokens)]
        assert lexicon.match(tokens) == expected
        assert len(lexicon._by_token) <= 4
    assert [m.cue.term for m in lexicon.match(words("drug trafficking"))] == ["drug traff*"]


# Actors: keys remembered, country and place forms in one trie, stripped sequences remembered.


def reference_actor_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").casefold().split())


def test_actor_key_equals_the_plain_key(demo_sentences):
    names = [w for article in demo_sentences for s in article for w in s.split()]
    names += ["  US \t Army ", "Nicolás Maduro", "O’Neill", "STRAßE", "ﬁnance", "Kelvin K", ""]
    for name in names:
        assert actor_key(name) == reference_actor_key(name), name


def reference_form_pattern(forms: list[str], flags: int = 0) -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", flags)


EDGE_FORM_SENTENCES = [
    "Niger and Nigeria, Guinea-Bissau, Equatorial Guinea and Guinea met the Nigerians.",
    "The Democratic Republic of the Congo and the Congo border the Republic of the Congo.",
    "U.S.Russia talks; the US, USA and the United States of America, and Americans.",
    "Latin America, South America and North Korea, not Korea or Koreans, in South Sudan.",
    "Dominica and the Dominican Republic; Sudan and South Sudan.Sudanese.",
]


def test_country_and_place_forms_are_found_as_by_their_alternation(demo_sentences):
    country_forms = [f for c in countries() for f in (c.name, *c.aliases)]
    place_forms = [name for name in place_names() if " " in name]
    texts = [s for article in demo_sentences for s in article] + EDGE_FORM_SENTENCES
    for matcher, forms in (
        (discover._country_matcher(), country_forms),
        (discover._place_matcher(), place_forms),
    ):
        cased = [f for f in dict.fromkeys(forms) if f != f.lower()]
        (pattern,) = matcher.patterns
        reference = reference_form_pattern(cased)
        for text in texts:
            expected = [m.span() for m in reference.finditer(text)]
            assert [m.span() for m in pattern.finditer(text)] == expected, text


def reference_find(forms: dict[str, tuple[str, str]], sentence: str) -> list[tuple]:
    """Cased forms case-sensitively, then lower-case ones in any case, never overlapping."""
    by_key = {reference_actor_key(form): value for form, value in forms.items()}
    cased = [f for f in forms if f != f.lower()]
    lower = [f for f in forms if f == f.lower()]
    found: list[tuple] = []
    for group, flags in ((cased, 0), (lower, re.IGNORECASE)):
        if not group:
            continue
        for match in reference_form_pattern(group, flags).finditer(sentence):
            if any(match.start() < b and a < match.end() for a, b, _, _ in found):
                continue
            name, kind = by_key[reference_actor_key(match.group())]
            found.append((match.start(), match.end(), name, kind))
    return found


def test_actor_list_forms_are_found_as_by_their_alternation(demo_sentences):
    actors = ActorList(
        (
            ListedActor("Nicolás Maduro", ("Maduro", "Nicolas Maduro", "the venezuelan leader")),
            ListedActor("United States", ("US", "U.S.", "the white house", "White House")),
            ListedActor("Nicolás Maduro Guerra", ("Maduro Guerra",), "person"),
            ListedActor("Russia", ("Moscow", "the kremlin", "Kremlin", "Russian government")),
        )
    )
    forms = {form: (actor.name, actor.type) for actor in actors.actors for form in actor.forms}
    texts = [s for article in demo_sentences for s in article] + [
        "Maduro Guerra, Nicolas Maduro and THE VENEZUELAN LEADER met at the White House; "
        "the white house and US officials, not USA or MADURO, replied to the Kremlin.",
        "U.S. and U.S.A. officials; Moscow’s Kremlin, the kremlin and the Russian government.",
        "NotMaduro, U.S.Moscow talks and USMaduro Guerra; Kremlins and Kremlin-backed groups.",
    ]
    matcher = discover._list_matcher(actors)
    for text in texts:
        assert matcher.find(text) == reference_find(forms, text), text


def test_mentions_are_the_same_with_remembered_and_fresh_caches(demo_sentences):
    first = [find_mentions(article) for article in demo_sentences]
    discover._strip_sequence.cache_clear()
    actor_key.cache_clear()
    assert [find_mentions(article) for article in demo_sentences] == first
    assert [find_mentions(article) for article in demo_sentences] == first


# Sourcing: lower-cased words at once, plain words shared.


def test_sourcing_words_equal_per_token_lowering(demo_sentences):
    for article in [*demo_sentences, EDGE_SENTENCES]:
        state = read_article(article, ())
        for index, sentence in enumerate(article):
            tokens, lowered = state.tokens(index)
            assert [t.group() for t in tokens] == TOKEN.findall(sentence)
            assert lowered == [t.group().lower() for t in TOKEN.finditer(sentence)]
            assert state.words(index) == lowered
            assert state.plain_words(index) == PLAIN_WORD.findall(sentence.lower())
