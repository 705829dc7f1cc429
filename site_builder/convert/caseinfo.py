"""The case settings the converter needs, from ``case.yaml``.

In: the content folder. Out: the topic matcher (topics and their
vocabulary), the loaded words, and the case's principal people: the full
names its summary gives ("Alec Baldwin"), by which an article's bare
"Baldwin" is known. ``case.yaml`` is checked against the content model, so a
typo is reported with its line, not silently ignored.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import ContentErrors, Problem, SiteBuilderError
from ..files import Refused, read_file
from ..content.model import Case
from ..content.yamlload import MAX_FILE_BYTES, YamlError, load_yaml
from .names import find_mentions
from .segment import segment
from .topics import TopicDef, TopicMatcher


def load_case(content: Path) -> tuple[TopicMatcher, tuple[str, ...], tuple[str, ...]]:
    """(topics, loaded words, principal people) of ``content``/case.yaml; a missing, unreadable or invalid file is an error."""
    path = content / "case.yaml"
    try:
        raw = read_file(path, limit=MAX_FILE_BYTES)  # a FIFO or a huge file is refused, not waited on or read whole
    except FileNotFoundError:
        raise SiteBuilderError(f"{path}: not found; the content folder needs a case.yaml with the case's topics and their vocabulary") from None
    except Refused as exc:
        raise SiteBuilderError(f"{path}: {exc}") from None
    except OSError as exc:
        raise SiteBuilderError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        doc = load_yaml(raw, str(path))
    except YamlError as exc:
        raise ContentErrors([exc.problem]) from None
    try:
        case = Case.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            field = ".".join(str(p) for p in loc)
            problems.append(Problem(str(path), doc.line_of(loc), field, error["msg"]))
        raise ContentErrors(problems) from None
    topics = [TopicDef(t.id, t.title, tuple(t.vocabulary)) for t in case.topics]
    return TopicMatcher(topics), tuple(case.loaded_words), principals(case.summary)


def principals(summary: str) -> tuple[str, ...]:
    """The people a case summary names in full, each once, in order: "Judge Edward Davila sentenced Ramesh "Sunny"
    Balwani" → ("Edward Davila", "Ramesh Balwani"). A name of one word names nobody for certain and is left out."""
    found = (m.name for sentence in segment([summary]).sentences for m in find_mentions(sentence.text)
             if m.kind == "person" and len(m.name.split()) >= 2)
    return tuple(dict.fromkeys(found))
