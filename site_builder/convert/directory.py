"""The people a case already knows: names, aliases and epithets from ``people.yaml``.

In: the entries of ``people.yaml`` (and, for a second look, full names other
articles gave). Out: :class:`Directory`, which finds a listed person or
organisation by any name they go by — exact alias, or first and last name
ignoring middle initials — but only when exactly one matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import GENERATIONAL_SUFFIXES


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
    principals: tuple[str, ...] = ()  # the full names case.yaml's summary gives: people, whatever their words look like
    # When set, every question asked and the answer given ((kind, name) -> answer): convert asks them again
    # of the people its run added, to recognise an article as a second run would (see convert's passes).
    log: dict[tuple[str, str], object] | None = None

    def __post_init__(self) -> None:
        self.by_alias: dict[str, set[str]] = {}
        self.by_token: dict[str, list[KnownPerson]] = {}  # each part of a person's name -> the people, in order
        for person in self.people:
            for alias in [person.name, *person.aliases]:
                self.by_alias.setdefault(norm_name(alias), set()).add(person.id)
            parts = name_parts(person.name)
            if person.kind == "person" and len(parts) >= 2:
                self.by_alias.setdefault(norm_name(f"{parts[0]} {parts[-1]}"), set()).add(person.id)
            if person.kind == "person":
                for part in dict.fromkeys(parts):
                    self.by_token.setdefault(part, []).append(person)

    def lookup(self, name: str) -> str | None:
        ids = self.by_alias.get(norm_name(name), set())
        found = next(iter(ids)) if len(ids) == 1 else None
        if self.log is not None:
            self.log[("name", name)] = found
        return found

    def by_part(self, token: str) -> list[KnownPerson]:
        if " " in token:  # a surname with its particles: "de la Vega"
            found = [p for p in self.people if p.kind == "person" and p.name.endswith(" " + token)]
        else:
            found = list(self.by_token.get(token, ()))
        if self.log is not None:  # what recognition makes of it: the one person of that name, or nobody
            self.log[("part", token)] = found[0].id if len(found) == 1 else None
        return found

    def hint(self, token: str) -> str | None:
        """The full name another article of the run gives ``token`` (a bare surname), if exactly one does."""
        found = self.hints.get(token)
        if self.log is not None:
            self.log[("hint", token)] = found
        return found

    @contextmanager
    def noting(self, log: dict[tuple[str, str], object] | None) -> Iterator[None]:
        """Note the questions asked meanwhile in ``log`` (None: note none); :attr:`log` is restored afterwards."""
        saved, self.log = self.log, log
        try:
            yield
        finally:
            self.log = saved

    def answer(self, kind: str, name: str) -> object:
        """The answer to a question of :attr:`log`, as this directory gives it now (without noting it)."""
        with self.noting(None):
            if kind == "name":
                return self.lookup(name)
            if kind == "part":
                found = self.by_part(name)
                return found[0].id if len(found) == 1 else None
            return self.hints.get(name)

    def changed_answers(self, log: dict[tuple[str, str], object]) -> list[tuple[str, str, object, object]]:
        """The questions of ``log`` this directory answers otherwise: (kind, name, answer then, answer now)."""
        changed = []
        for (kind, name), then in log.items():
            now = self.answer(kind, name)
            if now != then:
                changed.append((kind, name, then, now))
        return changed


@lru_cache(maxsize=8192)
def norm_name(name: str) -> str:
    name = name.replace("’", "'").lower()
    return " ".join(re.sub(r"\b[a-z]\.\s*", "", name).split())


@lru_cache(maxsize=4096)
def name_parts(name: str) -> tuple[str, ...]:
    """The words of a person's name without middle initials and generational suffixes: "John J. Ray III" → (John, Ray)."""
    return tuple(w for w in name.split() if not (len(w) == 2 and w[0].isupper() and w[1] == ".") and w not in GENERATIONAL_SUFFIXES)
