"""`site-builder init`: a new case folder, ready for articles."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..content.scaffold import DEFAULT_TITLE, DEFAULT_TOPICS, NewCase, is_topic_id, write_case

HELP = "start a new case folder: content/ with a commented case.yaml, schemas/, seeds/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", type=Path, default=Path("."), metavar="DIR",
                        help="where to make the case (default: this folder); made if missing, may already hold other files")
    parser.add_argument("--title", type=_title, default=DEFAULT_TITLE, help=f"the case's title (default: {DEFAULT_TITLE!r}; edit it in case.yaml)")
    parser.add_argument("--topics", type=_topics, default=DEFAULT_TOPICS, metavar="ID,ID,...",
                        help="the case's strands, as ids (a-z, 0-9, single hyphens), e.g. charges,trial,civil-suits "
                             "(default: one strand, 'main')")


def _title(text: str) -> str:
    """Argument type: a one-line title (the content model's limit: 1 to 300 characters)."""
    title = text.strip()
    if not title or len(title) > 300 or not title.isprintable():
        raise argparse.ArgumentTypeError("give one line of text, at most 300 characters")
    return title


def _topics(text: str) -> tuple[str, ...]:
    """Argument type: comma-separated strand ids, each valid and given once."""
    ids = tuple(part.strip() for part in text.split(","))
    for topic in ids:
        if not is_topic_id(topic):
            raise argparse.ArgumentTypeError(f"{topic!r} is not a valid id: use a-z, 0-9 and single hyphens, e.g. civil-suits")
    repeated = sorted({t for t in ids if ids.count(t) > 1})
    if repeated:
        raise argparse.ArgumentTypeError(f"{repeated[0]!r} is given twice")
    return ids


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    write_case(folder, NewCase(args.title, args.topics))
    here = folder.resolve() == Path.cwd().resolve()
    entries = ", ".join(f"{t}.yaml" for t in args.topics)
    print(f"made a new case in {'this folder' if here else folder}:")
    print("  content/case.yaml       the case, its options and strands: every field explained in its comments")
    print("  content/people.yaml     who's who, and content/sources.yaml, the articles: convert fills both")
    print(f"  content/entries/        one file per strand: {entries}")
    print("  schemas/                the JSON Schemas editors use to check the YAML as you type")
    print("  seeds/README.md         the article formats convert reads")
    print("  .gitignore              keeps dist/ and the build cache out of version control")
    print("next steps:")
    step = 1
    if not here:
        print(f"  {step}. cd {folder}")
        step += 1
    for text in ("edit content/case.yaml: title, summary, jurisdiction, base_url, and the words (vocabulary) of each strand",
                 "put the articles into seeds/ (.txt, .md or .html; see seeds/README.md)",
                 "site-builder convert      drafts from the articles, each citing its sentence, into content/",
                 "site-builder serve        preview with drafts; accept or reject each at /_review/ in the browser",
                 "site-builder build        the site into dist/, reviewed items only; copy dist/ to any web host"):
        print(f"  {step}. {text}")
        step += 1
    return 0
