"""The comparison on AllSides: the same story from a left, a centre and a right outlet.

For each of the 439 stories in ../shared/data/allsides (opening paragraphs only), framing
compares the three sides as outlets of one event. The script prints three example stories
(distinctive words and cue rates by side), then asks across stories whether hedges, loaded
(subjective) words, intensifiers, anonymous sourcing and tone toward the story's main actor
differ by side: the mean paired difference between sides with a bootstrap 95% interval over
stories, a sign-flip permutation p-value, and Holm's correction over all the tests shown.

Run: python benchmarks/allsides_comparison.py [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import tracemalloc
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import allsides_sides_corpus

from framing.compare import compare
from framing.pipeline import aggregate_corpus
from framing.stats import holm

SIDES = ("left", "center", "right")
SEED = 0
STORY_REPLICATES = 2000
PERMUTATIONS = 10_000
MEASURES = (
    ("hedges per 1,000 words", lambda o: o.cue_rates["hedge"].estimate),
    ("subjective/loaded words per 1,000 words", lambda o: o.cue_rates["subjective"].estimate),
    ("intensifiers per 1,000 words", lambda o: o.cue_rates["intensifier"].estimate),
    ("factives per 1,000 words", lambda o: o.cue_rates["factive"].estimate),
    ("attributions per 1,000 words", lambda o: o.sourcing.per_1000_words.estimate),
    ("article tone (VADER)", lambda o: o.tone.estimate),
)


def paired(values: dict[str, list[float]], first: str, second: str) -> dict[str, float] | None:
    """Mean paired difference first - second over stories, bootstrap CI, sign-flip p."""
    pairs = [
        (a, b)
        for a, b in zip(values[first], values[second], strict=True)
        if not (math.isnan(a) or math.isnan(b))
    ]
    if len(pairs) < 10:
        return None
    differences = np.array([a - b for a, b in pairs])
    rng = np.random.default_rng(SEED)
    resampled = rng.choice(differences, size=(STORY_REPLICATES, differences.size)).mean(axis=1)
    signs = rng.choice([-1.0, 1.0], size=(PERMUTATIONS, differences.size))
    null = np.abs((signs * differences).mean(axis=1))
    observed = abs(differences.mean())
    p = (np.sum(null >= observed - 1e-12) + 1) / (PERMUTATIONS + 1)
    spread = differences.std(ddof=1)
    return {
        "stories": int(differences.size),
        "mean_difference": float(differences.mean()),
        "low": float(np.percentile(resampled, 2.5)),
        "high": float(np.percentile(resampled, 97.5)),
        "cohens_dz": float(differences.mean() / spread) if spread > 0 else 0.0,
        "p": float(p),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    arguments = parser.parse_args()
    path = allsides_sides_corpus(events=True)
    tracemalloc.start()
    started = time.perf_counter()
    aggregate, accounting = aggregate_corpus(path, seed=SEED)
    analysed = time.perf_counter()
    comparison = compare(aggregate, accounting)
    finished = time.perf_counter()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    values: dict[str, dict[str, list[float]]] = {
        name: {s: [] for s in SIDES} for name, _ in MEASURES
    }
    values["tone toward the story's main actor"] = {s: [] for s in SIDES}
    values["anonymous share of attributions"] = {s: [] for s in SIDES}
    for group in comparison.events:
        if set(group.outlets) != set(SIDES):
            continue
        for name, measure in MEASURES:
            for side in SIDES:
                values[name][side].append(measure(group.outlets[side]))
        main_actor = group.actors[0] if group.actors else None
        for side in SIDES:
            portrayal = main_actor.outlets.get(side) if main_actor else None
            score = portrayal.score.estimate if portrayal else math.nan
            values["tone toward the story's main actor"][side].append(score)
            sourcing = group.outlets[side].sourcing
            share = sourcing.anonymous_share.estimate if sourcing.attributions else math.nan
            values["anonymous share of attributions"][side].append(share)

    tests = []
    for name, by_side in values.items():
        for first, second in combinations(SIDES, 2):
            result = paired(by_side, first, second)
            if result is not None:
                tests.append({"measure": name, "pair": f"{first} - {second}", **result})
    for test, adjusted in zip(tests, holm([t["p"] for t in tests]), strict=True):
        test["p_holm"] = adjusted

    overall = {
        side: {
            "articles": outlet.articles,
            "cue_rates": {c: [r.estimate, r.low, r.high] for c, r in outlet.cue_rates.items()},
            "anonymous_share": [
                outlet.sourcing.anonymous_share.estimate,
                outlet.sourcing.anonymous_share.low,
                outlet.sourcing.anonymous_share.high,
            ],
            "tone": [outlet.tone.estimate, outlet.tone.low, outlet.tone.high],
        }
        for side, outlet in comparison.overall.outlets.items()
    }
    examples = []
    for group in comparison.events[:3]:
        examples.append(
            {
                "event": group.event,
                "sides": {
                    side: {
                        "words": [w.word for w in outlet.distinctive_words[:6]],
                        "phrases": [w.word for w in outlet.distinctive_bigrams[:3]],
                        "hedges": outlet.cue_rates["hedge"].estimate,
                        "subjective": outlet.cue_rates["subjective"].estimate,
                    }
                    for side, outlet in group.outlets.items()
                },
            }
        )
    report = {
        "articles": accounting.loaded,
        "stories": len(comparison.events),
        "seconds_analyse": analysed - started,
        "seconds_compare": finished - analysed,
        "peak_traced_mb": peak / 2**20,
        "overall": overall,
        "examples": examples,
        "tests": tests,
    }
    if arguments.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"{report['articles']} articles, {report['stories']} stories: analysis "
        f"{report['seconds_analyse']:.1f} s, comparison {report['seconds_compare']:.1f} s, "
        f"peak traced memory {report['peak_traced_mb']:.0f} MB"
    )
    print("\nBy side over all stories (rate per 1,000 words, 95% CI resampling articles)")
    for side, figures in overall.items():
        rates = ", ".join(
            f"{c} {e:.1f} [{lo:.1f}, {hi:.1f}]" for c, (e, lo, hi) in figures["cue_rates"].items()
        )
        print(f"  {side:7s} {rates}")
    for example in examples:
        print(f"\nExample {example['event']}")
        for side, figures in example["sides"].items():
            print(
                f"  {side:7s} hedges {figures['hedges']:5.1f}  subjective "
                f"{figures['subjective']:5.1f}  words: {', '.join(figures['words'])}; "
                f"phrases: {', '.join(figures['phrases'])}"
            )
    print("\nPaired differences between sides across stories (Holm over all rows)")
    print(
        f"  {'measure':42s} {'pair':16s} {'n':>4s} {'mean diff':>10s} {'95% CI':>18s}"
        f" {'dz':>6s} {'p':>7s} {'Holm p':>7s}"
    )
    for test in tests:
        print(
            f"  {test['measure']:42s} {test['pair']:16s} {test['stories']:4d} "
            f"{test['mean_difference']:+10.3f} [{test['low']:+7.3f}, {test['high']:+7.3f}] "
            f"{test['cohens_dz']:+6.2f} {test['p']:7.4f} {test['p_holm']:7.4f}"
        )


if __name__ == "__main__":
    main()
