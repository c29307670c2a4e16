"""The user's actor file: TOML or YAML, aliases as a list or a table, clear errors."""

from __future__ import annotations

import pytest

from framing.actors.actor_list import ActorListError, load_actor_list
from tests.conftest import write

TOML = """
"Nicolás Maduro" = ["Maduro", "Nicolas Maduro", "the Venezuelan leader"]
"United States" = { aliases = ["US", "Washington"], type = "country" }
"""
YAML = """
Nicolás Maduro: [Maduro, Nicolas Maduro, the Venezuelan leader]
United States:
  aliases: [US, Washington]
  type: country
"""


@pytest.mark.parametrize(("name", "text"), [("actors.toml", TOML), ("actors.yaml", YAML)])
def test_both_formats_give_the_same_actors(tmp_path, name, text):
    actors = load_actor_list(write(tmp_path / name, text))
    assert [(a.name, a.aliases, a.type) for a in actors.actors] == [
        ("Nicolás Maduro", ("Maduro", "Nicolas Maduro", "the Venezuelan leader"), "other"),
        ("United States", ("US", "Washington"), "country"),
    ]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.toml", '"Maduro" = ["x"\n"Putin" = 3\n', r"a\.toml:2: not valid TOML"),
        ("a.yaml", "Maduro: [x, y\nPutin: z\n", r"a\.yaml:\d: not valid YAML"),
        ("a.toml", '"Maduro" = [1, 2]\n', "the aliases of 'Maduro' must be a list of names"),
        ("a.yaml", "Maduro: {aliases: [x], kind: person}\n", "unknown key 'kind'"),
        ("a.yaml", "Maduro: {type: villain}\n", "has type 'villain'; use one of"),
        ("a.yaml", "Maduro: [Caracas]\nVenezuela: [Caracas]\n", "'Caracas' is given for both"),
        ("a.json", "{}", "must end in .toml, .yaml or .yml"),
    ],
)
def test_bad_files_say_where_and_why(tmp_path, name, text, message):
    with pytest.raises(ActorListError, match=message):
        load_actor_list(write(tmp_path / name, text))
