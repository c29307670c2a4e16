"""The terminal report: three tables per comparison, readable at 100 columns."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from framing.pipeline import compare_corpus
from framing.render.terminal import AccountingView, ComparisonView


@pytest.fixture(scope="module")
def demo_comparison(demo_path):
    return compare_corpus(demo_path)


def render(renderable, width=100):
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def test_three_tables_with_every_outlet_within_100_columns(demo_comparison):
    text = render(ComparisonView(demo_comparison))
    for title in ("Outlets and tone", "Frame shares", "Distinctive words"):
        assert title in text
    for outlet in demo_comparison.overall.outlets:
        assert outlet in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_tone_and_interval_are_printed_as_computed(demo_comparison):
    text = render(ComparisonView(demo_comparison))
    for result in demo_comparison.overall.outlets.values():
        assert f"{result.tone.estimate:+.3f}" in text
        assert f"[{result.tone.low:+.3f}, {result.tone.high:+.3f}]" in text


def test_primary_frame_is_marked(demo_comparison):
    text = render(ComparisonView(demo_comparison))
    assert text.count("* ") >= len(demo_comparison.overall.outlets)


def test_accounting_lists_skips(tmp_path):
    from framing import load_corpus

    (tmp_path / "a.jsonl").write_text('{"text": "x", "outlet": "A"}\nbroken\n')
    text = render(AccountingView(load_corpus(tmp_path).accounting))
    assert "1 articles loaded, 0 exact duplicates merged, 1 inputs skipped." in text
    assert "skipped a.jsonl:2: invalid JSON" in text


def test_outlet_names_are_shown_literally_not_as_markup(tmp_path):
    import json

    from framing.pipeline import compare_corpus

    records = [
        {"outlet": "[bold]Wire[/bold]", "text": "Troops massed at the border. Officials said."},
        {"outlet": "Ledger [red]", "text": "Oil prices rose as sanctions bit. Traders said."},
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    text = render(ComparisonView(compare_corpus(tmp_path)), width=140)
    assert "[bold]Wire[/bold]" in text
    assert "Ledger [red]" in text
