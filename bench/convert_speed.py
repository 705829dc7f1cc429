"""Converter throughput: articles of ~600 words per second on one core (target ≥ 200/s).

Usage: python bench/convert_speed.py [--articles 300] [--case tests/convert/cases/rust/case.yaml]

Rates use the process's CPU time, so other jobs on the machine do not distort them. Builds ~600-word articles by stitching the paragraphs of the seed and test articles together (so
names, quotes and dates are realistic), writes them to a temporary folder, and times
``site_builder.convert.convert`` end to end (read → segment → recognise → claims → merge → write)
into an empty content folder. Not a timed test: run it by hand and compare.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_builder.convert import convert  # noqa: E402
from site_builder.convert.read import read_article  # noqa: E402

SOURCES = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "convert" / "cases" / "harborview" / "articles").glob("*"))]


def make_articles(folder: Path, count: int, words: int = 600) -> int:
    paragraphs: list[str] = []
    for path in SOURCES:
        paragraphs.extend(read_article(path).paragraphs)
    rng = random.Random(7)
    total = 0
    for n in range(count):
        body: list[str] = []
        while sum(len(p.split()) for p in body) < words:
            body.append(rng.choice(paragraphs))
        total += sum(len(p.split()) for p in body)
        day = 1 + n % 28
        (folder / f"article-{n:04d}.txt").write_text(f" date 2024-05-{day:02d} Headline number {n} about the case\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return total // count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--case", type=Path, default=ROOT / "tests" / "convert" / "cases" / "rust" / "case.yaml")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        average = make_articles(folder, args.articles)
        content = Path(tmp) / "content"
        content.mkdir()
        (content / "case.yaml").write_bytes(args.case.read_bytes())
        start, cpu = time.perf_counter(), time.process_time()
        report = convert([folder], content)
        elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    rate = args.articles / used  # CPU time of this process: one core, whatever else the machine is doing
    print(f"{args.articles} articles of ~{average} words: {used:.2f} s of CPU ({elapsed:.2f} s wall): {rate:.0f} articles/s "
          f"on one core ({'meets' if rate >= 200 else 'below'} the 200/s target); {sum(report.added.values())} items added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
