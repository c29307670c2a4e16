"""Dictionary files and matching: phrases, wildcards, weights, errors."""

from __future__ import annotations

import pytest

from framing.analysers.lexicon import Lexicon, LexiconError
from framing.analysers.text import words


def lexicon_from(tmp_path, text):
    path = tmp_path / "lexicon.tsv"
    path.write_text(text, encoding="utf-8")
    return Lexicon.from_file(path)


def test_phrases_wildcards_and_weights(tmp_path):
    lexicon = lexicon_from(
        tmp_path,
        "# comment\nsecurity\tair defen*\t2\nsecurity\tmissile*\ncrime\tdrug trafficking\n"
        "crime\tdrug\t0.5\n",
    )
    tokens = words("Venezuela's air defenses need missiles, and drug trafficking continues.")
    found = [(m.cue.term, m.cue.weight, tokens[m.start : m.end]) for m in lexicon.match(tokens)]
    assert found == [
        ("air defen*", 2.0, ["air", "defenses"]),
        ("missile*", 1.0, ["missiles"]),
        ("drug trafficking", 1.0, ["drug", "trafficking"]),  # longest match wins over "drug"
    ]
    assert lexicon.categories == ("security", "crime")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("frame_only", "expected 'category<TAB>term'"),
        ("crime\tdr*", "'\\*' may only end a term, after at least 3 letters"),
        ("crime\tdrug\theavy", "weight 'heavy' is not a number"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path, line, message):
    with pytest.raises(LexiconError, match=rf"lexicon.tsv:2: .*{message}"):
        lexicon_from(tmp_path, f"crime\tcrime\n{line}\n")
