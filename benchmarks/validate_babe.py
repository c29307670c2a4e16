"""The trained-scheme workflow on real coded news: BABE's sentence-level bias labels.

BABE (Spinde et al. 2021) has expert labels of media bias for news sentences; SG2's
development part is used here (`label_bias`: Biased / Non-biased). Two measurements:

1. Cross-validated macro-F1 of `framing train` on all of it (stratified 5-fold, seed 0),
   the same procedure the command prints.
2. The learning curve: macro-F1 on a held-out 20% against the number of coded sentences,
   when the sentences to code are picked at random or by `framing suggest` (uncertainty
   sampling: the least certain of the uncoded pool), starting from the same 100 random codes;
   the mean over three random starts (seeds 0, 1, 2).

Run: python benchmarks/validate_babe.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir

from framing.classifiers.active import certainty
from framing.classifiers.coded import coded_units
from framing.classifiers.scheme import CodingSchemeClassifier
from framing.classifiers.validation import cross_validate
from framing.corpus import load_corpus

SEED = 0
CURVE_SEEDS = (0, 1, 2)
START, STEP, STOP = 100, 200, 1500


def main() -> None:
    corpus = load_corpus(data_dir("babe") / "babe_sg2_dev.csv")
    data = coded_units(corpus.articles, "label_bias")
    texts, targets = data.texts, data.targets
    print(f"BABE SG2 dev: {len(texts)} coded sentences, classes {dict(data.class_counts())}")
    print(f"(loader: {corpus.accounting.duplicates} exact duplicates merged)")
    start = time.perf_counter()
    report = cross_validate(CodingSchemeClassifier(), texts, targets, folds=5, seed=SEED)
    print(
        f"5-fold CV: macro-F1 {report.macro_f1:.3f}, Krippendorff's alpha {report.alpha:.3f} "
        f"({time.perf_counter() - start:.0f} s)"
    )
    pool, test = train_test_split(
        range(len(texts)), test_size=0.2, stratify=targets, random_state=SEED
    )
    test_texts = [texts[i] for i in test]
    test_targets = [targets[i] for i in test]
    print(f"\nlearning curve: macro-F1 on {len(test)} held-out sentences, mean of 3 starts")
    print(f"{'coded':>6} {'random':>8} {'suggest':>8}")
    curves = {
        name: np.mean(
            [
                _curve(name, list(pool), texts, targets, test_texts, test_targets, seed)
                for seed in CURVE_SEEDS
            ],
            axis=0,
        )
        for name in ("random", "suggest")
    }
    for index, size in enumerate(range(START, STOP + 1, STEP)):
        print(f"{size:>6} {curves['random'][index]:>8.3f} {curves['suggest'][index]:>8.3f}")


def _curve(strategy, pool, texts, targets, test_texts, test_targets, seed) -> list[float]:
    rng = random.Random(seed)
    rng.shuffle(pool)
    coded, uncoded = pool[:START], pool[START:]
    scores = []
    while True:
        model = CodingSchemeClassifier().fit([texts[i] for i in coded], [targets[i] for i in coded])
        scores.append(f1_score(test_targets, model.predict(test_texts), average="macro"))
        if len(coded) + STEP > STOP:
            return scores
        if strategy == "suggest":
            sure = certainty(model, model.predict_proba([texts[i] for i in uncoded]))
            order = np.argsort(sure, kind="stable")
            chosen = {uncoded[i] for i in order[:STEP]}
            coded += [i for i in uncoded if i in chosen]
            uncoded = [i for i in uncoded if i not in chosen]
        else:
            coded, uncoded = coded + uncoded[:STEP], uncoded[STEP:]


if __name__ == "__main__":
    main()
