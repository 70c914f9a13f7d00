"""The production server: waitress serving Comitia's WSGI application, its options in one
place for ``comitia serve`` and for the tests that speak HTTP to a real server."""

from __future__ import annotations

from typing import Any

# Eight threads: a print of a PDF (about a second) holds one while others go on answering.
THREADS = 8


def create_server(host: str, port: int, **options: Any) -> Any:
    """A waitress server listening on ``host``:``port`` (0: a free port, then found in its
    ``effective_port``), not yet running; ``options`` are waitress's own (``map``,
    ``threads``). Raises OSError when it cannot listen."""
    from waitress.server import create_server as waitress_server

    from comitia.web.wsgi import application

    options = {"threads": THREADS, "ident": "Comitia"} | options
    return waitress_server(application, host=host, port=port, **options)
