"""`site-builder convert`: articles (seeds/) → draft YAML in content/."""

from __future__ import annotations

import argparse
from pathlib import Path


HELP = "convert news articles into draft case entries, people and sources in content/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("seeds")], metavar="PATH",
                        help="article files (.txt, .md, .html) or folders of them (default: seeds/)")
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder to merge into (default: content/)")
    parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `site-builder --help` and the other commands need none of it (lazy imports: start-up time).
    from ..convert import convert

    paths = list(args.paths) or [Path("seeds")]
    report = convert(paths, args.content, dry_run=args.dry_run)
    print(report.to_json() if args.json else report.to_text())
    return 1 if report.failed else 0
