"""The loader's record of kept articles answers exactly as a dict of keys and a set of ids."""

from __future__ import annotations

import hashlib
import random
import zlib

import pytest

from framing.corpus import _seen
from framing.corpus._seen import SeenArticles


def _key(number: int, *, prefix: bytes = b"") -> str:
    """A content key (hex of 16 bytes); with ``prefix``, keys share their leading bytes."""
    digest = hashlib.blake2b(str(number).encode(), digest_size=16).digest()
    return (prefix + digest[len(prefix) :]).hex()


def _stream(seed: int, size: int, *, prefix: bytes = b"") -> list[tuple[str, str]]:
    """(content key, id) pairs in which keys and ids often repeat, independently."""
    rng = random.Random(seed)
    ids = [f"id-{n}" for n in range(size // 3)] + ["", "7", "7@c.jsonl:2", "\ud800"]
    return [(_key(rng.randrange(size), prefix=prefix), rng.choice(ids)) for _ in range(size)]


def _check_against_dict_and_set(stream: list[tuple[str, str]]) -> None:
    """Run the loader's steps on both and compare every answer."""
    seen = SeenArticles()
    kept_ids: dict[str, str] = {}
    ids: set[str] = set()
    for number, (key, article_id) in enumerate(stream):
        assert seen.kept(key) == kept_ids.get(key)
        if key in kept_ids:
            continue
        assert seen.has_id(article_id) == (article_id in ids)
        if article_id in ids:
            article_id = f"{article_id}@c.jsonl:{number}"
            assert seen.has_id(article_id) == (article_id in ids)
        seen.add(key, article_id)
        kept_ids[key] = article_id
        ids.add(article_id)
    assert len(seen) == len(kept_ids)
    assert len(kept_ids) > 2 * 1024  # the ids span packed blocks, the tables were rebuilt
    for key, article_id in kept_ids.items():
        assert seen.kept(key) == article_id
        assert seen.has_id(article_id)
    assert not seen.has_id("never-used")
    assert seen.kept(_key(-1)) is None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_answers_equal_a_dict_and_a_set(seed: int) -> None:
    _check_against_dict_and_set(_stream(seed, 6000))


def test_keys_sharing_their_first_bytes_are_told_apart() -> None:
    """The table is addressed by a key's first 8 bytes; the rest must still be compared."""
    _check_against_dict_and_set(_stream(3, 6000, prefix=b"\x00" * 8))


def test_ids_whose_hashes_collide_are_told_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """An id hash only proposes a match: the id itself must confirm it."""

    def few_hashes(article_id: str) -> int:  # 4096 values: hundreds of ids share one
        return zlib.crc32(article_id.encode("utf-8", "surrogatepass")) % 4096

    monkeypatch.setattr(_seen, "_id_hash", few_hashes)
    _check_against_dict_and_set(_stream(4, 6000))


def test_bytes_per_article_stay_small() -> None:
    seen = SeenArticles()
    count = 20_000
    for number in range(count):
        seen.add(_key(number), f"corpus/part-{number // 5000:03d}.jsonl:{number % 5000 + 1}")
    # 16 (key) + 8 (id hash) + 2 x 4 bytes per slot of tables at most half full + packed id;
    # a dict and a set of the same hex keys and ids hold about 230 bytes per article.
    assert seen.nbytes() / count < 64
