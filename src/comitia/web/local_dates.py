"""Dates and times in the reader's language, for running text (issue 22, point 4): a day as
"19 mai 2020", a moment as "30 juin 2027, 18:00 UTC-04:00" (in the site's time zone, the zone
shown). ISO stays for what machines read: ``<time datetime>``, form values, addresses, files.
The templates' filters are ``{% load local_dates %}`` (comitia.web.calendar.templatetags).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_time, get_timezone_gmt
from django.utils import timezone
from django.utils.translation import get_language

from comitia.dates.printing import format_day


def reader_language() -> str:
    """The language of the request being answered: "fr" of "fr-ca"."""
    return (get_language() or "en").split("-")[0]


def local_date(value: dt.date, lang: str) -> str:
    """``value`` (a day, or a moment's day in the site's time zone) in ``lang``."""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return format_day(value, lang)


def local_datetime(value: dt.datetime, lang: str) -> str:
    """``value`` in ``lang``: its day, its time and the zone it is told in (the site's)."""
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    day = format_day(moment.date(), lang)
    time = format_time(moment, "HH:mm", locale=lang)
    if moment.tzinfo is None:
        return f"{day}, {time}"
    return f"{day}, {time} {get_timezone_gmt(moment, width='long', locale=lang)}"
