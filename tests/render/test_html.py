"""The HTML report: every chart present, nothing fetched, corpus text escaped, and it renders."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from framing.pipeline import compare_corpus
from framing.render.html import comparison_to_html, write_html
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE, write

CHARTS = ("frame-shares", "tone", "actor-tone", "distinctive-words", "coverage", "jsd", "cues")
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = '"><img src=x onerror=alert(1)>'
# A reference that a browser would fetch: src/href/xlink:href/action to a URL with a scheme
# or a protocol-relative one, CSS @import, or url() to anything but a fragment or data: URI.
FETCHED = re.compile(
    r"""(?:\b(?:src|href|xlink:href|action|poster|srcset)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//))"""
    r"""|@import|url\(\s*["']?\s*(?!#|data:)""",
    re.IGNORECASE,
)
CHROMIUM = shutil.which("chromium")


class _Elements(HTMLParser):
    """Collects the start tags (with attributes) and the text of a document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(document: str) -> _Elements:
    parser = _Elements()
    parser.feed(document)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def demo_comparison(demo_path):
    return compare_corpus(demo_path)


@pytest.fixture(scope="module")
def demo_html(demo_comparison) -> str:
    return comparison_to_html(demo_comparison)


def test_every_chart_and_outlet_is_in_the_demo_report(demo_html, demo_comparison):
    parsed = parse(demo_html)
    charts = [attrs for tag, attrs in parsed.tags if tag == "svg"]
    assert {attrs.get("data-chart") for attrs in charts} == set(CHARTS)
    for attrs in charts:
        assert attrs.get("role") == "img"
        assert "chart" in (attrs.get("class") or "").split()
        assert attrs.get("aria-labelledby")
    titled = {attrs.get("id") for tag, attrs in parsed.tags if tag == "title"}
    assert {attrs["aria-labelledby"] for attrs in charts} <= titled
    text = "".join(parsed.text)
    for outlet in demo_comparison.overall.outlets:
        assert outlet in text


def test_every_section_is_there(demo_html):
    ids = {attrs.get("id") for tag, attrs in parse(demo_html).tags if tag == "section"}
    for section in ("summary", "all-tone", "all-frames", "all-frame-test", "all-words"):
        assert section in ids
    for section in ("all-cues", "all-sourcing", "all-actors", "all-labels", "all-coverage"):
        assert section in ids


def test_tone_and_interval_are_printed_as_computed(demo_html, demo_comparison):
    for result in demo_comparison.overall.outlets.values():
        assert f"{result.tone.estimate:+.3f}" in demo_html
        assert f"[{result.tone.low:+.3f}, {result.tone.high:+.3f}]" in demo_html


def test_element_ids_are_unique(demo_html):
    ids = [attrs["id"] for _, attrs in parse(demo_html).tags if attrs.get("id")]
    assert len(ids) == len(set(ids))


def test_each_event_gets_its_own_sections(tmp_path):
    for event in ("border", "oil"):
        for outlet, passage in (("Wire", MILITARY_PASSAGE), ("Ledger", REFERENCE_PASSAGE)):
            for n in (1, 2):
                write(
                    tmp_path / event / f"{outlet}-{n}.txt",
                    f"title: {outlet} on {event} {n}\noutlet: {outlet}\nevent: {event}\n\n"
                    f"{passage} Officials said the {event} talks went on for day {n}.",
                )
    comparison = compare_corpus(tmp_path, replicates=50)
    assert len(comparison.events) == 2
    parsed = parse(comparison_to_html(comparison))
    assert [a["id"] for tag, a in parsed.tags if tag == "details"] == ["event-1", "event-2"]
    sections = {a.get("id") for tag, a in parsed.tags if tag == "section"}
    assert {"all-tone", "e1-tone", "e2-tone", "e1-coverage", "e2-coverage"} <= sections
    ids = [a["id"] for _, a in parsed.tags if a.get("id")]
    assert len(ids) == len(set(ids))


def test_the_report_fetches_nothing(demo_html):
    assert FETCHED.search(demo_html) is None
    assert "<script" not in demo_html.lower()
    assert "default-src 'none'" in demo_html
    for tag, _ in parse(demo_html).tags:
        assert tag not in {"img", "iframe", "link", "object", "embed", "script"}, tag


def test_the_fetch_check_would_catch_a_fetch():
    for fetched in (
        '<img src="https://example.org/x.png">',
        "<link href=//cdn.example/x.css>",
        "<style>@import 'x.css'</style>",
        "<div style=\"background:url('http://example.org/x')\"></div>",
    ):
        assert FETCHED.search(fetched), fetched
    assert FETCHED.search('<rect fill="url(#ramp-1)"/>') is None


def test_the_first_unit_of_the_coverage_matrix_is_a_row(demo_html, demo_comparison):
    coverage = demo_comparison.overall.coverage
    assert coverage is not None and coverage.units
    assert f"#{coverage.units[0].id} " in demo_html


def test_write_html_replaces_the_file_in_one_step(tmp_path, demo_comparison):
    target = tmp_path / "report.html"
    target.write_text("old")
    assert write_html(demo_comparison, target) == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def _hostile_corpus(folder: Path) -> Path:
    outlet = f"Evil {HOSTILE_SCRIPT} Wire"
    second = f"Ledger {HOSTILE_IMG}"
    texts = {
        "evil/a.txt": (
            f"title: Troops {HOSTILE_SCRIPT} massed\noutlet: {outlet}\nevent: border\n\n"
            f"Troops massed at the border near the river. {HOSTILE_IMG} Officials said "
            "the President Maria Lopez ordered the troops to the border."
        ),
        "evil/b.txt": (
            f"title: Second {HOSTILE_IMG}\noutlet: {outlet}\nevent: border\n\n"
            "The army moved tanks to the border near the river. President Maria Lopez said "
            "the tanks were a warning."
        ),
        "ledger/c.txt": (
            f"title: Oil {HOSTILE_SCRIPT}\noutlet: {second}\nevent: border\n\n"
            "Oil prices rose as troops massed at the border near the river. Traders said "
            f"sanctions bit. {HOSTILE_SCRIPT} President Maria Lopez was criticised."
        ),
        "ledger/d.txt": (
            f"title: Markets\noutlet: {second}\nevent: border\n\n"
            "Markets fell as the army moved tanks to the border. Analysts said prices would "
            "rise further."
        ),
    }
    for name, content in texts.items():
        write(folder / name, content)
    return folder


def test_corpus_text_is_escaped_everywhere(tmp_path):
    comparison = compare_corpus(_hostile_corpus(tmp_path / "corpus"), replicates=50)
    assert any("<script>" in name for name in comparison.overall.outlets)
    document = comparison_to_html(comparison)
    assert "<script" not in document.lower()
    assert "<img" not in document.lower()
    assert html_escaped(HOSTILE_SCRIPT) in document
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in document
    parsed = parse(document)
    assert all(tag not in {"script", "img"} for tag, _ in parsed.tags)
    for _, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
    text = "".join(parsed.text)
    assert HOSTILE_SCRIPT in text
    assert HOSTILE_IMG in text


def html_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chromium(*arguments: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *arguments,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="needs Chromium (Debian's chromium package); CI installs it and runs this test",
)
def test_chromium_renders_the_charts(tmp_path, demo_comparison):
    report = write_html(demo_comparison, tmp_path / "report.html")
    url = report.resolve().as_uri()
    dom = _chromium("--dump-dom", url, profile=tmp_path / "profile").stdout
    assert dom.count("<svg") >= len(CHARTS)
    for chart in CHARTS:
        assert f'data-chart="{chart}"' in dom
    shot = tmp_path / "shot.png"
    _chromium(
        f"--screenshot={shot}",
        "--window-size=1280,4000",
        "--hide-scrollbars",
        url,
        profile=tmp_path / "profile",
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000
