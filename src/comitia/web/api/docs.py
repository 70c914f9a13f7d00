"""The API's documentation as a page of the site, written from its OpenAPI description.

Django Ninja's interactive page loads its scripts from another site, which the content
security policy forbids; this page needs none: each operation with its method, address, what
it does and the answers it may give.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from .endpoints import api

_METHODS = ("get", "post", "put", "patch", "delete")


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the OpenAPI ``schema``, in the order of its paths, each with
    ``method``, ``path``, ``summary``, ``description`` and ``statuses`` (sorted)."""
    found = []
    for address, item in schema.get("paths", {}).items():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            found.append(
                {
                    "method": method.upper(),
                    "path": address,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "statuses": sorted(str(code) for code in operation.get("responses", {})),
                }
            )
    return found


def api_docs(request: HttpRequest) -> HttpResponse:
    schema = api.get_openapi_schema()
    context = {
        "title": api.title,
        "version": api.version,
        "operations": operations(schema),
        "openapi_url": reverse("api:openapi-json"),
        "index_url": reverse("api:index"),
    }
    return render(request, "api/docs.html", context)
