"""Train the shipped target-sentiment model on NewsMTSC and write it with its metadata.

Fits only on ``train.jsonl``; the regularisation strength is chosen by cross-validation on it,
grouped by sentence so that the mentions of one sentence never straddle folds. The development
splits (``dev_mt.jsonl``, ``dev_rw.jsonl``), when present, are scored for the report only.

Run: python -m framing.sentiment.training --data ../shared/data/newsmtsc \
         --output framing/data/models/target_sentiment.skops
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold

from framing.sentiment.classifier import TargetSentimentClassifier
from framing.sentiment.features import Item
from framing.sentiment.model_file import save

__all__ = ["POLARITY", "main", "read_split"]

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
C_GRID = (1.0, 3.0, 10.0)
SOURCE = (
    "NewsMTSC (Hamborg and Donnay, EACL 2021), fhamborg/NewsMTSC @ b9d9b79, MIT; "
    "train.jsonl, one item per distinct (sentence, from, to)"
)


def read_split(path: Path) -> tuple[list[Item], list[str]]:
    """Items and labels of a NewsMTSC split: one per distinct (sentence, from, to).

    Parameters
    ----------
    path : Path
        A NewsMTSC JSONL file.

    Returns
    -------
    tuple of (list of items, list of str)
        ``(sentence_normalized, (from, to))`` and the label of the span's first annotation.
    """
    found: dict[tuple[str, int, int], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for target in record["targets"]:
            key = (record["sentence_normalized"], target["from"], target["to"])
            found.setdefault(key, POLARITY[target["polarity"]])
    return [(sentence, (start, end)) for sentence, start, end in found], list(found.values())


def _scores(labels: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    return {
        "macro_f1": round(float(f1_score(labels, predicted, average="macro")), 4),
        "accuracy": round(float(accuracy_score(labels, predicted)), 4),
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Train, cross-validate, score the dev splits and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True, help="the NewsMTSC folder")
    parser.add_argument("--output", type=Path, required=True, help="the model file to write")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fold assignment")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds")
    parser.add_argument("--jobs", type=int, default=2, help="processes for cross-validation")
    parser.add_argument("--min-df", type=int, default=2, help="minimum items per n-gram")
    arguments = parser.parse_args(argv)

    train_path = arguments.data / "train.jsonl"
    items, labels = read_split(train_path)
    sentences = [sentence for sentence, _ in items]
    print(f"train: {len(items)} items in {len(set(sentences))} sentences {Counter(labels)}")
    folds = StratifiedGroupKFold(arguments.folds, shuffle=True, random_state=arguments.seed)
    search = GridSearchCV(
        TargetSentimentClassifier(min_df=arguments.min_df),
        {"C": list(C_GRID)},
        scoring={"macro_f1": "f1_macro", "accuracy": "accuracy"},
        refit="macro_f1",
        cv=folds,
        n_jobs=arguments.jobs,
    )
    search.fit(items, labels, groups=sentences)
    results = search.cv_results_
    grid: list[dict[str, Any]] = []
    for position, params in enumerate(results["params"]):
        row = {
            "C": params["C"],
            "macro_f1": round(float(results["mean_test_macro_f1"][position]), 4),
            "macro_f1_sd": round(float(results["std_test_macro_f1"][position]), 4),
            "accuracy": round(float(results["mean_test_accuracy"][position]), 4),
        }
        grid.append(row)
        print(
            f"cv C={row['C']:g}: macro-F1 {row['macro_f1']:.3f} ± {row['macro_f1_sd']:.3f}, "
            f"accuracy {row['accuracy']:.3f}"
        )
    classifier: TargetSentimentClassifier = search.best_estimator_
    best = grid[int(search.best_index_)]
    print(f"chosen: C={best['C']:g}")

    dev: dict[str, Any] = {}
    for split in ("dev_mt", "dev_rw"):
        path = arguments.data / f"{split}.jsonl"
        if path.is_file():
            dev_items, dev_labels = read_split(path)
            dev[split] = {
                "items": len(dev_items),
                **_scores(dev_labels, list(classifier.predict(dev_items))),
            }
            print(
                f"{split} (reported, not tuned on): {dev[split]['items']} items, "
                f"macro-F1 {dev[split]['macro_f1']:.3f}, accuracy {dev[split]['accuracy']:.3f}"
            )

    metadata = {
        "task": "target-dependent sentiment toward a marked mention",
        "labels": [str(label) for label in classifier.classes_],
        "training_data": {
            "source": SOURCE,
            "sha256": hashlib.sha256(train_path.read_bytes()).hexdigest(),
            "items": len(items),
            "sentences": len(set(sentences)),
            "label_counts": dict(sorted(Counter(labels).items())),
        },
        "params": {
            key: value
            for key, value in classifier.get_params().items()
            if isinstance(value, (int, float, str)) or value is None
        },
        "cross_validation": {
            "folds": arguments.folds,
            "grouped_by": "sentence",
            "seed": arguments.seed,
            "grid": grid,
            "chosen": best,
        },
        "dev": dev,
        "seed": arguments.seed,
        "note": "dev splits are scored for reporting only, never for tuning",
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    save(classifier, metadata, arguments.output)
    print(f"wrote {arguments.output} ({arguments.output.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
