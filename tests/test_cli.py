"""The framing command: output, exit codes and error lines."""

from __future__ import annotations

import json
import shutil
import subprocess

from click.testing import CliRunner

from framing.cli import main
from tests.conftest import MILITARY_PASSAGE, write


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_compare_without_path_runs_on_the_demo():
    result = invoke("compare")
    assert result.exit_code == 0
    for title in ("Outlets and tone", "Frame shares", "Distinctive words"):
        assert title in result.stdout
    assert "Orinoco Sentinel" in result.stdout


def test_json_holds_the_same_numbers_as_the_tables():
    document = json.loads(invoke("compare", "--json").stdout)
    table = invoke("compare").stdout
    assert len(document["outlets"]) >= 5
    assert document["accounting"]["loaded"] == sum(
        o["articles"] for o in document["outlets"].values()
    )
    for outlet in document["outlets"].values():
        tone = outlet["tone"]
        assert f"{tone['mean']:+.3f}" in table
        assert f"[{tone['low']:+.3f}, {tone['high']:+.3f}]" in table
    assert set(document["accounting"]) >= {"loaded", "duplicates", "skipped"}


def test_missing_path_is_one_error_line_and_exit_1(tmp_path):
    result = invoke("compare", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"Error: {tmp_path / 'nowhere'}: no such file or folder. Check the path"
    )


def test_folder_without_articles_is_an_error(tmp_path):
    write(tmp_path / "empty.txt", "")
    result = invoke("compare", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {tmp_path}: no readable article. First skipped: empty.txt: empty file"
    )


def test_strict_fails_on_a_skip_that_is_otherwise_counted(tmp_path):
    write(tmp_path / "c.jsonl", json.dumps({"outlet": "A", "text": MILITARY_PASSAGE}) + "\n{oops\n")
    lenient = invoke("compare", str(tmp_path), "--json")
    assert lenient.exit_code == 0
    assert json.loads(lenient.stdout)["accounting"]["skipped"][0]["source"] == "c.jsonl:2"
    assert "skipped c.jsonl:2: invalid JSON" in lenient.stderr
    strict = invoke("compare", str(tmp_path), "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.startswith("Error: c.jsonl:2: invalid JSON")


def test_field_mapping_option(tmp_path):
    write(tmp_path / "c.jsonl", json.dumps({"body": MILITARY_PASSAGE, "media_name": "Wire"}))
    result = invoke(
        "compare", str(tmp_path), "--field", "text=body", "--field", "outlet=media_name", "--json"
    )
    assert list(json.loads(result.stdout)["outlets"]) == ["Wire"]
    bad = CliRunner().invoke(main, ["compare", str(tmp_path), "--field", "body"])
    assert bad.exit_code == 2
    assert "--field 'body' must look like ARTICLE_FIELD=RECORD_FIELD" in bad.stderr


def test_bad_lexicon_line_is_reported(tmp_path):
    lexicon = write(tmp_path / "lex.tsv", "crime\tcrime\nnot a valid line\n")
    result = invoke("compare", "--lexicon", str(lexicon))
    assert result.exit_code == 1
    assert f"Error: {lexicon}:2: expected 'category<TAB>term'" in result.stderr


def test_custom_lexicon_replaces_the_frames(tmp_path):
    lexicon = write(tmp_path / "moral.tsv", "care\tsuffer*\ncare\tharm*\nauthority\tlaw*\n")
    document = json.loads(invoke("compare", "--lexicon", str(lexicon), "--json").stdout)
    assert [f["id"] for f in document["frames"]] == ["care", "authority"]


def test_installed_command_runs():
    executable = shutil.which("framing")
    assert executable, "the framing console script is installed by pip install"
    done = subprocess.run(
        [executable, "compare", "--json"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["outlets"]) >= 5


def test_corpus_with_several_events_is_compared_within_each(tmp_path):
    records = [
        {"outlet": "Wire", "event": "strikes", "text": MILITARY_PASSAGE},
        {"outlet": "Ledger", "event": "strikes", "text": MILITARY_PASSAGE + " Critics objected."},
        {
            "outlet": "Wire",
            "event": "oil",
            "text": "Oil prices rose as investors weighed sanctions.",
        },
    ]
    write(tmp_path / "c.jsonl", "\n".join(json.dumps(r) for r in records))
    document = json.loads(invoke("compare", str(tmp_path), "--json").stdout)
    assert [e["event"] for e in document["events"]] == ["oil", "strikes"]
    assert list(document["events"][0]["outlets"]) == ["Wire"]
    assert list(document["events"][1]["outlets"]) == ["Ledger", "Wire"]
    assert document["outlets"]["Wire"]["articles"] == 2
    table = invoke("compare", str(tmp_path)).stdout
    assert "Event: oil" in table and "Event: strikes" in table


def test_exclude_quotes_changes_only_frame_scores():
    both = json.loads(invoke("compare", "--json").stdout)["outlets"]["Liberty Ledger"]
    own = json.loads(invoke("compare", "--json", "--exclude-quotes").stdout)["outlets"][
        "Liberty Ledger"
    ]
    assert own["frame_shares"] != both["frame_shares"]
    assert own["tone"] == both["tone"] and own["words"] == both["words"]
