"""Stage 4, claims and quotes: speakers, anonymous sources, scare quotes, neutral wording."""

from __future__ import annotations

from site_builder.convert.claims import extract_claims, extract_quotes
from site_builder.convert.neutral import evaluative, neutralise
from site_builder.convert.topics import TopicDef, TopicMatcher

from .conftest import article_doc

TOPICS = TopicMatcher([TopicDef("show", "Show", ("show", "trailer", "tears", "camera")),
                       TopicDef("court", "Court", ("charges", "judge", "ruling", "appeal", "lawsuit", "prosecutors"))])
LOADED = ("blubbing", "slammed", "crocodile tears", "sneered", "massive", "backlash", "waterworks")


def run(paragraphs: list[str], tabloid: bool = False):  # type: ignore[no-untyped-def]
    doc = article_doc(paragraphs, "2025-03-04", TOPICS, LOADED)
    extract_quotes(doc)
    extract_claims(doc, "the-paper", "statement" if tabloid else "fact", tabloid)
    return doc.rec, doc.quotes, doc.claims, doc.flagged


def speakers(rec, quotes) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(q.text[:20], rec.entities[q.speaker].name if q.speaker in rec.entities else q.speaker) for q in quotes]


def test_speaker_after_before_pronoun_and_continuation() -> None:
    rec, quotes, _, _ = run([
        "Defense attorney Luke Nikas spoke to reporters after the ruling.",
        "“The judge got it right, and we are grateful,” Nikas said. “We will now move on.”",
        "Special Prosecutor Kari Morrissey disagreed with the judge.",
        "She said: “The State intends to appeal the ruling.”",
    ])
    assert speakers(rec, quotes) == [
        ("The judge got it rig", "Luke Nikas"),
        ("We will now move on.", "Luke Nikas"),
        ("The State intends to", "Kari Morrissey"),
    ]
    assert quotes[0].citations[0].quote == "“The judge got it right, and we are grateful,” Nikas said."


def test_anonymous_sources_and_multi_paragraph_quotes() -> None:
    rec, quotes, claims, _ = run([
        "The trailer shows the star in tears on camera.",
        '"His weeping on camera isn\'t fooling anybody," an insider told us.',
        'The source also sneered about the show: "Using the tragedy seems like a low blow.',
        '"It\'s offensive and will probably backfire."',
    ])
    # the quotation re-opened in the next paragraph is a second part with the same speaker
    assert [q.speaker for q in quotes] == ["anonymous", "anonymous", "anonymous"]
    assert quotes[1].text == "Using the tragedy seems like a low blow."
    assert quotes[2].text == "It's offensive and will probably backfire."
    assert [c.kind for c in claims if c.attributed_to == "anonymous"] == ["anonymous"]


def test_scare_quotes_and_legal_terms_are_not_quotes() -> None:
    _, quotes, _, _ = run([
        "The judge dismissed the charges “with prejudice,” meaning prosecutors cannot refile them.",
        "The star's 'crocodile tears' in the trailer drew a \"massive\" reaction.",
    ])
    assert quotes == []


def test_claim_kinds_and_attribution() -> None:
    rec, _, claims, _ = run([
        "Judge Mary Sommer ruled that prosecutors had withheld evidence from the defense.",
        "The lawsuit alleges that prosecutors sought to scapegoat the actor.",
        "Prosecutors denied that they acted improperly in the charges.",
        "The judge set a hearing on the appeal for next month.",
    ])
    kinds = [(c.kind, c.attributed_to) for c in claims]
    # the lawsuit's assertion names no filer: left out, never the outlet's fact; prosecutors of no office the article
    # names are an unnamed source (a claim of kind anonymous, whatever the verb)
    assert kinds == [("ruling", "mary-sommer"), ("anonymous", "anonymous"), ("fact", "the-paper")]


def test_neutral_voice_drops_modifiers_and_quotes_other_loaded_words() -> None:
    result = neutralise("EXCLUSIVE: Blubbing Alec Baldwin slammed the show amid a massive backlash, RadarOnline.com can reveal.", LOADED)
    assert result.text == "Alec Baldwin criticised the show amid a “massive backlash”."
    assert set(result.flagged) == {"Blubbing", "slammed", "massive", "backlash"}
    assert neutralise("She wept 'crocodile tears' on camera.", LOADED).flagged == ()


def test_evaluative_words_beyond_the_loaded_ones_are_found_outside_quotation_marks() -> None:
    assert evaluative("The disgraced star gave a stunning interview about the “shocking” trailer.", LOADED) == ["disgraced", "stunning"]
    # the case's loaded words are the neutraliser's, not listed again
    assert evaluative("A massive and brutal backlash followed the trailer.", LOADED) == ["brutal"]


def test_more_attribution_shapes() -> None:
    cases = [
        (["Defense attorney Jane Doe spoke after the ruling. She said:", "“We will appeal the charges.”"], "Jane Doe"),
        (["“The charges are weak,” said two people with knowledge of the case."], "anonymous"),
        (["The judge was blunt. “The ruling stands,” a person who spoke on condition of anonymity said."], "anonymous"),
        (["“We will appeal the ruling,” Jane Doe told reporters, according to an official who was not authorized to speak publicly."], "Jane Doe"),
    ]
    for paragraphs, expected in cases:
        rec, quotes, _, _ = run(paragraphs)
        assert [name for _, name in speakers(rec, quotes)] == [expected], paragraphs


def test_titles_and_enumerated_standards_are_not_quotes_but_short_replies_are() -> None:
    _, quotes, _, _ = run([
        "The judge found \"malice, oppression or fraud\" in the trailer for the show.",
        "Dana Pike hosted the show \"Knives & Sirens\" and a podcast, \"Back of the Line.\"",
    ])
    assert quotes == []
    rec, quotes, _, _ = run(["Dana Pike, who starred in the show, watches her son cut the trailer.", '"Looks good," she says.',
                             '"Yes," she said.'])
    assert speakers(rec, quotes) == [("Looks good", "Dana Pike")]
    # a list of words someone called the show is theirs
    rec, quotes, _, _ = run(['Dana Pike called the show "cruel, cynical and dishonest" in a post on Monday.'])
    assert speakers(rec, quotes) == [("cruel, cynical and d", "Dana Pike")]


def test_a_quoted_term_is_not_given_to_a_verb_far_on_in_another_clause() -> None:
    rec, quotes, _, _ = run(["The panel also rejected Dana Pike's claim that she should have been allowed to present an \"advice of counsel\" "
                             "defense based on memos from the show's lawyers, finding that she never told those lawyers about the trailer."])
    assert speakers(rec, quotes) == []
    rec, quotes, _, _ = run(['The trailer was "a sham from the start," Dana Pike said.'])
    assert speakers(rec, quotes) == [("a sham from the star", "Dana Pike")]


def test_what_someone_called_a_thing_is_its_label_not_a_quote() -> None:
    rec, quotes, _, _ = run(["Dana Pike routed the money from the show through what the studio called a \"special trailer account,\" "
                             "prosecutors said."])
    assert speakers(rec, quotes) == []
    # a whole sentence quoted after "called" is still a quote
    rec, quotes, _, _ = run(['Dana Pike called the trailer "a lie told to every viewer of the show" on Monday.'])
    assert speakers(rec, quotes) == [("a lie told to every ", "Dana Pike")]


def test_a_quotation_cut_off_by_the_excerpt_is_nobody_s_yet() -> None:
    """The stored excerpt ends inside a quotation: its attribution was cut, so it is not the last speaker's."""
    doc = article_doc([
        "\u201cThe trial of the show is over for us,\u201d Dana Pike said in a statement on the charges.",
        "\u201cIt is time for the studio to answer for the trailer of the show,",
    ], "2025-03-04", TOPICS, LOADED)
    doc.skip = frozenset({len(doc.seg.sentences) - 1})  # what extract() marks for a truncated article
    extract_quotes(doc)
    assert speakers(doc.rec, doc.quotes) == [("The trial of the sho", "Dana Pike"), ("It is time for the s", "unknown")]


def test_an_unnamed_speakers_description_is_in_the_sites_voice() -> None:
    """A loaded word in how the article describes an unnamed source is quoted, as in a claim's text (check reads the
    description as the site's own text); the sentence's loaded word is flagged once, for the sentence."""
    _, quotes, claims, flagged = run(['"The star is faking it on camera," a blubbing insider told the paper.'])
    assert [q.described_as for q in quotes] == ["a “blubbing” insider"]
    assert [c.described_as for c in claims] == ["a “blubbing” insider"]
    assert flagged == [("blubbing", '"The star is faking it on camera," a blubbing insider told the paper.')]


def test_a_loaded_word_before_a_weekday_or_a_phrasal_verb_is_quoted_not_dropped() -> None:
    # only a modifier of a name is dropped: before "Tuesday" the words are no name's, and a verb with its particle
    # ("shot down") is no modifier; dropping either would leave a title without its act
    loaded = ("star turn", "shot down", "convicted killer", "decisively")
    assert neutralise("The trial took a star turn Tuesday as Dana Pike testified.", loaded).text == \
        "The trial took a “star turn” Tuesday as Dana Pike testified."
    assert neutralise("Judge Lee Marsh shot down Dana Pike's bid for a new trial.", loaded).text == \
        "Judge Lee Marsh “shot down” Dana Pike's bid for a new trial."
    # a run of loaded words before a name: the last is the name's modifier (dropped), the rest is quoted
    assert neutralise("Judge Lee Marsh decisively shot down convicted killer Dana Pike's bid on Monday.", loaded).text == \
        "Judge Lee Marsh “decisively shot down” Dana Pike's bid on Monday."
    # modifiers only, however many: all dropped
    assert neutralise("Convicted killer Dana Pike lost her bid on Monday.", ("convicted killer", "disgraced")).text == "Dana Pike lost her bid on Monday."
    assert neutralise("Disgraced convicted killer Dana Pike lost her bid on Monday.", ("convicted killer", "disgraced")).text == "Dana Pike lost her bid on Monday."
