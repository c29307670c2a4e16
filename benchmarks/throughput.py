"""Throughput and peak memory of the whole `framing compare` path on a synthetic corpus.

The corpus is N articles of 25 sentences each, drawn (seeded) from the demo corpus's sentences,
spread over 20 outlets and written as one JSONL file. Times the full path (load, analyse,
aggregate, compare) and, as the reference cost, one plain nltk VADER pass over the same
sentences. Peak RSS is the process maximum (ru_maxrss), so run one N per process.

Run: python benchmarks/throughput.py 2000 [JOBS]  (JOBS processes analyse; default 1)
"""

from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from framing.analysers.text import sentences
from framing.compare import compare
from framing.corpus import load_corpus
from framing.demo import demo_corpus_path
from framing.pipeline import aggregate_corpus
from framing.resources import vader

SENTENCES_PER_ARTICLE = 25
OUTLETS = 20


def make_corpus(n: int, path: Path, seed: int = 0) -> None:
    pool = [s for a in load_corpus(demo_corpus_path()) for s in sentences(a.text)]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = " ".join(rng.choice(pool) for _ in range(SENTENCES_PER_ARTICLE))
            record = {
                "id": str(i),
                "outlet": f"Outlet {i % OUTLETS}",
                "title": f"Story {i}",
                "text": body,
            }
            out.write(json.dumps(record) + "\n")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        make_corpus(n, path)
        start = time.perf_counter()
        aggregate, accounting = aggregate_corpus(path, jobs=jobs)
        analysed = time.perf_counter()
        result = compare(aggregate, accounting)
        elapsed = time.perf_counter() - start
        compare_elapsed = time.perf_counter() - analysed
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        analyser = vader()
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
        start = time.perf_counter()
        for text in texts:
            for sentence in sentences(text):
                analyser.polarity_scores(sentence)
        vader_elapsed = time.perf_counter() - start
    print(f"articles: {result.accounting.loaded}, jobs: {jobs}")
    print(
        f"framing compare: {elapsed:.1f} s, {n / elapsed:.0f} articles/s, peak RSS {peak_mb:.0f} MB"
        + (f" (largest worker {worker_mb:.0f} MB)" if jobs > 1 else "")
    )
    print(
        f"  of which load + analyse + aggregate {elapsed - compare_elapsed:.1f} s "
        f"({n / (elapsed - compare_elapsed):.0f} articles/s), compare {compare_elapsed:.1f} s"
    )
    print(f"plain VADER pass: {vader_elapsed:.1f} s, {n / vader_elapsed:.0f} articles/s")
    print(f"compare / VADER cost: {elapsed / vader_elapsed:.2f}x")


if __name__ == "__main__":
    main()
