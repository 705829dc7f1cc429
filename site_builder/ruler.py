"""Named rules: a stage is an ordered list of small functions that share one signature.

In the manner of markdown-it-py's ``Ruler``: a :class:`Ruler` holds ``(name, function)`` pairs in the order
they are tried; a rule can be switched off by name (to test a stage without it, or to see what it adds), and
the name of the rule that made an item is recorded on the item, so that ``site-builder convert --explain``
can say why the converter drafted it.

A rule takes the stage's state object and returns True when it has *handled* the case (made an item, or
decided that nothing is to be made of it): the next rules are then not tried. It returns False to pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

State = TypeVar("State")

Rule = Callable[[State], bool]


@dataclass
class Ruler(Generic[State]):
    """An ordered list of named rules of one stage; ``disabled`` holds the names switched off.

    :meth:`run` tries the rules until one handles the case; :meth:`run_all` runs every rule in turn (the rules
    are then the stage's components, each adding to the state, in the manner of spaCy's pipeline)."""

    stage: str
    rules: list[tuple[str, Rule[State]]] = field(default_factory=list)
    disabled: set[str] = field(default_factory=set)

    def push(self, name: str, rule: Rule[State]) -> None:
        """Add ``rule`` last, under ``name`` (a name is given once per stage)."""
        if name in self.names():
            raise ValueError(f"{self.stage}: a rule named {name!r} is already there")
        self.rules.append((name, rule))

    def names(self) -> list[str]:
        """The rules' names in the order they are tried."""
        return [name for name, _ in self.rules]

    def disable(self, names: Iterable[str]) -> None:
        """Switch the named rules off; an unknown name is an error (a typo would silently test nothing)."""
        unknown = sorted(set(names) - set(self.names()))
        if unknown:
            raise ValueError(f"{self.stage}: no rule named {', '.join(unknown)}")
        self.disabled.update(names)

    def enable(self, names: Iterable[str]) -> None:
        """Switch the named rules on again."""
        self.disabled.difference_update(names)

    def active(self) -> list[tuple[str, Rule[State]]]:
        """The rules switched on, in order (the list itself when none is off: a stage runs its rules per sentence)."""
        if not self.disabled:
            return self.rules
        return [(name, rule) for name, rule in self.rules if name not in self.disabled]

    def run(self, state: State) -> str | None:
        """Try the active rules in order on ``state``; the name of the one that handled it, or None."""
        for name, rule in self.active():
            if rule(state):
                return name
        return None

    def run_all(self, state: State) -> None:
        """Run every active rule on ``state``, in order, whatever each returns."""
        for _, rule in self.active():
            rule(state)
