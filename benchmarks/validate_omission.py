"""How well `framing.omission.align_content` aligns sentences that carry the same information.

1. Labelled pairs (benchmarks/data/omission_pairs.csv): cross-outlet sentence pairs of the demo
   corpus, each labelled 1 if the two sentences report at least one common piece of
   information (a fact, claim or figure; one may add detail), 0 if they only share a topic,
   names or words. The labels are the developers' own, made while building the method, not
   independent coders'. The pairs are a stratified sample of all 9,576 cross-outlet pairs of
   sentences `align_content` aligns, by TF-IDF cosine (strata 0.4-1: all 34 pairs; 0.3-0.4,
   0.2-0.3, 0.1-0.2 and 0-0.1: 14, 16, 16 and 12 drawn at random with seed 20251101, by
   ``--sample``, before hyphenated words were split: ``--sample`` now draws from strata of
   34/36/50/108/9,348 pairs instead of 34/33/53/105/9,351; the weights use the sizes at the
   draw, column ``stratum_size``, so the estimates stay valid), plus ``reader`` pairs the
   developers found by reading: paraphrases with few shared words, and hard negatives that
   share names or words (some seen in the output at low thresholds). Precision and recall are
   estimated for all cross-outlet pairs of the demo, each sampled pair standing for its
   stratum (size / drawn); they assume, as the sample of the 0-0.1 stratum found, that pairs
   there rarely share information. The reader pairs are scored apart. Two scores per
   threshold t: "cosine >= t" (the pair alone) and "same unit", whether
   `align_content(threshold=t)` puts both sentences in a unit (what users see).
   DEFAULT_THRESHOLD is the lowest threshold at which no pair labelled 0 (sampled or reader)
   shares a unit: lower ones score a little higher F1 in this sample, but by one or two pairs,
   and a unit that mixes two different facts misleads more than two units a reader can see
   belong together.
2. AllSides (../shared/data/allsides/stories.jsonl): for each story covered by a left, a centre
   and a right outlet (title and the opening paragraphs AllSides shows), the content units
   carried by all three sides, by two, and by one only; and the time per story.

Run: python benchmarks/validate_omission.py [--sample]
"""

from __future__ import annotations

import csv
import json
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir

from framing.analysers.text import sentences
from framing.corpus import load_corpus
from framing.demo import demo_corpus_path
from framing.omission import (
    DEFAULT_MIN_WORDS,
    DEFAULT_THRESHOLD,
    EventArticle,
    SentenceRef,
    align_content,
    content_stems,
    sentence_similarities,
)

PAIRS = Path(__file__).resolve().parent / "data" / "omission_pairs.csv"
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
SIDES = ("left", "center", "right")
SEED = 20251101
# name, lowest cosine, highest cosine (exclusive), pairs to draw (None: all)
STRATA = (
    ("0.40-1.00", 0.4, 2.0, None),
    ("0.30-0.40", 0.3, 0.4, 14),
    ("0.20-0.30", 0.2, 0.3, 16),
    ("0.10-0.20", 0.1, 0.2, 16),
    ("0.00-0.10", -1.0, 0.1, 12),
)
FIELDS = (
    "pair stratum stratum_size left_outlet left_key left_index left_text right_outlet right_key "
    "right_index right_text same_information note"
).split()


def demo_articles() -> list[EventArticle]:
    """The demo corpus as one event, sentences split as `framing.analysers.analyse` does."""
    articles = [
        EventArticle(
            article.outlet,
            article.content_key,
            article.title,
            tuple(([article.title] if article.title.strip() else []) + sentences(article.text)),
        )
        for article in load_corpus(demo_corpus_path())
    ]
    return sorted(articles, key=lambda article: (article.outlet, article.key))


def aligned_sentences(articles: Sequence[EventArticle]) -> dict[SentenceRef, str]:
    """The sentences `align_content` aligns (long enough), in its order."""
    return {
        (a.outlet, a.key, i): sentence
        for a in articles
        for i, sentence in enumerate(a.sentences)
        if len(content_stems(sentence)) >= DEFAULT_MIN_WORDS
    }


def cross_outlet_cosines(
    articles: Sequence[EventArticle],
) -> dict[tuple[SentenceRef, SentenceRef], float]:
    """TF-IDF cosine of every pair of aligned sentences from different outlets."""
    kept = aligned_sentences(articles)
    refs = list(kept)
    similarity = sentence_similarities(list(kept.values()))
    return {
        (refs[i], refs[j]): float(similarity[i, j])
        for i in range(len(refs))
        for j in range(i + 1, len(refs))
        if refs[i][0] != refs[j][0]
    }


def sample_pairs(articles: Sequence[EventArticle]) -> None:
    """Print the stratified sample of pairs (unlabelled) as CSV: how the labelled set was drawn."""
    cosines = cross_outlet_cosines(articles)
    texts = {(a.outlet, a.key, i): s for a in articles for i, s in enumerate(a.sentences)}
    rng = random.Random(SEED)
    writer = csv.writer(sys.stdout)
    writer.writerow(FIELDS)
    number = 0
    for name, low, high, size in STRATA:
        population = [pair for pair, cosine in cosines.items() if low <= cosine < high]
        drawn = population if size is None else rng.sample(population, size)
        drawn.sort(key=lambda pair: -cosines[pair])
        for left, right in drawn:
            number += 1
            writer.writerow(
                [number, name, len(population), *left, texts[left], *right, texts[right], "", ""]
            )


def read_pairs(articles: Sequence[EventArticle]) -> list[dict[str, str]]:
    """The labelled pairs, checked against the demo corpus as it is now."""
    texts = {(a.outlet, a.key, i): s for a in articles for i, s in enumerate(a.sentences)}
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for side in ("left", "right"):
            if texts.get(ref(row, side)) != row[f"{side}_text"]:
                sys.exit(f"{PAIRS}: pair {row['pair']} no longer matches the demo corpus")
    return rows


def ref(row: dict[str, str], side: str) -> SentenceRef:
    return (row[f"{side}_outlet"], row[f"{side}_key"], int(row[f"{side}_index"]))


def weighted_scores(
    linked: list[bool], gold: list[bool], weights: list[float]
) -> tuple[float, float, float]:
    """Precision, recall and F1, each pair counting for ``weight`` pairs of the population."""
    hits = sum(w for p, g, w in zip(linked, gold, weights, strict=True) if p and g)
    predicted = sum(w for p, w in zip(linked, weights, strict=True) if p)
    actual = sum(w for g, w in zip(gold, weights, strict=True) if g)
    precision = hits / predicted if predicted else 0.0
    recall = hits / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def validate_pairs(articles: list[EventArticle]) -> None:
    rows = read_pairs(articles)
    cosines = cross_outlet_cosines(articles)
    sampled = [row for row in rows if row["stratum"] != "reader"]
    reader = [row for row in rows if row["stratum"] == "reader"]
    drawn: dict[str, int] = {}
    for row in sampled:
        drawn[row["stratum"]] = drawn.get(row["stratum"], 0) + 1
    weights = [int(row["stratum_size"]) / drawn[row["stratum"]] for row in sampled]
    gold = [row["same_information"] == "1" for row in sampled]
    positives = [row for row in reader if row["same_information"] == "1"]
    print(
        f"Demo corpus: {len(sampled)} sampled cross-outlet pairs standing for {len(cosines):,} "
        f"({sum(gold)} labelled same information), {len(reader)} reader pairs "
        f"({len(positives)} same). Labels are the developers' own."
    )
    print(
        f"{'t':>5} | {'cosine >= t: P':>14} {'R':>5} {'F1':>5} | {'same unit: P':>12} "
        f"{'R':>5} {'F1':>5} | reader: same {'wrong':>5} | {'units':>5} {'shared':>6}"
    )
    for threshold in THRESHOLDS:
        coverage = align_content(articles, threshold=threshold)
        units_of: dict[SentenceRef, set[int]] = {}
        for unit in coverage.units:
            for sentence in unit.sentences:
                units_of.setdefault(sentence, set()).add(unit.id)

        def same_unit(
            row: dict[str, str], units_of: dict[SentenceRef, set[int]] = units_of
        ) -> bool:
            left = units_of.get(ref(row, "left"), set())
            return bool(left & units_of.get(ref(row, "right"), set()))

        by_cosine = [
            cosines.get((ref(r, "left"), ref(r, "right")), 0.0) >= threshold for r in sampled
        ]
        cp, cr, cf = weighted_scores(by_cosine, gold, weights)
        up, ur, uf = weighted_scores([same_unit(r) for r in sampled], gold, weights)
        found = sum(same_unit(r) for r in positives)
        wrong = sum(same_unit(r) for r in reader if r["same_information"] == "0")
        shared = sum(len(unit.outlets) > 1 for unit in coverage.units)
        mark = " <- default" if abs(threshold - DEFAULT_THRESHOLD) < 1e-9 else ""
        print(
            f"{threshold:>5.2f} | {cp:>14.2f} {cr:>5.2f} {cf:>5.2f} | {up:>12.2f} {ur:>5.2f} "
            f"{uf:>5.3f} | {found:>6}/{len(positives):<5} {wrong:>5} | "
            f"{len(coverage.units):>5} {shared:>6}{mark}"
        )
    align_content(articles)
    started = time.perf_counter()
    align_content(articles)
    elapsed = time.perf_counter() - started
    print(f"align_content on the demo event ({len(articles)} articles): {elapsed * 1000:.0f} ms")


def allsides_events(path: Path) -> list[list[EventArticle]]:
    """One event per story with all three sides: title plus the opening paragraphs."""
    events = []
    for line in path.open(encoding="utf-8"):
        story = json.loads(line)
        news = story.get("news", {})
        if not all(news.get(side, {}).get("newBody") for side in SIDES):
            continue
        events.append(
            [
                EventArticle(
                    side,
                    f"{story['id']}-{side}",
                    news[side].get("newsTitle", ""),
                    tuple(
                        ([news[side]["newsTitle"]] if news[side].get("newsTitle") else [])
                        + sentences("\n\n".join(news[side]["newBody"]))
                    ),
                )
                for side in SIDES
            ]
        )
    return events


def validate_allsides() -> None:
    events = allsides_events(data_dir("allsides") / "stories.jsonl")
    counts: dict[int, list[int]] = {3: [], 2: [], 1: []}
    alone = dict.fromkeys(SIDES, 0)
    times = []
    aligned = []
    for articles in events:
        started = time.perf_counter()
        coverage = align_content(articles)
        times.append(time.perf_counter() - started)
        aligned.append(len({ref for unit in coverage.units for ref in unit.sentences}))
        for k, values in counts.items():
            values.append(sum(len(unit.outlets) == k for unit in coverage.units))
        for side in SIDES:
            alone[side] += len(coverage.alone_reports(side))
    print(
        f"\nAllSides: {len(events)} stories with a left, a centre and a right outlet (title and "
        f"opening paragraphs, {statistics.mean(aligned):.1f} aligned sentences per story), "
        f"threshold {DEFAULT_THRESHOLD}"
    )
    total = sum(sum(values) for values in counts.values())
    print(f"{'units carried by':<16} {'per story':>9} {'share':>6} {'stories with none':>17}")
    for k, label in ((3, "all three sides"), (2, "two sides"), (1, "one side only")):
        values = counts[k]
        print(
            f"{label:<16} {statistics.mean(values):>9.2f} {sum(values) / total:>6.1%} "
            f"{sum(v == 0 for v in values):>17}"
        )
    print("units one side alone reports: " + ", ".join(f"{s} {n}" for s, n in alone.items()))
    print(
        f"time per story: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms; all stories {sum(times):.1f} s"
    )


def main() -> None:
    articles = demo_articles()
    if sys.argv[1:] == ["--sample"]:
        sample_pairs(articles)
        return
    validate_pairs(articles)
    validate_allsides()


if __name__ == "__main__":
    main()
