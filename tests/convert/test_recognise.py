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


def test_pronoun_resolves_only_when_unambiguous() -> None:
    seg, rec = _recognise(["Wife Hilaria joined him on the show.", "She confessed: \"It has been hard for all of us.\""])
    first_name = next(e for e in rec.entities.values() if e.name.startswith("Hilaria"))
    assert rec.pronoun(1, 0, "She", seg) == first_name.id
    seg, rec = _recognise(["Gloria Allred met Mary Sommer and Kari Morrissey.", "She said nothing."])
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
    assert people("Martin Luther King Jr. spoke.") == [("person", "Martin Luther King", None, None)]
    assert people("Prosecutor Gloria de la Cruz said so.") == [("person", "Gloria de la Cruz", "Prosecutor", None)]
    assert people("An affidavit signed by Detective Joel Cano of the Santa Fe County sheriff’s office.") == [
        ("person", "Joel Cano", "Detective", None)]
    assert people("He was flown to the University of New Mexico Hospital in Albuquerque.") == []
