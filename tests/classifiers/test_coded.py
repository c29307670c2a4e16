"""Reading hand codes: coded and uncoded units, and clear errors for data that cannot train."""

from __future__ import annotations

import pytest

from framing.article import Article
from framing.classifiers.coded import CodedDataError, coded_units


def test_coded_and_uncoded_units(coded):
    assert len(coded.articles) == 40 and len(coded.uncoded) == 6
    assert coded.class_counts() == {
        "security": 10,
        "economy": 10,
        "humanitarian": 10,
        "justice": 10,
    }


def units(codes):
    return [
        Article(f"a{i}", "Wire", "", f"Sentence number {i}.", meta={"frame": c})
        for i, c in enumerate(codes)
    ]


def test_missing_label_column_names_the_fields_present(coded_corpus):
    message = r"no label column 'frames'.*other fields found: frame"
    with pytest.raises(CodedDataError, match=message):
        coded_units(coded_corpus.articles, "frames")


def test_empty_label_column():
    with pytest.raises(CodedDataError, match="label column 'frame' is empty in every unit"):
        coded_units(units(["", " "]), "frame")


def test_class_with_fewer_units_than_folds_is_named():
    with pytest.raises(
        CodedDataError,
        match="class 'morality' in column 'frame' has 2 coded units, fewer than the 5",
    ):
        coded_units(units(["economy"] * 6 + ["morality"] * 2), "frame", folds=5)


def test_multi_label_codes_are_split():
    data = coded_units(
        units(["economy, security"] * 5 + ["security"] * 5), "frame", multi_label=True
    )
    assert data.targets[0] == ["economy", "security"]
    assert data.class_counts() == {"economy": 5, "security": 10}
