"""What the main process's aggregate holds after reading N articles, part by part.

Runs `aggregate_corpus` (the load, analyse and aggregate stage of `framing compare`) on the
generated corpora of `scale.py` (same generator, same seed), then measures each part of the
resulting `CorpusAggregate` with pympler's ``asizeof`` (Python objects and numpy buffers
alike) and the bytes its temporary spill files hold on disk, then runs the compare stage and
reports the main process's peak RSS (``VmHWM``: workers not included). Each size runs in a
fresh subprocess, so each peak is its own. With ``--cache DIR`` the analyses are kept between
runs (`framing.cache`), so repeating a size costs about 1 ms an article.

Run: python benchmarks/aggregate_memory.py 10000 100000 [--jobs 2] [--keep DIR] [--cache DIR]
(needs ../shared/data for the sentence pool, and pympler and psutil: pip install -e '.[dev]')
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARTS = (
    "group word and phrase counts",
    "group bootstrap and other sums",
    "term strings",
    "near-duplicate signatures",
    "event samples",
    "actor tallies",
)


def measure(path: Path, jobs: int, cache: str | None) -> dict[str, float]:
    """Aggregate and compare ``path`` in this process; sizes in MB."""
    from pympler.asizeof import asizeof

    from framing.compare import compare
    from framing.pipeline import aggregate_corpus

    start = time.perf_counter()
    aggregate, accounting = aggregate_corpus(path, jobs=jobs, cache=cache)
    seconds = time.perf_counter() - start
    groups = list(aggregate.groups.values())
    counts = [c for g in groups for c in (g.word_counts, g.bigram_counts)]
    spilled = {file.path: file.size * 16 for c in counts for file in c.stored}
    runs = {run.path: Path(run.path).stat().st_size for run in aggregate.actors.runs}
    strings = sum(Path(file.path).stat().st_size for file in aggregate.terms.stored)
    sizes = {
        "group word and phrase counts": asizeof(counts),
        "group bootstrap and other sums": asizeof(groups) - asizeof(counts),
        "term strings": asizeof(aggregate.terms),
        "near-duplicate signatures": asizeof(aggregate.near_duplicates),
        "event samples": asizeof(aggregate.event_articles),
        "actor tallies": asizeof(aggregate.actors),
    }
    after_aggregate = _peak()
    start = time.perf_counter()
    compare(aggregate, accounting, jobs=jobs)
    compare_seconds = time.perf_counter() - start
    result = {name: size / 2**20 for name, size in sizes.items()}
    result["term files on disk"] = sum(spilled.values()) / 2**20
    result["term string files on disk"] = strings / 2**20
    result["actor runs on disk"] = sum(runs.values()) / 2**20
    result["aggregate seconds"] = seconds
    result["compare seconds"] = compare_seconds
    result["peak RSS after aggregating"] = after_aggregate
    result["peak RSS after comparing"] = _peak()
    return result


def _peak() -> float:
    """This process's peak resident memory so far, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the generated corpora in this folder")
    parser.add_argument("--cache", help="keep the analyses in this folder between runs")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the subprocess
    args = parser.parse_args()
    if args.measure is not None:
        print(json.dumps(measure(args.measure, args.jobs, args.cache)))
        return
    from scale import sentence_pool, write_corpus

    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    pool = None
    rows = {}
    for n in args.sizes:
        path = folder / f"corpus-{n}.jsonl"
        if not path.exists():
            pool = pool or sentence_pool()
            write_corpus(n, path, pool)
        command = [sys.executable, __file__, "0", "--measure", str(path), "--jobs", str(args.jobs)]
        if args.cache:
            command += ["--cache", args.cache]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        rows[n] = json.loads(output.splitlines()[-1])
        print(f"N={n:,}: " + ", ".join(f"{k} {v:,.1f}" for k, v in rows[n].items()), flush=True)
    print("\n| MB | " + " | ".join(f"{n:,}" for n in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for name in next(iter(rows.values())):
        print(f"| {name} | " + " | ".join(f"{row[name]:,.1f}" for row in rows.values()) + " |")


if __name__ == "__main__":
    main()
