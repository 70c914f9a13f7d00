"""The API's addresses, each answering with or without a trailing slash.

Django Ninja declares ``terms`` and ``terms/<slug>/plan``; people and scripts write
``terms/`` as often. Redirecting would lose a write's body, so each address is also declared
with the slash, to the same view under the same name. The slashed ones come first: ``reverse``
tries a name's patterns from the last declared, so it keeps giving the addresses the OpenAPI
document lists, without the slash.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path


def with_trailing_slashes(urls: tuple[list[Any], str, str]) -> tuple[list[Any], str, str]:
    """Ninja's ``api.urls`` with each address (but the root and the ``.json`` files) also
    taken with a trailing slash."""
    patterns, app_name, namespace = urls
    slashed = [
        path(f"{route}/", pattern.callback, name=pattern.name)
        for pattern in patterns
        if isinstance(pattern, URLPattern)
        and (route := str(pattern.pattern))
        and not route.endswith(("/", ".json"))
    ]
    return [*slashed, *patterns], app_name, namespace
