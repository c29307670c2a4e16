"""framing's cue lists against expert coding of media bias (BABE SG2 dev, Spinde et al. 2021).

BABE's experts label news sentences Biased / Non-biased (``label_bias``; "No agreement" is
left out) and, in biased sentences, mark the words that make them biased (``biased_words``).
BABE is AGPL-3.0: it is read here at run time and nothing of it is shipped. Two measurements:

(a) Sentence level: each category's cue rate per 1,000 words in biased and in non-biased
    sentences (pooled: all cues over all words of the group, as outlets are aggregated), the
    difference biased minus non-biased with a 95% percentile bootstrap interval (sentences
    resampled within each group, 2,000 replicates, seed 0), and the ratio.
(b) Word level, in biased sentences: recall, the share of expert-marked words (or marked
    phrases) that a lexicon matches in that sentence; precision, the share of the lexicon's
    matches there that the experts marked.

Comparisons, read from ../shared/data at run time and never shipped: Hyland's hedges and
Hooper's factives and assertives as released by Recasens et al. (2013), their bias lexicon
(654 lemmas, matched on WordNet lemmas of each word), and Bing Liu's opinion lexicon (Hu and
Liu 2004; positive and negative words).

Run: python benchmarks/validate_cues_babe.py [--json]
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir

from framing.analysers.cues import CUE_CATEGORIES, default_cue_lexicon, score_cues
from framing.analysers.lexicon import Cue, Lexicon
from framing.analysers.text import sentences, words

SEED = 0
REPLICATES = 2000
PER_THOUSAND = 1000
# For each sentence: per lexicon row, the matched token sets (one set per match).
Matcher = Callable[[Sequence[str]], list[frozenset[str]]]


@dataclass(frozen=True)
class Unit:
    """One BABE sentence: its text split into sentences, word count, label and marked words."""

    sentences: tuple[str, ...]
    n_words: int
    biased: bool
    marked: tuple[frozenset[str], ...]  # each marked word or phrase as its word tokens


def load_babe(path: Path) -> tuple[list[Unit], int]:
    """BABE's labelled sentences, and how many had no agreement."""
    units: list[Unit] = []
    no_agreement = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["label_bias"] not in ("Biased", "Non-biased"):
                no_agreement += 1
                continue
            found = sentences(row["text"])
            marked = (frozenset(words(w)) for w in ast.literal_eval(row["biased_words"] or "[]"))
            units.append(
                Unit(
                    tuple(found),
                    sum(len(words(s)) for s in found),
                    row["label_bias"] == "Biased",
                    tuple(m for m in marked if m),
                )
            )
    return units, no_agreement


# -- lexicons ------------------------------------------------------------------------------


def framing_matcher(categories: Sequence[str]) -> Matcher:
    """The shipped cue lexicon, as framing counts it, restricted to some categories."""

    def match(found: Sequence[str]) -> list[frozenset[str]]:
        scores = score_cues(found)
        return [
            frozenset(words(found[index][m.span[0] : m.span[1]]))
            for index, m in scores.matches
            if m.cue.category in categories
        ]

    return match


def word_list(path: Path, *, comment: str = "#") -> list[str]:
    """A one-term-per-line list, comments and blank lines dropped."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith(comment)]


def list_matcher(terms: Sequence[str]) -> tuple[Matcher, int]:
    """A word or phrase list matched with framing's matcher; terms it cannot match are left out."""
    usable = sorted({t.lower() for t in terms if " ".join(words(t)) == t.lower()})
    lexicon = Lexicon([Cue("cue", term, 1.0) for term in usable])

    def match(found: Sequence[str]) -> list[frozenset[str]]:
        return [
            frozenset(words(text[m.span[0] : m.span[1]]))
            for text, matches in zip(found, lexicon.match_sentences(found), strict=True)
            for m in matches
        ]

    return match, len(usable)


def lemma_matcher(lemmas: Sequence[str]) -> tuple[Matcher, int]:
    """A lemma list: a word matches when it, or one of its WordNet lemmas, is listed."""
    import nltk
    from nltk.stem import WordNetLemmatizer

    nltk.data.path.insert(0, str(data_dir("nltk_data")))
    lemmatizer = WordNetLemmatizer()
    listed = frozenset(lemma.lower() for lemma in lemmas)

    @cache
    def hit(word: str) -> bool:
        return word in listed or any(
            lemmatizer.lemmatize(word, pos) in listed for pos in ("n", "v", "a", "r")
        )

    def match(found: Sequence[str]) -> list[frozenset[str]]:
        return [frozenset([w]) for text in found for w in words(text) if hit(w)]

    return match, len(listed)


def lexicons() -> tuple[dict[str, tuple[Matcher, int]], dict[str, tuple[Matcher, int]]]:
    """(a)'s rows and (b)'s rows: name -> (matcher, number of terms)."""
    shipped = default_cue_lexicon()
    size = {
        c: sum(cue.category == c and cue.weight > 0 for cue in shipped.cues) for c in CUE_CATEGORIES
    }
    framing = {c: (framing_matcher([c]), size[c]) for c in CUE_CATEGORIES}
    recasens = data_dir("lexicons") / "recasens2013"
    bing = data_dir("lexicons") / "bingliu_opinion"
    bias = lemma_matcher(word_list(recasens / "bias-lexicon_bias-lexicon_og.txt"))
    opinion = list_matcher(
        word_list(bing / "positive-words.txt", comment=";")
        + word_list(bing / "negative-words.txt", comment=";")
    )
    sentence_rows = {
        **framing,
        "Hyland hedges (Recasens et al. release)": list_matcher(
            word_list(recasens / "hedges_hyland2005.txt")
        ),
        "Hooper factives (Recasens et al. release)": list_matcher(
            word_list(recasens / "factives_hooper1975.txt")
        ),
        "Hooper assertives (Recasens et al. release)": list_matcher(
            word_list(recasens / "assertives_hooper1975.txt")
        ),
        "Recasens et al. bias lexicon": bias,
        "Bing Liu opinion lexicon": opinion,
    }
    word_rows = {
        "framing subjective": framing["subjective"],
        "framing subjective + intensifier": (
            framing_matcher(["subjective", "intensifier"]),
            size["subjective"] + size["intensifier"],
        ),
        "framing, all five categories": (framing_matcher(CUE_CATEGORIES), sum(size.values())),
        "Recasens et al. bias lexicon": bias,
        "Bing Liu opinion lexicon": opinion,
    }
    return sentence_rows, word_rows


# -- measures ------------------------------------------------------------------------------


def rate_difference(
    counts: np.ndarray, n_words: np.ndarray, biased: np.ndarray, rng: np.random.Generator
) -> dict[str, float]:
    """Pooled rates per 1,000 words by group, their difference with a bootstrap 95% CI."""

    def pooled(c: np.ndarray, w: np.ndarray) -> np.ndarray:
        return PER_THOUSAND * c.sum(axis=-1) / w.sum(axis=-1)

    groups = {}
    for name, mask in (("biased", biased), ("non_biased", ~biased)):
        c, w = counts[mask], n_words[mask]
        draws = rng.integers(0, len(c), size=(REPLICATES, len(c)))
        groups[name] = (float(pooled(c, w)), pooled(c[draws], w[draws]))
    difference = groups["biased"][0] - groups["non_biased"][0]
    low, high = np.percentile(groups["biased"][1] - groups["non_biased"][1], [2.5, 97.5])
    return {
        "biased": groups["biased"][0],
        "non_biased": groups["non_biased"][0],
        "difference": difference,
        "ci_low": float(low),
        "ci_high": float(high),
        "ratio": groups["biased"][0] / groups["non_biased"][0]
        if groups["non_biased"][0]
        else float("nan"),
    }


def word_level(units: Sequence[Unit], matches: Sequence[list[frozenset[str]]]) -> dict[str, float]:
    """Recall of expert-marked words and precision of matches, in biased sentences."""
    marked = covered = found = hits = 0
    for unit, unit_matches in zip(units, matches, strict=True):
        if not unit.biased:
            continue
        matched = frozenset().union(*unit_matches)
        expert = frozenset().union(*unit.marked)
        marked += len(unit.marked)
        covered += sum(bool(item & matched) for item in unit.marked)
        found += len(unit_matches)
        hits += sum(bool(match & expert) for match in unit_matches)
    return {
        "marked": marked,
        "recall": covered / marked if marked else float("nan"),
        "matches": found,
        "precision": hits / found if found else float("nan"),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    options = parser.parse_args(argv)
    start = time.perf_counter()
    units, no_agreement = load_babe(data_dir("babe") / "babe_sg2_dev.csv")
    biased = np.array([u.biased for u in units])
    n_words = np.array([u.n_words for u in units], dtype=float)
    sentence_rows, word_rows = lexicons()
    cache: dict[int, list[list[frozenset[str]]]] = {}

    def matched(matcher: Matcher) -> list[list[frozenset[str]]]:
        if id(matcher) not in cache:
            cache[id(matcher)] = [matcher(u.sentences) for u in units]
        return cache[id(matcher)]

    rng = np.random.default_rng(SEED)
    part_a = []
    for name, (matcher, size) in sentence_rows.items():
        counts = np.array([len(m) for m in matched(matcher)], dtype=float)
        part_a.append(
            {"lexicon": name, "terms": size, **rate_difference(counts, n_words, biased, rng)}
        )
    part_b = [
        {"lexicon": name, "terms": size, **word_level(units, matched(matcher))}
        for name, (matcher, size) in word_rows.items()
    ]
    report = {
        "data": "BABE SG2 dev (babe_sg2_dev.csv)",
        "sentences": {"biased": int(biased.sum()), "non_biased": int((~biased).sum())},
        "left_out_no_agreement": no_agreement,
        "words": {"biased": int(n_words[biased].sum()), "non_biased": int(n_words[~biased].sum())},
        "bootstrap": {"replicates": REPLICATES, "seed": SEED, "confidence": 0.95},
        "sentence_level": part_a,
        "word_level": part_b,
        "seconds": round(time.perf_counter() - start, 1),
    }
    if options.json:
        print(json.dumps(report, indent=2))
    else:
        show(report)


def show(report: dict) -> None:
    """The report as two compact tables."""
    s, w = report["sentences"], report["words"]
    print(
        f"BABE SG2 dev: {s['biased']} biased sentences ({w['biased']:,} words), "
        f"{s['non_biased']} non-biased ({w['non_biased']:,} words); "
        f"{report['left_out_no_agreement']} without agreement left out"
    )
    print(
        "\n(a) cues per 1,000 words, biased vs non-biased sentences; difference with 95% "
        f"bootstrap CI ({REPLICATES:,} replicates, seed {SEED})"
    )
    print(
        f"{'lexicon':44} {'terms':>5} {'biased':>7} {'non-b.':>7} "
        f"{'diff [95% CI]':>22} {'ratio':>5}"
    )
    for row in report["sentence_level"]:
        interval = f"{row['difference']:+.1f} [{row['ci_low']:+.1f}, {row['ci_high']:+.1f}]"
        print(
            f"{row['lexicon']:44} {row['terms']:>5} {row['biased']:>7.1f} "
            f"{row['non_biased']:>7.1f} {interval:>22} {row['ratio']:>5.2f}"
        )
    marked = report["word_level"][0]["marked"]
    print(f"\n(b) expert-marked words in biased sentences ({marked:,} marked words or phrases)")
    print(f"{'lexicon':44} {'terms':>5} {'recall':>7} {'matches':>8} {'precision':>9}")
    for row in report["word_level"]:
        print(
            f"{row['lexicon']:44} {row['terms']:>5} {row['recall']:>7.3f} "
            f"{row['matches']:>8,} {row['precision']:>9.3f}"
        )
    print(f"\n({report['seconds']} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
