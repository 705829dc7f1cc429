"""Property-based tests (hypothesis): whatever a content folder holds, the build answers with
addressed errors or a site without live markup — never a traceback.

Two kinds of random input:

- random documents: any YAML-able structure (or any text) as one of the
  content files, in place of the minimal fixture's file;
- random strings in a valid document: every text field of every content type
  of the minimal fixture replaced by a string built from markup fragments,
  Markdown syntax, quotes, template syntax and bidi characters. Cited sentences are
  added to the seed file, so citations still check out and pages get rendered.

Bounded (examples per test, no deadline) so the suite stays fast; each example
loads, validates and renders in memory and writes nothing.
"""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

import site_builder.build.pipeline
from site_builder.build.pipeline import BuildOptions, load_valid, render_site
from site_builder.errors import ContentErrors
from site_builder.build.render import make_environment

from .checkers import live_markup
from .conftest import SITES

# No shrinking: on these inputs it can take minutes; a failure prints the example and its seed as found.
PHASES = [Phase.explicit, Phase.generate]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None, phases=PHASES)
FILES = ["case.yaml", "people.yaml", "sources.yaml", "entries/charges.yaml"]


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    """One copy of the minimal project, rewritten by every example (hypothesis cannot use function fixtures)."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "project"
        shutil.copytree(SITES / "minimal", target)
        yield target


@pytest.fixture(scope="module", autouse=True)
def reuse_templates() -> Iterator[None]:
    """Compile the theme once for all examples (a build makes a fresh Jinja environment: 10x the render)."""
    make = functools.cache(lambda dirs: make_environment(list(dirs)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_builder.build.pipeline, "make_environment", lambda dirs: make(tuple(dirs)))
        yield


def original(name: str) -> bytes:
    return (SITES / "minimal" / "content" / name).read_bytes()


def reset(project: Path) -> None:
    for name in FILES:
        (project / "content" / name).write_bytes(original(name))
    shutil.copy(SITES / "minimal" / "seeds" / "wire.txt", project / "seeds" / "wire.txt")


def build_in_memory(content: Path) -> dict[str, bytes] | list[str]:
    """The site's files, or the content problems as printed lines. Anything else raised fails the test."""
    try:
        return render_site(load_valid(content), BuildOptions(content, Path("-")))
    except ContentErrors as exc:
        lines = [str(p) for p in exc.problems]
        assert lines, "ContentErrors without a problem"
        for line in lines:  # one line each, addressed to a file of the content folder
            assert "\n" not in line and line.startswith(f"{content}/"), line
        return lines


# --- random documents ----------------------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(["2024-02-30", "2024-05", "2024", "reviewed", "anonymous", "../x", "sam-ortiz", "wire-2024-05-02",
                     "https://example.org/", "javascript:alert(1)", "<script>alert(1)</script>"]),
)
keys = st.one_of(st.sampled_from(["id", "title", "summary", "events", "claims", "quotes", "people", "sources", "citations",
                                  "source", "quote", "date", "not_after", "kind", "site", "base_url", "topics", "review"]),
                 st.text(max_size=10))
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
                         max_leaves=25)


@SETTINGS
@given(name=st.sampled_from(FILES), data=documents)
def test_random_documents_give_errors_not_tracebacks(workdir: Path, name: str, data: Any) -> None:
    reset(workdir)
    (workdir / "content" / name).write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = build_in_memory(workdir / "content")
    event("refused" if isinstance(result, list) else "rendered")


@SETTINGS
@given(name=st.sampled_from(FILES), raw=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)))
def test_random_bytes_give_errors_not_tracebacks(workdir: Path, name: str, raw: bytes) -> None:
    reset(workdir)
    (workdir / "content" / name).write_bytes(raw)
    build_in_memory(workdir / "content")


# --- random strings in a valid document ----------------------------------------------------------------------------

FRAGMENTS = ["<script>", "</script>", "<img src=x onerror=alert(1)>", "<", ">", "&", "&amp;", "&#60;", '"', "'", "`",
             "javascript:", "JaVaScRiPt:alert(1)", "[link](javascript:alert(1))", "[x](", ")", "![i](https://tracker.example/p.png)",
             "<https://tracker.example>", "<a href='javascript:x'>", "*", "_", "#", "- ", "> ", "1. ", "\n", "\n\n", "    ",
             "{{ 7*7 }}", "{% raw %}", "\\", "\u202e", "\u2028", "\u00a0", "\u200b", "é", "漢", " ", "a", "b c", "--",
             "</title>", "</textarea>", "<!--", "-->", "<![CDATA[", "]]>", "<style>", "url(", "\t"]
# Control characters are refused at load time (test_random_bytes covers them); leaving them out here lets
# most examples get as far as rendering.
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=5)
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), printable), min_size=1, max_size=12).map("".join).filter(str.strip)

# Where the strings go: (file, path to the value). Citation quotes go into the seed file too, so they are found.
TEXT_FIELDS = [
    ("case.yaml", ("title",)), ("case.yaml", ("summary",)), ("case.yaml", ("jurisdiction",)),
    ("case.yaml", ("topics", 0, "title")), ("case.yaml", ("corrections",)),
    ("people.yaml", ("people", 0, "name")), ("people.yaml", ("people", 0, "role")), ("people.yaml", ("people", 0, "description")),
    ("people.yaml", ("people", 0, "aliases")),
    ("sources.yaml", ("sources", 0, "title")), ("sources.yaml", ("sources", 0, "publisher")),
    ("sources.yaml", ("sources", 0, "reliability")),
    ("entries/charges.yaml", ("title",)), ("entries/charges.yaml", ("status",)), ("entries/charges.yaml", ("summary",)),
    ("entries/charges.yaml", ("events", 0, "title")), ("entries/charges.yaml", ("events", 0, "summary")),
    ("entries/charges.yaml", ("events", 0, "when")),
    ("entries/charges.yaml", ("claims", 0, "text")), ("entries/charges.yaml", ("claims", 1, "text")),
    ("entries/charges.yaml", ("quotes", 0, "context")),
]
CITED = [("entries/charges.yaml", ("events", 0, "citations", 0, "quote")), ("entries/charges.yaml", ("quotes", 0, "text")),
         ("people.yaml", ("people", 0, "citations", 0, "quote"))]


def put(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None, phases=PHASES)
@given(values=st.lists(texts, min_size=len(TEXT_FIELDS), max_size=len(TEXT_FIELDS)), cited=st.lists(texts, min_size=3, max_size=3))
def test_random_text_renders_escaped_or_is_refused(workdir: Path, values: list[str], cited: list[str]) -> None:
    reset(workdir)
    content = workdir / "content"
    docs = {name: yaml.safe_load(original(name)) for name in FILES}
    for (name, path), value in zip(TEXT_FIELDS, values):
        value = value[:40] if path[-1] == "status" else value  # the one field limited to 40 characters
        put(docs[name], path, [value] if path[-1] == "aliases" else value)
    for (name, path), value in zip(CITED, cited):
        put(docs[name], path, value)
    # The quote's citation must contain its words: cite the quote's own text.
    docs["entries/charges.yaml"]["quotes"][0]["citations"][0]["quote"] = cited[1]
    with (workdir / "seeds" / "wire.txt").open("a", encoding="utf-8") as seed:
        seed.write("\n" + "\n".join(cited) + "\n")
    for name, data in docs.items():
        (content / name).write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")

    result = build_in_memory(content)
    event("refused" if isinstance(result, list) else "rendered")
    if isinstance(result, list):
        event(result[0].split(": ", 2)[-1][:40])
        return  # refused (e.g. a loaded word, an empty title, a control character) with addressed problems
    for path, data in result.items():
        if path.endswith(".html"):
            assert live_markup(data.decode("utf-8")) == [], path
        elif path.endswith(".xml"):
            ET.fromstring(data)
    case = json.loads(result["case.json"])
    assert case["case"]["title"] == docs["case.yaml"]["title"].strip()
