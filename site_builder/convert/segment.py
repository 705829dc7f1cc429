"""Paragraphs, sentences and quotation spans.

In: the cleaned paragraphs of an :class:`~.read.Article`. Out:
:class:`Segmented` — the body text (paragraphs joined by blank lines), its
sentences with offsets, and its quotation spans (which may run over several
sentences and, by the newspaper convention of re-opening the quote mark,
over several paragraphs; in a broadcast transcript, each paragraph a speaker
label opens: see :mod:`.transcript`). Sentence ends survive abbreviations ("Feb.",
"Mr.", "a.m.", "U.S."), initials ("Kari T. Morrissey") and closing quote
marks followed by a lower-case attribution ('?" he asked').
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate

from .lexicon import COURT_ABBREVIATIONS, INVERTIBLE_VERBS, LED_SPEECH_VERBS
from .lexicon.verbs import CATENATIVE, FINDING_VERBS, PASSIVE, PASSIVE_AGENT, READING_VERBS, REPORTING_WORDS, RULING_ONLY
from ..ruler import Ruler
from .transcript import Label, labels

ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr gov sen rep reps gen lt col sgt capt cmdr det insp supt prof rev hon atty dist
    no nos vs v inc corp co ltd llc bros jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd
    rd hwy approx dept univ est fig vol pp ph pt cpl pvt adm maj brig messrs mmes esq""".split()
)
# AP-style state abbreviations, only when capitalised ("PORTLAND, Ore. (AP)"; "he fell ill." still ends a sentence).
STATES = frozenset("Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo".split())
# After a dotted abbreviation ("U.S.", "a.m.") a new sentence starts only with a word like these.
_STARTERS = frozenset(
    """the a an he she it they we i you his her their its this that these those there but and so yet
    in on at after before when while if as however meanwhile officials police prosecutors
    jurors investigators deputies detectives witnesses""".split()
)
MAX_SENTENCE = 1500  # characters; a longer "sentence" is unpunctuated text, not something to cite
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
OPEN_D, CLOSE_D = "\u201c", "\u201d"
OPEN_S, CLOSE_S = "\u2018", "\u2019"


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class QuoteSpan:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (== len(text) if never closed)
    inner: str  # the words between the marks, as in the text
    continued: bool = False  # continues the previous span: a quote re-opened at the start of the next paragraph
    label: Label | None = None  # a transcript's labelled paragraph ("NAME, TITLE: words"): open is the label's colon

    @cached_property
    def words(self) -> int:
        return len(self.inner.split())


_LOWER_CASE_WORD = re.compile(r"(?<![\w.-])[a-z][a-z'’-]*(?![\w-])")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` (offsets, clipped to the text) replaced by spaces."""
    chars = list(text)
    for a, b in spans:
        for k in range(max(0, a), min(len(chars), b)):
            chars[k] = " "
    return "".join(chars)


@dataclass
class Segmented:
    text: str
    paragraphs: list[tuple[int, int]]
    sentences: list[Sentence]
    quotes: list[QuoteSpan]
    _plain: dict[int, str] = field(default_factory=dict, init=False, repr=False)  # see plain()
    _verbs: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict, init=False, repr=False)  # see reporting_verbs()
    _starts: list[int] = field(init=False, repr=False)
    _opens: list[int] = field(init=False, repr=False)
    _reach: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]
        self._opens = [q.open for q in self.quotes]  # quotes come in order of their opening mark
        self._reach = list(accumulate((q.close for q in self.quotes), max))  # the furthest close so far (single quotes may nest)

    def plain(self, index: int) -> str:
        """Sentence ``index`` with every quoted passage blanked out (kept: attribution asks often)."""
        cached = self._plain.get(index)
        if cached is None:
            sentence = self.sentences[index]
            quoted = [(q.open - sentence.start, q.close - sentence.start + 1) for q in self.overlapping(sentence.start, sentence.end)
                      if q.open < sentence.end and q.close >= sentence.start]
            cached = self._plain[index] = _blank(sentence.text, quoted)
        return cached

    def reporting_verbs(self, index: int) -> list[tuple[int, int, str]]:
        """Reporting verbs in sentence ``index`` outside quotation marks: (start, end, word), in order (kept: every
        quote, claim and speaker asks). "Pike tried to argue that …" has "argue"; "is expected to argue" has none."""
        cached = self._verbs.get(index)
        if cached is None:
            cached = self._verbs[index] = _reporting_verbs(self.plain(index), self.sentences[index].text)
        return cached

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """The words written in lower case anywhere in the text ("motion" makes a capitalised "Motion" no name)."""
        return frozenset(_LOWER_CASE_WORD.findall(self.text))

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (or the nearest one before it)."""
        index = bisect_right(self._starts, offset) - 1
        return self.sentences[max(0, index)]

    def quotes_in(self, start: int, end: int) -> list[QuoteSpan]:
        return self.quotes[bisect_left(self._opens, start) : bisect_left(self._opens, end)]

    def overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        """The quotes that may overlap ``start``–``end``: every quote with ``open < end`` and ``close >= start`` is among them."""
        return self.quotes[bisect_left(self._reach, start) : bisect_left(self._opens, end)]

    def inside_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies between quotation marks (a transcript's labelled speech is not: events and names
        read it as plain text, only quotes and attribution treat it as spoken words)."""
        index = bisect_left(self._opens, offset) - 1
        return index >= 0 and self.quotes[index].label is None and self.quotes[index].open < offset < self.quotes[index].close


_RUN = re.compile(r"[\w’']+")  # a reporting verb is a whole run of these characters


def _reporting_verbs(plain: str, text: str) -> list[tuple[int, int, str]]:
    """The reporting verbs (lexicon REPORTING_WORDS) of ``plain`` (the sentence ``text`` with its quoted passages
    blanked) as whole runs: (start, end, word); a base form only after a verb that leads to it (LED_SPEECH_VERBS
    after CATENATIVE); a verb of reading only with quoted words in its sentence (:func:`_reading`)."""
    lower = plain.lower()
    hits = REPORTING_WORDS.intersection(_RUN.findall(lower))
    if not hits:
        return []
    if len(lower) != len(plain):  # a letter whose lower case is longer: offsets differ, take the slow way
        found = [(m.start(), m.end(), m.group()) for m in _RUN.finditer(plain) if m.group().lower() in REPORTING_WORDS]
    else:
        found = sorted((i, i + len(w), plain[i : i + len(w)]) for w in hits for i in _whole_word(lower, w))
    if found and not LED_SPEECH_VERBS.isdisjoint(hits):
        found = [v for v in found if v[2].lower() not in LED_SPEECH_VERBS or CATENATIVE.search(plain, 0, v[0])]
    return [v for v in found if not _passive(plain, v[0], v[1], v[2]) and not _reading(text, v[2])]


def _reading(text: str, word: str) -> bool:
    """Whether the reporting verb ``word`` of the sentence ``text`` only tells someone reading a text aloud ("after
    she read the jury's verdict"): a verb of READING_VERBS in a sentence quoting nothing, whose reader says nothing of
    their own; with quoted words ('read from a statement: "…"'; '"…," the note read') it reports them."""
    return word.lower() in READING_VERBS and not any(mark in text for mark in "\"“”")


def _passive(plain: str, start: int, end: int, word: str) -> bool:
    """Whether the reporting verb ``word`` at ``start``..``end`` is a passive that reports nobody's speech ("Lee Marsh
    was found guilty", "were told to leave", "is said to have"): its subject did not speak. Not one whose agent
    follows ("was told by police that …": attribution's passive-agent rule gives it to the agent) unless the verb
    only finds ("was found by deputies"); a verb that reports only a judge's deciding ("the motion was dismissed")
    is left to the ruling rule, and a participle in -ing ("was saying") is no passive."""
    lower = word.lower()
    if lower in RULING_ONLY or lower.endswith("ing"):
        return False
    if PASSIVE.search(plain, max(0, start - 60), start) is None:
        return False
    return lower in FINDING_VERBS or PASSIVE_AGENT.match(plain, end) is None


def _whole_word(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text`` as a whole run of word characters (see _RUN)."""
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _in_run(text[at - 1])) and (end == len(text) or not _in_run(text[end])):
            out.append(at)
        at = text.find(word, end)
    return out


def _in_run(char: str) -> bool:
    return char.isalnum() or char in "_’'"


def segment(paragraphs: list[str]) -> Segmented:
    text = "\n\n".join(paragraphs)
    spans: list[tuple[int, int]] = []
    sentences: list[Sentence] = []
    offset = 0
    for p, paragraph in enumerate(paragraphs):
        spans.append((offset, offset + len(paragraph)))
        for start, end in split_sentences(paragraph):
            sentences.append(Sentence(len(sentences), p, offset + start, offset + end, paragraph[start:end]))
        offset += len(paragraph) + 2
    quoting = Quoting(text, spans)
    QUOTATIONS.run_all(quoting)
    return Segmented(text, spans, sentences, sorted(quoting.quotes, key=lambda q: q.open))


@dataclass
class Quoting:
    """The segmenter's quotation state: the article's text, its paragraphs' spans and the quotations found so far."""

    text: str
    paragraphs: list[tuple[int, int]]
    quotes: list[QuoteSpan] = field(default_factory=list)


def _quotation_marks(st: Quoting) -> bool:
    """'"The charges were never fair," said Lee Marsh.': the words between quotation marks."""
    st.quotes.extend(find_quotes(st.text, st.paragraphs))
    return False


def _transcript_labels(st: Quoting) -> bool:
    """"MARY SOMMER, JUDGE: The charges stand.": a transcript's labelled paragraph (not the show's own narration)."""
    st.quotes.extend(QuoteSpan(lab.colon, lab.end, st.text[lab.colon + 1 : lab.end], label=lab)
                     for lab in labels(st.text, st.paragraphs) if not lab.media)
    return False


def _statement_blocks(st: Quoting) -> bool:
    """"Eric Bland released this statement Thursday:" ¶ "Today is a bittersweet day …": the paragraph a statement
    introduces (see :func:`_introduced_blocks`)."""
    st.quotes.extend(_introduced_blocks(st.text, st.paragraphs, list(st.quotes)))
    return False


# Where quotations come from, every rule adding its own (Ruler.run_all); the segmenter sorts them by opening mark.
QUOTATIONS: Ruler[Quoting] = Ruler("segment", [
    ("quotation-marks", _quotation_marks), ("transcript-labels", _transcript_labels), ("statement-blocks", _statement_blocks)])


# The end of a paragraph that introduces a statement printed after it: "X released this statement Thursday:",
# "In a statement, the office said:", "The letter reads:"
_STATEMENT_INTRO = re.compile(r"\b(?:statement|said|says|wrote|writes|reads|read|added|posted|tweeted)\b[^.!?:]{0,40}:\s*$")
_ANY_MARK = re.compile("[\"\u201c\u201d]")
_BLOCK_MIN_WORDS = 8


def _introduced_blocks(text: str, paragraphs: list[tuple[int, int]], quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Paragraphs printed without quotation marks after a paragraph that introduces them as a statement ("Eric
    Bland released this statement Thursday:" ¶ "Today is a bittersweet day …"): each is a quotation, its opening
    mark standing at the paragraph break. Not when the paragraph holds quotation marks of its own, is short (a list
    item, a heading), or itself introduces something (ends with a colon); not a list a colon opens ("The charges
    include:")."""
    taken = {q.open for q in quotes} | {q.close for q in quotes}
    blocks: list[QuoteSpan] = []
    for (start, end), (nstart, nend) in zip(paragraphs, paragraphs[1:]):
        if not text[start:end].rstrip().endswith(":") or _STATEMENT_INTRO.search(text, max(start, end - 200), end) is None:
            continue
        block = text[nstart:nend]
        if _ANY_MARK.search(block) or len(block.split()) < _BLOCK_MIN_WORDS or block.rstrip().endswith(":") \
                or any(nstart <= at <= nend for at in taken):
            continue
        blocks.append(QuoteSpan(nstart - 1, nend, block))
    return blocks


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one paragraph."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        end = m.end()
        rest = paragraph[end:].lstrip()
        if not rest or not _is_break(paragraph, m.start(), m.group(0), rest):
            continue
        out.append((start, end))
        start = end + (len(paragraph[end:]) - len(rest))
    if start < len(paragraph) and paragraph[start:].strip():
        out.append((start, len(paragraph.rstrip())))
    return out


def _is_break(paragraph: str, at: int, mark: str, rest: str) -> bool:
    """Whether the sentence ends at the mark ``mark`` found at ``at`` in ``paragraph``, ``rest`` following it: the
    first rule of :data:`BREAKS` that decides says; when none does, the mark ends the sentence."""
    st = Boundary(paragraph, at, mark, rest)
    BREAKS.run(st)
    return st.breaks


@dataclass
class Boundary:
    """The sentence splitter's state: a mark that may end a sentence (``.``, ``?``, ``!``, ``…``, with any closing
    quotation marks or brackets), where it stands, the text after it, and the decision (a break unless a rule says
    otherwise)."""

    paragraph: str
    at: int  # where the mark starts
    mark: str
    rest: str  # the paragraph after the mark and the spaces after it (never empty)
    breaks: bool = True

    @cached_property
    def token(self) -> str:
        """The word right before the mark, with its dots and apostrophes ("U.S", "a.m", "Dr", "T")."""
        begin = self.at
        while begin > 0 and (self.paragraph[begin - 1].isalnum() or self.paragraph[begin - 1] in "_.&'’-"):
            begin -= 1  # back over the word before the mark: [\w.&'’-]+
        return self.paragraph[begin:self.at]

    @cached_property
    def following(self) -> str:
        """The next word, in lower case, past any opening quotation mark or bracket ("" if none)."""
        next_word = re.match(r"[\"“‘'(]*([\w’'-]+)", self.rest)
        return next_word.group(1).lower() if next_word else ""

    def decide(self, breaks: bool) -> bool:
        """Record the decision; True: the case is handled (no later rule is tried)."""
        self.breaks = breaks
        return True


def _no_capital_after(st: Boundary) -> bool:
    """"The jury met at 9 a.m. on Friday.": what follows the mark (past an opening quotation mark or bracket) starts
    with neither a capital nor a digit, so no new sentence starts there."""
    first = st.rest[0]
    if first in "\"“‘'([":
        nxt = st.rest[1:2]
        return not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'") and st.decide(False)
    return not (first.isupper() or first.isdigit()) and st.decide(False)


def _brand_exclamation(st: Boundary) -> bool:
    """"She told E! News she was relieved.": an exclamation mark inside a brand name ("E! News", "Yahoo! News")
    after a short capitalised word."""
    return st.mark == "!" and re.search(r"(?:^|\s)[A-Z][a-z]{0,4}$", st.paragraph[:st.at]) is not None and st.decide(False)


def _question_or_exclamation(st: Boundary) -> bool:
    """"Was it fair? The jury thought so.": a question mark, an exclamation mark or an ellipsis ends the sentence."""
    return not st.mark.startswith(".") and st.decide(True)


def _initial(st: Boundary) -> bool:
    """"Kari T. Morrissey represents the family.": a capital letter alone before the full stop is an initial."""
    return re.fullmatch(r"[A-Z]", st.token) is not None and st.decide(False)


def _dotted_abbreviation(st: Boundary) -> bool:
    """"The U.S. Attorney's office declined." is one sentence; "He flew back to the U.S. The trial resumed." is two:
    after a dotted abbreviation ("U.S.", "a.m.") or a lower-case letter alone, a sentence starts only with a
    typical opener ("The", "He", "Prosecutors" …)."""
    return ("." in st.token or re.fullmatch(r"[A-Za-z]", st.token) is not None) and st.decide(st.following in _STARTERS)


def _abbreviation(st: Boundary) -> bool:
    """"Dr. Ruiz testified.", "PORTLAND, Ore. (AP) — A judge ruled.", "The Tessel Cnty. Sheriff's Office said so.": an
    abbreviation, an AP-style state or a court's abbreviation (lexicon) does not end the sentence; a state ending a
    place before a typical opener does ("… in Salem, Ore. Investigators found …": a caption, then the next)."""
    token = st.token
    if token in STATES:
        return st.decide(st.following in _STARTERS)
    return (token.lower() in ABBREVIATIONS or token in COURT_ABBREVIATIONS) and st.decide(False)


# Whether a mark ends a sentence: the first rule that decides wins (Ruler.run); a full stop no rule stops ends it.
BREAKS: Ruler[Boundary] = Ruler("sentences", [
    ("no-capital-after", _no_capital_after), ("brand-exclamation", _brand_exclamation),
    ("question-or-exclamation", _question_or_exclamation), ("initial", _initial),
    ("dotted-abbreviation", _dotted_abbreviation), ("abbreviation", _abbreviation),
])


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Double-quoted spans; single quotes count only in documents that use them for speech."""
    double = [part for span in _spans(text, paragraphs, OPEN_D, CLOSE_D, '"') for part in _split_at_own_tag(text, span)]
    if sum(1 for q in double if q.words >= 4):
        return double
    single = _spans(text, paragraphs, OPEN_S, CLOSE_S, "'")
    if sum(1 for q in single if q.words >= 4) > 0:
        return sorted(double + single, key=lambda q: q.open)
    return double


_TAG_VERB = "|".join(sorted(INVERTIBLE_VERBS, key=len, reverse=True))
_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+"
# A quotation's own tag written inside it, its closing mark missing (“… four months, said Sheriff Dana Pike. We
# will …”): a comma, the tag (verb then name, name then verb, or a pronoun and verb), a full stop, and the next
# quoted sentence. A clause such as "said to be weak" or a tag closing the quotation is no such tag.
_OWN_TAG = re.compile(rf",\s+(?:(?:{_TAG_VERB})\s+{_NAME}|{_NAME}\s+(?:{_TAG_VERB})|(?:he|she|they)\s+(?:{_TAG_VERB}))\.\s+(?=[A-Z])")


def _split_at_own_tag(text: str, span: QuoteSpan) -> list[QuoteSpan]:
    """``span`` as the quotations it holds: cut at a tag it swallowed because its closing mark was missing (see
    :data:`_OWN_TAG`): the words before the tag end at its comma, as if the mark stood there, and the words after it
    continue the same speaker's quotation (``continued``)."""
    tag = _OWN_TAG.search(span.inner) if "." in span.inner else None
    if tag is None:
        return [span]
    comma = span.open + 1 + tag.start()
    resume = span.open + tag.end()  # the space before the next quoted sentence stands for its opening mark
    return [QuoteSpan(span.open, comma, text[span.open + 1 : comma], span.continued),
            *_split_at_own_tag(text, QuoteSpan(resume, span.close, text[resume + 1 : span.close], True))]


@lru_cache(maxsize=4)
def _marks(*chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(chars)) + "]")


def _spans(text: str, paragraphs: list[tuple[int, int]], opener: str, closer: str, straight: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    continued = False
    marks = _marks(opener, closer, straight)
    for p, (start, end) in enumerate(paragraphs):
        for mark in marks.finditer(text, start, end):
            i = mark.start()
            ch = text[i]
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if straight == "'" or ch in (OPEN_S, CLOSE_S):
                # apostrophes ("Baldwin's", "Hutchins' family") are not quote marks
                if before.isalnum() and (after.isalnum() or ch != CLOSE_S and ch != "'"):
                    continue
                if ch in (CLOSE_S, "'") and before.isalnum() and after.isalnum():
                    continue
            is_open = ch == opener or ch == straight and (before.isspace() or before in "([{—–-:/") and not after.isspace()
            if ch == closer or ch == straight and not is_open:
                is_open = False
            if open_at is None and is_open:
                open_at = i
            elif open_at is not None and not is_open:
                spans.append(QuoteSpan(open_at, i, text[open_at + 1 : i], continued))
                open_at, continued = None, False
            elif open_at is not None and is_open:
                open_at = i  # unbalanced: restart at the newer mark
        if open_at is not None:
            # Newspaper style: a quote running into the next paragraph is left open and re-opened there.
            # Each paragraph's part becomes its own span, the later ones marked as continuing.
            nxt = paragraphs[p + 1][0] if p + 1 < len(paragraphs) else None
            spans.append(QuoteSpan(open_at, end, text[open_at + 1 : end].rstrip(), continued))
            if nxt is not None and text[nxt] in (opener, straight):
                open_at, continued = nxt, True
            else:
                open_at, continued = None, False
    return spans
