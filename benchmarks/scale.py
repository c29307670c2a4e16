"""Throughput and peak memory of `framing compare` at growing corpus sizes, against VADER.

Generates (seeded) a JSONL corpus of N articles: 25 sentences each, drawn from the sentences of
the ABP and AllSides development articles (about 300,000 distinct sentences, so the analysers'
small per-sentence caches are not flattered by repeats), spread over 50 outlets and 20 events,
dated over a year. Then runs the real command, `framing compare PATH --json --jobs J`, as a
subprocess, timing it and sampling the summed RSS of it and its worker processes every 0.2 s.
In the same run, plain nltk VADER (`SentimentIntensityAnalyzer.polarity_scores` on every
sentence, split by framing's splitter) over the first 10,000 of the same articles is the
reference cost of one lexicon pass per article.

Run: python benchmarks/scale.py 10000 100000 [1000000] [--jobs 1 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psutil
from events_scale import base_pool

from framing.analysers.text import sentences

SENTENCES_PER_ARTICLE = 25
OUTLETS = 50
EVENTS = 20
VADER_ARTICLES = 10_000
FIRST_DAY = date(2024, 1, 1)


def sentence_pool() -> list[str]:
    """Every distinct sentence of the development articles, in a fixed order."""
    seen: dict[str, None] = {}
    for article in base_pool():
        for sentence in sentences(article.text):
            if len(sentence.split()) >= 5:
                seen.setdefault(sentence, None)
    return list(seen)


def write_corpus(n: int, path: Path, pool: list[str], seed: int = 0) -> None:
    """N articles as JSONL, drawn from ``pool`` with a seeded generator."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = " ".join(rng.choice(pool) for _ in range(SENTENCES_PER_ARTICLE))
            record = {
                "id": f"a{i}",
                "outlet": f"Outlet {rng.randrange(OUTLETS)}",
                "event": f"event-{rng.randrange(EVENTS)}",
                "date": (FIRST_DAY + timedelta(days=rng.randrange(365))).isoformat(),
                "title": rng.choice(pool)[:120],
                "text": body,
            }
            out.write(json.dumps(record) + "\n")


def run_compare(path: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak summed RSS (MB) of `framing compare` with ``jobs``."""
    command = [sys.executable, "-m", "framing", "compare", str(path), "--json", "--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"framing compare failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, peak / 2**20


def vader_seconds_per_article(path: Path) -> float:
    """Plain nltk VADER over the first articles of the corpus, seconds per article."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    from framing.resources import _vader_lexicon_text

    # Stock nltk, with the lexicon framing uses (its constructor would look in nltk_data).
    analyser = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    analyser.lexicon_file = _vader_lexicon_text()
    analyser.lexicon = analyser.make_lex_dict()
    analyser.constants = VaderConstants()
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) == VADER_ARTICLES:
                break
    start = time.perf_counter()
    for text in texts:
        for sentence in sentences(text):
            analyser.polarity_scores(sentence)
    return (time.perf_counter() - start) / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="keep the generated corpora in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    pool = sentence_pool()
    print(f"sentence pool: {len(pool):,} distinct sentences", flush=True)
    vader = None
    for n in args.sizes:
        path = folder / f"corpus-{n}.jsonl"
        if not path.exists():
            write_corpus(n, path, pool)
        size_mb = path.stat().st_size / 2**20
        if vader is None:
            vader = vader_seconds_per_article(path)
            print(f"plain VADER pass: {1 / vader:.0f} articles/s on one core", flush=True)
        for jobs in args.jobs:
            elapsed, peak = run_compare(path, jobs)
            rate = n / elapsed
            print(
                f"N={n:,} ({size_mb:,.0f} MB) jobs={jobs}: {elapsed:,.0f} s, "
                f"{rate:,.0f} articles/s, peak RSS {peak:,.0f} MB, "
                f"{elapsed / n / vader:.2f}x VADER per article"
                + (f" ({elapsed * jobs / n / vader:.2f}x per core)" if jobs > 1 else ""),
                flush=True,
            )


if __name__ == "__main__":
    main()
