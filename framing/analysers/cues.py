"""Epistemic and evaluative cues: hedges, factive and assertive verbs, intensifiers, loaded words.

Counts, per article, the cues of five categories from shipped dictionaries (lines of
``framing/data/cues/*.tsv``, whose headers give each list's sources, licence and construction):

- ``hedge``: hedges and distancing (may, possibly, appears to, reportedly, allegedly, claimed,
  so-called, it remains unconfirmed, could not be independently verified);
- ``factive``: verbs that present their complement as true (acknowledged, revealed, realised);
- ``assertive``: strong assertive verbs and boosters (insisted, argued, clearly, in fact);
- ``intensifier``: degree words (extremely, very, utterly), from VADER's boosters;
- ``subjective``: strongly evaluative words (disgrace, brilliant, outrageous), from VADER's
  lexicon.

An outlet's rate per 1,000 words is its summed counts over its summed words (see
`framing.aggregate`). Every count can be explained down to its sentences: `CueScores.matches`
holds each counted cue with its sentence index, and `CueScores.explain` lists a category's
sentences with their cues.

Counting rules:

- each cue match counts once; where cues overlap, the longest phrase wins ("remains
  unconfirmed" is one hedge, not two);
- a negated cue ("did not acknowledge") counts and is flagged: the outlet still brought the
  cue into the text; a quoted cue counts and is flagged, because the outlet chose to quote it;
  ``exclude_quotes=True`` leaves quoted cues out, to measure the outlet's own voice;
- a cue of weight 0 is a stop phrase ("could not be reached", "claimed responsibility"): it is
  never counted, it only keeps a shorter cue inside it from matching;
- "May" with a capital M is read as the month or the name, and not counted, when a number is
  next to it ("May 5", "5 May"), when the word before it is a date or name word ("in May",
  "Theresa May"), or when it is inside a sentence that is not in title case; lower-case "may"
  and a sentence-initial or headline "May" ("Russia May Send Jets") are the modal.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files

from framing.analysers.lexicon import Cue, Lexicon, Match
from framing.analysers.text import WordSpan, word_spans

__all__ = [
    "CUE_CATEGORIES",
    "CUE_LABELS",
    "CueScores",
    "SentenceCues",
    "default_cue_lexicon",
    "load_cue_lexicon",
    "score_cues",
]

CUE_LABELS: dict[str, str] = {
    "hedge": "Hedges and distancing",
    "factive": "Factive verbs",
    "assertive": "Assertive verbs and boosters",
    "intensifier": "Intensifiers",
    "subjective": "Subjective and loaded words",
}
CUE_CATEGORIES: tuple[str, ...] = tuple(CUE_LABELS)

_CUE_FILES = ("epistemic.tsv", "vader_derived.tsv")
_PER_THOUSAND = 1000
# "May" as the month or a name: the words that come before it in dates and names.
_MONTH_AMBIGUOUS = "may"
_BEFORE_MONTH_OR_NAME = frozenset(
    {
        "in", "since", "until", "till", "by", "during", "from", "through", "throughout",
        "before", "after", "between", "early", "late", "mid", "last", "next", "this", "of",
        "and", "or", "to", "theresa", "mrs", "ms", "mr", "minister", "premier", "pm",
    }
)  # fmt: skip
# A sentence is in title case (a headline) when no word this long starts in lower case.
_TITLE_CASE_WORD = 5


@lru_cache(maxsize=1)
def default_cue_lexicon() -> Lexicon:
    """The shipped cue dictionaries (``framing/data/cues/``), categories in `CUE_CATEGORIES`.

    Examples
    --------
    >>> default_cue_lexicon().categories == CUE_CATEGORIES
    True
    """
    cues: list[Cue] = []
    for name in _CUE_FILES:
        with as_file(files("framing") / "data" / "cues" / name) as path:
            cues.extend(Lexicon.from_file(path).cues)
    return Lexicon(cues, categories=CUE_CATEGORIES, name="framing cues")


def load_cue_lexicon(path: str | os.PathLike[str]) -> Lexicon:
    """A user's cue dictionary; one using only `CUE_CATEGORIES` keeps their order."""
    lexicon = Lexicon.from_file(path)
    if set(lexicon.categories) <= set(CUE_CATEGORIES):
        lexicon = Lexicon(lexicon.cues, categories=CUE_CATEGORIES, name=lexicon.name)
    return lexicon


@dataclass(frozen=True)
class SentenceCues:
    """One sentence (``index`` in the article, title first), its text and its counted cues.

    Each match's ``span`` locates its words in ``text``; ``negated`` and ``quoted`` say how it
    was read.
    """

    index: int
    matches: tuple[Match, ...]
    text: str = ""


@dataclass(frozen=True)
class CueScores:
    """An article's cue counts per category and the matches behind them.

    ``counts`` has every category of the lexicon (0 where none was found); ``matches`` holds
    exactly the counted cues, each with the index of its sentence, in text order.
    """

    counts: dict[str, int]
    matches: tuple[tuple[int, Match], ...]
    exclude_quotes: bool = False

    @property
    def n_cues(self) -> int:
        """Number of cues counted, all categories together."""
        return len(self.matches)

    def per_thousand(self, n_words: int) -> dict[str, float]:
        """Each category's count per 1,000 words of an article of ``n_words`` words.

        Examples
        --------
        >>> score_cues(["They reportedly left."]).per_thousand(4)["hedge"]
        250.0
        """
        if n_words <= 0:
            return dict.fromkeys(self.counts, 0.0)
        return {category: _PER_THOUSAND * n / n_words for category, n in self.counts.items()}

    def explain(self, sentences: Sequence[str], category: str) -> list[SentenceCues]:
        """The sentences with cues of ``category``, in order, each with only those cues.

        Parameters
        ----------
        sentences : Sequence[str]
            The sentences the scores were computed on.
        category : str
            One of the keys of ``counts``.

        Returns
        -------
        list[SentenceCues]

        Raises
        ------
        ValueError
            If ``category`` is not one of the scored categories.

        Examples
        --------
        >>> text = ["Maduro reportedly asked for jets.", "Moscow has not replied."]
        >>> [(s.index, [m.cue.term for m in s.matches])
        ...  for s in score_cues(text).explain(text, "hedge")]
        [(0, ['reportedly'])]
        """
        if category not in self.counts:
            raise ValueError(
                f"unknown cue category {category!r}: use one of {', '.join(self.counts)}"
            )
        found: list[SentenceCues] = []
        for index, match in self.matches:
            if match.cue.category != category:
                continue
            if found and found[-1].index == index:
                last = found[-1]
                found[-1] = SentenceCues(index, (*last.matches, match), last.text)
            else:
                found.append(SentenceCues(index, (match,), sentences[index]))
        return found


def score_cues(
    sentences: Sequence[str], *, lexicon: Lexicon | None = None, exclude_quotes: bool = False
) -> CueScores:
    """Count the hedges, factive and assertive verbs, intensifiers and loaded words of one text.

    Parameters
    ----------
    sentences : Sequence[str]
        All sentences of one article, in order (a quotation can run over several).
    lexicon : Lexicon, optional
        The cue dictionary; `default_cue_lexicon()` by default.
    exclude_quotes : bool, default=False
        Leave out cues inside quotation marks, to count the outlet's own voice only.

    Returns
    -------
    CueScores
        Counts per category, and the counted matches with their sentence index; negated and
        quoted matches are counted and flagged (rules in the module docstring).

    Examples
    --------
    >>> scores = score_cues(["It remains unconfirmed.", "The talks began in May."])
    >>> scores.counts["hedge"], [m.cue.term for _, m in scores.matches]
    (1, ['remains unconfirmed'])
    """
    lexicon = lexicon or default_cue_lexicon()
    counts = dict.fromkeys(lexicon.categories, 0)
    counted: list[tuple[int, Match]] = []
    for index, (sentence, matches) in enumerate(
        zip(sentences, lexicon.match_sentences(sentences), strict=True)
    ):
        spans: list[WordSpan] | None = None
        for match in matches:
            if match.cue.weight == 0 or (exclude_quotes and match.quoted):
                continue
            if match.cue.term == _MONTH_AMBIGUOUS and _capitalised(sentence, match):
                spans = spans or word_spans(sentence)
                if _month_or_name(sentence, spans, match.start):
                    continue
            counts[match.cue.category] += 1
            counted.append((index, match))
    return CueScores(counts, tuple(counted), exclude_quotes)


def _capitalised(sentence: str, match: Match) -> bool:
    """Whether the match is written with a capital first letter."""
    return match.span is not None and sentence[match.span[0]].isupper()


def _month_or_name(sentence: str, spans: Sequence[WordSpan], position: int) -> bool:
    """Whether the capitalised "May" at token ``position`` is the month or a name."""
    before = spans[position - 1].word if position > 0 else None
    after = spans[position + 1].word if position + 1 < len(spans) else None
    if any(word is not None and word[0].isdigit() for word in (before, after)):
        return True
    if before in _BEFORE_MONTH_OR_NAME:
        return True
    return position > 0 and not _title_case(sentence, spans)


def _title_case(sentence: str, spans: Sequence[WordSpan]) -> bool:
    """Whether no word of 5+ letters starts in lower case, as in a headline."""
    return not any(
        len(span.word) >= _TITLE_CASE_WORD and sentence[span.start].islower() for span in spans
    )
