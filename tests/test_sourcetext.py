"""Citations are checked against the text a reader sees: Markdown and HTML sources are also read without their markup."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from site_builder.articles.sourcetext import SourceFileError, SourcePaths, normalize, read_source, resolve


def test_a_citation_copied_from_rendered_markdown_matches(tmp_path: Path) -> None:
    source = tmp_path / "post.md"
    source.write_text("---\ntitle: A recap\ndate: 2024-04-14\n---\n\n"
                      "In June 2021 the chef sued over an episode of her podcast, *Back of House*. "
                      "The [court](https://example.org) agreed.\n", encoding="utf-8")
    text = read_source(source)
    assert normalize("In June 2021 the chef sued over an episode of her podcast, Back of House.") in text
    assert normalize("The court agreed.") in text
    assert "*Back of House*" in text  # the file's own text still counts too


def test_a_citation_copied_from_a_rendered_html_page_matches(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text("<html><head><title>Verdict</title></head><body><nav>Home | News</nav><article><h1>Verdict in chef case</h1>"
                      "<p>Published March 3, 2024</p><p>The jury sided with <em>Fire &amp; Knife</em> host Rafferty Quayle on Tuesday. "
                      "He thanked them.</p></article></body></html>", encoding="utf-8")
    assert normalize("The jury sided with Fire & Knife host Rafferty Quayle on Tuesday.") in read_source(source)


def test_plain_text_sources_are_read_as_they_are(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(" date 2024-03-05 Headline\nShe said *this* with   emphasis.\n", encoding="utf-8")
    assert "She said *this* with emphasis." in read_source(source)


def _outcome(call: Callable[[], Path]) -> str:
    try:
        return str(call())
    except SourceFileError as exc:
        return f"error: {exc}"


def test_resolving_many_source_paths_at_once_answers_as_resolve_does(tmp_path: Path) -> None:
    """SourcePaths follows each folder's links once per build; for every kind of path it must give resolve()'s
    answer or its error, word for word (links out of the project, '..', loops, missing files, a linked content folder)."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("host file")
    project = tmp_path / "case"
    (project / "seeds" / "deep").mkdir(parents=True)
    (project / "content").mkdir()
    (project / "seeds" / "a.txt").write_text("a")
    (project / "seeds" / "deep" / "b.txt").write_text("b")
    (project / "seeds" / "to-a.txt").symlink_to(project / "seeds" / "a.txt")  # a link inside the project: followed
    (project / "seeds" / "out.txt").symlink_to(outside / "secret.txt")  # a file linked out of the project
    (project / "linked").symlink_to(outside)  # a folder linked out of the project
    (project / "inner").symlink_to(project / "seeds")  # a folder linked inside it
    (project / "seeds" / "loop").symlink_to(project / "seeds" / "loop")
    (project / "seeds" / "deep-dir").mkdir()
    # A second content folder that is itself a link: '..' from it climbs from where it really is.
    (tmp_path / "real-content").mkdir()
    (project / "content2").symlink_to(tmp_path / "real-content")
    names = ["../seeds/a.txt", "../seeds/deep/b.txt", "../seeds/to-a.txt", "../seeds/out.txt", "../linked/secret.txt",
             "../inner/a.txt", "../inner/deep/b.txt", "../seeds/loop", "../seeds/missing.txt", "../seeds/deep-dir",
             "../../elsewhere/secret.txt", "../seeds/../seeds/a.txt", "/etc/passwd", "../seeds/", "../seeds/.", "../seeds/..",
             "../seeds/deep/../a.txt", "../seeds/a.txt/x"]
    for content in (project / "content", project / "content2", Path(os.path.relpath(project / "content"))):
        paths = SourcePaths(content)
        for name in names:
            assert _outcome(lambda: paths.resolve(name)) == _outcome(lambda: resolve(content, name)), (content, name)
    paths = SourcePaths(project / "content")
    assert paths.resolve("../inner/a.txt") == (project / "seeds" / "a.txt").resolve()
    assert list(paths.folders) == [str(project / "content" / ".." / "inner")]  # the quick way was taken, its folder kept
    assert _outcome(lambda: paths.resolve("../seeds/out.txt")) == "error: '../seeds/out.txt': refused: a link to a file outside the project"


def test_normalize_makes_every_run_of_unicode_whitespace_one_space() -> None:
    r"""As re.sub(r"\s+", " ", …).strip() after the quotation marks (what it was): every character Python counts
    as whitespace, in any run, at either end, gives one space or none."""
    import random
    import re

    spaces = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u205f\u3000"
    assert all(ch.isspace() for ch in spaces) and not "\u200b".isspace() and not "\ufeff".isspace()
    assert normalize("\u2003 \u201cOne\u201d\u00a0two \n\t three\u2019s\u3000") == "\"One\" two three's"
    rng = random.Random(15)
    alphabet = spaces + "\u200b\ufeffab\u2018\u2019\u201c\u201d"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        marks = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}))
        assert normalize(text) == re.sub(r"\s+", " ", marks).strip(), repr(text)
