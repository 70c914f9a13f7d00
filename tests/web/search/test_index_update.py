"""The index brought up to date after a write: only the entries of the rows that changed are
made again, and the next search finds exactly what a whole remake would (on SQLite and, with
DATABASE_URL, on PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comitia.web.calendar.operations import delete_agenda_item, save_agenda_item, update_meeting
from comitia.web.plans import models as m
from comitia.web.plans.output_version import raise_output_version
from comitia.web.publication.operations import set_document_visibility, set_meeting_visibility
from comitia.web.search import index
from comitia.web.search.models import IndexedRow, IndexedTerm, SearchEntry
from tests.web.publishing import committed
from tests.web.search.test_search import model_term, secretariat

__all__ = ["model_term", "secretariat"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db: None) -> User:
    return User.objects.create_user("editor", is_staff=True)


def _entries(term: m.Term) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """The term's entries as what they hold (their ids aside), and its rows' stamps."""
    fields = ("kind", "key", "meeting_key", "date", "visibility", "texts", "folded")
    entries = SearchEntry.objects.filter(term=term).values_list(*fields, "source", "source_row")
    stamps = IndexedRow.objects.filter(term=term).values_list("source", "source_row", "stamp")
    return {(*e[:5], str(e[5]), *e[6:]) for e in entries}, set(stamps)


def _remade(term: m.Term) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """The term's entries made again whole."""
    IndexedRow.objects.filter(term=term).delete()
    IndexedTerm.objects.filter(term=term).delete()
    index.current(term)
    return _entries(term)


def _ids(term: m.Term) -> dict[tuple[str, str], int]:
    return {
        (k, key): pk
        for pk, k, key in SearchEntry.objects.filter(term=term).values_list("pk", "kind", "key")
    }


def _keys(user: Any, word: str, kind: str) -> set[str]:
    return {hit.key for hit in index.search(user, word, "en").get(kind, [])}


def _meetings(term: m.Term) -> list[m.Meeting]:
    return list(m.Meeting.objects.filter(term=term).order_by("date", "pk"))


def test_an_edited_title_is_found_by_its_new_word_and_not_its_old_one(
    model_term: m.Term, editor: User
) -> None:
    meeting, other = _meetings(model_term)[:2]
    update_meeting(meeting, {"title": "Plugh assembly"}, "en", editor)
    committed()
    assert _keys(None, "plugh", "meeting") == {meeting.key}
    before = _ids(model_term)
    meeting.refresh_from_db()
    update_meeting(meeting, {"title": "Xyzzy assembly"}, "en", editor)
    committed()
    assert _keys(None, "xyzzy", "meeting") == {meeting.key}
    assert _keys(None, "plugh", "meeting") == set()
    after = _ids(model_term)
    # Made again: the meeting's entry; left as they were: another meeting's and its agenda's.
    assert after[("meeting", meeting.key)] != before[("meeting", meeting.key)]
    untouched = {k: pk for k, pk in before.items() if k == ("meeting", other.key)}
    untouched |= {
        ("agenda_item", str(pk)): before[("agenda_item", str(pk))]
        for pk in m.AgendaNode.objects.filter(meeting=other, title__isnull=False).values_list(
            "pk", flat=True
        )
    }
    assert len(untouched) > 1
    assert {k: after[k] for k in untouched} == untouched
    assert _entries(model_term) == _remade(model_term)


def test_a_meeting_made_draft_disappears_for_the_public_at_once(
    model_term: m.Term, editor: User, secretariat: Any
) -> None:
    meeting = _meetings(model_term)[0]
    node = m.AgendaNode.objects.filter(meeting=meeting, title__isnull=False).first()
    assert node is not None
    update_meeting(meeting, {"title": "Wibbly session"}, "en", editor)
    save_agenda_item(meeting, node, {"kind": node.kind, "title": "Wobbly item"}, "en", editor)
    committed()
    assert _keys(None, "wibbly", "meeting") == {meeting.key}
    assert _keys(None, "wobbly", "agenda_item") == {str(node.pk)}
    set_meeting_visibility(m.Meeting.objects.get(pk=meeting.pk), "draft", editor)
    committed()
    # Its agenda goes with it; the secretariat still finds both.
    assert index.search(None, "wibbly", "en") == {}
    assert index.search(None, "wobbly", "en") == {}
    staff = User.objects.get(username="secretariat")
    assert _keys(staff, "wibbly", "meeting") == {meeting.key}
    assert _keys(staff, "wobbly", "agenda_item") == {str(node.pk)}


def test_a_deleted_agenda_item_disappears_with_its_documents(
    model_term: m.Term, editor: User
) -> None:
    node = (
        m.AgendaNode.objects.filter(term=model_term, title__isnull=False)
        .exclude(documents=[])
        .order_by("pk")
        .first()
    )
    assert node is not None
    symbol = node.documents[0]
    save_agenda_item(
        node.meeting,
        node,
        {"kind": node.kind, "title": "Frabjous item", "documents": node.documents},
        "en",
        editor,
    )
    committed()
    assert _keys(None, "frabjous", "agenda_item") == {str(node.pk)}
    assert f"{node.pk}:{symbol}" in _keys(None, "frabjous", "document")
    delete_agenda_item(m.AgendaNode.objects.get(pk=node.pk), editor)
    committed()
    assert index.search(None, "frabjous", "en") == {}
    assert not SearchEntry.objects.filter(source_row=node.pk, source="agenda_item").exists()
    assert _entries(model_term) == _remade(model_term)


def test_the_plan_documents_level_hides_it_from_the_public_and_shows_it_again(
    model_term: m.Term, editor: User, secretariat: Any
) -> None:
    document = m.PlanDocument.objects.get(term=model_term)
    word = index.words(document.symbol)[-1]
    assert "plan" in _keys(None, word, "document")
    set_document_visibility(document, "draft", editor)
    committed()
    assert "plan" not in _keys(None, word, "document")
    assert "plan" in _keys(User.objects.get(username="secretariat"), word, "document")
    set_document_visibility(m.PlanDocument.objects.get(pk=document.pk), "public", editor)
    committed()
    assert "plan" in _keys(None, word, "document")


def test_writes_without_signals_and_through_other_rows_are_seen(model_term: m.Term) -> None:
    index.current(model_term)
    # A bulk update (no signal: the code that makes it raises the version).
    node = m.AgendaNode.objects.filter(term=model_term, title__isnull=False).first()
    assert node is not None
    m.AgendaNode.objects.filter(pk=node.pk).update(title={"en": "Vorpal item"})
    raise_output_version(model_term.pk)
    committed()
    assert _keys(None, "vorpal", "agenda_item") == {str(node.pk)}
    # An activity shows its body's names: renaming the body changes the activity's entry.
    activity = m.Activity.objects.filter(term=model_term, body__isnull=False).first()
    assert activity is not None and activity.body is not None
    body = activity.body
    body.name = {"en": "Galumphing commission"}
    body.save()
    committed()
    assert activity.key in _keys(None, "galumphing", "activity")
    assert _entries(model_term) == _remade(model_term)


def test_many_rows_changed_are_renewed_over_several_statements(
    model_term: m.Term, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More changed rows than one statement may name: renewed in chunks, nothing left over."""
    from django.db import connection

    index.current(model_term)
    nodes = m.AgendaNode.objects.filter(term=model_term, title__isnull=False)
    assert nodes.count() > 3 * 4
    nodes.update(title={"en": "Frabjous item"})
    raise_output_version(model_term.pk)
    committed()
    monkeypatch.setattr(connection.features, "max_query_params", index._OTHER_PARAMETERS + 4)
    assert len(list(index._chunks(list(range(10))))) == 3
    index.current(model_term)
    renewed = SearchEntry.objects.filter(
        term=model_term, kind="agenda_item", folded__contains="frabjous"
    )
    assert set(renewed.values_list("key", flat=True)) == {
        str(pk) for pk in nodes.values_list("pk", flat=True)
    }
    assert _entries(model_term) == _remade(model_term)


def test_a_write_nothing_indexed_reads_leaves_the_other_meetings_entries(
    model_term: m.Term, editor: User
) -> None:
    index.current(model_term)
    meeting, *others = _meetings(model_term)
    before = _ids(model_term)
    update_meeting(meeting, {"provisional": not meeting.provisional}, "en", editor)
    committed()
    index.current(model_term)
    after = _ids(model_term)
    assert after.keys() == before.keys()
    kept = {k for k in before if k[0] == "meeting" and k[1] != meeting.key}
    assert len(kept) == len(others)
    assert all(after[k] == before[k] for k in kept)


# -- random writes: brought up to date, the index is what a whole remake makes --------------

WORDS = st.sampled_from(["alpha", "bravo", "charlie", "delta", "écho", "FOXTROT"])
TITLES = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)
LEVELS = st.sampled_from(["draft", "member_states", "public"])


def _meeting_title(term: m.Term, i: int, title: str) -> None:
    meeting = _meetings(term)[i % 20]
    meeting.title = {"en": title}
    meeting.save()


def _meeting_level(term: m.Term, i: int, level: str) -> None:
    m.Meeting.objects.filter(pk=_meetings(term)[i % 20].pk).update(visibility=level)
    raise_output_version(term.pk)


def _meeting_date(term: m.Term, i: int, _: str) -> None:
    meeting = _meetings(term)[i % 20]
    meeting.date = meeting.date.replace(day=1 if meeting.date.day != 1 else 2)
    meeting.save()


def _nodes(term: m.Term) -> list[m.AgendaNode]:
    return list(m.AgendaNode.objects.filter(term=term).order_by("pk"))


def _node_title(term: m.Term, i: int, title: str) -> None:
    nodes = _nodes(term)
    node = nodes[i % len(nodes)]
    node.title = {"fr": title}
    node.save()


def _node_documents(term: m.Term, i: int, title: str) -> None:
    nodes = _nodes(term)
    node = nodes[i % len(nodes)]
    node.documents = [f"CP/{word.upper()}" for word in title.split()]
    node.save()


def _node_delete(term: m.Term, i: int, _: str) -> None:
    nodes = _nodes(term)
    nodes[i % len(nodes)].delete()  # and the items under it


def _activity_title(term: m.Term, i: int, title: str) -> None:
    activities = list(m.Activity.objects.filter(term=term).order_by("pk"))
    activity = activities[i % len(activities)]
    activity.title = {"es": title}
    activity.save()


def _body_name(term: m.Term, i: int, title: str) -> None:
    bodies = list(m.Body.objects.filter(term=term).order_by("pk"))
    m.Body.objects.filter(pk=bodies[i % len(bodies)].pk).update(name={"en": title})
    raise_output_version(term.pk)


def _mandate_title(term: m.Term, i: int, title: str) -> None:
    mandates = list(m.Mandate.objects.filter(term=term).order_by("pk"))
    mandate = mandates[i % len(mandates)]
    mandate.title = {"pt": title}
    mandate.save()


def _document_level(term: m.Term, _: int, level: str) -> None:
    m.PlanDocument.objects.filter(term=term).update(
        visibility=level if level != "member_states" else "draft"
    )
    raise_output_version(term.pk)


WRITES = {
    "meeting title": (_meeting_title, TITLES),
    "meeting level": (_meeting_level, LEVELS),
    "meeting date": (_meeting_date, TITLES),
    "agenda item title": (_node_title, TITLES),
    "agenda item documents": (_node_documents, TITLES),
    "agenda item deleted": (_node_delete, TITLES),
    "activity title": (_activity_title, TITLES),
    "body name": (_body_name, TITLES),
    "mandate title": (_mandate_title, TITLES),
    "plan document level": (_document_level, LEVELS),
}


@st.composite
def writes(draw: st.DrawFn) -> list[tuple[str, int, str]]:
    """A few rounds of writes, each round followed by a search."""
    rounds = []
    for _ in range(draw(st.integers(1, 3))):
        names = draw(st.lists(st.sampled_from(sorted(WRITES)), min_size=1, max_size=4))
        rounds.append([(name, draw(st.integers(0, 200)), draw(WRITES[name][1])) for name in names])
    return rounds


def _found(user: Any) -> list[tuple[Any, ...]]:
    found = []
    for word in ("alpha", "bravo", "echo", "foxtrot", "cp"):
        for kind, hits in index.search(user, word, "en").items():
            found += [(word, kind, h.key, h.meeting_key, h.date, h.title, h.snippet) for h in hits]
    return found


@given(rounds=writes())
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_random_writes_then_search_finds_what_a_whole_remake_finds(
    model_term: m.Term, secretariat: Any, rounds: list[list[tuple[str, int, str]]]
) -> None:
    staff = User.objects.get(username="secretariat")
    with transaction.atomic():
        index.current(model_term)
        for round_ in rounds:
            for name, i, value in round_:
                with transaction.atomic():  # each write its own transaction, as in use
                    WRITES[name][0](model_term, i, value)
                committed()
            found = (_found(None), _found(staff))
            entries = _entries(model_term)
            assert entries == _remade(model_term)
            assert (_found(None), _found(staff)) == found
        transaction.set_rollback(True)
