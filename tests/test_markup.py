"""Markdown: the shortcut for plain one-line texts gives exactly what the full parser gives."""

from __future__ import annotations

import html
import random
import re

import pytest
import yaml
from markupsafe import Markup

from site_builder.build.markup import _parser, markdown, plain

from .conftest import ROOT

ALPHABET = list("ab AZ09.,;:'()?%/-–—’“”é\u00a0\u2003\u2028\t\n*_`[]!<>&\"#~|{}=+^$@\\1)")
EDGES = ["1. a", "2021. The year", "10) x", "- a", "+ a", "* a", "# h", "> q", "a  b", " a", "a ", "---", "===",
         "a:b", "http://example.org", "a\u00a0", "\u00a0a", "a\u2003b", "a\u2028b", "1234567890. a", "a & b", 'say "no"',
         "It's 5% (or less)/day — “fine”", "x_y", "a*b", "[a]", "<b>", "&amp;", "a\\b", "`c`", "~~s~~"]


def texts_of(data: object) -> list[str]:
    if isinstance(data, dict):
        return [t for v in data.values() for t in texts_of(v)]
    if isinstance(data, list):
        return [t for v in data for t in texts_of(v)]
    return [data] if isinstance(data, str) else []


def corpus() -> list[str]:
    found = [t for path in sorted((ROOT / "content").rglob("*.yaml")) for t in texts_of(yaml.safe_load(path.read_text("utf-8")))]
    rng = random.Random(15)
    found += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8))) for _ in range(20_000)]
    return found + EDGES


@pytest.mark.parametrize("chunk", range(4))
def test_plain_texts_render_as_the_parser_renders_them(chunk: int) -> None:
    texts = corpus()[chunk::4]
    assert [markdown.__wrapped__(t) for t in texts] == [Markup(_parser().render(t).strip()) for t in texts]


@pytest.mark.parametrize("chunk", range(2))
def test_plain_words_of_plain_texts_are_the_parsers(chunk: int) -> None:
    texts = corpus()[chunk::8]
    parser = _parser()
    assert [plain(t) for t in texts] == [" ".join(html.unescape(re.sub(r"<[^>]*>", "", parser.render(t))).split()) for t in texts]


def test_the_shortcut_is_taken_for_plain_sentences_and_not_for_markup() -> None:
    assert markdown("Prosecutors filed the motion on 5 May (a Friday).") == Markup("<p>Prosecutors filed the motion on 5 May (a Friday).</p>")
    assert markdown("*Rust* was filmed") == Markup("<p><em>Rust</em> was filmed</p>")
    assert markdown("2021. A year") == Markup('<ol start="2021">\n<li>A year</li>\n</ol>')
