"""framing keyness, and framing compare's --csv and --html outputs, from the command line."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from framing.cli import main
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE, write


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_keyness_prints_both_directions_and_json():
    result = invoke("keyness", "--a", "Crude & Capital", "--b", "Andean Horizon Review")
    assert result.exit_code == 0
    assert "Words over-used by Crude & Capital" in result.stdout
    assert "Words over-used by Andean Horizon Review" in result.stdout
    assert "Two-word phrases over-used by" in result.stdout
    document = json.loads(
        invoke("keyness", "--a", "Crude & Capital", "--json", "--top", "5").stdout
    )
    first, rest = document["sides"]
    assert first["outlet"] == "Crude & Capital" and rest["outlet"] == "all other outlets"
    assert 0 < len(first["words"]) <= 5 and {"term", "z", "count"} <= set(first["words"][0])


def test_keyness_names_the_outlets_when_one_is_missing():
    result = CliRunner().invoke(main, ["keyness", "--a", "Fox Newz"])
    assert result.exit_code == 1
    assert "'Fox Newz' is not in the corpus" in result.output
    assert "Northgate Wire" in result.output and "Reference Dispatch" in result.output


def test_csv_tables_are_tidy_and_match_the_json(tmp_path):
    document = json.loads(invoke("compare", "--json", "--csv", str(tmp_path / "out")).stdout)
    measures = read_csv(tmp_path / "out" / "measures.csv")
    outlets = set(document["outlets"])
    assert {row["outlet"] for row in measures} == outlets
    hedges = {
        row["outlet"]: float(row["estimate"])
        for row in measures
        if row["measure"] == "cue_rate" and row["category"] == "hedge"
    }
    for name, outlet in document["outlets"].items():
        assert hedges[name] == outlet["cue_rates_per_1000_words"]["hedge"]["mean"]
    tone = [row for row in measures if row["measure"] == "tone"]
    assert len(tone) == len(outlets) and all(row["low"] and row["high"] for row in tone)
    coverage = read_csv(tmp_path / "out" / "coverage.csv")
    units = {row["unit"] for row in coverage}
    assert len(coverage) == len(units) * len(outlets)
    assert len(units) == len(document["coverage"]["units"])
    assert read_csv(tmp_path / "out" / "frame_tests.csv")[0]["note"].startswith("too few")
    assert not list((tmp_path / "out").glob(".*partial"))


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path):
    corpus = tmp_path / "corpus"
    header = 'outlet: =HYPERLINK("http://x")\nevent: e\n'
    write(corpus / "a.txt", f"title: One\n{header}\n{REFERENCE_PASSAGE}")
    write(corpus / "b.txt", f"title: Two\noutlet: Plain\nevent: e\n\n{MILITARY_PASSAGE}")
    assert invoke("compare", str(corpus), "--csv", str(tmp_path / "out")).exit_code == 0
    outlets = {row["outlet"] for row in read_csv(tmp_path / "out" / "measures.csv")}
    assert outlets == {'\'=HYPERLINK("http://x")', "Plain"}


def test_html_report_is_written_next_to_the_terminal_report(tmp_path):
    target = tmp_path / "report.html"
    result = invoke("compare", "--html", str(target))
    assert result.exit_code == 0 and "Outlets and tone" in result.stdout
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'data-chart="coverage"' in page
    assert f"Wrote the HTML report {target}" in result.stderr


def test_unwritable_output_is_a_one_line_error(tmp_path):
    blocker = write(tmp_path / "file", "not a folder")
    result = CliRunner().invoke(main, ["compare", "--csv", str(blocker / "sub")])
    assert result.exit_code == 1
    assert "cannot write" in result.output


def test_syndicated_copy_in_two_outlets_is_reported_as_a_near_duplicate(tmp_path, demo_path):
    from framing.corpus import load_corpus

    wire = next(a for a in load_corpus(demo_path).articles if a.outlet == "Northgate Wire")
    copy = wire.text.replace("Maduro", "Nicolás Maduro", 1)
    corpus = tmp_path / "corpus"
    write(corpus / "wire.txt", f"title: {wire.title}\noutlet: Northgate Wire\n\n{wire.text}")
    write(corpus / "copy.txt", f"title: Maduro turns to Moscow\noutlet: Coastal Courier\n\n{copy}")
    write(corpus / "other.txt", f"title: Other\noutlet: Plain\n\n{REFERENCE_PASSAGE}")
    document = json.loads(
        invoke("compare", str(corpus), "--json", "--csv", str(tmp_path / "out")).stdout
    )
    [group] = document["near_duplicates"]
    assert group["outlets"] == ["Coastal Courier", "Northgate Wire"]
    assert group["similarity"] >= 0.8
    rows = read_csv(tmp_path / "out" / "near_duplicates.csv")
    assert {row["outlet"] for row in rows} == {"Coastal Courier", "Northgate Wire"}


def test_skipped_inputs_are_written_with_their_records(tmp_path):
    corpus = tmp_path / "news.jsonl"
    good = json.dumps({"outlet": "Wire", "title": "A", "text": REFERENCE_PASSAGE})
    corpus.write_text(
        "\n".join([good, '{"outlet": "Wire", "text": ', json.dumps({"outlet": "Wire"})]),
        encoding="utf-8",
    )
    result = invoke("compare", str(corpus), "--skipped", str(tmp_path / "skipped.jsonl"))
    assert result.exit_code == 0 and "Wrote 2 skipped inputs" in result.stderr
    lines = [json.loads(x) for x in (tmp_path / "skipped.jsonl").read_text().splitlines()]
    assert [x["source"] for x in lines] == ["news.jsonl:2", "news.jsonl:3"]
    assert lines[0]["record"] == '{"outlet": "Wire", "text": '
    assert "invalid JSON" in lines[0]["reason"] and "no text field" in lines[1]["reason"]
    assert json.loads(lines[1]["record"]) == {"outlet": "Wire"}


def test_a_record_over_the_size_limit_is_skipped_with_its_size(tmp_path):
    corpus = tmp_path / "news.jsonl"
    big = json.dumps({"outlet": "Ledger", "title": "B", "text": MILITARY_PASSAGE * 40})
    small = json.dumps({"outlet": "Wire", "title": "A", "text": REFERENCE_PASSAGE})
    corpus.write_text(f"{small}\n{big}\n", encoding="utf-8")
    document = json.loads(
        invoke("compare", str(corpus), "--json", "--max-record-bytes", "2000").stdout
    )
    assert list(document["outlets"]) == ["Wire"]
    [skipped] = document["accounting"]["skipped"]
    assert skipped["source"] == "news.jsonl:2" and "--max-record-bytes" in skipped["reason"]
