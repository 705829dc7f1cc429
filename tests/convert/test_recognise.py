"""Stage 3, recognise: names with roles, ages and epithets; single names and pronouns; topics."""

from __future__ import annotations

from site_builder.convert.names import find_mentions
from site_builder.convert.directory import Directory, KnownPerson
from site_builder.convert.recognise import group_for, recognise
from site_builder.convert.segment import segment
from site_builder.convert.topics import TopicDef, TopicMatcher

TOPICS = TopicMatcher([
    TopicDef("incident", "Incident", ("shooting", "shot", "prop gun", "live round")),
    TopicDef("court", "Court", ("judge", "dismissed", "motion", "ruling", "TLC")),
])


def people(text: str) -> list[tuple[str, str, str | None, int | None]]:
    return [(m.kind, m.name, m.role, m.age) for m in find_mentions(text) if m.kind in ("person", "single")]


def test_role_appositives_titles_and_ages() -> None:
    assert people("Rust cinematographer Halyna Hutchins, 42, died.") == [("person", "Halyna Hutchins", "Rust cinematographer", 42)]
    assert people("But prominent Los Angeles attorney Gloria Allred isn't buying it.") == [("person", "Gloria Allred", "Los Angeles attorney", None)]
    assert people("Santa Fe District Attorney Mary Carmack-Altwies declined.") == [
        ("person", "Mary Carmack-Altwies", "Santa Fe District Attorney", None)]
    assert people("Special Prosecutor Kari T. Morrissey said so.") == [("person", "Kari T. Morrissey", "Special Prosecutor", None)]
    assert people("Juan Rios, a spokesperson for the sheriff’s office, said it.") == [
        ("person", "Juan Rios", "spokesperson for the sheriff’s office", None)]
    assert people("Baldwin’s attorney, Luke Nikas, called it a tragedy.")[-1] == ("person", "Luke Nikas", "Baldwin’s attorney", None)


def test_places_works_and_openers_are_not_people() -> None:
    text = ("In New Mexico, the 30 Rock star appeared in TLC's The Baldwins, an episode entitled Along Came Hilaria, "
            "filmed in East Hampton near Bonanza Creek Ranch.")
    assert people(text) == []


def test_group_from_role() -> None:
    assert group_for("Santa Fe District Attorney", "person") == "officials"
    assert group_for("U.S. Attorney", "person") == "officials"
    assert group_for("Los Angeles attorney", "person") == "legal"
    assert group_for("Detective", "person") == "officials"
    assert group_for("wife", "person") == "family"
    assert group_for("cinematographer", "person") == "other"


def _recognise(paragraphs: list[str], directory: Directory | None = None, published: str | None = "2025-01-27"):  # type: ignore[no-untyped-def]
    seg = segment(paragraphs)
    return seg, recognise(seg, published, directory or Directory(), TOPICS)


def test_surnames_first_names_family_and_epithets_resolve() -> None:
    seg, rec = _recognise([
        "Actor Alec Baldwin appeared with his wife, Hilaria, in the trailer.",
        "Baldwin, 66, cried. Alec thanked her. The 30 Rock star later left.",
        "Hutchins was shot on the set.",
    ])
    names = {e.name for e in rec.entities.values() if e.kind == "person"}
    assert names == {"Alec Baldwin", "Hilaria Baldwin"}
    alec = next(e for e in rec.entities.values() if e.name == "Alec Baldwin")
    assert "The 30 Rock star" in alec.aliases
    second = [k for _, _, k in rec.sentences[1].entities]
    assert second and set(second) == {alec.id}
    assert "Hutchins" not in rec.unresolved  # no role or title: not reported, not invented


def test_known_people_and_aliases_come_from_the_directory() -> None:
    directory = Directory([KnownPerson("alec-baldwin", "Alec Baldwin", "person", ["the Hollywood star"])])
    seg, rec = _recognise(["The case was dismissed when a judge ruled for the Hollywood star's defense team.",
                           "Baldwin said nothing."], directory)
    assert [k for _, _, k in rec.sentences[0].entities] == ["alec-baldwin"]
    assert [k for _, _, k in rec.sentences[1].entities] == ["alec-baldwin"]
    assert rec.entities["alec-baldwin"].known


def test_pronoun_resolves_to_the_only_candidate_or_the_salient_subject() -> None:
    seg, rec = _recognise(["Wife Hilaria joined him on the show.", "She confessed: \"It has been hard for all of us.\""])
    first_name = next(e for e in rec.entities.values() if e.name.startswith("Hilaria"))
    assert rec.pronoun(1, 0, "She", seg) == first_name.id
    # among several, the subject of the sentence's main clause (salience), not the nearest name
    seg, rec = _recognise(["Gloria Allred met Mary Sommer and Kari Morrissey.", "She said nothing."])
    assert rec.pronoun(1, 0, "She", seg) == "gloria-allred"
    # nobody stands as that subject: ambiguous, no guess
    seg, rec = _recognise(["After the hearing with Mary Sommer and Kari Morrissey, reporters left.", "She said nothing."])
    assert rec.pronoun(1, 0, "She", seg) is None


def test_topics_per_sentence_with_inflections_and_case() -> None:
    assert TOPICS.match("The judge dismissed the motions after the shooting.") == {"incident": 1, "court": 3}
    assert TOPICS.match("TLC aired it.") == {"court": 1}
    assert TOPICS.match("tlc aired it.") == {}
    assert TOPICS.primary({"incident": 1, "court": 1}) == "court"


def test_names_in_many_shapes() -> None:
    assert people("Judge José Álvarez ruled.") == [("person", "José Álvarez", "Judge", None)]
    assert people("Shaquille O’Neal, 52, laughed.") == [("person", "Shaquille O’Neal", None, 52)]
    assert people("Florida Gov. Ron DeSantis said so.")[0][:2] == ("person", "Ron DeSantis")
    assert people("Martin Luther King Jr. spoke.") == [("person", "Martin Luther King Jr.", None, None)]  # the suffix is his name
    assert people("Prosecutor Gloria de la Cruz said so.") == [("person", "Gloria de la Cruz", "Prosecutor", None)]
    assert people("An affidavit signed by Detective Joel Cano of the Santa Fe County sheriff’s office.") == [
        ("person", "Joel Cano", "Detective", None)]
    assert people("He was flown to the University of New Mexico Hospital in Albuquerque.") == []


def _people_of(rec) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.name: k for k, e in rec.entities.items() if e.kind == "person"}


def _keys(rec, index: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [k for _, _, k in rec.sentences[index].entities]


def test_a_nickname_in_a_quote_is_the_same_person_in_either_order() -> None:
    for paragraphs in (
        ["Former treasurer Theodore Lusk, 61, was charged on Monday.",
         "\"I warned Theo Lusk that the ledgers would not balance, and he only shrugged at me,\" a clerk said."],
        ["\"I warned Theo Lusk that the ledgers would not balance, and he only shrugged at me,\" a clerk said.",
         "Former treasurer Theodore Lusk, 61, was charged on Monday."],
    ):
        _, rec = _recognise(paragraphs)
        assert set(_people_of(rec)) == {"Theodore Lusk"}
        lusk = rec.entities[_people_of(rec)["Theodore Lusk"]]
        assert "Theo Lusk" in lusk.aliases
    _, rec = _recognise(["Chris Lusk and Christine Lusk were both charged.", "Mr. Lusk said nothing."])
    assert set(_people_of(rec)) == {"Chris Lusk", "Christine Lusk"}  # two people named in full stay two


def test_a_shared_surname_resolves_by_title_gender_and_prominence() -> None:
    _, rec = _recognise([
        "Theodore Lusk, a former county treasurer, was charged on Monday.",
        "His wife, Marguerite Lusk, was not charged.",
        "Mr. Lusk has denied any wrongdoing.",
        "Mrs. Lusk declined to comment.",
        "Lusk is due back in court in May.",
    ])
    ids = _people_of(rec)
    assert set(ids) == {"Theodore Lusk", "Marguerite Lusk"}  # no third person called "Lusk"
    assert _keys(rec, 2) == [ids["Theodore Lusk"]]
    assert _keys(rec, 3) == [ids["Marguerite Lusk"]]
    assert _keys(rec, 4) == [ids["Theodore Lusk"]]  # the bare surname is the one not named as a relative
    assert rec.entities[ids["Marguerite Lusk"]].role == "Wife of Theodore Lusk"
    _, rec = _recognise([
        "Theodore Lusk, a former county treasurer, was charged on Monday.",
        "Theodore Lusk pleaded not guilty. Theodore Lusk's lawyer asked for bail.",
        "Adrian Lusk, a contractor, was not charged.",
        "Lusk is due back in court in May.",
    ])
    assert _keys(rec, 4) == [_people_of(rec)["Theodore Lusk"]]  # the article's clearly main figure


def test_a_truly_ambiguous_surname_stays_unresolved_and_invents_nobody() -> None:
    _, rec = _recognise(["Theodore Lusk and Adrian Lusk, both contractors, were charged.", "Mr. Lusk declined to comment."])
    assert set(_people_of(rec)) == {"Theodore Lusk", "Adrian Lusk"}
    assert _keys(rec, 1) == []
    _, rec = _recognise(["Mr. Theodore Lusk was charged on Monday.", "Mrs. Lusk declined to comment."])
    assert set(_people_of(rec)) == {"Theodore Lusk"}
    assert _keys(rec, 1) == []  # not him, and not a new person without a first name


def test_possessive_institution_names_are_one_organisation() -> None:
    found = [(m.kind, m.name) for m in find_mentions("The Pell County District Attorney's Office said it would appeal.")]
    assert found == [("org", "Pell County District Attorney's Office")]
    found = [(m.kind, m.name) for m in find_mentions("A spokesman for the Sheriff’s Department said so.")]
    assert found == [("org", "Sheriff’s Department")]
    _, rec = _recognise(["The Pell County District Attorney's Office said it would appeal."])
    assert [e.name for e in rec.entities.values()] == ["Pell County District Attorney's Office"]
    # a person's own office is still the person
    assert people("Mayor Ines Farrow's office said so.") == [("person", "Ines Farrow", "Mayor", None)]


def test_docket_captions_and_abbreviations_are_not_people() -> None:
    text = "The motion was filed in State of Idaho v. Amberley, No. 21CR555 (Pell Cnty. Dist. Ct.), on Monday."
    assert [m.name for m in find_mentions(text) if m.kind == "person"] == []
    seg, rec = _recognise(["Ruth Amberley was indicted.", "See State of Idaho v. Amberley, No. 21CR555 (Pell Cnty. Cir. Ct.)"])
    assert set(_people_of(rec)) == {"Ruth Amberley"}


def test_a_role_word_opening_the_sentence_leaves_the_name() -> None:
    assert people("Co-defendant Tomas Vell, 39, the firm's former payroll chief, pleaded guilty.") == [
        ("person", "Tomas Vell", "firm's former payroll chief", 39)]
    assert people("Ex-husband Tom Amberley declined to comment.") == [("person", "Tom Amberley", "Ex-husband", None)]


def test_the_role_epithet_prefers_the_only_holder_named_so_far() -> None:
    _, rec = _recognise(["Judge Ana Whitcombe denied bail in 2019.", "The judge wrote that the risk was plain.",
                         "Judge Omar Kessel took over the case in 2021."])
    assert _keys(rec, 1) == [_people_of(rec)["Ana Whitcombe"]]
    _, rec = _recognise(["The judge wrote that the evidence was thin.", "Judge Omar Kessel set a trial date."])
    assert _keys(rec, 0) == [_people_of(rec)["Omar Kessel"]]
    _, rec = _recognise(["Judge Ana Whitcombe and Judge Omar Kessel heard the motions.", "The judge wrote that the risk was plain."])
    assert _keys(rec, 1) == []  # two judges named so far: no guess


def test_roles_keep_their_modifiers_and_of_phrases() -> None:
    assert people("Former patient intake manager Dana Okafor will receive a payment.") == [
        ("person", "Dana Okafor", "Former patient intake manager", None)]
    assert people("His partner, former patient-intake director Dana Okafor, pleaded guilty.") == [
        ("person", "Dana Okafor", "former patient-intake director", None)]
    assert people("The suit was filed by the clinic's former patient intake manager, Dana Okafor, in May.") == [
        ("person", "Dana Okafor", "clinic's former patient intake manager", None)]
    assert people("Director of Finance Ruth Amberley said so.") == [("person", "Ruth Amberley", "Director of Finance", None)]
    assert people("Ruth Amberley, manager of the billing office, said so.") == [
        ("person", "Ruth Amberley", "manager of the billing office", None)]
    # a verb before the role is not part of it
    assert people("The lawsuit names clinic director Dana Okafor as a defendant.") == [("person", "Dana Okafor", "director", None)]
    assert people("Prosecutors charged clinic director Dana Okafor on Friday.") == [("person", "Dana Okafor", "director", None)]
    # a list is not an appositive
    assert people("Ruth Amberley, director Tom Reyes and two others left.")[0] == ("person", "Ruth Amberley", None, None)


def test_officials_hold_public_office() -> None:
    assert group_for("Former chief financial officer of Pell Valley Clinic", "person") == "other"
    assert group_for("Clinic's chief medical officer", "person") == "other"
    assert group_for("Retired school secretary", "person") == "other"
    assert group_for("police officer", "person") == "officials"
    assert group_for("Officer", "person") == "officials"
    assert group_for("Secretary of State", "person") == "officials"
    assert group_for("county investigator", "person") == "officials"
    assert group_for("Det.", "person") == "officials"
    assert group_for("Sgt.", "person") == "officials"


def test_a_relative_named_by_first_name_takes_the_family_name_and_a_whole_role() -> None:
    _, rec = _recognise(["Actor Tom Reyes and his wife threw a party on Sunday.", "Their oldest son Milo turned nine."])
    milo = next(e for e in rec.entities.values() if e.name == "Milo Reyes")
    assert milo.role == "Oldest son of Tom Reyes"


def test_a_person_s_office_is_no_organisation_of_its_own() -> None:
    assert [(m.kind, m.name) for m in find_mentions("Governor Ray Tillson's Office issued a statement.")] == [("person", "Ray Tillson")]


def test_a_guessed_split_of_a_title_and_a_name_needs_the_words_to_be_names() -> None:
    _, rec = _recognise(["Chairman of Pell Dental Clinic said the clinic would close.", "Director of Finance Ruth Amberley agreed."])
    assert set(_people_of(rec)) == {"Ruth Amberley"}


def test_company_names_are_organisations_not_people() -> None:
    found = [(m.kind, m.name) for m in find_mentions("Kettle maker Varnum Housewares dropped the chef, and Tresh Hospitality owes him money.")
             if m.kind != "single"]
    assert found == [("org", "Varnum Housewares"), ("org", "Tresh Hospitality")]
    found = [(m.kind, m.name) for m in find_mentions("He signed with Orla Foods and later Brindle Ventures.")]
    assert found == [("org", "Orla Foods"), ("org", "Brindle Ventures")]
    assert [m.kind for m in find_mentions("Retail sales fell, and Hospitality was hit hardest.")] == ["single", "single"]
    _, rec = _recognise(["Kettle maker Varnum Housewares ended its deal with Pell Oduya in May."])
    assert _people_of(rec) == {"Pell Oduya": _people_of(rec)["Pell Oduya"]}


def test_a_name_the_article_uses_as_a_company_is_an_organisation() -> None:
    _, rec = _recognise(["Dana Ostrow hired Orrin Pask in 2019.", "Orrin Pask's shares fell 8% on Monday.",
                         "Orrin Pask, the company, said it would appeal."])
    assert "Orrin Pask" not in _people_of(rec) and "Dana Ostrow" in _people_of(rec)
    assert any(e.name == "Orrin Pask" and e.kind == "organization" for e in rec.entities.values())
    _, rec = _recognise(["Dana Ostrow sued her company, Tamsin Veil, in March.", "Tamsin Veil denied it."])
    assert "Tamsin Veil" not in _people_of(rec)
    _, rec = _recognise(["Dana Ostrow joined Tamsin Veil in 2019.", "Tamsin Veil LLC denied it."])
    assert "Tamsin Veil" not in _people_of(rec)
    _, rec = _recognise(["Dana Ostrow met Tamsin Veil, the company founder, in 2019."])
    assert "Tamsin Veil" in _people_of(rec)
    # a person whose shares or company are mentioned is still a person
    _, rec = _recognise(["Dana Ostrow sold her shares in May.", "Dana Ostrow's company, Pask Holdings, denied it.",
                         "Dana Ostrow's shares in the firm were sold."])
    assert "Dana Ostrow" in _people_of(rec)


def test_an_organisation_acts_when_it_puts_out_or_posts_something() -> None:
    for verb in ("put out a press release", "sent a letter to staff", "posted a statement online", "shared a note with fans"):
        _, rec = _recognise([f"Marlow Pictures {verb} on Monday."])
        assert [(e.name, e.kind) for e in rec.entities.values()] == [("Marlow Pictures", "organization")], verb


def test_the_family_s_lawyer_is_the_one_lawyer_named_for_the_family() -> None:
    _, rec = _recognise(["Tessa Morn, a lawyer for the Okoro family, filed the suit.", "Defence lawyer Abel Quint objected.",
                         "The family's lawyer said the ruling was wrong."])
    assert _keys(rec, 2) == [_people_of(rec)["Tessa Morn"]]
    _, rec = _recognise(["Tessa Morn, a lawyer for the Okoro family, filed the suit.",
                         "Abel Quint, a lawyer for the Okoro family, joined her.", "The family's lawyer said the ruling was wrong."])
    assert _keys(rec, 2) == []  # two lawyers for the family: no guess
    _, rec = _recognise(["Defence lawyer Abel Quint objected.", "The family's lawyer said the ruling was wrong."])
    assert _keys(rec, 1) == []  # the only lawyer named is not the family's


def test_sentence_openers_are_not_glued_to_a_name() -> None:
    for opener in ("Whether", "Neither", "Either", "Whereas", "Unless", "Once", "Although", "Both", "Each", "Every", "Several"):
        found = [(m.kind, m.name) for m in find_mentions(f"{opener} Marisol Ortúzar and the board agreed on Friday.")]
        assert found == [("person", "Marisol Ortúzar")], opener
    assert [m.name for m in find_mentions("Whether Quillmark's savers are repaid is for the court.")] == ["Quillmark"]
    _, rec = _recognise(["Neither Marisol Ortúzar, the firm's co-founder, nor Abel Quint has been charged."])
    assert set(_people_of(rec)) == {"Marisol Ortúzar", "Abel Quint"}


def test_places_with_compass_prefixes_and_title_words_are_not_people() -> None:
    assert people("His lawyers asked that he be held close to Southwest Kansas or Upstate Vermont.") == []
    assert people("A Ninth Circuit panel heard the appeal on Monday.") == []
    _, rec = _recognise(["A Ninth Circuit panel heard the appeal on Monday.", "The Ninth Circuit said so."])
    assert _people_of(rec) == {}


def test_products_and_shows_are_not_people() -> None:
    for text in ("She kept $9,000 in a Harbor Yield account.", "Savers moved money into its popular Harbor Yield interest accounts.",
                 "He bought a Silver Comet and a flat in Lisbon.", "The 24-year-old former Sunset Villa contestant posted a photo.",
                 "Customers of the Coin Nest app could not log in."):
        assert [p for p in people(text) if p[0] == "person"] == [], text
    # a person who owns something is still a person
    assert people("Dana Ostrow kept her account open.") == [("person", "Dana Ostrow", None, None)]


def test_a_short_form_of_a_company_name_is_not_a_person() -> None:
    _, rec = _recognise(["The exchange lent the money to Tarnwell Ridge Capital, a trading firm.",
                         "Dana Ostrow said the loans to Tarnwell Ridge were never repaid.",
                         "He insisted he had done nothing wrong in lending to Tarnwell Ridge."])
    assert set(_people_of(rec)) == {"Dana Ostrow"}


def test_a_couple_named_jointly_are_two_people_sharing_the_surname() -> None:
    _, rec = _recognise(["Dana Ostrow pleaded guilty on Monday.",
                         "Her parents, Bertil and Maren Ostrow, sat in the front row."])
    assert {"Bertil Ostrow", "Maren Ostrow", "Dana Ostrow"} <= set(_people_of(rec))
    found = [(m.kind, m.name, m.role) for m in find_mentions("His parents, Bertil and Maren Ostrow, sat in the front row.")]
    assert found == [("person", "Bertil Ostrow", "parents"), ("person", "Maren Ostrow", "parents")]
    # with the parents named, a bare surname is still the one who is not a relative
    _, rec = _recognise(["Dana Ostrow, 33, was sentenced on Monday by Judge Abel Quint.", "Quint spoke first. Quint spoke again.",
                         "His parents, Bertil and Maren Ostrow, sat in the second row.", "Ostrow turned to the gallery."])
    assert _keys(rec, 4) == [_people_of(rec)["Dana Ostrow"]]
    assert [m.name for m in find_mentions("Lumos and Maren Ostrow signed the deal.") if m.kind == "person"] == ["Maren Ostrow"]


def test_mom_and_dad_are_family_roles() -> None:
    _, rec = _recognise(["Dana Ostrow pleaded guilty on Monday.", "Ostrow was sentenced.", "Ostrow's dad, Bertil, a retired dentist, wept."])
    assert "Bertil Ostrow" in _people_of(rec)


def test_a_surname_with_a_lower_case_particle_is_a_name_on_its_own() -> None:
    assert [(m.kind, m.name) for m in find_mentions("Later, de la Cruz said the plan was fair.")] == [("single", "de la Cruz")]
    assert [m.name for m in find_mentions("Judge Marisol de la Cruz ruled.")] == ["Marisol de la Cruz"]
    _, rec = _recognise(["U.S. District Judge Marisol de la Cruz set the trial for May.",
                         "Before the sentence, de la Cruz said the fraud was vast, and van der Berg agreed."])
    assert _keys(rec, 1) == [_people_of(rec)["Marisol de la Cruz"]]


def test_an_epithet_with_a_descriptive_adjective_points_at_the_role_holder() -> None:
    _, rec = _recognise(["Dana Ostrow, the firm's chief executive, was arrested on Monday.",
                         "In an interview, the youthful executive said he had done nothing illegal."])
    assert _keys(rec, 1) == [_people_of(rec)["Dana Ostrow"]]
    _, rec = _recognise(["Joel Souza, the film's director, was hurt.", "The assistant director handed over the gun."])
    assert _keys(rec, 1) == []


def test_an_honorific_in_the_role_s_owner_gives_neither_the_role_nor_the_gender() -> None:
    found = [(m.name, m.role) for m in find_mentions("\"He will fight,\" said Tessa Morn, a lawyer for Mr. Ostrow.") if m.kind == "person"]
    assert found == [("Tessa Morn", "lawyer for Mr. Ostrow")]
    _, rec = _recognise(["Tessa Morn, a lawyer for Mr. Ostrow, spoke on Monday."])
    assert rec.entities[_people_of(rec)["Tessa Morn"]].gender is None


def test_a_name_after_in_without_a_person_s_role_is_a_place() -> None:
    for text in ("The couple kept a house in Marrow Cove and a flat in Teller Gardens.",
                 "Protesters gathered in Oskar Varn on Friday."):
        assert [p for p in people(text) if p[0] == "person"] == [], text
    assert [p[1] for p in people("The clinic named in Dana Ostrow's lawsuit closed.")] == ["Dana Ostrow"]
    assert [p[1] for p in people("In Dana Ostrow, the board found a leader.") if p[0] == "person"] == ["Dana Ostrow"]


def test_a_hint_from_another_article_does_not_make_a_company_a_person() -> None:
    directory = Directory(hints={"Quillmark": "Ada Quillmark", "Ostrow": "Dana Ostrow"})
    _, rec = _recognise(["Quillmark's customers could not withdraw their money.", "Quillmark froze the accounts.",
                         "Ostrow said the freeze was legal."], directory)
    assert set(_people_of(rec)) == {"Dana Ostrow"}


def test_a_role_with_its_of_phrase_before_a_name() -> None:
    """'clerk of court' is a role before a name; 'accused of fleecing' is a verb phrase, which gives no role."""
    assert people("The audit blamed clerk of court Ana Hill for the delay.") == [("person", "Ana Hill", "clerk of court", None)]
    assert people("The manager accused of fleecing Medicare out of millions denied it.") == [("single", "Medicare", None, None)]


def test_a_nickname_inside_a_name_is_one_person_and_an_alias() -> None:
    """'Tomas "Tommy" Arvello' is Tomas Arvello, whom a later "Tommy Arvello" names too."""
    rec = recognise(segment(['Former president Tomas "Tommy" Arvello was convicted on Friday.',
                             "Tommy Arvello, 51, said he would appeal."]), "2024-05-01", Directory(), TOPICS)
    people = [(e.name, e.aliases) for e in rec.entities.values() if e.kind == "person"]
    assert people == [("Tomas Arvello", ["Tommy Arvello"])]


def test_a_generational_suffix_is_no_surname() -> None:
    """"Harold Penn Jr." keeps his suffix; "Penn" alone is still him."""
    rec = recognise(segment(["Judge Harold Penn Jr. denied the motion on Monday.", "Penn said the filing came too late."]),
                    "2024-05-01", Directory(), TOPICS)
    assert [e.name for e in rec.entities.values() if e.kind == "person"] == ["Harold Penn Jr."]


def test_names_inside_a_quoted_title_of_a_work_are_nobody() -> None:
    """A long quoted headline or book title is a work's name: its capitalised words name no one in the sentence."""
    rec = recognise(segment(["The paper ran the headline \u201cFallen Idol: Why Harbor Loves Dana Ruiz Less Every Day\u201d on its front page.",
                             "Ana Pike wrote the book \u201cBeyond the Harbor Gate: The Lena Ortiz Story\u201d in 2022."]),
                    "2024-05-01", Directory(), TOPICS)
    assert [e.name for e in rec.entities.values() if e.kind == "person"] == ["Ana Pike"]
    rec = recognise(segment(["Critics panned the show, saying it \u201cturns the grief of Dana Ruiz into a ratings stunt for the network.\u201d"]),
                    "2024-05-01", Directory(), TOPICS)
    assert [e.name for e in rec.entities.values() if e.kind == "person"] == ["Dana Ruiz"]  # speech after "show", not its title


def test_a_surname_that_is_a_common_word_is_a_name_when_the_article_writes_it_alone() -> None:
    """The article writes "brook" and "Lena Brook" with no role; "told Brook" shows Brook is a name."""
    rec = recognise(segment(["Lena Brook faced two counts of perjury.", "The jury heard that the house by the brook was sold.",
                             "The judge told Brook to return in March."]), "2024-05-01", Directory(), TOPICS)
    assert [e.name for e in rec.entities.values() if e.kind == "person"] == ["Lena Brook"]
    rec = recognise(segment(["Lena Brook faced two counts of perjury.", "The jury heard that the house by the brook was sold."]),
                    "2024-05-01", Directory(), TOPICS)
    assert [e.name for e in rec.entities.values() if e.kind == "person"] == []  # nothing says Brook is a name


def test_an_age_between_the_owner_and_a_kin_noun() -> None:
    """"his 22-year-old son, Paul": the age stands inside the role phrase, and is left out of the role."""
    assert people("He was charged with killing his 22-year-old son, Tobin, in 2021.") == [("single", "Tobin", "son", None)]
    assert people("She mourned her 9 year old daughter, Elsa, at the service.") == [("single", "Elsa", "daughter", None)]


def _orgs(paragraphs: list[str]) -> list[tuple[str, list[str]]]:
    rec = recognise(segment(paragraphs), "2024-05-01", Directory(), TOPICS)
    return [(e.name, e.aliases) for e in rec.entities.values() if e.kind == "organization"]


def test_short_and_long_forms_of_one_organisation_are_one() -> None:
    """"the Sheriff's Office" and "the Pell County Sheriff's Department" are "the Pell County Sheriff's Office"."""
    assert _orgs(["The Pell County Sheriff's Office said the search was lawful.", "The Pell County Sheriff's Department said it had a warrant.",
                  "The Sheriff's Office released the video on Friday."]) == [
        ("Pell County Sheriff's Office", ["Pell County Sheriff's Department", "Sheriff's Office"])]
    assert _orgs(["The Sheriff's Department said the search was lawful.", "The Pell County Sheriff's Office said it had a warrant."]) == [
        ("Pell County Sheriff's Office", ["Sheriff's Department"])]
    # two offices the short form could mean: it is left alone
    assert [name for name, _ in _orgs(["The Pell County Sheriff's Office sued the Marrow County Sheriff's Office on Monday.",
                                       "The Marrow County Sheriff's Office said it would fight.", "The Sheriff's Office said more."])] == [
        "Pell County Sheriff's Office", "Marrow County Sheriff's Office", "Sheriff's Office"]


def test_a_verb_after_a_name_is_no_role() -> None:
    """"Pike, 43, of Harborview, is accused of ...": the verb phrase gives Harborview no role (and makes it nobody)."""
    assert people("Pike, 43, of Harborview, is accused of stealing the funds, police said.") == [
        ("single", "Pike", None, 43), ("single", "Harborview", None, None)]
    assert people("Dana Pike, manager of the billing office, was fired.") == [("person", "Dana Pike", "manager of the billing office", None)]


def test_children_listed_after_a_dash_take_the_family_name_of_the_relative_named_before() -> None:
    """"Reyes' husband, Tom Okafor, and their two kids—Ada, 4, and Ben, 2—": Ada and Ben Okafor, their father's
    family; a relative with no relative named before takes the main figure's ("his wife Lena": Lena Reyes)."""
    rec = recognise(segment(["Dana Reyes was sentenced on Monday by the judge.",
                             "Reyes' husband, Tom Okafor, and their two kids—Ada, 4, and Ben, 2—may visit on weekends."]),
                    "2024-05-01", Directory(), TOPICS)
    assert sorted(e.name for e in rec.entities.values() if e.kind == "person") == ["Ada Okafor", "Ben Okafor", "Dana Reyes", "Tom Okafor"]
