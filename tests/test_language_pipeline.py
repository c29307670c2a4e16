"""Articles not in English are left out of the English-only analysis, and counted."""

from __future__ import annotations

import json

from click.testing import CliRunner

from framing.cli import main
from tests.conftest import MILITARY_PASSAGE, REFERENCE_PASSAGE

SPANISH = (
    "El presidente de Venezuela, Nicolás Maduro, pidió ayuda militar a Rusia para reforzar sus "
    "defensas aéreas, según informó el diario The Washington Post. La carta no ha sido "
    "confirmada por el Kremlin ni por el gobierno venezolano, que no respondieron a las "
    "solicitudes de comentarios."
)


def corpus(tmp_path, records):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_a_spanish_article_is_counted_and_left_out(tmp_path):
    path = corpus(
        tmp_path,
        [
            {"outlet": "El Diario", "title": "Maduro pide ayuda a Rusia", "text": SPANISH},
            {"outlet": "Wire", "title": "Maduro and Rubio", "text": REFERENCE_PASSAGE},
            {"outlet": "Ledger", "title": "Warships", "text": MILITARY_PASSAGE},
        ],
    )
    result = run("compare", str(path), "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert set(document["outlets"]) == {"Wire", "Ledger"}
    assert document["accounting"]["loaded"] == 3
    assert document["accounting"]["excluded"] == [
        {"source": "news.jsonl:1", "reason": "not in English (detected es)"}
    ]
    assert (
        "1 loaded article(s) left out of the English-only analysis"
        in run("compare", str(path)).stderr
    )


def test_a_language_the_corpus_gives_wins_over_detection(tmp_path):
    path = corpus(
        tmp_path,
        [
            {"outlet": "Wire", "title": "A", "text": REFERENCE_PASSAGE, "language": "de"},
            {"outlet": "Ledger", "title": "B", "text": MILITARY_PASSAGE, "language": "en-GB"},
        ],
    )
    document = json.loads(run("compare", str(path), "--json").stdout)
    assert set(document["outlets"]) == {"Ledger"}
    assert "language given as 'de'" in document["accounting"]["excluded"][0]["reason"]


def test_a_corpus_with_no_english_article_is_a_clear_error(tmp_path):
    path = corpus(tmp_path, [{"outlet": "El Diario", "title": "Rusia", "text": SPANISH}])
    result = run("compare", str(path))
    assert result.exit_code == 1
    assert "no article in English" in result.output and "read English only" in result.output
