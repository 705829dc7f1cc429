"""A new case folder: the files `site-builder init` writes.

In: the folder, the case's title and its strand (topic) ids. Out: a case
folder that builds and checks as it is — ``content/`` (a commented
``case.yaml``, empty ``people.yaml`` and ``sources.yaml``, one empty entry
file per strand), ``schemas/``, ``seeds/README.md`` on the article formats
and a ``.gitignore`` — or :class:`~.errors.OutputError` and nothing written
if any of those files is already there. The file texts are package data
(``site_builder/content/init_files/``); every YAML file starts with the schema
modeline, so editors autocomplete it.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import string
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from ..errors import OutputError

_TEMPLATES = files(__package__) / "init_files"

DEFAULT_TOPICS = ("main",)
# The one strand a case starts with when no --topics are given: words any legal case's reporting uses,
# so that a first `convert` finds something before the editor writes the case's own vocabulary.
DEFAULT_VOCABULARY = ("court", "judge", "trial", "charged", "lawsuit", "hearing", "ruling", "verdict",
                      "appeal", "prosecutors", "police", "arrested", "sentenced", "investigation")
DEFAULT_TITLE = "Untitled case"


@dataclass(frozen=True)
class NewCase:
    """What to write: the case's title and its strands' ids, in order."""

    title: str = DEFAULT_TITLE
    topics: tuple[str, ...] = DEFAULT_TOPICS


def is_topic_id(text: str) -> bool:
    """Whether ``text`` is a valid strand id (the content model's id format)."""
    from .model import ID_PATTERN  # here: `init --help` need not load the content model

    return len(text) <= 80 and re.match(ID_PATTERN, text) is not None


def topic_title(topic: str) -> str:
    """A first title for a strand, from its id: 'civil-suits' → 'Civil suits'; 'main' → 'The case'."""
    if topic == "main":
        return "The case"
    words = topic.replace("-", " ")
    return words[:1].upper() + words[1:]


def case_files(case: NewCase, today: datetime.date) -> dict[str, bytes]:
    """Relative path (POSIX) → bytes of every file of the new case folder."""
    from .schema import json_schemas  # here, as the model: `init --help` starts without them

    out = {
        "content/case.yaml": _yaml("case", 1, _render("case.yaml", title=_scalar(case.title), updated=today.isoformat(),
                                                     topics=_topics(case.topics))),
        "content/people.yaml": _yaml("people", 1, _read("people.yaml")),
        "content/sources.yaml": _yaml("sources", 1, _read("sources.yaml")),
        "content/key-points.yaml": _yaml("key-points", 1, _read("key-points.yaml")),
    }
    for topic in case.topics:
        out[f"content/entries/{topic}.yaml"] = _yaml("entry", 2, _render("entry.yaml", title=_scalar(topic_title(topic))))
    for name, data in json_schemas().items():
        out[f"schemas/{name}"] = data
    out["seeds/README.md"] = _read("seeds-README.md").encode("utf-8")
    out[".gitignore"] = _read("gitignore").encode("utf-8")
    return out


def write_case(folder: Path, case: NewCase, today: datetime.date | None = None) -> list[str]:
    """Write the new case into ``folder`` (made if missing); return the relative paths written.

    Refuses, writing nothing, if any of the files exists or a folder on the way is a file or a
    symbolic link (writing through a link could land outside the case folder).
    """
    written = case_files(case, today or datetime.date.today())
    _refuse_conflicts(folder, sorted(written))
    made: list[Path] = []
    try:
        for name, data in written.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as handle:  # "x": never replaces a file that appeared meanwhile
                made.append(path)
                handle.write(data)
    except OSError as exc:
        for path in made:  # only what this run created: the folder holds nothing of ours half-written
            path.unlink(missing_ok=True)
        raise OutputError(f"cannot write the new case in '{folder}': {exc.strerror or exc}") from None
    return list(written)


def _refuse_conflicts(folder: Path, names: list[str]) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot make a case folder at '{folder}': it is a file")
    existing = [name for name in names if os.path.lexists(folder / name)]
    if existing:
        listed = ", ".join(f"'{n}'" for n in existing[:3]) + (f" and {len(existing) - 3} more" if len(existing) > 3 else "")
        raise OutputError(f"refusing to overwrite in '{folder}': {listed} already exist{'s' if len(existing) == 1 else ''}; nothing was written")
    for name in names:
        for parent in list(Path(name).parents)[:-1]:  # content/, content/entries/, schemas/, seeds/
            path = folder / parent
            if path.is_symlink() or path.exists() and not path.is_dir():
                raise OutputError(f"refusing to write into '{path}': it is {'a symbolic link' if path.is_symlink() else 'a file'}; nothing was written")


def _topics(topics: tuple[str, ...]) -> str:
    lines = []
    for topic in topics:
        vocabulary = DEFAULT_VOCABULARY if topics == DEFAULT_TOPICS else (topic.replace("-", " "),)
        lines += [f"  - id: {_scalar(topic)}", f"    title: {_scalar(topic_title(topic))}", "    vocabulary:"]
        lines += [f"      - {_scalar(word)}" for word in vocabulary]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's string syntax is valid YAML), so ': ' and '#' stay text."""
    return json.dumps(text, ensure_ascii=False)


# Words YAML 1.1 reads as true, false or null, not as text
_NOT_TEXT = frozenset("y yes n no true false on off null".split())


def _scalar(text: str) -> str:
    """``text`` unquoted when YAML reads it back as the same text (plain words), else quoted."""
    plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9 -]*", text) and text.rstrip() == text and text.lower() not in _NOT_TEXT
    return text if plain else _quoted(text)


def _read(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def _render(name: str, **values: str) -> str:
    return string.Template(_read(name)).substitute(values)


def _yaml(kind: str, depth: int, body: str) -> bytes:
    from .schema import modeline

    return (modeline(kind, depth) + body).encode("utf-8")
