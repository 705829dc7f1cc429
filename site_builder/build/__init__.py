"""``site-builder build``: content → a static site, in the order of the flow (:mod:`.pipeline` runs it)::

    load and validate (site_builder.content) → view (site) → pages (pages, paging)
      → render (render, markup, labels) + exports, headers, search (searchorder)
      → write (all or nothing)

- :mod:`.pipeline`  the build start to finish, and the in-memory build ``serve`` and ``check`` reuse
- :mod:`.site`      the published view of the case: drafts dropped, references resolved, display order
- :mod:`.labels`    what the site says about where a statement comes from (attribution, corroboration)
- :mod:`.pages`, :mod:`.paging` which pages there are, where each goes, long lists split over pages
- :mod:`.render`, :mod:`.markup` Jinja pages; Markdown with raw HTML and images off
- :mod:`.exports`   case.json, timeline.json, feeds, sitemap, robots.txt, JSON-LD
- :mod:`.headers`   the Content-Security-Policy and ``_headers``
- :mod:`.search`, :mod:`.searchorder` the Pagefind index, byte-identical from run to run
- :mod:`.write`     the output folder replaced in one step, deleting nothing a build did not write
- :mod:`.linkcheck`, :mod:`.check` ``site-builder check``: the build's checks plus checks on the rendered pages

The build never imports the converter (:mod:`site_builder.convert`).
"""
