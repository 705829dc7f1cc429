"""The converter never crashes on odd text: whatever the words, it returns items or nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.convert import convert
from site_builder.convert.extract import CaseInfo, extract
from site_builder.convert.read import Article
from site_builder.convert.directory import Directory
from site_builder.convert.topics import TopicDef, TopicMatcher

TOPICS = TopicMatcher([TopicDef("court", "Court", ("judge", "court", "charged", "trial")),
                       TopicDef("show", "Show", ("show", "trailer", "TLC"))])
INFO = CaseInfo(TOPICS, ("slammed", "massive"), Path("."))
WORDS = st.sampled_from([
    "The", "judge", "Judge", "Mary", "Sommer", "said", "told", "an", "insider", "“", "”", '"', "'", "’s", ",", ".", "?", "!",
    "Mr.", "U.S.", "Feb.", "21,", "2021", "Thursday", "on", "court", "charged", "Alec", "Baldwin", "he", "she", "slammed",
    "according", "to", "the", "affidavit", "—", ":", "trial", "show", "TLC", "last", "year", "ten", "days", "before", "—", "(AP)",
])
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PARAGRAPH, min_size=1, max_size=6), st.sampled_from(["2024-10-25", "2021-10-23"]), st.booleans())
def test_extract_never_fails(paragraphs: list[str], published: str, truncated: bool) -> None:
    article = Article(Path("x.txt"), "Title", paragraphs, published=published, truncated=truncated)
    result = extract(article, INFO, Directory(), None)
    texts = " ".join(" ".join(p.split()) for p in paragraphs)
    for item in [*result.events, *result.claims, *result.quotes]:
        for cite in item.citations:
            assert cite.quote in texts
    for quote in result.quotes:
        assert " ".join(quote.text.split()) in texts


def test_an_article_without_a_publication_date_is_reported_not_given_a_fake_one(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "case.yaml").write_text((Path(__file__).parent / "cases" / "harborview" / "case.yaml").read_text())
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "undated.txt").write_text("Council member Dana Ruiz was charged with bribery, prosecutors said.\n")
    report = convert([seeds], content, dry_run=True)
    assert [e for e in report.errors if "undated.txt: no publication date found" in e]
    assert "1970" not in "\n".join(report.errors)
