"""A resolution, or the committee's draft of one, as Akoma Ntoso 3.0 XML (OASIS LegalDocML).

Akoma Ntoso prints resolutions, not the work plan: ``render(plan, lang)`` writes the plan's
default resolution (the term's draft, otherwise the resolution its mandates come from) and
``render_resolution(plan, resolution, lang)`` a chosen one, each as one expression (one
language) of the resolution's work. See ``comitia.render.akn.writer`` for the markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from comitia.plan import Plan, Resolution


def render(plan: Plan, lang: str) -> bytes:
    """The plan's default resolution in ``lang`` as Akoma Ntoso XML; RenderError if none."""
    from comitia.render.document.resolution import choose_resolution

    return render_resolution(plan, choose_resolution(plan), lang)


def render_resolution(plan: Plan, resolution: Resolution, lang: str) -> bytes:
    """``resolution`` of ``plan``, its expression in ``lang``, as Akoma Ntoso XML (UTF-8)."""
    from comitia.render.akn.writer import write_akn

    return write_akn(plan, resolution, lang)
