"""Sentence-level VADER tone against NewsMTSC's expert sentiment labels (dev splits).

NewsMTSC (Hamborg and Donnay 2021) labels the sentiment a news sentence expresses toward one
mention in it. framing's tone is sentence-level, so this measures how far sentence tone goes as
a proxy for sentiment toward the people it mentions (the actors issue builds the real thing).
VADER's compound is mapped with its own cut-offs: <= -0.05 negative, >= 0.05 positive.

Run: python benchmarks/validate_tone_newsmtsc.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir
from sklearn.metrics import classification_report, f1_score

from framing.analysers.tone import NEGATIVE_BELOW, POSITIVE_ABOVE
from framing.resources import vader

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def items(path: Path) -> list[tuple[str, str]]:
    """(sentence, label) for each distinct target span."""
    found: dict[tuple[str, int, int], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for target in record["targets"]:
            key = (record["sentence_normalized"], target["from"], target["to"])
            found.setdefault(key, POLARITY[target["polarity"]])
    return [(sentence, label) for (sentence, _, _), label in found.items()]


def label(compound: float) -> str:
    if compound <= NEGATIVE_BELOW:
        return "negative"
    if compound >= POSITIVE_ABOVE:
        return "positive"
    return "neutral"


def main() -> None:
    folder = data_dir("newsmtsc")
    analyser = vader()
    for split in ("dev_mt", "dev_rw"):
        data = items(folder / f"{split}.jsonl")
        gold = [g for _, g in data]
        predicted = [label(analyser.polarity_scores(s)["compound"]) for s, _ in data]
        macro = f1_score(gold, predicted, average="macro")
        print(f"{split}: {len(data)} targets, macro-F1 {macro:.3f}")
        print(classification_report(gold, predicted, digits=3))


if __name__ == "__main__":
    main()
