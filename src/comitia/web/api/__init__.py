"""The JSON API, under ``/api/v1/`` (Django Ninja; its OpenAPI description at
``/api/v1/openapi.json``).

It reads what the pages read and writes through the same operations and forms as the editing
pages, so the API can neither see nor change more than the pages: routes declare their policy
per HTTP method in ``comitia.web.access.routes``, the access middleware enforces it, and writes
carry the version they are based on (no lost edits).
"""
