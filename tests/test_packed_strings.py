"""Packed strings read back exactly as appended, whatever characters they hold."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from framing._packed_strings import BLOCK_STRINGS, PackedStrings


@settings(max_examples=30, deadline=None)
@given(texts=st.lists(st.text(), max_size=40), repeat=st.integers(1, 3 * BLOCK_STRINGS // 40))
def test_any_strings_read_back_as_appended(texts: list[str], repeat: int) -> None:
    texts = texts * repeat
    packed = PackedStrings()
    for text in texts:
        packed.append(text)
    assert len(packed) == len(texts)
    assert list(packed) == texts
    assert [packed[i] for i in reversed(range(len(texts)))] == texts[::-1]
    assert list(pickle.loads(pickle.dumps(packed))) == texts


def test_lone_surrogates_and_separators_survive_packing() -> None:
    texts = ["\ud800", "\udfff\ud800", "a\x00b", '"[]",', "é" * 3] * BLOCK_STRINGS
    packed = PackedStrings()
    for text in texts:
        packed.append(text)
    assert packed[0] == "\ud800" and packed[len(texts) - 1] == "ééé"
    assert list(packed) == texts


def test_ids_pack_to_a_few_bytes_each() -> None:
    packed = PackedStrings()
    for number in range(10 * BLOCK_STRINGS):
        packed.append(f"corpus/part-{number // 1000:03d}.jsonl:{number % 1000 + 1}")
    assert packed.nbytes() / len(packed) < 8
