"""How often `framing.analysers.language.detect_language` misses English news, and its speed.

No multilingual running text is available offline (../shared/data/nltk_data has only word
lists in other languages), so what is measured here is:

1. English false-positive rate: the share of English news articles *not* detected as "en"
   (None or another code) in ABP (full articles), AllSides (opening paragraphs, short) and
   SemEval-2023 (English part), plus NewsMTSC single sentences to show short-text behaviour.
2. Speed: microseconds per ABP article cut or repeated to 3,000 characters.
3. A sanity check of the shipped function-word lists: how many of each list's words are in
   NLTK's stopword list for that language (the NLTK lists are compared, not shipped).

Non-English accuracy is covered only by the news openings written for the tests
(tests/analysers/test_language.py), which are not an independent sample.

Run: python benchmarks/validate_language.py [--json]
"""

from __future__ import annotations

import json
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir

from framing.analysers.language import LATIN_LANGUAGES, _function_words, detect_language

ARTICLE_CHARS = 3000
NLTK_NAMES = {
    "en": "english",
    "es": "spanish",
    "pt": "portuguese",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "nl": "dutch",
    "sv": "swedish",
    "tr": "turkish",
    "ru": "russian",
}


def abp_texts() -> Iterator[str]:
    for path in sorted((data_dir("abp") / "jsons").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        yield f"{record['title']}\n\n{record['content_original']}"


def allsides_texts() -> Iterator[str]:
    with (data_dir("allsides") / "triplets_train.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield f"{record['title']}\n\n{record['text']}"


def semeval_texts() -> Iterator[str]:
    for path in sorted((data_dir("semeval2023-frames") / "articles").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def newsmtsc_sentences() -> Iterator[str]:
    with (data_dir("newsmtsc") / "dev_rw.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)["sentence_normalized"]


def english_rates(name: str, texts: list[str]) -> dict[str, object]:
    """Codes given to English texts; the miss rate is the share not detected as "en"."""
    found = [detect_language(text).code or "None" for text in texts]
    codes = Counter(found)
    long_none = sum(
        1
        for text, code in zip(texts, found, strict=True)
        if code == "None" and len(text.split()) >= 20
    )
    n = len(texts)
    missed = n - codes["en"]
    words = sorted(len(text.split()) for text in texts)
    return {
        "corpus": name,
        "n": n,
        "median_words": words[n // 2] if n else 0,
        "en": codes["en"],
        "none": codes["None"],
        "none_20_words_or_more": long_none,
        "other": {code: k for code, k in codes.items() if code not in ("en", "None")},
        "miss_rate": missed / n if n else 0.0,
        "other_rate": (missed - codes["None"]) / n if n else 0.0,
    }


def speed(texts: list[str], repeats: int = 5) -> dict[str, float]:
    """Microseconds per 3,000-character article: each article's fastest of ``repeats`` runs.

    The fastest run leaves out pauses from other processes on a shared machine; the mean over
    articles is reported with the median and 99th percentile.
    """
    articles = [(text * (ARTICLE_CHARS // max(len(text), 1) + 1))[:ARTICLE_CHARS] for text in texts]
    for text in articles[:50]:
        detect_language(text)  # load the word lists first
    best = [float("inf")] * len(articles)
    for _ in range(repeats):
        for i, text in enumerate(articles):
            start = time.perf_counter()
            detect_language(text)
            best[i] = min(best[i], time.perf_counter() - start)
    ordered = sorted(best)
    return {
        "articles": len(articles),
        "mean_us": 1e6 * sum(ordered) / len(ordered),
        "median_us": 1e6 * ordered[len(ordered) // 2],
        "p99_us": 1e6 * ordered[int(0.99 * len(ordered))],
    }


def overlap_with_nltk() -> dict[str, dict[str, int]]:
    """For each shipped list: its size and how many of its words NLTK's stopwords also list."""
    archive = data_dir("nltk_data") / "corpora" / "stopwords.zip"
    found: dict[str, dict[str, int]] = {}
    with zipfile.ZipFile(archive) as stopwords:
        for code in (*LATIN_LANGUAGES, "ru"):
            ours = _function_words(code)
            row = {"ours": len(ours)}
            if code in NLTK_NAMES:
                text = stopwords.read(f"stopwords/{NLTK_NAMES[code]}").decode("utf-8")
                theirs = {line.strip() for line in text.splitlines() if line.strip()}
                row["nltk"] = len(theirs)
                row["in_nltk"] = len(ours & theirs)
            found[code] = row
    return found


def main() -> None:
    as_json = "--json" in sys.argv[1:]
    abp = list(abp_texts())
    corpora = {
        "ABP (full articles)": abp,
        "AllSides triplets (openings)": list(allsides_texts()),
        "SemEval-2023 frames (English)": list(semeval_texts()),
        "NewsMTSC dev_rw (single sentences)": list(newsmtsc_sentences()),
    }
    rates = [english_rates(name, texts) for name, texts in corpora.items()]
    timing = speed(abp)
    overlap = overlap_with_nltk()
    if as_json:
        print(json.dumps({"english": rates, "speed": timing, "nltk_overlap": overlap}, indent=2))
        return
    print("English news not detected as English (lower is better; words = median words,")
    print(">=20w = None on texts of 20 words or more)")
    print(
        f"{'corpus':<36} {'n':>6} {'words':>6} {'en':>6} {'None':>5} {'>=20w':>6} "
        f"{'other':>10} {'miss':>7}"
    )
    for row in rates:
        other = ",".join(f"{code}:{k}" for code, k in sorted(row["other"].items())) or "-"  # type: ignore[attr-defined]
        print(
            f"{row['corpus']:<36} {row['n']:>6} {row['median_words']:>6} {row['en']:>6} "
            f"{row['none']:>5} {row['none_20_words_or_more']:>6} {other:>10} "
            f"{row['miss_rate']:>7.2%}"
        )
    print(
        f"\nspeed on {timing['articles']} ABP articles cut/repeated to {ARTICLE_CHARS} chars: "
        f"mean {timing['mean_us']:.0f} us, median {timing['median_us']:.0f} us, "
        f"p99 {timing['p99_us']:.0f} us per article"
    )
    print("\nshipped function-word lists vs NLTK stopwords (comparison only)")
    for code, row in overlap.items():
        extra = f", {row['in_nltk']} also in NLTK's {row['nltk']}" if "nltk" in row else ""
        print(f"  {code}: {row['ours']} words{extra}")


if __name__ == "__main__":
    main()
