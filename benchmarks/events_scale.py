"""Time and peak memory of `framing.events.group_events` on corpora of 10k and 100k articles.

The corpus concatenates real articles: the dated ABP articles (../shared/data/abp/jsons, full
text; the 470 without a parseable date are left out) and the AllSides stories' articles
(opening paragraphs, dated by the story). It is replicated as needed: copy k of an article is
shifted k * 30 days later, so copies of one article never share a window, and gets its own id
and " [copy k]" appended to its text, so every content differs. The originals span 2012-2021,
the copies extend it by 30 days per copy (about two years at 100k).

Each run happens in a fresh subprocess, so its peak RSS (``ru_maxrss``) is its own; the
articles are generated lazily as `group_events` reads them, so the peak is the grouping's own
plus the base pool (the "base MB" column, measured before grouping). "B/art" is the grouping's
share, (peak - base) / articles: it includes a fixed working space (the hashed document
frequencies and IDF, 12 MB, and the similarity blocks, some 60 MB), which dominates it for
small corpora; when several sizes run, the last line gives the marginal bytes per article
between consecutive sizes (without undated articles), the cost of each further article. A
further run makes 10% of the articles undated (seeded); if that takes more than 10 minutes
at 100k it is stopped, reported as such, and run at 20k instead.

What the cost grows with (framing/events.py): dated articles are compared only with articles
within ``window`` days of theirs, so the pairs compared grow with the articles times the
articles published within a window. Here the copies overlap the originals' 2012-2021 span (a
copy moves only 30 days per k), so the articles per day, and so the pairs per article, grow
with N: the pairs grow faster than N. Each undated article is compared with every article, so
undated articles add undated x N pairs, quadratic in N at a fixed undated share. Beyond the
pairs, building each event costs a fixed amount (decoding its articles' term counts and one
hashing call per distinct title word), so the time also grows with the number of events.

Run: python benchmarks/events_scale.py [N ...] [--json]   (default N: 10000 100000)
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date as Date
from datetime import timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir

from framing.article import Article
from framing.corpus.fields import parse_date
from framing.events import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, group_events

SHIFT_DAYS = 30
SEED = 0
UNDATED_SHARE = 0.1
UNDATED_LIMIT_S = 600
UNDATED_FALLBACK_N = 20_000
SIDES = ("left", "center", "right")


def base_pool() -> list[Article]:
    """Dated ABP articles, then the AllSides stories' articles, in a fixed order."""
    pool: list[Article] = []
    for path in sorted((data_dir("abp") / "jsons").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        day = parse_date(record.get("date") or "")
        text = record.get("content_original") or record.get("content") or ""
        if day is None or not text.strip():
            continue
        pool.append(
            Article(
                id=f"abp-{record['ID']}",
                outlet=record.get("source", ""),
                title=record.get("title", ""),
                text=text,
                date=day,
            )
        )
    with (data_dir("allsides") / "stories.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            day = Date.fromisoformat(story["date"][:10])
            for side in SIDES:
                news = story["news"].get(side) or {}
                body = [p for p in news.get("newBody") or [] if p.strip()]
                if body:
                    pool.append(
                        Article(
                            id=f"allsides-{story['id']}-{side}",
                            outlet=news.get("newsSource", ""),
                            title=news.get("newsTitle", ""),
                            text="\n\n".join(body),
                            date=day,
                        )
                    )
    return pool


def corpus(pool: list[Article], n: int, undated_share: float) -> Iterator[Article]:
    """n articles: the pool, then shifted copies of it; a seeded share made undated."""
    rng = random.Random(SEED)
    for i in range(n):
        copy, article = divmod(i, len(pool))
        base = pool[article]
        assert base.date is not None
        day: Date | None = base.date + timedelta(days=SHIFT_DAYS * copy)
        if undated_share and rng.random() < undated_share:
            day = None
        if copy == 0:
            yield replace(base, date=day)
        else:
            yield replace(base, id=f"{base.id}~{copy}", text=f"{base.text} [copy {copy}]", date=day)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(n: int, undated_share: float) -> dict[str, Any]:
    """One run, in this process: the grouping of n articles and its cost."""
    pool = base_pool()
    base_mb = _peak_mb()
    start = time.perf_counter()
    grouping = group_events(corpus(pool, n, undated_share))
    elapsed = time.perf_counter() - start
    dates = [e.start for e in grouping.events if e.start] + [
        e.end for e in grouping.events if e.end
    ]
    return {
        "articles": grouping.articles,
        "undated": grouping.undated,
        "events": len(grouping.events),
        "largest_event": len(grouping.events[0].articles) if grouping.events else 0,
        "singletons": sum(len(e.articles) == 1 for e in grouping.events),
        "candidate_pairs": grouping.candidate_pairs,
        "seconds": elapsed,
        "articles_per_s": grouping.articles / elapsed,
        "peak_rss_mb": _peak_mb(),
        "base_rss_mb": base_mb,
        "bytes_per_article": (_peak_mb() - base_mb) * 2**20 / max(1, grouping.articles),
        "first_day": min(dates).isoformat() if dates else None,
        "last_day": max(dates).isoformat() if dates else None,
        "pool": len(pool),
    }


def spawn(n: int, undated_share: float, timeout: float | None) -> dict[str, Any]:
    """Run `worker` in a fresh interpreter; a row saying so if it ran out of time."""
    command = [sys.executable, __file__, "--worker", str(n), "--undated-share", str(undated_share)]
    print(f"running N={n:,}, undated share {undated_share:.0%} ...", file=sys.stderr)
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {
            "articles": n,
            "undated_share": undated_share,
            "timed_out": True,
            "seconds": time.perf_counter() - start,
        }
    except subprocess.CalledProcessError as error:
        sys.exit(f"worker N={n} failed:\n{error.stderr}")
    return {**json.loads(done.stdout), "undated_share": undated_share, "timed_out": False}


def measure(sizes: list[int], undated_n: int) -> dict[str, Any]:
    rows = [spawn(n, 0.0, None) for n in sizes]
    undated_rows = [spawn(undated_n, UNDATED_SHARE, UNDATED_LIMIT_S)]
    if undated_rows[0]["timed_out"] and undated_n > UNDATED_FALLBACK_N:
        undated_rows.append(spawn(UNDATED_FALLBACK_N, UNDATED_SHARE, None))
    return {
        "threshold": DEFAULT_THRESHOLD,
        "window_days": DEFAULT_WINDOW_DAYS,
        "shift_days": SHIFT_DAYS,
        "undated_limit_seconds": UNDATED_LIMIT_S,
        "rows": rows + undated_rows,
        "marginal": marginal(rows),
    }


def marginal(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Peak RSS per further article between consecutive sizes."""
    ordered = sorted(rows, key=lambda row: row["articles"])
    return [
        {
            "from": low["articles"],
            "to": high["articles"],
            "bytes_per_article": (high["peak_rss_mb"] - low["peak_rss_mb"])
            * 2**20
            / (high["articles"] - low["articles"]),
        }
        for low, high in pairwise(ordered)
        if high["articles"] > low["articles"]
    ]


def report(result: dict[str, Any]) -> None:
    print(
        f"group_events at threshold {result['threshold']}, window {result['window_days']} days; "
        f"ABP + AllSides articles, copies shifted by {result['shift_days']} days"
    )
    print(
        f"{'articles':>9}{'undated':>9}{'events':>9}{'largest':>9}{'pairs':>15}"
        f"{'sec':>9}{'arts/s':>9}{'peak MB':>9}{'base MB':>9}{'B/art':>8}"
    )
    for row in result["rows"]:
        if row["timed_out"]:
            print(
                f"{row['articles']:>9,}{row['undated_share']:>9.0%}  stopped after "
                f"{row['seconds']:.0f} s (limit {result['undated_limit_seconds']} s)"
            )
            continue
        print(
            f"{row['articles']:>9,}{row['undated']:>9,}{row['events']:>9,}"
            f"{row['largest_event']:>9,}{row['candidate_pairs']:>15,}{row['seconds']:>9.1f}"
            f"{row['articles_per_s']:>9.0f}{row['peak_rss_mb']:>9.0f}{row['base_rss_mb']:>9.0f}"
            f"{row['bytes_per_article']:>8.0f}"
        )
    days = [r for r in result["rows"] if not r["timed_out"]]
    if days:
        print(
            f"dates {days[0]['first_day']} .. {max(r['last_day'] for r in days)}; "
            f"base pool {days[0]['pool']:,} articles; peak MB = process peak RSS, "
            "base MB = before grouping, B/art = (peak - base) / articles"
        )
    for step in result["marginal"]:
        print(
            f"marginal memory from {step['from']:,} to {step['to']:,} articles: "
            f"{step['bytes_per_article']:.0f} B/article"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--undated-n", type=int, default=100_000, help="size of the 10%%-undated run"
    )
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--undated-share", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        print(json.dumps(worker(args.worker, args.undated_share)))
        return
    result = measure(args.sizes, args.undated_n)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        report(result)


if __name__ == "__main__":
    main()
