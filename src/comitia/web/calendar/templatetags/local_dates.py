"""Dates, times and member states as the reader reads them: ``{{ day|localdate }}`` ("19 mai
2020"), ``{{ moment|localdatetime }}`` ("30 juin 2027, 18:00 UTC-04:00": the time in the site's
time zone, the zone shown), ``{{ code|state_name }}`` ("Mexique"), in the language of the
request (issue 22, point 4). Machine-readable values (``<time datetime>``, form values,
addresses) keep their ISO form: these are for running text only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from comitia.plan.states import state_name as _state_name
from comitia.web.local_dates import local_date, local_datetime, reader_language

register = template.Library()


@register.filter
def localdate(value: Any) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return local_date(value, reader_language())


@register.filter
def localdatetime(value: Any) -> str:
    if not value:
        return ""
    return local_datetime(value, reader_language())


@register.filter
def state_name(code: Any) -> str:
    if not code:
        return ""
    try:
        return _state_name(str(code), reader_language())
    except ValueError:  # not a member state's code: shown as stored rather than failing the page
        return str(code)
