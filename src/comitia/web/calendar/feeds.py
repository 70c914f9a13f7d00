"""The term's iCalendar feeds as served: built by comitia.render.ics, kept in Django's cache.

Building a feed of a thousand events takes most of a second (reading the plan and writing
iCalendar text), so a built feed is kept in the cache, under a key that changes with:

- the term, the language, the feed (with or without deadlines) and the site's address;
- the reader's level (``access.visibility.viewer_level``): the plan is narrowed to what the
  reader may see before the feed is built, and a feed built for one level is never served to
  another;
- a version number that every calendar operation raises when it commits (``feeds_changed``);
- a fingerprint of the term's meetings and activities read with one query (how many, their
  highest id, the sum of the meetings' sequences, how many are public or shared), so a change
  made elsewhere, such as in the admin, that adds, removes, revises or publishes a meeting is
  seen at once.

Other changes made outside the calendar's operations show within ``FEED_TTL`` seconds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum

from comitia.plan import Plan
from comitia.render.ics import build_feed
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan

FEED_TTL = 60


def _version_key(term: m.Term) -> str:
    return f"comitia:feeds:{term.pk}:version"


def feeds_changed(term: m.Term) -> None:
    """Forget the built feeds of ``term``: the next request builds them again."""
    try:
        cache.incr(_version_key(term))
    except ValueError:
        cache.set(_version_key(term), 1, None)


def _fingerprint(term: m.Term) -> str:
    meetings = m.Meeting.objects.filter(term=term).aggregate(
        count=Count("pk"),
        last=Max("pk"),
        sequences=Sum("sequence"),
        public=Count("pk", filter=Q(visibility=m.Visibility.PUBLIC)),
        shared=Count("pk", filter=Q(visibility=m.Visibility.MEMBER_STATES)),
    )
    activities = m.Activity.objects.filter(term=term).aggregate(count=Count("pk"), last=Max("pk"))
    return "-".join(str(v) for v in (*meetings.values(), *activities.values()))


def term_feed(
    term: m.Term,
    lang: str,
    *,
    deadlines: bool,
    meeting_url: Callable[[str], str],
    calendar_url: str,
    level: str,
    narrow: Callable[[Plan], Plan],
) -> tuple[bytes, str]:
    """The feed's bytes and its strong ETag, from the cache when the term has not changed.

    ``narrow`` removes from the term's plan what a reader at ``level`` may not see; the cache
    keeps one feed per level."""
    version = cache.get(_version_key(term), 0)
    key = (
        "comitia:feed:"
        + hashlib.sha256(
            f"{term.pk}|{term.slug}|{lang}|{deadlines}|{level}|{version}|{_fingerprint(term)}|{calendar_url}".encode()
        ).hexdigest()
    )
    found = cache.get(key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    content = build_feed(
        narrow(load_plan(term)),
        lang,
        deadlines=deadlines,
        meeting_url=meeting_url,
        calendar_url=calendar_url,
    )
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    cache.set(key, (content, etag), FEED_TTL)
    return content, etag
