"""Target-dependent sentiment against NewsMTSC's expert labels (dev splits), with baselines.

Scores, on dev_mt (sentences with 2+ mentions) and dev_rw (real-world distribution), one item
per distinct mention span:
- the shipped `TargetSentiment` model (framing/data/models/target_sentiment.skops);
- sentence-level VADER, the same label for every mention of a sentence (compound <= -0.05
  negative, >= 0.05 positive);
- a plain reference: word 1-2-gram TF-IDF and logistic regression on the sentence with the
  mention replaced by a marker token, trained here on train.jsonl.
The dev splits were not used to choose anything. Speed is items (sentences with one marked
mention) per second on all dev items, warm, in one process.

Run: python benchmarks/validate_target_sentiment.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline

from framing.analysers.tone import NEGATIVE_BELOW, POSITIVE_ABOVE
from framing.resources import vader
from framing.sentiment import Item, TargetSentiment
from framing.sentiment.training import read_split

MARKER = "mentionmarker"


def marked(items: Sequence[Item]) -> list[str]:
    """Each sentence with its mention replaced by one marker token."""
    return [f"{s[:start]} {MARKER} {s[end:]}" for s, (start, end) in items]


def vader_labels(items: Sequence[Item]) -> list[str]:
    """Sentence-level VADER label of each item's sentence (the mention is ignored)."""
    analyser = vader()
    labels = []
    for sentence, _ in items:
        compound = analyser.polarity_scores(sentence)["compound"]
        if compound <= NEGATIVE_BELOW:
            labels.append("negative")
        elif compound >= POSITIVE_ABOVE:
            labels.append("positive")
        else:
            labels.append("neutral")
    return labels


def main() -> None:
    folder = data_dir("newsmtsc")
    train_items, train_labels = read_split(folder / "train.jsonl")
    reference = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000),
    ).fit(marked(train_items), train_labels)
    model = TargetSentiment.load()
    methods: dict[str, Callable[[Sequence[Item]], Sequence[str]]] = {
        "framing TargetSentiment": lambda items: list(model.predict(items)),
        "sentence VADER": vader_labels,
        "TF-IDF + LR, marked mention": lambda items: list(reference.predict(marked(items))),
    }
    splits = {split: read_split(folder / f"{split}.jsonl") for split in ("dev_mt", "dev_rw")}
    every_item = [item for items, _ in splits.values() for item in items]
    print(f"{'method':<30} {'split':<7} {'items':>5} {'macro-F1':>8} {'accuracy':>8}")
    for name, method in methods.items():
        for split, (items, gold) in splits.items():
            predicted = method(items)
            print(
                f"{name:<30} {split:<7} {len(items):>5} "
                f"{f1_score(gold, predicted, average='macro'):>8.3f} "
                f"{accuracy_score(gold, predicted):>8.3f}"
            )
    print()
    for name, method in methods.items():
        method(every_item[:50])  # warm up
        started = time.perf_counter()
        method(every_item)
        elapsed = time.perf_counter() - started
        print(f"{name:<30} {len(every_item) / elapsed:>9,.0f} items/s ({len(every_item)} items)")


if __name__ == "__main__":
    main()
