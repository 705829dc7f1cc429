"""Documents that speak in a report: "the lawsuit alleges", "the statement said", "a court filing shows".

General English only. A tuple, in the order its pattern tries them (as written in the reports' phrases).
"""

from __future__ import annotations

DOCUMENT_NOUNS = ("affidavit", "lawsuit", "suit", "complaint", "filing", "motion", "ruling", "order", "statement", "document",
                  "report", "press release", "release", "indictment", "letter", "court papers", "court documents", "records",
                  "legal document", "court filing", "petition", "opinion", "decision", "judgment", "verdict")
DOCUMENTS = "|".join(DOCUMENT_NOUNS)  # the alternation the patterns embed
