"""Derive framing's intensifier and subjective cue lists from the MIT-licensed VADER package.

Writes ``framing/data/cues/vader_derived.tsv`` from the ``vadersentiment`` package that framing
already depends on (3.3.2; Hutto and Gilbert 2014; MIT, notice reproduced in the file):

- ``intensifier``: VADER's booster words (``BOOSTER_DICT`` entries with a positive increment,
  its degree adverbs that raise intensity), single words only, minus the words whose common
  sense in news is not a degree word (`INTENSIFIERS_LEFT_OUT`), plus a few degree adverbs
  common in news that VADER lacks (`INTENSIFIERS_ADDED`). VADER's dampeners (almost,
  slightly, somewhat ...) are left out: they lower intensity, and the hedging ones are hedges
  in epistemic.tsv.
- ``subjective``: VADER lexicon words (the last entry of a word wins, as VADER reads it) that
  are alphabetic, lower-case, 3+ letters, with an absolute mean valence of at least
  `VALENCE_THRESHOLD` (2.0 on VADER's -4..+4 scale: half-way or more to "extremely"), minus
  `SUBJECTIVE_LEFT_OUT`: words whose common sense in news names an institution, a fixed term,
  an event, a legal status or an outcome rather than evaluating it (justice, care, supreme,
  war, killed, arrested, won). That list was written by reviewing the 450 most frequent
  matches in the ABP article sample (Baly et al. 2020, ../shared/data/abp), never against
  BABE, on which the lists are validated (benchmarks/validate_cues_babe.py).

Any word already in epistemic.tsv, or in an earlier category, is left out, so every term has
one category.

Run: python scripts/derive_cue_lexicon.py          (rewrite the file)
     python scripts/derive_cue_lexicon.py --check  (exit 1 if the shipped file differs)
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from vaderSentiment.vaderSentiment import BOOSTER_DICT

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "framing" / "data" / "cues" / "vader_derived.tsv"
EPISTEMIC = ROOT / "framing" / "data" / "cues" / "epistemic.tsv"

VALENCE_THRESHOLD = 2.0
MIN_LETTERS = 3

INTENSIFIERS_LEFT_OUT = frozenset(
    {
        "fracking",  # the drilling technique
        "frackin",
        "flipping",  # flipping a seat, a house
        "flippin",
        "uber",  # the company
        "major",  # adjective and rank
        "total",  # the noun and adjective of sums
        "more",  # comparatives and quantities
        "most",
        "so",  # conjunction and pro-form far more often than degree
    }
)
INTENSIFIERS_ADDED = frozenset(
    {
        "dramatically",
        "drastically",
        "exceedingly",
        "extraordinarily",
        "immensely",
        "massively",
        "overwhelmingly",
        "profoundly",
        "severely",
        "vastly",
        "wildly",
    }
)
SUBJECTIVE_LEFT_OUT = frozenset(
    {
        # institutions, names and fixed terms (Justice Department, health care, Supreme Court,
        # intelligence agencies, interest rates, on the other hand, grand jury, super PAC,
        # crude oil, gross domestic product, Dick, tested positive, approval rating)
        "justice", "care", "supreme", "intelligence", "free", "kind", "interest", "agreement",
        "hand", "grand", "super", "crude", "gross", "dick", "engagement", "acceptance",
        "intellectual", "heart", "hearts", "pretty", "positive", "negative", "approval",
        "relief", "like", "friend", "friends", "charities", "award", "awards", "prize",
        "reward", "bonuses", "liberty", "liberties", "freedom", "benefit", "benefits",
        # legal status and procedure
        "penalty", "prosecution", "punishment", "felony", "prison", "prisoner", "prisoners",
        "arrested", "jailed", "suspended", "fired", "ban", "banned", "crime", "criminal",
        "assault", "assaulted", "assaults", "rape", "smuggling", "harassment", "violation",
        "violations", "violate", "violated", "violates", "violating",
        # events and outcomes
        "war", "wars", "hostilities", "attack", "attacked", "killed", "kill", "killing",
        "killings", "died", "die", "dead", "death", "fatalities", "fatal", "suicide",
        "accident", "cancer", "infected", "bomb", "violence", "survived", "rescue", "damage",
        "beating", "poison", "poisoning", "slavery", "depression", "poverty", "bankrupt",
        "win", "won", "wins", "winning", "winner", "winners", "defeat", "defeated", "gain",
        "peace", "wealth", "wealthiest", "rich", "richer", "richest", "improved",
        "improvement",
    }
)  # fmt: skip


def epistemic_terms() -> set[str]:
    """The terms of the hand-written categories (hedge, factive, assertive)."""
    terms = set()
    for line in EPISTEMIC.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            terms.add(line.split("\t")[1].strip())
    return terms


def vader_valences() -> dict[str, float]:
    """VADER's lexicon as VADER reads it: word -> mean valence, the last entry winning."""
    text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    valences: dict[str, float] = {}
    for line in text.splitlines():
        columns = line.strip().split("\t")
        if len(columns) >= 2:
            valences[columns[0]] = float(columns[1])
    return valences


def derive() -> tuple[list[str], list[str]]:
    """The intensifier and subjective terms, each sorted."""
    taken = epistemic_terms()
    boosters = {
        word
        for word, increment in BOOSTER_DICT.items()
        if increment > 0 and word.isalpha() and word not in INTENSIFIERS_LEFT_OUT
    }
    intensifiers = sorted((boosters | INTENSIFIERS_ADDED) - taken)
    taken |= set(intensifiers)
    subjective = sorted(
        word
        for word, valence in vader_valences().items()
        if word.isalpha()
        and word.islower()
        and len(word) >= MIN_LETTERS
        and abs(valence) >= VALENCE_THRESHOLD
        and word not in SUBJECTIVE_LEFT_OUT
        and word not in taken
    )
    return intensifiers, subjective


def render() -> str:
    """The whole file: header, then one ``category<TAB>term`` line per cue."""
    intensifiers, subjective = derive()
    vader = version("vaderSentiment")
    intensifier_note = (
        f"intensifier ({len(intensifiers)} terms): VADER's booster words (BOOSTER_DICT "
        f"entries with a positive increment), single words, minus "
        f"{len(INTENSIFIERS_LEFT_OUT)} whose common sense in news is not a degree word "
        f"({', '.join(sorted(INTENSIFIERS_LEFT_OUT))}), plus {len(INTENSIFIERS_ADDED)} degree "
        f"adverbs added by the framing authors ({', '.join(sorted(INTENSIFIERS_ADDED))})."
    )
    subjective_note = (
        f"subjective ({len(subjective)} terms): words of VADER's lexicon that are alphabetic, "
        f"lower-case and {MIN_LETTERS}+ letters long, with |mean valence| >= "
        f"{VALENCE_THRESHOLD} on VADER's -4..+4 scale, minus {len(SUBJECTIVE_LEFT_OUT)} words "
        "whose common sense in news names an institution, a fixed term, an event, a legal "
        "status or an outcome (justice, care, supreme, war, killed, arrested, won ...; the "
        "list is in the script)."
    )
    header = f"""\
# vader_derived.tsv -- intensifier and subjective cues for framing's cue rates
# (framing.analysers.cues). GENERATED by scripts/derive_cue_lexicon.py from vaderSentiment
# {vader}; do not edit by hand: change the script and run it again.
#
# PROVENANCE
#   VADER (Hutto, C. J. and Gilbert, E. E. 2014. VADER: A Parsimonious Rule-based Model for
#   Sentiment Analysis of Social Media Text. ICWSM-14), as the vadersentiment package ships it.
{_wrapped(intensifier_note)}
{_wrapped(subjective_note)}
#   A word already in epistemic.tsv, or in intensifier, is not repeated.
#
# FORMAT: as epistemic.tsv: category <TAB> term, weight 1.
#
# LICENCE: derived from VADER, which is under the MIT licence:
#
#   The MIT License (MIT)
#
#   Copyright (c) 2016 C.J. Hutto
#
#   Permission is hereby granted, free of charge, to any person obtaining a copy
#   of this software and associated documentation files (the "Software"), to deal
#   in the Software without restriction, including without limitation the rights
#   to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
#   copies of the Software, and to permit persons to whom the Software is
#   furnished to do so, subject to the following conditions:
#
#   The above copyright notice and this permission notice shall be included in all
#   copies or substantial portions of the Software.
#
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
#   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
#   FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
#   AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
#   LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
#   OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
#   SOFTWARE.
"""
    lines = [f"intensifier\t{term}" for term in intensifiers]
    lines += [f"subjective\t{term}" for term in subjective]
    return header + "\n" + "\n".join(lines) + "\n"


def _wrapped(paragraph: str) -> str:
    """A paragraph as comment lines of at most 96 characters, continuation lines indented."""
    return textwrap.fill(paragraph, width=96, initial_indent="#   ", subsequent_indent="#     ")


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with ``--check`` compare it with the shipped one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs")
    options = parser.parse_args(argv)
    text = render()
    if options.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} differs from what {Path(__file__).name} derives", file=sys.stderr)
            return 1
        print(f"{TARGET.name} is up to date")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
