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
    parser.add_argument("--explain", action="store_true",
                        help="also print, per item drafted, the converter rules that made it (why a quote is given to its speaker)")


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `site-builder --help` and the other commands need none of it (lazy imports: start-up time).
    from ..convert import convert

    paths = list(args.paths) or [Path("seeds")]
    report = convert(paths, args.content, dry_run=args.dry_run)
    if args.json:
        print(report.to_json(explain=args.explain))
    else:
        print(report.to_text() + ("\n" + report.explain_text() if args.explain else ""))
    return 1 if report.failed else 0
