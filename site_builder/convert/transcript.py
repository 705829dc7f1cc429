"""Broadcast transcripts: paragraphs that open with a speaker label ("JUDGE CLIFTON NEWMAN, CIRCUIT COURT: …").

In: the body text and its paragraph offsets (from :mod:`.segment`). Out: the labelled paragraphs as
:class:`Label` records — who the label names (a display name, its title, whether it is an unnamed speaker or
the show's own anchor or host) and where the spoken words run. A transcript marks speech with labels, not
quotation marks, so :mod:`.segment` turns each labelled paragraph into a quotation span, :mod:`.recognise`
records the label's person as named at the start of the paragraph, and :mod:`.claims` gives the words to
them. A text counts as a transcript only when at least two paragraphs open with a label ("UPDATE:" alone is
no transcript).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "CYRUS VANCE JR., MANHATTAN DISTRICT ATTORNEY: " / "VANCE: " / "UNIDENTIFIED MALE: "
_LABEL = re.compile(r"(?P<name>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,4}?)(?:,? (?P<suffix>JR\.?|SR\.?|II|III|IV))?"
                    r"(?:, (?P<title>[A-Z0-9][A-Z0-9 .,'’&/()-]{1,90}?))?: (?=\S)")
# labels that head a note, not a speaker's words
_NOT_SPEAKERS = frozenset("""UPDATE UPDATED EDITOR NOTE EXCLUSIVE WATCH PHOTOS PHOTO VIDEO READ MORE RELATED BREAKING
    CLIP SOURCE CAPTION CREDIT ADVERTISEMENT WARNING CORRECTION ALSO SEE LISTEN TRANSCRIPT COPYRIGHT SUBSCRIBE""".split())
_UNNAMED = re.compile(r"(?:UNIDENTIFIED|UNKNOWN)\b")
# the show's own people: their lines are its narration, not a quotation of someone in the story
_MEDIA_TITLES = re.compile(r"\b(?:ANCHOR|HOST|CO-HOST|CORRESPONDENT|REPORTER|CONTRIBUTOR|ANALYST|COMMENTATOR|PRODUCER|PRESENTER)\b")
_HONORIFICS = frozenset("JUDGE JUSTICE DR DR. D.A. DA SEN SEN. REP REP. GOV GOV. DET DET. SGT SGT. PROF PROF. MR MR. MS MS. MRS MRS. "
                        "ATTORNEY DETECTIVE SHERIFF OFFICER SENATOR GOVERNOR".split())


@dataclass(frozen=True)
class Label:
    paragraph: int
    start: int  # offset of the label's first letter in the body text
    colon: int  # offset of the colon that ends the label
    end: int  # end of the paragraph
    name: str  # "Clifton Newman", "Cyrus Vance Jr.", "Vance" (as labelled, in normal case); "" for an unnamed speaker
    title: str | None  # "Judge", "South Carolina Circuit Court" …
    unnamed: bool
    media: bool  # the show's anchor, host or correspondent


def labels(text: str, paragraphs: list[tuple[int, int]]) -> list[Label]:
    """The labelled paragraphs of a transcript, in order; [] when fewer than two paragraphs carry a label."""
    found = []
    for p, (start, end) in enumerate(paragraphs):
        m = _LABEL.match(text, start, end)
        if m is None or set(re.split(r"[ ']", m.group("name"))) & _NOT_SPEAKERS:
            continue
        found.append((p, start, end, m))
    if len(found) < 2:
        return []
    out: list[Label] = []
    media_names: set[str] = set()
    full: dict[str, str] = {}  # surname -> the full name labelled before
    for p, start, end, m in found:
        words = m.group("name").split()
        title = m.group("title")
        unnamed = _UNNAMED.match(m.group("name")) is not None
        honorifics = []
        while len(words) > 1 and words[0] in _HONORIFICS:
            honorifics.append(words.pop(0))
        name = " ".join(_normal_case(w) for w in words) + (f" {_normal_case(m.group('suffix'))}" if m.group("suffix") else "")
        surname = _normal_case(words[-1])
        media = bool(title and _MEDIA_TITLES.search(title)) or (len(words) == 1 and surname in media_names)
        if media:
            media_names.add(surname)
        if len(words) > 1:
            full.setdefault(surname, name)
        elif surname in full:
            name = full[surname]  # "VANCE:" after "CYRUS VANCE JR., …:"
        role = ", ".join(x for x in (" ".join(_normal_case(h) for h in honorifics), _normal_case_title(title)) if x) or None
        out.append(Label(p, start, m.end() - 2, end, "" if unnamed else name, role, unnamed, media))
    return out


def _normal_case(word: str) -> str:
    """ "MURDAUGH" → "Murdaugh", "O'KEEFE" → "O'Keefe", "JR." → "Jr."."""
    return "-".join(part.title() if len(part) > 1 else part for part in word.split("-"))


def _normal_case_title(title: str | None) -> str:
    if not title:
        return ""
    small = {"of", "and", "for", "the", "to", "in", "on"}
    return " ".join(w.lower() if w.lower() in small and i else _normal_case(w) for i, w in enumerate(title.split()))
