"""Claims and quotes: who said what, typed and attributed.

In: a segmented, recognised article and its source id. Out: quotes (exact
words, speaker — named, a resolved pronoun, an organisation or
``anonymous``) and typed claims (``fact``, ``ruling``, ``allegation``,
``denial``, ``statement``, ``opinion``, ``anonymous``) worded in the site's
neutral voice, each citing the exact source sentence. Short quoted terms
("dismissed with prejudice", scare quotes), titles of works ("Back of
House"), standards a court or jury found ("malice, oppression or fraud")
and the names of things ('what the company called a "special account"') are
not quotes of anyone. A block quotation after the paragraph telling who wrote
it ("…, writing that …", "In a 41-page opinion, Judge …") is the writer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..content.model import UNKNOWN_SPEAKER
from .attribution import ANONYMOUS, Attribution, attribute, introduced
from .referents import Unnamed, judicial
from .doc import ArticleDoc
from .documents import ISSUED
from .lexicon import RULING_VERBS
from .items import Cite, DraftClaim, DraftQuote
from .neutral import clip, evaluative, neutralise
from .recognise import Entity, Recognised
from ..ruler import Ruler
from .segment import MAX_SENTENCE, QuoteSpan, Segmented, Sentence
from .topics import TopicMatcher

MIN_QUOTE_WORDS = 3
_CONTEXT = re.compile(r"\b(?:in|during)\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?(?:statement|press release|post|interview|filing|court filing|ruling|letter|trailer|episode|hearing|affidavit|lawsuit|suit|complaint|motion)(?:\s+(?:to|with|on|obtained by)\s+[A-Z][\w!.]*(?:\s+[A-Z]\w*){0,3})?|\bon\s+(?:Twitter|Instagram|X|Facebook|TikTok|Threads)\b")


@dataclass
class QuoteSite:
    """The quotes stage's state: one quotation span of the document, what the rules have learnt of it so far (its
    words, sentences, the speaker found), and the last attributed speaker, carried from quotation to quotation."""

    doc: ArticleDoc
    q: QuoteSpan
    previous: tuple[int, str] | None  # (paragraph, speaker) of the last attributed quote
    words: str
    first: Sentence  # the sentence the quotation opens in
    opens: bool  # it opens its sentence
    short: bool  # fewer than MIN_QUOTE_WORDS words
    term: bool  # a few words inside a sentence: perhaps a term, a title or a scare quote
    last: Sentence | None = None  # the sentence it (and the attribution after it) ends in
    who: Attribution | None = None

    @classmethod
    def of(cls, doc: ArticleDoc, q: QuoteSpan, previous: tuple[int, str] | None) -> QuoteSite:
        """The quotation ``q`` as the rules first see it: what its own span tells (no rule needs to have run)."""
        first = doc.seg.sentence_at(q.open)
        opens = q.open - first.start <= 1
        return cls(doc, q, previous, q.inner.strip().rstrip(",").strip(), first, opens, q.words < MIN_QUOTE_WORDS,
                   not opens and q.words <= _TERM_WORDS)

    def end(self) -> Sentence:
        assert self.last is not None, "set by the 'speaker' rule"
        return self.last


def extract_quotes(doc: ArticleDoc) -> None:
    """Add to ``doc.quotes`` the article's quotations with their speakers, each quotation through the rules of
    :data:`QUOTE_RULES`. A quotation whose speaker the article does not make clear (a document whose issuer it
    does not state, a quotation no reporting verb or neighbour claims) is kept with the speaker ``unknown`` for the
    editor, and listed in ``doc.unattributed`` ("statement: “We regret …”"). A quotation cut off by the end of a
    stored excerpt is kept as written: its words up to the cut are exact."""
    previous: tuple[int, str] | None = None
    for q in doc.seg.quotes:
        site = QuoteSite.of(doc, q, previous)
        QUOTE_RULES.run(site)
        previous = site.previous


def _transcript_label(site: QuoteSite) -> bool:
    """"MARY SOMMER, JUDGE: The charges stand.": a transcript paragraph's words are the labelled speaker's."""
    doc, q = site.doc, site.q
    if q.label is None:
        return False
    said = _labelled(doc.seg, doc.rec, doc.topics, doc.source, q, site.words)
    if said is not None:
        doc.quotes.append(said)
    return True


def _short_reply(site: QuoteSite) -> bool:
    """'"Yes," she said.': too short to keep, but a reply that opens its sentence names who speaks next (not when it
    is an exchange: '"Heard, Mom," she says.')."""
    doc, q = site.doc, site.q
    seg = doc.seg
    first = site.first
    if not (site.short and (site.opens or q.continued) and not (q.words > 1 and site.opens and _exchange(seg, doc.rec, q, first.index))):
        return False
    if site.opens and not q.continued:
        reply = _speaker(seg, doc.rec, q, first.index, first.index)
        if reply is not None and reply.speaker:
            site.previous = (seg.sentence_at(max(q.open, q.close - 1)).paragraph, reply.speaker)
    return True


def _no_words(site: QuoteSite) -> bool:
    """'"…"', '"—"': punctuation, no words."""
    return site.short and not site.words.strip(" .,;:!?-–—'’")


def _title_of_a_work(site: QuoteSite) -> bool:
    """'the show "Back of House"': a few capitalised words inside a sentence name a work."""
    return site.term and _is_title(site.words)


def _name_of_a_thing(site: QuoteSite) -> bool:
    """'through what the company called a "special account"': the name of a thing, not words spoken."""
    text, q, first = site.doc.seg.text, site.q, site.first
    return site.term and "what " in text[max(first.start, q.open - 60) : q.open] and _LABEL.search(text, max(first.start, q.open - 60), q.open) is not None


def _speaker_found(site: QuoteSite) -> bool:
    """'"We will appeal," Dana Pike said.' / 'Dana Pike said: "…"': the speaker a reporting verb next to the quotation
    gives (the sentence it ends in reaches to the attribution after it). Passes: the next rules judge the words."""
    seg, q = site.doc.seg, site.q
    last = seg.sentence_at(max(q.open, q.close - 1))
    closing_sentence = seg.sentence_at(min(q.close + 1, len(seg.text) - 1)) if q.close + 1 < len(seg.text) else last
    if closing_sentence.paragraph == last.paragraph:
        last = closing_sentence if closing_sentence.index >= last.index else last
    site.last = last
    site.who = _speaker(seg, site.doc.rec, q, site.first.index, last.index)
    return False


def _standard_met(site: QuoteSite) -> bool:
    """'jurors found "malice, oppression or fraud"': a standard met, not words spoken."""
    who = site.who
    return site.term and _ENUMERATION.fullmatch(site.words.rstrip(".,;:!?")) is not None \
        and (who is None or who.verb is None or who.verb in RULING_VERBS)


def _ungoverned_short(site: QuoteSite) -> bool:
    """'The judge dismissed the charges "with prejudice".': one or two words inside a sentence are someone's only when
    a reporting verb gives them a speaker ('Dana Pike called the ruling "unfair"')."""
    return site.short and not _governed(site.who)


def _continued_paragraph(site: QuoteSite) -> bool:
    """A quotation re-opened at the start of the next paragraph, or resumed after its own tag where its closing mark
    was missing ("“…, said Dana Pike. We will …”"): the same speaker's. Passes."""
    if site.q.continued and site.previous is not None:
        site.who = _again(site.previous[1], "quotes.continued-paragraph")
    return False


def _neighbour_or_unknown(site: QuoteSite) -> bool:
    """A quotation no verb gives a speaker: the person the paragraph before closes on ("Dana Pike tells it the same
    way." ¶ "“…”"), the last speaker one paragraph back, the same bench's opinion; a few words nobody is said to say
    are a scare quote (left out); else kept with the speaker unknown, never guessed."""
    doc, q, who, previous = site.doc, site.q, site.who, site.previous
    if who is not None and who.speaker is not None:
        return False
    seg, first = doc.seg, site.first
    # a statement or release the article cites without its issuer is not the last speaker's ("the statement said")
    issued = who is not None and who.document is not None and who.document.split()[-1] in ISSUED
    told = _told_before(seg, doc.rec, q, first.index) if site.opens and (who is None or who.document is None) else None
    if told is not None:
        site.who = told.via("quotes.told-before")
    elif site.opens and previous is not None and first.paragraph - previous[0] <= 1 and not issued \
            and first.index not in doc.skip:  # the excerpt's cut-off end: its own attribution may be what was cut
        site.who = _again(previous[1], "quotes.previous-speaker")
    elif site.opens and previous is not None and _same_bench(seg, doc.rec, q, first.index, previous):
        site.who = _again(previous[1], "quotes.same-bench")
    elif site.term:
        return True  # a few words inside a sentence that nobody is said to say: a scare quote or a term, not a quotation
    else:
        document = f"{who.document}: " if who is not None and who.document else ""
        doc.unattributed.append(f"{document}“{clip(' '.join(site.words.split()), 80)}”")
        site.who = Attribution(UNKNOWN_SPEAKER, None, "statement", rule="quotes.speaker-unknown")
    return False


def _again(speaker: str, rule: str) -> Attribution:
    """The last quotation's speaker (an unnamed one still described as before) speaking again, found by ``rule``."""
    return Attribution(speaker, None, "statement", rule=rule)


def _runaway(site: QuoteSite) -> bool:
    """An unclosed mark that swallowed the text: not a quotation one can cite."""
    return len(site.doc.seg.text[site.first.start : site.end().end]) > 2 * MAX_SENTENCE


def _keep(site: QuoteSite) -> bool:
    """Keep the quotation with its speaker, citing the sentences it spans, in the strand of those sentences (or the
    nearest with case words; none: left out)."""
    doc, who, first, last = site.doc, site.who, site.first, site.end()
    assert who is not None and who.speaker is not None
    span = doc.seg.text[first.start : last.end]
    topic = _topic(doc.seg, doc.rec, doc.topics, first.index, last.index)
    if topic is None:
        return True
    context = _CONTEXT.search(span)
    doc.quotes.append(DraftQuote(topic, who.speaker, " ".join(site.words.split()), [Cite(doc.source, " ".join(span.split()))],
                                 context=" ".join(context.group(0).split()) if context else None,
                                 described_as=_description(doc, who), rules=[who.rule]))
    if who.speaker != UNKNOWN_SPEAKER:
        speaker = Unnamed(who.described_as) if who.speaker == ANONYMOUS else who.speaker  # carried with its description
        site.previous = (doc.seg.sentence_at(max(site.q.open, site.q.close - 1)).paragraph, speaker)
    return True


def _description(doc: ArticleDoc, who: Attribution) -> str | None:
    """How the article describes an unnamed speaker, in the site's own voice (loaded words dropped or quoted, as in
    a claim's text): it is shown beside "Unnamed source". (Its loaded words are not flagged again: they are the
    sentence's, which the report counts once.)"""
    if who.speaker != ANONYMOUS or not who.described_as:
        return None
    text = clip(neutralise(who.described_as, doc.loaded).text, 120)
    # a phrase, not a sentence: it keeps its own first letter ("prosecutors", "Dana Pike's lawyers")
    return (text[:1].lower() + text[1:] if who.described_as[:1].islower() else text) or None


QUOTE_RULES: Ruler[QuoteSite] = Ruler("quotes", [
    ("transcript-label", _transcript_label),
    ("short-reply", _short_reply),
    ("no-words", _no_words),
    ("title-of-a-work", _title_of_a_work),
    ("name-of-a-thing", _name_of_a_thing),
    ("speaker", _speaker_found),
    ("standard-met", _standard_met),
    ("ungoverned-short", _ungoverned_short),
    ("continued-paragraph", _continued_paragraph),
    ("neighbour-or-unknown", _neighbour_or_unknown),
    ("runaway", _runaway),
    ("keep", _keep),
])


_TERM_WORDS = 6
_LABEL = re.compile(r"\bwhat\s+(?:[\w’'.-]+\s+){1,4}?(?:called|calls|dubbed|dubs|termed|terms|(?:described|describes|referred to|refers to) as)\s+"
                    r"(?:(?:an?|the|its|his|her|their)\s+)?$")
_SMALL_WORDS = frozenset("a an the of and or & in on at to for with by from".split())
_ENUMERATION = re.compile(r"[a-z][\w-]*(?:,\s+[a-z][\w-]*)+,?\s+(?:or|and)\s+[a-z][\w-]*")
_SAID_AFTER = re.compile(r"\s*,?\s*(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:says|said|told|tells|asked|asks|replied|replies)\b")


def _labelled(seg: Segmented, rec: Recognised, topics: TopicMatcher, source: str, q: QuoteSpan, words: str) -> DraftQuote | None:
    """A transcript paragraph's words, given to the person its label names (an unnamed speaker is anonymous)."""
    assert q.label is not None
    first = seg.sentence_at(q.label.start)
    offset = q.label.start - first.start
    speaker = ANONYMOUS if q.label.unnamed else next((k for s, _, k in rec.sentences[first.index].entities if s == offset), None)
    described_as = _unidentified(seg.text[q.label.start : q.label.colon]) if q.label.unnamed else None
    last = seg.sentence_at(max(q.open, q.close - 1))
    topic = _topic(seg, rec, topics, first.index, last.index)
    span = seg.text[first.start : last.end]
    if speaker is None or topic is None or not words or len(span) > 2 * MAX_SENTENCE:
        return None
    return DraftQuote(topic, speaker, " ".join(words.split()), [Cite(source, " ".join(span.split()))], described_as=described_as,
                      rules=["quotes.transcript-label"])


def _unidentified(label: str) -> str:
    """How a transcript describes a speaker it labels without a name: "UNIDENTIFIED FEMALE" → "an unidentified woman"."""
    words = label.upper().split()
    who = "woman" if "FEMALE" in words else "man" if "MALE" in words else "speaker"
    return f"an unidentified {who}"


def _governed(who: Attribution | None) -> bool:
    """A reporting verb with a speaker governs the words ('Dana Pike called the ruling "unfair"'): not a scare quote
    in the outlet's own sentence, nor a judge's ruling words ("dismissed … "with prejudice""), nor a document's."""
    # "according to X" relays an account: two quoted words inside it may be anyone's in it
    return who is not None and bool(who.speaker) and who.verb not in (None, "according") and who.verb not in RULING_VERBS \
        and who.document is None


def _is_title(words: str) -> bool:
    """Quoted words inside a sentence that are a title of a work ("Back of House", "Fire & Knife"): named, not spoken."""
    tokens = [t for t in words.strip().rstrip(".,;:!?").split() if t.lower() not in _SMALL_WORDS]
    return len(tokens) > 1 and all(t[:1].isupper() for t in tokens) and not any(t in ("I", "I'm", "I’m", "I'll", "I’ll") for t in tokens)


def _exchange(seg: Segmented, rec: Recognised, q: QuoteSpan, index: int) -> bool:
    """A short reply that opens its sentence, punctuated as speech and followed by who said it ('"Heard, Mom," she says.')."""
    if not q.inner.rstrip().endswith((",", "?", "!")):
        return False
    sentence = seg.sentences[index]
    after = q.close + 1 - sentence.start
    if not _SAID_AFTER.match(sentence.text, after):
        return False
    found = attribute(seg, rec, index, after, None, rec.entities)
    return found is not None and bool(found.speaker)


_WRITING = frozenset(("wrote", "writes", "writing", "write"))
_WRITTEN = re.compile(r"\b(?:opinion|dissent)\b")
_CLAUSE = re.compile(r"\b(?:that|would|will|was|were|is|are|had|has|have|could|should|can|may|might|must|did|does|do)\b|\w+ed\b")


def _told_before(seg: Segmented, rec: Recognised, q: QuoteSpan, index: int) -> Attribution | None:
    """A quotation that is a paragraph of its own, after a paragraph closing on who tells it
    ("Dana Pike tells the story the same way every time." ¶ "“…”"): that speaker."""
    sentence = seg.sentences[index]
    if index == 0 or seg.paragraphs[sentence.paragraph][0] != q.open or q.words < 8:
        return None
    prev = seg.sentences[index - 1]
    if prev.paragraph != sentence.paragraph - 1 or seg.quotes_in(prev.start, prev.end):
        return None
    said = attribute(seg, rec, index - 1, 0, None, rec.entities)
    if said is None or not said.speaker or said.speaker == ANONYMOUS or said.document or said.verb is None:
        return None
    verbs = seg.reporting_verbs(index - 1)
    rest = prev.text[verbs[-1][1] :] if verbs else ""
    # what a judge wrote is quoted at length after it is told ("…, writing that the court erred." ¶ "“…”")
    written = said.verb in _WRITING or ("opinion" in prev.text or "dissent" in prev.text) and _WRITTEN.search(prev.text) is not None
    if not written and (len(rest.split()) > 8 or _CLAUSE.search(rest)):
        return None  # "Dana Pike said the state would appeal.": what she said is told; the quotation is not hers by that
    entity = rec.entities.get(said.speaker)
    return said if entity is not None and entity.kind == "person" else None


def _speaker(seg: Segmented, rec: Recognised, q: QuoteSpan, first: int, last: int) -> Attribution | None:
    end_sentence = seg.sentence_at(max(q.open, q.close - 1))
    after_at = q.close - end_sentence.start + 1
    found = None
    for index in range(end_sentence.index, min(end_sentence.index + 1, len(seg.sentences) - 1) + 1):
        s = seg.sentences[index]
        if s.paragraph != end_sentence.paragraph:
            break
        lo = after_at if index == end_sentence.index else 0
        if index != end_sentence.index:
            break
        found = attribute(seg, rec, index, lo, None, rec.entities)
        if found and found.speaker and _far_after_term(seg, q, index, lo):
            found = None
        if found and found.speaker:
            return found.via("quotes.verb-after-quotation")
    after = found  # '"…," the statement said' with no issuer: kept so the caller can list it
    start_sentence = seg.sentences[first]
    found = _nearest_before(seg, rec, first, q.open - start_sentence.start)
    if found and found.speaker:
        return found.via("quotes.verb-before-quotation")
    lead_in = seg.text[start_sentence.start : q.open].rstrip()
    if lead_in.endswith(":"):  # "The judge was blunt: “…”"
        colon = introduced(seg, rec, first, len(lead_in) - 1)
        if colon is not None:
            return colon.via("quotes.colon-introduces")
    if first > 0 and q.open - start_sentence.start <= 1:
        prev = seg.sentences[first - 1]
        if prev.paragraph >= start_sentence.paragraph - 1 and prev.text.rstrip().endswith(":"):  # "Smith said:" ¶ "…"
            said = attribute(seg, rec, first - 1, 0, None, rec.entities)
            if said is not None and said.speaker:
                return said.via("quotes.said-colon-before")
            colon = introduced(seg, rec, first - 1, len(prev.text.rstrip()) - 1)
            return colon.via("quotes.colon-introduces-before") if colon is not None else said
    return found if found is not None and found.document or after is None else after


def _nearest_before(seg: Segmented, rec: Recognised, index: int, hi: int) -> Attribution | None:
    """The attribution of the reporting verb nearest before offset ``hi`` that names a speaker ("In what he said was
    his first statement, Dana Pike said, “…”": Dana Pike, not whoever "he" would be)."""
    verbs = [start for start, end, _ in seg.reporting_verbs(index) if end <= hi]
    found = None
    for start in reversed(verbs):
        found = attribute(seg, rec, index, start, hi, rec.entities)
        if found is not None and found.speaker:
            return found
    return found if verbs else attribute(seg, rec, index, 0, hi, rec.entities)


_BENCH = re.compile(r"(?:The|the)\s+(?:(?:three-judge|appeals|appellate|divided)\s+)?(?:panel|court|majority)\b")


def _same_bench(seg: Segmented, rec: Recognised, q: QuoteSpan, index: int, previous: tuple[int, str]) -> bool:
    """A block quotation two paragraphs after a judge's, the paragraph between telling what "the panel" or "the court"
    did: more of the same opinion ("…" ¶ "The panel also rejected …" ¶ "…")."""
    paragraph = seg.sentences[index].paragraph
    if paragraph - previous[0] != 2 or seg.paragraphs[paragraph][0] != q.open or q.words < 8 or index == 0:
        return False
    between = seg.sentences[index - 1]
    if between.paragraph != paragraph - 1 or between.index > 0 and seg.sentences[between.index - 1].paragraph == between.paragraph:
        return False  # the paragraph between is one sentence
    return _BENCH.match(between.text) is not None and judicial(rec.entities.get(previous[1]))


def _far_after_term(seg: Segmented, q: QuoteSpan, index: int, lo: int) -> bool:
    """A quoted term inside a sentence and the first reporting verb after it far on, in another clause
    ('… an "advice of counsel" defense based on memos, finding that he never told them …'): the verb is not about the term."""
    sentence = seg.sentences[index]
    if q.words > _TERM_WORDS or q.open - seg.sentence_at(q.open).start <= 1:
        return False
    verb = next(((start, end) for start, end, _ in seg.reporting_verbs(index) if start >= lo), None)
    if verb is None or len(sentence.text[lo : verb[0]].split()) <= 6:
        return False
    # '… would "likely" fail in the highest court next year, prosecutors said.': the closing attribution governs it all
    rest = sentence.text[verb[1] :].strip(" .\"”’'")
    comma = sentence.text.rfind(",", 0, verb[0])
    return not (comma > lo and len(sentence.text[comma + 1 : verb[0]].split()) <= 4 and not rest)


def _topic(seg: Segmented, rec: Recognised, topics: TopicMatcher, first: int, last: int) -> str | None:
    hits: dict[str, float] = {}
    for index in range(first, last + 1):
        for t, n in rec.sentences[index].topics.items():
            hits[t] = hits.get(t, 0) + n
    if hits:
        return topics.primary(hits)
    # a quotation without case words belongs to the strand of the nearest sentence that has some, the one before first
    nearby = [*range(first - 1, max(-1, first - 7), -1), *range(last + 1, min(len(rec.sentences), last + 4)),
              *range(first - 7, max(-1, first - 13), -1)]
    for index in nearby:
        if rec.sentences[index].topics:
            return topics.primary(rec.sentences[index].topics)
    return None


def extract_claims(doc: ArticleDoc, publisher: str | None, plain_kind: str, tabloid: bool = False) -> None:
    """Add to ``doc.claims`` the claims of an article: each sentence with case words (and no event drawn from it,
    ``doc.used``), attributed to whoever the sentence says says it.

    A document's assertion whose filer or issuer the article does not name ("The lawsuit alleges …") is left out
    and counted in a note: it is nobody's claim we can attribute, and not the outlet's. A sentence nobody in it says
    is in the outlet's own voice: a claim of ``publisher`` (the people.yaml id of the
    article's outlet), or, when the outlet is not listed there (``None``), left out and added to
    ``doc.outlet_voice``: an outlet is not proposed as a person or organisation merely because it publishes.
    In a ``tabloid`` article, a sentence whose loaded words only quotation marks could keep ("Baldwin's waterworks")
    is left out and counted in a note: the converter never puts the tabloid's own word in quotation marks as if
    somebody had said it. Each sentence goes to the first rule of :data:`CLAIM_RULES` that handles it.
    """
    skip = doc.used | doc.skip
    unfiled = 0
    revoiced: list[tuple[str, ...]] = []  # per sentence left out: its loaded words only quotation marks could keep
    for i in range(len(doc.seg.sentences)):
        site = ClaimSite(doc, i, skip, publisher, plain_kind)
        CLAIM_RULES.run(site)
        unfiled += site.unfiled
        if site.rule:
            wrapped = _draft_claim(site, tabloid)
            if wrapped:
                revoiced.append(wrapped)
    _note_left_out(doc, revoiced, unfiled)


@dataclass
class ClaimSite:
    """The state of the rules of :data:`CLAIM_RULES`: sentence ``index`` of the document (``skip``: the sentences an
    event was drawn from or that are left out), and what the rule that handled it decided — the speaker (None: the
    outlet's own voice, the outlet not listed), the kind of claim and the rule trail (empty: no claim), or that
    the sentence is a document's assertion nobody is named as filing (``unfiled``)."""

    doc: ArticleDoc
    index: int
    skip: set[int]
    publisher: str | None
    plain_kind: str
    speaker: str | None = None
    kind: str = ""
    rule: str = ""
    unfiled: bool = False

    @property
    def text(self) -> str:
        return self.doc.seg.sentences[self.index].text

    @cached_property
    def who(self) -> Attribution | None:
        """Whom the sentence is attributed to (worked out once, when a rule first asks)."""
        return attribute(self.doc.seg, self.doc.rec, self.index, 0, None, self.doc.rec.entities)

    def claim(self, speaker: str | None, kind: str, rule: str) -> bool:
        """Make the sentence a claim of ``speaker`` (None: the outlet's voice), of ``kind``, found by ``rule``; handled."""
        self.speaker, self.kind, self.rule = speaker, kind, rule
        return True


def _no_case_words(site: ClaimSite) -> bool:
    """"The weather was fine all week in the town.": a sentence without the case's words is no claim of it."""
    return not site.doc.rec.sentences[site.index].topics


def _short_or_question(site: ClaimSite) -> bool:
    """"Was the lawsuit filed too late?", "The judge agreed.": a question, or fewer than six words, is no claim."""
    text = site.text
    return len(text.split()) < 6 or text.rstrip().endswith("?")


def _mostly_quoted(site: ClaimSite) -> bool:
    """'"We will appeal this ruling," the lawyer said.': a sentence mostly quoted words is a quote, not a claim."""
    sentence = site.doc.seg.sentences[site.index]
    return _quoted_share(site.doc.seg, sentence.start, sentence.end) > 0.6


def _drawn_as_event(site: ClaimSite) -> bool:
    """"A judge dismissed the lawsuit on March 3.": a sentence an event was drawn from is no claim too, unless someone
    named says it (and it is not the article's last sentence)."""
    if site.index not in site.skip:
        return False
    who = site.who
    return who is None or who.speaker is None or site.index == len(site.doc.seg.sentences) - 1


def _said_by(site: ClaimSite) -> bool:
    """"Dana Pike said the studio cut the trailer.": the claim of whoever the sentence says says it."""
    who = site.who
    if who is None or not who.speaker:
        return False
    return site.claim(who.speaker, who.kind, who.via("claims.said-by").rule)


def _unfiled_document(site: ClaimSite) -> bool:
    """"The lawsuit alleges the studio cut the trailer.": a document's assertion with no filer named is left out and
    counted: nobody's claim we can attribute, and not the outlet's fact."""
    who = site.who
    if who is None or not who.document:
        return False
    site.unfiled = True
    return True


def _outlet_voice(site: ClaimSite) -> bool:
    """"The studio cut the trailer in March.": a sentence nobody in it says is in the outlet's own voice."""
    return site.claim(site.publisher, site.plain_kind, "claims.outlet-voice")


# The claims rules, tried in order on each sentence (Ruler.run): the first that handles it decides whose claim it is,
# or that it is none.
CLAIM_RULES: Ruler[ClaimSite] = Ruler("claims", [
    ("no-case-words", _no_case_words), ("short-or-question", _short_or_question), ("mostly-quoted", _mostly_quoted),
    ("drawn-as-event", _drawn_as_event), ("said-by", _said_by), ("unfiled-document", _unfiled_document),
    ("outlet-voice", _outlet_voice),
])


def _draft_claim(site: ClaimSite, tabloid: bool) -> tuple[str, ...] | None:
    """Add to the document the claim a rule made of a sentence: its kind (anonymous, or a denial of the speaker's
    own act), its words in the neutral voice, the people it names and its strand; an outlet not listed gets none
    (the sentence goes to ``doc.outlet_voice``). Out: the loaded words of a ``tabloid`` sentence left out because
    only quotation marks could keep them, else None."""
    doc, text, who, speaker, kind = site.doc, site.text, site.who, site.speaker, site.kind
    if speaker == ANONYMOUS:
        kind = "anonymous"
    elif kind in ("statement", "allegation") and who is not None and who.verb and _denies_own(text, who.verb, doc.rec.entities.get(speaker or "")):
        kind = "denial"
    neutral = neutralise(text, doc.loaded)
    doc.flagged.extend((w, text) for w in neutral.flagged)
    if tabloid and neutral.wrapped:  # "Baldwin's waterworks": the tabloid's word, nobody's quotation; never re-voiced as one
        return neutral.wrapped
    if len(neutral.text.split()) < 4:
        return None
    if speaker is None:
        if doc.outlet_voice is not None:
            doc.outlet_voice.append(" ".join(text.split()))
        return None
    doc.evaluative.extend((w, text) for w in evaluative(neutral.text, doc.loaded))  # for the editor: beyond loaded_words
    facts = doc.rec.sentences[site.index]
    people = list(dict.fromkeys(k for _, _, k in facts.entities if k != speaker and doc.rec.entities[k].kind == "person"))
    topic = doc.topics.primary(facts.topics)
    assert topic is not None
    description = _description(doc, who) if who is not None and speaker == ANONYMOUS else None
    doc.claims.append(DraftClaim(topic, kind, speaker, neutral.text, [Cite(doc.source, " ".join(text.split()))], people=people,
                                 described_as=description, rules=[site.rule]))
    return None


def _note_left_out(doc: ArticleDoc, revoiced: list[tuple[str, ...]], unfiled: int) -> None:
    """Note for the report the claim sentences left out: those whose loaded words only quotation marks could keep
    (``revoiced``, their words), and the ``unfiled`` documents' assertions."""
    if revoiced:  # short: the report prints a note on one line
        words = ", ".join(f"“{w}”" for w in dict.fromkeys(w.lower() for ws in revoiced for w in ws))
        doc.notes.append(f"{len(revoiced)} claim sentence(s) left out: loaded words ({words}) not in the source's quotation marks")
    if unfiled:
        doc.notes.append(f"{unfiled} sentence(s) give a document's assertion (\"the lawsuit alleges …\") without saying who filed or "
                         "issued it: left out, not drafted as the outlet's own statement")


# After the reporting verb: "(that) he did not / had never …": the speaker says they did not do it; not what they
# did not know, see or expect ("she had not realised …", "he could not confirm …": no denial of anything)
_OWN_DENIAL = re.compile(r"\s+(?:that\s+)?(?P<p>he|she|they|we|I)\s+(?:(?:did|had|has|have)(?:\s+not|n['’]t)|(?:had\s+|has\s+|have\s+)?never)"
                         r"\s+(?!(?:ever\s+)?(?:realis|realiz|know|knew|expect|think|thought|understand|understood|remember|notice|see|seen|saw"
                         r"|hear|heard|want|plan|intend|confirm|believe|been\s+told)\w*)")


def _denies_own(text: str, verb: str, speaker: Entity | None) -> bool:
    """"Dana Pike claimed he did not cut the trailer": a speaker saying they did not do something denies it. The
    pronoun must be able to be the speaker (he or she for a person, they or we for a group): "Prosecutors said he
    did not" is about someone else."""
    m = re.search(rf"\b{re.escape(verb)}\b", text)
    own = _OWN_DENIAL.match(text, m.end()) if m else None
    if own is None or speaker is None:
        return False
    person = speaker.kind == "person"
    return own.group("p").lower() in (("he", "she", "i") if person else ("they", "we"))


def _quoted_share(seg: Segmented, start: int, end: int) -> float:
    inside = sum(max(0, min(q.close, end) - max(q.open, start)) for q in seg.overlapping(start, end) if q.words >= MIN_QUOTE_WORDS)
    return inside / max(1, end - start)
