"""Agreement of the Policy Frames dictionary with expert frame codes (SemEval-2023 Task 3).

The 334 English development articles of SemEval-2023 Task 3 subtask 2 carry one or more of the
14 substantive Policy Frames dimensions, coded by trained annotators. framing predicts a frame
as present when it holds at least THRESHOLD of the article's cue weight (0.10, fixed before
looking at these data; the sweep below is reported, not used to choose it).

Run: python benchmarks/validate_frames_semeval.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir

from framing.analysers import analyse
from framing.analysers.frames import POLICY_FRAMES
from framing.corpus import load_corpus

THRESHOLD = 0.10
SWEEP = (0.05, 0.10, 0.15, 0.20)


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
    # Baseline: predict the k most common gold frames for every article (k = mean label count).
    counts = {f: sum(1 for a in shares if f in gold[a]) for f in frames}
    k = round(sum(len(gold[a]) for a in shares) / len(shares))
    common = set(sorted(frames, key=lambda f: -counts[f])[:k])
    base = [0, 0, 0]
    for a in shares:
        base[0] += len(common & gold[a])
        base[1] += len(common - gold[a])
        base[2] += len(gold[a] - common)
    print(f"baseline (always the {k} most common frames): micro-F1 {f1(*base)[2]:.3f}")


if __name__ == "__main__":
    main()
