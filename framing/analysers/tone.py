"""Lexicon tone with nltk's VADER: per sentence, and an article's mean over its sentences.

`compound` reimplements nltk's ``SentimentIntensityAnalyzer.polarity_scores(s)["compound"]``
operation for operation, so its scores are bit-identical to the reference, but skips what only
costs time: nltk's ``SentiText`` builds a dict of every punctuation x word pair per sentence
to strip punctuation glued to words, and the pos/neg/neu shares are computed then dropped.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nltk.sentiment.vader import VaderConstants

from framing.resources import vader

__all__ = ["NEGATIVE_BELOW", "POSITIVE_ABOVE", "Tone", "compound", "score_tone"]

# VADER's own recommended cut-offs on the compound score (Hutto and Gilbert 2014).
POSITIVE_ABOVE = 0.05
NEGATIVE_BELOW = -0.05

# Sentences repeat across syndicated articles; this bounds the cache to a few MB.
_CACHED_SENTENCES = 1 << 15

_PUNCTUATION = string.punctuation  # what nltk's REGEX_REMOVE_PUNCTUATION removes
_HAS_PUNCTUATION = re.compile(f"[{re.escape(_PUNCTUATION)}]").search
_PUNC = frozenset(VaderConstants.PUNC_LIST)
_BOOSTER = VaderConstants.BOOSTER_DICT
_NEGATE = VaderConstants.NEGATE
_IDIOMS = VaderConstants.SPECIAL_CASE_IDIOMS
_B_DECR = VaderConstants.B_DECR
_C_INCR = VaderConstants.C_INCR
_N_SCALAR = VaderConstants.N_SCALAR


@dataclass(frozen=True)
class Tone:
    """VADER compound scores of an article's sentences, from -1 (negative) to +1 (positive)."""

    compounds: tuple[float, ...]

    @property
    def mean(self) -> float:
        """The article's tone: the mean sentence compound (VADER saturates on whole texts)."""
        return sum(self.compounds) / len(self.compounds) if self.compounds else 0.0

    @property
    def negative(self) -> int:
        """Sentences with compound <= -0.05."""
        return sum(1 for c in self.compounds if c <= NEGATIVE_BELOW)

    @property
    def positive(self) -> int:
        """Sentences with compound >= 0.05."""
        return sum(1 for c in self.compounds if c >= POSITIVE_ABOVE)


def score_tone(sentences: Sequence[str]) -> Tone:
    """VADER compound score of each sentence."""
    return Tone(tuple(map(compound, sentences)))


@lru_cache(maxsize=_CACHED_SENTENCES)
def compound(sentence: str) -> float:
    """VADER compound score of a sentence, equal to nltk's ``polarity_scores`` compound."""
    return _compound(sentence, vader().lexicon)


def _unglued(token: str) -> str:
    """A token as nltk's ``SentiText`` leaves it: a word with one ``PUNC_LIST`` entry glued on.

    nltk maps ``p + w`` and ``w + p`` to ``w`` for ``p`` in ``PUNC_LIST`` and ``w`` a word of the
    punctuation-stripped text longer than one character. Such ``w`` has no punctuation, so ``p``
    must be the token's whole leading or trailing punctuation run and ``w`` the rest.
    """
    if token[-1] in _PUNCTUATION:
        word = token.rstrip(_PUNCTUATION)
        if token[len(word) :] in _PUNC and len(word) > 1 and not _HAS_PUNCTUATION(word):
            return word
    if token[0] in _PUNCTUATION:
        word = token.lstrip(_PUNCTUATION)
        if (
            token[: len(token) - len(word)] in _PUNC
            and len(word) > 1
            and not _HAS_PUNCTUATION(word)
        ):
            return word
    return token


def _negated(lower: str) -> bool:
    """nltk's ``VaderConstants.negated`` of a single lower-cased word."""
    return lower in _NEGATE or "n't" in lower


def _compound(text: str, lexicon: dict[str, float]) -> float:
    """nltk's ``polarity_scores(text)["compound"]``, same arithmetic in the same order."""
    words = [_unglued(token) for token in text.split() if len(token) > 1]
    if not words:
        return 0.0
    n = len(words)
    lower = [w.lower() for w in words]
    capitals = sum(1 for w in words if w.isupper())
    is_cap_diff = 0 < n - capitals < n
    first_index: dict[str, int] = {}
    for index, word in enumerate(words):
        first_index.setdefault(word, index)

    sentiments: list[float] = []
    for j, item in enumerate(words):
        i = first_index[item]
        if i < j:  # nltk scores a repeated token in its first occurrence's context
            sentiments.append(sentiments[i])
            continue
        item_lower = lower[i]
        if (i < n - 1 and item_lower == "kind" and lower[i + 1] == "of") or item_lower in _BOOSTER:
            sentiments.append(0)
            continue
        if item_lower not in lexicon:
            sentiments.append(0)
            continue
        valence = lexicon[item_lower]
        if item.isupper() and is_cap_diff:
            valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
        for start_i in range(3):
            k = i - (start_i + 1)
            if k < 0 or lower[k] in lexicon:
                continue
            s = 0.0
            if lower[k] in _BOOSTER:  # nltk's scalar_inc_dec
                s = _BOOSTER[lower[k]]
                if valence < 0:
                    s *= -1
                if words[k].isupper() and is_cap_diff:
                    s = s + _C_INCR if valence > 0 else s - _C_INCR
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _never_check(valence, words, lower, start_i, i)
            if start_i == 2:
                valence = _idioms_check(valence, words, i)
        if (  # nltk's _least_check
            i > 0
            and lower[i - 1] == "least"
            and "least" not in lexicon
            and (i == 1 or (lower[i - 2] != "at" and lower[i - 2] != "very"))
        ):
            valence = valence * _N_SCALAR
        sentiments.append(valence)

    if "but" in lower:
        but = lower.index("but")
        for index, sentiment in enumerate(sentiments):
            if index < but:
                sentiments[index] = sentiment * 0.5
            elif index > but:
                sentiments[index] = sentiment * 1.5

    sum_s = float(sum(sentiments))
    questions = text.count("?")
    qm_amplifier = 0
    if questions > 1:
        qm_amplifier = questions * 0.18 if questions <= 3 else 0.96
    amplifier = min(text.count("!"), 4) * 0.292 + qm_amplifier
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    return round(sum_s / math.sqrt((sum_s * sum_s) + 15), 4)


def _never_check(valence: float, words: list[str], lower: list[str], start_i: int, i: int) -> float:
    """nltk's ``_never_check``: negation, or "never so/this" emphasis, before word ``i``."""
    if start_i == 0:
        if _negated(lower[i - 1]):
            valence = valence * _N_SCALAR
    elif start_i == 1:
        if words[i - 2] == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
            valence = valence * 1.5
        elif _negated(lower[i - 2]):
            valence = valence * _N_SCALAR
    elif (words[i - 3] == "never" and (words[i - 2] == "so" or words[i - 2] == "this")) or (
        words[i - 1] == "so" or words[i - 1] == "this"
    ):
        valence = valence * 1.25
    elif _negated(lower[i - 3]):
        valence = valence * _N_SCALAR
    return valence


def _idioms_check(valence: float, words: list[str], i: int) -> float:
    """nltk's ``_idioms_check``: idioms and "kind of"-style dampeners around word ``i`` (i > 2)."""
    zero, one, two, three = words[i], words[i - 1], words[i - 2], words[i - 3]
    two_one, three_two = f"{two} {one}", f"{three} {two}"
    for seq in (f"{one} {zero}", f"{two_one} {zero}", two_one, f"{three_two} {one}", three_two):
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            break
    if len(words) - 1 > i:
        zero_one = f"{zero} {words[i + 1]}"
        if zero_one in _IDIOMS:
            valence = _IDIOMS[zero_one]
        if len(words) - 1 > i + 1 and f"{zero_one} {words[i + 2]}" in _IDIOMS:
            valence = _IDIOMS[f"{zero_one} {words[i + 2]}"]
    if three_two in _BOOSTER or two_one in _BOOSTER:
        valence = valence + _B_DECR
    return valence
