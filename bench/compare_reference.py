"""How close is `convert` on seeds/ to the hand-reviewed example content?

Usage: python bench/compare_reference.py [--content content/] [--seeds seeds/]

Converts the seeds into an empty content folder (using the reference case.yaml) and compares
with the reference content: people found/missed/extra (by name or alias), per topic how many
reference events/quotes have a converted counterpart (same source sentence; events also the same
date), and dates that disagree. Then converts into a copy of the reference itself and counts what
the converter would add to it (new drafts next to the reviewed items).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_builder.convert import convert  # noqa: E402


def _load(content: Path) -> dict[str, Any]:
    return {
        "people": yaml.safe_load((content / "people.yaml").read_text(encoding="utf-8"))["people"],
        "sources": yaml.safe_load((content / "sources.yaml").read_text(encoding="utf-8"))["sources"],
        "entries": {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((content / "entries").glob("*.yaml"))},
    }


def _n(text: str) -> str:
    return " ".join(str(text).replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def _cites(item: dict[str, Any], files: dict[str, str]) -> set[tuple[str, str]]:
    return {(files.get(c["source"], c["source"]), _n(c["quote"])) for c in item.get("citations") or []}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args(argv)
    ref = _load(args.content)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "project" / "content"
        fresh.mkdir(parents=True)
        shutil.copy(args.content / "case.yaml", fresh / "case.yaml")
        shutil.copytree(args.seeds, Path(tmp) / "project" / "seeds")
        convert([Path(tmp) / "project" / "seeds"], fresh)
        got = _load(fresh)
        merged = Path(tmp) / "merged"
        shutil.copytree(args.content, merged / "content")
        shutil.copytree(args.seeds, merged / "seeds")
        report = convert([merged / "seeds"], merged / "content")
    ref_files = {s["id"]: Path(str(s.get("file", ""))).name for s in ref["sources"]}
    got_files = {s["id"]: Path(str(s.get("file", ""))).name for s in got["sources"]}

    def names(p: dict[str, Any]) -> set[str]:
        return {_n(p["name"]), *(_n(a) for a in p.get("aliases") or [])}

    ref_people = [p for p in ref["people"] if p.get("kind", "person") == "person"]
    got_people = [p for p in got["people"] if p.get("kind", "person") == "person"]
    found = [p["name"] for p in ref_people if any(names(p) & names(g) for g in got_people)]
    missed = [p["name"] for p in ref_people if p["name"] not in found]
    extra = [g["name"] for g in got_people if not any(names(p) & names(g) for p in ref_people)]
    print(f"people: {len(found)}/{len(ref_people)} reference persons found; missed: {missed or '-'}; extra: {extra or '-'}")
    groups = {p["name"]: p["group"] for p in ref_people}
    wrong_group = [f"{g['name']} ({g['group']}, reference {groups[g['name']]})" for g in got_people if g["name"] in groups and groups[g["name"]] != g["group"]]
    print(f"  groups differing: {wrong_group or '-'}")
    for topic, entry in ref["entries"].items():
        mine = got["entries"].get(topic, {})
        line = [f"{topic}:"]
        for section in ("events", "claims", "quotes"):
            theirs = entry.get(section) or []
            ours = [i for e in got["entries"].values() for i in e.get(section) or []]
            matched = 0
            for item in theirs:
                keys = _cites(item, ref_files)
                twins = [o for o in ours if keys & _cites(o, got_files)]
                if section == "events":
                    twins = [o for o in twins if str(o.get("date") or "") == str(item.get("date") or "") or not item.get("date")]
                if section == "quotes":
                    twins = [o for o in twins if _n(o["text"])[:30] == _n(item["text"])[:30]]
                matched += bool(twins)
            line.append(f"{section} {matched}/{len(theirs)} matched (converter made {len(mine.get(section) or [])})")
        print("  " + "; ".join(line))
    print(f"into the reference itself: {report.added or 'nothing new'}; {report.citations_added} citations added to drafts; "
          f"{report.reviewed_untouched} matches with reviewed items left untouched")
    return 0


if __name__ == "__main__":
    sys.exit(main())
