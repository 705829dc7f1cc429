"""Quotation marks read by context: the voice check's idea of 'quoted', and citations typeset for <q>.

Every expected value below was written by hand from the input string.
"""

from __future__ import annotations

import pytest

from site_builder.content.quotemarks import for_quotation, spans, unquoted
from site_builder.content.voice import loaded_words_in

WORDS = ("slammed", "crocodile tears", "insists", "worst acting")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # outside quotation marks: found
        ("Critics slammed the show.", ["slammed"]),
        ("He insists he is innocent.", ["insists"]),
        # straight and curly, double and single
        ('Critics called it "slammed".', []),
        ("Critics called it “slammed”.", []),
        ("Critics called it 'slammed'.", []),
        ("Critics called it ‘slammed’.", []),
        # nested: single inside double, double inside single, same style inside curly
        ('"They said it was \'crocodile tears\' all along," she wrote.', []),
        ("‘He called them “crocodile tears”,’ she wrote.", []),
        ("“It was ‘the worst acting’, and he insists on it,” she said.", []),
        # a quotation running over a sentence boundary
        ('"It was the worst acting. He insists it was real," the insider said.', []),
        ("“It was the worst acting. He insists it was real,” the insider said. He insists on nothing.", ["insists"]),
        # apostrophes are not quotation marks
        ("Baldwin's lawyer insists it was an accident.", ["insists"]),
        ("Baldwin’s weeping on camera \"isn't fooling anybody\", some of Baldwin's worst acting.", ["worst acting"]),
        ('An insider said Baldwin\'s weeping "Isn\'t fooling anybody"; RadarOnline calls it "some of Baldwin\'s worst acting on film".', []),
        # a plural possessive does not open or close anything
        ("Hutchins' family slammed the show; the show's makers called it 'a tribute'.", ["slammed"]),
        # an unclosed mark quotes nothing (a stray mark cannot hide the rest of a text)
        ('He said "it was slammed and then left.', ["slammed"]),
        ("‘It was slammed", ["slammed"]),
        # after a dash or a colon a straight mark opens
        ('The verdict—"slammed" by critics—stood.', []),
        ('One word:"slammed".', []),
        # inflections of a listed word
        ("Critics insisted; she is insisting.", []),
        ("The crocodile-tears remark was slammed.", ["crocodile-tears", "slammed"]),
    ],
)
def test_loaded_words_outside_quotation(text: str, found: list[str]) -> None:
    assert loaded_words_in(text, WORDS) == found


def test_unquoted_keeps_offsets() -> None:
    text = 'He said "no" twice.'
    assert unquoted(text) == "He said      twice."
    assert len(unquoted(text)) == len(text)


def test_spans_and_their_depth() -> None:
    text = "“A ‘b’ c” d ‘e’"
    assert [(s.start, s.end, s.depth) for s in spans(text)] == [(3, 5, 1), (0, 8, 0), (12, 14, 0)]


@pytest.mark.parametrize(
    ("citation", "shown"),
    [
        # no marks: unchanged
        ("Council member Sam Ortiz was charged.", "Council member Sam Ortiz was charged."),
        # a pair around the whole citation is replaced by the outer pair: curly, straight, single, double
        ("“We will win.”", "We will win."),
        ('"We will win."', "We will win."),
        ("‘We will win.’", "We will win."),
        ("'We will win.'", "We will win."),
        # British punctuation after the closing mark
        ("“We will win”.", "We will win."),
        # a quotation that starts the citation but closes inside it is typeset one level in
        ("“There are no words to convey my shock,” Baldwin, 63, said in a statement Friday on Twitter.",
         "‘There are no words to convey my shock,’ Baldwin, 63, said in a statement Friday on Twitter."),
        ('"I did nothing wrong," Ortiz told reporters.', "‘I did nothing wrong,’ Ortiz told reporters."),
        # … and one that ends it
        ("The actor “relied on the professionals,” Nikas said. “We will fight these charges, and we will win.”",
         "The actor ‘relied on the professionals,’ Nikas said. ‘We will fight these charges, and we will win.’"),
        # nested quotations alternate: single inside the outer pair, double inside those
        ("He said “it was ‘crocodile tears’ on cue”.", "He said ‘it was “crocodile tears” on cue’."),
        ("“It was ‘slammed’ by critics”.", "It was ‘slammed’ by critics."),
        # a quotation running in from the previous paragraph, or on into the next
        ("“There are no words to convey my shock", "There are no words to convey my shock"),
        ("and we will win.”", "and we will win."),
        # apostrophes and possessives are left alone
        ("Hutchins' family called it 'a disgrace'.", "Hutchins' family called it ‘a disgrace’."),
        ("Alec Baldwin 'Rust' manslaughter case reopening dismissed", "Alec Baldwin ‘Rust’ manslaughter case reopening dismissed"),
        ("He's Crying on Cue", "He's Crying on Cue"),
        # surrounding white space
        ("  “Yes.”  ", "Yes."),
    ],
)
def test_a_citation_sits_inside_one_outer_pair(citation: str, shown: str) -> None:
    assert for_quotation(citation) == shown


def test_only_quotation_marks_change() -> None:
    citation = "“There are no words,” Baldwin said. 'It's over', he added — “for now.”"
    shown = for_quotation(citation)
    marks = "\"'“”‘’"
    assert [c for c in shown if c not in marks] == [c for c in citation if c not in marks]
