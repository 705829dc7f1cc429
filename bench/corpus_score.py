"""Score the converter on the real-article development corpus, in-process, with the reference scorer's definitions.

Usage: python bench/corpus_score.py [CASE_DIR ...] [--details] [--json | --markdown] [--compare]

With no CASE_DIR it scores every case of ``../shared/corpus/`` when that folder exists (the corpus as the team
keeps it), else the copy in ``tests/convert/corpus/`` (the same articles and gold, with their publishers and URLs,
so a fresh clone can score too). A case folder holds ``articles/*.txt``, ``gold/*.yaml``, optionally ``case.yaml``
(else the project's ``content/case.yaml``: the example case) and ``happenings.yaml``.

The definitions are those of ``../shared/corpus/score.py`` (see ``../shared/corpus/README.md``), computed on the
same ``case.json`` a ``build --drafts`` writes, but without subprocesses or writing the site:

- article mode: each article converted alone into a fresh content folder holding only ``case.yaml``; people
  recall/precision, dated events recall/precision (a date not in gold is wrong), quotes found, speaker accuracy
  and end-to-end, topics F1; an article whose conversion does not validate counts as failed;
- case mode: all articles of a case converted together; each event is mapped through the sentences it cites to
  the gold happenings they date: happenings recall, events per covered happening, wrongly merged events.

``bench/corpus_score.py --compare`` also runs the reference scorer (when ``../shared/corpus/score.py`` and a
``site-builder`` on PATH exist) and prints both ALL lines, so any drift between the two is seen.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_builder.build import exports  # noqa: E402
from site_builder.build.pipeline import load_valid  # noqa: E402
from site_builder.convert import convert  # noqa: E402
from site_builder.errors import SiteBuilderError  # noqa: E402
from site_builder.build.site import build_site  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
IN_REPO = ROOT / "tests" / "convert" / "corpus"
COUNTS = ("pg ptp pp pfp eg etp ex exbad qg qm qsp tp tfp tfn fail arts hap hapcov evmapped wrong").split()


def default_cases() -> list[Path]:
    """The shared corpus's cases when it is there, else the repo's copy."""
    base = SHARED if SHARED.is_dir() else IN_REPO
    return sorted(p for p in base.iterdir() if (p / "gold").is_dir())


def norm(text: Any) -> list[str]:
    """Words for matching: NFKC, straight quotes, lower case, only letters, digits and apostrophes."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = s.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"[^a-z0-9' ]+", " ", s.lower()).split()


def name_match(a: Any, b: Any) -> bool:
    """Two names are one person's when equal, or when their first and last words agree."""
    x, y = norm(a), norm(b)
    return bool(x and y) and (x == y or (x[0] == y[0] and x[-1] == y[-1]))


@dataclass
class Tally:
    """Counts of one case (or all cases); :meth:`figures` turns them into the reported ratios."""

    counts: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.counts.update(other.counts)
        self.details.extend(other.details)

    def figures(self) -> dict[str, float]:
        c = self.counts

        def ratio(a: float, b: float) -> float:
            return a / b if b else 0.0

        topics_p = ratio(c["tp"], c["tp"] + c["tfp"])
        topics_r = ratio(c["tp"], c["tp"] + c["tfn"])
        return {
            "people_r": ratio(c["ptp"], c["pg"]), "people_p": 1 - ratio(c["pfp"], c["pp"]) if c["pp"] else 0.0,
            "events_r": ratio(c["etp"], c["eg"]), "events_p": 1 - ratio(c["exbad"], c["ex"]) if c["ex"] else 0.0,
            "quotes_found": ratio(c["qm"], c["qg"]), "speaker_acc": ratio(c["qsp"], c["qm"]),
            "quotes_e2e": ratio(c["qsp"], c["qg"]), "topics_f1": ratio(2 * topics_p * topics_r, topics_p + topics_r),
            "hap_r": ratio(c["hapcov"], c["hap"]), "dup": ratio(c["evmapped"], c["hapcov"]),
            "wrong_merge": ratio(c["wrong"], c["evmapped"]), "fail": c["fail"], "arts": c["arts"],
        }


def line(name: str, tally: Tally) -> str:
    """One line of figures, in the reference scorer's wording."""
    f = tally.figures()
    text = (f"{name}: {f['arts']:.0f} articles; people R={f['people_r']:.2f} P={f['people_p']:.2f}; dated events "
            f"R={f['events_r']:.2f} P={f['events_p']:.2f}; quotes found {f['quotes_found']:.2f} speaker-acc "
            f"{f['speaker_acc']:.2f} end-to-end {f['quotes_e2e']:.2f}; topics F1={f['topics_f1']:.2f}")
    if tally.counts["hap"]:
        text += (f"; case: happenings R={f['hap_r']:.2f} events/happening {f['dup']:.2f} "
                 f"wrong-merge {f['wrong_merge']:.2f}")
    return text + f"; failed {f['fail']:.0f}"


@contextlib.contextmanager
def _project(case_yaml: Path) -> Iterator[Path]:
    """A fresh content folder holding only ``case.yaml``."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        content.mkdir()
        shutil.copy(case_yaml, content / "case.yaml")
        yield content


def convert_to_case_json(case_yaml: Path, articles: list[Path]) -> tuple[dict[str, Any] | None, bool]:
    """(case.json of ``build --drafts``, whether convert reported errors); None when the result does not validate."""
    with _project(case_yaml) as content:
        seeds = content.parent / "seeds"
        seeds.mkdir()
        for article in articles:
            shutil.copy(article, seeds / article.name)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                report = convert([seeds / a.name for a in articles], content)
            site = build_site(load_valid(content), drafts=True)
        except SiteBuilderError:
            return None, True
        return json.loads(exports.case_json(site)), bool(report.errors)


def score_article(case: dict[str, Any], gold: dict[str, Any], tag: str) -> Tally:
    """Article mode: the counts of one article's ``case.json`` against its gold."""
    t = Tally()
    c = t.counts
    people = [p for p in case.get("people", []) if p.get("kind", "person") == "person"
              and not re.search(r"anonym|unnamed|insider|\bsource", p.get("name", ""), re.I)]
    gold_people = gold.get("people") or []
    core = [g for g in gold_people if not g.get("peripheral")]

    def ours(p: dict[str, Any]) -> list[str]:
        return [p.get("name", ""), *(p.get("aliases") or [])]

    def theirs(g: dict[str, Any]) -> list[str]:
        return [g["name"], *([g["as_written"]] if g.get("as_written") else [])]

    for g in core:
        hit = any(name_match(n, a) for n in theirs(g) for p in people for a in ours(p))
        c["ptp"] += hit
        if not hit:
            t.details.append(f"{tag} person missed: {g['name']}")
    for p in people:
        if not any(name_match(n, a) for g in gold_people for n in theirs(g) for a in ours(p)):
            c["pfp"] += 1
            t.details.append(f"{tag} person not in gold: {p.get('name')}")
    c["pg"] += len(core)
    c["pp"] += len(people)

    gold_events = [e for e in (gold.get("events") or []) if e.get("date")]
    our_events = [e for e in case.get("events", []) if e.get("date")]
    gold_dates = {str(e["date"]) for e in gold_events}
    c["eg"] += len(gold_events)
    c["ex"] += len(our_events)
    for g in gold_events:
        hit = any(str(x.get("date")) == str(g["date"]) for x in our_events)
        c["etp"] += hit
        if not hit:
            t.details.append(f"{tag} event missed: {g['date']} {str(g.get('what', ''))[:90]}")
    for x in our_events:
        if str(x.get("date")) not in gold_dates:
            c["exbad"] += 1
            t.details.append(f"{tag} event date not in gold: {x.get('date')} {str(x.get('title'))[:90]}")

    names = {p.get("id"): p.get("name", "") for p in case.get("people", [])}
    for g in gold.get("quotes") or []:
        c["qg"] += 1
        start = " ".join(norm(g["text_start"])[:6])
        hit = next((q for q in case.get("quotes", []) if start and start in " ".join(norm(q.get("text")))), None)
        if hit is None:
            t.details.append(f"{tag} quote missed: [{g['speaker']}] {g['text_start']}")
            continue
        c["qm"] += 1
        speaker = names.get(hit.get("speaker"), hit.get("speaker") or "")
        wanted = [str(w) for w in (g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]])]
        wanted += [str(a) for a in (g.get("accept_also") or [])]
        anonymous = any("anonymous" in w.lower() or "unnamed" in w.lower() for w in wanted)
        if any(name_match(w, speaker) for w in wanted) or (anonymous and "anonym" in str(speaker).lower()):
            c["qsp"] += 1
        else:
            t.details.append(f"{tag} quote speaker wrong: [{g['speaker']}] got [{speaker}] {g['text_start']}")

    def topic(value: Any) -> str:
        return str(value or "").replace("_", "-")

    found = {topic(i.get("topic")) for k in ("events", "claims", "quotes") for i in case.get(k, [])} - {""}
    wanted_topics = {topic(x) for x in gold.get("topics") or []}
    allowed = wanted_topics | {topic(x) for x in gold.get("topics_mentioned") or []}
    c["tp"] += len(wanted_topics & found)
    c["tfn"] += len(wanted_topics - found)
    c["tfp"] += len(found - allowed)
    if wanted_topics - found or found - allowed:
        t.details.append(f"{tag} topics missed {sorted(wanted_topics - found)} extra {sorted(found - allowed)}")
    return t


def score_case_mode(case: dict[str, Any], golds: dict[str, dict[str, Any]], happenings: list[Any], name: str) -> Tally:
    """Case mode: events of all articles converted together, mapped to gold happenings through cited sentences."""
    t = Tally()
    starts = [(file, " ".join(norm(e["sentence_start"])), e["happening"])
              for file, g in golds.items() for e in g.get("events") or []
              if e.get("happening") and e.get("sentence_start")]
    known = {h for _, _, h in starts}
    hap_date = {h["id"]: str(h.get("date") or "") for h in happenings if isinstance(h, dict) and "id" in h}
    files = {s["id"]: (s.get("file") or "") for s in case.get("sources", [])}
    covered: set[str] = set()
    per_happening: dict[str, list[str]] = {}
    for event in case.get("events", []):
        sets = []
        for cite in event.get("citations") or []:
            file = Path(files.get(cite.get("source"), "")).name
            quote = " ".join(norm(cite.get("quote")))
            dated = {h for f, start, h in starts if f == file and start and start in quote}
            if dated:
                sets.append(dated)
        if not sets:
            continue
        t.counts["evmapped"] += 1
        common = set.intersection(*sets)
        if not common:
            t.counts["wrong"] += 1
            t.details.append(f"  {name} case: event {event.get('id')} merges happenings {sorted(set.union(*sets))}")
            continue
        date = str(event.get("date") or event.get("not_after") or "")
        fit = [h for h in sorted(common)
               if date and (hap_date.get(h, "").startswith(date) or date.startswith(hap_date.get(h, "") or "#"))]
        chosen = (fit or sorted(common))[0]
        covered.add(chosen)
        per_happening.setdefault(chosen, []).append(str(event.get("id")))
    for h, events in sorted(per_happening.items()):
        if len(events) > 1:
            t.details.append(f"  {name} case: happening {h} appears as {len(events)} events: {', '.join(events)}")
    for h in sorted(known - covered):
        t.details.append(f"  {name} case: happening {h} has no event")
    t.counts["hap"] += len(known)
    t.counts["hapcov"] += len(covered & known)
    return t


def score_case(folder: Path) -> Tally:
    """Both modes for one case folder."""
    case_yaml = folder / "case.yaml" if (folder / "case.yaml").exists() else ROOT / "content" / "case.yaml"
    articles = sorted((folder / "articles").glob("*.txt"))
    golds = {a.name: yaml.safe_load((folder / "gold" / f"{a.stem}.yaml").read_text("utf-8")) for a in articles}
    tally = Tally()
    for article in articles:
        tag = f"  {folder.name}/{article.name[:2]}"
        tally.counts["arts"] += 1
        case, refused = convert_to_case_json(case_yaml, [article])
        if case is None:
            tally.counts["fail"] += 1
            tally.details.append(f"{tag} FAILED: the conversion does not validate")
            continue
        if refused:
            tally.counts["fail"] += 1
            tally.details.append(f"{tag} convert reported errors")
        tally.add(score_article(case, golds[article.name], tag))
    happenings = folder / "happenings.yaml"
    if happenings.exists() and articles:
        case, _ = convert_to_case_json(case_yaml, articles)
        if case is None:
            tally.counts["fail"] += 1
            tally.details.append(f"  {folder.name} CASE FAILED")
        else:
            tally.add(score_case_mode(case, golds, yaml.safe_load(happenings.read_text("utf-8")) or [], folder.name))
    return tally


def score(cases: Iterable[Path]) -> tuple[dict[str, Tally], Tally]:
    """Per case and over all cases."""
    per_case = {folder.name: score_case(folder) for folder in cases}
    total = Tally()
    for tally in per_case.values():
        total.add(tally)
    return per_case, total


def table(tallies: dict[str, Tally]) -> str:
    """A Markdown table of the figures, a row per case (for docs/quality.md)."""
    head = ("| case | articles | people R / P | dated events R / P | quotes found | speaker accuracy | end-to-end "
            "| topics F1 | happenings found | events per happening | wrong merges |\n"
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = []
    for name, tally in tallies.items():
        f = tally.figures()
        rows.append(f"| {name} | {f['arts']:.0f} | {f['people_r']:.2f} / {f['people_p']:.2f} | {f['events_r']:.2f} / "
                    f"{f['events_p']:.2f} | {f['quotes_found']:.2f} | {f['speaker_acc']:.2f} | {f['quotes_e2e']:.2f} | "
                    f"{f['topics_f1']:.2f} | {f['hap_r']:.2f} | {f['dup']:.2f} | {f['wrong_merge']:.2f} |")
    return "\n".join([head, *rows])


def _reference(cases: list[Path]) -> str:
    """The reference scorer's ALL line, or why it could not run."""
    scorer = SHARED / "score.py"
    if not scorer.exists() or not shutil.which("site-builder"):
        return "reference scorer not run (needs ../shared/corpus/score.py and site-builder on PATH)"
    run = subprocess.run([sys.executable, str(scorer), str(ROOT), *map(str, cases), "--quiet"],
                         capture_output=True, text=True, check=False)
    return next((x for x in run.stdout.splitlines() if x.startswith("ALL:")), run.stderr.strip()[-300:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", type=Path, help="case folders (default: every case of the corpus)")
    parser.add_argument("--details", action="store_true", help="list every missed or wrong item")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    parser.add_argument("--compare", action="store_true", help="also run ../shared/corpus/score.py")
    parser.add_argument("--markdown", action="store_true", help="figures as a Markdown table, a row per case")
    args = parser.parse_args(argv)
    cases = args.cases or default_cases()
    per_case, total = score(cases)
    if args.json:
        print(json.dumps({"cases": {n: t.figures() for n, t in per_case.items()}, "all": total.figures()}, indent=1))
        return 0
    if args.markdown:
        # the total's row is named by its number of articles, as docs/quality.md shows it ("all 41")
        print(table({**per_case, f"all {total.figures()['arts']:.0f}": total} if len(per_case) > 1 else per_case))
        return 0
    for name, tally in per_case.items():
        if args.details:
            print("\n".join(tally.details))
        print(line(name, tally))
    print(line("ALL", total))
    if args.compare:
        print("reference " + _reference(cases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
