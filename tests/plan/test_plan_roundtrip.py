"""Any valid plan written as YAML or JSON reads back to an equal plan (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comitia.dates import FuzzyDate, Precision
from comitia.plan import (
    Activity,
    AgendaKind,
    AgendaNode,
    Body,
    Citation,
    Frequency,
    Language,
    Mandate,
    MandateGroup,
    Meeting,
    MeetingKind,
    Plan,
    ReportingObligation,
    Text,
    ThematicArea,
)
from comitia.plan.entities import Term
from comitia.plan.files import dump_plan_json, dump_plan_yaml, parse_plan_text

DAYS = st.dates(min_value=dt.date(2019, 10, 1), max_value=dt.date(2020, 9, 30))
# Text that survives YAML: any printable characters, including quotes, colons and accents.
WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")


@st.composite
def texts(draw: st.DrawFn) -> Text:
    langs = draw(st.lists(st.sampled_from(list(Language)), min_size=1, max_size=4, unique=True))
    return Text.model_validate({lang.value: draw(WORDS) for lang in langs})


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
def agenda(draw: st.DrawFn, depth: int = 0) -> AgendaNode:
    children = draw(st.lists(agenda(depth + 1), max_size=2)) if depth < 2 else []
    return AgendaNode(
        kind=AgendaKind.TOPIC if children else AgendaKind.ITEM,
        title=draw(texts()),
        presenters=draw(st.lists(st.just("ssm"), max_size=1)),
        citations=[
            Citation(
                mandate="res",
                paragraphs=draw(st.lists(st.sampled_from(["5", "52", "9-14"]), max_size=2)),
            )
        ],
        documents=draw(
            st.lists(st.sampled_from(["CP/CSH-1942/19 rev. 1", "CP/CSH/INF. 499/19"]), max_size=2)
        ),
        items=children,
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    meeting_count = draw(st.integers(0, 4))
    meetings = []
    for index in range(meeting_count):
        start = draw(st.times(dt.time(8, 0), dt.time(15, 0))).replace(second=0, microsecond=0)
        end = start.replace(hour=start.hour + draw(st.integers(1, 3)))
        meetings.append(
            Meeting(
                id=f"m{index}",
                date=draw(DAYS),
                start=start,
                end=end,
                kind=draw(st.sampled_from(list(MeetingKind))),
                provisional=draw(st.booleans()),
                previous_dates=draw(st.lists(DAYS, max_size=2)),
                venue=draw(st.none() | texts()),
                agenda=[
                    AgendaNode(
                        kind=AgendaKind.AREA,
                        area="security",
                        items=draw(st.lists(agenda(), max_size=2)),
                    ),
                    *draw(st.lists(agenda(), max_size=2)),
                ],
            )
        )
    activities = [
        Activity(id=f"a{index}", title=draw(texts()), body="ssm", when=draw(fuzzy_dates()))
        for index in range(draw(st.integers(0, 4)))
    ]
    return Plan(
        language=Language.FR,
        term=Term(
            committee="csh", label="2019-2020", start=dt.date(2019, 10, 1), end=dt.date(2020, 9, 30)
        ),
        bodies=[
            Body(id="csh", name=draw(texts())),
            Body(id="ssm", name=draw(texts()), parent="csh"),
        ],
        thematic_areas=[ThematicArea(id="security", number=1, title=draw(texts()))],
        mandates=[
            Mandate(
                id="res",
                group=MandateGroup.GENERAL_ASSEMBLY,
                title=draw(texts()),
                source="AG/RES. 2945 (XLIX-O/19)",
            )
        ],
        meetings=meetings,
        activities=activities,
        obligations=[
            ReportingObligation(
                id="mines", title=draw(texts()), frequency=Frequency.YEARLY, due="--04-15"
            ),
            ReportingObligation(id="dsa", title=draw(texts()), frequency=Frequency.VOLUNTARY),
        ],
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_written_as_yaml_reads_back_equal(plan: Plan) -> None:
    assert parse_plan_text(dump_plan_yaml(plan)) == plan


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_written_as_json_reads_back_equal(plan: Plan) -> None:
    text = dump_plan_json(plan)
    assert Plan.model_validate(json.loads(text)) == plan
    assert parse_plan_text(text) == plan
