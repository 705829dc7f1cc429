"""Topics per sentence, from the case's vocabulary.

In: the topics of ``case.yaml`` (id and vocabulary) and a sentence. Out:
how many vocabulary terms of each topic the sentence uses. Terms written
with capitals ("TLC", "Max") match case-sensitively; lower-case terms match
any case and simple inflections ("lawsuit" → "lawsuits", "charge" →
"charged").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TopicDef:
    id: str
    title: str
    vocabulary: tuple[str, ...]


class TopicMatcher:
    def __init__(self, topics: list[TopicDef]) -> None:
        self.topics = topics
        self.order = {t.id: i for i, t in enumerate(topics)}
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        for topic in topics:
            sensitive, insensitive = [], []
            for term in sorted(set(topic.vocabulary), key=len, reverse=True):
                body = re.escape(term.replace("’", "'")).replace(r"\ ", r"[\s-]+").replace("'", "['’]")
                if term != term.lower():
                    sensitive.append(rf"(?<![\w-]){body}(?![\w-])")
                else:
                    suffix = r"(?:s|es|ed|d|ing)?" if re.search(r"[a-z]$", term) else ""
                    insensitive.append(rf"(?<![\w-]){body}{suffix}(?![\w-])")
            parts = []
            if insensitive:
                parts.append("(?i:" + "|".join(insensitive) + ")")
            if sensitive:
                parts.append("|".join(sensitive))
            if parts:
                self._patterns.append((topic.id, re.compile("|".join(parts))))

    def match(self, sentence: str) -> dict[str, int]:
        hits: dict[str, int] = {}
        for topic, pattern in self._patterns:
            found = {m.group(0).lower() for m in pattern.finditer(sentence)}
            if found:
                hits[topic] = len(found)
        return hits

    def primary(self, hits: dict[str, int]) -> str | None:
        """The topic a sentence is most about; ties go to the later strand (later events mention earlier ones)."""
        if not hits:
            return None
        return max(hits, key=lambda t: (hits[t], self.order[t]))
