"""Linking a last name to the one full name of the corpus."""

from __future__ import annotations

from framing.actors.resolve import merge_map


def test_last_name_links_to_the_only_person_with_it():
    kinds = {
        "nicolas maduro": "person",
        "maduro": "person",
        "putin": "other",
        "vladimir putin": "person",
        "russia": "country",
    }
    assert merge_map(kinds) == {
        "nicolas maduro": "nicolas maduro",
        "maduro": "nicolas maduro",
        "putin": "vladimir putin",
        "vladimir putin": "vladimir putin",
        "russia": "russia",
    }


def test_shared_last_name_stays_unresolved_and_countries_never_merge():
    kinds = {
        "george bush": "person",
        "jeb bush": "person",
        "bush": "person",
        "georgia": "country",
        "state georgia": "person",
    }
    mapping = merge_map(kinds)
    assert mapping["bush"] == "bush"
    assert mapping["georgia"] == "georgia"
