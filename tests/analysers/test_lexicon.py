"""Dictionary files and matching: phrases, wildcards, weights, errors."""

from __future__ import annotations

import pytest

from framing.analysers.lexicon import Cue, Lexicon, LexiconError, is_negator
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


SECURITY = Lexicon(
    [
        Cue("security", "militar*", 1.5),
        Cue("security", "threat", 0.5),
        Cue("security", "war", 1.0),
        Cue("crime", "criminal*", 1.5),
        Cue("crime", "punish*", 1.0),
    ]
)


def flags(*sentences):
    return [
        [(match.cue.term, match.negated, match.quoted) for match in matches]
        for matches in SECURITY.match_sentences(sentences)
    ]


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("The deployment is not a military threat.", [True, True]),
        ("This isn't a military threat.", [True, True]),
        ("We don’t want war, we want to be left alone.", [True]),
        ("Neither a war nor a military threat.", [True, True, True]),
        ("It is hardly a war.", [True]),
        # The negator is 4 or 5 tokens before the cue: too far.
        ("The navy did not say whether its military ships would stay.", [False]),
        ("Officials would not say whether the nation's military would respond.", [False]),
        # A clause break between the negator and the cue.
        ("That is not a provocation, military officials said.", [False]),
        ("It is not cheap but military.", [False]),
        ("The talks did not stall; military options remain.", [False]),
        ("Nobody doubts it - military force is coming.", [False]),
    ],
)
def test_a_negator_in_the_three_tokens_before_a_cue_negates_it(sentence, negated):
    assert [flag for _, flag, _ in flags(sentence)[0]] == negated


def test_a_negator_at_the_start_of_a_cue_is_not_a_negator_before_it():
    lexicon = Lexicon([Cue("crime", "no contest", 1.0), Cue("crime", "plea", 1.0)])
    ((plea, no_contest),) = lexicon.match_sentences(["A plea of no contest."])
    assert (plea.negated, no_contest.negated) == (False, False)


def test_cues_inside_quotation_marks_are_quoted_across_sentences():
    # Orinoco Sentinel (demo corpus): one quotation over two sentences.
    assert flags(
        '"Suspicion is not a death sentence," said a human rights lawyer.',
        '"If these were criminals, there are courts.',
        'What we are seeing is punishment without a trial."',
        "The military said the war would go on.",
    ) == [
        [],
        [("criminal*", False, True)],
        [("punish*", False, True)],
        [("militar*", False, False), ("war", False, False)],
    ]


def test_quoted_and_negated_together_and_spans_locate_the_words():
    sentence = "“We don't want war,” said a driver, as military patrols passed."
    war, military = SECURITY.match_sentences([sentence])[0]
    assert (war.negated, war.quoted) == (True, True)
    assert (military.negated, military.quoted) == (False, False)
    assert sentence[slice(*war.span)] == "war"
    assert sentence[slice(*military.span)] == "military"


def test_matching_bare_tokens_sets_no_flags():
    (match,) = SECURITY.match(words("not a war"))
    assert (match.negated, match.quoted, match.span) == (False, False, None)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("not", True),
        ("never", True),
        ("can't", True),
        ("won’t", True),
        ("cannot", True),
        ("nothing", True),
        ("note", False),
        ("nowhere", False),
        ("notably", False),
    ],
)
def test_negators_come_from_the_data_file(word, expected):
    assert is_negator(word) is expected
