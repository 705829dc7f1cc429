"""``site-builder convert``: news articles → draft case entries, people and sources.

The package, in the order of the flow (:mod:`.pipeline` runs it)::

    read (site_builder.articles: clean text, metadata) → segment (paragraphs, sentences, quotes)
      → recognise (people, dates, topics) → events / claims & quotes
      → merge (into content/, round-trip) → write → report

Word lists are data in :mod:`.lexicon`; the rules of a stage are named (:mod:`site_builder.ruler`).
"""

from __future__ import annotations

from .pipeline import ConvertError, convert

__all__ = ["ConvertError", "convert"]
