"""Event grouping on AllSides: do the three outlets' articles of a story land in one event?

Each of the stories in ../shared/data/allsides/stories.jsonl was covered by a left, a centre
and a right outlet (opening paragraphs only; sides with an empty body are skipped). All the
articles are loaded with opaque ids in a shuffled order and no story id, grouped by
`framing.events.group_events` at its defaults, and compared with the true stories:

- the adjusted Rand index (ARI) of the predicted events against the stories;
- exact: the share of stories whose article set is exactly one predicted event;
- together: the share of stories whose articles all fall in one event (possibly with others);
- purity: the share of articles that are in their event's majority story (sum over events
  of the largest story overlap, divided by the articles).

Two settings: (a) each article dated by its story's date. This is generous: the three
articles of a story share the AllSides story date exactly, while real coverage spreads over
days. (b) No dates, text alone. A sensitivity table over thresholds and windows follows; it is
reported, not used to choose the defaults.

framing.events says its default threshold was chosen on a disjoint tuning set: the stories of
triplets_train.jsonl none of whose titles (stripped, lower-cased) appear among the titles of
stories.jsonl, grouped on text alone; the script prints the ARI there for each threshold so the
choice can be checked. It is run twice: shuffled with opaque ids (as the reported set is), and
with ids in file order (a story's articles adjacent): the two must agree, since the grouping
may not depend on the order or the ids of the articles.

Run: python benchmarks/events_allsides.py [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import Any

from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir

from framing.article import Article
from framing.events import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, Grouping, group_events

SIDES = ("left", "center", "right")
SEED = 0
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
WINDOWS = (0, 1, 3, 7)
ORDER_THRESHOLDS = (0.15, 0.2, 0.3)
ORDER_NOTE = (
    "the same tuning articles with ids in file order, so a story's three articles have "
    "adjacent ids; the grouping must not depend on it"
)
GENEROUS = (
    "generous: the articles of a story share the AllSides story date exactly, so the window "
    "never separates them, while real coverage of a story spreads over days"
)


@dataclass(frozen=True)
class Labelled:
    """Articles and the true story of each (by position)."""

    articles: list[Article]
    stories: list[str]


def load_stories(folder: Path) -> Labelled:
    """The stories' articles, dated by the story date, shuffled, with opaque ids."""
    rows: list[tuple[Article, str]] = []
    with (folder / "stories.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            day = Date.fromisoformat(story["date"][:10])
            for side in SIDES:
                news = story["news"].get(side) or {}
                body = [p for p in news.get("newBody") or [] if p.strip()]
                if not body:
                    continue
                article = Article(
                    id="",
                    outlet=news.get("newsSource", ""),
                    title=news.get("newsTitle", ""),
                    text="\n\n".join(body),
                    date=day,
                )
                rows.append((article, str(story["id"])))
    random.Random(SEED).shuffle(rows)
    articles = [replace(a, id=f"article-{i:05d}") for i, (a, _) in enumerate(rows)]
    return Labelled(articles, [story for _, story in rows])


def story_titles(folder: Path) -> set[str]:
    """Every title in stories.jsonl, stripped and lower-cased."""
    titles: set[str] = set()
    with (folder / "stories.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            for news in json.loads(line)["news"].values():
                titles.add(news.get("newsTitle", "").strip().lower())
    titles.discard("")
    return titles


def load_tuning(folder: Path) -> tuple[Labelled, Labelled, int]:
    """triplets_train.jsonl stories sharing no title with stories.jsonl, undated: shuffled with
    opaque ids, and in file order (ids follow the stories); and how many stories were dropped
    for sharing a title."""
    records = [
        json.loads(line)
        for line in (folder / "triplets_train.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    titles = story_titles(folder)
    overlapping = {r["story"] for r in records if r["title"].strip().lower() in titles}
    kept = [r for r in records if r["story"] not in overlapping]
    in_order = Labelled(
        [
            Article(id=f"triplet-{i:05d}", outlet="unknown", title=r["title"], text=r["text"])
            for i, r in enumerate(kept)
        ],
        [r["story"] for r in kept],
    )
    order = list(range(len(kept)))
    random.Random(SEED).shuffle(order)
    shuffled = Labelled(
        [replace(in_order.articles[i], id=f"article-{j:05d}") for j, i in enumerate(order)],
        [in_order.stories[i] for i in order],
    )
    return shuffled, in_order, len(overlapping)


def undated(data: Labelled) -> Labelled:
    return Labelled([replace(a, date=None) for a in data.articles], data.stories)


def score(data: Labelled, grouping: Grouping) -> dict[str, float | int]:
    """ARI, exact and together recovery, and purity of a grouping against the true stories."""
    event_of = grouping.event_of()
    if len({a.content_key for a in data.articles}) != len(data.articles):
        raise SystemExit("duplicate articles: content keys would merge them")
    predicted = [event_of[a.content_key] for a in data.articles]
    truth: dict[str, set[int]] = defaultdict(set)
    found: dict[str, set[int]] = defaultdict(set)
    for index, (story, event) in enumerate(zip(data.stories, predicted, strict=True)):
        truth[story].add(index)
        found[event].add(index)
    event_sets = {frozenset(members) for members in found.values()}
    exact = sum(frozenset(members) in event_sets for members in truth.values())
    together = sum(len({predicted[i] for i in members}) == 1 for members in truth.values())
    majority = sum(
        Counter(data.stories[i] for i in members).most_common(1)[0][1] for members in found.values()
    )
    return {
        "articles": len(data.articles),
        "stories": len(truth),
        "events": len(grouping.events),
        "candidate_pairs": grouping.candidate_pairs,
        "ari": adjusted_rand_score(data.stories, predicted),
        "exact": exact / len(truth),
        "together": together / len(truth),
        "purity": majority / len(data.articles),
    }


def run(data: Labelled, threshold: float, window: int) -> dict[str, Any]:
    start = time.perf_counter()
    grouping = group_events(data.articles, threshold=threshold, window_days=window)
    elapsed = time.perf_counter() - start
    return {
        "threshold": threshold,
        "window_days": window,
        **score(data, grouping),
        "seconds": elapsed,
    }


def measure() -> dict[str, Any]:
    folder = data_dir("allsides")
    start = time.perf_counter()
    dated = load_stories(folder)
    plain = undated(dated)
    tuning, in_order, dropped = load_tuning(folder)
    headline = {
        "dated": {**run(dated, DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS), "note": GENEROUS},
        "undated": run(plain, DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS),
    }
    sensitivity = [run(dated, t, w) for t in THRESHOLDS for w in WINDOWS]
    sensitivity += [{**run(plain, t, DEFAULT_WINDOW_DAYS), "window_days": None} for t in THRESHOLDS]
    tuning_rows = [{**run(tuning, t, 0), "window_days": None} for t in THRESHOLDS]
    order_rows = [{**run(in_order, t, 0), "window_days": None} for t in ORDER_THRESHOLDS]
    best = max(tuning_rows, key=lambda row: row["ari"])
    best_in_order = max(order_rows, key=lambda row: row["ari"])
    return {
        "data": str(folder),
        "defaults": {"threshold": DEFAULT_THRESHOLD, "window_days": DEFAULT_WINDOW_DAYS},
        "headline": headline,
        "sensitivity": {"note": "reported, not used to choose the defaults", "rows": sensitivity},
        "tuning": {
            "note": (
                "triplets_train.jsonl stories sharing no title with stories.jsonl, text only "
                "(no dates), shuffled with opaque ids as the reported set is"
            ),
            "stories_dropped_for_shared_titles": dropped,
            "articles": len(tuning.articles),
            "stories": len(set(tuning.stories)),
            "rows": tuning_rows,
            "best_threshold": best["threshold"],
            "ids_in_file_order": {
                "note": ORDER_NOTE,
                "rows": order_rows,
                "best_threshold": best_in_order["threshold"],
            },
        },
        "total_seconds": time.perf_counter() - start,
    }


def _line(row: dict[str, Any], first: str) -> str:
    return (
        f"{first:<14}{row['articles']:>7}{row['stories']:>7}{row['events']:>7}"
        f"{row['ari']:>7.3f}{row['exact']:>7.1%}{row['together']:>9.1%}{row['purity']:>8.1%}"
        f"{row['seconds']:>7.2f}"
    )


HEADER = f"{'':<14}{'arts':>7}{'truth':>7}{'events':>7}{'ARI':>7}{'exact':>7}"
HEADER += f"{'together':>9}{'purity':>8}{'sec':>7}"


def _table(rows: Sequence[dict[str, Any]], label: str) -> None:
    print(HEADER.replace(" " * 14, f"{label:<14}", 1))
    for row in rows:
        window = row["window_days"]
        first = f"t={row['threshold']:.2f}" + ("" if window is None else f" w={window}")
        print(_line(row, first))


def report(result: dict[str, Any]) -> None:
    defaults = result["defaults"]
    print(
        f"AllSides stories, framing.events defaults: threshold {defaults['threshold']}, "
        f"window {defaults['window_days']} days"
    )
    print(
        "exact = stories recovered exactly as one event; together = stories whose articles "
        "are all in one event; purity = articles in their event's majority story"
    )
    print()
    print(HEADER)
    print(_line(result["headline"]["dated"], "(a) dated"))
    print(_line(result["headline"]["undated"], "(b) undated"))
    print(f"(a) is {result['headline']['dated']['note']}.")
    print()
    print("Sensitivity (reported, not used to choose the defaults); w = window in days")
    rows = result["sensitivity"]["rows"]
    _table([r for r in rows if r["window_days"] is not None], "dated")
    _table([r for r in rows if r["window_days"] is None], "undated")
    print()
    tuning = result["tuning"]
    print(
        f"Tuning set for the default threshold: triplets_train.jsonl, {tuning['stories']} "
        f"stories / {tuning['articles']} articles after dropping "
        f"{tuning['stories_dropped_for_shared_titles']} stories sharing a title with "
        "stories.jsonl; text only, no dates, shuffled with opaque ids"
    )
    _table(tuning["rows"], "tuning")
    order = tuning["ids_in_file_order"]
    print(f"The same with ids in file order ({order['note']})")
    _table(order["rows"], "file order")
    print(
        f"best ARI: threshold {tuning['best_threshold']:.2f} (opaque ids), "
        f"{order['best_threshold']:.2f} (ids in file order); "
        f"DEFAULT_THRESHOLD = {defaults['threshold']}"
    )
    print()
    print(f"whole run: {result['total_seconds']:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    result = measure()
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        report(result)


if __name__ == "__main__":
    main()
