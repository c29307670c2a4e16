"""framing actors and the actor tables of framing compare, on the demo corpus."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.cli import main
from tests.conftest import write


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_actors():
    result = invoke("actors", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["actors"]


def test_actors_by_prominence(demo_actors):
    assert demo_actors[0]["actor"] == "Nicolás Maduro"
    assert demo_actors[0]["kind"] == "person"
    assert len(demo_actors[0]["outlets"]) == 6
    mentions = [a["mentions"] for a in demo_actors]
    assert mentions == sorted(mentions, reverse=True)
    table = invoke("actors", "--top", "5").stdout
    assert "Actors by prominence" in table and "Nicolás Maduro" in table


def test_sentiment_toward_an_actor_has_intervals_and_shares(demo_actors):
    maduro = demo_actors[0]["outlets"]
    for outlet in maduro.values():
        score = outlet["score"]
        assert -1 <= score["low"] <= score["mean"] <= score["high"] <= 1
        assert sum(outlet["shares"].values()) == pytest.approx(1.0)
    # The narco-justice outlet portrays Maduro more negatively than the sovereignty outlet.
    assert maduro["Liberty Ledger"]["score"]["mean"] < maduro["Orinoco Sentinel"]["score"]["mean"]


def test_labels_show_how_each_outlet_names_the_actor(demo_actors):
    maduro = demo_actors[0]["outlets"]
    ledger = {label["text"] for label in maduro["Liberty Ledger"]["labels"]}
    assert any("strongman" in text for text in ledger)
    reference = {label["text"] for label in maduro["Reference Dispatch"]["labels"]}
    assert "venezuelan president" in reference


def test_one_actor_article_by_article():
    document = json.loads(invoke("actors", "--actor", "Maduro", "--json").stdout)
    assert document["actor"] == "Nicolás Maduro"
    assert len(document["articles"]) == 6
    for article in document["articles"]:
        assert article["mentions"] >= 1
        assert sum(article["shares"].values()) == pytest.approx(1.0)
        assert -1 <= article["score"] <= 1


def test_actor_never_mentioned_is_said_so():
    result = invoke("actors", "--actor", "Angela Merkel")
    assert result.exit_code == 1
    assert "actor 'Angela Merkel' is not mentioned; the most mentioned are: Nicolás Maduro" in (
        result.stderr
    )


def test_actor_list_takes_precedence_and_bad_file_is_reported(tmp_path):
    listed = write(tmp_path / "actors.yaml", "Russian government: [Russia, Moscow, the Kremlin]\n")
    document = json.loads(invoke("actors", "--actors", listed, "--json").stdout)
    names = {a["actor"] for a in document["actors"]}
    assert "Russian government" in names and "Russia" not in names
    broken = write(tmp_path / "broken.toml", '"Maduro" = ["x"\n"Putin" = 3\n')
    result = invoke("actors", "--actors", broken)
    assert result.exit_code == 1
    assert f"Error: {broken}:2: not valid TOML" in result.stderr


def test_compare_shows_the_actor_tables():
    table = invoke("compare").stdout
    assert "Sentiment toward actors" in table
    assert "How outlets name the main actors" in table
    document = json.loads(invoke("compare", "--json").stdout)
    assert document["actors"][0]["actor"] == "Nicolás Maduro"
