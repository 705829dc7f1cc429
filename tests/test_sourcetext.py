"""Citations are checked against the text a reader sees: Markdown and HTML sources are also read without their markup."""

from __future__ import annotations

from pathlib import Path

from site_builder.articles.sourcetext import normalize, read_source


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
