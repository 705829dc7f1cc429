"""The people a case already knows: names, aliases and epithets from ``people.yaml``.

In: the entries of ``people.yaml`` (and, for a second look, full names other
articles gave). Out: :class:`Directory`, which finds a listed person or
organisation by any name they go by — exact alias, or first and last name
ignoring middle initials — but only when exactly one matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class KnownPerson:
    id: str
    name: str
    kind: str
    aliases: list[str]


@dataclass
class Directory:
    """People already in people.yaml, indexed by every name they go by."""

    people: list[KnownPerson] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)  # single name -> full name seen in another article

    def __post_init__(self) -> None:
        self.by_alias: dict[str, set[str]] = {}
        for person in self.people:
            for alias in [person.name, *person.aliases]:
                self.by_alias.setdefault(norm_name(alias), set()).add(person.id)
            parts = name_parts(person.name)
            if person.kind == "person" and len(parts) >= 2:
                self.by_alias.setdefault(norm_name(f"{parts[0]} {parts[-1]}"), set()).add(person.id)

    def lookup(self, name: str) -> str | None:
        ids = self.by_alias.get(norm_name(name), set())
        return next(iter(ids)) if len(ids) == 1 else None

    def by_part(self, token: str) -> list[KnownPerson]:
        if " " in token:  # a surname with its particles: "de la Vega"
            return [p for p in self.people if p.kind == "person" and p.name.endswith(" " + token)]
        return [p for p in self.people if p.kind == "person" and token in name_parts(p.name)]


@lru_cache(maxsize=8192)
def norm_name(name: str) -> str:
    name = name.replace("’", "'").lower()
    return " ".join(re.sub(r"\b[a-z]\.\s*", "", name).split())


@lru_cache(maxsize=4096)
def name_parts(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.split() if not (len(w) == 2 and w[0].isupper() and w[1] == "."))
