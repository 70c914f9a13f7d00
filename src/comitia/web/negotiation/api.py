"""The API's routes for the negotiation of a draft resolution: read its amendments and its
dashboard's figures (as the reader may: the draft's page's rules, ``visibility``), propose an
amendment (a delegation's token), share one and record its outcome (the secretariat's).

Writes call the page's operations (``operations``): the same rules, versions and audit trail
on both channels. Mounted on the API by ``comitia.web.urls``, this app sitting above the API's
in the layers; declared in ``access.routes`` as the other routes are. The draft itself and its
paragraphs are read through ``/terms/{slug}/resolutions/{resolution}`` and ``.../paragraphs``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Annotated, Any, Literal

import pydantic
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema, Status
from ninja.errors import HttpError, ValidationError
from pydantic import Field

from comitia.plan import ParagraphStatus
from comitia.web.access.middleware import requested_term
from comitia.web.access.policy import Action, may, member_state
from comitia.web.api.endpoints import WRITE_AUTH
from comitia.web.api.schemas import FitTextIn, InvalidOut, RefusalOut
from comitia.web.checks.pages import today_in
from comitia.web.plans import models as m
from comitia.web.publication.visibility import visible_plan

from . import dashboard, operations, progress
from .models import Amendment
from .visibility import amendment_seen, visible_draft

router = Router(tags=["negotiation"])

_DRAFT = "/terms/{slug}/resolutions/{resolution}"
# An amendment's number: a database key, so within a 32-bit signed integer.
AmendmentId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class AmendmentOut(Schema):
    id: int
    paragraph: str = Field(description="The number of the paragraph amended.")
    paragraph_kind: Literal["preambular", "operative"]
    member_state: str = Field(description="ISO 3166 code of the delegation that proposed it.")
    kind: Literal["reword", "delete", "add_after"]
    language: Literal["en", "es", "fr", "pt"]
    text: str = Field(description="The wording proposed (empty for a deletion).")
    base_text: str = Field(description="The paragraph's text it was written against.")
    justification: str
    based_on: int = Field(description="The paragraph's version it was written against.")
    status: Literal["submitted", "incorporated", "merged", "withdrawn", "not_retained"]
    shared: bool = Field(description="Shown to every delegation by the secretariat.")
    proposed_at: dt.datetime
    decided_at: dt.datetime | None
    made_version: int | None = Field(description="The version its incorporation made.")
    url: str = Field(description="The amendment on the draft's page.")


class AmendmentIn(FitTextIn):
    """An amendment to one paragraph, written in one language."""

    paragraph: str = Field(min_length=1, max_length=16, description="The paragraph's number.")
    paragraph_kind: Literal["preambular", "operative"] = "operative"
    kind: Literal["reword", "delete", "add_after"]
    language: Literal["en", "es", "fr", "pt"]
    text: str = Field(default="", max_length=20000, description="None for a deletion.")
    justification: str = Field(min_length=1, max_length=20000)
    token: uuid.UUID | None = Field(
        default=None,
        description="Send the same token again to be answered with the amendment it made (200) "
        "rather than a second one.",
    )


class AmendmentChangeIn(FitTextIn):
    """One decision of the secretariat: share the amendment, or record its outcome."""

    shared: Literal[True] | None = Field(default=None, description="Show it to every delegation.")
    status: Literal["incorporated", "merged", "withdrawn", "not_retained"] | None = Field(
        default=None,
        description="incorporated: the paragraph's text becomes the amendment's (its version "
        "raised); merged (by hand), withdrawn, not_retained: recorded only.",
    )


class AmendmentConflictOut(Schema):
    """The change was not made: someone else decided or shared the amendment first
    (``since`` empty, ``current`` null), or its paragraph changed since it was written: then
    ``since`` are the amendments incorporated after it and ``current`` the paragraph's text now
    in the amendment's language. Nothing was overwritten."""

    detail: str
    amendment: AmendmentOut
    since: list[AmendmentOut]
    current: str | None


class SessionOut(Schema):
    meeting: str = Field(description="The meeting's key.")
    date: dt.date
    held: bool


class CountsOut(Schema):
    by_status: dict[str, int] = Field(description="By status code; 'none' for no status.")
    total: int
    settled: int = Field(description="Agreed or withdrawn.")
    settled_percent: int


class SectionCountsOut(CountsOut):
    section: str = Field(description="The section's key; '' for paragraphs in none.")


class SessionCountsOut(CountsOut):
    meeting: str
    date: dt.date


class PendingOut(Schema):
    paragraph: str
    paragraph_kind: Literal["preambular", "operative"]
    status: str | None
    leads: list[str]


class AwaitingOut(Schema):
    id: int
    paragraph: str
    paragraph_kind: str
    member_state: str
    kind: str
    language: str
    proposed_on: dt.date
    shared: bool


class DashboardOut(Schema):
    """The dashboard's figures, as its page shows them to the caller."""

    all: CountsOut
    sections: list[SectionCountsOut]
    formal_review_dated: bool = Field(description="False: the plan gives no formal review dates.")
    sessions: list[SessionOut] = Field(description="The formal review's meetings, by date.")
    after_sessions: list[SessionCountsOut] = Field(
        description="The counts after each formal session held."
    )
    sessions_left: int | None = Field(description="Formal sessions not yet held.")
    pending: list[PendingOut] = Field(description="The paragraphs neither agreed nor withdrawn.")
    without_lead: list[str] = Field(description="Numbers of paragraphs with no lead.")
    awaiting_decision: list[AwaitingOut]


READ: dict[int, Any] = {401: RefusalOut, 404: RefusalOut}
WRITE: dict[int, Any] = {
    400: RefusalOut,
    401: RefusalOut,
    403: RefusalOut,
    404: RefusalOut,
    422: InvalidOut,
}


def _out(request: HttpRequest, amendment: Amendment) -> AmendmentOut:
    paragraph = amendment.paragraph
    resolution = paragraph.resolution
    page = reverse("negotiation:draft", args=[resolution.term.slug, resolution.key])
    return AmendmentOut(
        id=amendment.pk,
        paragraph=paragraph.number,
        paragraph_kind=paragraph.kind,  # type: ignore[arg-type]
        member_state=amendment.member_state,
        kind=amendment.kind,  # type: ignore[arg-type]
        language=amendment.language,  # type: ignore[arg-type]
        text=amendment.text,
        base_text=amendment.base_text,
        justification=amendment.justification,
        based_on=amendment.based_on,
        status=amendment.status,  # type: ignore[arg-type]
        shared=amendment.shared_at is not None,
        proposed_at=amendment.proposed_at,
        decided_at=amendment.decided_at,
        made_version=amendment.made_version,
        url=request.build_absolute_uri(f"{page}#a-{amendment.pk}"),
    )


def _draft(request: HttpRequest, slug: str, key: str) -> m.Resolution:
    requested_term(request, slug)  # 404 for a term that does not exist
    return visible_draft(request.user, slug, key)


def _seen(request: HttpRequest, term: m.Term, amendments: Any) -> list[Amendment]:
    insider = may(request.user, Action.VIEW_DRAFT, term)
    state = member_state(request.user)
    return [
        a
        for a in amendments
        if amendment_seen(a, list(a.paragraph.leads), insider=insider, state=state)
    ]


def _amendment(request: HttpRequest, stored: m.Resolution, amendment_id: int) -> Amendment:
    rows = Amendment.objects.select_related("paragraph__resolution__term").filter(
        paragraph__resolution=stored, pk=amendment_id
    )
    seen = _seen(request, stored.term, rows)
    if not seen:
        raise Http404(_("No amendment has that number."))
    return seen[0]


@router.get(
    f"{_DRAFT}/amendments",
    response={200: list[AmendmentOut]} | READ,
    url_name="amendments",
)
def amendments(request: HttpRequest, slug: str, resolution: str) -> list[AmendmentOut]:
    """The draft's amendments the caller may see, paragraph by paragraph, oldest first: every
    one for the secretariat and bureau; for a delegation, its own, those to the paragraphs it
    leads and those shared; none for the public."""
    stored = _draft(request, slug, resolution)
    rows = Amendment.objects.select_related("paragraph__resolution__term").filter(
        paragraph__resolution=stored
    )
    ordered = rows.order_by("paragraph__position", "proposed_at", "pk")
    return [_out(request, a) for a in _seen(request, stored.term, ordered)]


def _body(request: HttpRequest, schema: type[FitTextIn], name: str) -> Any:
    """The request's body as ``schema``: read here, after the draft was found, so that a
    draft hidden from the caller answers 404 whatever was sent (Ninja would check the body
    first, and a 422 would tell that the draft exists). The refusals are Ninja's own: 400 for
    a body that is not JSON, 422 with the fields' errors."""
    try:
        data = json.loads(request.body or b"null")
    except ValueError:
        raise HttpError(400, "not JSON") from None
    try:
        return schema.model_validate(data)
    except pydantic.ValidationError as error:
        errors = error.errors(include_url=False, include_input=False, include_context=False)
        raise ValidationError([{**e, "loc": ("body", name, *e["loc"])} for e in errors]) from None


def _documented_body(schema: type[FitTextIn]) -> dict[str, Any]:
    """The OpenAPI entry of a body read by ``_body``."""
    return {
        "requestBody": {
            "content": {"application/json": {"schema": schema.model_json_schema()}},
            "required": True,
        }
    }


@router.post(
    f"{_DRAFT}/amendments",
    response={200: AmendmentOut, 201: AmendmentOut} | WRITE,
    url_name="amendments",
    auth=WRITE_AUTH,
    openapi_extra=_documented_body(AmendmentIn),
)
def propose(request: HttpRequest, slug: str, resolution: str) -> Status[Any]:
    """Propose an amendment for the caller's delegation (403 for a user who speaks for no
    member state); 201 with it, or 200 with the one the same ``token`` made before."""
    stored = _draft(request, slug, resolution)
    amendment: AmendmentIn = _body(request, AmendmentIn, "amendment")
    state = member_state(request.user)
    if not state:
        return Status(403, RefusalOut(detail=_("Only a delegation proposes amendments.")))
    paragraph = (
        m.Paragraph.objects.select_related("resolution__term")
        .filter(resolution=stored, kind=amendment.paragraph_kind, number=amendment.paragraph)
        .first()
    )
    if paragraph is None:
        return Status(404, RefusalOut(detail=_("The draft has no paragraph of that number.")))
    token = amendment.token or uuid.uuid4()
    existed = Amendment.objects.filter(token=token).first()
    if existed is not None and existed.paragraph_id != paragraph.pk:
        return Status(
            422,
            InvalidOut(
                detail=_("This token was sent with another amendment."),
                errors={"token": [_("Already used for another paragraph's amendment.")]},
            ),
        )
    fields = amendment.model_dump(include={"kind", "language", "text", "justification"})
    try:
        made = operations.propose_amendment(paragraph, state, fields, request.user, token=token)
    except operations.AmendmentError as error:
        return Status(422, InvalidOut(detail=_("The amendment was not saved: %s") % error))
    made.paragraph = paragraph
    return Status(200 if existed is not None else 201, _out(request, made))


@router.get(
    f"{_DRAFT}/amendments/{{amendment_id}}",
    response={200: AmendmentOut, 422: InvalidOut} | READ,
    url_name="amendment",
)
def amendment(
    request: HttpRequest, slug: str, resolution: str, amendment_id: AmendmentId
) -> AmendmentOut:
    stored = _draft(request, slug, resolution)
    return _out(request, _amendment(request, stored, amendment_id))


@router.patch(
    f"{_DRAFT}/amendments/{{amendment_id}}",
    response={200: AmendmentOut, 409: AmendmentConflictOut} | WRITE,
    url_name="amendment",
    auth=WRITE_AUTH,
)
def decide(
    request: HttpRequest,
    slug: str,
    resolution: str,
    amendment_id: AmendmentId,
    change: AmendmentChangeIn,
) -> Status[Any]:
    """Share the amendment (``{"shared": true}``) or record its outcome (``{"status": ...}``),
    one at a time. 409 if someone decided or shared it first, or if incorporating it would
    overwrite a change of its paragraph made since it was written (with both)."""
    stored = _draft(request, slug, resolution)
    found = _amendment(request, stored, amendment_id)
    if (change.shared is None) == (change.status is None):
        message = _("Send either shared or status, one of the two.")
        return Status(422, InvalidOut(detail=message, errors={"body": [message]}))
    try:
        if change.shared:
            operations.share_amendment(found, request.user)
        elif change.status == Amendment.Status.INCORPORATED.value:
            operations.incorporate_amendment(found, request.user)
        else:
            operations.record_outcome(found, str(change.status), request.user)
    except operations.AmendmentConflict as conflict:
        return Status(
            409,
            AmendmentConflictOut(
                detail=_(
                    "Nothing was changed: paragraph %(number)s changed since this amendment "
                    "was written (version %(version)s)."
                )
                % {"number": found.paragraph.number, "version": found.based_on},
                amendment=_out(request, _amendment(request, stored, amendment_id)),
                since=[_out(request, a) for a in _with_paragraph(conflict.since, found)],
                current=conflict.current,
            ),
        )
    except operations.AmendmentTaken:
        return Status(
            409,
            AmendmentConflictOut(
                detail=_("Nothing was changed: this amendment was already shared or decided."),
                amendment=_out(request, _amendment(request, stored, amendment_id)),
                since=[],
                current=None,
            ),
        )
    except operations.AmendmentError as error:
        return Status(422, InvalidOut(detail=_("Nothing was changed: %s") % error))
    return Status(200, _out(request, _amendment(request, stored, amendment_id)))


def _with_paragraph(amendments: list[Amendment], like: Amendment) -> list[Amendment]:
    for a in amendments:
        a.paragraph = like.paragraph
    return amendments


def _counts(counts: progress.Counts) -> dict[str, Any]:
    return {
        "by_status": {(s.value if s else "none"): n for s, n in counts.by_status},
        "total": counts.total,
        "settled": counts.settled,
        "settled_percent": counts.settled_percent,
    }


@router.get(
    f"{_DRAFT}/dashboard",
    response={200: DashboardOut} | READ,
    url_name="resolution_dashboard",
)
def dashboard_figures(request: HttpRequest, slug: str, resolution: str) -> DashboardOut:
    """The figures of the draft's dashboard page, counted as it counts them for the caller."""
    stored = _draft(request, slug, resolution)
    term = stored.term
    plan = visible_plan(request.user, term, dashboard.draft_plan(term, stored))
    held = next((r for r in plan.resolutions if r.id == stored.key), None)
    if held is None:
        raise Http404(_("The term has no draft resolution of that name."))
    board = dashboard.build(request.user, stored, plan, held, today_in(term))
    return DashboardOut(
        all=CountsOut(**_counts(board.total)),
        sections=[SectionCountsOut(section=key, **_counts(c)) for key, c in board.sections],
        formal_review_dated=board.review_dated,
        sessions=[SessionOut(meeting=s.key, date=s.date, held=s.held) for s in board.sessions],
        after_sessions=[
            SessionCountsOut(meeting=s.key, date=s.date, **_counts(c))
            for s, c in board.after_sessions
        ],
        sessions_left=len(board.sessions_left) if board.review_dated else None,
        pending=[
            PendingOut(
                paragraph=p.number,
                paragraph_kind=p.kind,  # type: ignore[arg-type]
                status=p.status.value if isinstance(p.status, ParagraphStatus) else None,
                leads=list(p.leads),
            )
            for p in board.still_open
        ],
        without_lead=[p.number for p in board.without_lead],
        awaiting_decision=[
            AwaitingOut(
                id=a.pk,
                paragraph=a.paragraph,
                paragraph_kind=a.paragraph_kind,
                member_state=a.member_state,
                kind=a.kind,
                language=a.language,
                proposed_on=a.proposed_on,
                shared=a.shared,
            )
            for a in board.awaiting
        ],
    )
