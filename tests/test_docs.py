"""The README is the manual: its set-up commands, its options and its examples are real."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from framing.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", README, flags=re.S)


def test_readme_opens_with_the_two_setup_commands():
    first, second = BLOCKS[0], BLOCKS[1]
    assert first[0] == second[0] == "bash"
    assert first[1].strip().endswith("pip install . && framing compare")
    assert second[1].strip().endswith('pip install -e ".[test]" && python -m pytest')


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert BLOCKS[1][1].strip() in ci


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_and_option_is_documented(command):
    assert f"framing {command}" in README
    for parameter in main.commands[command].params:
        if isinstance(parameter, click.Option):
            assert any(name in README for name in parameter.opts), parameter.opts


def test_python_examples_run(monkeypatch, capsys, tmp_path):
    (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    monkeypatch.chdir(tmp_path)  # the examples read corpora/demo and write their outputs here
    examples = [code for language, code in BLOCKS if language == "python"]
    assert examples
    for code in examples:
        exec(compile(code, "README.md", "exec"), {})
    assert "Liberty Ledger" in capsys.readouterr().out
    assert (tmp_path / "tables" / "measures.csv").is_file() and (tmp_path / "report.html").is_file()
