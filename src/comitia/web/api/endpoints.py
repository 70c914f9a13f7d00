"""The API's routes: read terms, plans and meetings; change, move and cancel a meeting.

Who may call what is not decided here: each route is declared, per HTTP method, in
``comitia.web.access.routes`` and the access middleware refuses the call before it reaches
these functions. Writes validate with the editing pages' own forms and go through the
calendar's operations, so the rules (end after start, a date inside the term, earlier dates
recorded, versions, audit trail) are the same on both channels.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

import pydantic
from django.db import DataError, IntegrityError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import django_auth

from comitia.checks import paragraph_coverage
from comitia.plan import Language, Plan
from comitia.plan.files import plan_to_data
from comitia.web.access.middleware import api_refusal, requested_term, sign_in_first
from comitia.web.access.routes import API_NAMESPACE
from comitia.web.access.tokens import BearerToken
from comitia.web.calendar import operations
from comitia.web.calendar.forms import CancelForm, MeetingForm, MoveForm
from comitia.web.calendar.preview import Preview, meeting_preview
from comitia.web.home.overview import display_language
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.publication.visibility import visible_meetings, visible_plan, visible_terms

from .schemas import (
    ChangeOut,
    ConflictOut,
    FindingOut,
    IndexOut,
    InvalidOut,
    MeetingCancelIn,
    MeetingChangeIn,
    MeetingMoveIn,
    MeetingOut,
    MeetingSavedOut,
    ParagraphOut,
    RefusalOut,
    ResolutionOut,
    ResourceOut,
    TermOut,
    UnconfirmedOut,
    VersionIn,
)

log = logging.getLogger(__name__)


class _API(NinjaAPI):
    """Django Ninja's API, whose OpenAPI document also says what 401 answers carry."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        for path in schema["paths"].values():
            for operation in path.values():
                responses = operation["responses"]
                refusal = responses.get(401) or responses.get("401")  # Ninja's keys: numbers
                if refusal is not None:
                    refusal["headers"] = {
                        "WWW-Authenticate": {
                            "description": "The scheme to authenticate with: Bearer.",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    }
        return schema


api = _API(
    title="Comitia",
    version="1",
    description="The work plans and calendars of committees, as Comitia holds them.",
    urls_namespace=API_NAMESPACE,
    docs_url=None,  # the interactive page loads scripts from elsewhere, which the CSP forbids
)

# Writes: a script's API token (no CSRF token needed), or a signed-in session with Django's
# CSRF token, as the pages send.
WRITE_AUTH = [BearerToken(), django_auth]

# Every answer an operation gives, with its shape (the OpenAPI document lists them all; a
# test with schemathesis holds the API to it). Any request may carry a wrong API token: 401.
# A method an address does not take answers 405, with ``Allow``, outside any operation.
READ_RESPONSES: dict[int, Any] = {401: RefusalOut, 404: RefusalOut}
WRITE_RESPONSES: dict[int, Any] = {
    200: MeetingSavedOut,
    400: RefusalOut,
    401: RefusalOut,
    403: RefusalOut,
    404: RefusalOut,
    409: ConflictOut,
    422: InvalidOut | UnconfirmedOut,
}


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    # The very answer the access middleware gives for a term hidden from the caller.
    return api_refusal(404, _("Not found."))


@api.exception_handler(ValidationError)
def _invalid_input(request: HttpRequest, error: ValidationError) -> HttpResponse:
    invalid = InvalidOut(
        detail=_("The change was not saved: some values are not valid."),
        errors=_field_errors(error.errors, skip=2),  # ("body", the argument's name)
    )
    return _JSONResponse(invalid.model_dump_json(), status=422)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    # Django Ninja's own refusals, worded as the rest: a body that is not JSON (400), a
    # session without its CSRF token (403), no authentication (401).
    if isinstance(error, AuthenticationError) or error.status_code == 401:
        return sign_in_first()
    detail = {
        400: _("The body of the request is not valid JSON."),
        403: _("Send the CSRF token in the X-CSRFToken header, or use an API token."),
    }.get(error.status_code, str(error))
    return api_refusal(error.status_code, detail)


def _field_errors(errors: Sequence[Mapping[str, Any]], skip: int = 0) -> dict[str, list[str]]:
    """Pydantic's errors by field (a dotted path, ``body`` for the whole body), its messages
    only: never the value sent nor pydantic's types and addresses."""
    by_field: dict[str, list[str]] = {}
    for error in errors:
        path = [str(part) for part in error.get("loc", ())[skip:]]
        by_field.setdefault(".".join(path) or "body", []).append(str(error.get("msg", "")))
    return by_field


class _JSONResponse(HttpResponse):
    def __init__(self, text: str, status: int = 200) -> None:
        super().__init__(text, status=status, content_type="application/json; charset=utf-8")


def _stored_meeting(request: HttpRequest, term: m.Term, key: str) -> m.Meeting:
    meeting = visible_meetings(request.user, term).filter(key=key).first()
    if meeting is None:
        raise Http404(_("The term has no meeting of that name."))
    return meeting


def _visible_plan(request: HttpRequest, term: m.Term) -> tuple[Plan, dict[str, int]]:
    """The term's plan with what ``request.user`` may see of it, and its meetings' versions."""
    versions = dict(visible_meetings(request.user, term).values_list("key", "version"))
    return visible_plan(request.user, term, load_plan(term)), versions


def _meeting_out(request: HttpRequest, term: m.Term, meeting: Any, version: int) -> MeetingOut:
    page = reverse("calendar:meeting", args=[term.slug, meeting.id])
    data = meeting.model_dump()
    return MeetingOut(**data, version=version, url=request.build_absolute_uri(page))


def _read_meeting(request: HttpRequest, term: m.Term, key: str) -> MeetingOut:
    plan, versions = _visible_plan(request, term)
    meeting = next((x for x in plan.meetings if x.id == key), None)
    if meeting is None:
        raise Http404(_("The term has no meeting of that name."))
    return _meeting_out(request, term, meeting, versions[key])


def _input_language(lang: str | None) -> str:
    """The language texts are written in: the one named, else the request's."""
    if lang is None:
        return display_language(get_language() or "en")
    if lang not in {language.value for language in Language}:
        known = ", ".join(language.value for language in Language)
        message = _("Not a language of the site; they are %(languages)s.") % {"languages": known}
        raise _Invalid(
            _("The change was not saved: some values are not valid."), {"lang": [message]}
        )
    return lang


class _Invalid(Exception):
    def __init__(self, detail: str, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(detail)
        self.out = InvalidOut(detail=detail, errors=errors or {})


def _validated(form: Form) -> dict[str, Any]:
    if not form.is_valid():
        errors = {field: [str(e) for e in messages] for field, messages in form.errors.items()}
        raise _Invalid(_("The change was not saved: some values are not valid."), errors)
    return form.cleaned_data


class _Unconfirmed(Exception):
    """A change that brings new errors to the plan's checks, sent without confirming them."""

    def __init__(self, preview: Preview) -> None:
        super().__init__(preview.fingerprint)
        self.preview = preview


def _findings_out(preview: Preview | None) -> list[FindingOut]:
    lang = display_language(get_language() or "en")
    return [FindingOut(**f.to_dict(lang)) for f in preview.findings] if preview else []


def _warned(preview: Preview, confirm: str | None) -> Preview:
    """``preview``, unless it holds new errors that ``confirm`` does not name."""
    if preview.errors and confirm != preview.fingerprint:
        raise _Unconfirmed(preview)
    return preview


def _refused_operation(error: operations.OperationError) -> InvalidOut:
    """Why an operation refused the change, without the database's own words or pydantic's
    internals (the values and the types they name), which are logged instead."""
    cause = error.__cause__
    if isinstance(cause, IntegrityError | DataError):
        log.warning("the database refused a change through the API: %s", cause)
        return InvalidOut(detail=_("The change was not saved: the database refused a value."))
    plan_error = cause.__cause__ if cause is not None else None
    if isinstance(plan_error, pydantic.ValidationError):
        return InvalidOut(
            detail=_("The change was not saved: the plan would no longer be valid."),
            errors=_field_errors(plan_error.errors(include_url=False, include_input=False)),
        )
    return InvalidOut(detail=str(error))


def _write(
    request: HttpRequest, term: m.Term, meeting: m.Meeting, sent: VersionIn, write: Any
) -> Status[Any]:
    """Run ``write`` (an operation on ``meeting``, which gives the findings the change brings)
    and answer with the meeting as it is then and those findings, or with why it was refused."""
    try:
        found = write()
    except _Invalid as invalid:
        return Status(422, invalid.out)
    except _Unconfirmed as unconfirmed:
        return Status(
            422,
            UnconfirmedOut(
                detail=_(
                    "The change was not saved: it brings new errors to the plan's checks. "
                    "Send the change again with confirm set to %(token)s to save it anyway."
                )
                % {"token": unconfirmed.preview.fingerprint},
                findings=_findings_out(unconfirmed.preview),
                confirm=unconfirmed.preview.fingerprint,
            ),
        )
    except operations.EditConflict as conflict:
        stale = conflict.stale
        return Status(
            409,
            ConflictOut(
                detail=_(
                    "The change was not saved: someone saved this meeting after version "
                    "%(version)s."
                )
                % {"version": stale.based_on},
                based_on=stale.based_on,
                current=stale.current,
                changes=[
                    ChangeOut(user=c.username, at=c.at, fields=c.fields) for c in stale.changes
                ],
                meeting=_read_meeting(request, term, meeting.key),
                your_input=sent.model_dump(mode="json", exclude_unset=True),
            ),
        )
    except operations.OperationError as error:
        return Status(422, _refused_operation(error))
    saved = _read_meeting(request, term, meeting.key)
    return Status(200, MeetingSavedOut(**saved.model_dump(), findings=_findings_out(found)))


@api.get("/", response={200: IndexOut, 401: RefusalOut}, url_name="index")
def index(request: HttpRequest) -> IndexOut:
    """What this API is, where its description is and the resources to start from."""
    return IndexOut(
        name=api.title,
        version=api.version,
        description=_("The work plans and calendars of committees, as Comitia holds them."),
        openapi_url=request.build_absolute_uri(reverse("api:openapi-json")),
        docs_url=request.build_absolute_uri(reverse("api-docs")),
        resources=[
            ResourceOut(
                name="terms",
                url=request.build_absolute_uri(reverse("api:terms")),
                description=_(
                    "The terms you may see, each with the addresses of its plan and meetings; "
                    "resolutions, amendments, reports and contacts are under each term."
                ),
            )
        ],
    )


@api.get("/terms", response={200: list[TermOut], 401: RefusalOut}, url_name="terms")
def terms(request: HttpRequest) -> list[TermOut]:
    """The terms the caller may see, newest first."""
    rows = m.Term.objects.select_related("committee")
    return [
        TermOut(
            slug=term.slug,
            label=term.label,
            committee=term.committee.key if term.committee else None,
            start=term.start,
            end=term.end,
            plan_url=request.build_absolute_uri(reverse("api:plan", args=[term.slug])),
            meetings_url=request.build_absolute_uri(reverse("api:meetings", args=[term.slug])),
        )
        for term in visible_terms(request.user, rows)
    ]


# by_alias: the OpenAPI document names fields as the answers do (a paragraph's ``from``).
@api.get(
    "/terms/{slug}/plan", response={200: Plan} | READ_RESPONSES, url_name="plan", by_alias=True
)
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    """The term's plan as a plan file in JSON (``docs/plan.schema.json``), with what the caller
    may see."""
    shown, _versions = _visible_plan(request, requested_term(request, slug))
    return _JSONResponse(json.dumps(plan_to_data(shown, complete=True), ensure_ascii=False))


@api.get(
    "/terms/{slug}/meetings", response={200: list[MeetingOut]} | READ_RESPONSES, url_name="meetings"
)
def meetings(request: HttpRequest, slug: str) -> list[MeetingOut]:
    """The term's meetings the caller may see, in date order."""
    term = requested_term(request, slug)
    shown, versions = _visible_plan(request, term)
    return [_meeting_out(request, term, x, versions[x.id]) for x in shown.meetings]


@api.get(
    "/terms/{slug}/meetings/{key}", response={200: MeetingOut} | READ_RESPONSES, url_name="meeting"
)
def meeting(request: HttpRequest, slug: str, key: str) -> MeetingOut:
    return _read_meeting(request, requested_term(request, slug), key)


@api.patch(
    "/terms/{slug}/meetings/{key}", response=WRITE_RESPONSES, url_name="meeting", auth=WRITE_AUTH
)
def change_meeting(
    request: HttpRequest, slug: str, key: str, change: MeetingChangeIn
) -> Status[Any]:
    """Change a meeting's times, kind, status, title or venue. Name the version the change is
    based on; 409 if the meeting was saved since, with what changed and what you sent."""
    term = requested_term(request, slug)
    stored = _stored_meeting(request, term, key)

    def write() -> Preview:
        lang = _input_language(change.lang)
        sent = change.model_dump(exclude_unset=True, exclude={"lang", "version", "confirm"})
        data = MeetingForm.initial_for(stored, lang) | sent
        form = MeetingForm(data, term=term, editing=True, meeting=stored, lang=lang)
        fields = _validated(form)
        found = _warned(meeting_preview(term, stored, fields, lang), change.confirm)
        operations.update_meeting(stored, fields, lang, request.user, version=change.version)
        return found

    return _write(request, term, stored, change, write)


@api.post(
    "/terms/{slug}/meetings/{key}/move",
    response=WRITE_RESPONSES,
    url_name="meeting_move",
    auth=WRITE_AUTH,
)
def move_meeting(request: HttpRequest, slug: str, key: str, move: MeetingMoveIn) -> Status[Any]:
    """Move a meeting to another day; its current date is kept as an earlier date, with the
    reason."""
    term = requested_term(request, slug)
    stored = _stored_meeting(request, term, key)

    def write() -> Preview:
        lang = _input_language(move.lang)
        data = {
            "new_date": move.date,
            "start": move.start or stored.start,
            "end": move.end or stored.end,
            "reason": move.reason,
        }
        fields = _validated(MoveForm(data, meeting=stored))
        booked = _booking(term, move.room, move.team)
        fields |= booked
        moved_to = fields["new_date"]
        found = _warned(
            meeting_preview(term, stored, fields, lang, moved_to=moved_to), move.confirm
        )
        operations.move_meeting(
            stored,
            fields["new_date"],
            fields["reason"],
            request.user,
            lang=lang,
            start=fields["start"],
            end=fields["end"],
            room=booked.get("room"),
            team=booked.get("team"),
            version=move.version,
        )
        return found

    return _write(request, term, stored, move, write)


def _booking(term: m.Term, room: str | None, team: str | None) -> dict[str, str]:
    """The room and team a move books, each checked to be one of the term's organization's
    (the others' bookings are then held by the checks' preview); 422 for another key."""
    booked: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    organization = term.organization_id
    rooms = m.Room.objects.filter(organization_id=organization) if organization else None
    teams = (
        m.InterpretationTeam.objects.filter(organization_id=organization) if organization else None
    )
    for name, key, rows, what in (
        ("room", room, rooms, _("room")),
        ("team", team, teams, _("interpretation team")),
    ):
        if key is None:
            continue
        if rows is None or not rows.filter(key=key).exists():
            errors[name] = [
                _("The organization has no %(what)s “%(key)s”.") % {"what": what, "key": key}
            ]
        else:
            booked[name] = key
    if errors:
        raise _Invalid(_("The change was not saved: some values are not valid."), errors)
    return booked


@api.post(
    "/terms/{slug}/meetings/{key}/cancel",
    response=WRITE_RESPONSES,
    url_name="meeting_cancel",
    auth=WRITE_AUTH,
)
def cancel_meeting(
    request: HttpRequest, slug: str, key: str, cancel: MeetingCancelIn
) -> Status[Any]:
    """Cancel a meeting; it stays in the calendar and the feeds, marked cancelled. The reason
    is required and kept in the meeting's history."""
    term = requested_term(request, slug)
    stored = _stored_meeting(request, term, key)

    def write() -> None:  # a cancellation warns of nothing: it removes a meeting from the checks
        fields = _validated(CancelForm({"reason": cancel.reason}))
        operations.cancel_meeting(
            stored, request.user, reason=fields["reason"], version=cancel.version
        )

    return _write(request, term, stored, cancel, write)


# -- resolutions ------------------------------------------------------------------------------


def _resolution_out(request: HttpRequest, term: m.Term, resolution: Any) -> dict[str, Any]:
    address = reverse("api:resolution_paragraphs", args=[term.slug, resolution.id])
    out = ResolutionOut(
        **resolution.model_dump(by_alias=True), paragraphs_url=request.build_absolute_uri(address)
    )
    return out.model_dump(mode="json", by_alias=True)


def _today_in(term: m.Term) -> Any:
    """Today at the term's headquarters, which decides what was already presented."""
    return timezone.now().astimezone(ZoneInfo(term.timezone)).date()


def _held(plan: Plan, key: str) -> Any:
    resolution = next((r for r in plan.resolutions if r.id == key), None)
    if resolution is None:
        raise Http404(_("The term has no resolution of that name."))
    return resolution


@api.get(
    "/terms/{slug}/resolutions",
    response={200: list[ResolutionOut]} | READ_RESPONSES,
    url_name="resolutions",
    by_alias=True,
)
def resolutions(request: HttpRequest, slug: str) -> HttpResponse:
    """The term's resolutions: the adopted ones its mandates come from, and its drafts."""
    term = requested_term(request, slug)
    shown, _versions = _visible_plan(request, term)
    data = [_resolution_out(request, term, r) for r in shown.resolutions]
    return _JSONResponse(json.dumps(data, ensure_ascii=False))


@api.get(
    "/terms/{slug}/resolutions/{resolution}",
    response={200: ResolutionOut} | READ_RESPONSES,
    url_name="resolution",
    by_alias=True,
)
def resolution(request: HttpRequest, slug: str, resolution: str) -> HttpResponse:
    term = requested_term(request, slug)
    shown, _versions = _visible_plan(request, term)
    data = _resolution_out(request, term, _held(shown, resolution))
    return _JSONResponse(json.dumps(data, ensure_ascii=False))


@api.get(
    "/terms/{slug}/resolutions/{resolution}/paragraphs",
    response={200: list[ParagraphOut]} | READ_RESPONSES,
    url_name="resolution_paragraphs",
    by_alias=True,
)
def resolution_paragraphs(request: HttpRequest, slug: str, resolution: str) -> HttpResponse:
    """The resolution's paragraphs in order, each with the thematic area of its section and,
    for those the committee follows up, the meetings the caller may see that address it."""
    term = requested_term(request, slug)
    shown, _versions = _visible_plan(request, term)
    held = _held(shown, resolution)
    covered = {
        (row.resolution.id, row.paragraph.kind, row.paragraph.number): row
        for row in paragraph_coverage(shown, today=_today_in(term))
        if row.resolution.id == held.id
    }
    areas = {section.id: section.area for section in held.sections}
    data = []
    for paragraph in held.paragraphs:
        row = covered.get((held.id, paragraph.kind, paragraph.number))
        out = ParagraphOut(
            **paragraph.model_dump(by_alias=True),
            resolution=held.id,
            area=areas.get(paragraph.section) if paragraph.section else None,
            coverage=row.state.value if row is not None else None,
            meetings=[meeting.id for meeting in row.meetings] if row is not None else [],
        )
        data.append(out.model_dump(mode="json", by_alias=True))
    return _JSONResponse(json.dumps(data, ensure_ascii=False))


# Member states' reports: their routes live with the reports app.
from comitia.web.reports.api import router as _reports_router  # noqa: E402

api.add_router("", _reports_router)

# The rescheduling assistant's dates for a meeting.
from .rescheduling import router as _rescheduling_router  # noqa: E402

api.add_router("", _rescheduling_router)
