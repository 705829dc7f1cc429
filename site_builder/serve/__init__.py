"""The live preview behind ``site-builder serve``: watch → rebuild → serve → reload.

One module per job:

- :mod:`.watch`   which files a build reads, which are editor droppings, when a burst of saves is over
- :mod:`.rebuild` the normal build, in memory; keeps the last good site and the latest error
- :mod:`.inject`  what only the server adds to HTML: the livereload script and the error overlay
- :mod:`.app`     the tornado application: the site from memory, livereload.js and its websocket
- :mod:`.server`  binds the port and runs the above on their threads until stopped
"""

from ..errors import ServeError
from .rebuild import Outcome, Preview
from .server import MAX_PORT, PreviewServer, ServeOptions

__all__ = ["MAX_PORT", "Outcome", "Preview", "PreviewServer", "ServeError", "ServeOptions"]
