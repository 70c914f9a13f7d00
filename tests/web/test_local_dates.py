"""Days, moments and member states as the reader reads them (comitia.web.local_dates and the
templates' filters of ``{% load local_dates %}``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

from comitia.web.local_dates import local_date, local_datetime

MOMENT = dt.datetime(2027, 6, 30, 22, 0, tzinfo=dt.UTC)  # illustrative


@pytest.mark.parametrize(
    ("lang", "day"),
    [("en", "May 19, 2020"), ("fr", "19 mai 2020"), ("es", "19 de mayo de 2020")],
)
def test_a_day_is_written_out_in_the_readers_language(lang: str, day: str) -> None:
    assert local_date(dt.date(2020, 5, 19), lang) == day


@override_settings(TIME_ZONE="America/New_York")
def test_a_moment_is_told_in_the_sites_time_zone_and_says_which() -> None:
    assert local_datetime(MOMENT, "fr") == "30 juin 2027, 18:00 UTC-04:00"
    # The day is the site's: late in the evening there, already the next day in UTC.
    assert local_date(dt.datetime(2027, 7, 1, 1, 0, tzinfo=dt.UTC), "fr") == "30 juin 2027"


def test_the_filters_follow_the_language_of_the_request() -> None:
    template = Template(
        "{% load local_dates %}{{ day|localdate }} · {{ code|state_name }} · {{ none|localdate }}"
    )
    context = Context({"day": dt.date(2020, 4, 20), "code": "MX", "none": None})
    with translation.override("fr"):
        assert template.render(context) == "20 avril 2020 · Mexique · "
    with translation.override("pt"):
        assert template.render(context) == "20 de abril de 2020 · México · "
