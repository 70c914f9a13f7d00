"""The public's kept answers read no term row: the terms' versions (and the states of their
prints) come from the shared cache's generation token (``output_version.answers_generation``),
drawn anew once a write to them commits. Here every kind of write that changes what the public
sees is committed for real (transactional tests), on the database the tests run on (SQLite, or
PostgreSQL with ``DATABASE_URL``), and the next request never gets the answer kept before it:
a term's version raised by an operation or by a row saved as the admin saves it, a term
withdrawn, published again, replaced by its plan loaded again, or deleted (as the admin
does), prints asked for, queued together and done, and the generation token lost from the
cache or drawn by another process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from comitia.web.calendar import operations
from comitia.web.documents import printed
from comitia.web.documents.models import PrintedDocument
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.output_version import ANSWERS_GENERATION, answers_generation
from comitia.web.publication.operations import load_plan_file, set_publication

MODEL_PLAN = Path(__file__).parents[2] / "examples" / "oas-csh-2019-2020.yaml"
SLUG = "csh-2019-2020"
MEETING = "csh-2019-10-24"
MONTH = f"/calendar/{SLUG}/month/2019-10/"
MEETING_PAGE = f"/calendar/{SLUG}/meetings/{MEETING}/"
DOCUMENT = f"/terms/{SLUG}/document/"
HOME = "/"
DUMMY_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "printing"],
    }
}

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def term() -> m.Term:
    return load_plan_file(MODEL_PLAN, replace=True, publish=True)


def _kept(url: str) -> bytes:
    """The public's answer of ``url``, asked until it is kept (served for no query)."""
    first = Client().get(url)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        again = Client().get(url)
    assert again.content == first.content
    assert len(queries) == 0, [q["sql"] for q in queries.captured_queries]
    return bytes(again.content)


def _rename(title: str) -> None:
    meeting = m.Meeting.objects.select_related("term").get(term__slug=SLUG, key=MEETING)
    operations.update_meeting(meeting, {"title": title}, "en", None)


def test_no_kept_answer_is_served_inside_a_transaction_that_changed_what_it_shows(
    term: m.Term,
) -> None:
    _kept(MONTH)
    with transaction.atomic():
        _rename("WRITTEN-NOT-COMMITTED")
        assert b"WRITTEN-NOT-COMMITTED" in Client().get(MONTH).content
    assert b"WRITTEN-NOT-COMMITTED" in _kept(MONTH)


@pytest.mark.parametrize("page", [HOME, MONTH, MEETING_PAGE])
def test_a_version_raised_by_an_operation_is_seen_at_the_next_request(
    term: m.Term, page: str
) -> None:
    _rename("BEFORE-THE-WRITE")
    assert b"BEFORE-THE-WRITE" in _kept(MONTH)
    before = _kept(page)
    _rename("AFTER-THE-WRITE")
    after = Client().get(page).content
    assert after != before
    if page != HOME:
        assert b"AFTER-THE-WRITE" in after
        assert b"BEFORE-THE-WRITE" not in after


def test_a_row_saved_as_the_admin_saves_it_is_seen_at_the_next_request(term: m.Term) -> None:
    _kept(MEETING_PAGE)
    meeting = m.Meeting.objects.get(term=term, key=MEETING)
    meeting.title = {"en": "SAVED-BY-THE-ADMIN"}
    meeting.save()
    assert b"SAVED-BY-THE-ADMIN" in Client().get(MEETING_PAGE).content


def test_a_term_withdrawn_then_published_again_is_seen_at_each_next_request(
    term: m.Term,
) -> None:
    _kept(MONTH)
    assert SLUG.encode() in _kept(HOME)
    set_publication(term, False, None)
    assert Client().get(MONTH).status_code == 404
    assert Client().get(DOCUMENT).status_code == 404
    assert SLUG.encode() not in Client().get(HOME).content
    set_publication(term, True, None)
    assert Client().get(MONTH).status_code == 200
    assert SLUG.encode() in Client().get(HOME).content


def test_a_plan_replaced_by_loading_it_again_is_seen_at_the_next_request(
    term: m.Term, tmp_path: Path
) -> None:
    assert b"10:05" not in _kept(MEETING_PAGE)
    text = MODEL_PLAN.read_text(encoding="utf-8")
    changed, count = re.subn(
        rf"(id: {MEETING}\n(?:\s+\w+: .*\n)*?\s+start: )'10:00'", r"\g<1>'10:05'", text
    )
    assert count == 1
    path = tmp_path / "replaced.yaml"
    path.write_text(changed, encoding="utf-8")
    load_plan_file(path, replace=True, publish=True)
    assert b"10:05" in Client().get(MEETING_PAGE).content


def test_a_term_deleted_as_the_admin_deletes_it_is_missing_at_the_next_request(
    term: m.Term,
) -> None:
    _kept(MONTH)
    assert SLUG.encode() in _kept(HOME)
    term.delete()
    assert Client().get(MONTH).status_code == 404
    assert SLUG.encode() not in Client().get(HOME).content


def _public_key(term: m.Term) -> printed.Key:
    term.refresh_from_db()
    return printed.key_for(term, "html", "en", Visibility.PUBLIC)


def test_a_print_asked_for_then_done_is_seen_at_each_next_request(term: m.Term) -> None:
    PrintedDocument.objects.all().delete()  # what the load queued ahead
    nothing_asked = _kept(DOCUMENT)
    key = _public_key(term)
    PrintedDocument.objects.create(**key.fields(), queued_at=printed.timezone.now())
    being_printed = Client().get(DOCUMENT).content
    assert being_printed != nothing_asked
    assert _kept(DOCUMENT) == being_printed
    assert printed.print_now(key) == "printed"
    ready = Client().get(DOCUMENT).content
    assert ready != being_printed
    assert _kept(DOCUMENT) == ready


def test_prints_queued_together_are_seen_at_the_next_request(term: m.Term) -> None:
    PrintedDocument.objects.all().delete()
    nothing_asked = _kept(DOCUMENT)
    # One bulk insert, which sends no signal; the prints queued, not printed.
    with override_settings(COMITIA_PRINT_AHEAD=True, TASKS=DUMMY_TASKS):
        printed.queue_current(term.pk)
    assert PrintedDocument.objects.filter(printed_at__isnull=True).exists()
    assert Client().get(DOCUMENT).content != nothing_asked


def test_the_generation_lost_from_the_cache_costs_a_query_never_a_stale_answer(
    term: m.Term,
) -> None:
    _kept(MONTH)
    token = answers_generation()
    cache.delete(ANSWERS_GENERATION)
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(MONTH).status_code == 200
    assert len(queries) == 1  # the versions, read again for the new token
    assert answers_generation() != token
    cache.delete(ANSWERS_GENERATION)
    _rename("AFTER-THE-TOKEN-WAS-LOST")
    assert b"AFTER-THE-TOKEN-WAS-LOST" in Client().get(MONTH).content


def test_a_write_made_elsewhere_draws_a_token_this_process_has_not_met(term: m.Term) -> None:
    """Another process's commit reaches this one only through the shared cache: the versions
    this process read are kept by token, and a token it has not met reads them again."""
    _kept(MONTH)
    token = answers_generation()
    # As another process writes: the row, committed, then its token drawn. This process's
    # copy of the versions is still the one of the old token until it meets the new one.
    m.Meeting.objects.filter(term=term, key=MEETING).update(title={"en": "WRITTEN-ELSEWHERE"})
    m.Term.objects.filter(pk=term.pk).update(output_version=F("output_version") + 100)
    assert answers_generation() == token
    cache.set(ANSWERS_GENERATION, "drawn-by-another-process", None)
    assert b"WRITTEN-ELSEWHERE" in Client().get(MONTH).content


def test_a_write_whose_callback_never_ran_is_seen_once_the_token_has_lasted(
    term: m.Term, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The failure the token's short lifetime is for: a write committed whose on-commit
    callback never drew a new token (the process killed between the two, or the shared cache
    unreachable then). Its change is served at the latest once the token has lasted."""
    import time

    from comitia.web.plans import output_version

    lifetime = 2
    monkeypatch.setattr(output_version, "ANSWERS_GENERATION_SECONDS", lifetime)
    _rename("BEFORE-THE-LOST-CALLBACK")  # committed: draws a token that lasts `lifetime`
    drawn = time.monotonic()
    assert b"BEFORE-THE-LOST-CALLBACK" in Client().get(MEETING_PAGE).content
    with monkeypatch.context() as lost:
        lost.setattr(output_version._AnswersChanged, "__call__", lambda self: None)
        _rename("AFTER-THE-LOST-CALLBACK")  # committed, and no new token drawn
    stale = Client().get(MEETING_PAGE).content
    if time.monotonic() - drawn < lifetime:  # else the token is gone already (a slow machine)
        assert b"AFTER-THE-LOST-CALLBACK" not in stale  # the write is not seen yet...
    time.sleep(max(0.0, drawn + lifetime + 0.2 - time.monotonic()))
    seen = Client().get(MEETING_PAGE).content
    assert b"AFTER-THE-LOST-CALLBACK" in seen  # ...and is, once the token has lasted
    assert b"BEFORE-THE-LOST-CALLBACK" not in seen
