"""A researcher's own actor list: names and aliases, in TOML or YAML, that take precedence.

Either format maps an actor's name to its aliases, as a list or as a table::

    # actors.toml
    "Nicolás Maduro" = ["Maduro", "Nicolas Maduro", "the Venezuelan leader"]
    "United States" = { aliases = ["US", "Washington", "the White House"], type = "country" }

    # actors.yaml
    Nicolás Maduro: [Maduro, Nicolas Maduro, the Venezuelan leader]
    United States:
      aliases: [US, Washington, the White House]
      type: country
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import yaml

__all__ = ["ActorList", "ActorListError", "ListedActor", "load_actor_list"]

ACTOR_TYPES = ("person", "organisation", "country", "group", "other")


class ActorListError(ValueError):
    """An actor file that cannot be used: names the file, the line where known, and why."""


@dataclass(frozen=True)
class ListedActor:
    """One actor of the list: its name, the other ways it is written, and its type."""

    name: str
    aliases: tuple[str, ...]
    type: str = "other"

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the actor is written: its name first, then its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class ActorList:
    """The user's actors; each written form belongs to exactly one actor."""

    actors: tuple[ListedActor, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.actors)


def load_actor_list(path: str | os.PathLike[str]) -> ActorList:
    """Read an actor file (``.toml``, ``.yaml`` or ``.yml``).

    Raises
    ------
    ActorListError
        If the file cannot be read or parsed (with its line), or an entry is malformed, or two
        actors claim the same form.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ActorListError(f"{path}: cannot read the actor file ({error})") from None
    suffix = path.suffix.lower()
    if suffix == ".toml":
        document = _parse_toml(text, path)
    elif suffix in (".yaml", ".yml"):
        document = _parse_yaml(text, path)
    else:
        raise ActorListError(f"{path}: an actor file must end in .toml, .yaml or .yml")
    return ActorList(_actors(document, path), str(path))


def _parse_toml(text: str, path: Path) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        located = re.search(r"\(at line (\d+)", str(error))
        where = f"{path}:{located.group(1)}" if located else str(path)
        reason = str(error).split(" (at line")[0]
        raise ActorListError(f"{where}: not valid TOML ({reason})") from None


def _parse_yaml(text: str, path: Path) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        reason = getattr(error, "problem", None) or str(error)
        raise ActorListError(f"{where}: not valid YAML ({reason})") from None


def _actors(document: Any, path: Path) -> tuple[ListedActor, ...]:
    if document is None:
        document = {}
    if not isinstance(document, Mapping):
        raise ActorListError(f"{path}: expected actor names mapped to their aliases")
    actors: list[ListedActor] = []
    owner: dict[str, str] = {}
    for name, entry in document.items():
        name = str(name).strip()
        aliases, kind = _entry(entry, name, path)
        actor = ListedActor(name, aliases, kind)
        for form in actor.forms:
            key = form.casefold()
            if key in owner and owner[key] != name:
                raise ActorListError(
                    f"{path}: {form!r} is given for both {owner[key]!r} and {name!r}; "
                    "a name or alias may belong to one actor only"
                )
            owner[key] = name
        actors.append(actor)
    return tuple(actors)


def _entry(entry: Any, name: str, path: Path) -> tuple[tuple[str, ...], str]:
    kind = "other"
    if isinstance(entry, Mapping):
        unknown = sorted(set(entry) - {"aliases", "type"})
        if unknown:
            raise ActorListError(
                f"{path}: actor {name!r} has unknown key {unknown[0]!r}; use aliases and type"
            )
        kind = str(entry.get("type", "other"))
        if kind not in ACTOR_TYPES:
            raise ActorListError(
                f"{path}: actor {name!r} has type {kind!r}; use one of {', '.join(ACTOR_TYPES)}"
            )
        entry = entry.get("aliases", [])
    if entry is None:
        entry = []
    if isinstance(entry, str):
        entry = [entry]
    if not isinstance(entry, list) or not all(isinstance(a, str) and a.strip() for a in entry):
        raise ActorListError(f"{path}: the aliases of {name!r} must be a list of names")
    return tuple(a.strip() for a in entry), kind
