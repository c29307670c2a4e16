"""framing train, classify and suggest from the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing import load_corpus
from framing.cli import main
from tests.classifiers.conftest import CODED
from tests.conftest import write


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "frames.skops"
    result = invoke("train", CODED, "--label", "frame", "--folds", "4", "-o", path)
    assert result.exit_code == 0, result.stderr
    assert "Cross-validation (stratified 4-fold, seed 0, 40 coded units)" in result.stdout
    assert "macro-F1" in result.stdout and "Krippendorff's alpha" in result.stdout
    assert "Confusion matrix" in result.stdout
    assert f"Saved {path} (40 coded units, 4 classes; 6 uncoded units left out)." in result.stderr
    return path


def test_train_json_report(tmp_path):
    result = invoke(
        "train", CODED, "--label", "frame", "--folds", "4", "-o", tmp_path / "m.skops", "--json"
    )
    report = json.loads(result.stdout)
    assert report["method"] == "stratified 4-fold cross-validation, seed 0"
    assert [c["label"] for c in report["classes"]] == [
        "economy",
        "humanitarian",
        "justice",
        "security",
    ]
    assert len(report["confusion_matrix"]) == 4


def test_train_errors_name_the_column_and_class(tmp_path):
    missing = invoke("train", CODED, "--label", "code", "-o", tmp_path / "m.skops")
    assert missing.exit_code == 1
    assert "Error: " in missing.stderr and "no label column 'code'" in missing.stderr
    few = invoke("train", CODED, "--label", "frame", "--folds", "12", "-o", tmp_path / "m.skops")
    assert few.exit_code == 1
    assert "class 'economy' in column 'frame' has 10 coded units, fewer than the 12" in few.stderr
    assert not (tmp_path / "m.skops").exists()


def test_classify_labels_every_unit(model):
    result = invoke("classify", "--model", model, CODED, "--json")
    document = json.loads(result.stdout)
    assert len(document["units"]) == 46
    assert document["model"]["labels"] == ["economy", "humanitarian", "justice", "security"]
    codes = {row.id: row.meta["frame"] for row in load_corpus(CODED)}
    agree = sum(1 for u in document["units"] if u["labels"] == [codes[u["id"]]])
    assert agree >= 36  # the model reproduces the codes it was trained on
    table = invoke("classify", "--model", model).stdout
    assert "Classified units" in table and "Crude & Capital" in table


def test_suggest_lists_only_uncoded_units_least_certain_first(model):
    document = json.loads(invoke("suggest", "--model", model, CODED, "-n", "3", "--json").stdout)
    assert document["uncoded_units"] == 6
    suggestions = document["suggestions"]
    assert len(suggestions) == 3
    assert all(int(s["id"][1:]) > 40 for s in suggestions)
    certainties = [s["certainty"] for s in suggestions]
    assert certainties == sorted(certainties)


def test_foreign_model_file_is_refused(tmp_path):
    fake = write(tmp_path / "model.skops", b"PK\x03\x04 not really a zip")
    result = invoke("classify", "--model", fake)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {fake}: not a framing model file")


def test_compare_with_a_model_uses_its_classes_as_frames(model):
    document = json.loads(invoke("compare", "--model", model, "--json").stdout)
    assert [f["id"] for f in document["frames"]] == [
        "economy",
        "humanitarian",
        "justice",
        "security",
    ]
    assert document["settings"]["frame_method"] == "model"
    outlets = document["outlets"]
    assert outlets["Crude & Capital"]["primary_frame"] == "economy"
    assert outlets["Andean Horizon Review"]["primary_frame"] == "humanitarian"
    table = invoke("compare", "--model", model).stdout
    assert "trained model's class probabilities" in table


def test_compare_refuses_both_a_lexicon_and_a_model(model, tmp_path):
    lexicon = write(tmp_path / "l.tsv", "a\tb\n")
    result = CliRunner().invoke(main, ["compare", "--model", str(model), "--lexicon", str(lexicon)])
    assert result.exit_code == 2
    assert "use only one of --lexicon or --model" in result.stderr
