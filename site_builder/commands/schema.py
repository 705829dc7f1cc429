"""`site-builder schema`: write the content JSON Schemas (for editor autocomplete)."""

from __future__ import annotations

import argparse
from pathlib import Path


HELP = "write the JSON Schema of every content file type to schemas/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("schemas"), help="folder for the *.schema.json files (default: schemas/)")


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `site-builder --help` and the other commands need none of it (lazy imports: start-up time).
    from ..content.schema import write_schemas

    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return 0
