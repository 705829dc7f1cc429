"""Synthetic case generator for benchmarks.

Writes a complete project folder (``content/`` + ``seeds/``) for a made-up
case with N events spread over five strands and ten years, about N/4
people, N/10 sources, and claims and quotes in proportion — every item
cited with a sentence that really is in its source file, so the content
passes validation exactly like a real case. Deterministic for a given seed.
It also writes the same data as a Hugo site (``hugo/``), one page per event,
person, strand and source plus a timeline and a who's-who, for the
side-by-side benchmark in bench/run.py.

    python bench/generate.py --events 4000 --out /tmp/case4000
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import random
import shutil
from pathlib import Path

TOPICS = ["investigation", "charges", "trial", "appeal", "civil-suits"]
EVENTS_PER_FILE = 4000  # past 5 x 4,000 events, more strands: an entry file may not exceed 10 MB (yamlload.MAX_FILE_BYTES)


def strands(n_events: int) -> list[str]:
    """The five strands, and for a very big case more, so that no entry file holds more than ~4,000 events."""
    extra = max(0, -(-n_events // EVENTS_PER_FILE) - len(TOPICS))
    return TOPICS + [f"strand-{k}" for k in range(1, extra + 1)]
GROUPS = ["central", "family", "legal", "officials", "media", "other"]
KINDS = ["fact", "ruling", "allegation", "denial", "statement", "opinion"]
FIRST = "Ana Ben Cara Dev Eli Fay Gus Hana Ian Jo Kai Lena Max Nia Oto Pia Quin Rae Sam Tia Uri Vic Wes Xia Yan Zoe".split()
LAST = "Abbott Baker Castro Diaz Evans Foster Garcia Hughes Ito Jensen Khan Lopez Moreno Novak Ortiz Patel Quinn Reyes Silva Tanaka Ueda Vargas Walsh Young Zhou".split()
WORDS = ("court judge filing motion hearing evidence witness council contract payment record audit office county "
         "statement lawyer defense prosecutor jury verdict ruling appeal schedule document report agency review "
         "meeting vote budget account transfer letter email interview investigation official deputy clerk").split()
VERBS = "filed said reported confirmed denied argued ruled asked published described scheduled reviewed".split()


def sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    chosen.insert(1, rng.choice(VERBS))
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def _last_day(date: str) -> str:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD date may mean, as YYYY-MM-DD."""
    if len(date) == 4:
        return f"{date}-12-31"
    if len(date) == 7:
        year, month = int(date[:4]), int(date[5:])
        return f"{date}-{calendar.monthrange(year, month)[1]:02d}"
    return date


def yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def generate(n_events: int, out: Path, seed: int = 1) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    content, seeds = out / "content", out / "seeds"
    (content / "entries").mkdir(parents=True)
    seeds.mkdir()
    n_people, n_sources = max(4, n_events // 4), max(2, n_events // 10)
    topics = strands(n_events)

    people = []
    for i in range(n_people):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        people.append({"id": f"person-{i}", "name": name, "group": GROUPS[i % len(GROUPS)], "role": sentence(rng, 4)[:-1]})
    sources = []
    for i in range(n_sources):
        year = 2015 + i * 10 // n_sources
        sources.append({"id": f"source-{i}", "date": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}", "sentences": [], "title": sentence(rng, 7)[:-1]})
    # A round-up published at the end makes every event reportable: an event may cite only sources
    # published after it (the build refuses an event dated after every source that reports it).
    sources.append({"id": f"source-{n_sources}", "date": "2025-12-31", "sentences": [], "title": sentence(rng, 7)[:-1]})
    by_date = sorted(sources, key=lambda s: s["date"])
    dates = [s["date"] for s in by_date]

    def cite(text: str, after: str = "") -> str:
        """A citation of a random source published on or after ``after`` (a YYYY, YYYY-MM or YYYY-MM-DD date)."""
        later = by_date[bisect.bisect_left(dates, _last_day(after)):] if after else sources
        source = rng.choice(later)
        source["sentences"].append(text)
        return f"      - source: {source['id']}\n        quote: {yaml_str(text)}\n"

    entries: dict[str, list[str]] = {t: [] for t in topics}
    hugo_events = []
    for i in range(n_events):
        topic = topics[i % len(topics)]
        year = 2015 + (i * 10) // n_events
        precision = i % 3
        date = [f"{year}", f"{year}-{1 + i % 12:02d}", f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"][precision]
        title = sentence(rng, rng.randint(6, 10))[:-1]
        summary = " ".join(sentence(rng, rng.randint(10, 18)) for _ in range(rng.randint(1, 3)))
        involved = sorted({rng.randrange(n_people) for _ in range(rng.randint(1, 3))})
        cited = sentence(rng, rng.randint(12, 24))
        entries[topic].append(
            f"  - id: event-{i}\n    date: {date}\n    title: {yaml_str(title)}\n    summary: {yaml_str(summary)}\n"
            f"    people: [{', '.join(f'person-{p}' for p in involved)}]\n    citations:\n{cite(cited, date)}    review: reviewed\n"
        )
        hugo_events.append((i, topic, date, title, summary, involved, cited))

    claims: dict[str, list[str]] = {t: [] for t in topics}
    quotes: dict[str, list[str]] = {t: [] for t in topics}
    for i in range(n_events // 2):
        topic = topics[i % len(topics)]
        cited = sentence(rng, rng.randint(12, 24))
        claims[topic].append(
            f"  - id: claim-{i}\n    kind: {KINDS[i % len(KINDS)]}\n    attributed_to: person-{rng.randrange(n_people)}\n"
            f"    text: {yaml_str(sentence(rng, rng.randint(10, 20)))}\n    citations:\n{cite(cited)}    review: reviewed\n"
        )
    for i in range(n_events // 4):
        topic = topics[i % len(topics)]
        words = sentence(rng, rng.randint(8, 20))
        quotes[topic].append(
            f"  - id: quote-{i}\n    speaker: person-{rng.randrange(n_people)}\n    text: {yaml_str(words)}\n"
            f"    citations:\n{cite(words)}    review: reviewed\n"
        )

    person_cites = [cite(sentence(rng, 12)) for _ in people]
    for source in sources:
        body = " ".join(source["sentences"])
        (seeds / f"{source['id']}.txt").write_text(f" date {source['date']} {source['title']}\n{body}\n", "utf-8")

    topics_yaml = "".join(f"  - id: {t}\n    title: The {t.replace('-', ' ')}\n    vocabulary: [{t}]\n" for t in topics)
    (content / "case.yaml").write_text(
        "title: The Synthetic Case\nsummary: A generated case used to measure build speed.\njurisdiction: Nowhere County\n"
        "updated: 2025-12-31\nsite:\n  base_url: https://example.org/synthetic/\n"
        f"topics:\n{topics_yaml}loaded_words: [slammed, blasted]\n", "utf-8")
    (content / "people.yaml").write_text("people:\n" + "".join(
        f"  - id: {p['id']}\n    name: {p['name']}\n    role: {p['role']}\n    group: {p['group']}\n"
        f"    citations:\n{c}    review: reviewed\n" for p, c in zip(people, person_cites)), "utf-8")
    (content / "sources.yaml").write_text("sources:\n" + "".join(
        f"  - id: {s['id']}\n    title: {yaml_str(s['title'])}\n    publisher: Example News\n    published: {s['date']}\n"
        f"    file: ../seeds/{s['id']}.txt\n    kind: news\n    reliability: Generated for benchmarks.\n"
        "    review: reviewed\n" for s in sources), "utf-8")
    for topic in topics:
        body = f"title: The {topic.replace('-', ' ')}\nstatus: ongoing\nsummary: Generated strand.\n"
        body += "events:\n" + "".join(entries[topic]) if entries[topic] else "events: []\n"
        body += "claims:\n" + "".join(claims[topic]) if claims[topic] else "claims: []\n"
        body += "quotes:\n" + "".join(quotes[topic]) if quotes[topic] else "quotes: []\n"
        (content / "entries" / f"{topic}.yaml").write_text(body, "utf-8")
    write_hugo(out / "hugo", hugo_events, people, sources, topics)


HUGO_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
    "<link rel=\"stylesheet\" href=\"{{ \"site.css\" | relURL }}\"></head><body><header><a href=\"{{ \"/\" | relURL }}\">Home</a> "
    "<a href=\"{{ \"timeline/\" | relURL }}\">Timeline</a> <a href=\"{{ \"people/\" | relURL }}\">People</a></header>"
    "<main>{{ block \"main\" . }}{{ end }}</main></body></html>",
    "_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Params.date_text }}</p>{{ .Content }}"
    "{{ with .Params.people }}<ul>{{ range . }}<li><a href=\"{{ printf \"people/%s/\" . | relURL }}\">{{ . }}</a></li>{{ end }}</ul>{{ end }}"
    "{{ with .Params.cite }}<blockquote>{{ . }}</blockquote>{{ end }}{{ end }}",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> "
    "{{ .Params.date_text }}</li>{{ end }}</ul>{{ end }}",
    "index.html": "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>{{ range where .Site.RegularPages \"Section\" \"topics\" }}"
    "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
    "timeline/list.html": "{{ define \"main\" }}<h1>Timeline</h1><ol>{{ range (where .Site.RegularPages \"Section\" \"events\").ByParam \"sort\" }}"
    "<li><p>{{ .Params.date_text }}</p><h3><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h3>{{ .Summary }}"
    "<blockquote>{{ .Params.cite }}</blockquote></li>{{ end }}</ol>{{ end }}",
}


def write_hugo(root: Path, events: list, people: list, sources: list, topics: list[str]) -> None:  # type: ignore[type-arg]
    (root / "content").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "https://example.org/synthetic/"\ntitle = "The Synthetic Case"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS"]\n', "utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = root / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    (root / "static").mkdir()
    (root / "static" / "site.css").write_text("body{font-family:system-ui}", "utf-8")

    def page(section: str, slug: str, front: dict[str, object], body: str) -> None:
        folder = root / "content" / section
        folder.mkdir(parents=True, exist_ok=True)
        lines = ["---"] + [f"{k}: {v!r}" for k, v in front.items()] + ["---", body, ""]
        (folder / f"{slug}.md").write_text("\n".join(lines), "utf-8")

    for i, topic, date, title, summary, involved, cited in events:
        page("events", f"event-{i}", {"title": title, "date_text": date, "sort": f"{date:<10}-{i:06d}", "topic": topic,
                                       "people": [f"person-{p}" for p in involved], "cite": cited}, summary)
    for p in people:
        page("people", p["id"], {"title": p["name"], "group": p["group"]}, p["role"])
    for t in topics:
        page("topics", t, {"title": f"The {t}"}, "Generated strand.")
    for s in sources:
        page("sources", s["id"], {"title": s["title"], "date_text": s["date"]}, " ".join(s["sentences"][:5]))
    (root / "content" / "timeline").mkdir()
    (root / "content" / "timeline" / "_index.md").write_text("---\ntitle: Timeline\n---\n", "utf-8")
    (root / "content" / "people" / "_index.md").write_text("---\ntitle: Who's who\n---\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args.events, args.out, args.seed)


if __name__ == "__main__":
    main()
