"""The review page of the preview (``/_review/``): drafts beside their sources, accepted,
rejected, corrected or merged in the browser and written back to the YAML.

One module per job:

- :mod:`.passages` the paragraph of a source a citation quotes, the sentence marked
- :mod:`.cards`    every item with a review state, as the page shows it, grouped
- :mod:`.yamledit` the changes, made on ruamel round-trip data (comments and layout kept)
- :mod:`.store`    check the file is unchanged, validate as the build does, write atomically, undo
- :mod:`.page`     the HTML page (``page.html``) and its script and stylesheet
- :mod:`.handlers` the HTTP routes and who may write (loopback, same origin, token, JSON POST)

None of it is part of ``build``: only ``serve`` mounts these routes.
"""
