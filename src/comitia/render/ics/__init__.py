"""iCalendar feeds (RFC 5545) of a plan's calendar: ``render(plan, lang)`` for ``comitia
render --format ics``, and ``build_feed`` with its options for the web feeds (``feed`` writes
both).

The web application and the command line use the same code. From a plan file the feed has no
addresses of meeting pages (a plan file does not know where it is published).
"""

from __future__ import annotations

from comitia.plan import Plan
from comitia.render import RenderError
from comitia.render.ics.feed import FeedError, build_feed, meeting_order

MEDIA_TYPE = "text/calendar"

__all__ = [
    "MEDIA_TYPE",
    "FeedError",
    "build_feed",
    "meeting_order",
    "render",
]


def render(plan: Plan, lang: str) -> bytes:
    """The plan's public feed (meetings and activities) in ``lang``; RenderError if it cannot."""
    try:
        return build_feed(plan, lang)
    except FeedError as error:
        raise RenderError(str(error)) from None
