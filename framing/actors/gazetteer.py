"""Word lists the actor finder relies on, shipped in ``framing/data`` (see each file's header)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

__all__ = [
    "Country",
    "actor_key",
    "countries",
    "nationalities",
    "place_names",
    "places",
    "titles",
]


@dataclass(frozen=True)
class Country:
    """A country, the other names news uses for it, and its adjective."""

    name: str
    aliases: tuple[str, ...]
    demonym: str


@lru_cache(maxsize=2**15)
def actor_key(name: str) -> str:
    """The key that identifies an actor across spellings: accents removed, case folded.

    Remembered for the last few thousand names: the actor finder asks for the key of every
    capitalised word it reads, and a corpus repeats its names.
    """
    if name.isascii():  # nothing to decompose, no accent, no ’: the same key, sooner
        return " ".join(name.casefold().split())
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").casefold().split())


def _lines(name: str) -> list[str]:
    text = (files("framing") / "data" / name).read_text(encoding="utf-8")
    return [
        line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Countries with their aliases and demonyms (``countries.tsv``)."""
    found = []
    for line in _lines("countries.tsv"):
        name, aliases, demonym = [*line.split("\t"), "", ""][:3]
        found.append(
            Country(
                name.strip(),
                tuple(a.strip() for a in aliases.split("|") if a.strip()),
                demonym.strip(),
            )
        )
    return tuple(found)


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """Place names that are not actors by themselves, as written (``places.txt``)."""
    return tuple(line.strip() for line in _lines("places.txt"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Keys of `place_names`."""
    return frozenset(actor_key(name) for name in place_names())


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Keys of titles and roles that precede names, without final periods (``titles.txt``)."""
    return frozenset(actor_key(line).rstrip(".") for line in _lines("titles.txt"))


@lru_cache(maxsize=1)
def nationalities() -> frozenset[str]:
    """Keys of nationality adjectives (``nationalities.txt`` and the countries' demonyms)."""
    listed = {actor_key(line) for line in _lines("nationalities.txt")}
    return frozenset(listed | {actor_key(c.demonym) for c in countries() if c.demonym})
