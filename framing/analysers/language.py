"""Cheap language identification: function-word profiles for Latin and Cyrillic, script share else.

Why: the frame dictionary, cue lexicons, VADER and the sentiment model are English-only, so a
non-English article must be flagged and left out of them rather than scored as if English.

Method. Only the first ~2,000 characters are read. When fewer than half of the letters are
Latin, the dominant script of the first 300 letters decides: Arabic script -> ``ar``, Greek ->
``el``, Hebrew -> ``he``, Devanagari -> ``hi``, Hangul -> ``ko``, Han with kana -> ``ja``, Han
alone -> ``zh``. Cyrillic goes on to word profiles (Russian, Ukrainian, Bulgarian), so ``ru``
is given only when Russian words match. Otherwise each language's ~100 most frequent function
words (framing/data/function_words/<code>.txt) are matched against the lower-cased word tokens;
a word in k lists gives each 1/k, so shared words ("de", "en", "a") do not decide between
related languages. The best language wins if its score is a large enough share of the tokens
and clearly ahead of the second; otherwise the code is None.

Limits: languages without a profile that share a script are not told apart (Persian and Urdu
read as ``ar``, Marathi and Nepali as ``hi``, Serbian and Macedonian Cyrillic often as ``bg``);
closely related Latin-script languages (Danish, Norwegian, Catalan, Galician) give None or
their neighbour (``sv``, ``es``, ``pt``); other Latin-script languages (Finnish, Indonesian,
Czech, ...) give None. The thresholds were set on the tests' news openings and on the English
AllSides openings the benchmark reports (benchmarks/validate_language.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

__all__ = ["LATIN_LANGUAGES", "Language", "detect_language"]

#: Languages told apart by function words, in Latin script (each has a data file).
LATIN_LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "nl", "sv", "pl", "tr")
_CYRILLIC_LANGUAGES = ("ru", "uk", "bg")

_SAMPLE_CHARS = 2000
_SHORT_TEXT_WORDS = 20
# Long texts: the winner's score must be this share of the tokens and this many times the
# runner-up's, or a smaller share (headline-like prose) far ahead of the runner-up. Short texts
# (< 20 tokens) need a stronger signal.
_MIN_SHARE = 0.10
_MIN_RATIO = 1.5
_SPARSE_MIN_SHARE = 0.06
_SPARSE_MIN_RATIO = 2.5
_SPARSE_MIN_HITS = 2.5
_SHORT_MIN_HITS = 3.0
_SHORT_MIN_SHARE = 0.25
_SHORT_MIN_RATIO = 2.0
_MIN_SCRIPT_LETTERS = 10
_SCRIPT_SAMPLE = 300  # letters: enough to tell the scripts (and kana) apart, cheap to scan
_MIN_HAN_ONLY = 30  # short kanji-only strings may be Japanese: say zh only with more text
_MIN_KANA_SHARE = 0.05

_WORD = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_NON_LATIN = re.compile(
    "[\u0370-\u03ff\u1f00-\u1fff"  # Greek
    "\u0400-\u052f"  # Cyrillic
    "\u0590-\u05ff"  # Hebrew
    "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"  # Arabic
    "\u0900-\u097f"  # Devanagari
    "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"  # Hangul
)
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cyrillic", re.compile("[\u0400-\u052f]")),
    ("ar", re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")),
    ("el", re.compile("[\u0370-\u03ff\u1f00-\u1fff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("hi", re.compile("[\u0900-\u097f]")),
    ("ko", re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")),
    ("han", re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("kana", re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")),
)

# Each word -> the (language index, 1/k) pairs of the k profiles that list it.
_Profiles = tuple[tuple[str, ...], dict[str, tuple[tuple[int, float], ...]]]


@dataclass(frozen=True)
class Language:
    """The detected language of a text.

    Attributes
    ----------
    code : str or None
        ISO 639-1 code ("en", "es", ...); None when undecided (too short, no clear signal).
    confidence : float
        0..1, a heuristic, not a probability: for word profiles, the winner's margin over the
        runner-up (1 - second/best) scaled down when fewer than 10 function words matched; for
        scripts, the dominant script's share of the letters.
    """

    code: str | None
    confidence: float


_UNDECIDED = Language(None, 0.0)


def detect_language(text: str) -> Language:
    """Detect the language of a text from its function words or its script.

    Parameters
    ----------
    text : str
        Any text; only the first ~2,000 characters are read.

    Returns
    -------
    Language
        ``code`` None when the text is short or gives no clear signal.

    Examples
    --------
    >>> detect_language("The minister said on Tuesday that the talks would resume.").code
    'en'
    >>> detect_language("El ministro dijo el martes que las negociaciones se reanudarán.").code
    'es'
    >>> detect_language("Maduro").code is None
    True
    """
    sample = _sample(text)
    tokens = _WORD.findall(sample.lower())
    if not tokens:
        return _UNDECIDED
    if _NON_LATIN.search(sample) is not None:
        letters = sum(map(len, tokens))
        if 2 * len(_LATIN_LETTER.findall(sample)) < letters:
            return _by_script(tokens)
    return _by_words(tokens, _profiles(LATIN_LANGUAGES))


def _sample(text: str) -> str:
    """The first ~2,000 characters, cut at a space so no word is split."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, _SAMPLE_CHARS)
    return text[: cut if cut > 0 else _SAMPLE_CHARS]


def _by_script(tokens: list[str]) -> Language:
    """The language of a mostly non-Latin text, from the scripts of its first 300 letters."""
    letters = "".join(tokens)[:_SCRIPT_SAMPLE]
    counts = {name: len(pattern.findall(letters)) for name, pattern in _SCRIPTS}
    han, kana = counts.pop("han"), counts.pop("kana")
    counts["cjk"] = han + kana
    script = max(counts, key=lambda name: counts[name])
    n = counts[script]
    if n < _MIN_SCRIPT_LETTERS:
        return _UNDECIDED
    share = round(n / len(letters), 3)
    if script == "cyrillic":
        found = _by_words(tokens, _profiles(_CYRILLIC_LANGUAGES))
        return Language(found.code, round(found.confidence * share, 3)) if found.code else found
    if script == "cjk":
        if kana >= _MIN_KANA_SHARE * n:
            return Language("ja", share)
        return Language("zh", share) if han >= _MIN_HAN_ONLY else _UNDECIDED
    return Language(script, share)


def _by_words(tokens: list[str], profiles: _Profiles) -> Language:
    codes, weights = profiles
    scores = [0.0] * len(codes)
    counts = Counter(tokens)
    for word in counts.keys() & weights.keys():
        n = counts[word]
        for index, weight in weights[word]:
            scores[index] += n * weight
    ranked = sorted(range(len(codes)), key=lambda i: scores[i], reverse=True)
    best, second = scores[ranked[0]], scores[ranked[1]]
    share = best / len(tokens)
    if len(tokens) < _SHORT_TEXT_WORDS:
        decided = (
            best >= _SHORT_MIN_HITS
            and share >= _SHORT_MIN_SHARE
            and best >= _SHORT_MIN_RATIO * second
        )
    else:
        decided = (share >= _MIN_SHARE and best >= _MIN_RATIO * second) or (
            share >= _SPARSE_MIN_SHARE
            and best >= _SPARSE_MIN_HITS
            and best >= _SPARSE_MIN_RATIO * second
        )
    if not decided:
        return _UNDECIDED
    confidence = (1.0 - second / best) * min(1.0, best / 10.0)
    return Language(codes[ranked[0]], round(confidence, 3))


@lru_cache(maxsize=4)
def _profiles(codes: tuple[str, ...]) -> _Profiles:
    lists = {code: _function_words(code) for code in codes}
    weights: dict[str, tuple[tuple[int, float], ...]] = {}
    for word in set().union(*lists.values()):
        indices = [i for i, code in enumerate(codes) if word in lists[code]]
        weights[word] = tuple((i, 1.0 / len(indices)) for i in indices)
    return codes, weights


@cache
def _function_words(code: str) -> frozenset[str]:
    """One shipped function-word list: a word per line, ``#`` lines are comments."""
    text = (files("framing") / "data" / "function_words" / f"{code}.txt").read_text(
        encoding="utf-8"
    )
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
