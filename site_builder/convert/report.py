"""The convert report, for people (text) and for tools (``--json``).

In: what each stage found. Out: per source what was taken (counts, and the
ids of the items it went into: new, given a citation, already there, or
withheld because an editor deleted it), per topic counts, new people,
unresolved names, quotes whose speaker is not yet identified,
claims in an outlet's own voice left out because people.yaml does not list
the outlet, flagged language, date conflicts, per-file errors and the files
written (or, with ``--dry-run``, the diff).
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..content.model import ITEM_LISTS

WIDTH = 120
MARKS = {"new": "+", "cited": "*"}  # how an id is marked in the text report; unmarked: already in the content


@dataclass
class SourceReport:
    file: str
    source: str
    title: str
    published: str
    events: int
    claims: int
    quotes: int
    people: int
    notes: list[str] = field(default_factory=list)
    publisher: str = ""
    # by id, per section ("events", "claims", "quotes", "people"), in the article's order:
    ids: dict[str, list[str]] = field(default_factory=dict)  # every item the article's material is in
    new: dict[str, list[str]] = field(default_factory=dict)  # of those, the items made in this run
    cited: dict[str, list[str]] = field(default_factory=dict)  # of those, drafts this run added the article's citation to
    withheld: dict[str, list[str]] = field(default_factory=dict)  # deleted by an editor, not proposed again (ids as proposed)

    def lines(self) -> list[str]:
        """One wrapped line per section listing the ids, marked + new or * cited; then the withheld ones."""
        out = []
        for section in (*ITEM_LISTS, "people"):
            marked = [MARKS.get(self._how(section, i), "") + i for i in self.ids.get(section, [])]
            out.extend(_wrap(f"      {section}: ", marked))
        withheld = [i for section in ITEM_LISTS for i in self.withheld.get(section, [])]
        out.extend(_wrap("      not proposed again (deleted since proposed): ", withheld))
        return out

    def _how(self, section: str, item_id: str) -> str:
        return "new" if item_id in self.new.get(section, []) else "cited" if item_id in self.cited.get(section, []) else "known"


def _s(count: int) -> str:
    """The plural ending for ``count`` things."""
    return "s" if count != 1 else ""


def _wrap(head: str, ids: list[str]) -> list[str]:
    if not ids:
        return []
    return textwrap.wrap(", ".join(ids), WIDTH, initial_indent=head, subsequent_indent=" " * len(head),
                         break_long_words=False, break_on_hyphens=False)


@dataclass
class ItemRules:
    """Why the converter drafted one item: the rules that made it from one article (``--explain``)."""

    file: str  # the article's file name
    section: str  # people | events | claims | quotes
    id: str  # the item its draft went into
    how: str  # new | cited | known | withheld (as in :class:`~.merge.Placed`)
    rules: list[str]  # per rule trail, the outermost rule first ("quotes.verb-after-quotation > attribution.…")
    speaker: str | None = None  # a quote's speaker, a claim's attributed_to: what an editor asks "why?" about

    def line(self) -> str:
        speaker = f" speaker {self.speaker}" if self.speaker else ""
        return f"    {self.section} {MARKS.get(self.how, '')}{self.id}{speaker}: {'; '.join(self.rules) or '(no rule recorded)'}"


@dataclass
class Report:
    sources: list[SourceReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    per_topic: dict[str, dict[str, int]] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    citations_added: int = 0
    reviewed_untouched: int = 0
    withheld: int = 0  # drafts proposed by an earlier run and deleted since by an editor: not proposed again
    ledger: str = ""  # the file that records what was proposed
    new_people: list[dict[str, str]] = field(default_factory=list)
    unresolved: dict[str, list[str]] = field(default_factory=dict)  # name -> files
    unattributed: dict[str, list[str]] = field(default_factory=dict)  # file -> quotes kept with the speaker 'unknown'
    outlet_voice: dict[str, int] = field(default_factory=dict)  # file -> sentences in its outlet's voice left out (outlet not listed)
    flagged: dict[str, int] = field(default_factory=dict)  # loaded word -> count
    evaluative: dict[str, int] = field(default_factory=dict)  # evaluative word in a drafted claim, not a loaded word -> count
    date_conflicts: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    dry_run: bool = False
    diff: str = ""
    explained: list[ItemRules] = field(default_factory=list)  # per item drafted, its rules: reported only with --explain

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def to_json(self, explain: bool = False) -> str:
        """The report as JSON; ``explain``: with the rules behind each item (``explained``)."""
        data: dict[str, Any] = asdict(self)
        if not self.dry_run:
            data.pop("diff")
        if not explain:
            data.pop("explained")
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)

    def to_text(self) -> str:
        """The report for people: the articles read and what each gave, then the run's totals, what an editor
        should look at (unresolved names, unattributed quotes, outlet voice, flagged words, date conflicts), and the
        files written or, in a dry run, that would be."""
        return "\n".join([*self._article_lines(), *self._total_lines(), *self._attention_lines(), *self._file_lines()])

    def _article_lines(self) -> list[str]:
        """How many articles were read; per article its counts, item ids and notes; then the errors."""
        lines = [f"convert: {len(self.sources)} article{_s(len(self.sources))} read" + (f", {len(self.errors)} failed" if self.errors else "")]
        for s in self.sources:
            lines.append(f"  {s.file} → {s.source} ({s.published}): {s.events} events, {s.claims} claims, {s.quotes} quotes, {s.people} people")
            lines.extend(s.lines())
            lines.extend(f"      note: {n}" for n in s.notes)
        if any(s.ids.get(section) for s in self.sources for section in s.ids):
            lines.append("  (+ new, * citation added to an existing draft, unmarked: already in the content)")
        lines.extend(f"  error: {e}" for e in self.errors)
        return lines

    def _total_lines(self) -> list[str]:
        """New items per topic, new people and sources, and the drafts withheld because an editor deleted them."""
        lines = ["new items per topic:"]
        if not self.per_topic:
            lines.append("  (none)")
        for topic, counts in sorted(self.per_topic.items()):
            lines.append(f"  {topic}: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
        extra = f"; {self.citations_added} citations added to existing drafts" if self.citations_added else ""
        reviewed = f"; {self.reviewed_untouched} matches with reviewed items left untouched" if self.reviewed_untouched else ""
        lines.append(f"new people: {len(self.new_people)}, new sources: {self.added.get('sources', 0)}{extra}{reviewed}")
        lines.extend(f"  {p['id']}: {p['name']} — {p['role']} ({p['group']})" for p in self.new_people)
        if self.withheld:
            lines.append(f"{self.withheld} draft{_s(self.withheld)} proposed before and since deleted "
                         f"{'were' if self.withheld != 1 else 'was'} not proposed again "
                         f"(to get one back, delete its line in {self.ledger}; to get all back, delete that file)")
        return lines

    def _attention_lines(self) -> list[str]:
        """What an editor should look at: names not added, quotes without a speaker, claims left out because their
        outlet is not listed, loaded words, date conflicts (each section only when it has something)."""
        lines: list[str] = []
        if self.unresolved:
            lines.append("unresolved names (not added; add them to people.yaml if they matter):")
            lines.extend(f"  {name} ({', '.join(files)})" for name, files in sorted(self.unresolved.items()))
        if self.unattributed:
            lines.append("quotes whose speaker is not yet identified (drafts with `speaker: unknown`; name the speaker before reviewing):")
            lines.extend(f"  {file}: {quote}" for file, quotes in self.unattributed.items() for quote in quotes)
        if self.outlet_voice:
            lines.append("claims in an outlet's own voice left out: the outlet is not in people.yaml "
                         "(list it there, as an organisation, to have them drafted as its claims):")
            publishers = {Path(s.file).name: s.publisher for s in self.sources}
            lines.extend(f"  {file}: {n} ({publishers.get(file, '?')})" for file, n in self.outlet_voice.items())
        if self.flagged:
            lines.append("flagged language (kept out of the site's own voice):")
            lines.append("  " + ", ".join(f"{w} ×{n}" for w, n in sorted(self.flagged.items(), key=lambda kv: (-kv[1], kv[0]))))
        if self.evaluative:
            lines.append("evaluative wording in drafted claims (not in loaded_words; reword, or add to case.yaml's loaded_words):")
            lines.append("  " + ", ".join(f"{w} ×{n}" for w, n in sorted(self.evaluative.items(), key=lambda kv: (-kv[1], kv[0]))))
        if self.date_conflicts:
            lines.append("date conflicts:")
            lines.extend(f"  {c}" for c in self.date_conflicts)
        return lines

    def _file_lines(self) -> list[str]:
        """The files written (or, in a dry run, the files that would change and the diff)."""
        count = f"{len(self.files)} file{_s(len(self.files))}"
        if self.dry_run:
            lines = [f"dry run: {count} would change, nothing written", *(f"  {f}" for f in self.files)]
            return lines + ([self.diff.rstrip("\n")] if self.diff else [])
        return [f"wrote {count}" + (":" if self.files else " (no changes)"), *(f"  {f}" for f in self.files)]

    def explain_text(self) -> str:
        """Per article, per item drafted from it, the rules that made it (the text of ``--explain``)."""
        lines = ["why each item was drafted (the converter's rules, outermost first):"]
        file = None
        for item in self.explained:
            if item.file != file:
                file = item.file
                lines.append(f"  {file}:")
            lines.append(item.line())
        if not self.explained:
            lines.append("  (no items)")
        return "\n".join(lines)
