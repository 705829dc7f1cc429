"""Attribution shapes beyond the basics of test_claims: unnamed people described by role, group subjects,
carried-forward speakers, judges' rulings and documents. Every sentence here is invented."""

from __future__ import annotations

from site_builder.convert.claims import extract_quotes
from tests.convert.conftest import article_doc
from tests.convert.test_claims import TOPICS, run, speakers


def quote_speakers(paragraphs: list[str]) -> list[str | None]:
    rec, quotes, _, _ = run(paragraphs)
    return [name for _, name in speakers(rec, quotes)]


def unnamed_claim(paragraphs: list[str], start: str) -> tuple[str, str, str | None]:
    """(kind, attributed_to id, how the article describes an unnamed speaker) of the claim whose text starts with ``start``."""
    _, _, claims, _ = run(paragraphs)
    claim = next(c for c in claims if c.text.startswith(start))
    return claim.kind, claim.attributed_to, claim.described_as


def claim_of(paragraphs: list[str], start: str) -> tuple[str, str, str]:
    """(kind, attributed_to id, its name) of the claim whose text starts with ``start``."""
    rec, _, claims, _ = run(paragraphs)
    claim = next(c for c in claims if c.text.startswith(start))
    entity = rec.entities.get(claim.attributed_to)
    return claim.kind, claim.attributed_to, entity.name if entity else claim.attributed_to


# 1. Unnamed people described by role are anonymous speakers.

def test_unnamed_people_described_by_role_are_anonymous() -> None:
    cases = [
        '"The trailer was cut three times before anyone saw it," a former studio colleague told the newspaper.',
        '"She cried on camera for days after the show wrapped," a source close to the couple dished.',
        '"Nobody on the show believed a word of that trailer," fumed one longtime camera operator, who asked not to be named.',
        '"The judge was patient with every one of us," said a juror who asked not to be named.',
        '"He kept the charges secret from the whole street," a neighbour said.',
        '"We were told to stay quiet about the charges," two former employees told the paper.',
        '"The trailer made him look sorry," spilled one of his old co-workers.',
    ]
    for sentence in cases:
        assert quote_speakers([sentence]) == ["anonymous"], sentence


def test_a_role_beside_a_name_is_that_person_not_an_unnamed_source() -> None:
    assert quote_speakers(['"The trailer was honest about him," Dana Pike, a former studio colleague, told the newspaper.']) == ["Dana Pike"]
    assert quote_speakers(['"The show was fair to him," a former colleague, Dana Pike, said.']) == ["Dana Pike"]
    # the unnamed employee is who the lawyer speaks for, not who speaks
    kind, _, _ = claim_of(["A lawyer for one former employee said the charges against her were baseless."], "A lawyer")
    assert kind != "anonymous"


def test_tabloid_verbs_report_speech_but_invert_only_after_a_quotation() -> None:
    assert quote_speakers(['"The trailer is all an act," gushed Dana Pike.']) == ["Dana Pike"]
    # "which slammed Dana Pike": Dana Pike is the one criticised, not the speaker
    kind, speaker, _ = claim_of(["The lawsuit, which slammed Dana Pike as reckless, was filed over the show on Monday."], "The lawsuit")
    assert speaker != "dana-pike"


# 2. Group subjects: no junk organisations, a body the article names is preferred.

def test_group_subject_takes_no_stray_words() -> None:
    # prosecutors the article names no office for are an unnamed source, described by the group's words only
    assert unnamed_claim(["The trailer was paid for with the very ad budget prosecutors say he inflated."], "The trailer") == \
        ("anonymous", "anonymous", "prosecutors")
    assert unnamed_claim(["Separately prosecutors said the charges would stand."], "Separately") == ("anonymous", "anonymous", "prosecutors")
    assert claim_of(["Marlow County prosecutors said the charges would stand."], "Marlow County")[2] == "Marlow County prosecutors"
    assert claim_of(["The state's film agency said the charges would not affect the show."], "The state's")[2] == "State's film agency"


def test_group_inside_a_subordinate_clause_is_not_the_speaker() -> None:
    kind, speaker, _ = claim_of(["His trial on the charges was delayed after his attorneys asked for more time."], "His trial")
    assert (kind, speaker) == ("fact", "the-paper")


def test_bare_officials_are_unnamed_unless_the_article_names_the_body() -> None:
    assert unnamed_claim(["Officials said the trailer was filmed long before the charges."], "Officials") == ("anonymous", "anonymous", "officials")
    # words that only say what kind of officials name no body either
    assert unnamed_claim(["Law enforcement officials said the trailer was filmed before the charges."], "Law enforcement") == \
        ("anonymous", "anonymous", "law enforcement officials")
    # a proper name does
    assert claim_of(["Marlow County officials said the trailer was filmed before the charges."], "Marlow County")[2] == "Marlow County officials"


def test_generic_plural_prefers_the_body_the_article_names() -> None:
    paragraphs = ["The Marlow County District Attorney's Office filed the charges against the actor in May.",
                  "Prosecutors said the charges against the actor would stand."]
    kind, speaker, name = claim_of(paragraphs, "Prosecutors")
    assert name == "Marlow County District Attorney's Office"
    # without a body in the article: an unnamed source, described as the article does
    assert unnamed_claim(paragraphs[1:], "Prosecutors") == ("anonymous", "anonymous", "prosecutors")


def test_generic_plural_is_the_one_body_of_its_kind_named_anywhere_in_the_article() -> None:
    filler = [f"The show aired its {n} episode on the charges against the actor in May." for n in ("first", "second", "third", "fourth",
                                                                                                   "fifth", "sixth", "seventh")]
    said = "Prosecutors said the charges against the actor would stand."
    office = "The Marlow County District Attorney's Office declined to comment on the show."
    # named seven sentences before, or only after: still the one prosecuting office the article names
    assert claim_of([office, *filler, said], "Prosecutors")[2] == "Marlow County District Attorney's Office"
    assert claim_of([said, *filler, office], "Prosecutors")[2] == "Marlow County District Attorney's Office"
    # two offices named: which one spoke is a guess, so the speaker stays unnamed
    other = "The Alder State Department of Justice opened its own inquiry into the charges against the actor."
    assert unnamed_claim([office, other, said], "Prosecutors") == ("anonymous", "anonymous", "prosecutors")
    # the office's short form later ("the District Attorney's Office") is the same office, not a second one
    short = "The District Attorney's Office declined to comment on the show."
    assert claim_of([office, said, short], "Prosecutors")[2] == "Marlow County District Attorney's Office"


def test_people_acting_for_someone_are_unnamed_sources_described_as_the_article_does() -> None:
    assert unnamed_claim(["Dana Pike's lawyers said the charges against the actor were false."], "Dana Pike's") == \
        ("anonymous", "anonymous", "Dana Pike's lawyers")
    # a surname is written out as the full name the article gives
    assert unnamed_claim(["Dana Pike was charged in May.", "Pike's legal team said the charges against the actor were false."],
                         "Pike's legal team") == ("anonymous", "anonymous", "Dana Pike's legal team")
    assert unnamed_claim(["The defense said the charges against the actor were false."], "The defense") == \
        ("anonymous", "anonymous", "the defense")
    # never the person they act for
    assert quote_speakers(['"The charges are false," Dana Pike\'s representatives said in a statement.']) == ["anonymous"]


# 3. The speaker of a one-word quotation carries over to the next one.

def test_speaker_of_a_short_quote_carries_forward() -> None:
    paragraphs = ["Lawyer Jane Roe was asked whether she would appeal the ruling on the charges.",
                  '"Yes," she said. "But the ruling on the charges is wrong."']
    assert quote_speakers(paragraphs) == ["Jane Roe"]
    # two words a reporting verb governs are the speaker's, but carry nobody past a paragraph about someone else
    assert quote_speakers(["Lawyer Jane Roe called the charges \"a farce\" in court.",
                           "Her client was not in court for the ruling on the charges.",
                           '"The ruling on the charges cannot stand." The appeal was filed on Monday.']) == ["Jane Roe", "unknown"]


# 4. A judge's or court's decision is a ruling.

def test_a_judge_denying_or_dismissing_is_a_ruling() -> None:
    judge = "Judge Ann Lee heard the motion on the charges on Monday."
    assert claim_of([judge, "She also denied a motion to exclude the evidence from the charges."], "She also")[:2] == ("ruling", "ann-lee")
    assert claim_of([judge, "The judge dismissed four of the charges with prejudice."], "The judge")[:2] == ("ruling", "ann-lee")
    assert claim_of([judge, "Lee granted the defense's request to move the trial on the charges."], "Lee granted")[:2] == ("ruling", "ann-lee")
    # prosecutors dismissing charges make no ruling, and a denial by anyone else stays a denial
    assert claim_of(["Prosecutors dismissed the charges against the actor on Friday."], "Prosecutors")[0] == "fact"
    assert claim_of(["Jane Roe denied that her client knew about the charges."], "Jane Roe")[0] == "denial"


def test_the_judge_is_the_nearest_judge_named_before() -> None:
    paragraphs = ["Judge Omar Vance set the trial date on the charges last year.",
                  "Judge Ann Lee heard the motion on Monday.",
                  '"Nothing in the charges holds up against the record," the judge wrote.']
    assert quote_speakers(paragraphs) == ["Ann Lee"]


def test_the_court_named_in_the_article_rules() -> None:
    paragraphs = ["The case on the charges is before the Marlow County Circuit Court.",
                  "The court granted the defense's motion for a new trial on the charges."]
    kind, speaker, name = claim_of(paragraphs, "The court")
    assert (kind, name) == ("ruling", "Marlow County Circuit Court")


# 5. Documents are attributed to whoever the article says issued them, and never to an invented speaker.

def test_a_document_is_attributed_to_its_issuer_named_nearby() -> None:
    issued = "Marlow Pictures issued a statement on Monday about the trailer."
    assert quote_speakers([issued, '"The trailer was edited without our consent," the statement said.']) == ["Marlow Pictures"]
    assert quote_speakers(["Dana Pike said in a statement on Friday that she was leaving the show.",
                           '"I am proud of the trailer we made together," the statement said.']) == ["Dana Pike"]
    assert quote_speakers(["Marlow Pictures said in a press release on Monday that filming of the show had resumed.",
                           'According to the press release, "the show will air as planned next month."']) == ["Marlow Pictures"]


def test_a_document_without_an_issuer_gives_no_speaker() -> None:
    assert quote_speakers(["The trailer for the show was released on Monday.",
                           '"The show will air as planned next month," the statement said.']) == ["unknown"]


def test_unnamed_descriptions_do_not_hide_a_named_speaker() -> None:
    # the attribution that closes the sentence governs it
    assert claim_of(["A neighbour called the police about the charges, the sheriff's office said."], "A neighbour")[1] != "anonymous"
    # the object of "told" is not its speaker
    assert claim_of(["Dana Pike told a former colleague that the charges were false."], "Dana Pike")[1] == "dana-pike"
    # a name right after the description is the speaker
    assert quote_speakers(['"The charges are false," said one of the jurors, Dana Pike.']) == ["Dana Pike"]
    # "adding that …" is not the sentence's own attribution
    assert quote_speakers(['"The trailer was a lie," a former colleague told the paper, adding that Dana Pike agreed.']) == ["anonymous"]


def test_a_release_quoting_an_official_is_the_office_s() -> None:
    paragraphs = ["The Marlow County District Attorney's Office announced the charges against the actor on Monday.",
                  '"The charges reflect a year of work," District Attorney Dana Pike said in the office\'s news release.',
                  "According to the release, the trailer for the show was paid for with county money."]
    assert quote_speakers(paragraphs) == ["Dana Pike"]
    assert claim_of(paragraphs, "According to the release")[2] == "Marlow County District Attorney's Office"


def test_a_statement_is_whoever_spoke_in_it_before() -> None:
    assert quote_speakers(["In a statement, Marlow Pictures said the trailer was never meant to mock the charges.",
                           '"We regret any offence the trailer caused," the statement said.']) == ["Marlow Pictures"]
    assert quote_speakers(["In a statement, the studio said the trailer was never meant to mock the charges.",
                           '"We regret any offence the trailer caused," the statement said.']) == ["Studio"]


def test_unattributed_document_quotes_are_listed_and_kept_with_an_unknown_speaker() -> None:
    doc = article_doc(["The trailer for the show was released on Monday.",
                       '"The show will air as planned next month," the statement said.'], "2025-03-04", TOPICS)
    extract_quotes(doc)
    assert [(q.speaker, q.text) for q in doc.quotes] == [("unknown", "The show will air as planned next month")]
    assert doc.unattributed == ["statement: “The show will air as planned next month”"]
    # nor does the previous speaker take over a quotation the article gives to a document
    assert quote_speakers(['"We will appeal the charges," Dana Pike said.', '"The show will air as planned," the statement said.']) == ["Dana Pike", "unknown"]


def test_a_quotation_without_case_words_takes_the_strand_of_the_nearest_sentence() -> None:
    paragraphs = ["The trailer for the show was released on Monday.", "It ran for two minutes.", "Viewers noticed the music.",
                  "Some called it bold.", '"It felt like a real apology," a longtime viewer said.']
    assert quote_speakers(paragraphs) == ["anonymous"]


# 6. Speakers named in an appositive, after a colon, in a later sentence; block quotes and exchanges.

def test_a_lawyer_speaking_for_a_client_is_the_lawyer() -> None:
    assert quote_speakers(['"The trailer was cut for the charges before anyone saw it," Dana Pike, a lawyer for Lee Marsh, said in a '
                           'statement. "He was given every chance. He chose not to."']) == ["Dana Pike", "Dana Pike"]
    assert quote_speakers(['"The trailer was cut," Dana Pike, the mother of Lee Marsh, said.']) == ["Dana Pike"]
    # a list of names is no appositive
    assert quote_speakers(['"We will appeal the charges," Dana Pike, Ada Kline and Lee Marsh said.']) == ["Lee Marsh"]


def test_a_clause_ending_in_a_colon_introduces_its_subject_s_words() -> None:
    assert quote_speakers(["Judge Mary Sommer heard the appeal on the charges on Monday.",
                           'On the appeal, the judge was blunt: "Whether a man has been charged is a fact that can be checked."']) == ["Mary Sommer"]
    assert quote_speakers(["Dana Pike spoke after the ruling on the charges.",
                           'She put it this way: "Nobody on the show was ever charged with anything."']) == ["Dana Pike"]
    assert quote_speakers(["Lee Marsh had a message for the judge:", '"The charges were a lie from the start."']) == ["Lee Marsh"]
    # a document or a list is nobody's lead-in, nor is the owner of what speaks
    assert quote_speakers(["Dana Pike sued over the trailer.", 'Pike\'s lawsuit was blunt: "The show lied about the charges from the start."']) == ["unknown"]
    assert quote_speakers(['The ruling lists three points: "the charges were stale and the appeal late."']) == ["unknown"]


def test_a_quotation_paragraph_after_who_tells_it_is_theirs() -> None:
    paragraphs = ["The trailer for the show was cut in a single night in 2019.",
                  "Dana Pike has told the story many times, and she tells it the same way every time.",
                  '"The producer walked in at midnight. He said the trailer was wrong. We cut it again before the charges came.',
                  '"Nobody slept that night."']
    assert quote_speakers(paragraphs) == ["Dana Pike", "Dana Pike"]
    # a paragraph without a teller gives its quotation to nobody
    assert quote_speakers(["The trailer for the show was cut in a single night in 2019.",
                           '"The producer walked in at midnight. He said the trailer was wrong. We cut it again."']) == ["unknown"]


def test_a_name_before_quoted_words_is_their_subject_not_their_speaker() -> None:
    assert quote_speakers(['The apology calls the trailer "a mistake we regret" and says Dana Pike "never saw the charges before the show aired."']) == ["unknown"]
    assert quote_speakers(['"We never saw the charges before the show aired," says Dana Pike.']) == ["Dana Pike"]


def test_a_participle_reports_the_words_of_the_sentence_s_subject() -> None:
    assert quote_speakers(['In a ruling issued Thursday, Superior Court Judge Mary Sommer cut the award for the trailer, saying it was '
                           'out of proportion to the "modest means of a man with no charges."']) == ["Mary Sommer"]
    assert quote_speakers(['The show was canceled after Dana Pike left, saying nothing about the "charges he never faced in the trailer."']) == ["unknown"]
    assert quote_speakers(['Dana Pike left the show, adding to what critics called "a season of charges and no answers."']) == ["unknown"]


def test_an_unnamed_person_in_a_relative_clause_is_anonymous() -> None:
    assert quote_speakers(['A judge dismissed a suit by Dana Pike against a critic who reviewed the show and called the trailer '
                           '"a crime against television."']) == ["anonymous"]
    # a named person is not made anonymous by a relative clause before the verb
    assert quote_speakers(['Dana Pike, who starred in the show, said the trailer was "a crime against television."']) == ["Dana Pike"]
    assert quote_speakers(['Dana Pike, a critic who reviewed the show, said the trailer was "a crime against television."']) == ["Dana Pike"]
    # what a speaker said, told in full before, does not make the next quotation theirs
    assert quote_speakers(["The trailer for the show was cut in a single night in 2019.", "Dana Pike said the studio would appeal the charges.",
                           '"However, the time for an appeal of the charges ended on April 2, and the court may not extend it."']) == ["unknown"]
    assert quote_speakers(["The trailer for the show was cut in a single night in 2019.", "Dana Pike told reporters her client denies it.",
                           '"However, the time for an appeal of the charges ended on April 2, and it may not be extended," read the filing.']) == ["unknown"]


# 7. Found on the third held-out set (new sentences): pronouns after long quotations, long appositives, written opinions.

def test_a_pronoun_after_a_quotation_of_several_sentences_looks_before_the_quotation() -> None:
    assert quote_speakers(["Dana Pike, 41, a teacher from Leeds, lost her savings on the show.",
                           '"I feel cheated. I trusted the trailer. I read every word of it," she said. "But the charges came anyway."']) \
        == ["Dana Pike", "Dana Pike"]


def test_an_unresolved_pronoun_is_the_subject_who_opened_the_sentence_before() -> None:
    assert quote_speakers(["Dana Pike, 38, a nurse from Leeds, told the paper she had put money into Lee Marsh's show in 2021.",
                           '"It was meant to be a deposit for the trailer," she said. "Every morning I check the charges."']) \
        == ["Dana Pike", "Dana Pike"]
    assert quote_speakers(["Dana Pike and Ann Lee met Tom Marsh about the show.",
                           "Ms. Pike declined to say whether Ms. Lee or Mr. Marsh would appeal the charges.",
                           'Asked whether more charges were coming, she said, "The review of the trailer is continuing."']) == ["Dana Pike"]
    # a reader the article does not name stays unnamed
    assert quote_speakers(["Another viewer, a teacher in Leeds who asked me not to use his name, pointed out that the trailer was old.",
                           '"The show treats 2019 like it is the end of history," he wrote.']) == ["anonymous"]


def test_a_long_appositive_between_the_speaker_and_the_verb() -> None:
    assert quote_speakers(['"The charges were never true, not one of them," Dana Pike, the chief prosecutor for the northern half of '
                           'the county, said at a news conference on the trailer.']) == ["Dana Pike"]


def test_a_lead_in_with_an_appositive_or_a_written_opinion_names_the_speaker() -> None:
    assert quote_speakers(["Dana Pike, the studio's lawyer, put the best face on it in a post on Tuesday:",
                           '"The trailer was never about the charges."']) == ["Dana Pike"]
    assert quote_speakers(["Judge Dana Pike wrote for the court in the appeal.", "Pike's opinion answered that directly:",
                           '"The charges were filed too late for any appeal to matter."']) == ["Dana Pike"]
    # a block quotation after the paragraph on a written opinion is the opinion's
    assert quote_speakers(["In a 30-page opinion, Judge Dana Pike said the trial court acted within its discretion when it barred the trailer.",
                           '"The charges punish the scheme, not the final tally. The trailer was never evidence of anything."']) == ["Dana Pike"]
    assert quote_speakers(["Judge Lee Marsh joined the ruling on the charges but dissented on the fine, writing that the trial court counted twice.",
                           '"I would vacate the fine and remand the appeal. Punishment should rest on a number anyone can check."']) == ["Lee Marsh"]


def test_a_name_with_its_title_inside_an_appositive_is_not_the_speaker() -> None:
    assert quote_speakers(['"The charges were filed too late for the appeal," Judge Dana Pike, joined by U.S. Circuit Judge Lee Marsh, said.']) \
        == ["Dana Pike"]


def test_a_pronoun_after_a_quotation_does_not_skip_a_sentence_that_names_nobody() -> None:
    # the sentence before the quotation is about someone the article does not name there: "he" is not the earlier speaker
    assert quote_speakers(["Dana Pike said the show was fair to him.",
                           "The producer, wearing a tan suit, turned to face the camera before the trailer ran.",
                           '"I am sorry. I let down every person on the show," he said. "I will spend years making that right."']) == ["unknown", "unknown"]


def test_the_end_of_a_word_is_no_pronoun() -> None:
    # "…the sentence was announced": the 'he' of 'the' names nobody
    assert quote_speakers(["Dana Pike said the show was fair to him.",
                           "Lee Marsh, in a tan suit, turned to the camera before the sentence was announced.",
                           '"I am sorry about the trailer and the charges. I let down every person on the show and my family."']) == ["unknown"]


def test_a_block_quotation_after_what_the_panel_did_is_the_opinion_s_author_s() -> None:
    paragraphs = ["In a 30-page opinion, Circuit Judge Dana Pike said the trial court acted within its discretion on the trailer.",
                  '"The charges punish the scheme, not the final tally. The trailer was never evidence of anything at all."',
                  "The panel also rejected the claim that the show's lawyers had approved the trailer, finding that nobody told them.",
                  '"Advice on the charges is only as good as the facts given. The record on the trailer is clear about that."']
    assert quote_speakers(paragraphs) == ["Dana Pike", "Dana Pike"]
    # not after a paragraph about someone else
    assert quote_speakers([*paragraphs[:2], "The show's lawyers said the trailer was approved by nobody at the studio in 2019.",
                           paragraphs[3]]) == ["Dana Pike", "unknown"]


def test_the_last_quotation_of_an_article_cut_off_mid_quote_is_kept_as_written() -> None:
    """A stored excerpt that stops inside a quotation: the words up to the cut are exact words of the speaker."""
    doc = article_doc(["Dana Pike spoke to reporters after the ruling on the charges.",
                       'She said, "We will appeal the rul'], "2025-03-04", TOPICS)
    extract_quotes(doc)
    assert [(doc.rec.entities[q.speaker].name, q.text) for q in doc.quotes] == [("Dana Pike", "We will appeal the rul")]


def test_an_unnamed_speakers_description_is_the_phrase_without_the_sentences_links() -> None:
    from site_builder.convert.referents import Unnamed, description_at

    # a connective or a subordinator before, an adverb or auxiliary after, a relative clause: not the description
    assert description_at("But a longtime source also ", 0) == "a longtime source"
    assert description_at("Because jurors ", 0) == "jurors"
    assert description_at("a friend of the family, who asked not to be named, had ", 0) == "a friend of the family"
    # words ending in -ly are no adverbs for that alone
    assert description_at("a source close to the family ", 0) == "a source close to the family"
    # the sentence's capital is lowered on a determiner or a common noun, never on a name; "our" is the outlet's
    assert Unnamed("A person familiar with the case").described_as == "a person familiar with the case"
    assert Unnamed("Insiders").described_as == "insiders"
    assert Unnamed("Dana Pike's lawyers").described_as == "Dana Pike's lawyers"
    assert Unnamed("our insider").described_as == "the publication's insider"
    assert Unnamed("our insider") == "anonymous" and Unnamed().described_as is None
