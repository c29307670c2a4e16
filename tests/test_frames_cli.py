"""framing frames: each article's frames, --explain, --exclude-quotes, --json and errors."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from rich.console import Console

from framing.analysers import analyse
from framing.article import Article
from framing.cli import main
from framing.corpus import load_corpus
from framing.render.frames import ExplanationView, FrameListView
from tests.conftest import MILITARY_PASSAGE, write

LIBERTY_LEDGER = "liberty-ledger/indicted-and-cornered-maduro-reaches-for-putin.txt"


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def rendered(view):
    console = Console(file=io.StringIO(), width=100)
    console.print(view)
    return console.file.getvalue()


def section(output, heading, next_heading):
    return output[output.index(heading) : output.index(next_heading)]


@pytest.fixture(scope="module")
def demo_analyses(demo_path):
    return [analyse(article) for article in load_corpus(demo_path)]


def test_lists_every_demo_article_with_its_top_frames(demo_analyses):
    result = invoke("frames")
    assert result.exit_code == 0
    assert "Frames per article" in result.stdout
    assert "6 articles loaded" in result.stderr
    table = rendered(FrameListView(demo_analyses))
    liberty = table[table.index("liberty-ledger/") :]
    first_line = liberty.splitlines()[0].split()
    assert first_line[-6:] == ["*", "40%", "Crime", "and", "punishment", "38"]
    assert "30% Security and defense" in liberty.splitlines()[1]
    assert "Liberty Ledger: Indicted and Cornered, Maduro" in liberty
    assert len(re.findall(r"\* +\d+% ", table)) == len(demo_analyses)


def test_explain_shows_the_sentences_behind_each_frame():
    result = invoke("frames", "--explain", LIBERTY_LEDGER)
    assert result.exit_code == 0, result.stderr
    output = result.stdout
    assert "Primary frame  Crime and punishment" in output
    crime = section(output, "Crime and punishment: weight 18, share 40%", "Security and defense:")
    assert [line.split()[0] for line in crime.splitlines() if line.lstrip().startswith("#")] == [
        "#0",
        "#1",
        "#5",
        "#6",
        "#9",
        "#10",
        "#13",
        "#15",
        "#29",
    ]
    assert '#10 "Shopping for fighter jets does not make the indictment go away.' in crime
    assert "indict* 1.5 (indictment) [negated] [quoted]" in crime
    assert "criminal* 1.5 (criminal) [quoted]" in crime
    assert "cues inside quotation marks counted" in output


def test_exclude_quotes_leaves_out_quoted_cues():
    counted = json.loads(invoke("frames", "--json", "--explain", LIBERTY_LEDGER).stdout)
    excluded = json.loads(
        invoke("frames", "--json", "--exclude-quotes", "--explain", LIBERTY_LEDGER).stdout
    )
    assert excluded["settings"]["exclude_quotes"] is True

    def cues(document):
        return [
            (sentence["index"], cue["term"], cue["start"], cue["quoted"])
            for frame in document["article"]["frames"]
            for sentence in frame["sentences"]
            for cue in sentence["cues"]
        ]

    assert sorted(cues(excluded)) == sorted(c for c in cues(counted) if not c[3])
    quoted_weight = sum(
        cue["weight"]
        for frame in counted["article"]["frames"]
        for sentence in frame["sentences"]
        for cue in sentence["cues"]
        if cue["quoted"]
    )
    assert counted["article"]["total_weight"] - excluded["article"]["total_weight"] == (
        pytest.approx(quoted_weight)
    )
    text = invoke("frames", "--exclude-quotes", "--explain", LIBERTY_LEDGER).stdout
    assert "[quoted]" not in text
    assert "cues inside quotation marks left out (--exclude-quotes)" in text


def test_explain_json_holds_the_library_scores(demo_analyses):
    document = json.loads(invoke("frames", "--json", "--explain", LIBERTY_LEDGER).stdout)
    (analysis,) = [a for a in demo_analyses if a.article.id == LIBERTY_LEDGER]
    article = document["article"]
    assert (article["id"], article["outlet"], article["title"]) == (
        LIBERTY_LEDGER,
        "Liberty Ledger",
        analysis.article.title,
    )
    assert article["primary_frame"] == analysis.frames.primary
    assert article["cues"] == analysis.frames.n_cues
    explained = [
        (
            frame.category,
            frame.weight,
            frame.share,
            [
                (
                    sentence.index,
                    sentence.text,
                    [
                        (m.cue.term, m.cue.weight, *m.span, m.negated, m.quoted)
                        for m in sentence.matches
                    ],
                )
                for sentence in frame.sentences
            ],
        )
        for frame in analysis.frames.explain()
    ]
    assert [
        (
            frame["id"],
            frame["weight"],
            frame["share"],
            [
                (
                    sentence["index"],
                    sentence["text"],
                    [
                        (c["term"], c["weight"], c["start"], c["end"], c["negated"], c["quoted"])
                        for c in sentence["cues"]
                    ],
                )
                for sentence in frame["sentences"]
            ],
        )
        for frame in article["frames"]
    ] == explained
    cue = article["frames"][0]["sentences"][0]["cues"][0]
    assert (cue["term"], cue["words"]) == ("indict*", "Indicted")
    assert document["settings"]["frame_lexicon"] == "policy_frames.tsv"
    assert document["accounting"]["loaded"] == 6


def test_list_json_has_every_article_and_its_frames(demo_analyses):
    document = json.loads(invoke("frames", "--json").stdout)
    assert [a["id"] for a in document["articles"]] == [a.article.id for a in demo_analyses]
    for entry, analysis in zip(document["articles"], demo_analyses, strict=True):
        assert entry["primary_frame"] == entry["frames"][0]["id"] == analysis.frames.primary
        assert entry["cues"] == analysis.frames.n_cues
        assert [f["weight"] for f in entry["frames"]] == [
            e.weight for e in analysis.frames.explain()
        ]
        assert "sentences" not in entry["frames"][0]
    assert document["frames"][0] == {"id": "economic", "label": "Economic"}


def test_unknown_article_id_is_one_error_line_naming_a_similar_id():
    result = invoke("frames", "--explain", "liberty-ledger/indicted.txt")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: no article with id 'liberty-ledger/indicted.txt'; ids look like "
        f"'{LIBERTY_LEDGER}' (run framing frames PATH to list them)"
    )


def test_markup_in_article_text_is_printed_literally(tmp_path):
    record = {
        "id": "a1",
        "outlet": "[red]Wire[/red]",
        "title": "[bold]x[/bold]",
        "text": "Not a [b]military[/b] threat. " + MILITARY_PASSAGE,
    }
    write(tmp_path / "c.jsonl", json.dumps(record))
    listed = invoke("frames", str(tmp_path))
    assert listed.exit_code == 0
    assert "[red]Wire[/red]: [bold]x[/bold]" in listed.stdout
    explained = invoke("frames", str(tmp_path), "--explain", "a1").stdout
    assert "Title          [bold]x[/bold]" in explained
    assert "#1 Not a [b]military[/b] threat." in explained
    assert "militar* 1.5 (military)" in explained


def test_article_without_cues_is_listed_and_explained_as_such():
    analysis = analyse(Article("quiet", "Wire", "A letter", "The letter was delivered on Tuesday."))
    assert "quiet" in rendered(FrameListView([analysis]))
    assert rendered(FrameListView([analysis])).count(" - ") == 1
    output = rendered(ExplanationView(analysis))
    assert "Primary frame  -" in output
    assert "No frame cue found." in output


def test_bad_lexicon_and_empty_corpus_are_errors(tmp_path):
    lexicon = write(tmp_path / "lex.tsv", "crime\tcrime\nnot a valid line\n")
    bad = invoke("frames", "--lexicon", str(lexicon))
    assert bad.exit_code == 1
    assert f"Error: {lexicon}:2: expected 'category<TAB>term'" in bad.stderr
    write(tmp_path / "corpus" / "empty.txt", "")
    empty = invoke("frames", str(tmp_path / "corpus"))
    assert empty.exit_code == 1
    assert empty.stderr.strip() == (
        f"Error: {tmp_path / 'corpus'}: no readable article. First skipped: empty.txt: empty file"
    )


def test_custom_lexicon_frames(tmp_path):
    lexicon = write(tmp_path / "moral.tsv", "care\tsuffer*\ncare\tharm*\nauthority\tlaw*\n")
    document = json.loads(invoke("frames", "--lexicon", str(lexicon), "--json").stdout)
    assert [f["id"] for f in document["frames"]] == ["care", "authority"]
    assert document["settings"]["frame_lexicon"] == "moral.tsv"


def test_installed_command_explains():
    executable = shutil.which("framing")
    assert executable, "the framing console script is installed by pip install"
    done = subprocess.run(
        [executable, "frames", "--json", "--explain", LIBERTY_LEDGER],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["article"]["primary_frame"] == "crime_and_punishment"
