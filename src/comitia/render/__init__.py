"""Renderers: one sub-package per output format (``comitia.render.ics``, ``.docx``, ...).

The formats are listed in one table, ``comitia.render.formats`` (name, media type, file
extension, the package that writes it); ``comitia render`` and the web read it. Renderers are
plain Python and never import Django: the web application and ``comitia render`` call the same
code. Importing this package is cheap: a format's libraries are imported when it is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comitia.plan import Plan


class RenderError(ValueError):
    """A plan that cannot be rendered in the format or language asked for."""


def available_formats() -> list[str]:
    """The names of the output formats, sorted (``comitia.render.formats.format_names``)."""
    from comitia.render.formats import format_names

    return format_names()


def renderer(name: str) -> Callable[[Plan, str], bytes]:
    """The function that writes a plan in format ``name``; RenderError if there is none."""
    from comitia.render.formats import output_format

    return output_format(name).render
