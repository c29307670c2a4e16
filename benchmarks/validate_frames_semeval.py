"""framing's frame classifiers against expert frame codes (SemEval-2023 Task 3, subtask 2).

The 334 English development articles of SemEval-2023 Task 3 subtask 2 carry one or more of the
14 substantive Policy Frames dimensions, coded by trained annotators. In one run:

(a) the shipped dictionary, zero-shot: a frame is predicted when it holds at least THRESHOLD of
    the article's cue weight (0.10, fixed before looking at these data; the sweep is reported,
    not used to choose it);
(b) the trained multi-label workflow (`framing train --multi-label`: CodingSchemeClassifier),
    out of fold: 5-fold cross-validation, seed 0; in the same folds, a plain TF-IDF + logistic
    regression one-vs-rest, and two baselines: every frame for every article, and the frames
    present in more than half of the training articles.

Run: python benchmarks/validate_frames_semeval.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MultiLabelBinarizer

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir

from framing.analysers import analyse
from framing.analysers.frames import POLICY_FRAMES
from framing.classifiers.scheme import CodingSchemeClassifier
from framing.corpus import load_corpus

THRESHOLD = 0.10
SWEEP = (0.05, 0.10, 0.15, 0.20)
FOLDS = 5
SEED = 0


def gold_labels(folder: Path) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for line in (folder / "labels.tsv").read_text(encoding="utf-8").splitlines():
        article_id, _, frames = line.partition("\t")
        labels[article_id.strip()] = {_frame_id(f) for f in frames.split(",") if f.strip()}
    return labels


def _frame_id(label: str) -> str:
    key = label.strip().lower().replace(",", "").replace("_and_", "_")
    aliases = {
        "legality_constitutionality_jurisprudence": "legality_constitutionality_jurisprudence",
        "external_regulation_reputation": "external_regulation_reputation",
        "policy_prescription_evaluation": "policy_prescription_evaluation",
    }
    for frame in POLICY_FRAMES:
        if key == frame.replace("_and_", "_") or aliases.get(key) == frame:
            return frame
    raise ValueError(f"unknown frame label {label!r}")


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


def main() -> None:
    folder = data_dir("semeval2023-frames")
    gold = gold_labels(folder)
    corpus = load_corpus(folder / "articles")
    shares: dict[str, dict[str, float]] = {}
    primary: dict[str, str | None] = {}
    for article in corpus:
        article_id = Path(article.id).stem.removeprefix("article")
        if article_id not in gold:
            continue
        scores = analyse(article).frames
        shares[article_id] = dict(zip(scores.categories, scores.shares, strict=True))
        primary[article_id] = scores.primary
    frames = [f for f in POLICY_FRAMES if f != "other"]
    accounting = corpus.accounting
    print(
        f"articles scored: {len(shares)} of {len(gold)} coded; "
        f"exact duplicates merged: {accounting.duplicates}; skipped: {len(accounting.skipped)}"
    )
    for threshold in SWEEP:
        predicted = {a: {f for f, s in shares[a].items() if s >= threshold} for a in shares}
        per_frame = []
        totals = [0, 0, 0]
        for frame in frames:
            tp = sum(1 for a in shares if frame in predicted[a] and frame in gold[a])
            fp = sum(1 for a in shares if frame in predicted[a] and frame not in gold[a])
            fn = sum(1 for a in shares if frame not in predicted[a] and frame in gold[a])
            per_frame.append((frame, *f1(tp, fp, fn), tp + fn))
            totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        micro = f1(*totals)[2]
        macro = sum(row[3] for row in per_frame) / len(per_frame)
        marker = "  <- reported threshold" if threshold == THRESHOLD else ""
        print(f"threshold {threshold:.2f}: micro-F1 {micro:.3f}, macro-F1 {macro:.3f}{marker}")
        if threshold == THRESHOLD:
            detail = per_frame
    print("\nper frame at the reported threshold (precision, recall, F1, gold articles):")
    for frame, precision, recall, score, support in detail:
        print(f"  {frame:42s} P {precision:.2f}  R {recall:.2f}  F1 {score:.2f}  n {support}")
    hits = sum(1 for a, p in primary.items() if p in gold[a])
    framed = sum(1 for p in primary.values() if p is not None)
    print(f"\nprimary frame among the gold frames: {hits}/{framed} = {hits / framed:.3f}")
    print()
    trained(corpus, gold)


def trained(corpus, gold: dict[str, set[str]]) -> None:
    """(b): the trained workflow and the baselines, out of fold."""
    articles = [a for a in corpus if Path(a.id).stem.removeprefix("article") in gold]
    texts = [a.full_text for a in articles]
    labels = [sorted(gold[Path(a.id).stem.removeprefix("article")]) for a in articles]
    binarizer = MultiLabelBinarizer().fit(labels)
    y = binarizer.transform(labels)
    predictions = {name: np.zeros_like(y) for name in ("framing", "tfidf_lr", "every", "majority")}
    start = time.perf_counter()
    for train, test in KFold(FOLDS, shuffle=True, random_state=SEED).split(texts):
        train_texts = [texts[i] for i in train]
        test_texts = [texts[i] for i in test]
        model = CodingSchemeClassifier(multi_label=True, random_state=SEED)
        model.fit(train_texts, [labels[i] for i in train])
        order = [list(model.classes_).index(c) for c in binarizer.classes_]
        predictions["framing"][test] = model.predict(test_texts)[:, order]
        plain = make_pipeline(
            TfidfVectorizer(sublinear_tf=True, min_df=2),
            OneVsRestClassifier(LogisticRegression(max_iter=1000)),
        )
        plain.fit(train_texts, y[train])
        predictions["tfidf_lr"][test] = plain.predict(test_texts)
        predictions["every"][test] = 1
        predictions["majority"][test] = (y[train].mean(axis=0) > 0.5).astype(int)
    elapsed = time.perf_counter() - start
    print(f"{len(texts)} articles, {len(binarizer.classes_)} frames, {FOLDS}-fold CV (seed {SEED})")
    names = {
        "framing": "framing train --multi-label (CodingSchemeClassifier)",
        "tfidf_lr": "plain TF-IDF + logistic regression, one-vs-rest",
        "every": "baseline: every frame",
        "majority": "baseline: frames in > half the training articles",
    }
    for key, name in names.items():
        micro = f1_score(y, predictions[key], average="micro", zero_division=0)
        macro = f1_score(y, predictions[key], average="macro", zero_division=0)
        print(f"  {name:55s} micro-F1 {micro:.3f}  macro-F1 {macro:.3f}")
    print(f"time for all folds and models: {elapsed:.0f} s")


if __name__ == "__main__":
    main()
