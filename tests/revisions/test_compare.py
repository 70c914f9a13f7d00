"""Comparing two revisions of a plan: exactly what changed, in the reader's language."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

from comitia.plan import Plan
from comitia.plan.entities import AgendaNode, MeetingStatus
from comitia.plan.fields import Text
from comitia.render.document import build_document
from comitia.render.document.blocks import Heading, ItemList
from comitia.render.document.changes import describe
from comitia.revisions import (
    ChangeKind,
    approved_plan,
    compare,
    plan_from_snapshot,
    snapshot,
)
from tests.render.model import model_plan
from tests.strategies import plans


def replace_meeting(plan: Plan, meeting_id: str, **update: object) -> Plan:
    meetings = [m.model_copy(update=update) if m.id == meeting_id else m for m in plan.meetings]
    return plan.model_copy(update={"meetings": meetings})


def moved_and_item_added() -> Plan:
    plan = model_plan()
    moved = replace_meeting(
        plan,
        "csh-2019-12-12",
        date=dt.date(2019, 12, 19),
        previous_dates=[dt.date(2019, 12, 12)],
    )
    meeting = next(m for m in moved.meetings if m.id == "csh-2020-02-13")
    item = AgendaNode(title=Text.of("fr", "Exposé du DSP sur la coopération policière"))
    return replace_meeting(moved, meeting.id, agenda=[*meeting.agenda, item])


def test_moving_one_meeting_and_adding_one_item_reports_exactly_those_two_changes() -> None:
    changes = compare(model_plan(), moved_and_item_added())
    assert [(c.kind, c.meeting) for c in changes] == [
        (ChangeKind.MEETING_MOVED, "csh-2019-12-12"),
        (ChangeKind.ITEM_ADDED, "csh-2020-02-13"),
    ]
    assert (changes[0].before, changes[0].after) == ("2019-12-12", "2019-12-19")
    assert changes[1].after == "Exposé du DSP sur la coopération policière"


@pytest.mark.parametrize(
    ("lang", "moved", "added"),
    [
        (
            "fr",
            "Réunion reportée du 12 décembre 2019 au 19 décembre 2019.",
            "Réunion du 13 février 2020 : point ajouté à l’ordre du jour : ",
        ),
        (
            "en",
            "Meeting moved from December 12, 2019 to December 19, 2019.",
            "Meeting of February 13, 2020: agenda item added: ",
        ),
        (
            "es",
            "Reunión trasladada del 12 de diciembre de 2019 al 19 de diciembre de 2019.",
            "Reunión del 13 de febrero de 2020: tema añadido al orden del día: ",
        ),
        (
            "pt",
            "Reunião transferida de 12 de dezembro de 2019 para 19 de dezembro de 2019.",
            "Reunião de 13 de fevereiro de 2020: item acrescentado à ordem do dia: ",
        ),
    ],
)
def test_changes_are_worded_in_the_readers_language(lang: str, moved: str, added: str) -> None:
    first, second = compare(model_plan(), moved_and_item_added())
    assert describe(first, lang) == moved
    assert describe(second, lang).startswith(added)


def test_the_changes_print_as_an_annex_of_the_document() -> None:
    changes = compare(model_plan(), moved_and_item_added())
    document = build_document(moved_and_item_added(), "en", changes=changes, since="rev. 1")
    headings = [e.text for e in document.elements if isinstance(e, Heading)]
    assert "Changes since rev. 1" in headings
    annex = document.elements[
        next(
            i
            for i, e in enumerate(document.elements)
            if getattr(e, "text", "") == "Changes since rev. 1"
        ) :
    ]
    items = [i.spans[0].text for e in annex if isinstance(e, ItemList) for i in e.items]
    assert "Meeting moved from December 12, 2019 to December 19, 2019." in items


def test_a_cancelled_meeting_is_one_change() -> None:
    cancelled = replace_meeting(model_plan(), "csh-2020-03-12", status=MeetingStatus.CANCELLED)
    assert [c.kind for c in compare(model_plan(), cancelled)] == [ChangeKind.MEETING_CANCELLED]


def test_a_reworded_item_is_changed_not_removed_and_added() -> None:
    plan = model_plan()
    meeting = next(m for m in plan.meetings if m.id == "csh-2020-03-12")
    reworded = AgendaNode(title=Text.of("fr", "Journée de réflexion"))
    changed = replace_meeting(plan, meeting.id, agenda=[reworded])
    (change,) = compare(plan, changed)
    assert change.kind is ChangeKind.ITEM_CHANGED
    assert change.before == "Journée de réflexion, ordre du jour en suspens"


def test_added_removed_and_changed_meetings_and_other_sections() -> None:
    plan = model_plan()
    extra = plan.meetings[0].model_copy(update={"id": "csh-extra", "date": dt.date(2020, 6, 4)})
    changed = plan.model_copy(
        update={
            "meetings": [*plan.meetings[1:], extra],
            "activities": plan.activities[1:],
        }
    )
    changed = replace_meeting(changed, "csh-2019-11-07", venue=Text.of("fr", "Salle Padilha Vidal"))
    kinds = [(c.kind, c.meeting or c.key) for c in compare(plan, changed)]
    assert kinds == [
        (ChangeKind.MEETING_REMOVED, "csh-2019-10-24"),
        (ChangeKind.MEETING_CHANGED, "csh-2019-11-07"),
        (ChangeKind.MEETING_ADDED, "csh-extra"),
        (ChangeKind.REMOVED, plan.activities[0].id),
    ]


def test_a_snapshot_gives_back_the_approved_plan() -> None:
    approved = approved_plan(
        model_plan(),
        symbol="CP/CSH-1933/19 rev. 3",
        revision=3,
        approved_on=dt.date(2019, 12, 5),
        approved_by="csh",
    )
    text = snapshot(approved)
    assert snapshot(plan_from_snapshot(text)) == text
    assert plan_from_snapshot(text).document.symbol == "CP/CSH-1933/19 rev. 3"  # type: ignore[union-attr]


@settings(max_examples=25, deadline=None)
@given(plans())
def test_a_plan_compared_with_itself_has_no_changes(plan: Plan) -> None:
    assert compare(plan, plan) == []
