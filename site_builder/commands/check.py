"""`site-builder check`: validate content and the site it makes, write nothing."""

from __future__ import annotations

import argparse
from pathlib import Path


HELP = "validate content/ and check the rendered site (links, anchors, citations, alt text, neutral voice)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content/)")
    parser.add_argument("--out", type=Path, help="check this built folder instead of rendering in memory")
    parser.add_argument("--drafts", action="store_true", help="include drafts when rendering in memory")


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `site-builder --help` and the other commands need none of it (lazy imports: start-up time).
    from ..build.check import check

    problems = check(args.content, args.out, args.drafts)
    for line in problems:
        print(line)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} found" if count else "no problems found")
    return 1 if problems else 0
