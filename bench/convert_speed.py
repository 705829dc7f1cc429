"""Converter throughput: articles of ~600 words per second on one core, pure Python (floor: 50/s).

Usage: python bench/convert_speed.py [--articles 300] [--case tests/convert/cases/rust/case.yaml]
       make bench-convert

Rates use the process's CPU time, so other jobs on the machine do not distort them. Builds ~600-word
articles by stitching the paragraphs of the seed and test articles together (so the prose, quotes and
dates are realistic), writes them to a temporary folder, and times ``site_builder.convert.convert`` end
to end (read → segment → recognise → claims → merge → write) into an empty content folder. Not a timed
test: run it by hand and compare.

So that articles seldom repeat each other's sentences word for word (real coverage rarely does, and a
repeated sentence would flatter any per-text cache), each article gives the people named in the
sources other names and its numbers other values (sentences with neither still recur).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after site-packages: an installed site_builder wins

import yaml  # noqa: E402

from site_builder.convert import convert  # noqa: E402
from site_builder.articles.read import read_article  # noqa: E402

SOURCES = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "convert" / "cases" / "harborview" / "articles").glob("*"))]


FLOOR = 50  # articles/s in pure Python on one core: a floor never traded against quality (issue #10)
CASE = ROOT / "tests" / "convert" / "cases" / "rust" / "case.yaml"
FIRST = tuple(("Avery Blake Carmen Dario Elena Farid Greta Hugo Imani Jonas Keiko Lionel Marisol Nadia Oren Priya Quentin Rosa "
               "Soren Talia Umar Vera Wendell Xiomara Yusuf Zora").split())
LAST = tuple(("Abernathy Bellweather Castellano Drummond Eberhardt Fairbanks Galloway Hollister Ingersoll Jablonski Kettering "
              "Lindqvist Montague Nakamura Okonkwo Pemberton Quintero Rasmussen Sterling Thorncastle Underwood Vasquez "
              "Whitlock Yarborough Zeller").split())


def _names() -> dict[str, tuple[str, ...]]:
    """The first names and surnames of the people in the sources (as the converter finds them), each with names to use instead."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp)
        (content / "case.yaml").write_bytes(CASE.read_bytes())
        # copies inside the project (convert refuses articles outside it), with their folders' indexes
        folders = {folder: Path(tmp) / f"articles-{n}" for n, folder in enumerate(sorted({p.parent for p in SOURCES}))}
        for folder, copy in folders.items():
            shutil.copytree(folder, copy)
        convert([folders[p.parent] / p.name for p in SOURCES], content)
        people = yaml.safe_load((content / "people.yaml").read_text(encoding="utf-8"))["people"]
    first = {p["name"].split()[0] for p in people if p.get("kind") == "person" and len(p["name"].split()) > 1}
    last = {p["name"].split()[-1] for p in people if p.get("kind") == "person"} - first
    return {**{w: FIRST for w in sorted(first)}, **{w: LAST for w in sorted(last)}}  # sorted: the same articles every run


def _vary(paragraph: str, names: re.Pattern[str], swap: dict[str, str], rng: random.Random) -> str:
    def number(m: re.Match[str]) -> str:
        digits = m.group(0)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.randint(2016, 2025))
        if len(digits) <= 2:
            return str(rng.randint(1, 28))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return re.sub(r"\d+", number, names.sub(lambda m: swap[m.group(0)], paragraph))


def make_articles(folder: Path, count: int, words: int = 600) -> int:
    paragraphs: list[str] = []
    for path in SOURCES:
        paragraphs.extend(read_article(path).paragraphs)
    parts = _names()
    names = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(parts, key=len, reverse=True))) + r")\b")
    rng = random.Random(7)
    total = 0
    for n in range(count):
        swap = {part: rng.choice(pool) for part, pool in parts.items()}
        body: list[str] = []
        while sum(len(p.split()) for p in body) < words:
            body.append(_vary(rng.choice(paragraphs), names, swap, rng))
        total += sum(len(p.split()) for p in body)
        day = 1 + n % 28
        (folder / f"article-{n:04d}.txt").write_text(f" date 2024-05-{day:02d} Headline number {n} about the case\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return total // count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3, help="conversions into fresh content folders; the best counts")
    parser.add_argument("--case", type=Path, default=CASE)
    args = parser.parse_args(argv)
    used: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        average = make_articles(folder, args.articles)
        for run in range(args.runs):
            content = Path(tmp) / f"content-{run}"
            content.mkdir()
            (content / "case.yaml").write_bytes(args.case.read_bytes())
            cpu = time.process_time()  # CPU time of this process: one core, whatever else the machine is doing
            report = convert([folder], content)
            used.append(time.process_time() - cpu)
    rate = args.articles / min(used)
    print(f"{args.articles} articles of ~{average} words: best of {args.runs} runs {min(used):.2f} s of CPU "
          f"(median {sorted(used)[len(used) // 2]:.2f} s): {rate:.0f} articles/s on one core "
          f"({'meets' if rate >= FLOOR else 'below'} the {FLOOR}/s floor); {sum(report.added.values())} items added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
