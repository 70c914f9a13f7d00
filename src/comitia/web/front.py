"""The public's kept answers, sent in front of Django's request handler.

A kept answer (``responses``) is already the whole of what the server sends: the bytes and
every header the middleware chain set, the security headers included. Going through Django
to send it costs more than finding it: the handler's request and response objects, its
signals, the middleware on the way in and out. So the WSGI application looks for it first
(``responses.front_answer``, which reads the shared cache and nothing else) and hands the
request to Django only when it is not found: a reader who is not the public, a route not
kept whole, the first request of a process after a change (which reads the terms' versions,
a query, inside Django's handler and its connection management) and any answer not kept yet.
``PublicAnswerMiddleware`` keeps the answers Django makes, and sends them too where a request
comes through Django's test client or handler without this front.
"""

from __future__ import annotations

import http
from collections.abc import Iterable
from typing import Any

from django.core.handlers.wsgi import WSGIRequest

from comitia.web.head import StartResponse, WSGIApplication


def answering_in_front(application: WSGIApplication) -> WSGIApplication:
    """``application`` (Django's handler), with the public's kept answers sent before it."""
    from comitia.web.responses import front_answer  # once Django is set up

    def answered(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            found = front_answer(WSGIRequest(environ))
        except Exception:  # Django's handler then meets it, answers and logs it
            # A host not allowed (Django answers 400 and logs it), the shared cache
            # unreachable (a 500, logged): the front never answers an error itself.
            found = None
        if found is None:
            return application(environ, start_response)
        status, headers, body = found
        start_response(f"{status} {http.HTTPStatus(status).phrase}", headers)
        return [body]

    return answered
