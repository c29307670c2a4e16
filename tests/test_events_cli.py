"""framing events and framing compare --by-event from the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.corpus import load_corpus
from tests.test_events import OPEC, OUTLETS, QUAKE


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write_corpus(path, dated=True):
    records = []
    for name, texts in (("quake", QUAKE), ("opec", OPEC)):
        for i, ((title, text), outlet) in enumerate(zip(texts, OUTLETS, strict=True)):
            record = {"id": f"{name}-{i}", "outlet": outlet, "title": title, "text": text}
            if dated:
                record["date"] = "2024-04-02"
            records.append(record)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_events_json_lists_each_event_with_its_articles(tmp_path):
    corpus = write_corpus(tmp_path / "news.jsonl")
    document = json.loads(invoke("events", str(corpus), "--json").stdout)
    assert document["articles"] == 6 and document["undated"] == 0
    events = document["events"]
    assert len(events) == 2
    for event in events:
        assert {"id", "label", "keywords", "start", "end", "articles"} <= set(event)
        assert sorted(a["outlet"] for a in event["articles"]) == sorted(OUTLETS)
        assert {a["id"][:4] for a in event["articles"]} in ({"quak"}, {"opec"})


def test_write_fills_in_the_event_field_and_reads_back(tmp_path):
    corpus = write_corpus(tmp_path / "news.jsonl")
    result = invoke("events", str(corpus), "--write", str(tmp_path / "out"))
    assert result.exit_code == 0 and "Wrote 6 articles" in result.stderr
    written = load_corpus(tmp_path / "out" / "articles.jsonl").articles
    by_story = {}
    for article in written:
        by_story.setdefault(article.id.split("-")[0], set()).add(article.event)
    assert all(len(events) == 1 and None not in events for events in by_story.values())
    assert by_story["quake"] != by_story["opec"]
    assert {a.title for a in written} == {t for t, _ in QUAKE + OPEC}


def test_undated_articles_are_grouped_with_a_warning(tmp_path):
    corpus = write_corpus(tmp_path / "news.jsonl", dated=False)
    result = invoke("events", str(corpus))
    assert result.exit_code == 0
    assert "6 of 6 articles have no date" in result.stderr
    assert "2 events" in result.stdout
    compared = invoke("compare", str(corpus), "--by-event")
    assert "6 of 6 articles have no date" in compared.stderr


def test_one_outlet_still_gets_events_and_a_note(tmp_path):
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps({"outlet": "Andes Daily", "title": t, "text": x}) for t, x in QUAKE + OPEC
        ),
        encoding="utf-8",
    )
    result = invoke("events", str(corpus))
    assert "Only one outlet (Andes Daily)" in result.stdout
    assert "2 events" in result.stdout
    compared = invoke("compare", str(corpus), "--by-event")
    assert "Only one outlet (Andes Daily)" in compared.stdout


def test_compare_by_event_compares_within_and_averages_over_events(tmp_path):
    corpus = write_corpus(tmp_path / "news.jsonl")
    table = invoke("compare", str(corpus), "--by-event").stdout
    assert "Over all events: each outlet's mean of its per-event figures" in table
    assert table.count("Event: event-") == 2
    document = json.loads(invoke("compare", str(corpus), "--by-event", "--json").stdout)
    assert len(document["events"]) == 2
    means = document["event_means"]
    assert set(means) == set(OUTLETS)
    for outlet, mean in means.items():
        assert mean["events"] == 2
        per_event = [e["outlets"][outlet]["tone"]["mean"] for e in document["events"]]
        assert mean["figures"]["tone"]["mean"] == pytest.approx(sum(per_event) / 2)
    assert "found by framing events" in document["settings"]["events"]


def test_html_report_shows_the_means_over_events(tmp_path):
    corpus = write_corpus(tmp_path / "news.jsonl")
    invoke("compare", str(corpus), "--by-event", "--html", str(tmp_path / "r.html"))
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<section id="event-means">' in page
    assert page.count('<details class="event"') == 2
