"""The content folder: its model, loading it, and the rules it must keep.

- :mod:`.model`      the declared schema of every content file (pydantic), the single source of truth
- :mod:`.yamlload`   safe YAML loading that keeps each value's line
- :mod:`.load`       the content folder → typed :class:`~.load.Content`, or every problem in every file
- :mod:`.cache`      the cache beside the content: parsed files and rendered fragments, reused by the next build
- :mod:`.validate`   cross-file rules (ids, citations found in their source, the site's own voice)
- :mod:`.provenance` items checked against the dates and review states of the sources they cite
- :mod:`.voice`, :mod:`.quotemarks` loaded words outside quotation marks; where quotations open and close
- :mod:`.urls`       which URLs the site may publish
- :mod:`.schema`     the model exported as JSON Schema for editors
- :mod:`.scaffold`   a new case folder (``site-builder init``), from :file:`init_files/`

Nothing here imports the build, the converter or the server.
"""
