"""Stage 1, read: seed text, Markdown with front matter, HTML; furniture removed; dates settled."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.articles.read import ReadError, read_article


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_seed_with_headline_and_furniture(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2025-02-17 Your tip\n"
                 "EXCLUSIVE: Star Slammed Over Shocking Trailer\n\n"
                 "Feb. 17 2025, Published 7:00 a.m. ET\n\n"
                 "The star appeared in a trailer on Monday.\n\n"
                 "Scroll down for more.\n")
    article = read_article(path)
    assert article.title == "Star Slammed Over Shocking Trailer"
    assert article.paragraphs == ["The star appeared in a trailer on Monday."]
    assert article.published == "2025-02-17"
    assert article.notes == []


def test_seed_starting_with_body_text_has_no_title(tmp_path: Path) -> None:
    path = write(tmp_path, "b.txt", " date 2021-10-23 On a ranch, the actor was filming a movie Thursday when he needed a gun.\n\n"
                 "A second paragraph follows here.\n")
    article = read_article(path)
    assert article.title is None
    assert article.paragraphs[0].startswith("On a ranch")


def test_stated_date_beats_a_wrong_stored_date_and_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "c.txt", " date 2024-07-30 Council votes on budget\n"
                 "Published July 12 2024\n"
                 "The council voted on the budget.\n")
    article = read_article(path)
    assert article.published == "2024-07-12"
    assert any("date conflict" in n and "2024-07-30" in n and "2024-07-12" in n for n in article.notes)


def test_byline_copyright_and_truncated_end(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", " date 2025-01-27 Show trailer arrives\n\n"
                 "Posted/updated on: January 27, 2025 at 11:06 am\n\nRou Shoots\n\n"
                 "The trailer arrived. The new series will debut soon.\n\n"
                 "Copyright © 2025, ABC Audio. All rights res")
    article = read_article(path)
    assert article.publisher == "ABC Audio"
    assert article.published == "2025-01-27"
    assert all("Rou Shoots" not in p for p in article.paragraphs)
    assert not article.truncated


def test_unfinished_last_sentence_is_marked(tmp_path: Path) -> None:
    path = write(tmp_path, "e.txt", " date 2021-10-23 A complete sentence here. And then the text stops mid-wo")
    article = read_article(path)
    assert article.truncated
    assert any("ends mid-sentence" in note for note in article.notes)


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "f.md", "---\ntitle: Judge rules in case\npublisher: The Courier\ndate: 2023-09-08\n"
                 "url: https://courier.example.org/a\n---\n\n# Judge rules in case\n\n"
                 "A judge **ruled** on [Thursday](https://x.example).\n\n## Background\n\n- It began in 2021.\n")
    article = read_article(path)
    assert (article.title, article.publisher, article.published, article.url) == (
        "Judge rules in case", "The Courier", "2023-09-08", "https://courier.example.org/a")
    assert article.paragraphs == ["A judge ruled on Thursday.", "It began in 2021."]


def test_html_main_text_without_navigation_ads_or_captions(tmp_path: Path) -> None:
    path = write(tmp_path, "g.html", """<!doctype html><html><head><title>T | Site</title>
<meta property="og:title" content="Jury reaches verdict"><meta property="og:site_name" content="The Ledger">
<meta property="article:published_time" content="2024-11-21T09:30:00Z"></head><body>
<nav><a href="/">Home</a> Sports News Weather</nav><div class="ad-slot">Buy now and save a lot today!</div>
<article><h1>Jury reaches verdict</h1><p class="byline">By Jordan Lee</p>
<p>A jury on Wednesday found the defendant guilty.</p>
<figure><figcaption>The courthouse. Photo: staff photographer</figcaption></figure>
<p>The judge set sentencing for next year.</p></article>
<footer><p>Copyright 2024 The Ledger. All rights reserved.</p></footer></body></html>""")
    article = read_article(path)
    assert article.title == "Jury reaches verdict"
    assert article.publisher == "The Ledger"
    assert article.published == "2024-11-21"
    assert article.paragraphs == ["A jury on Wednesday found the defendant guilty.", "The judge set sentencing for next year."]


def test_a_folder_index_row_beats_what_an_html_page_says_about_itself(tmp_path: Path) -> None:
    """The index of a folder of saved pages names the outlet and the date; the page's own og:site_name is the wire's
    and it states no date. As for a .txt or .md article, the curated row wins and fills what the page lacks."""
    path = write(tmp_path, "p.html", '<html><head><title>Verdict</title><meta property="og:site_name" content="Wire Service">'
                                     "</head><body><article><p>The jury found the defendant guilty on Wednesday.</p>"
                                     "<p>The judge set sentencing for next year.</p></article></body></html>")
    article = read_article(path, {"publisher": "The Ledger", "published": "2024-11-21", "url": "https://ledger.example/v"})
    assert (article.publisher, article.published, article.url) == ("The Ledger", "2024-11-21", "https://ledger.example/v")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"   \n\n", "empty"),
    ("binary.txt", b"\x00\x01\x02PNG", "binary"),
    ("notes.docx", b"whatever", "not an article file"),
    ("furniture.txt", b" date 2024-01-01 Your tip\nScroll down for more\n", "no article text"),
    ("latin1.txt", b" date 2024-01-01 Caf\xe9 owner sued.\n", "not UTF-8 text"),
    ("utf16.txt", b"\xff\xfe d\x00a\x00", "UTF-16"),
])
def test_unusable_files_raise_clear_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        read_article(write(tmp_path, name, data))


def test_credit_and_tip_lines_are_furniture(tmp_path: Path) -> None:
    path = write(tmp_path, "credits.txt", " date 2024-03-05 Clinic manager charged\n"
                 "A clinic manager was charged on Monday.\n"
                 "She denied the charges.\n"
                 "Wire service writer Lena Moss in Boise contributed to this report.\n"
                 "Reporting by Lena Moss; Editing by Carl Dunn\n"
                 "Author: Lena Moss\n"
                 "Your tip could be our next story. Send it to the newsroom.\n"
                 "Additional reporting by Carl Dunn.\n")
    article = read_article(path)
    assert article.paragraphs == ["A clinic manager was charged on Monday.", "She denied the charges."]


def test_a_sentence_about_contributions_is_not_a_credit_line(tmp_path: Path) -> None:
    path = write(tmp_path, "body.txt", " date 2024-03-05 Donor named\n"
                 "The donor contributed to this report's funding, the paper disclosed on Monday.\n"
                 "Reporting by the paper found no wrongdoing, its editor said.\n")
    article = read_article(path)
    assert len(article.paragraphs) == 2


def test_wire_credit_lines_in_brackets_are_furniture(tmp_path: Path) -> None:
    path = write(tmp_path, "wire.txt", " date 2023-08-09 Bakery owner sued\n"
                 "A bakery owner was sued on Tuesday.\n"
                 "(Reporting by Ottilie Brask in Marlow, Oregon; Editing by Fen Stroud)\n"
                 "[Writing by Ottilie Brask; additional reporting by Pim Ashe]\n")
    article = read_article(path)
    assert article.paragraphs == ["A bakery owner was sued on Tuesday."]


def test_a_bracketed_aside_in_the_text_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "aside.txt", " date 2023-08-09 Bakery owner sued\n"
                 "A bakery owner was sued on Tuesday.\n"
                 "(Reporting by the county newspaper first raised the questions, the owner said.)\n")
    assert len(read_article(path).paragraphs) == 2


def test_photo_credits_staff_bylines_and_a_trailing_wire_credit_are_furniture(tmp_path: Path) -> None:
    path = write(tmp_path, "credits2.txt", " date 2023-08-09 Bakery owner sued\n"
                 "Ottilie Brask, Courts Reporter\n"
                 "Photograph by Pim Ashe for the Marlow Ledger\n"
                 "Photos: Fen Stroud/Wirepix\n"
                 "A bakery owner was sued on Tuesday.\n"
                 "She denied it. (Reporting by Ottilie Brask; Editing by Fen Stroud)\n")
    article = read_article(path)
    assert article.paragraphs == ["A bakery owner was sued on Tuesday.", "She denied it."]


def test_a_name_and_title_line_that_is_not_a_byline_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "kept.txt", " date 2023-08-09 Bakery owner sued\n"
                 "A bakery owner was sued on Tuesday.\n"
                 "Ottilie Brask, the owner, said she would fight the suit.\n"
                 "Photographs by the owner's staff showed the damage, the complaint says.\n")
    assert len(read_article(path).paragraphs) == 3


def test_html_tickers_banners_sponsored_and_most_read_blocks_are_furniture(tmp_path: Path) -> None:
    path = write(tmp_path, "tv.html", """<!doctype html><html><head><title>Verdict | Channel 9</title></head><body>
<article><h1>Jury reaches verdict</h1>
<div class="breaking-ticker">Weather alert: storms on Friday across the valley</div>
<div id="consent-banner">We use cookies so that Ada Fenn can improve your visit.</div>
<div class="sponsored-content">Dr. Ada Fenn whitens teeth in one visit, patients say.</div>
<div class="most-read"><p>Council member Hal Orme wins the vote on the new pool.</p></div>
<div class="paywall-prompt">Subscribers read Ada Fenn's column first every week.</div>
<p>A jury on Wednesday found the defendant guilty.</p>
<div class="right-rail">Hal Orme talks about the pool vote in a new video.</div>
</article></body></html>""")
    assert read_article(path).paragraphs == ["A jury on Wednesday found the defendant guilty."]


def test_markdown_line_introducing_a_block_quote_is_kept_and_a_newsletter_blurb_is_furniture(tmp_path: Path) -> None:
    path = write(tmp_path, "n.md", "---\ntitle: Weekly notes\npublisher: Ledger Notes\ndate: 2024-03-05\n---\n\n"
                 "*Ledger Notes is a weekly letter about creditors. Written by Oona Bracken. Forwarded this? "
                 "[Subscribe here.](https://notes.example.com/s)*\n\n"
                 "The estate filed its plan on Monday.\n\n"
                 "Dana Ostrow, the estate's chief executive, defended the plan in a blog post on Tuesday:\n\n"
                 "> We did the best we could with what was left.\n")
    article = read_article(path)
    assert article.paragraphs == ["The estate filed its plan on Monday.",
                                  "Dana Ostrow, the estate's chief executive, defended the plan in a blog post on Tuesday:",
                                  "We did the best we could with what was left."]


def test_a_byline_run_into_the_first_sentence_is_cut_off(tmp_path: Path) -> None:
    # copied from a page where the byline and the text stood in two boxes: "By Ana RuizThe council voted …"
    path = write(tmp_path, "d.txt", " date 2024-07-30 Council votes on budget\n"
                 "By Ana RuizThe council voted on Tuesday to cut the library budget.\n\n"
                 "By Tuesday night the vote was final.\n")
    article = read_article(path)
    assert article.paragraphs == ["The council voted on Tuesday to cut the library budget.", "By Tuesday night the vote was final."]
    # a byline on its own line, a hyphenated name and its outlet: still page furniture, no glued text to keep
    path = write(tmp_path, "e.txt", " date 2024-07-30 Council votes on budget\n"
                 "By Ana Ruiz-Vela, Harbor Courier\n\n"
                 "The council voted on Tuesday to cut the library budget.\n")
    assert read_article(path).paragraphs == ["The council voted on Tuesday to cut the library budget."]
