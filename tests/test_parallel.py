"""--jobs N gives the same result as one process, bit for bit."""

from __future__ import annotations

import json

from click.testing import CliRunner

from framing._coverage_jobs import CoverageJobs
from framing.cli import main
from framing.compare import compare
from framing.corpus import load_corpus
from framing.pipeline import aggregate_corpus
from framing.render.json import comparison_to_json
from tests.test_aggregate import equal


def paragraph_corpus(tmp_path, demo_path):
    """The demo's paragraphs as separate articles (about 60), over two events."""
    lines = []
    for article in load_corpus(demo_path).articles:
        for number, paragraph in enumerate(article.text.split("\n\n")):
            if len(paragraph.split()) > 15:
                event = "early" if number < 4 else "late"
                lines.append(
                    json.dumps(
                        {"outlet": article.outlet, "title": "", "text": paragraph, "event": event}
                    )
                )
    path = tmp_path / "paragraphs.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_two_processes_aggregate_exactly_like_one(tmp_path, demo_path):
    path = paragraph_corpus(tmp_path, demo_path)
    one, accounting_one = aggregate_corpus(path, seed=3, jobs=1)
    two, accounting_two = aggregate_corpus(path, seed=3, jobs=2)
    assert accounting_one.loaded == accounting_two.loaded > 50
    assert equal(one, two)
    assert comparison_to_json(compare(one, accounting_one)) == comparison_to_json(
        compare(two, accounting_two)
    )


def test_jobs_option_gives_the_same_report(tmp_path, demo_path):
    path = paragraph_corpus(tmp_path, demo_path)
    runner = CliRunner()
    serial = runner.invoke(main, ["compare", str(path), "--json"]).stdout
    parallel = runner.invoke(main, ["compare", str(path), "--json", "--jobs", "2"]).stdout
    assert json.loads(serial) == json.loads(parallel)


def test_aligning_events_in_other_processes_gives_the_same_comparison(tmp_path, demo_path):
    path = paragraph_corpus(tmp_path, demo_path)
    aggregate, accounting = aggregate_corpus(path, seed=3)
    serial = compare(aggregate, accounting)
    parallel = compare(aggregate, accounting, jobs=2)
    assert len(parallel.events) == 2 and all(group.coverage for group in parallel.events)
    assert parallel == serial


def test_events_shared_between_the_workers_and_this_process_align_as_here(tmp_path, demo_path):
    aggregate, _ = aggregate_corpus(paragraph_corpus(tmp_path, demo_path), seed=3)
    samples = [aggregate.event_articles[event] for event in aggregate.events()] * 3
    with CoverageJobs(samples, jobs=1) as here:
        serial = here.results()
    # one worker starts two samples at most before this process takes the rest from the last
    with CoverageJobs(samples, jobs=2) as shared:
        assert shared.results() == serial
    assert len(serial) == 6 and all(coverage for coverage, _ in serial)
