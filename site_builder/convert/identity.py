"""Find again an item an editor has edited by hand, so that a re-run does not add it a second time.

In: the items the content folder held when the run started, and a draft's
section, source, cited sentence and base id. Out: the existing item that is
the same item, or ``None``.

The merger first looks for an item citing the draft's exact sentence; this is
for what that misses. Two signs survive hand edits:

- the id: ids derive from the article, so a re-run derives the same base id
  (an existing item with that id, or that id plus a ``-2``, ``-3`` suffix,
  citing the same source is the same item), whatever the editor did to the
  title, text, date or quote;
- the sentence: a citation the editor trimmed or corrected still holds most
  of the sentence's words in order, within the same source (and, for a
  quote, its quoted words: one sentence may hold two quotes).

Only items present before the run are searched: within one run every item
cites its sentence exactly, and two drafts alike enough to share a base id
are still two items (as they were on the first run).

An item an editor has *decided* on (reviewed or rejected) stands for the
sentences it cites (:meth:`EditedItems.decided`): a draft of the same kind
from such a sentence, or from a sentence inside a cited passage, is that
item, whatever the editor made of its date, title or wording. A draft only
stands for itself: one sentence may give two events (two dates), and the
converter finds its own drafts again by date and words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from typing import Any

Fits = Callable[[Any, str], bool]
SETTLED = ("reviewed", "rejected")  # review states an editor has decided: the converter never changes such items
# The fewest words a sentence needs to be recognised inside a longer cited passage: "He said so." is in many.
_PASSAGE_WORDS = 5
_SUFFIX = re.compile(r"-(?:[2-9]|[1-9]\d)$")  # what Merger._unique appends: -2 … -99


def _tokens(norm: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", norm)


class EditedItems:
    def __init__(self, items: Iterable[tuple[str, Any]], norm: Callable[[str], str]) -> None:
        self._by_id: dict[tuple[str, str], list[Any]] = {}
        self._by_source: dict[tuple[str, str], list[tuple[Any, str]]] = {}  # (section, source) -> (item, normalised quote)
        for section, item in items:
            item_id = str(item.get("id"))
            for key in dict.fromkeys((item_id, _SUFFIX.sub("", item_id))):
                self._by_id.setdefault((section, key), []).append(item)
            for c in item.get("citations") or []:
                if isinstance(c, dict):
                    self._by_source.setdefault((section, str(c.get("source"))), []).append((item, norm(str(c.get("quote", "")))))

    def find(self, section: str, source: str, sentence: str, base_id: str, fits: Fits | None = None) -> Any | None:
        """The item that was drafted from ``sentence`` of ``source`` (normalised), if it is still there.

        ``fits(item, its normalised quote)`` further narrows the match by sentence (e.g. to the same quoted words).
        """
        return self._by_id_of(section, source, base_id) or self._by_sentence(section, source, sentence, fits)

    def decided(self, section: str, source: str, sentence: str, fits: Fits | None = None) -> Any | None:
        """The reviewed or rejected item of ``section`` citing ``sentence`` of ``source`` (normalised), if any.

        It cites the sentence itself, or a passage holding it whole (an editor may cite two sentences as one).
        ``fits(item, its normalised quote)`` narrows the match (a quote: to the same quoted words).
        """
        long_enough = len(_tokens(sentence)) >= _PASSAGE_WORDS
        for item, quote in self._by_source.get((section, source), []):
            if item.get("review") not in SETTLED or fits is not None and not fits(item, quote):
                continue
            if quote == sentence or long_enough and sentence in quote:
                return item
        return None

    def _by_id_of(self, section: str, source: str, base_id: str) -> Any | None:
        for item in self._by_id.get((section, base_id), []):
            if any(isinstance(c, dict) and str(c.get("source")) == source for c in item.get("citations") or []):
                return item
        return None

    def _by_sentence(self, section: str, source: str, sentence: str, fits: Fits | None) -> Any | None:
        candidates = self._by_source.get((section, source))
        if not candidates:
            return None
        mine = _tokens(sentence)
        best, best_score = None, 0.0
        for item, quote in candidates:
            if quote == sentence:  # cites this very sentence unedited, yet is not the same item: another item from it
                continue
            theirs = _tokens(quote)
            if len(theirs) < 3 or fits is not None and not fits(item, quote):
                continue
            matcher = SequenceMatcher(None, theirs, mine, autojunk=False)
            common = sum(block.size for block in matcher.get_matching_blocks())
            # most of the edited quote is the sentence, in order, and it kept a fair part of the sentence
            if common >= 0.8 * len(theirs) and common >= 0.4 * len(mine):
                score = common / max(len(theirs), len(mine))
                if score > best_score:
                    best, best_score = item, score
        return best
