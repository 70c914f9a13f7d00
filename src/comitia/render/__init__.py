"""Renderers: one sub-package per output format (``comitia.render.ics``, ``.docx``, ...).

Each format's package exposes ``render(plan: Plan, lang: str) -> bytes`` and a ``MEDIA_TYPE``;
this module finds them, so adding a format is adding a folder. Renderers are plain Python and
never import Django: the web application and ``comitia render`` call the same code.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Protocol, cast

from comitia.plan import Plan


class RenderError(ValueError):
    """A plan that cannot be rendered in the format or language asked for."""


class FormatModule(Protocol):
    MEDIA_TYPE: str

    def render(self, plan: Plan, lang: str) -> bytes: ...


def available_formats() -> list[str]:
    """The formats whose package is present, by name, sorted.

    A sub-package without ``MEDIA_TYPE`` is shared code, not a format (``document`` holds the
    model that the docx, html and pdf formats print), and is left out. Format packages keep
    their heavy imports inside ``render``, so listing them stays cheap.
    """
    return sorted(
        module.name
        for module in pkgutil.iter_modules(__path__)
        if module.ispkg
        and hasattr(importlib.import_module(f"{__name__}.{module.name}"), "MEDIA_TYPE")
    )


def format_module(name: str) -> FormatModule:
    """The package of format ``name``; RenderError if there is none."""
    if name not in available_formats():
        raise RenderError(
            f"unknown format {name!r}; available: {', '.join(available_formats()) or 'none'}"
        )
    return cast(FormatModule, importlib.import_module(f"{__name__}.{name}"))


def renderer(name: str) -> Callable[[Plan, str], bytes]:
    return format_module(name).render
