"""What the leak tests share: marker texts, the URLs every role requests, and the search of
their answers for markers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from comitia.web.plans import models as m

from .test_matrix import _named_routes, _sample_kwargs, _url


def texts(marker: str) -> dict[str, str]:
    """``marker`` as a text in every language."""
    return {"en": marker, "es": marker, "fr": marker, "pt": marker}


def every_url(term: m.Term, revision_number: int) -> list[str]:
    """Every route about ``term`` (feeds in each language, documents in two), and the
    calendar's lists."""
    sample = _sample_kwargs(term, revision_number)
    urls = ["/", "/calendar/", f"/calendar/{term.slug}/?kind=regular"]
    for name, arguments in _named_routes():
        url = _url(name, arguments, sample)
        if url is None or name == "calendar:logout":
            continue
        if name in {"calendar:feed", "calendar:delegations_feed"}:
            urls += [url.replace(".en.ics", f".{lang}.ics") for lang in ("en", "es", "fr", "pt")]
        elif name == "search:search":
            # Each kind of marker alone too, as a reader would look for one of them.
            urls += [url, url + "+meeting", url + "+activity", url + "+document"]
        elif name in {"documents:plan", "documents:download", "documents:revision"}:
            urls += [url, url + ("&" if "?" in url else "?") + "lang=es"]
        else:
            urls.append(url)
    return urls


def answer_bytes(response: Any) -> bytes:
    """Everything a reader gets of an answer: its body, its headers (a file name, a
    location) and the addresses it was redirected through."""
    chain = b" ".join(url.encode() for url, _ in response.redirect_chain)
    return b"\n".join([response.serialize_headers(), chain, response.content])


def found(client: Client, urls: list[str], markers: tuple[str, ...]) -> dict[str, list[str]]:
    """Each marker found in the answers to GET ``urls``, with the URLs whose answers held it.

    Only GET: a HEAD request runs the same view under the same policy (``routes.policy_for``
    reads HEAD as GET) and its body is dropped (by the test client, as by servers), so its
    answer is the GET's headers, searched here; test_leaks_published_term.py checks HEAD apart.
    """
    seen: dict[str, list[str]] = {}
    for url in urls:
        answer = answer_bytes(client.get(url, follow=True))
        for marker in markers:
            if marker.encode() in answer:
                seen.setdefault(marker, []).append(url)
    return seen


@pytest.fixture(autouse=True, scope="module")
def _empty_cache() -> Iterator[None]:
    """Replaces the access tests' emptying before each test: caches are emptied for the
    module only, so that what the secretariat's requests put in them while the scene was built
    is still there when each role asks (a cache keyed too loosely would show in a leak)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
