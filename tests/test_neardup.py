"""Near-duplicate detection: republished wire copy groups, different tellings do not."""

from __future__ import annotations

import copy
import hashlib
import itertools
import os
import pickle
import random
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


def test_merging_with_itself_changes_nothing(demo_path: Path) -> None:
    dups = NearDuplicates()
    for item in _items(demo_path):
        dups.add(*item)
    before = copy.deepcopy(dups)
    assert dups.merge(dups) == dups
    dups.absorb(dups)
    assert dups == before and len(dups) == len(ITEMS)


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
        "print(d._signature('the same wire copy republished by several outlets').tobytes().hex())\n"
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
    assert list(dups._signature(text)) == expected


def _reference_groups(
    items: list[tuple[str, str, str, str]], threshold: float, dups: NearDuplicates
) -> tuple[tuple[tuple[tuple[str, str, str], ...], float], ...]:
    """The groups found the plain way: a dict of key -> smallest (outlet, title, signature),
    every pair of signatures that agree on a whole band and reach ``threshold``, and the
    connected components of those pairs, each with its smallest pair similarity."""
    records: dict[str, tuple[str, str, bytes]] = {}
    for key, outlet, title, text in items:
        signature = dups._signature(text)
        entry = (outlet, title, b"" if signature is None else signature.tobytes())
        records[key] = min(records.get(key, entry), entry)
    rows = sorted((key, *entry) for key, entry in records.items() if entry[2])
    sigs = [np.frombuffer(row[3], dtype=np.uint32) for row in rows]
    width = dups.permutations // dups.bands
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(rows)), 2):
        same = sigs[i] == sigs[j]
        banded = same.reshape(dups.bands, width).all(axis=1).any()
        if banded and same.mean() >= threshold:
            parent[root(i)] = root(j)
    components: dict[int, list[int]] = {}
    for i in range(len(rows)):
        components.setdefault(root(i), []).append(i)
    found = []
    for members in components.values():
        if len(members) > 1:
            similarity = min(
                float((sigs[i] == sigs[j]).mean()) for i, j in itertools.combinations(members, 2)
            )
            found.append((tuple(rows[i][:3] for i in members), similarity))
    return tuple(sorted(found))


def _syndicated(seed: int, count: int) -> list[tuple[str, str, str, str]]:
    """Articles retelling a few stories with a few words changed, some under repeated keys
    with another record (outlet, title or text), some without any word."""
    rng = random.Random(seed)
    words = [f"w{n}" for n in range(300)]
    stories = [[rng.choice(words) for _ in range(60)] for _ in range(8)]
    items: list[tuple[str, str, str, str]] = []
    for number in range(count):
        story = list(rng.choice(stories))
        for _ in range(rng.randrange(10)):
            story[rng.randrange(len(story))] = rng.choice(words)
        text = " ".join(story) if rng.random() > 0.05 else "  ...  "
        draw = rng.random()
        if draw < 0.15 and items:
            key = rng.choice(items)[0]
        elif draw < 0.3:
            key = f"k{rng.randrange(20)}"
        else:
            key = hashlib.blake2b(str(number).encode(), digest_size=16).hexdigest()
        outlet = rng.choice(["Wire", "Daily", "Post"])
        items.append((key, outlet, rng.choice(["", "Talks resume", "Talks résumé \ud800"]), text))
    return items


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_groups_equal_the_plain_way_in_any_order_and_split(seed: int) -> None:
    items = _syndicated(seed, 150)
    rng = random.Random(seed)
    shuffled = rng.sample(items, len(items))
    cuts = sorted(rng.sample(range(len(items)), 4))
    parts = []
    for start, stop in itertools.pairwise([0, *cuts, len(items)]):
        part = NearDuplicates()
        for item in shuffled[start:stop]:
            part.add(*item)
        parts.append(pickle.loads(pickle.dumps(part)))
    merged = NearDuplicates()
    for part in parts:
        if rng.random() < 0.5:
            merged.absorb(part)
        else:
            merged = part.merge(merged)
    assert len(merged) == len({key for key, *_ in items})
    for threshold in (0.5, 0.8, 1.0):
        expected = _reference_groups(items, threshold, merged)
        assert expected, "the data should hold near-duplicates"
        found = merged.groups(threshold=threshold)
        assert tuple((group.articles, group.similarity) for group in found) == expected


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_a_repeated_key_keeps_its_smallest_record_in_any_order(order: tuple[int, ...]) -> None:
    story = "Officials said on Monday that the talks would resume next week in Geneva."
    records = [
        ("Wire", "Talks to resume", story),
        ("Daily", "Talks to resume", "   "),  # smallest: first outlet, and no word at all
        ("Daily", "Talks to resume", story),
    ]
    dups = NearDuplicates()
    dups.add("other", "Post", "Geneva talks", story)
    for index in order:
        dups.add("same", *records[index])
    assert len(dups) == 2
    assert dups.groups() == ()  # the kept record of "same" has no word to compare
    dups.add("same", "Daily", "Talks to resume", "   ")
    expected = NearDuplicates()
    expected.add("other", "Post", "Geneva talks", story)
    expected.add("same", "Daily", "Talks to resume", "   ")
    assert dups == expected


def test_pickling_keeps_the_articles_but_not_the_scratch_space(demo_path: Path) -> None:
    dups = NearDuplicates()
    items = _items(demo_path)
    for item in items[:5]:
        dups.add(*item)
    again = pickle.loads(pickle.dumps(dups))
    assert again == dups == copy.deepcopy(dups)
    assert len(pickle.dumps(dups)) < 20_000  # add's scratch arrays are about 1 MB
    for item in items[5:]:
        again.add(*item)
        dups.add(*item)
    assert again == dups
    assert again.groups() == dups.groups() != ()


def test_bytes_per_article_stay_small(demo_path: Path) -> None:
    rng = random.Random(0)
    words = sorted({word for article in _demo(demo_path) for word in article.text.split()})
    dups = NearDuplicates()
    count = 5000
    for number in range(count):
        title = " ".join(rng.choices(words, k=rng.randint(6, 12)))  # about 70 characters
        key = hashlib.blake2b(str(number).encode(), digest_size=16).hexdigest()
        dups.add(key, f"Outlet {number % 25}", title, " ".join(rng.choices(words, k=40)))
    # 256 bytes of signature, 16 of key, 5 of outlet and flag, the packed title and the
    # unused end of the last chunk; a dict of (outlet, title, bytes) held about 700.
    assert dups.nbytes() / count < 320
