"""Serve the hello-world project with Comitia's production server and its options:
``python -m benchmarks.hello.serve PORT`` (127.0.0.1 only)."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.hello.settings"
    from django.core.wsgi import get_wsgi_application
    from waitress.server import create_server

    from comitia.web.serving import THREADS

    # The options comitia.web.serving.create_server gives waitress for Comitia.
    server = create_server(
        get_wsgi_application(),
        host="127.0.0.1",
        port=int(sys.argv[1]),
        threads=THREADS,
        ident="Comitia",
    )
    print(f"hello-world is serving on http://127.0.0.1:{server.effective_port}/", flush=True)
    server.run()


if __name__ == "__main__":
    main()
