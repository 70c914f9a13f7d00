"""The database itself refuses rows that break the plan's invariants, whatever writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import IntegrityError, transaction

from comitia.web.plans import models as m


def _meeting(term: m.Term, **fields: object) -> m.Meeting:
    values = {"key": "new", "date": dt.date(2019, 11, 5), "start": dt.time(10), "end": dt.time(13)}
    values.update(fields)
    return m.Meeting.objects.create(term=term, **values)


def _node(term: m.Term, *, under_root: bool, **fields: object) -> m.AgendaNode:
    """A new agenda node in meeting m0, at the top or under its first top-level node."""
    meeting = term.meetings.get(key="m0")
    parent = meeting.agenda_nodes.get(parent=None, position=0) if under_root else None
    values = {"position": 0, "title": {"fr": "x"}, "depth": 1 if under_root else 0}
    values.update(fields)
    return m.AgendaNode.objects.create(term=term, meeting=meeting, parent=parent, **values)


BREAKS: dict[str, Callable[[m.Term], object]] = {
    "a meeting that ends before it starts": lambda term: _meeting(term, end=dt.time(9)),
    "a meeting that ends when it starts": lambda term: _meeting(term, end=dt.time(10)),
    "a term that ends before it starts": lambda term: m.Term.objects.filter(pk=term.pk).update(
        end=dt.date(2019, 1, 1)
    ),
    "a second chair in one term": lambda term: m.Officer.objects.create(
        term=term,
        role="chair",
        person="Someone Else",
        state="US",
        elected_on=dt.date(2019, 10, 3),
        elected_by=m.Body.objects.get(term=term, key="cp"),
    ),
    "two meetings with one identifier": lambda term: _meeting(term, key="m0"),
    "two top-level agenda nodes at one position": lambda term: _node(term, under_root=False),
    "two agenda items at one position under one parent": lambda term: _node(term, under_root=True),
    "an area node below the top of the agenda": lambda term: _node(
        term,
        under_root=True,
        position=9,
        kind="area",
        title=None,
        area=m.ThematicArea.objects.get(term=term, key="arms"),
    ),
    "a nested agenda node at depth 0": lambda term: _node(
        term, under_root=True, position=9, depth=0
    ),
    "an activity with a start but no end": lambda term: m.Activity.objects.create(
        term=term, key="new", title={"fr": "x"}, when="2020", start=dt.time(10)
    ),
    "an activity that ends before it starts": lambda term: m.Activity.objects.create(
        term=term, key="new", title={"fr": "x"}, when="2020", start=dt.time(10), end=dt.time(9)
    ),
    "a provisional flag that contradicts the date": lambda term: m.Activity.objects.filter(
        term=term, key="act-cicte"
    ).update(provisional=True),
    "a yearly obligation without a due date": lambda term: m.ReportingObligation.objects.create(
        term=term, key="new", title={"fr": "x"}, frequency="yearly"
    ),
    "a voluntary obligation with a due date": lambda term: m.ReportingObligation.objects.create(
        term=term, key="new", title={"fr": "x"}, frequency="voluntary", due="--01-01"
    ),
    "a citation that names no source": lambda term: m.Citation.objects.create(
        term=term, activity=term.activities.first()
    ),
    "a negative appropriation": lambda term: m.Appropriation.objects.create(
        term=term, key="new", period="2020", amount=-1, basis="x"
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("breach", BREAKS, ids=list(BREAKS))
def test_the_database_refuses(term: m.Term, breach: str) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        BREAKS[breach](term)


@pytest.mark.django_db
def test_the_database_accepts_a_vice_chair_and_a_new_meeting(term: m.Term) -> None:
    # The control for the cases above: the same rows, made valid, are stored.
    _meeting(term)
    assert m.Officer.objects.filter(term=term).count() == 2


@pytest.mark.django_db
def test_saving_an_activity_sets_its_first_and_last_day_and_provisional_flag(term: m.Term) -> None:
    activity = m.Activity.objects.create(term=term, key="new", title={"fr": "x"}, when="2020-40?")
    activity.refresh_from_db()
    assert (activity.when_first, activity.when_last) == (dt.date(2020, 1, 1), dt.date(2020, 6, 30))
    assert activity.provisional is True
