"""Random edits against serve's kept views and pages: every page served must equal a fresh build's.

    python bench/serve_stress.py [--events 1500] [--edits 40] [--seed 1]

Makes bench/generate.py's case, runs serve's rebuilder (lazy rebuilds, as `serve` does), and for each of
``--edits`` random one-item edits of an entry file — a title, a date (the item moves in its strand and on
the timeline), the people an item names, an item deleted, duplicated under a new id, or moved to another
strand — rebuilds, asks for every file in random order and compares it with a fresh build's. Stops at the
first difference and names the files. An edit that makes the content invalid is reported and undone.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from site_builder.build.pipeline import BuildOptions, load_valid, render_site  # noqa: E402
from site_builder.content.model import ITEM_LISTS  # noqa: E402
from site_builder.serve.rebuild import Rebuilder  # noqa: E402

ITEM = re.compile(r"(?m)^(?=  - id: )")  # where each item of an entry file's lists starts


def edit(path: Path, topics: list[Path], people: list[str], rng: random.Random, step: int) -> str:
    """One random edit of an item of ``path`` (or of it and another strand's file); what kind it was."""
    text = path.read_text("utf-8")
    parts = ITEM.split(text)
    i = rng.randrange(1, len(parts))
    block = parts[i].split("\n\n", 1)[0].rstrip("\n") + "\n" if parts[i].count("\n\n") else parts[i]
    kind = rng.choice(["title", "date", "people", "delete", "duplicate", "move"])
    if kind == "title":
        parts[i] = re.sub(r"(?m)^(    title: ')", r"\1Edited ", parts[i], count=1)
    elif kind == "date":
        parts[i] = re.sub(r"(?m)^(    date: '?)\d{4}", lambda m: m.group(1) + str(rng.randrange(2015, 2025)), parts[i], count=1)
    elif kind == "people":
        parts[i] = re.sub(r"(?m)^    people: \[[^\]]*\]", lambda m: f"    people: [{rng.choice(people)}]", parts[i], count=1)
    elif kind == "delete":
        parts[i] = parts[i][len(block):] if parts[i].startswith(block) else ""
    elif kind == "duplicate":
        parts[i] = block + re.sub(r"^(  - id: )(\S+)", lambda m: f"{m.group(1)}{m.group(2)}-copy-{step}", block, count=1) + parts[i][len(block):]
    else:  # move the item to the same list of another strand
        start = text.index(parts[i])
        section = max(ITEM_LISTS, key=lambda name: text.rfind(f"\n{name}:", 0, start))
        other = rng.choice([t for t in topics if t != path])
        theirs = other.read_text("utf-8")
        if f"\n{section}:\n" not in theirs:
            return "move (no such list there: nothing changed)"
        parts[i] = parts[i][len(block):]
        other.write_text(theirs.replace(f"\n{section}:\n", f"\n{section}:\n" + block, 1), "utf-8")
    path.write_text("".join(parts), "utf-8")
    return kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1500)
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    scratch = "/dev/shm" if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="sb-stress-", dir=scratch) as tmp:
        project = Path(tmp) / "case"
        generate(args.events, project)
        content = project / "content"
        options = BuildOptions(content, Path("-"), drafts=True, base_url="http://127.0.0.1:8000/")
        rebuilder = Rebuilder(options)
        rebuilder.rebuild()
        topics = sorted((content / "entries").glob("*.yaml"))
        people = re.findall(r"(?m)^  - id: (\S+)", (content / "people.yaml").read_text("utf-8"))
        for step in range(args.edits):
            path = rng.choice(topics)
            before = {t: t.read_text("utf-8") for t in topics}
            kind = edit(path, topics, people, rng, step)
            outcome = rebuilder.rebuild(lazy=True)
            if outcome.error:
                print(f"{step:3} {kind:<10} {path.name}: invalid, undone ({outcome.error.splitlines()[0][-80:]})", flush=True)
                for topic, text in before.items():
                    topic.write_text(text, "utf-8")
                continue
            files = rebuilder.preview.files
            names = list(files)
            rng.shuffle(names)
            served = {name: files[name] for name in names}
            expected = render_site(load_valid(content, drafts=True), options)
            wrong = sorted(n for n in expected.keys() | served.keys() if served.get(n) != expected.get(n))
            print(f"{step:3} {kind:<10} {path.name}: {'equal' if not wrong else 'DIFFERENT: ' + ', '.join(wrong[:5])}", flush=True)
            if wrong:
                raise SystemExit(1)
            rebuilder.complete(rebuilder.preview.generation)


if __name__ == "__main__":
    main()
