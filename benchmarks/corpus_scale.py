"""Time and peak memory of loading hostile-sized corpora with `framing.corpus.iter_corpus`.

Two corpora, each generated in a temporary folder and loaded in a fresh subprocess (so the peak
RSS, ``ru_maxrss``, is the load's own):

- ``tiny``: N tiny .txt files (default 20,000), all in one folder and spread over 200 folders;
- ``huge``: one JSON Lines file of M records (default 200,000, about 200 MB) with a 50 MB line
  in the middle, which is skipped by the 10 MB record limit without being read into memory.

Run: python benchmarks/corpus_scale.py [--files N] [--records M]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import resource, sys, time
from framing.corpus import iter_corpus
from framing.article import Article
from framing.corpus.accounting import Skipped
start = time.perf_counter()
loaded = skipped = 0
for event in iter_corpus(sys.argv[1]):
    loaded += isinstance(event, Article)
    skipped += isinstance(event, Skipped)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f} {peak:.0f} {loaded} {skipped}")
"""


def load(path: Path) -> tuple[float, float, int, int]:
    """Seconds, peak MB, articles loaded and inputs skipped for the corpus at ``path``."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def tiny(root: Path, files: int, folders: int) -> Path:
    for number in range(files):
        folder = root / f"outlet-{number % folders:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{number:06d}.txt").write_text(
            f"Headline {number}\nA short article, number {number}, about the budget vote.\n",
            encoding="utf-8",
        )
    return root


def huge(root: Path, records: int) -> Path:
    path = root / "huge.jsonl"
    body = "The committee met again on Tuesday to discuss the budget and the vote. " * 12
    with path.open("w", encoding="utf-8") as handle:
        for number in range(records):
            if number == records // 2:
                handle.write(json.dumps({"outlet": "Giant", "text": "x" * 50 * 2**20}) + "\n")
            record = {"outlet": f"Outlet {number % 7}", "title": f"Story {number}", "text": body}
            record["text"] += f" ({number})"
            handle.write(json.dumps(record) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--records", type=int, default=200_000)
    args = parser.parse_args()
    print(f"{'corpus':<34} {'seconds':>8} {'peak MB':>8} {'loaded':>8} {'skipped':>8}")
    for label, folders in ((f"{args.files} tiny .txt, 1 folder", 1), ("... in 200 folders", 200)):
        with tempfile.TemporaryDirectory() as folder:
            seconds, peak, loaded, skipped = load(tiny(Path(folder), args.files, folders))
        print(f"{label:<34} {seconds:>8.2f} {peak:>8.0f} {loaded:>8} {skipped:>8}")
    with tempfile.TemporaryDirectory() as folder:
        path = huge(Path(folder), args.records)
        size = path.stat().st_size / 2**20
        seconds, peak, loaded, skipped = load(path)
    label = f"1 JSONL, {args.records} rec., {size:.0f} MB"
    print(f"{label:<34} {seconds:>8.2f} {peak:>8.0f} {loaded:>8} {skipped:>8}")


if __name__ == "__main__":
    main()
