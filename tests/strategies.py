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
    Paragraph,
    ParagraphStatus,
    Plan,
    ReportingObligation,
    Resolution,
    ResolutionSection,
    ResolutionState,
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

_YEARS = st.integers(2019, 2021)
_FORMS = st.integers(0, 8)
_SPANS = st.integers(1, 40)
_MONTHS = st.integers(1, 12)
_QUARTERS = st.integers(1, 4)
_SEMESTERS = st.integers(1, 2)
_SOME_DAYS = st.lists(DAYS, min_size=2, max_size=4, unique=True)
_TWO_MONTHS = st.lists(_MONTHS, min_size=2, max_size=2, unique=True)
_UP_TO_1, _UP_TO_2, _UP_TO_3 = st.integers(0, 1), st.integers(0, 2), st.integers(0, 3)
_CENTS = st.integers(0, 10**8)


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    provisional = draw(st.booleans())
    year = draw(_YEARS)
    choice = draw(_FORMS)
    if choice == 0:
        return FuzzyDate.day(draw(DAYS), provisional=provisional)
    if choice == 1:
        start = draw(DAYS)
        return FuzzyDate.range(
            start, start + dt.timedelta(days=draw(_SPANS)), provisional=provisional
        )
    if choice == 2:
        return FuzzyDate.month(year, draw(_MONTHS), provisional=provisional)
    if choice == 3:
        return FuzzyDate.quarter(year, draw(_QUARTERS), provisional=provisional)
    if choice == 4:
        return FuzzyDate.semester(year, draw(_SEMESTERS), provisional=provisional)
    if choice == 5:
        return FuzzyDate.year(year, provisional=provisional)
    if choice == 6:
        days = draw(_SOME_DAYS)
        return FuzzyDate.days(days, provisional=provisional)
    if choice == 7:
        first, last = sorted(draw(_TWO_MONTHS))
        return FuzzyDate.range(
            dt.date(year, first, 1),
            dt.date(year, last, 1),
            unit=Precision.MONTH,
            provisional=provisional,
        )
    return FuzzyDate.unknown()


@st.composite
def texts(draw: st.DrawFn) -> Text:
    langs = draw(_LANGUAGES)
    return Text.model_validate({lang.value: draw(WORDS) for lang in langs})


# Strategies are built once here, not inside each draw: building and validating a fresh
# strategy per draw made generating plans cost more than the properties tested on them.
_LANGUAGES = st.lists(st.sampled_from(list(Language)), min_size=1, max_size=4, unique=True)
TEXTS = texts()
_MAYBE_TEXT = st.none() | TEXTS
_KINDS = st.sampled_from([AgendaKind.TOPIC, AgendaKind.ITEM])
_PRESENTERS = st.lists(st.sampled_from(["ssm", "csh", "cp"]), max_size=3)
_NODE_CITATIONS = st.lists(CITATIONS, max_size=2)
_DOCUMENTS = st.lists(WORDS, max_size=2)
_NOTES = st.lists(TEXTS, max_size=1)
_DEEPEST = 3


@st.composite
def nodes(draw: st.DrawFn, depth: int = 1) -> AgendaNode:
    children = draw(_CHILDREN[depth + 1]) if depth < _DEEPEST else []
    return AgendaNode(
        kind=draw(_KINDS),
        title=draw(TEXTS),
        presenters=draw(_PRESENTERS),
        citations=draw(_NODE_CITATIONS),
        documents=draw(_DOCUMENTS),
        notes=draw(_NOTES),
        items=children,
    )


# Up to two agenda nodes at each depth (the lists ``nodes`` draws its children from).
_CHILDREN = {depth: st.lists(nodes(depth), max_size=2) for depth in range(1, _DEEPEST + 1)}
_TOP_NODES = _CHILDREN[1]
_HOURS = st.integers(8, 15)
_QUARTER_HOURS = st.sampled_from([0, 15, 30])
_AREAS = st.lists(st.sampled_from(["security", "arms"]), max_size=2)
_LENGTHS = st.integers(1, 4)
_PREVIOUS = st.lists(DAYS, max_size=2)
_FUZZY_DATES = fuzzy_dates()
_BODIES = st.none() | st.just("ssm")
_FREQUENCIES = st.sampled_from(list(Frequency))
_REQUESTS = st.lists(TEXTS, max_size=2)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    base = build_plan(0)
    meetings = []
    for index in range(draw(_UP_TO_3)):
        start = dt.time(draw(_HOURS), draw(_QUARTER_HOURS))
        areas = draw(_AREAS)
        meetings.append(
            Meeting(
                id=f"m{index}",
                date=draw(DAYS),
                start=start,
                end=start.replace(hour=start.hour + draw(_LENGTHS)),
                provisional=draw(st.booleans()),
                previous_dates=draw(_PREVIOUS),
                title=draw(_MAYBE_TEXT),
                venue=draw(_MAYBE_TEXT),
                agenda=[
                    *(
                        AgendaNode(
                            kind=AgendaKind.AREA,
                            area=area,
                            title=draw(_MAYBE_TEXT),
                            items=draw(_TOP_NODES),
                        )
                        for area in areas
                    ),
                    *draw(_TOP_NODES),
                ],
            )
        )
    activities = [
        Activity(
            id=f"a{index}",
            title=draw(TEXTS),
            when=draw(_FUZZY_DATES),
            body=draw(_BODIES),
            venue=draw(_MAYBE_TEXT),
        )
        for index in range(draw(_UP_TO_3))
    ]
    obligations = [
        ReportingObligation(
            id=f"o{index}",
            title=draw(TEXTS),
            frequency=(frequency := draw(_FREQUENCIES)),
            due="--02-29" if frequency is Frequency.YEARLY else None,
            request=draw(_REQUESTS),
        )
        for index in range(draw(_UP_TO_2))
    ]
    appropriations = [
        Appropriation(
            id=f"b{index}",
            period=draw(_FUZZY_DATES),
            amount=Decimal(draw(_CENTS)).scaleb(-2 * draw(_UP_TO_1)),
            basis=draw(WORDS),
        )
        for index in range(draw(_UP_TO_2))
    ]
    data = base.model_dump() | {
        "meetings": meetings,
        "activities": activities,
        "requested_events": [],
        "obligations": obligations,
        "appropriations": appropriations,
    }
    return Plan.model_validate(data)


# -- resolutions ------------------------------------------------------------------------------

_STATES = st.lists(st.sampled_from(["PE", "US", "CA", "BR"]), max_size=3, unique=True)
_STATUSES = st.none() | st.sampled_from(list(ParagraphStatus))
_NUMBERS = st.integers(1, 200).map(str) | st.integers(1, 200).map(lambda n: f"{n} bis")


# Words of a resolution's text: square brackets only as the marks of pending passages.
_PLAIN = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="[]"),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() != "")


@st.composite
def bracketed_texts(draw: st.DrawFn) -> Text:
    """A text per language, some passages of which are pending ([[…]])."""
    langs = draw(_LANGUAGES)
    values = {}
    for lang in langs:
        pieces = draw(st.lists(st.tuples(_PLAIN, st.booleans()), min_size=1, max_size=3))
        values[lang.value] = " ".join(f"[[{w}]]" if pending else w for w, pending in pieces)
    return Text.model_validate(values)


_BRACKETED = bracketed_texts()


@st.composite
def drafts(draw: st.DrawFn) -> Resolution:
    """A draft over the areas of ``build_plan``: sections, paragraphs with every field."""
    sections = [ResolutionSection(id="preambule")] + [
        ResolutionSection(id=area, area=area, title=draw(_MAYBE_TEXT))
        for area in draw(st.lists(st.sampled_from(["security", "arms"]), unique=True))
    ]
    numbers = draw(st.lists(_NUMBERS, max_size=6, unique=True))
    paragraphs = [
        Paragraph.model_validate(
            {
                "number": number,
                "section": draw(st.sampled_from([s.id for s in sections[1:]] or [None])),
                "text": draw(st.none() | _BRACKETED),
                "subject": draw(_MAYBE_TEXT),
                "subparagraphs": [
                    {"letter": letter, "text": draw(_BRACKETED)}
                    for letter in draw(st.lists(st.sampled_from("abc"), max_size=2, unique=True))
                ],
                "footnotes": [{"mark": "1", "text": draw(_BRACKETED)}]
                if draw(st.booleans())
                else [],
                "leads": draw(_STATES),
                "status": draw(_STATUSES),
                "assigned_to": draw(_BODIES),
                "from": {"symbol": "AG/RES. 2945 (XLIX-O/19)", "number": number}
                if draw(st.booleans())
                else None,
            }
        )
        for number in numbers
    ]
    return Resolution(
        id="draft",
        document_symbol=draw(st.none() | WORDS),
        revision=draw(_UP_TO_3),
        title=draw(TEXTS),
        state=ResolutionState.DRAFT,
        sections=sections,
        paragraphs=paragraphs,
    )
