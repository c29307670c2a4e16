"""Near-duplicate detection: republished wire copy groups, different tellings do not."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.article import Article
from framing.corpus import load_corpus
from framing.demo import demo_corpus_path
from framing.neardup import DuplicateGroup, NearDuplicates


def _demo(demo_path: Path) -> list[Article]:
    return sorted(load_corpus(demo_path), key=lambda article: article.outlet)


def _wire(demo_path: Path) -> Article:
    return next(a for a in _demo(demo_path) if a.outlet == "Northgate Wire")


def _republished(wire: Article) -> Article:
    """The wire story as another outlet runs it: new headline, last paragraph cut, words changed."""
    paragraphs = wire.text.split("\n\n")[:-1]
    text = "\n\n".join(paragraphs)
    for old, new in (("reported", "said"), ("Russian", "Kremlin"), ("missiles", "rockets")):
        assert old in text
        text = text.replace(old, new, 1)
    return Article(
        id="copy", outlet="Harbour Gazette", title="Maduro asks Putin for jets", text=text
    )


def _add(dups: NearDuplicates, article: Article) -> None:
    dups.add(article.content_key, article.outlet, article.title, article.text)


def _jaccard(a: str, b: str) -> float:
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = text.lower().replace(",", " ").replace(".", " ").split()
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    return len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))


def test_republished_wire_story_is_grouped(demo_path: Path) -> None:
    wire = _wire(demo_path)
    copy = _republished(wire)
    dups = NearDuplicates()
    _add(dups, wire)
    _add(dups, copy)
    (group,) = dups.groups()
    assert group.outlets == ("Harbour Gazette", "Northgate Wire")
    assert sorted(key for key, _, _ in group.articles) == sorted(
        [wire.content_key, copy.content_key]
    )
    # The estimate is close to the true Jaccard of the 5-word shingles (about 0.85 here).
    assert abs(group.similarity - _jaccard(wire.text, copy.text)) < 0.15
    assert group.similarity < 1.0


def test_different_tellings_of_one_event_are_not_grouped(demo_path: Path) -> None:
    dups = NearDuplicates()
    for article in _demo(demo_path):
        _add(dups, article)
    assert len(dups) == 6
    assert dups.groups() == ()
    assert dups.groups(threshold=0.3) == ()


def test_exact_duplicate_has_similarity_one(demo_path: Path) -> None:
    wire = _wire(demo_path)
    dups = NearDuplicates()
    _add(dups, wire)
    dups.add("other-key", "Harbour Gazette", "Same copy", wire.text)
    assert dups.groups() == (
        DuplicateGroup(
            articles=tuple(
                sorted(
                    [
                        (wire.content_key, wire.outlet, wire.title),
                        ("other-key", "Harbour Gazette", "Same copy"),
                    ]
                )
            ),
            similarity=1.0,
        ),
    )


def test_same_key_counts_once(demo_path: Path) -> None:
    wire = _wire(demo_path)
    dups = NearDuplicates()
    _add(dups, wire)
    _add(dups, wire)
    assert len(dups) == 1
    assert dups.groups() == ()


def test_short_and_empty_texts() -> None:
    dups = NearDuplicates()
    dups.add("a", "Wire", "", "Maduro seeks Russian help")
    dups.add("b", "Daily", "", "MADURO seeks Russian help!")
    dups.add("c", "Post", "", "")
    dups.add("d", "Times", "", "  ...  ")
    (group,) = dups.groups()
    assert [key for key, _, _ in group.articles] == ["a", "b"]


def test_group_similarity_is_the_smallest_pair(demo_path: Path) -> None:
    wire = _wire(demo_path)
    paragraphs = wire.text.split("\n\n")
    dups = NearDuplicates(permutations=256, bands=64)
    dups.add("full", "A", "", wire.text)
    dups.add("shorter", "B", "", "\n\n".join(paragraphs[:-2]))
    dups.add("shortest", "C", "", "\n\n".join(paragraphs[:-4]))
    (group,) = dups.groups(threshold=0.8)
    ends = _jaccard(wire.text, "\n\n".join(paragraphs[:-4]))
    assert abs(group.similarity - ends) < 0.06


ITEMS = [(f"k{i}", f"outlet{i % 3}", f"title {i}") for i in range(8)]


def _items(demo_path: Path) -> list[tuple[str, str, str, str]]:
    wire = _wire(demo_path)
    copy = _republished(wire)
    texts = [a.text for a in _demo(demo_path)] + [copy.text, wire.text]
    return [(*item, text) for item, text in zip(ITEMS, texts, strict=True)]


@settings(max_examples=40, deadline=None)
@given(
    order=st.permutations(range(len(ITEMS))),
    cuts=st.lists(st.integers(0, len(ITEMS)), max_size=4),
    merge_order=st.randoms(use_true_random=False),
)
def test_merge_in_any_split_and_order_equals_one_pass(order, cuts, merge_order) -> None:
    items = _items(demo_corpus_path())
    one_pass = NearDuplicates()
    for item in items:
        one_pass.add(*item)
    shuffled = [items[i] for i in order]
    bounds = [0, *sorted(cuts), len(items)]
    parts = []
    for start, stop in itertools.pairwise(bounds):
        part = NearDuplicates()
        for item in shuffled[start:stop]:
            part.add(*item)
        parts.append(part)
    merge_order.shuffle(parts)
    merged = NearDuplicates()
    for part in parts:
        merged = merged.merge(part) if merge_order.random() < 0.5 else part.merge(merged)
    assert merged == one_pass
    assert merged.groups() == one_pass.groups()
    assert len(one_pass.groups()) == 1


def test_empty_is_the_merge_identity(demo_path: Path) -> None:
    dups = NearDuplicates()
    for item in _items(demo_path):
        dups.add(*item)
    assert NearDuplicates().merge(dups) == dups == dups.merge(NearDuplicates())


def test_merge_refuses_other_parameters() -> None:
    with pytest.raises(ValueError, match=r"different \(permutations, bands, seed\)"):
        NearDuplicates(seed=1).merge(NearDuplicates(seed=2))


def test_seed_determinism(demo_path: Path) -> None:
    items = _items(demo_path)

    def build(seed: int, reverse: bool = False) -> NearDuplicates:
        dups = NearDuplicates(seed=seed)
        for item in reversed(items) if reverse else items:
            dups.add(*item)
        return dups

    assert build(7) == build(7, reverse=True)
    assert build(7) != build(8)
    assert build(7).groups() == build(8).groups()


def test_signatures_do_not_depend_on_python_hash_seed(demo_path: Path) -> None:
    """Signatures must not use Python's salted ``hash``, or runs could not be merged."""
    script = (
        "from framing.neardup import NearDuplicates\n"
        "d = NearDuplicates()\n"
        "print(d._signature('the same wire copy republished by several outlets').hex())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"permutations": 0}, "permutations must be a positive integer, got 0"),
        ({"bands": 5}, r"bands must be a positive integer dividing permutations \(64\), got 5"),
    ],
)
def test_parameters_are_checked(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        NearDuplicates(**kwargs)


def test_threshold_is_checked() -> None:
    with pytest.raises(ValueError, match=r"threshold must be in \(0, 1\], got 1.5"):
        NearDuplicates().groups(threshold=1.5)


def test_signature_matches_exact_integer_minhash() -> None:
    """The uint64 arithmetic gives min over shingles of (a * x + b) mod (2**61 - 1) exactly."""
    text = "Maduro sent a letter to Russian President Vladimir Putin seeking the refurbishment"
    dups = NearDuplicates(permutations=32, bands=8, seed=3)
    tokens = text.lower().split()
    hashed = [zlib.crc32(token.encode()) for token in tokens]
    shingles = []
    for start in range(len(tokens) - 4):
        folded = hashed[start]
        for value in hashed[start + 1 : start + 5]:
            folded = (folded * 0x9E3779B97F4A7C15 + value) % 2**64
        shingles.append(folded >> 32)
    prime = 2**61 - 1
    slopes = (dups._a_high.ravel() << np.uint64(32)) | dups._a_low.ravel()
    expected = [
        min((int(a) * x + int(b)) % prime for x in shingles) % 2**32
        for a, b in zip(slopes, dups._b.ravel(), strict=True)
    ]
    assert list(np.frombuffer(dups._signature(text), dtype=np.uint32)) == expected
