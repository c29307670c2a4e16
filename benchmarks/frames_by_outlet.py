"""The dictionary frame classifier on the demo corpus and on AllSides stories.

Prints each outlet's (demo) or each side's (AllSides: left, centre, right outlet of each of
439 stories) three largest Policy Frames shares, the chi-square test of whether primary frames
differ by side (only where every outlet has 20 or more articles), and the dictionary's speed
per 1,000 articles.

Run: python benchmarks/frames_by_outlet.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from scipy.stats import chi2_contingency

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import allsides_sides_corpus

from framing.analysers.frames import default_frame_lexicon, score_frames
from framing.analysers.text import sentences
from framing.corpus import load_corpus
from framing.demo import demo_corpus_path
from framing.pipeline import compare_corpus


def show(title: str, path: Path) -> None:
    comparison = compare_corpus(path)
    print(f"\n{title}")
    for name, outlet in comparison.overall.outlets.items():
        top = sorted(outlet.frame_shares.items(), key=lambda kv: -kv[1].estimate)[:3]
        shares = ", ".join(f"{frame} {share.estimate:.0%}" for frame, share in top)
        print(f"  {name:24s} ({outlet.articles:4d} articles) {shares}")
    counts = {name: o.primary_frame_counts for name, o in comparison.overall.outlets.items()}
    frames = sorted({f for c in counts.values() for f in c})
    table = [[c.get(f, 0) for f in frames] for c in counts.values()]
    enough = all(o.articles >= 20 for o in comparison.overall.outlets.values())
    if enough and len(table) > 1 and len(frames) > 1:
        chi2, p, dof, _ = chi2_contingency(table)
        print(f"  primary frame by outlet: chi-square {chi2:.1f}, df {dof}, p = {p:.3g}")


def main() -> None:
    show("Demo corpus (six fictional outlets, one article each)", demo_corpus_path())
    path = allsides_sides_corpus(events=False)
    show("AllSides stories (the same story from a left, a centre and a right outlet)", path)
    articles = load_corpus(path).articles
    lexicon = default_frame_lexicon()
    start = time.perf_counter()
    for article in articles:
        score_frames(sentences(article.full_text), lexicon=lexicon)
    elapsed = time.perf_counter() - start
    per_thousand = elapsed / len(articles) * 1000
    words = sum(len(a.full_text.split()) for a in articles) / len(articles)
    print(
        f"\ndictionary scoring (sentence split + cue matching): {per_thousand:.2f} s per 1,000 "
        f"articles ({len(articles)} AllSides articles, {words:.0f} words each on average)"
    )


if __name__ == "__main__":
    main()
