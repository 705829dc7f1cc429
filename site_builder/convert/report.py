"""The convert report, for people (text) and for tools (``--json``).

In: what each stage found. Out: per source what was taken, per topic
counts, new people, unresolved names, flagged language, date conflicts,
per-file errors and the files written (or, with ``--dry-run``, the diff).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


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


@dataclass
class Report:
    sources: list[SourceReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    per_topic: dict[str, dict[str, int]] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    citations_added: int = 0
    reviewed_untouched: int = 0
    new_people: list[dict[str, str]] = field(default_factory=list)
    unresolved: dict[str, list[str]] = field(default_factory=dict)  # name -> files
    flagged: dict[str, int] = field(default_factory=dict)  # loaded word -> count
    date_conflicts: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    dry_run: bool = False
    diff: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def to_json(self) -> str:
        data: dict[str, Any] = asdict(self)
        if not self.dry_run:
            data.pop("diff")
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)

    def to_text(self) -> str:
        lines = [f"convert: {len(self.sources)} article{'s' if len(self.sources) != 1 else ''} read"
                 + (f", {len(self.errors)} failed" if self.errors else "")]
        for s in self.sources:
            lines.append(f"  {s.file} → {s.source} ({s.published}): {s.events} events, {s.claims} claims, {s.quotes} quotes, {s.people} people")
            lines.extend(f"      note: {n}" for n in s.notes)
        for e in self.errors:
            lines.append(f"  error: {e}")
        lines.append("new items per topic:")
        if not self.per_topic:
            lines.append("  (none)")
        for topic, counts in sorted(self.per_topic.items()):
            lines.append(f"  {topic}: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
        extra = f"; {self.citations_added} citations added to existing drafts" if self.citations_added else ""
        reviewed = f"; {self.reviewed_untouched} matches with reviewed items left untouched" if self.reviewed_untouched else ""
        lines.append(f"new people: {len(self.new_people)}, new sources: {self.added.get('sources', 0)}{extra}{reviewed}")
        for p in self.new_people:
            lines.append(f"  {p['id']}: {p['name']} — {p['role']} ({p['group']})")
        if self.unresolved:
            lines.append("unresolved names (not added; add them to people.yaml if they matter):")
            lines.extend(f"  {name} ({', '.join(files)})" for name, files in sorted(self.unresolved.items()))
        if self.flagged:
            lines.append("flagged language (kept out of the site's own voice):")
            lines.append("  " + ", ".join(f"{w} ×{n}" for w, n in sorted(self.flagged.items(), key=lambda kv: (-kv[1], kv[0]))))
        if self.date_conflicts:
            lines.append("date conflicts:")
            lines.extend(f"  {c}" for c in self.date_conflicts)
        if self.dry_run:
            lines.append(f"dry run: {len(self.files)} file{'s' if len(self.files) != 1 else ''} would change, nothing written")
            lines.extend(f"  {f}" for f in self.files)
            if self.diff:
                lines.append(self.diff.rstrip("\n"))
        else:
            lines.append(f"wrote {len(self.files)} file{'s' if len(self.files) != 1 else ''}" + (":" if self.files else " (no changes)"))
            lines.extend(f"  {f}" for f in self.files)
        return "\n".join(lines)
