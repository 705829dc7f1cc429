"""What the converter has proposed before, so that a draft an editor deleted is not proposed again.

In: ``content/convert-ledger.txt`` (or nothing, before the first run). Out:
:class:`Ledger` — which proposals earlier runs made (and the id of the item
each went into), the proposals of this run, and the file's new text.

A *proposal* is one draft item drawn from one sentence of one source: its
section, its source id and a fingerprint of the sentence (plus what tells
apart two items drawn from one sentence: an event's date, a quote's words).
The file holds one line per proposal, sorted, so that it diffs and merges
well under version control::

    <source id> <section> <item id when proposed> <fingerprint> [<why>]

``<why>``, the rest of the line, is the rule trail that proposed the draft (as
``convert --explain`` prints it, trails joined by ``; ``). Only proposals made
since it was recorded have one: older lines without it stay as they are.

``build`` and ``check`` never read it (they read only ``case.yaml``,
``people.yaml``, ``sources.yaml`` and ``entries/*.yaml``). Deleting a line
has that draft proposed again on the next run; deleting the file, all of them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..content.model import ITEM_LISTS
from .docs import MergeError

FILE = "convert-ledger.txt"
HEADER = (
    "# site-builder convert: every draft it has proposed, so that a draft deleted from entries/ is not proposed again.\n"
    "# One line per proposal: source id, section, the item's id when proposed, fingerprint of the cited sentence.\n"
    "# Delete a line to have that draft proposed again on the next run; delete this file to have all of them back.\n"
)

Key = tuple[str, str, str]  # (section, source id, fingerprint)


def fingerprint(sentence: str, extra: str = "") -> str:
    """A short stable digest of a normalised sentence (and what tells apart items drawn from it)."""
    return hashlib.sha256(f"{sentence}\x1f{extra}".encode()).hexdigest()[:16]


@dataclass
class Ledger:
    path: Path
    original: str | None
    before: dict[Key, str] = field(default_factory=dict)  # proposals of earlier runs -> item id when proposed
    added: dict[Key, str] = field(default_factory=dict)  # proposals first made (or first found in the content) in this run
    settled: bool = False  # proposals of an earlier pass of this run were moved to ``before`` (see :meth:`settle`)
    why: dict[Key, str] = field(default_factory=dict)  # the rule trail that proposed it, when one was recorded

    def proposed_before(self, key: Key) -> str | None:
        """The item id an earlier run proposed ``key`` as (``None`` if it never did)."""
        return self.before.get(key)

    def record(self, key: Key, item_id: str, rules: list[str] | None = None) -> None:
        """Note that ``key`` was proposed as ``item_id`` (if no run noted it before); ``rules``: the trail that
        proposed a new draft, kept on its line. A proposal already noted keeps its line, trail or not."""
        if key not in self.before and key not in self.added:
            self.added[key] = item_id
            trail = why_text(rules or [])
            if trail:
                self.why[key] = trail

    def settle(self) -> None:
        """Count this run's proposals so far as an earlier run's (the converter's next pass over the articles)."""
        if self.added:
            self.before.update(self.added)
            self.added = {}
            self.settled = True

    @property
    def changed(self) -> bool:
        return bool(self.added) or self.settled

    def dump(self) -> str:
        rows = sorted((source, section, item_id, fp, self.why.get((section, source, fp), ""))
                      for (section, source, fp), item_id in {**self.before, **self.added}.items())
        return HEADER + "".join(" ".join(row if row[-1] else row[:-1]) + "\n" for row in rows)

    def trails(self) -> dict[tuple[str, str], str]:
        """(section, item id when proposed) -> the rule trails recorded for it (one per proposal, joined by ``; ``)."""
        out: dict[tuple[str, str], list[str]] = {}
        for key, item_id in sorted({**self.before, **self.added}.items()):
            trail = self.why.get(key)
            if trail and trail not in out.setdefault((key[0], item_id), []):
                out[(key[0], item_id)].append(trail)
        return {k: "; ".join(v) for k, v in out.items() if v}


def why_text(rules: list[str]) -> str:
    """The rule trails as one line's last field: trails joined by ``; ``, any run of white space made one space
    (a line break would split the ledger's line)."""
    return "; ".join(t for t in (" ".join(r.split()) for r in rules) if t)


def load_ledger(path: Path) -> Ledger:
    """The ledger at ``path`` (empty if there is none); MergeError naming the line for a line it cannot read."""
    if not path.exists():
        return Ledger(path, None)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MergeError(f"{path}: cannot read the converter's ledger: {exc}") from None
    return parse_ledger(path, text)


def parse_ledger(path: Path, text: str) -> Ledger:
    """The ledger whose file text is ``text`` (``path`` names it in errors); MergeError for a line it cannot read."""
    ledger = Ledger(path, text)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split(maxsplit=4)
        if len(parts) < 4 or parts[1] not in ITEM_LISTS:
            raise MergeError(f"{path}:{n}: expected '<source id> <events|claims|quotes> <item id> <fingerprint> [<why>]', found {line.strip()!r} "
                             "(delete the line, or the file, to start afresh)")
        source, section, item_id, fp = parts[:4]
        key = (section, source, fp)
        if key not in ledger.before:
            ledger.before[key] = item_id
            if len(parts) == 5 and parts[4].strip():
                ledger.why[key] = " ".join(parts[4].split())
    return ledger
