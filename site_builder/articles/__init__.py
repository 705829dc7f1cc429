"""Article files as text: what both ``build`` and ``convert`` read from a news article.

- :mod:`.read`       one article file (``.txt`` seed, ``.md`` with front matter, ``.html``) → clean paragraphs,
  headline and metadata, page furniture removed
- :mod:`.htmltext`   the article text and metadata of an HTML page
- :mod:`.timex`      dates in news prose, at the precision written (the converter's dates stage, and the
  publication date a page states)
- :mod:`.datewords`  the date words those patterns are built from (holidays, bounds, "that summer", "will")
- :mod:`.sourcetext` a cited source file's text, normalised, for the build's citation checks

Nothing here imports the content model, the build or the converter, so a build that checks citations against
article files never loads the converter.
"""
