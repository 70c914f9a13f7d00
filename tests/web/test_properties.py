"""Any small valid plan goes through the database unchanged (hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from comitia.web.plans.convert import load_plan, save_plan

from .conftest import build_plan

DAYS = st.dates(min_value=dt.date(2019, 10, 1), max_value=dt.date(2020, 9, 30))
# PostgreSQL cannot store NUL, so control characters are left out (the plan model allows them).
WORDS = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(lambda s: s.strip() != "")
EDTF = st.sampled_from(
    [
        *("2019-10-24", "2020-03?", "2020-33", "2020-41?", "2020", "XXXX"),
        *("2019-10-30/2019-11-02?", "{2020-02-03,2020-02-05}", "2019-11/2020-02"),
    ]
)
CITATIONS = st.builds(
    Citation, mandate=st.just("res-2945"), paragraphs=st.lists(WORDS, max_size=2)
) | st.builds(Citation, symbol=WORDS, article=st.none() | WORDS)


def _amount(value: int, *, cents: bool) -> Decimal:
    # The database keeps two decimals and reads whole amounts back without them (see
    # convert._amount), so amounts are generated in that canonical form.
    return Decimal(value).scaleb(-2) if cents and value % 100 else Decimal(value)


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
            when=draw(EDTF),
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
            period=draw(EDTF),
            amount=_amount(draw(st.integers(0, 10**8)), cents=draw(st.booleans())),
            basis=draw(WORDS),
        )
        for index in range(draw(st.integers(0, 2)))
    ]
    return base.model_copy(
        update={
            "meetings": meetings,
            "activities": activities,
            "requested_events": [],
            "obligations": obligations,
            "appropriations": appropriations,
        }
    )


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_small_plan_reads_back_from_the_database_identical(plan: Plan) -> None:
    plan = Plan.model_validate(plan.model_dump())  # the copy skipped the integrity check
    with transaction.atomic():
        loaded = load_plan(save_plan(plan))
        transaction.set_rollback(True)
    assert loaded.model_dump_json() == plan.model_dump_json()
