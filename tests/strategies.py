"""Hypothesis strategies for plans, shared by the plan-file and database round-trip tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from comitia.dates import FuzzyDate, Precision
from comitia.plan import (
    Activity,
    AgendaKind,
    AgendaNode,
    Appropriation,
    Citation,
    Frequency,
    Language,
    Meeting,
    Plan,
    ReportingObligation,
    Text,
)
from tests.factories import build_plan

DAYS = st.dates(min_value=dt.date(2019, 10, 1), max_value=dt.date(2020, 9, 30))
# Any printable text, quotes, colons and accents included (texts refuse control characters).
WORDS = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12
).filter(lambda s: s.strip() != "")
CITATIONS = st.builds(
    Citation, mandate=st.just("res-2945"), paragraphs=st.lists(WORDS, max_size=2)
) | st.builds(Citation, symbol=WORDS, article=st.none() | WORDS)


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    provisional = draw(st.booleans())
    year = draw(st.integers(2019, 2021))
    choice = draw(st.integers(0, 8))
    if choice == 0:
        return FuzzyDate.day(draw(DAYS), provisional=provisional)
    if choice == 1:
        start = draw(DAYS)
        return FuzzyDate.range(
            start, start + dt.timedelta(days=draw(st.integers(1, 40))), provisional=provisional
        )
    if choice == 2:
        return FuzzyDate.month(year, draw(st.integers(1, 12)), provisional=provisional)
    if choice == 3:
        return FuzzyDate.quarter(year, draw(st.integers(1, 4)), provisional=provisional)
    if choice == 4:
        return FuzzyDate.semester(year, draw(st.integers(1, 2)), provisional=provisional)
    if choice == 5:
        return FuzzyDate.year(year, provisional=provisional)
    if choice == 6:
        days = draw(st.lists(DAYS, min_size=2, max_size=4, unique=True))
        return FuzzyDate.days(days, provisional=provisional)
    if choice == 7:
        first, last = sorted(
            draw(st.lists(st.integers(1, 12), min_size=2, max_size=2, unique=True))
        )
        return FuzzyDate.range(
            dt.date(year, first, 1),
            dt.date(year, last, 1),
            unit=Precision.MONTH,
            provisional=provisional,
        )
    return FuzzyDate.unknown()


@st.composite
def texts(draw: st.DrawFn) -> Text:
    langs = draw(st.lists(st.sampled_from(list(Language)), min_size=1, max_size=4, unique=True))
    return Text.model_validate({lang.value: draw(WORDS) for lang in langs})


@st.composite
def nodes(draw: st.DrawFn, depth: int = 1) -> AgendaNode:
    children = draw(st.lists(nodes(depth + 1), max_size=2)) if depth < 3 else []
    return AgendaNode(
        kind=draw(st.sampled_from([AgendaKind.TOPIC, AgendaKind.ITEM])),
        title=draw(texts()),
        presenters=draw(st.lists(st.sampled_from(["ssm", "csh", "cp"]), max_size=3)),
        citations=draw(
            st.lists(
                st.builds(
                    Citation, mandate=st.just("res-2945"), paragraphs=st.lists(WORDS, max_size=2)
                )
                | st.builds(Citation, symbol=WORDS, article=st.none() | WORDS),
                max_size=2,
            )
        ),
        documents=draw(st.lists(WORDS, max_size=2)),
        notes=draw(st.lists(texts(), max_size=1)),
        items=children,
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    base = build_plan(0)
    meetings = []
    for index in range(draw(st.integers(0, 3))):
        start = dt.time(draw(st.integers(8, 15)), draw(st.sampled_from([0, 15, 30])))
        areas = draw(st.lists(st.sampled_from(["security", "arms"]), max_size=2))
        meetings.append(
            Meeting(
                id=f"m{index}",
                date=draw(DAYS),
                start=start,
                end=start.replace(hour=start.hour + draw(st.integers(1, 4))),
                provisional=draw(st.booleans()),
                previous_dates=draw(st.lists(DAYS, max_size=2)),
                title=draw(st.none() | texts()),
                venue=draw(st.none() | texts()),
                agenda=[
                    *(
                        AgendaNode(
                            kind=AgendaKind.AREA,
                            area=area,
                            title=draw(st.none() | texts()),
                            items=draw(st.lists(nodes(), max_size=2)),
                        )
                        for area in areas
                    ),
                    *draw(st.lists(nodes(), max_size=2)),
                ],
            )
        )
    activities = [
        Activity(
            id=f"a{index}",
            title=draw(texts()),
            when=draw(fuzzy_dates()),
            body=draw(st.none() | st.just("ssm")),
            venue=draw(st.none() | texts()),
        )
        for index in range(draw(st.integers(0, 3)))
    ]
    obligations = [
        ReportingObligation(
            id=f"o{index}",
            title=draw(texts()),
            frequency=(frequency := draw(st.sampled_from(list(Frequency)))),
            due="--02-29" if frequency is Frequency.YEARLY else None,
            request=draw(st.lists(texts(), max_size=2)),
        )
        for index in range(draw(st.integers(0, 2)))
    ]
    appropriations = [
        Appropriation(
            id=f"b{index}",
            period=draw(fuzzy_dates()),
            amount=Decimal(draw(st.integers(0, 10**8))).scaleb(-2 * draw(st.integers(0, 1))),
            basis=draw(WORDS),
        )
        for index in range(draw(st.integers(0, 2)))
    ]
    data = base.model_dump() | {
        "meetings": meetings,
        "activities": activities,
        "requested_events": [],
        "obligations": obligations,
        "appropriations": appropriations,
    }
    return Plan.model_validate(data)
