"""The API's routes for reports: read submissions and points of contact (of the states the
caller sees: every state for the secretariat, its own for a delegation, none for others), and
record a submission (a delegation's token: its own state's only).

Mounted on the API by ``comitia.web.api.endpoints``; declared in ``access.routes`` as the
other routes are.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from comitia.web.access.middleware import requested_term
from comitia.web.access.tokens import BearerToken
from comitia.web.plans import models as m

from . import operations
from .models import Contact, Submission
from .reading import obligation_rows
from .views import today_of
from .visibility import may_see_state, states_seen

router = Router(tags=["reports"])


class RefusalOut(Schema):
    detail: str


class InvalidOut(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict)


class SubmissionOut(Schema):
    state: str
    obligation: str
    cycle: int
    received: dt.date
    status: str = Field(description="Derived: on_time, late, due, overdue, ...")
    symbol: str
    link: str
    language: str
    has_document: bool


class SubmissionIn(Schema):
    state: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166 code of the member state.")
    obligation: str = Field(min_length=1, max_length=64, description="The obligation's id.")
    cycle: int = Field(ge=1900, le=2200, description="The year it reports for.")
    received: dt.date
    symbol: str = Field(default="", max_length=200)
    link: str = Field(default="", max_length=500)
    language: Literal["", "en", "es", "fr", "pt"] = ""


class ContactOut(Schema):
    state: str
    topic: str
    name: str
    title: str
    institution: str
    email: str
    telephone: str
    since: dt.date | None


READ = {401: RefusalOut, 404: RefusalOut}


def _out(term: m.Term, submissions: list[Submission]) -> list[SubmissionOut]:
    from comitia.plan.reporting import status

    rows = {row.obligation.pk: row for row in obligation_rows(term)}
    today = today_of(term)
    return [
        SubmissionOut(
            state=s.state,
            obligation=s.obligation.key,
            cycle=s.cycle,
            received=s.received,
            status=status(rows[s.obligation_id].cycle, s.state, s.cycle, s.received, today).value,
            symbol=s.symbol,
            link=s.link,
            language=s.language,
            has_document=bool(s.document),
        )
        for s in submissions
    ]


@router.get(
    "/terms/{slug}/submissions",
    response={200: list[SubmissionOut], 422: InvalidOut} | READ,
    url_name="submissions",
)
def submissions(request: HttpRequest, slug: str, year: int | None = None) -> list[SubmissionOut]:
    """The submissions recorded for the states the caller sees (optionally of one cycle)."""
    term = requested_term(request, slug)
    rows = Submission.objects.filter(
        obligation__term=term, state__in=states_seen(request.user, term)
    ).select_related("obligation")
    if year is not None:
        rows = rows.filter(cycle=year)
    return _out(term, list(rows.order_by("obligation__position", "cycle", "state")))


@router.post(
    "/terms/{slug}/submissions",
    response={
        201: SubmissionOut,
        400: RefusalOut,
        401: RefusalOut,
        403: RefusalOut,
        404: RefusalOut,
        422: InvalidOut,
    },
    url_name="submissions",
    auth=[BearerToken(), django_auth],  # a script's token, or a session with its CSRF token
)
def record_submission(request: HttpRequest, slug: str, submission: SubmissionIn) -> Status[Any]:
    """Record (or correct) a state's submission; a delegation records only its own state's
    (404 for another state's, as for one it cannot see)."""
    term = requested_term(request, slug)
    obligation = m.ReportingObligation.objects.filter(term=term, key=submission.obligation).first()
    if obligation is None or not may_see_state(request.user, term, submission.state):
        return Status(404, RefusalOut(detail=_("Not found.")))
    try:
        stored = operations.record_submission(
            operations.SubmissionData(
                obligation=obligation,
                state=submission.state,
                cycle=submission.cycle,
                received=submission.received,
                symbol=submission.symbol,
                link=submission.link,
                language=submission.language,
            ),
            request.user,
        )
    except DjangoValidationError as error:
        errors = error.message_dict if hasattr(error, "error_dict") else {"body": error.messages}
        return Status(
            422, InvalidOut(detail=_("The report was not recorded."), errors=dict(errors))
        )
    return Status(201, _out(term, [stored])[0])


@router.get("/terms/{slug}/contacts", response={200: list[ContactOut]} | READ, url_name="contacts")
def contacts(request: HttpRequest, slug: str) -> list[ContactOut]:
    """The national points of contact of the states the caller sees."""
    term = requested_term(request, slug)
    return [
        ContactOut(
            state=c.state,
            topic=c.topic,
            name=c.name,
            title=c.title,
            institution=c.institution,
            email=c.email,
            telephone=c.telephone,
            since=c.since,
        )
        for c in Contact.objects.filter(state__in=states_seen(request.user, term))
    ]
