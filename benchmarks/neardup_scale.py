"""Speed, memory and recall of `framing.neardup.NearDuplicates` on 10k and 100k synthetic articles.

Each background article is about 600 words: demo-corpus sentences drawn at random (seeded),
with each word replaced, with probability 0.15, by a random word of the demo vocabulary, so
that articles sharing a sentence still differ (as different tellings of one event do). A share
of them (``--planted``, default 2%) are wire stories, each republished 1-3 times by other
outlets with a new headline, 0-3 trailing sentences cut and 0-6 words changed: the planted
near-duplicates. The true Jaccard of each planted pair (5-word shingles, as the module counts
them) is computed exactly, so recall is reported both over all planted pairs and over those
whose true Jaccard reaches the threshold.

Recall: share of planted pairs (republication of one wire story) in one reported group.
Precision: share of pairs in reported groups that are planted pairs.

Each size runs in a fresh subprocess, so its peak RSS (``ru_maxrss``) is its own; articles
are generated lazily and not kept, so RSS is the libraries plus the aggregate plus `groups`.
Speed is of `add` alone (generation is timed apart), wall clock and CPU time of the process;
"bytes/article" is the aggregate's own storage (`NearDuplicates.nbytes`: signatures, keys,
outlets and packed titles) over articles.

Run: python benchmarks/neardup_scale.py [N ...] [--json]   (default N: 10000 100000)
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

from framing.analysers.text import sentences
from framing.article import Article
from framing.corpus import load_corpus
from framing.demo import demo_corpus_path
from framing.neardup import NearDuplicates

SEED = 0
WORDS = 600
REPLACE = 0.15
OUTLETS = 20
THRESHOLD = 0.8
_WORD = re.compile(r"\w+")


def _pool() -> tuple[list[list[str]], list[str]]:
    """Demo sentences as word lists, and the demo vocabulary, in a fixed order."""
    articles = sorted(load_corpus(demo_corpus_path()), key=lambda a: a.outlet)
    pool = [s.split() for a in articles for s in sentences(a.text)]
    vocabulary = sorted({word for sentence in pool for word in sentence})
    return pool, vocabulary


def generate(
    n: int, planted_share: float, seed: int = SEED
) -> Iterator[tuple[Article, int | None]]:
    """Yield ``n`` articles with the wire-story family they belong to (None if none)."""
    pool, vocabulary = _pool()
    rng = random.Random(seed)
    made = family = 0
    while made < n:
        body: list[list[str]] = []
        while sum(map(len, body)) < WORDS:
            body.append(
                [rng.choice(vocabulary) if rng.random() < REPLACE else w for w in rng.choice(pool)]
            )
        outlet = rng.randrange(OUTLETS)
        text = " ".join(" ".join(sentence) for sentence in body)
        if rng.random() >= planted_share or made + 2 > n:
            yield (
                Article(id=str(made), outlet=f"Outlet {outlet}", title=f"Story {made}", text=text),
                None,
            )
            made += 1
            continue
        yield (
            Article(id=str(made), outlet=f"Outlet {outlet}", title=f"Wire {family}", text=text),
            family,
        )
        made += 1
        others = rng.sample([o for o in range(OUTLETS) if o != outlet], k=3)
        for copy in range(min(rng.randint(1, 3), n - made)):
            kept = [list(s) for s in body[: len(body) - rng.randint(0, 3)]]
            for _ in range(rng.randint(0, 6)):
                sentence = rng.choice(kept)
                sentence[rng.randrange(len(sentence))] = rng.choice(vocabulary)
            yield (
                Article(
                    id=str(made),
                    outlet=f"Outlet {others[copy]}",
                    title=f"Republished {family}.{copy}",
                    text=" ".join(" ".join(s) for s in kept),
                ),
                family,
            )
            made += 1
        family += 1


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    width = min(5, len(words))
    return {tuple(words[i : i + width]) for i in range(len(words) - width + 1)}


def run(n: int, planted_share: float) -> dict[str, Any]:
    """Build, time and score one aggregate of ``n`` articles."""
    dups = NearDuplicates()
    families: dict[str, int] = {}
    texts: dict[str, str] = {}
    add_wall = add_cpu = 0.0
    generated = time.perf_counter()
    for article, family in generate(n, planted_share):
        key = article.content_key
        if family is not None:
            families[key] = family
            texts[key] = article.text
        wall, cpu = time.perf_counter(), time.process_time()
        dups.add(key, article.outlet, article.title, article.text)
        add_wall += time.perf_counter() - wall
        add_cpu += time.process_time() - cpu
    total_wall = time.perf_counter() - generated
    start = time.perf_counter()
    groups = dups.groups(threshold=THRESHOLD)
    groups_s = time.perf_counter() - start

    planted = {
        (a, b)
        for members in _by_family(families).values()
        for a, b in itertools.combinations(sorted(members), 2)
    }
    true_jaccard = {}
    for a, b in planted:
        sa, sb = _shingles(texts[a]), _shingles(texts[b])
        true_jaccard[(a, b)] = len(sa & sb) / len(sa | sb)
    reported = {
        pair
        for group in groups
        for pair in itertools.combinations(sorted(key for key, _, _ in group.articles), 2)
    }
    above = {pair for pair, j in true_jaccard.items() if j >= THRESHOLD}
    clear = {pair for pair, j in true_jaccard.items() if j >= THRESHOLD + 0.1}
    return {
        "articles": len(dups),
        "planted_pairs": len(planted),
        "planted_pairs_true_j_ge_threshold": len(above),
        "groups": len(groups),
        "groups_multi_outlet": sum(len(g.outlets) > 1 for g in groups),
        "recall_all_planted": len(reported & planted) / max(len(planted), 1),
        "recall_true_j_ge_threshold": len(reported & above) / max(len(above), 1),
        "recall_true_j_ge_threshold_plus_0.1": len(reported & clear) / max(len(clear), 1),
        "precision": len(reported & planted) / max(len(reported), 1),
        "add_s_wall": round(add_wall, 2),
        "add_s_cpu": round(add_cpu, 2),
        "articles_per_s_wall": round(n / add_wall),
        "articles_per_s_cpu": round(n / add_cpu),
        "generate_and_add_s": round(total_wall, 1),
        "groups_s": round(groups_s, 2),
        "bytes_per_article": round(dups.nbytes() / len(dups)),
        "signature_bytes_per_article": 4 * dups.permutations,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _by_family(families: dict[str, int]) -> dict[int, list[str]]:
    members: dict[int, list[str]] = {}
    for key, family in families.items():
        members.setdefault(family, []).append(key)
    return members


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--planted", type=float, default=0.02, help="share of wire stories")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run(args.one, args.planted)))
        return
    results = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--planted", str(args.planted)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append({"n": n, **json.loads(out.stdout)})
        if not args.json:
            print(json.dumps(results[-1]), file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        "| N | planted pairs (true J>=0.8) | recall all / J>=0.8 / J>=0.9 | precision"
        " | add art/s wall (CPU) | groups() s | bytes/article | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['n']:,} | {r['planted_pairs']:,} ({r['planted_pairs_true_j_ge_threshold']:,})"
            f" | {r['recall_all_planted']:.3f} / {r['recall_true_j_ge_threshold']:.3f}"
            f" / {r['recall_true_j_ge_threshold_plus_0.1']:.3f}"
            f" | {r['precision']:.3f} | {r['articles_per_s_wall']:,} ({r['articles_per_s_cpu']:,})"
            f" | {r['groups_s']} | {r['bytes_per_article']} | {r['peak_rss_mb']} |"
        )


if __name__ == "__main__":
    main()
