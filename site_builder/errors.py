"""The one error hierarchy.

Library code raises these; only the CLI turns them into messages and exit
codes. A :class:`Problem` is one addressed complaint about the input
(``file:line: field.path: what is wrong``); :class:`ContentErrors` carries
all of them at once so a user fixes everything in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, with its address."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return text.replace("\r", "\\r").replace("\n", "\\n")  # one problem, one line (keys and values may hold line breaks)


class SiteBuilderError(Exception):
    """Base class of every error site-builder reports to a user."""


class ContentErrors(SiteBuilderError):
    """The content did not validate; ``problems`` lists every reason, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.field, p.message))
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in content")

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(str(self))
        return "\n".join(lines)


class RenderError(SiteBuilderError):
    """A template failed: names the template, its line and the page being rendered."""


class OutputError(SiteBuilderError):
    """Output could not be written safely (collision, path escaping the output folder, I/O)."""


class ServeError(SiteBuilderError):
    """The preview server cannot start (port in use, missing content folder)."""
