"""Stage 2, segment: sentences survive abbreviations, initials and quotes; quotes may span paragraphs."""

from __future__ import annotations

from site_builder.convert.segment import segment, split_sentences


def sentences(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in split_sentences(paragraph)]


def test_abbreviations_initials_and_dotted_acronyms_do_not_end_sentences() -> None:
    text = ("The motion was filed on Sept. 5, 2024, by Special Prosecutor Kari T. Morrissey. "
            "Mr. Baldwin arrived at 7 a.m. ET with his lawyer. The U.S. Attorney declined to comment. "
            "He left at 9 p.m. The hearing resumed Tuesday.")
    assert sentences(text) == [
        "The motion was filed on Sept. 5, 2024, by Special Prosecutor Kari T. Morrissey.",
        "Mr. Baldwin arrived at 7 a.m. ET with his lawyer.",
        "The U.S. Attorney declined to comment.",
        "He left at 9 p.m.",
        "The hearing resumed Tuesday.",
    ]


def test_quote_followed_by_lowercase_attribution_stays_one_sentence() -> None:
    text = "“Why would he do that?” she asked. “We will win.” Nikas said so. According to E! News, it was filed."
    assert sentences(text) == ["“Why would he do that?” she asked.", "“We will win.”", "Nikas said so.",
                               "According to E! News, it was filed."]


def test_quote_running_over_two_paragraphs_is_one_span() -> None:
    seg = segment(['The source said: "Using the tragedy seems like a low blow.', '"It\'s offensive and will backfire."',
                   "Another paragraph with 'scare quotes' here."])
    long = [q for q in seg.quotes if q.words > 3]
    assert [(q.inner, q.continued) for q in long] == [("Using the tragedy seems like a low blow.", False),
                                                      ("It's offensive and will backfire.", True)]
    assert all("scare" not in q.inner for q in seg.quotes)


def test_apostrophes_are_not_quote_marks_in_single_quote_style() -> None:
    seg = segment(["Hutchins' family said 'we want the truth to come out now' on Friday.", "It's Baldwin's view."])
    assert [q.inner for q in seg.quotes] == ["we want the truth to come out now"]


def test_court_abbreviations_of_a_case_caption_do_not_end_sentences() -> None:
    text = "The case is State v. Marrow, No. 23CR0412 (Tessel Cnty. Cir. Ct.), and it resumes in June. He declined to comment."
    assert sentences(text) == ["The case is State v. Marrow, No. 23CR0412 (Tessel Cnty. Cir. Ct.), and it resumes in June.",
                               "He declined to comment."]
