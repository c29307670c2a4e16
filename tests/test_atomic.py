"""Outputs are written whole or not at all, and Ctrl-C stops with one line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from framing._atomic import atomic_text
from framing.cli import main


def test_an_interrupted_write_leaves_the_old_file_and_no_partial(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_text(target) as handle:
        handle.write("half a new report")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old report"
    assert list(tmp_path.iterdir()) == [target]


def test_a_finished_write_replaces_the_file(tmp_path):
    target = tmp_path / "table.csv"
    with atomic_text(target) as handle:
        handle.write("a,b\n")
    assert target.read_text(encoding="utf-8") == "a,b\n"
    assert list(tmp_path.iterdir()) == [target]


def test_ctrl_c_stops_the_command_with_a_message(monkeypatch, tmp_path):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("framing.cli.compare.aggregate_corpus", interrupted)
    result = CliRunner().invoke(main, ["compare", "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 130
    assert "Interrupted: stopped before finishing" in result.output
    assert list(tmp_path.iterdir()) == []
